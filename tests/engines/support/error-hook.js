// Test-only, for engines whose WebDriver cannot watch the page (WebKitGTK over classic WebDriver):
// the test server loads this file first in the app's HTML, as an ordinary same-origin script, so
// the shipped CSP is unchanged. It records uncaught errors, unhandled rejections and console
// errors on `window.__testHookProblems`, which the smoke reads and empties after each view.
;(function () {
  var problems = []
  window.__testHookProblems = problems
  function describe(value) {
    if (value instanceof Error) return value.stack && value.stack.indexOf(value.message) !== -1 ? value.stack : value.name + ': ' + value.message + '\n' + (value.stack || '')
    try {
      return typeof value === 'string' ? value : JSON.stringify(value)
    } catch {
      return String(value)
    }
  }
  window.addEventListener('error', function (event) {
    problems.push('uncaught: ' + (event.error ? describe(event.error) : event.message) + ' (' + event.filename + ':' + event.lineno + ')')
  })
  window.addEventListener('unhandledrejection', function (event) {
    problems.push('unhandled rejection: ' + describe(event.reason))
  })
  var consoleError = console.error
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.map.call(arguments, describe).join(' '))
    return consoleError.apply(console, arguments)
  }
})()
