// Checking as professionals type, in real Chromium under the app's Content Security Policy: typing
// a harmful phrase shows a finding beside the text; "Use this wording" replaces only that span and
// records the acceptance in the hidden field. Without JavaScript, pressing Check shows the findings.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
  signInPage,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

forEachDatabase(
  'language checked as it is typed, in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string

    before(async () => {
      if (noBrowser) return
      await seedArea(backend().database.db)
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    const signedIn = async (context: BrowserContext, email = 'sw@csc.test'): Promise<Page> => {
      const page = await context.newPage()
      await signInPage(page, base, email)
      return page
    }

    test(
      'typing a harmful phrase shows a finding; "Use this wording" replaces that span only',
      { skip: noBrowser },
      async () => {
        // the app's own CSP applies: an inline script would not run
        const context = await browser.newContext()
        const page = await signedIn(context)
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text())
        })
        try {
          await page.goto(`${base}/language/check`)
          const before = 'Seen at school today. '
          const after = ' We will visit on Friday.'
          await page
            .locator('#text')
            .pressSequentially(`${before}She keeps putting herself at risk.${after}`, { delay: 5 })
          const finding = page.locator('.tl-language-finding[data-rule="putting-self-at-risk"]')
          await finding.waitFor({ timeout: 10_000 })
          assert.match(await finding.innerText(), /putting herself at risk/)
          assert.equal(
            await page.inputValue('#text'),
            `${before}She keeps putting herself at risk.${after}`,
            'nothing changes by itself',
          )

          const button = finding.locator('button[data-language-use]').first()
          const suggestion = (await button.getAttribute('data-language-use'))!
          await button.click()
          const value = await page.inputValue('#text')
          assert.equal(value, `${before}She keeps ${suggestion}.${after}`)
          assert.equal(await page.inputValue('input[name="text_language_accepted"]'), 'putting-self-at-risk')
          await finding.waitFor({ state: 'detached', timeout: 10_000 })
          assert.deepEqual(errors, [])
        } finally {
          await context.close()
        }
      },
    )

    test('the pages are accessible, with findings shown', { skip: noBrowser }, async () => {
      // axe is injected as a script, so this context lifts the CSP that the test above kept
      const context = await browser.newContext({ bypassCSP: true })
      const page = await signedIn(context)
      try {
        await page.goto(`${base}/language/check`)
        await page.fill('#text', 'This is her lifestyle choice.')
        await page.locator('#text').dispatchEvent('input')
        await page.locator('.tl-language-finding').first().waitFor({ timeout: 10_000 })
        const violations = await seriousViolations(page)
        assert.equal(violations.length, 0, describeViolations(violations))
      } finally {
        await context.close()
      }
      const partnership = await browser.newContext({ bypassCSP: true })
      try {
        const page = await signedIn(partnership, 'chair@lscp.test')
        await page.goto(`${base}/partnership/language`)
        const violations = await seriousViolations(page)
        assert.equal(violations.length, 0, `partnership page:\n${describeViolations(violations)}`)
      } finally {
        await partnership.close()
      }
    })

    test('without JavaScript the text is checked on pressing Check', { skip: noBrowser }, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await signedIn(context)
      try {
        await page.goto(`${base}/language/check`)
        await page.fill('#text', 'She was prostituting herself.')
        await page.click('button:has-text("Check")')
        await page.waitForLoadState()
        const text = await page.locator('.tl-language-saved').innerText()
        assert.match(text, /“was prostituting herself”: there is no such thing as a child prostitute/)
        assert.equal(
          await page.inputValue('#text'),
          'She was prostituting herself.',
          'what was typed is kept as it was',
        )
      } finally {
        await context.close()
      }
    })
  },
  { resetBetweenTests: false },
)
