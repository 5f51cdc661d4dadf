import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/router'
import { installLocaleSync } from '@/router/locale'
import { useBudgetStore } from '@/stores/budget'
import { useExecutionStore } from '@/stores/execution'
import { formatAmount, formatPercent } from '@/domain/format'
import { statedItemBudgets, makeExecutionFolder } from '../../fixtures/execution'
import type { FixtureFolder } from '../../fixtures/catalogues'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import { stubDataFolder, type FakeFile } from '../helpers/fetch'
import { createTestI18n } from '../helpers/i18n'
import { SOURCE_DIR, DOCUMENTS } from '../import/documents'
import ExecutionView from '@/views/ExecutionView.vue'
import type { Locale } from '@/domain/types'
import type { Component } from 'vue'
import { afterPaint, whenIdle } from '@/composables/useAfterFirstPaint'
import BudgetStory from '@/components/story/BudgetStory.vue'
import NotesView from '@/views/NotesView.vue'
import { buildBrief, type BriefContext } from '@/components/notes/brief'
import { computeExecution } from '@/domain/execution'
import { makeBudgetFromFinal } from '../../fixtures/execution'
import { toBudget } from '../helpers/mount'

function filesOf(folder: FixtureFolder): Record<string, FakeFile> {
  const files: Record<string, FakeFile> = { 'index.json': { json: folder.catalogue } }
  for (const [name, json] of Object.entries(folder.files)) files[name] = { json }
  return files
}

async function open(files: Record<string, FakeFile>, dataset: { departmentId: string; year: number; phase: 'budget' | 'final' }, locale: Locale = 'zh-CN', component: Component = ExecutionView, path = 'execution') {
  stubDataFolder(files)
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createTestI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  installLocaleSync(router, i18n)
  const store = useBudgetStore()
  await store.load({ departmentId: dataset.departmentId, year: String(dataset.year), phase: dataset.phase })
  await router.push(`/${locale}/${path}`)
  await router.isReady()
  const wrapper = mount(component, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  const execution = useExecutionStore()
  await vi.waitFor(() => expect(execution.status).not.toBe('loading'))
  await whenIdle()
  await vi.dynamicImportSettled()
  await flushPromises()
  await afterPaint()
  await vi.dynamicImportSettled()
  await flushPromises()
  return { wrapper, store, execution }
}

const folder = makeExecutionFolder()
const FINAL = folder.final
const stated = /完成年初预算的([\d.]+)%/.exec(readFileSync(SOURCE_DIR + DOCUMENTS.finance, 'utf8').replace(/\s+/g, ''))?.[1]

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ExecutionView', () => {
  it.each(['budget', 'final'] as const)('from the %s: loads the other document and shows planned against spent', async (phase) => {
    const { wrapper } = await open(filesOf(folder), { ...FINAL, phase })
    expect(wrapper.get('[data-testid=execution-rate]').text()).toBe(`${stated}%`)
    const bars = wrapper.findAll('[data-testid=execution-functional] .xbars__row')
    expect(bars.map((b) => b.attributes('data-code'))).toEqual(wrapper.findAll('.xtable tbody tr').map((r) => r.attributes('data-code')))
    expect(bars.every((b) => b.attributes('tabindex') === '0')).toBe(true)
    // The document's reasons beside their items; its rounding gaps said, not hidden.
    const reasons = (FINAL.itemStatements ?? []).flatMap((s) => (s.reason ? [s.reason.zh] : []))
    for (const r of reasons) expect(wrapper.text()).toContain(r)
    expect(wrapper.findAll('[data-testid=execution-gap]').length).toBeGreaterThan(0)
    expect(wrapper.get('[data-testid=execution-economic-missing]').text()).toContain('预算文件没有公布经济分类表')
    // The table leaves the 决算数 cells blank; the actual shown is the prose's, marked as such.
    expect(FINAL.threePublic?.stated?.final?.total).toBeDefined()
    expect(wrapper.get('[data-testid=execution-three-public-text]').text()).toContain('决算数取自决算文件正文')
    expect(wrapper.get('[data-testid=execution-three-public] tbody tr').text()).toContain('‡')
  })

  it('with the budget alone: says the final accounts are missing, shows no figure of comparison', async () => {
    const alone = makeExecutionFolder({ final: false })
    const { wrapper } = await open(filesOf(alone), { ...FINAL, phase: 'budget' })
    expect(wrapper.get('[data-testid=execution-missing]').text()).toContain(`${FINAL.year} 年的部门决算`)
    expect(wrapper.find('[data-testid=execution-total]').exists()).toBe(false)
    expect(wrapper.find('.xbars').exists()).toBe(false)
    // What the budget plans is still said, as the overview says it; no rate is made up.
    expect(wrapper.get('[data-testid=execution-one-side]').text()).toContain(formatAmount(alone.budget.functional.unit.total, 'zh-CN'))
    expect(wrapper.text()).not.toContain('%')
  })

  it('with the final accounts alone: their own stated budget, labelled so', async () => {
    const alone = makeExecutionFolder({ budget: false })
    const { wrapper } = await open(filesOf(alone), { ...FINAL, phase: 'final' }, 'en')
    expect(wrapper.get('[data-testid=execution-missing]').text()).toContain(`no ${FINAL.year} budget`)
    expect(wrapper.text()).toContain('as stated by the final accounts')
    expect(wrapper.findAll('.xtable tbody tr').map((r) => r.attributes('data-code'))).toEqual([...statedItemBudgets(FINAL).keys()])
    expect(wrapper.find('.derived-tag').exists()).toBe(true)
  })

  it('a second document that fails to load is an error with a retry, and the retry recovers', async () => {
    const files = filesOf(folder)
    const finalFile = `${FINAL.id}.json`
    const good = files[finalFile]
    files[finalFile] = { status: 500 }
    const { wrapper, execution } = await open(files, { ...FINAL, phase: 'budget' })
    expect(wrapper.get('[role=alert]').text()).toContain('部门决算未能载入')
    expect(wrapper.find('[data-testid=execution-one-side]').exists()).toBe(false)
    if (good) files[finalFile] = good
    stubDataFolder(files)
    await wrapper.get('[role=alert] button').trigger('click')
    await vi.waitFor(() => expect(execution.status).toBe('ready'))
    await flushPromises()
    expect(wrapper.get('[data-testid=execution-rate]').text()).toBe(`${stated}%`)
  })

  it('a Shanghai budget shows the prior-year execution it states, labelled as the budget document’s', async () => {
    const dir = 'tests/fixtures/imported'
    const catalogue = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) as RawCatalogue
    const files: Record<string, FakeFile> = { 'index.json': { json: catalogue } }
    for (const e of catalogue.datasets) files[e.file] = { json: JSON.parse(readFileSync(`${dir}/${e.file}`, 'utf8')) as RawDataset }
    const wanli = catalogue.datasets.find((d) => d.phase === 'budget' && (files[d.file] as { json: RawDataset }).json.itemStatements?.some((s) => s.compared?.basis === 'priorExecution'))
    if (!wanli) throw new Error('no budget stating prior execution')
    const { wrapper } = await open(files, wanli, 'en')
    const prior = wrapper.get('[data-testid=execution-prior]')
    expect(prior.text()).toContain('as stated by the budget document')
    const raw = (files[wanli.file] as { json: RawDataset }).json
    const count = (raw.itemStatements ?? []).filter((s) => s.compared?.basis === 'priorExecution').length
    expect(prior.findAll('tbody tr')).toHaveLength(count)
    const first = (raw.itemStatements ?? []).find((s) => s.compared?.basis === 'priorExecution' && s.percent !== undefined)
    if (first?.percent !== undefined) expect(prior.get(`tr[data-code="${first.code}"]`).text()).toContain(formatPercent(first.percent, 'en', String(first.percent).split('.')[1]?.length ?? 0, true))
    // No final accounts of that year: said, with no comparison.
    expect(wrapper.find('[data-testid=execution-missing]').exists()).toBe(true)
  })
})

