// Signing in, as a person does: the password form, then (when two-step sign-in is asked) the set-up
// page with its QR code and recovery codes, or the page asking for a code or a security key.
import { PASSWORD } from '../seed.ts'
import { must } from '../../errors/must.ts'
import { AppPage } from './app-page.ts'

export class SignInPage extends AppPage {
  /** Fills the sign-in form and sends it; where it leads (home, the code page, set-up) is the caller's to check. */
  async submit(email: string, password = PASSWORD): Promise<void> {
    await this.goto('/sign-in')
    await this.answer(email, password)
  }

  /** Fills the sign-in form the browser shows now (sent here from a page that needs signing in) and sends it. */
  async answer(email: string, password = PASSWORD): Promise<void> {
    await this.page.fill('#email', email)
    await this.page.fill('#password', password)
    await this.page.click('button:has-text("Sign in")')
  }

  /** Signs in and reaches home; says where it ended when it did not. */
  async signIn(email: string, password = PASSWORD): Promise<void> {
    await this.submit(email, password)
    await this.page.waitForURL(`${this.base}/`, { timeout: 15_000 }).catch(async () => {
      throw new Error(
        `sign in as ${email} ended on ${this.page.url()}: ${(await this.page.content()).replace(/\s+/g, ' ').slice(-1500)}`,
      )
    })
  }
}

/** Turning two-step sign-in on (at sign-in, or on Your account): the QR code, its secret, the first code. */
export class TwoStepSetUpPage extends AppPage {
  qrCodes(): Promise<number> {
    return this.page.locator('svg[role="img"]').count()
  }

  /** Opens "I cannot scan the QR code" and reads the secret to type into an authenticator app. */
  async secret(): Promise<string> {
    await this.page.click('summary:has-text("I cannot scan the QR code")')
    return must(await this.page.textContent('#mfa-secret'), 'the secret under the QR code').trim()
  }

  /** Sends the first code: the recovery codes page follows. */
  async turnOn(code: string): Promise<void> {
    await this.page.fill('#code', code)
    await this.page.click('button:has-text("Turn on two-step sign-in")')
  }

  recoveryCodes(): Promise<number> {
    return this.page.locator('#recovery-codes li').count()
  }

  /** From the recovery codes page, on to where sign-in was going. */
  async continue(): Promise<void> {
    await this.page.click('a:has-text("Continue")')
  }
}

/** The second step of signing in: a code from the app, or a security key. */
export class SecondStepPage extends AppPage {
  async enterCode(code: string): Promise<void> {
    await this.page.fill('#code', code)
    await this.page.click('button:has-text("Continue")')
  }

  async useSecurityKey(): Promise<void> {
    await this.page.click('button:has-text("Use your security key")')
  }
}
