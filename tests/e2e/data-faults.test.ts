// Broken data: the catalogue or the dataset missing, not JSON, failing the schema, or of a newer
// format. Each must give the error panel — a message in the page's language and a retry button —
// with no uncaught exception and none of the dataset's figures; once the file is mended, retry shows
// the overview. A dataset whose figures contradict each other is not broken: it is shown, flagged.
import { expect, it } from 'vitest'
import type { RawDataset } from '@/domain/schema'
import { formatAmount } from '@/domain/format'
import { present } from '../unit/helpers/present'
import {
  CATALOGUE_FILE,
  DESKTOP,
  FAILED_RESOURCE_ERROR,
  PHONE,
  describeInBrowser,
  expectNoProblems,
  expectNoSeriousA11yViolations,
  message,
  readPublished,
  saveScreenshot,
  type DataFolder,
} from './support'

const { datasetFile, dataset } = readPublished()

interface Fault {
  name: string
  /** For the screenshot's file name. */
  slug: string
  /** Breaks one file of the served copy. */
  apply: (data: DataFolder) => Promise<void>
  /** What the panel must say: the message key and its parameters. */
  kind: 'http' | 'json' | 'schema' | 'version'
  file: string
  status?: number
}

/** A leaf row of the functional table (a 7-digit 项 code), whose total feeds every sum above it. */
function leafRow(d: RawDataset): RawDataset['functional']['rows'][number] {
  const row = d.functional.rows.find((r) => r.code.length === 7)
  if (!row) throw new Error('the dataset has no 7-digit functional row')
  return row
}

const FAULTS: Fault[] = [
  { name: 'catalogue 404', slug: 'catalogue-404', apply: (d) => d.remove(CATALOGUE_FILE), kind: 'http', file: CATALOGUE_FILE, status: 404 },
  { name: 'dataset 404', slug: 'dataset-404', apply: (d) => d.remove(datasetFile), kind: 'http', file: datasetFile, status: 404 },
  { name: 'dataset not JSON', slug: 'not-json', apply: (d) => d.writeText(datasetFile, '<!doctype html><p>Service unavailable</p>'), kind: 'json', file: datasetFile },
  {
    name: 'dataset failing the schema (a total as a string)',
    slug: 'schema',
    apply: (d) =>
      d.editJson<Record<string, unknown> & RawDataset>(datasetFile, (raw) => {
        const row = leafRow(raw) as unknown as Record<string, unknown>
        row.total = String(row.total)
      }),
    kind: 'schema',
    file: datasetFile,
  },
  {
    name: 'dataset of a newer format than the site reads',
    slug: 'version',
    apply: (d) =>
      d.editJson<Record<string, unknown>>(datasetFile, (raw) => {
        raw.schemaVersion = 99
      }),
    kind: 'version',
    file: datasetFile,
  },
]

describeInBrowser(
  'data faults',
  (app) => {
    for (const fault of FAULTS)
      for (const [locale, device] of [
        ['zh-CN', PHONE],
        ['en', DESKTOP],
      ] as const)
        it(`${fault.name} · ${locale} · ${device.name}`, async () => {
          await app.data.reset()
          await fault.apply(app.data)
          const opened = await app.open(device, { locale })
          const { page } = opened

          const alert = page.getByRole('alert')
          expect(await alert.count()).toBe(1)
          const text = await alert.innerText()
          expect(text).toContain(message(locale, `errors.${fault.kind}`, { file: fault.file, status: fault.status ?? '' }))
          const retry = alert.getByRole('button', { name: message(locale, 'errors.retry') })
          expect(await retry.isVisible()).toBe(true)
          expect(await page.locator('[data-testid=total]').count()).toBe(0)
          expect(await page.locator('body').innerText()).not.toContain(formatAmount(present(dataset.overview?.expenditure, 'stated spending').amount, locale))
          await expectNoProblems(opened, { allowConsole: fault.status === 404 ? [FAILED_RESOURCE_ERROR] : [] })
          if (device.name === 'phone') {
            await expectNoSeriousA11yViolations(page, `error panel: ${fault.name}`)
            await saveScreenshot(page, `${locale}-error-${fault.slug}`)
          }

          await app.data.reset()
          if (device.name === 'phone') await retry.tap()
          else await retry.click()
          const total = page.locator('[data-testid=total]')
          await total.waitFor()
          expect(await total.innerText()).toBe(formatAmount(present(dataset.overview?.expenditure, 'stated spending').amount, locale))
          expect(await page.getByRole('alert').count()).toBe(0)
          await expectNoProblems(opened, { allowConsole: fault.status === 404 ? [FAILED_RESOURCE_ERROR] : [] })
        })

    it('shows a dataset whose figures contradict each other, and flags the contradictions (zh-CN, phone)', async () => {
      await app.data.reset()
      let changed = 0
      await app.data.editJson<RawDataset>(datasetFile, (raw) => {
        const row = leafRow(raw)
        row.total += 50
        changed = row.total
      })
      const opened = await app.open(PHONE, { locale: 'zh-CN' })
      const { page } = opened
      expect(await page.getByRole('alert').count()).toBe(0)
      await page.locator('[data-testid=total]').waitFor()
      const notice = page.locator('[data-testid=contradictions]')
      await notice.waitFor()
      expect(await notice.innerText()).toMatch(/\d+ 处数字相互矛盾/)
      await notice.getByRole('link').tap()
      await page.waitForURL((url) => url.hash.includes('verdict=mismatch'))
      await page.getByText(formatAmount(changed, 'zh-CN').replace(' 万元', ''), { exact: false }).first().waitFor()
      expect(await page.locator('body').innerText()).toContain(message('zh-CN', 'checks.verdict.mismatch'))
      await expectNoProblems(opened)
      await app.data.reset()
    })
  },
  { data: true },
)
