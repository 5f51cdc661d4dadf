// Runs before the first paint of a pre-rendered page (a blocking same-origin script: the CSP allows no
// inline one). When the URL's hash names another page (a deep link such as #/en/classification), the
// pre-rendered content is hidden (the `prerender-hidden` class, base.css) and the loading line shows
// until the app renders that page. The hashes that show this page are in its JSON block
// (`src/prerenderPage.ts`).
//
// It also starts the app. The page's HTML holds no module script or preload: their addresses are in the
// block's `load`. Over the pre-rendered figures the app is requested after the first paint, so the page's
// text and stylesheets do not share a slow link with the app's ≈ 110 KiB of script and data; for a deep
// link (pre-render hidden) it is requested at once.
;(function () {
  var root = document.documentElement
  var page = null
  try {
    page = JSON.parse(document.getElementById('prerender-page').textContent)
    // Opened with no hash, a page other than index.html is its own route (index.html: the app's default).
    if (!page.landing && !location.hash) history.replaceState(history.state, '', page.hash)
    if (page.hashes.indexOf(location.hash) < 0) root.classList.add('prerender-hidden')
  } catch {
    root.classList.add('prerender-hidden')
  }
  var load = (page && page.load) || { script: '', modules: [], fetches: [] }
  function add(tag, attrs) {
    var el = document.createElement(tag)
    for (var k in attrs) el.setAttribute(k, attrs[k])
    document.head.appendChild(el)
  }
  var started = false
  function start() {
    if (started) return
    started = true
    for (var i = 0; i < load.fetches.length; i++) add('link', { rel: 'preload', href: load.fetches[i], as: 'fetch', crossorigin: 'anonymous' })
    for (var j = 0; j < load.modules.length; j++) add('link', { rel: 'modulepreload', href: load.modules[j], crossorigin: '' })
    if (load.script) add('script', { type: 'module', src: load.script, crossorigin: '' })
  }
  if (root.classList.contains('prerender-hidden')) start()
  // After the first paint: its Paint Timing entry comes once the frame is on screen. Without that entry type,
  // a task queued from the first frame's callback runs after that frame. A tab opened in the background gets
  // no frames: a timer starts the app there.
  else {
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || []
    if (types.indexOf('paint') >= 0)
      new PerformanceObserver(function (list, observer) {
        observer.disconnect()
        setTimeout(start, 0)
      }).observe({ type: 'paint', buffered: true })
    else
      document.addEventListener('DOMContentLoaded', function () {
        requestAnimationFrame(function () {
          setTimeout(start, 0)
        })
      })
    setTimeout(start, 1500)
  }
})()
