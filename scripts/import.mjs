// `npm run import -- <document> [--data <dir>] [--json] [--date YYYY-MM-DD]`: reads a published
// disclosure's text, maps it onto a dataset, validates and checks it, writes it and its catalogue entry.
// Runs the TypeScript code through Vite's module runner (no separate TS toolchain).
import { runnerImport } from 'vite'

const { module } = await runnerImport('./scripts/import-cli.ts', { configFile: false, logLevel: 'error' })
process.exitCode = await module.main(process.argv.slice(2))
