// Checking as professionals type, in real Chromium under the app's Content Security Policy: typing
// a harmful phrase shows a finding beside the text; "Use this wording" replaces only that span and
// records the acceptance in the hidden field. Without JavaScript, pressing Check shows the findings.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import type { BrowserContext } from 'playwright-core'
import { seedArea } from '../testing/seed.ts'
import { describeViolations, inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { LanguageCheckPage } from '../testing/pages/language-check-page.ts'
import { checkText } from './check.ts'
import { applySuggestion } from './suggestion.ts'

inChromium('language checked as it is typed, in Chromium', (served, backend) => {
  before(async () => {
    await seedArea(backend().database.db)
  })

  /** The language check page, signed in as `email` in a new page of `context`. */
  const signedIn = async (context: BrowserContext, email = 'sw@csc.test'): Promise<LanguageCheckPage> => {
    const page = await context.newPage()
    const { base } = served()
    await new SignInPage(page, base).signIn(email)
    return new LanguageCheckPage(page, base)
  }

  test('typing a harmful phrase shows a finding; "Use this wording" replaces that span only', async () => {
    const { browser } = served()
    // the app's own CSP applies: an inline script would not run
    const context = await browser.newContext()
    const checker = await signedIn(context)
    const { page } = checker
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    try {
      await checker.open()
      const before = 'Seen at school today. '
      const after = ' We will visit on Friday.'
      // the sentence of issue 15, which once became "She is is at risk of exploitation"
      const typed = `${before}She is putting herself at risk.${after}`
      await checker.type(typed)
      const finding = checker.finding('putting-self-at-risk')
      await finding.waitFor({ timeout: 10_000 })
      assert.match(await finding.innerText(), /putting herself at risk/)
      assert.match(await finding.innerText(), /Guidance: The Children's Society, Victim Support and NPCC/)
      assert.equal(await checker.text(), typed, 'nothing changes by itself')

      const suggestion = await checker.useSuggestion(finding)
      const value = await checker.text()
      assert.equal(value, `${before}She is at risk of exploitation.${after}`)
      // the same words as the check on saving gives: one rule, in one place
      const saved = checkText(typed).find((f) => f.rule === 'putting-self-at-risk')!
      assert.equal(value, applySuggestion(typed, saved, suggestion))
      assert.equal(await checker.accepted(), 'putting-self-at-risk')
      await finding.waitFor({ state: 'detached', timeout: 10_000 })
      assert.deepEqual(errors, [])
    } finally {
      await context.close()
    }
  })

  test('the pages are accessible, with findings shown', async () => {
    const { browser } = served()
    // axe is injected as a script, so this context lifts the CSP that the test above kept
    const context = await browser.newContext({ bypassCSP: true })
    const checker = await signedIn(context)
    try {
      await checker.open()
      await checker.paste('This is her lifestyle choice.')
      await checker.finding().waitFor({ timeout: 10_000 })
      const violations = await checker.seriousViolations()
      assert.equal(violations.length, 0, describeViolations(violations))
    } finally {
      await context.close()
    }
    const partnership = await browser.newContext({ bypassCSP: true })
    try {
      const page = await signedIn(partnership, 'chair@lscp.test')
      await page.goto('/partnership/language')
      const violations = await page.seriousViolations()
      assert.equal(violations.length, 0, `partnership page:\n${describeViolations(violations)}`)
    } finally {
      await partnership.close()
    }
  })

  test('without JavaScript the text is checked on pressing Check', async () => {
    const { browser } = served()
    const context = await browser.newContext({ javaScriptEnabled: false })
    const checker = await signedIn(context)
    try {
      await checker.open()
      await checker.check('She was prostituting herself.')
      const text = await checker.savedFindings()
      assert.match(text, /“was prostituting herself”: there is no such thing as a child prostitute/)
      assert.match(text, /Guidance: The Children's Society, Victim Support and NPCC, "Appropriate language/)
      assert.equal(await checker.text(), 'She was prostituting herself.', 'what was typed is kept as it was')
    } finally {
      await context.close()
    }
  })
})
