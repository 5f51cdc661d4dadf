/**
 * Every view on every shape of document we have (issue 13: "no view assumes a table, category or fact
 * that the dataset does not hold"): the Shenzhen 12-table budget (hand-made), and the imported Shanghai
 * budget in 元 with split codes and no performance tables, Shanghai final accounts in 万元 with two
 * decimals, Jiangsu 公开01–12表 (tests/fixtures/imported). Each view renders its heading, states a figure
 * of the document (read from the data), shows no raw message key and raises no Vue warning or error.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { formatAmount } from '@/domain/format'
import type { RawCatalogue, RawDataset } from '@/domain/schema'
import { LOCALES } from '@/domain/types'
import OverviewView from '@/views/OverviewView.vue'
import ClassificationView from '@/views/ClassificationView.vue'
import FlowsView from '@/views/FlowsView.vue'
import CompareView from '@/views/CompareView.vue'
import ExecutionView from '@/views/ExecutionView.vue'
import PerformanceView from '@/views/PerformanceView.vue'
import TablesView from '@/views/TablesView.vue'
import ChecksView from '@/views/ChecksView.vue'
import GlossaryView from '@/views/GlossaryView.vue'
import NotesView from '@/views/NotesView.vue'
import { mountWithApp } from '../helpers/mount'

const DIR = 'tests/fixtures/imported'
const catalogue = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as RawCatalogue
const DATASETS = catalogue.datasets.map((e) => [e.id, JSON.parse(readFileSync(`${DIR}/${e.file}`, 'utf8')) as RawDataset] as const)

const VIEWS: [string, Component][] = [
  ['', OverviewView],
  ['classification', ClassificationView],
  ['flows', FlowsView],
  ['compare', CompareView],
  ['execution', ExecutionView],
  ['performance', PerformanceView],
  ['tables', TablesView],
  ['checks', ChecksView],
  ['glossary', GlossaryView],
  ['notes', NotesView],
]

describe('every view on every shape of document', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    vi.restoreAllMocks()
  })

  it('holds the four shapes the issue names', () => {
    const units = DATASETS.map(([, d]) => `${d.unit}/${d.precision.tables.decimals}/${d.phase}/${d.performance ? 'perf' : 'noperf'}`)
    expect(units).toEqual(expect.arrayContaining(['万元/0/budget/perf', '元/0/budget/noperf', '万元/2/final/noperf', '万元/2/budget/noperf']))
  })

  for (const [id, raw] of DATASETS)
    for (const locale of LOCALES)
      it.each(VIEWS)(`${id} · ${locale} · /%s`, async (path, view) => {
        const warn = vi.spyOn(console, 'warn')
        const error = vi.spyOn(console, 'error')
        const { wrapper } = await mountWithApp(view, { dataset: raw, locale, path: `/${locale}/${path}` })
        const text = wrapper.text()
        expect(wrapper.find('h2').exists(), 'a heading').toBe(true)
        expect(text, 'no raw message key').not.toMatch(/\b(overview|tables|checks|compare|flows|classification|performance|glossary|notes|app|units|story|execution)\.[a-z]+[A-Za-z.]*\b/)
        expect(text, 'no undefined or NaN').not.toMatch(/undefined|NaN/)
        // The overview's headline: the spending the text states, else the functional table's total, in the
        // document's own unit (a 元 document shows in 元 until the reader chooses).
        const stored = raw.overview?.expenditure?.amount ?? raw.functional.unit.total
        if (path === '') expect(text).toContain(formatAmount(raw.unit === '元' ? stored / 10_000 : stored, locale, raw.unit === '元' ? 'yuan' : 'wan'))
        expect(warn).not.toHaveBeenCalled()
        expect(error).not.toHaveBeenCalled()
      })
})
