// `npm run summarise-data [dir]`: writes each catalogue entry's summary (the district landing's figures) from its dataset.
import { runnerImport } from 'vite'

const { module } = await runnerImport('./scripts/summarise-data-cli.ts', { configFile: false, logLevel: 'error' })
process.exitCode = await module.main(process.argv.slice(2))
