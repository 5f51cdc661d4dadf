// Runs before the first paint of a pre-rendered page (a blocking same-origin script: the CSP allows no
// inline one). When the URL's hash names another page (a deep link such as #/en/classification), the
// pre-rendered content is hidden (the `prerender-hidden` class, base.css) and the loading line shows
// until the app renders that page. The hashes that show this page are in its JSON block
// (`src/prerenderPage.ts`).
;(function () {
  var block = document.getElementById('prerender-page')
  try {
    var page = JSON.parse(block ? block.textContent : 'null')
    // Opened with no hash, a page other than index.html is its own route (index.html: the app's default).
    if (!page.landing && !location.hash) history.replaceState(history.state, '', page.hash)
    if (page.hashes.indexOf(location.hash) < 0) document.documentElement.classList.add('prerender-hidden')
  } catch {
    document.documentElement.classList.add('prerender-hidden')
  }
})()
