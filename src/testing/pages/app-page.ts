// What every page of the app has, for browser tests: its address under the server's base, the error
// summary, the sign-out button, and axe-core's verdict on it as it is now.
import type { Page } from 'playwright-core'
import { seriousViolations, type AxeViolation } from '../axe.ts'

export class AppPage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  /** Opens `path` (from the site's root). */
  async goto(path: string): Promise<this> {
    await this.page.goto(`${this.base}${path}`)
    return this
  }

  /** The page's path now (after a redirect or a form sent). */
  path(): string {
    return new URL(this.page.url()).pathname
  }

  /** Waits until the page's address matches (a string is a path from the site's root). */
  async reached(where: string | RegExp): Promise<void> {
    await this.page.waitForURL(typeof where === 'string' ? `${this.base}${where}` : where)
  }

  /** The error summary's text, once it is shown. */
  async errorSummary(): Promise<string> {
    await this.page.waitForSelector('.govuk-error-summary')
    return this.page.locator('.govuk-error-summary').innerText()
  }

  /** Whether keyboard focus is inside the error summary (GOV.UK Frontend moves it there). */
  focusInErrorSummary(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null)
  }

  /** Follows the error summary's link to a field; gives the id of the element that then has focus. */
  async followErrorTo(field: string): Promise<string | undefined> {
    await this.page.click(`.govuk-error-summary a[href="#${field}"]`)
    return this.page.evaluate(() => document.activeElement?.id)
  }

  async signOut(): Promise<void> {
    await this.page.click('button:has-text("Sign out")')
    await this.page.waitForURL(/\/sign-in/)
  }

  /** Serious and critical accessibility violations (axe-core, injected: the context must bypass the CSP). */
  seriousViolations(): Promise<AxeViolation[]> {
    return seriousViolations(this.page)
  }
}
