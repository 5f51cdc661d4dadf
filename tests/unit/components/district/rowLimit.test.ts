// The district's lists with more departments than fit a screen: the first 20 rows in the chosen order
// (sorted over every row before the cut), a "show all" button that shows the rest, says so in the URL
// and moves focus to the first row that was hidden; the comparison's CSV holds every row all the same.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DistrictLanding from '@/components/district/DistrictLanding.vue'
import DistrictCompare from '@/components/district/DistrictCompare.vue'
import { ROW_LIMIT } from '@/components/district/useRowLimit'
import { computeLandingRows, filterLandingRows, sortLandingRows } from '@/domain/district'
import { computeComparison, sortCompareRows } from '@/domain/districtCompare'
import { parseCatalogue } from '@/domain/parse'
import { localize, type Catalogue } from '@/domain/types'
import type { RawCatalogue } from '@/domain/schema'
import { makeDistrictFolder } from '../../../fixtures/district'
import { createTestI18n } from '../../helpers/i18n'
import { mountWithApp } from '../../helpers/mount'

/** The real documents and 24 copies of the first under invented names, each with the first's summary: more departments than the cut. */
function makeCatalogue(): Catalogue {
  const raw: RawCatalogue = makeDistrictFolder(24, 1).catalogue
  const summary = raw.datasets[0]?.summary
  const parsed = parseCatalogue({ ...raw, datasets: raw.datasets.map((d) => ({ ...d, summary: d.summary ?? summary })) })
  if (!parsed.ok) throw new Error(parsed.problem.kind)
  return parsed.value
}
const catalogue = makeCatalogue()
const en = createTestI18n('en').global
const nameOf = (x: Parameters<typeof localize>[0]) => localize(x, 'en')
const collator = new Intl.Collator('en')

async function open(component: typeof DistrictLanding, path: string) {
  const mounted = await mountWithApp(component, { path, locale: 'en' })
  mounted.store.catalogue = catalogue
  await flushPromises()
  return mounted
}
const idsIn = (rows: { attributes: (name: string) => string | undefined }[]) => rows.map((r) => r.attributes('data-dataset'))

