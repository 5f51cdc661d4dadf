/** The element id of a glossary entry, for `?term=`: "2011308" → "glossary-2011308", "doc-1" → "glossary-doc-1". */
export function glossaryEntryId(term: string): string {
  return `glossary-${term.replace(/[^\w-]/g, '_')}`
}
