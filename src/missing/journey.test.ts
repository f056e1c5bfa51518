// The missing-episode pages in real Chromium, JavaScript off (as a locked-down browser would be),
// with axe-core (JavaScript on) on every page: a social worker records an episode, the interview,
// the Philomena profile with a photograph, prints it, and opens the work list.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { PersonPage } from '../testing/pages/person-page.ts'
import {
  MissingEpisodePage,
  PhilomenaPrintPage,
  PhilomenaProfilePage,
  ReturnInterviewPage,
  ReturnInterviewsPage,
} from '../testing/pages/missing-pages.ts'

// Amy is a child in 2026 here: a missing adult's episode owes no return interview (missing/state.ts)
const CHILD_BORN_ON = '2011-03-14'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-06-01T12:00:00+01:00')
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3e6b40000000049454e44ae426082',
  'hex',
)

inChromium(
  'missing episodes in Chromium',
  (served, backend) => {
    let amy: number

    before(async () => {
      amy = (await seedArea(backend().database.db, { amyBornOn: CHILD_BORN_ON })).amy
    })

    test('record an episode, its interview and the profile; every page accessible', async () => {
      const { base, browser } = served()
      const socialWorker = await signedInWindow(browser, base, 'sw@csc.test', 'without JavaScript')
      const checker = await signedInWindow(browser, base, 'sw@csc.test', 'for axe-core')

      const report = await new MissingEpisodePage(socialWorker, base).open(amy)
      const history = await report.save({
        started: { day: '30', month: '5', year: '2026', time: '10pm' },
        returned: { day: '31', month: '5', year: '2026', time: '23:30' },
        missingFrom: 'care_placement',
        foundAt: 'Takeaway, Drake St, OL16 1PA',
        foundWithVehicles: 'AB12 CDE',
      })
      const episode = '30 May 2026 at 10:00pm'
      assert.match(await history.episode(episode), /Takeaway, Drake St/)

      const interview = await history.recordReturnInterview(episode)
      const afterInterview = await interview.save({
        held: { day: '1', month: '6', year: '2026', time: '10:00' },
        childAccount: 'I went with a friend.',
        vehicles: 'XY99 ZZZ',
      })
      assert.match(await afterInterview.episode(episode), /held 1 June 2026 at 10:00am/)

      const profile = await new PhilomenaProfilePage(socialWorker, base).open(amy)
      await profile.save({ description: 'Slim, long dark hair', photograph: { name: 'amy.png', png: PNG } })
      assert.match(await profile.kept(), /Slim, long dark hair/)
      assert.equal(await profile.photographStatus(), 200)

      for (const opened of [
        () => new PersonPage(checker, base, amy).missing(),
        () => new MissingEpisodePage(checker, base).open(amy),
        () => new ReturnInterviewPage(checker, base).open(amy, 'police:E-77'),
        () => new PhilomenaProfilePage(checker, base).open(amy),
        () => new PhilomenaPrintPage(checker, base).open(amy),
        () => new ReturnInterviewsPage(checker, base).open(),
        () => new ReturnInterviewsPage(checker, base).open({ everyone: true }),
      ])
        await assertAccessible(await opened())
    })
  },
  {
    clock,
    embeddedOnly: 'the journey runs once, on the embedded database; routes.test.ts checks the same pages on both',
  },
)
