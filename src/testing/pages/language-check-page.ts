// Checking the language of a note (/language/check): findings shown as it is typed (with JavaScript),
// a finding's suggested wording used, or the text checked on pressing Check (without).
import type { Locator } from 'playwright-core'
import { must } from '../../errors/must.ts'
import { PageAt } from './app-page.ts'

export class LanguageCheckPage extends PageAt('/language/check') {
  /** Types the text key by key, as a person would. */
  async type(text: string): Promise<void> {
    await this.page.locator('#text').pressSequentially(text, { delay: 5 })
  }

  /** Puts the text in at once and tells the page it changed. */
  async paste(text: string): Promise<void> {
    await this.page.fill('#text', text)
    await this.page.locator('#text').dispatchEvent('input')
  }

  text(): Promise<string> {
    return this.page.inputValue('#text')
  }

  /** A finding of `rule`'s, or the first finding shown. */
  finding(rule?: string): Locator {
    return rule
      ? this.page.locator(`.tl-language-finding[data-rule="${rule}"]`)
      : this.page.locator('.tl-language-finding').first()
  }

  /** Presses a finding's first "Use this wording"; gives the wording it offered. */
  async useSuggestion(finding: Locator): Promise<string> {
    const button = finding.locator('button[data-language-use]').first()
    const suggestion = must(await button.getAttribute('data-language-use'), 'the wording a finding offers')
    await button.click()
    return suggestion
  }

  /** The rules whose suggestions were used, as the form will send them. */
  accepted(): Promise<string> {
    return this.page.inputValue('input[name="text_language_accepted"]')
  }

  /** Without JavaScript: fills the text and presses Check. */
  async check(text: string): Promise<void> {
    await this.page.fill('#text', text)
    await this.page.click('button:has-text("Check")')
    await this.page.waitForLoadState()
  }

  /** The findings the page answered with after Check. */
  savedFindings(): Promise<string> {
    return this.page.locator('.tl-language-saved').innerText()
  }
}
