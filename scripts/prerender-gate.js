// Runs before the first paint of a pre-rendered page (a blocking same-origin script: the CSP allows no
// inline one). When the URL's hash names another page (a deep link such as #/en/classification), the
// pre-rendered content is hidden (the `prerender-hidden` class, base.css) and the loading line shows
// until the app renders that page. The hashes that show this page are in its JSON block.
;(function () {
  var block = document.getElementById('prerender-page')
  try {
    var hashes = JSON.parse(block ? block.textContent : 'null').hashes
    if (hashes.indexOf(location.hash) < 0) document.documentElement.classList.add('prerender-hidden')
  } catch {
    document.documentElement.classList.add('prerender-hidden')
  }
})()
