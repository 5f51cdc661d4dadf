/**
 * Saves generated text as a file: a Blob, an object URL and a temporary `<a download>`; the one helper
 * every download of the app uses. Works under the strict CSP (no data: URL, no window.open) and needs
 * no server. `mime` without a charset: the text is always UTF-8.
 * (In-app browsers ignore blob downloads: where a static copy exists, the view links to it instead.)
 */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke later, not at once: some browsers (Firefox, Safari) read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