describe('the story and the brief say how the budget was spent', () => {
  it('the overview story adds the execution topic when final accounts of the year exist', async () => {
    const { wrapper } = await open(filesOf(folder), { ...FINAL, phase: 'budget' }, 'zh-CN', BudgetStory, '')
    await vi.waitFor(() => expect(wrapper.find('[data-topic=execution]').exists()).toBe(true))
    const topic = wrapper.get('[data-topic=execution]')
    expect(topic.get('[data-sentence=executionRate]').text()).toContain(`${stated}%`)
    expect(topic.text()).toContain('没有与预算相差 10% 或以上的项目')
  })

  it('no execution topic without final accounts', async () => {
    const { wrapper } = await open(filesOf(makeExecutionFolder({ final: false })), { ...FINAL, phase: 'budget' }, 'zh-CN', BudgetStory, '')
    expect(wrapper.find('[data-testid=budget-story]').exists()).toBe(true)
    expect(wrapper.find('[data-topic=execution]').exists()).toBe(false)
  })

  it('the notes view lists the execution section', async () => {
    const { wrapper } = await open(filesOf(folder), { ...FINAL, phase: 'final' }, 'en', NotesView, 'notes')
    expect(wrapper.get('[data-testid=flagged-execution]').text()).toContain('No item differs from its budget by 10% or more')
  })

  it('the brief lists every row ≥ 10 % off its budget with its figures and reason', () => {
    // The budget without its largest stated item: its 款 and 类 overrun by more than 10 %.
    const items = (FINAL.itemStatements ?? []).filter((s) => s.compared?.basis === 'budget')
    const largest = [...items].sort((a, z) => (z.compared?.amount ?? 0) - (a.compared?.amount ?? 0))[0]
    const partial = toBudget(makeBudgetFromFinal({ ...FINAL, itemStatements: FINAL.itemStatements?.filter((s) => s !== largest) }))
    const e = computeExecution(partial, toBudget(FINAL))
    if (!e) throw new Error('no execution')
    expect(e.flagged.length).toBeGreaterThan(0)
    const ctx: BriefContext = { t: (k, p) => `${k}${p ? JSON.stringify(p) : ''}`, tx: (x) => x?.zh ?? '', amount: String, signedAmount: String, percent: String, date: String }
    const brief = buildBrief({ heading: 'h', generatedAt: '2024-01-01T00:00:00Z', noted: [], flags: [], execution: { flagged: e.flagged, stated: false } }, ctx, 'md')
    expect(brief).toContain('execution.brief.title')
    for (const r of e.flagged) expect(brief).toContain(`- ${r.code} ${r.name.zh}`)
    expect(brief).not.toContain('execution.brief.none')
  })
})
