// Unit tests run in a fixed zone and locale so formatting and dates never depend on the machine.
process.env.TZ = 'UTC'
