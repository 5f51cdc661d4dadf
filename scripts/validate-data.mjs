// `npm run validate-data`: checks every dataset in public/data/index.json against the schema and
// the reconciliation checks, prints every check, exits non-zero on a schema failure or a mismatch.
// Runs the TypeScript domain code through Vite's module runner (no separate TS toolchain).
import { runnerImport } from 'vite'

const { module } = await runnerImport('./scripts/validate-data-cli.ts', { configFile: false, logLevel: 'error' })
process.exitCode = await module.main(process.argv.slice(2))
