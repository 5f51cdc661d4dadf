// `npm run upgrade-data [dir]`: rewrites a data folder's older-format files in the current format.
import { runnerImport } from 'vite'

const { module } = await runnerImport('./scripts/upgrade-data-cli.ts', { configFile: false, logLevel: 'error' })
process.exitCode = await module.main(process.argv.slice(2))
