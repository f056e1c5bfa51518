// The working-together pages in real Chromium, JavaScript off (as a locked-down browser would be),
// with axe-core (JavaScript on) on every page: a police officer challenges the prosecutor's
// decision not to charge, a social care manager records a strategy discussion with an action and
// a supervision, a police manager assigns an unqualified officer with an override; then the
// manager's page and the partnership's figures.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
  signInPage,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

const clock = new TestClock()

forEachDatabase(
  'working together in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let area: WorkingArea
    // the journey runs once, on the embedded database; routes.test.ts checks the same pages on both
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      area = await seedWorkingArea(backend().database.db)
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test(
      'challenge, meeting, supervision and assignment through the pages; every page accessible',
      { skip: noBrowser },
      async (t) => {
        if (!once()) return t.skip('runs on PGlite only')
        const amy = area.amy
        // sessions are made on the real clock; the journey then replays June 2009
        clock.useMachineTime()
        const pages = new Map<string, { plain: Page; checker: Page }>()
        for (const who of ['officer', 'cscManager', 'officerManager', 'partnership'] as const) {
          const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
          const checker = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
          await signInPage(plain, base, AREA_EMAILS[who])
          await signInPage(checker, base, AREA_EMAILS[who])
          pages.set(who, { plain, checker })
        }
        const accessible = async (who: string, url: string) => {
          const { checker } = pages.get(who)!
          await checker.goto(`${base}${url}`)
          const violations = await seriousViolations(checker)
          assert.equal(violations.length, 0, `${who} ${url}:\n${describeViolations(violations)}`)
        }

        clock.set('2009-06-02T09:00:00')
        const officer = pages.get('officer')!.plain
        await officer.goto(`${base}/people/${amy}`)
        assert.match(await officer.content(), /Do you agree with this decision\?/)
        await accessible('officer', `/people/${amy}`)
        await officer.click('a:has-text("Challenge this decision")')
        await officer.waitForURL(/challenges\/new/)
        await accessible('officer', `/people/${amy}/challenges/new?decision=cps%3ACD-1`)
        await officer.fill('#summary', "Her account is consistent with the other victims'.")
        await officer.click('button:has-text("Raise the challenge")')
        await officer.waitForURL(/\/challenges\/\d+$/)
        const challengeUrl = new URL(officer.url()).pathname
        assert.match(await officer.content(), /practitioner to practitioner/)
        await accessible('officer', challengeUrl)

        clock.set('2009-06-03T15:00:00')
        const manager = pages.get('cscManager')!.plain
        await manager.goto(`${base}/people/${amy}/meetings/new`)
        await manager.fill('#held_on', '2009-06-03')
        await manager.selectOption('#chair_id', String(area.users.cscManager))
        await manager.check('#invited-police')
        await manager.check('#invited-csc')
        await manager.check('#invited-health')
        await manager.check('#present-police')
        await manager.check('#present-csc')
        await manager.fill('#information_police', 'Found in a car with an adult male')
        await manager.fill('#decisions', 'Section 47 enquiry')
        await manager.fill('#action_title_1', 'Visit Amy at her placement')
        await manager.selectOption('#action_owner_1', String(area.users.socialWorker))
        await manager.fill('#action_due_1', '2009-06-05')
        await manager.click('button:has-text("Record the meeting")')
        await manager.waitForURL(/\/meetings\/\d+$/)
        const meetingUrl = new URL(manager.url()).pathname
        assert.match(await manager.content(), /Invited and absent[\s\S]*Rochdale Health/)
        await accessible('cscManager', `/people/${amy}/meetings/new`)
        await accessible('cscManager', meetingUrl)

        clock.set('2009-06-04T10:00:00')
        await manager.goto(`${base}/people/${amy}/supervision/new`)
        await manager.selectOption('#worker_id', String(area.users.socialWorker))
        await manager.fill('#held_on', '2009-06-04')
        await manager.fill('#reflection', 'Amy is at risk of sexual exploitation')
        await manager.click('button:has-text("Record supervision")')
        await manager.waitForURL(new RegExp(`/people/${amy}`))
        await accessible('cscManager', `/people/${amy}/supervision/new`)

        clock.set('2009-06-08T09:00:00')
        await manager.goto(`${base}/manager`)
        assert.match(await manager.content(), /Overdue actions[\s\S]*Visit Amy at her placement/)
        await accessible('cscManager', '/manager')
        const actionHref = await manager.getAttribute('a:has-text("Visit Amy at her placement")', 'href')
        await accessible('cscManager', actionHref!)
        await accessible('cscManager', '/competencies')

        const police = pages.get('officerManager')!.plain
        await police.goto(`${base}/people/${amy}/assign?task=evidential_interview_child_victim`)
        assert.equal(await police.locator('#qualified_user_id').count(), 0, 'no one in the area is qualified yet')
        await police.selectOption('#override_user_id', String(area.users.officer))
        await police.fill('#override_reason', 'No trained officer before the hearing')
        await police.click('button:has-text("Override and assign")')
        await police.waitForURL(new RegExp(`/people/${amy}`))
        assert.match(await police.content(), /Tasks assigned without the required training/)
        await accessible('officerManager', `/people/${amy}/assign?task=evidential_interview_child_victim`)

        clock.set('2009-06-16T09:00:00')
        const chair = pages.get('partnership')!.plain
        await chair.goto(`${base}${challengeUrl}`)
        assert.match(await chair.content(), /4: the partnership/)
        await chair.check('#kind-resolved')
        await chair.selectOption('#outcome', 'review_requested')
        await chair.fill('#note', 'The police asked the CPS to review its decision')
        await chair.click('button:has-text("Record")')
        await chair.waitForURL(new RegExp(`${challengeUrl}$`))
        assert.match(await chair.content(), /Resolved/)
        await accessible('partnership', challengeUrl)
        await chair.goto(`${base}/partnership/challenges`)
        assert.match(await chair.content(), /Request|review_requested|Review requested/i)
        await accessible('partnership', '/partnership/challenges')
      },
    )
  },
  { resetBetweenTests: false, clock },
)