describe('the landing’s first rows and “show all”', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })
  const latest = filterLandingRows(computeLandingRows(catalogue), { year: 'latest' })

  it('shows the first rows of the order chosen over every row, then all of them with focus on the first that was hidden', async () => {
    expect(latest.length).toBeGreaterThan(ROW_LIMIT)
    const { wrapper, router } = await open(DistrictLanding, '/en/district')
    const rows = () => wrapper.findAll('[data-testid="landing-table"] tbody tr')
    expect(idsIn(rows())).toEqual(sortLandingRows(latest, 'total', 'desc', nameOf, collator).slice(0, ROW_LIMIT).map((r) => r.entry.id))
    // Sorting by name reorders every row, not only those shown.
    await wrapper.get('[data-testid="landing-table"] button[data-sort="name"]').trigger('click')
    await flushPromises()
    const byName = sortLandingRows(latest, 'name', 'asc', nameOf, collator).map((r) => r.entry.id)
    expect(idsIn(rows())).toEqual(byName.slice(0, ROW_LIMIT))
    const button = wrapper.get('#district-table-title ~ .show-all [data-testid="show-all"]')
    expect(button.text()).toBe(en.t('district.showAllDocuments', { total: latest.length }))
    expect(button.attributes('aria-controls')).toBe('landing-table')
    await button.trigger('click')
    await flushPromises()
    expect(idsIn(rows())).toEqual(byName)
    expect(router.currentRoute.value.query.all).toBe('1')
    expect(document.activeElement).toBe(rows()[ROW_LIMIT]?.find('a').element)
    expect(wrapper.find('#district-table-title ~ .show-all').exists()).toBe(false)
  })

  it('shows every row when the link says so, and no button when every row fits', async () => {
    const { wrapper } = await open(DistrictLanding, '/en/district?all=1')
    expect(wrapper.findAll('[data-testid="landing-table"] tbody tr')).toHaveLength(latest.length)
    expect(wrapper.findAll('.district-bars__item')).toHaveLength(latest.filter((r) => r.summary).length)
    expect(wrapper.find('[data-testid="show-all"]').exists()).toBe(false)
    const year = catalogue.datasets.find((d) => d.departmentId !== catalogue.datasets[0]?.departmentId && d.year !== catalogue.datasets[0]?.year)?.year
    const few = await open(DistrictLanding, `/en/district?fy=${year}`)
    const kept = filterLandingRows(computeLandingRows(catalogue), { year: year ?? 0 })
    expect(kept.length).toBeLessThanOrEqual(ROW_LIMIT)
    expect(few.wrapper.findAll('[data-testid="landing-table"] tbody tr')).toHaveLength(kept.length)
    expect(few.wrapper.find('[data-testid="show-all"]').exists()).toBe(false)
  })

  it('draws the largest bars first and the rest on request, focus on the first new bar', async () => {
    const { wrapper } = await open(DistrictLanding, '/en/district')
    const bars = () => wrapper.findAll('.district-bars__item')
    expect(bars()).toHaveLength(ROW_LIMIT)
    const largest = sortLandingRows(latest, 'total', 'desc', nameOf, collator)
    expect(bars()[0]?.find('a').attributes('href')).toContain(`dept=${largest[0]?.entry.departmentId}`)
    const button = wrapper.get('.district-bars [data-testid="show-all"]')
    expect(button.text()).toBe(en.t('district.showAllBars', { total: latest.filter((r) => r.summary).length }))
    await button.trigger('click')
    await flushPromises()
    expect(bars()).toHaveLength(latest.length)
    expect(document.activeElement).toBe(bars()[ROW_LIMIT]?.find('a').element)
  })
})

describe('the comparison’s first rows, “show all” and its CSV', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })
  const year = catalogue.datasets[0]?.year ?? 0
  const compared = computeComparison(catalogue, year, 'budget')

  it('sorts every department before the cut and shows the rest on request, with a real button', async () => {
    expect(compared.rows.length).toBeGreaterThan(ROW_LIMIT)
    const { wrapper, router } = await open(DistrictCompare, `/en/district/compare?fy=${year}&sort=name&dir=desc`)
    const rows = () => wrapper.findAll('[data-testid="compare-table"] tbody tr')
    const expected = sortCompareRows(compared.rows, 'name', 'desc', nameOf, collator).map((r) => r.entry.id)
    expect(idsIn(rows())).toEqual(expected.slice(0, ROW_LIMIT))
    const button = wrapper.get('[data-testid="show-all"]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.text()).toBe(en.t('district.showAllDepartments', { total: compared.rows.length }))
    expect(wrapper.get('[data-testid="rows-cut"]').text()).toBe(en.t('district.rowsCut', { shown: ROW_LIMIT, total: compared.rows.length }))
    await button.trigger('click')
    await flushPromises()
    expect(idsIn(rows())).toEqual(expected)
    expect(router.currentRoute.value.query).toMatchObject({ all: '1', sort: 'name', dir: 'desc' })
    expect(document.activeElement).toBe(rows()[ROW_LIMIT]?.find('a').element)
  })

  it('exports every department as CSV while the table shows the first rows', async () => {
    const blobs: Blob[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => undefined }))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { wrapper } = await open(DistrictCompare, `/en/district/compare?fy=${year}`)
    expect(wrapper.findAll('[data-testid="compare-table"] tbody tr')).toHaveLength(ROW_LIMIT)
    await wrapper.get('.export-buttons button').trigger('click')
    const lines = new TextDecoder().decode(await blobs[0]!.arrayBuffer()).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(compared.rows.length + 1)
    for (const r of compared.rows) expect(lines.some((l) => l.includes(nameOf(r.entry.department)))).toBe(true)
  })
})
