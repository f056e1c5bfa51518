// Form mistakes in real Chromium (JavaScript on, as most people have it): the answer is the same page
// with the GOV.UK error summary, which takes focus, links to the field, and passes axe-core; the values
// typed are still in the boxes. The decision form and the missing-episode form (its date inputs).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { describeViolations, inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { DecisionPage } from '../testing/pages/working-together-pages.ts'
import { MissingEpisodePage } from '../testing/pages/missing-pages.ts'

const clock = new TestClock('2026-06-01T12:00:00+01:00')

inChromium(
  'form mistakes in Chromium',
  (served, backend) => {
    let amy: number

    before(async () => {
      amy = (await seedArea(backend().database.db)).amy
    })

    test('the error summary takes focus, links to the field, keeps what was typed, and is accessible', async () => {
      const { base, browser } = served()
      const page = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
      await new SignInPage(page, base).signIn('sw@csc.test')

      const decision = await new DecisionPage(page, base).open(amy)
      await decision.submit({
        kind: 'case_closure',
        decided: { day: '4', month: '12', year: '2026', time: '6.30pm' },
      })
      const summary = await decision.errorSummary()
      assert.match(await page.title(), /^Error: Record a decision/)
      assert.match(summary, /The date of the decision must be today or in the past/)
      assert.match(summary, /Give the rationale/)
      assert.equal(await decision.value('decided-day'), '4')
      assert.equal(await decision.value('decided-time'), '6.30pm')
      assert.equal(await decision.value('kind'), 'case_closure')
      // GOV.UK Frontend moves focus to the summary, so a screen reader hears it first
      assert.ok(await decision.focusInErrorSummary())
      let violations = await decision.seriousViolations()
      assert.equal(violations.length, 0, describeViolations(violations))
      assert.equal(await decision.followErrorTo('rationale'), 'rationale')

      const episode = await new MissingEpisodePage(page, base).open(amy)
      await episode.submit({
        started: { day: '30', month: 'May', year: '2026', time: '10pm' },
        returned: { day: '29', month: '5', year: '2026', time: 'midday' },
      })
      assert.match(
        await episode.errorSummary(),
        /The return must be after the child went missing \(30 May 2026 at 10:00pm\)/,
      )
      assert.equal(await episode.value('started-month'), 'May')
      violations = await episode.seriousViolations()
      assert.equal(violations.length, 0, describeViolations(violations))
    })
  },
  { clock, embeddedOnly: 'once, on the embedded database; form-errors.test.ts checks the same pages on both' },
)
