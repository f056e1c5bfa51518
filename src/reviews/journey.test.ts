// A rapid review from creation to sign-off in real Chromium, JavaScript off (as a locked-down browser
// would be), with axe-core (JavaScript on) on every page: the partnership's chair starts the review and
// sees its clocks over Christmas, adds a recommendation for the police; the police manager adds an
// action, which is overdue and escalated to the police's lead, and is refused "done" without evidence;
// with evidence it is done, and the chair, refused sign-off while it was open, signs off. Then the police
// record their section 11 self-assessment with an action, which the chair reads.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { TestClock } from '../testing/clock.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { seedArea } from '../testing/seed.ts'
import type { AppPage } from '../testing/pages/app-page.ts'
import {
  ActionPage,
  NewReviewPage,
  NewSelfAssessmentPage,
  ReviewPage,
  ReviewsListPage,
  SelfAssessmentPage,
  SelfAssessmentsPage,
} from '../testing/pages/reviews-pages.ts'

const EMAILS = { chair: 'chair@lscp.test', manager: 'manager@police.test' } as const
type Who = keyof typeof EMAILS
const POLICE = 'Greater Rochdale Police'

// the journey happens on Christmas Eve 2026; the incident became known on Monday 21 December
const clock = new TestClock('2026-12-24T10:00:00')

inChromium(
  'a learning review in Chromium',
  (served, backend) => {
    before(async () => {
      await seedArea(backend().database.db)
    })

    test('from creation to sign-off, every page accessible', async () => {
      const { base, browser } = served()
      const windows = new Map<Who, { plain: Page; checker: Page }>()
      for (const who of Object.keys(EMAILS) as Who[])
        windows.set(who, {
          plain: await signedInWindow(browser, base, EMAILS[who], 'without JavaScript'),
          checker: await signedInWindow(browser, base, EMAILS[who], 'for axe-core'),
        })
      const plain = (who: Who) => windows.get(who)!.plain
      const accessible = async (who: Who, opened: (page: Page) => Promise<AppPage>) =>
        assertAccessible(await opened(windows.get(who)!.checker))

      // the chair starts a rapid review: a name where the pseudonym goes is refused
      const list = await new ReviewsListPage(plain('chair'), base).open()
      await accessible('chair', (page) => new ReviewsListPage(page, base).open())
      const form = await list.startReview()
      await accessible('chair', (page) => new NewReviewPage(page, base).open())
      const refused = await form.submit({
        kind: 'Rapid review',
        title: 'Rapid review: Child Q',
        pseudonym: 'Amy Smith',
        knownOn: '2026-12-21',
      })
      assert.match(await refused.errorSummary(), /like Child Q, never a name/)
      await accessible('chair', async (page) => {
        const again = await new NewReviewPage(page, base).open()
        return again.submit({ kind: 'Rapid review', title: 'x', pseudonym: 'Amy', knownOn: '' })
      })
      const review = await new NewReviewPage(plain('chair'), base).open().then((p) =>
        p.submit({
          kind: 'Rapid review',
          title: 'Rapid review: Child Q',
          pseudonym: 'Child Q',
          knownOn: '2026-12-21',
        }),
      )
      const id = review.id()
      assert.equal(await review.heading(), 'Rapid review: Child Q')
      assert.deepEqual(await review.clocks(), [
        'Notification to the national panel (within 5 working days) Due by 30 December 2026: Running',
        'Rapid review (within 15 working days) Due by 14 January 2027: Running',
      ])
      await review.addRecommendation('Brief every response officer on recognising exploitation', [POLICE])
      await accessible('chair', (page) => new ReviewPage(page, base).open(id))

      // the police manager adds an action due yesterday: overdue at once, escalated to the police's lead
      const managerSees = await new ReviewPage(plain('manager'), base).open(id)
      await managerSees.addAction(1, { text: 'Brief the response teams', owner: 'officer', dueOn: '2026-12-23' })
      assert.deepEqual(await managerSees.plan(POLICE), [
        ['Brief the response teams', 'officer', '23 December 2026', 'Overdue Escalated to manager', 'None yet'],
      ])
      await accessible('manager', (page) => new ReviewPage(page, base).open(id))
      assert.deepEqual(await (await new ReviewsListPage(plain('chair'), base).open()).overdueByAgency(), [
        [POLICE, 'manager', '1', '1'],
      ])

      // the chair cannot sign off while it is open
      const early = await new ReviewPage(plain('chair'), base).open(id)
      await early.signOffRecommendation(1)
      assert.match(await early.errorSummary(), /1 action is not done with evidence/)

      // "done" without evidence is refused, with the reason on the form; with evidence it is done
      const action = await managerSees.openAction('Brief the response teams')
      await action.update({ status: 'Done' })
      assert.match(await action.errorSummary(), /An action cannot be marked done without evidence/)
      await accessible('manager', async (page) => {
        const shown = await new ActionPage(page, base).goto(action.path())
        return shown.update({ status: 'Done' })
      })
      await action.update({
        status: 'Done',
        evidenceKind: 'A document',
        evidence: 'Briefing record BR-2026-44',
        doneOn: '2026-12-24',
      })
      assert.match(await action.status(), /^Done/)

      // the chair signs off the recommendation, then the review
      const chairSees = await new ReviewPage(plain('chair'), base).open(id)
      await chairSees.signOffRecommendation(1)
      assert.match(await chairSees.recommendation(1), /Signed off by chair on 24 December 2026/)
      await chairSees.signOffReview()
      assert.equal(await chairSees.signedOff(), 'Signed off by chair on 24 December 2026.')
      await accessible('chair', (page) => new ReviewPage(page, base).open(id))
      assert.deepEqual(await (await new ReviewsListPage(plain('chair'), base).open()).reviews(), [
        ['Rapid review: Child Q (Child Q)', 'Rapid review', '1', '0', '0', '24 December 2026'],
      ])

      // the police manager records the police's section 11 self-assessment, with an action; the chair reads it
      const recording = await new NewSelfAssessmentPage(plain('manager'), base).open()
      assert.equal(await recording.heading(), 'Section 11 (Children Act 2004) self-assessment')
      await accessible('manager', (page) => new NewSelfAssessmentPage(page, base).open())
      const assessment = await recording.record('2026 to 2027', {
        'Safeguarding training, supervision and support for staff': 'Partly met',
      })
      const assessmentId = assessment.id()
      assert.deepEqual((await assessment.ratings())[4], [
        'Safeguarding training, supervision and support for staff',
        'Partly met',
      ])
      await assessment.addAction({ text: 'Refresh training for the unit', owner: 'officer', dueOn: '2027-03-31' })
      assert.deepEqual(await assessment.actions(), [
        ['Refresh training for the unit', 'officer', '31 March 2027', 'Not started', 'None yet'],
      ])
      await accessible('manager', (page) => new SelfAssessmentPage(page, base).open(assessmentId))
      assert.deepEqual(
        (await (await new SelfAssessmentsPage(plain('chair'), base).open()).list()).map((r) => r.slice(0, 4)),
        [[POLICE, 'Section 11 (Children Act 2004)', '2026 to 2027', '1']],
      )
      await accessible('chair', (page) => new SelfAssessmentsPage(page, base).open())
    })
  },
  {
    clock,
    embeddedOnly: 'the journey runs once, on the embedded database; routes.test.ts checks the same pages on both',
  },
)
