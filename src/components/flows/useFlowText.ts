import { useI18n } from 'vue-i18n'
import type { FlowGap, FlowGraph, FlowNode } from '@/domain/flows'
import { useLocale } from '@/composables/useLocale'
import { useBudgetStore } from '@/stores/budget'

/** Words for the flow diagram in the reader's language: node names and gap explanations. */
export function useFlowText(): {
  /** "201 一般公共服务支出", "基本支出", "尾数差 +1 万元". */
  nodeName: (node: FlowNode) => string
  /** "“项目支出”公布为 850 万元，从它流出的各支相加为 851 万元，多 1 万元。" */
  gapNote: (gap: FlowGap, graph: FlowGraph) => string
} {
  const { t } = useI18n()
  const { tx, amount } = useLocale()
  const store = useBudgetStore()
  /** Final accounts name the balances 年初 / 年末结转和结余; budgets 上年结余、结转 / 结转下年. */
  const final = (): boolean => store.budget?.phase === 'final'
  const signedAmount = (d: number): string => `${d > 0 ? '+' : '−'}${amount(Math.abs(d))}`

  const nodeName = (node: FlowNode): string => {
    switch (node.kind) {
      case 'source':
        return node.name ? tx(node.name) : t(final() ? 'flows.node.carriedOverFinal' : 'flows.node.carriedOver')
      case 'total':
        return t('flows.node.total')
      case 'split':
        return t(node.part === 'project' ? 'flows.node.project' : 'flows.node.basic')
      case 'class':
        return `${node.code ?? ''} ${tx(node.name)}`.trim()
      case 'carryForward':
        return t(final() ? 'flows.node.carryForwardFinal' : 'flows.node.carryForward')
      case 'gap':
        return t('flows.gapLabel', { difference: signedAmount(node.gap?.difference ?? 0) })
    }
  }

  const gapNote = (gap: FlowGap, graph: FlowGraph): string => {
    const node = graph.nodes.find((n) => n.id === gap.nodeId)
    return t('flows.gapNote', {
      node: node ? nodeName(node) : gap.nodeId,
      published: amount(gap.published),
      side: t(`flows.gapSide.${gap.compared}`),
      sum: amount(gap.partsSum),
      difference: amount(Math.abs(gap.difference)),
      direction: t(gap.difference > 0 ? 'flows.more' : 'flows.less'),
    })
  }

  return { nodeName, gapNote }
}
