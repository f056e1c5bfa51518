// The risk pages in real Chromium: a social worker signs a screening with JavaScript off, and axe-core
// checks the child's page (panel, chart, evidence), the screening form, the MASH queue, the unanswered list
// and the alerts. Runs once, on the embedded database; routes.test.ts checks the same pages on both.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { PersonPage } from '../testing/pages/person-page.ts'
import { MashQueuePage, RiskAlertsPage, ScreeningPage, UnansweredPage } from '../testing/pages/risk-pages.ts'
import { importRiskArea } from '../testing/risk-cli-fixture.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-03-20T12:00:00Z')

inChromium(
  'risk pages in Chromium',
  (served, backend) => {
    let bea: number

    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db)
      // the area's records run past the pages' "now": they are imported as at the time they arrived
      bea = (await importRiskArea(db)).personOf('P-B')
      await db
        .insertInto('allocations')
        .values({
          entity_id: bea,
          user_id: seeded.users.socialWorker,
          role: 'Social worker',
          starts_at: '2026-01-01T00:00:00Z',
        })
        .execute()
    })

    test('the MASH triages without JavaScript: filters, sorts, records a decision; nothing scrolls sideways at 375px', async () => {
      const { base, browser } = served()
      const window = await signedInWindow(browser, base, 'mash@csc.test', 'without JavaScript')
      await window.setViewportSize({ width: 375, height: 800 })
      const queue = await new MashQueuePage(window, base).open()
      assert.deepEqual(await queue.children(), ['Bea Ward'])
      assert.equal(await queue.scrollsSideways(), false, 'the queue at 375px')
      assert.match(await queue.reasonsFor('Bea Ward'), /risk at band 3 unanswered since 14 March 2026/)
      assert.deepEqual(await (await queue.filter({ rating: 'green' })).children(), [])
      assert.match(await queue.count(), /0 children of 1 on the queue/)
      await new MashQueuePage(window, base).open()
      await queue.filter({ name: 'bea', overdueOnly: true })
      assert.deepEqual(await queue.children(), ['Bea Ward'])
      await window.setViewportSize({ width: 1280, height: 800 }) // at 375px the headings are hidden: 'Sort by' sorts
      await queue.sortBy('Child')
      assert.equal(await queue.sortOf('Child'), 'ascending')
      await window.setViewportSize({ width: 375, height: 800 })
      const form = await queue.recordDecision('Bea Ward')
      assert.equal(await form.scrollsSideways(), false)
      await form.submit({ rationale: 'police and CSC to meet' })
      assert.match(await form.errorSummary(), /Choose what the MASH decided/)
      const after = await form.decide({ outcome: 'Strategy discussion', rationale: 'police and CSC to meet' })
      assert.deepEqual(await after.children(), [], 'the decision clears the child from the queue')
      await assertAccessible(
        await new MashQueuePage(await signedInWindow(browser, base, 'mash@csc.test', 'for axe-core'), base).open({
          day: '2026-03-19',
        }),
      )
    })

    test('sign a screening without JavaScript; every risk page accessible', async () => {
      const { base, browser } = served()
      const socialWorker = await signedInWindow(browser, base, 'sw@csc.test', 'without JavaScript')
      const checker = await signedInWindow(browser, base, 'sw@csc.test', 'for axe-core')
      const mash = await signedInWindow(browser, base, 'mash@csc.test', 'for axe-core')
      await assertAccessible(await new PersonPage(checker, base, bea).risk())
      await assertAccessible(await new ScreeningPage(checker, base).open(bea))
      await assertAccessible(await new UnansweredPage(checker, base).open())
      await assertAccessible(await new RiskAlertsPage(checker, base).open())
      await assertAccessible(await new MashQueuePage(mash, base).open())
      await assertAccessible(await new MashQueuePage(mash, base).open({ day: '2026-02-20' }))

      const screening = await new ScreeningPage(socialWorker, base).open(bea)
      const judgement = { confirm: ['missing', 'gifts_money'], reject: ['sti'], overrideBand: 4 }
      await screening.submit(judgement)
      assert.match(await screening.errorSummary(), /an override needs a written reason/)
      const risk = await screening.sign({ ...judgement, overrideReason: 'seen with an older man at the school gate' })
      assert.equal(await risk.band(), 'Band 4 (significant)')
      await assertAccessible(await new PersonPage(checker, base, bea).risk())
    })
  },
  { clock, embeddedOnly: 'runs once, on the embedded database' },
)
