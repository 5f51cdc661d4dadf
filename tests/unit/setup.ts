// Unit tests run in a fixed zone and locale so formatting and dates never depend on the machine.
process.env.TZ = 'UTC'

// jsdom has no layout: the router's scroll behaviour calls scrollTo, which jsdom does not implement.
window.scrollTo = () => undefined
