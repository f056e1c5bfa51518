// The working-together pages in real Chromium, JavaScript off (as a locked-down browser would be),
// with axe-core (JavaScript on) on every page: a police officer challenges the prosecutor's
// decision not to charge, a social care manager records a strategy discussion with an action and
// a supervision, a police manager assigns an unqualified officer with an override; then the
// manager's page and the partnership's figures.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { TestClock } from '../testing/clock.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'
import type { AppPage } from '../testing/pages/app-page.ts'
import { PersonPage } from '../testing/pages/person-page.ts'
import {
  AssignTaskPage,
  ChallengePage,
  CompetenciesPage,
  ManagerMorningPage,
  MeetingPage,
  PartnershipChallengesPage,
  RaiseChallengePage,
  RecordMeetingPage,
  RecordSupervisionPage,
} from '../testing/pages/working-together-pages.ts'

/** The people whose windows the journey works in. */
type Who = 'officer' | 'cscManager' | 'officerManager' | 'partnership'
/** The prosecutor's decision not to charge, as the decisions on Amy's record show it. */
const NOT_CHARGED = /Charging decision: No further action/

const clock = new TestClock()

inChromium(
  'working together in Chromium',
  (served, backend) => {
    let area: WorkingArea

    before(async () => {
      area = await seedWorkingArea(backend().database.db)
    })

    test('challenge, meeting, supervision and assignment through the pages; every page accessible', async () => {
      const { base, browser } = served()
      const amy = area.amy
      // sessions are made on the real clock; the journey then replays June 2009
      clock.useMachineTime()
      const windows = new Map<Who, { plain: Page; checker: Page }>()
      for (const who of ['officer', 'cscManager', 'officerManager', 'partnership'] as const)
        windows.set(who, {
          plain: await signedInWindow(browser, base, AREA_EMAILS[who], 'without JavaScript'),
          checker: await signedInWindow(browser, base, AREA_EMAILS[who], 'for axe-core'),
        })
      const plain = (who: Who) => windows.get(who)!.plain
      /** Opens a page in `who`'s window for axe-core and checks it. */
      const accessible = async (who: Who, opened: (page: Page) => Promise<AppPage>) =>
        assertAccessible(await opened(windows.get(who)!.checker))

      clock.set('2009-06-02T09:00:00')
      const officerSees = await new PersonPage(plain('officer'), base, amy).workingTogether()
      assert.match(await officerSees.promptOn(NOT_CHARGED), /Do you agree with this decision\?/)
      await accessible('officer', (page) => new PersonPage(page, base, amy).workingTogether())
      const raising = await officerSees.challengeDecision(NOT_CHARGED)
      await accessible('officer', (page) => new RaiseChallengePage(page, base).open(amy, { decision: 'cps:CD-1' }))
      const challenge = await raising.raise({ summary: "Her account is consistent with the other victims'." })
      const challengeId = challenge.id
      assert.match(await challenge.stage(), /practitioner to practitioner/)
      await accessible('officer', (page) => new ChallengePage(page, base).open(challengeId))

      clock.set('2009-06-03T15:00:00')
      const meeting = await new RecordMeetingPage(plain('cscManager'), base).open(amy)
      const recorded = await meeting.record({
        heldOn: '2009-06-03',
        chair: area.users.cscManager,
        invited: ['police', 'csc', 'health'],
        present: ['police', 'csc'],
        shared: { police: 'Found in a car with an adult male' },
        decisions: 'Section 47 enquiry',
        actions: [{ title: 'Visit Amy at her placement', owner: area.users.socialWorker, due: '2009-06-05' }],
      })
      const meetingId = recorded.id
      assert.match(await recorded.invitedAndAbsent(), /Rochdale Health/)
      await accessible('cscManager', (page) => new RecordMeetingPage(page, base).open(amy))
      await accessible('cscManager', (page) => new MeetingPage(page, base).open(meetingId))

      clock.set('2009-06-04T10:00:00')
      const supervision = await new RecordSupervisionPage(plain('cscManager'), base).open(amy)
      const supervised = await supervision.record({
        worker: area.users.socialWorker,
        heldOn: '2009-06-04',
        reflection: 'Amy is at risk of sexual exploitation',
      })
      assert.match((await supervised.supervision()).join('\n'), /last supervised 4 June 2009/)
      await accessible('cscManager', (page) => new RecordSupervisionPage(page, base).open(amy))

      clock.set('2009-06-08T09:00:00')
      const morning = await new ManagerMorningPage(plain('cscManager'), base).open()
      const overdue = await morning.overdueActions()
      assert.ok(overdue.includes('Visit Amy at her placement'), `overdue actions: ${overdue.join('; ')}`)
      await accessible('cscManager', (page) => new ManagerMorningPage(page, base).open())
      await accessible('cscManager', async (page) =>
        (await new ManagerMorningPage(page, base).open()).openOverdueAction('Visit Amy at her placement'),
      )
      await accessible('cscManager', (page) => new CompetenciesPage(page, base).open())

      const TASK = 'evidential_interview_child_victim'
      const assigning = await new AssignTaskPage(plain('officerManager'), base).open(amy, TASK)
      assert.deepEqual(await assigning.qualifiedPeople(), [], 'no one in the area is qualified yet')
      const assigned = await assigning.assignWithOverride({
        worker: area.users.officer,
        reason: 'No trained officer before the hearing',
      })
      assert.match((await assigned.assignedWithoutTraining()).join('\n'), /No trained officer before the hearing/)
      await accessible('officerManager', (page) => new AssignTaskPage(page, base).open(amy, TASK))

      clock.set('2009-06-16T09:00:00')
      const atPartnership = await new ChallengePage(plain('partnership'), base).open(challengeId)
      assert.match(await atPartnership.stage(), /4: the partnership/)
      await atPartnership.resolve({
        outcome: 'review_requested',
        note: 'The police asked the CPS to review its decision',
      })
      assert.match(await atPartnership.status(), /^Resolved/)
      await accessible('partnership', (page) => new ChallengePage(page, base).open(challengeId))
      const figures = await new PartnershipChallengesPage(plain('partnership'), base).open()
      // the outcome is counted, in words (never its code, review_requested)
      const reviews = (await figures.outcomes()).filter(([outcome]) => /request/i.test(outcome))
      assert.deepEqual(reviews, [['Review requested', '1']], 'one challenge resolved with a review requested')
      await accessible('partnership', (page) => new PartnershipChallengesPage(page, base).open())
    })
  },
  {
    clock,
    embeddedOnly: 'the journey runs once, on the embedded database; routes.test.ts checks the same pages on both',
  },
)
