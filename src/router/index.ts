/**
 * Routes. Hash history, so one build works under any sub-path with or without SPA fallback:
 * `/budget/#/en/classification?dept=yantian-investment-center&year=2023&node=2011308`. The first path
 * segment is the language; the query names the dataset (`datasetParams.ts`) and the view's state.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import { DEFAULT_LOCALE, LOCALES } from '@/domain/languages'
import { installDatasetParams, namesDataset } from './datasetParams'

/** The views of the app, in navigation order, with the message key of their title. */
export const VIEWS = [
  { name: 'overview', path: '', titleKey: 'nav.overview' },
  { name: 'classification', path: 'classification', titleKey: 'nav.classification' },
  { name: 'flows', path: 'flows', titleKey: 'nav.flows' },
  { name: 'compare', path: 'compare', titleKey: 'nav.compare' },
  { name: 'execution', path: 'execution', titleKey: 'nav.execution' },
  { name: 'performance', path: 'performance', titleKey: 'nav.performance' },
  { name: 'tables', path: 'tables', titleKey: 'nav.tables' },
  { name: 'checks', path: 'checks', titleKey: 'nav.checks' },
  { name: 'glossary', path: 'glossary', titleKey: 'nav.glossary' },
  { name: 'notes', path: 'notes', titleKey: 'nav.notes' },
] as const
export type ViewName = (typeof VIEWS)[number]['name']

const COMPONENTS: Record<ViewName, NonNullable<RouteRecordRaw['component']>> = {
  overview: () => import('@/views/OverviewView.vue'),
  classification: () => import('@/views/ClassificationView.vue'),
  flows: () => import('@/views/FlowsView.vue'),
  compare: () => import('@/views/CompareView.vue'),
  execution: () => import('@/views/ExecutionView.vue'),
  performance: () => import('@/views/PerformanceView.vue'),
  tables: () => import('@/views/TablesView.vue'),
  checks: () => import('@/views/ChecksView.vue'),
  glossary: () => import('@/views/GlossaryView.vue'),
  notes: () => import('@/views/NotesView.vue'),
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: `/${DEFAULT_LOCALE}` },
  {
    // Exactly the registry's tags (BCP 47: letters, digits, hyphens; nothing to escape in the pattern).
    path: `/:locale(${LOCALES.join('|')})`,
    children: [
      ...VIEWS.map((v) => ({
        path: v.path,
        name: v.name,
        component: COMPONENTS[v.name],
        meta: { titleKey: v.titleKey },
      })),
      // The district at a glance (two or more departments): the landing and `district/compare`, about no one dataset, not in the nav.
      { path: 'district/:part(compare)?', name: 'district', component: () => import('@/views/DistrictView.vue'), meta: { titleKey: 'district.title', district: true, messages: ['district', 'export'] } },
      // One chart or table without the app's header and footer, for other sites' pages (not in the nav).
      { path: 'embed/:what', name: 'embed', component: () => import('@/views/EmbedView.vue'), meta: { titleKey: 'embed.title', embed: true } },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'notFound', component: () => import('@/views/NotFoundView.vue'), meta: { titleKey: 'nav.notFound' } },
]

/** Creates the router; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, from, saved) => {
      if (saved) return saved
      // Only the query changed (a filter, a drill-down, a search): keep the reader where they are.
      if (to.path === from.path) return false
      // A bare link going on to the district landing: nothing was scrolled yet, and scrolling would lay the page out at once.
      if (to.meta.district && from.name === 'overview' && !namesDataset(from.query)) return false
      return { top: 0 }
    },
  })
  installDatasetParams(router)
  return router
}
