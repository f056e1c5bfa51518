// The reviews pages on both databases: who may do what (the partnership runs reviews and signs off, an
// agency's managers write its plan, its practitioners read it, others and an administrator are
// refused), an action done only with evidence, overdue escalated to the agency's lead as the clock moves,
// sign-off refused while an action is open, the partnership never shown a child, and the audit rows.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'

const clock = new TestClock('2026-12-21T10:00:00')
const EMAILS = {
  chair: 'chair@lscp.test',
  manager: 'manager@police.test',
  officer: 'officer@police.test',
  nurse: 'nurse@health.test',
  admin: 'admin@csc.test',
  mash: 'mash@csc.test',
}

const day = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y }
}

forEachDatabase(
  'the reviews pages',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let officerId: number
    const browsers = new Map<string, Browser>()
    const as = (who: keyof typeof EMAILS) => browsers.get(who)!
    before(async () => {
      const seeded = await seedArea(backend().database.db)
      amy = seeded.amy
      officerId = seeded.users.officer
      app = await testApp(backend().database)
      await signInAll()
    })
    // sessions end when the clock moves on days: everyone signs in again
    const signInAll = async () => {
      for (const [who, email] of Object.entries(EMAILS)) browsers.set(who, await new Browser(app).signIn(email))
    }
    after(async () => app?.close())

    test('a rapid review from creation to sign-off, each role held to its part', async () => {
      const { db } = backend().database
      // creating: the partnership alone, with clear errors for what is wrong
      assert.equal((await as('manager').get('/reviews/new')).statusCode, 403)
      assert.equal((await as('admin').get('/reviews')).statusCode, 403, 'an administrator has nothing here')
      const bad = await as('chair').post(
        '/reviews',
        {
          kind: 'rapid_review',
          title: 'Rapid review',
          pseudonym: 'Amy Smith',
          'incident_known_on-day': '',
          'incident_known_on-month': '',
          'incident_known_on-year': '',
        },
        '/reviews/new',
      )
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Enter the child’s pseudonym as the word Child/)
      assert.match(bad.body, /a rapid review’s clocks start then/)
      const made = await as('chair').post(
        '/reviews',
        {
          kind: 'rapid_review',
          title: 'Rapid review: Child Q',
          pseudonym: 'Child Q',
          ...day('incident_known_on', '2026-12-21'),
        },
        '/reviews/new',
      )
      assert.equal(made.statusCode, 302, made.body)
      const review = String(made.headers.location)
      assert.match(review, /^\/reviews\/\d+$/)
      const page = await as('chair').get(review)
      assert.match(page.body, /Due by 30 December 2026/, 'five working days over Christmas')
      assert.match(page.body, /Due by 14 January 2027/)

      // the clocks stop on the days recorded; a day before the incident became known is refused
      const early = await as('chair').post(`${review}/dates`, { ...day('notified_on', '2026-12-18') }, review)
      assert.equal(early.statusCode, 400)
      assert.match(early.body, /cannot be before the incident became known \(2026-12-21\)/)
      assert.equal(
        (await as('manager').post(`${review}/dates`, { ...day('notified_on', '2026-12-21') }, '/reviews')).statusCode,
        403,
      )
      const notified = await as('chair').post(`${review}/dates`, { ...day('notified_on', '2026-12-21') }, review)
      assert.equal(notified.statusCode, 302, notified.body)
      assert.match((await as('chair').get(review)).body, /Done in time<\/strong> 21 December 2026/)

      // before an agency is assigned, its staff cannot open the review
      assert.equal((await as('manager').get(review)).statusCode, 403)
      assert.equal(
        (await as('manager').post(`${review}/recommendations`, { text: 'x', agencies: 'police' }, '/reviews'))
          .statusCode,
        403,
      )
      const rec = await as('chair').post(
        `${review}/recommendations`,
        { text: 'Police to brief every officer on recognising exploitation', agencies: 'police' },
        `${review}/recommendations/new`,
      )
      assert.equal(rec.statusCode, 302, rec.body)
      const recId = (await db.selectFrom('review_recommendations').select('id').executeTakeFirstOrThrow()).id

      // the agency's practitioner reads it but cannot add to the plan; another agency's cannot open it
      assert.equal((await as('officer').get(review)).statusCode, 200)
      assert.equal((await as('nurse').get(review)).statusCode, 403)
      assert.equal((await as('officer').get(`${review}/recommendations/${recId}/actions/new`)).statusCode, 403)
      const form = `${review}/recommendations/${recId}/actions/new`
      assert.equal((await as('manager').get(form)).statusCode, 200)
      const noOwner = await as('manager').post(
        `${review}/recommendations/${recId}/actions`,
        { text: 'Brief', ...day('due_on', '2026-12-23') },
        form,
      )
      assert.equal(noOwner.statusCode, 400)
      assert.match(noOwner.body, /Choose who owns the action/)
      const added = await as('manager').post(
        `${review}/recommendations/${recId}/actions`,
        { text: 'Brief every response officer', owner_id: String(officerId), ...day('due_on', '2026-12-23') },
        form,
      )
      assert.equal(added.statusCode, 302, added.body)
      const action = `/plan-actions/${(await db.selectFrom('plan_actions').select('id').executeTakeFirstOrThrow()).id}`

      // sign-off refused while the action is open
      const tooSoon = await as('chair').post(`${review}/recommendations/${recId}/sign-off`, {}, review)
      assert.equal(tooSoon.statusCode, 400)
      assert.match(tooSoon.body, /1 action is not done with evidence/)

      // the practitioner reads the action, may not update it; "done" refused without evidence
      assert.equal((await as('officer').get(action)).statusCode, 200)
      assert.equal((await as('officer').post(action, { status: 'done', version: '1' }, action)).statusCode, 403)
      const bare = await as('manager').post(
        action,
        { status: 'done', version: '1', evidence_kind: '', evidence: '' },
        action,
      )
      assert.equal(bare.statusCode, 400)
      assert.match(bare.body, /An action cannot be marked done without evidence/)
      assert.equal(
        (await db.selectFrom('plan_actions').select('status').executeTakeFirstOrThrow()).status,
        'not_started',
      )

      // past its due day it is overdue, escalated to the police's lead, on the partnership's page and the lead's morning page
      clock.set('2026-12-24T09:00:00')
      await signInAll()
      const list = await as('chair').get('/reviews')
      assert.match(
        list.body,
        /Greater Rochdale Police<\/th>\s*<td class="govuk-table__cell">manager<\/td>\s*<td[^>]*>1<\/td>/,
      )
      const partnershipPage = await as('chair').get('/partnership')
      assert.equal(partnershipPage.statusCode, 200)
      assert.match(
        partnershipPage.body,
        /Greater Rochdale Police<\/th>\s*<td class="govuk-table__cell">manager<\/td>\s*<td[^>]*>1<\/td>/,
        "the partnership's page shows the overdue action by agency",
      )
      assert.match((await as('chair').get(review)).body, /Escalated to manager/)
      const morning = await as('manager').get('/manager')
      assert.match(morning.body, /Overdue actions in your agency’s plans \(1\)/)
      assert.match(morning.body, /escalated to you, as your agency’s lead/)

      const done = await as('manager').post(
        action,
        {
          status: 'done',
          version: '1',
          evidence_kind: 'document',
          evidence: 'Briefing record BR-2026-44',
          ...day('done_on', '2026-12-24'),
        },
        action,
      )
      assert.equal(done.statusCode, 302, done.body)
      const stale = await as('manager').post(action, { status: 'in_progress', version: '1' }, action)
      assert.equal(stale.statusCode, 409, 'an update from a version someone changed is refused')

      assert.equal(
        (await as('manager').post(`${review}/recommendations/${recId}/sign-off`, {}, review)).statusCode,
        403,
      )
      assert.equal(
        (await as('chair').post(`${review}/sign-off`, {}, review)).statusCode,
        400,
        'the recommendation is not signed off yet',
      )
      assert.equal((await as('chair').post(`${review}/recommendations/${recId}/sign-off`, {}, review)).statusCode, 302)
      assert.equal((await as('chair').post(`${review}/sign-off`, {}, review)).statusCode, 302)
      const signed = await as('chair').get(review)
      assert.match(signed.body, /Signed off by chair on 24 December 2026/)
      assert.equal(
        (await as('manager').post(action, { status: 'in_progress', version: '2' }, action)).statusCode,
        400,
        'a signed-off plan no longer changes',
      )

      // the partnership is never shown a child: no record link, no id, no name
      for (const url of ['/reviews', review, action]) {
        const body = (await as('chair').get(url)).body
        assert.ok(!body.includes(`/people/${amy}`), `${url} links no child's record`)
        assert.ok(!/Amy|Smith/.test(body), `${url} names no child`)
      }
      const actions = (await db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)
      for (const a of [
        'review_created',
        'recommendation_added',
        'plan_action_added',
        'plan_action_updated',
        'recommendation_signed_off',
        'review_signed_off',
        'view_review',
      ])
        assert.ok(actions.includes(a), `audited: ${a}`)
    })

    test('self-assessments: a manager records their agency’s, the partnership reads it, another agency cannot', async () => {
      const { db } = backend().database
      await signInAll()
      assert.equal((await as('officer').get('/self-assessments/new')).statusCode, 403)
      const form = await as('manager').get('/self-assessments/new')
      assert.match(form.body, /Section 11 \(Children Act 2004\) self-assessment/)
      const missing = await as('manager').post('/self-assessments', { period: '2026 to 2027' }, '/self-assessments/new')
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /Rate the standard/)
      const ids = [
        'leadership',
        'responsibility',
        'accountability',
        'child_voice',
        'training',
        'safer_recruitment',
        'inter_agency',
        'information_sharing',
      ]
      const ratings = Object.fromEntries(ids.map((id) => [`rating_${id}`, id === 'training' ? 'partly_met' : 'met']))
      const made = await as('manager').post(
        '/self-assessments',
        { period: '2026 to 2027', ...ratings },
        '/self-assessments/new',
      )
      assert.equal(made.statusCode, 302, made.body)
      const url = String(made.headers.location)
      const added = await as('manager').post(
        `${url}/actions`,
        {
          text: 'Refresh training for the public protection unit',
          owner_id: String(officerId),
          ...day('due_on', '2027-03-31'),
        },
        `${url}/actions/new`,
      )
      assert.equal(added.statusCode, 302, added.body)
      assert.match((await as('chair').get(url)).body, /Refresh training for the public protection unit/)
      assert.equal((await as('officer').get(url)).statusCode, 200)
      assert.equal((await as('nurse').get(url)).statusCode, 403)
      assert.equal((await as('chair').get(`${url}/actions/new`)).statusCode, 403)
      assert.doesNotMatch((await as('nurse').get('/self-assessments')).body, /Greater Rochdale Police/)
      const [row] = await db
        .selectFrom('plan_actions')
        .select(['self_assessment_id', 'agency_code'])
        .where('self_assessment_id', 'is not', null)
        .execute()
      assert.equal(row.agency_code, 'police')
    })
  },
  { clock, resetBetweenTests: false },
)
