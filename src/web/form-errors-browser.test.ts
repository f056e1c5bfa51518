// Form mistakes in real Chromium (JavaScript on, as most people have it): the answer is the same page
// with the GOV.UK error summary, which takes focus, links to the field, and passes axe-core; the values
// typed are still in the boxes. The decision form and the missing-episode form (its date inputs).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
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

const clock = new TestClock('2026-06-01T12:00:00+01:00')

forEachDatabase(
  'form mistakes in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let amy: number
    // once, on the embedded database; form-errors.test.ts checks the same pages on both
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      amy = (await seedArea(backend().database.db)).amy
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test(
      'the error summary takes focus, links to the field, keeps what was typed, and is accessible',
      { skip: noBrowser },
      async (t) => {
        if (!once()) return t.skip('runs on PGlite only')
        const page = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
        await signInPage(page, base, 'sw@csc.test')

        await page.goto(`${base}/people/${amy}/decisions/new`)
        await page.selectOption('#kind', 'case_closure')
        await page.fill('#decided-day', '4')
        await page.fill('#decided-month', '12')
        await page.fill('#decided-year', '2026')
        await page.fill('#decided-time', '6.30pm')
        await page.click('button:has-text("Record the decision")')
        await page.waitForSelector('.govuk-error-summary')
        assert.match(await page.title(), /^Error: Record a decision/)
        const summary = await page.locator('.govuk-error-summary').innerText()
        assert.match(summary, /The date of the decision must be today or in the past/)
        assert.match(summary, /Give the rationale/)
        assert.equal(await page.inputValue('#decided-day'), '4')
        assert.equal(await page.inputValue('#decided-time'), '6.30pm')
        assert.equal(await page.inputValue('#kind'), 'case_closure')
        // GOV.UK Frontend moves focus to the summary, so a screen reader hears it first
        assert.ok(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null))
        let violations = await seriousViolations(page)
        assert.equal(violations.length, 0, describeViolations(violations))
        await page.click('.govuk-error-summary a[href="#rationale"]')
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'rationale')

        await page.goto(`${base}/people/${amy}/missing/episode`)
        await page.fill('#started-day', '30')
        await page.fill('#started-month', 'May')
        await page.fill('#started-year', '2026')
        await page.fill('#started-time', '10pm')
        await page.fill('#returned-day', '29')
        await page.fill('#returned-month', '5')
        await page.fill('#returned-year', '2026')
        await page.fill('#returned-time', 'midday')
        await page.click('button:has-text("Save")')
        await page.waitForSelector('.govuk-error-summary')
        assert.match(
          await page.locator('.govuk-error-summary').innerText(),
          /The return must be after the child went missing \(30 May 2026 at 10:00pm\)/,
        )
        assert.equal(await page.inputValue('#started-month'), 'May')
        violations = await seriousViolations(page)
        assert.equal(violations.length, 0, describeViolations(violations))
      },
    )
  },
  { resetBetweenTests: false, clock },
)
