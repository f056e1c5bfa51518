// The time-out warning (issue 15; web/views/session-timeout.njk, web/public/session-timeout.js) on any
// signed-in page: whether it shows, what it says and tells screen readers, where focus is, its buttons;
// and the sign-in page's notice after a time-out.
import type { Locator } from 'playwright-core'
import { must } from '../../errors/must.ts'
import { AppPage } from './app-page.ts'

export class TimeOutWarning extends AppPage {
  private get dialog(): Locator {
    return this.page.locator('#session-timeout')
  }

  /** The seconds left to the session's end, as the server counted them when it made the page. */
  async secondsLeftWhenMade(): Promise<number> {
    return Number(must(await this.dialog.getAttribute('data-seconds-left'), 'the seconds left on the page'))
  }

  /** Waits until the warning shows (it is shown by the page's clock: move that clock first). */
  async appears(): Promise<void> {
    await this.page.getByRole('dialog', { name: "You're about to be signed out" }).waitFor({ state: 'visible' })
  }

  /** Waits until the warning is closed. */
  async gone(): Promise<void> {
    await this.dialog.waitFor({ state: 'hidden' })
  }

  shown(): Promise<boolean> {
    return this.dialog.isVisible()
  }

  heading(): Promise<string> {
    return this.dialog.getByRole('heading').innerText()
  }

  /** What the live region says (what a screen reader hears, once a minute). */
  async heard(): Promise<string> {
    return must(await this.dialog.locator('[aria-live]').textContent(), 'the live region')
  }

  /** The countdown a sighted user reads, by the second. */
  countdown(): Promise<string> {
    return this.dialog.locator('[data-session-countdown]').innerText()
  }

  /** Whether keyboard focus is inside the warning. */
  focusInside(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.closest('#session-timeout') !== null)
  }

  /** Moves focus on, as the Tab key does. */
  async tab(): Promise<void> {
    await this.page.keyboard.press('Tab')
  }

  /** Presses "Stay signed in" and waits for the service's answer and the warning to close. */
  async staySignedIn(): Promise<void> {
    const answered = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/session/keep-alive')
    await this.dialog.getByRole('button', { name: 'Stay signed in', exact: true }).click()
    const response = await answered
    if (!response.ok()) throw new Error(`keep-alive answered ${response.status()}`)
    await this.gone()
  }

  /** Presses Escape (which means "Stay signed in") and waits for the warning to close. */
  async escape(): Promise<void> {
    const answered = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/session/keep-alive')
    await this.page.keyboard.press('Escape')
    await answered
    await this.gone()
  }
}

/** The sign-in page a time-out leads to: its notice saying why. */
export class SignedOutPage extends AppPage {
  notice(): Promise<string> {
    return this.page.locator('.govuk-notification-banner').innerText()
  }
}
