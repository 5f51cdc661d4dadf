// Notes in a real browser: a note written here is exported as a JSON file and brought back by
// importing that file in another browser (a fresh context: another computer).
import { expect, it } from 'vitest'
import { DESKTOP, describeInBrowser, expectNoProblems, message } from '../support'

describeInBrowser('notes', (app) => {
  it('exports a note as JSON and imports it again in another browser', async () => {
    const first = await app.open(DESKTOP, { locale: 'zh-CN', view: 'notes' })
    const { page } = first
    const text = '请说明这一项为什么增加（导出再导入）'
    await page.locator('[data-testid="flagged"] .note-button__button').first().click()
    await page.getByRole('dialog').getByRole('textbox').fill(text)
    await page.getByRole('dialog').getByRole('button', { name: message('zh-CN', 'notes.save') }).click()
    await expect.poll(() => page.getByTestId('my-notes').innerText()).toContain(text)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: message('zh-CN', 'notes.exportJson') }).click()])
    const file = await download.path()
    await expectNoProblems(first)

    const second = await app.open(DESKTOP, { locale: 'zh-CN', view: 'notes' })
    const other = second.page
    expect(await other.getByTestId('my-notes').innerText()).not.toContain(text)
    await other.getByTestId('notes-import-file').setInputFiles(file)
    await expect.poll(() => other.getByTestId('notes-import-status').innerText()).not.toBe('')
    expect(await other.getByTestId('notes-import-status').innerText()).toBe(message('zh-CN', 'notes.importDone', { added: 1, replaced: 0 }))
    expect(await other.getByTestId('my-notes').innerText()).toContain(text)
    await other.reload()
    await other.getByTestId('my-notes').waitFor()
    expect(await other.getByTestId('my-notes').innerText()).toContain(text)
    await expectNoProblems(second)
  })
})
