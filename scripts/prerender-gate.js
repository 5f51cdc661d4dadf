// Runs before the first paint of a pre-rendered page (a blocking same-origin script: the CSP allows no
// inline one). When the URL's hash names another page (a deep link such as #/en/classification), the
// pre-rendered content is hidden (the `prerender-hidden` class, base.css) and the loading line shows
// until the app renders that page. The hashes that show this page are in its JSON block
// (`src/prerenderPage.ts`).
//
// It also starts the app. The page's HTML holds no module script or preload: they are in the block's `load`,
// element by element. Over the pre-rendered figures the app is requested after the first paint, so the page's
// text and stylesheets do not share a slow link with the app's ≈ 110 KiB of script and data; for a deep
// link (pre-render hidden) it is requested at once. Minified by the build (vite.config.ts).
;(function () {
  var root = document.documentElement
  var hidden = 'prerender-hidden'
  var page = {}
  try {
    page = JSON.parse(document.getElementById('prerender-page').textContent)
    // Opened with no hash, a page other than index.html is its own route (index.html: the app's default).
    if (!page.landing && !location.hash) history.replaceState(history.state, '', page.hash)
    if (page.hashes.indexOf(location.hash) < 0) root.classList.add(hidden)
  } catch {
    root.classList.add(hidden)
  }
  var load = page.load
  var started = !load
  function start() {
    if (started) return
    started = true
    // Each element as the built index.html had it: the data and module preloads, then the entry script.
    load.forEach(function (el) {
      var node = document.createElement(el.tag)
      for (var k in el.attrs) node.setAttribute(k, el.attrs[k])
      document.head.appendChild(node)
    })
  }
  if (root.classList.contains(hidden)) start()
  // Without the Paint Timing entry type: once the page and its stylesheets have loaded.
  else if ((PerformanceObserver.supportedEntryTypes || []).indexOf('paint') < 0) addEventListener('load', start)
  // After the first paint: its entry comes once the frame is on screen. A tab opened in the background gets
  // no frames: a timer starts the app there.
  else {
    new PerformanceObserver(function (list, observer) {
      observer.disconnect()
      setTimeout(start)
    }).observe({ type: 'paint', buffered: true })
    setTimeout(start, 1500)
  }
})()
