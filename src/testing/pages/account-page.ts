// "Your account", two-step sign-in: what is set up, the recovery codes left, security keys.
import { PageAt } from './app-page.ts'

export class TwoStepAccountPage extends PageAt('/account/two-step') {
  async mainText(): Promise<string> {
    return (await this.page.textContent('main')) ?? ''
  }

  /** Whether the page offers to add a security key (only once an authenticator app is set up). */
  async offersSecurityKey(): Promise<boolean> {
    return (await this.page.locator('form[data-security-key]').count()) > 0
  }

  async addSecurityKey(name: string): Promise<void> {
    await this.page.fill('#key-name', name)
    await this.page.click('button:has-text("Add a security key")')
  }

  /** The table of security keys, as text. */
  async securityKeys(): Promise<string> {
    return (await this.page.textContent('#security-keys + p + table')) ?? ''
  }
}
