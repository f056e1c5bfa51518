// Changing what a practitioner wrote, in real Chromium without JavaScript (issue 15, decision 0033):
// (Amy is 17 then) a social worker changes her return interview and her screening the next day; a colleague in the same
// team is offered no "Change" and is refused at the address; as known on the day before, the child's
// record shows what they said then; their manager, who opened both forms before her changes, gets the
// conflict page on saving. Page objects only (src/testing/pages).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { seedArea, seedCscColleagues } from '../testing/seed.ts'
import { signedInWindow, inChromium } from '../testing/browser.ts'
import { PersonPage } from '../testing/pages/person-page.ts'
import { ReturnInterviewChangePage, ReturnInterviewPage } from '../testing/pages/missing-pages.ts'
import { ScreeningChangePage, ScreeningPage } from '../testing/pages/risk-pages.ts'

const clock = new TestClock('2024-06-01T12:00:00+01:00')
const EPISODE = '2 May 2008 at 11:10pm'
const FIRST_REASON = 'She did not want to talk to anyone today'
const CHANGED_REASON = 'She said she was tired and would talk to her carer instead'
const FIRST_OVERRIDE = 'Older man seen with her at the school gate'
const CHANGED_OVERRIDE = 'Older man seen with her at the school gate on three days this week'

inChromium(
  'changing what was written, in Chromium',
  (served, backend) => {
    let amy: number

    before(async () => {
      const db = backend().database.db
      amy = (await seedArea(db)).amy
      await seedCscColleagues(db, amy, '2020-01-01T00:00:00Z')
    })

    test('an interview and a screening changed by their author, refused to a colleague, kept as they were', async () => {
      const { base, browser } = served()
      // day one: the social worker records the interview and signs a screening
      const day1 = await signedInWindow(browser, base, 'sw@csc.test', 'without JavaScript')
      const interview = await new ReturnInterviewPage(day1, base).open(amy, 'police:E-77')
      await interview.save({
        held: { day: '1', month: '6', year: '2024', time: '10:00' },
        outcome: 'declined',
        reason: FIRST_REASON,
      })
      const screening = await new ScreeningPage(day1, base).open(amy)
      await screening.sign({
        confirm: await screening.suggested(),
        reject: [],
        overrideBand: 4,
        overrideReason: FIRST_OVERRIDE,
      })

      // day two: each signs in again
      clock.set('2024-06-02T12:00:00+01:00')
      const sw = await signedInWindow(browser, base, 'sw@csc.test', 'without JavaScript')
      const colleague = await signedInWindow(browser, base, 'colleague@csc.test', 'without JavaScript')
      // the manager has both forms open, each in its own window
      const lead = await signedInWindow(browser, base, 'lead@csc.test', 'without JavaScript')
      const leadAgain = await signedInWindow(browser, base, 'lead@csc.test', 'without JavaScript')

      // the colleague reads both, is offered no Change, and is refused at the addresses
      const theirMissing = await new PersonPage(colleague, base, amy).missing()
      assert.match(await theirMissing.episode(EPISODE), new RegExp(FIRST_REASON))
      assert.equal(await theirMissing.mayChangeReturnInterview(EPISODE), false)
      const theirRisk = await new PersonPage(colleague, base, amy).risk()
      assert.match(await theirRisk.screenings(), new RegExp(FIRST_OVERRIDE))
      assert.equal(await theirRisk.mayChangeScreening(), false)

      const swMissing = await new PersonPage(sw, base, amy).missing()
      assert.equal(await swMissing.mayChangeReturnInterview(EPISODE), true)
      const interviewForm = await swMissing.changeReturnInterview(EPISODE)
      const interviewAddress = interviewForm.address()
      assert.equal(await interviewForm.reason(), FIRST_REASON, 'the form shows what it says')
      const swRisk = await new PersonPage(sw, base, amy).risk()
      assert.equal(await swRisk.mayChangeScreening(), true)
      const screeningAddress = await swRisk.changeScreeningAddress()
      assert.equal(await new ReturnInterviewChangePage(colleague, base).openAt(interviewAddress), 403)
      assert.equal(await new ScreeningChangePage(colleague, base).openAt(screeningAddress), 403)

      // the manager opens both forms before the social worker's changes
      const leadInterview = new ReturnInterviewChangePage(lead, base)
      assert.equal(await leadInterview.openAt(interviewAddress), 200)
      const leadScreening = new ScreeningChangePage(leadAgain, base)
      assert.equal(await leadScreening.openAt(screeningAddress), 200)

      // the author changes both
      const changed = await (await new PersonPage(sw, base, amy).missing()).changeReturnInterview(EPISODE)
      const afterInterview = await changed.save({ reason: CHANGED_REASON })
      assert.match(await afterInterview.episode(EPISODE), new RegExp(CHANGED_REASON))
      const screeningForm = await (await new PersonPage(sw, base, amy).risk()).changeScreening()
      const afterScreening = await screeningForm.save({ overrideReason: CHANGED_OVERRIDE })
      assert.match(await afterScreening.screenings(), new RegExp(CHANGED_OVERRIDE))

      // as known on the day before: what they said then
      const then = await (await new PersonPage(sw, base, amy).missing()).asKnownOn('2024-06-01')
      assert.match(await then.episode(EPISODE), new RegExp(FIRST_REASON))
      assert.doesNotMatch(await then.episode(EPISODE), new RegExp(CHANGED_REASON))
      const riskThen = await (await new PersonPage(sw, base, amy).risk()).asKnownOn('2024-06-01')
      assert.match(await riskThen.screenings(), new RegExp(FIRST_OVERRIDE))
      assert.doesNotMatch(await riskThen.screenings(), /on three days/)

      // the manager's saves were made on the versions before: the conflict page, their text kept
      await leadInterview.submit({ reason: 'The manager wording' })
      assert.match(await leadInterview.errorSummary(), /Someone else changed this return interview/)
      assert.match(await leadInterview.theirs(), new RegExp(CHANGED_REASON))
      assert.equal(await leadInterview.reason(), 'The manager wording')
      await leadScreening.submit({ overrideReason: 'The manager wording' })
      assert.match(await leadScreening.errorSummary(), /This screening changed after you opened it/)
      assert.match(await leadScreening.recordNow(), /on three days/)
    })
  },
  { clock, embeddedOnly: 'the journey runs once, on the embedded database; page-edits and screening-edits check both' },
)
