/**
 * localStorage, or nothing where even reading it throws (blocked cookies, some private modes): the one
 * way the stores reach it. Each store keeps its own reading and validation (the notes store keeps a
 * corrupt value aside for the reader); a library such as VueUse's useStorage would replace only these
 * few lines, not that, and would add to the first page's code.
 */
export function safeLocalStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}
