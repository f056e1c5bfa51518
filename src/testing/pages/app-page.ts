// What every page of the app has, for browser tests: its address under the server's base, the error
// summary, the sign-out button, and axe-core's verdict on it as it is now; and how a page object sends
// a form and checks where the service sent the browser.
import type { Locator, Page } from 'playwright-core'
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

  /** The page's path and query now, as a message names the page. */
  address(): string {
    const url = new URL(this.page.url())
    return `${url.pathname}${url.search}`
  }

  /** Fails, saying where the browser is and what that page says, unless it shows `path` (a form that came
   *  back with its errors, say, instead of leading on). */
  async expectAt(path: string): Promise<void> {
    if (this.path() === path) return
    throw new Error(`expected the browser at ${path}, but it shows ${this.address()}: ${await this.says()}`)
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

  /** Presses a button or follows a link, and waits for the page that answers: where a redirect led,
   *  or the same form again with what was wrong. */
  protected async press(control: Locator): Promise<void> {
    const main = this.page.mainFrame()
    const answered = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === main })
    await control.click()
    await answered
    await this.page.waitForLoadState('load')
  }

  /** A button by its words (the whole of them). */
  protected button(words: string): Locator {
    return this.page.getByRole('button', { name: words, exact: true })
  }

  /** What the page says first: its error summary when it has one, else its main heading. */
  private async says(): Promise<string> {
    const summary = this.page.locator('.govuk-error-summary')
    const said = (await summary.count()) ? summary : this.page.locator('h1')
    return (
      await said
        .first()
        .innerText()
        .catch(() => '(nothing)')
    ).replace(/\s+/g, ' ')
  }

  /** Where the main navigation's links lead (their paths). */
  navigationPaths(): Promise<string[]> {
    return this.pathsOf('.moj-primary-navigation__link')
  }

  /** Where the page's sub-navigation (a record's tabs, a section's pages) leads. */
  subNavigationPaths(): Promise<string[]> {
    return this.pathsOf('.moj-sub-navigation__link')
  }

  private pathsOf(selector: string): Promise<string[]> {
    return this.page.$$eval(selector, (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
  }

  /** Whether the page is wider than the window: it scrolls sideways (at 375px, nothing should). */
  async scrollsSideways(): Promise<boolean> {
    const { scrollWidth, viewport } = await this.sideways()
    return scrollWidth > viewport
  }

  async signOut(): Promise<void> {
    await this.page.click('button:has-text("Sign out")')
    await this.page.waitForURL(/\/sign-in/)
  }

  /**
   * How far the page reaches sideways (document.documentElement.scrollWidth), and the elements that stick
   * out past the window's right edge, outermost first, unless a scrolling box of their own holds them (a
   * wide table in an overflow-x: auto wrapper does not move the page).
   */
  sideways(): Promise<{ scrollWidth: number; viewport: number; outside: string[] }> {
    // a script as text: the test's compiler would name its inner functions with a helper the page lacks
    return this.page.evaluate(SIDEWAYS)
  }

  /** Serious and critical accessibility violations (axe-core, injected: the context must bypass the CSP). */
  seriousViolations(): Promise<AxeViolation[]> {
    return seriousViolations(this.page)
  }
}

const SIDEWAYS = `(() => {
  const viewport = document.documentElement.clientWidth
  function held(el) {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true
    return false
  }
  function name(el) {
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '')
  }
  const out = (el) => el.getBoundingClientRect().right > viewport + 0.5
  const outside = [...document.body.querySelectorAll('*')]
    .filter((el) => out(el) && !held(el) && !(el.parentElement && out(el.parentElement)))
    .map((el) => name(el) + ' (' + Math.round(el.getBoundingClientRect().right) + 'px)')
  return { scrollWidth: document.documentElement.scrollWidth, viewport, outside: outside.slice(0, 8) }
})()`

/** A page found at one address, opened by `open()`: `class MashQueuePage extends PageAt('/mash') {}`. */
export function PageAt(path: string) {
  return class extends AppPage {
    open(): Promise<this> {
      return this.goto(path)
    }
  }
}
