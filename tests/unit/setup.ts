// Unit tests run in a fixed zone and locale so formatting and dates never depend on the machine.
process.env.TZ = 'UTC'

// jsdom has no layout: the router's scroll behaviour calls scrollTo, which jsdom does not implement.
// (Tests that run in Node, such as the build's pre-render, have no window.)
if (typeof window !== 'undefined') window.scrollTo = () => undefined
