// No lost updates (issue 17): moving a challenge up or resolving it is one conditional update of the
// version its writer saw, so two clicks (or two people) never skip a stage and a resolved challenge
// never moves up; a stale page gets 409 with the note it tried to save. A double submit of an
// allocation is one allocation, and a lead professional chosen on a stale page is refused with both names. Concurrent calls on both databases, and the pages as a browser posts.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'
import { raiseChallenge, noteChallenge, challengesAt, ChallengeChanged } from './store-challenges.ts'
import { allocate } from '../people/allocations.ts'
import { setLeadProfessional } from './store-lead.ts'
import { ChoiceChanged } from '../errors/choice-changed.ts'
import type { SignedInUser } from '../web/request-context.ts'
import type { Role } from '../vocabulary/roles.ts'

const AT = new Date('2009-06-02T09:00:00Z')
const LATER = new Date('2009-06-02T10:00:00Z')

// the machine's time unless a test sets it (and puts it back)
const clock = new TestClock()

forEachDatabase(
  'no lost updates: challenges and allocations',
  (backend) => {
    let area: WorkingArea
    let app: FastifyInstance
    const db = () => backend().database.db
    const raise = (summary: string) =>
      raiseChallenge(
        db(),
        TEST_ACTOR,
        {
          childId: area.amy,
          decisionId: 'cps:CD-1',
          raisedBy: area.users.officer,
          againstAgency: 'cps',
          subject: 'prosecutor_decision',
          summary,
        },
        AT,
      )
    const stageOf = async (id: number, at = LATER) => (await challengesAt(db(), at, { ids: [id] }))[0]

    before(async () => {
      area = await seedWorkingArea(db())
      app = await testApp(backend().database)
    })
    after(async () => {
      await app?.close()
    })

    test('two moves up at once: one is saved, the challenge moves up one stage, the other is told it changed', async () => {
      const id = await raise('two clicks at once')
      assert.equal((await stageOf(id)).state.stage, 1)
      const up = (note: string) =>
        noteChallenge(db(), TEST_ACTOR, id, area.users.officer, { kind: 'escalated', note }, LATER)
      const results = await Promise.allSettled([up('first click'), up('second click'), up('third click')])
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      for (const r of results.filter((r) => r.status === 'rejected'))
        assert.ok(
          (r as PromiseRejectedResult).reason instanceof ChallengeChanged,
          String((r as PromiseRejectedResult).reason),
        )
      const after = await stageOf(id)
      assert.equal(after.state.stage, 2, 'one stage up, none skipped')
      assert.equal(after.notes.filter((n) => n.kind === 'escalated').length, 1)
      assert.equal(after.version, 1)
    })

    test('a note written on a version someone has since changed is refused; a resolved challenge never moves up', async () => {
      const id = await raise('stale page')
      const seen = (await stageOf(id)).version
      await noteChallenge(
        db(),
        TEST_ACTOR,
        id,
        area.users.prosecutor,
        { kind: 'responded', note: 'We will look again' },
        LATER,
        seen,
      )
      // the officer's page was opened before the response
      await assert.rejects(
        noteChallenge(db(), TEST_ACTOR, id, area.users.officer, { kind: 'escalated', note: 'no answer' }, LATER, seen),
        ChallengeChanged,
      )
      assert.equal((await stageOf(id)).state.stage, 1)
      // resolved at one moment, moved up at once by a page opened before it
      const open = (await stageOf(id)).version
      const results = await Promise.allSettled([
        noteChallenge(
          db(),
          TEST_ACTOR,
          id,
          area.users.officer,
          { kind: 'resolved', outcome: 'decision_upheld', note: 'Agreed after the response' },
          LATER,
          open,
        ),
        noteChallenge(db(), TEST_ACTOR, id, area.users.officer, { kind: 'escalated', note: 'moving up' }, LATER, open),
      ])
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      const final = await stageOf(id)
      if (final.state.status === 'resolved') assert.equal(final.state.stage, 1, 'resolved, and never moved up after')
      else assert.equal(final.notes.filter((n) => n.kind === 'resolved').length, 0)
      // and once resolved, nothing moves it
      if (final.state.status !== 'resolved')
        await noteChallenge(
          db(),
          TEST_ACTOR,
          id,
          area.users.officer,
          { kind: 'resolved', outcome: 'decision_upheld', note: 'Agreed' },
          LATER,
        )
      await assert.rejects(
        noteChallenge(db(), TEST_ACTOR, id, area.users.officer, { kind: 'escalated', note: 'again' }, LATER),
        /resolved/,
      )
    })

    test('the page: a double click on "move it up" saves one, the second gets 409 with the note it tried', async () => {
      const id = await raise('double click in the browser')
      const officer = new Browser(app)
      await officer.signIn(AREA_EMAILS.officer)
      clock.set('2009-06-02T11:00:00')
      try {
        const page = await officer.get(`/challenges/${id}`)
        assert.equal(page.statusCode, 200)
        const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
        assert.equal(version, '0')
        const form = { kind: 'escalated', note: 'No reply in two days', version: version! }
        const first = await officer.post(`/challenges/${id}/notes`, form, `/challenges/${id}`)
        assert.equal(first.statusCode, 302)
        const second = await officer.post(`/challenges/${id}/notes`, form, `/challenges/${id}`)
        assert.equal(second.statusCode, 409)
        assert.match(second.body, /has changed since you opened it/)
        assert.match(second.body, /No reply in two days/)
        const now = await officer.get(`/challenges/${id}`)
        assert.match(now.body, /name="version" value="1"/)
        assert.equal((await stageOf(id, new Date('2009-06-02T11:00:00Z'))).state.stage, 2)
      } finally {
        clock.useMachineTime()
      }
    })

    test('a double submit of an allocation is one allocation, at once or one after the other', async () => {
      const mash = await db()
        .selectFrom('users')
        .select(['id', 'email', 'name', 'agency_code', 'roles'])
        .where('email', '=', AREA_EMAILS.mash)
        .executeTakeFirstOrThrow()
      const by = {
        id: mash.id,
        email: mash.email,
        name: mash.name,
        agency: mash.agency_code,
        roles: mash.roles as readonly Role[],
      } as SignedInUser
      const open = async (userId: number) =>
        db()
          .selectFrom('allocations')
          .select('id')
          .where('entity_id', '=', area.amy)
          .where('user_id', '=', userId)
          .where('ends_at', 'is', null)
          .execute()
      const nurse = area.users.nurse
      const before = (await open(nurse)).length
      await Promise.all([
        allocate(db(), TEST_ACTOR, by, area.amy, nurse, 'School nurse', LATER),
        allocate(db(), TEST_ACTOR, by, area.amy, nurse, 'School nurse', LATER),
        allocate(db(), TEST_ACTOR, by, area.amy, nurse, 'School nurse', LATER),
      ])
      assert.equal((await open(nurse)).length, before + 1)
      // through the page, submitted twice
      const browser = new Browser(app)
      await browser.signIn(AREA_EMAILS.mash)
      const manager = area.users.cscManager
      const form = { user_id: String(manager), role: 'Team manager' }
      for (let i = 0; i < 2; i++)
        assert.equal(
          (await browser.post(`/people/${area.amy}/allocations`, form, `/people/${area.amy}`)).statusCode,
          302,
        )
      assert.equal((await open(manager)).length, 1)
    })

    test('the lead professional: of two chosen at once from one page, one is saved and the other told, with both names', async () => {
      const team = await db()
        .selectFrom('allocations')
        .innerJoin('users', 'users.id', 'allocations.user_id')
        .select(['allocations.id', 'users.name'])
        .where('entity_id', '=', area.amy)
        .where('ends_at', 'is', null)
        .orderBy('allocations.id')
        .execute()
      assert.ok(team.length >= 2, 'two professionals allocated')
      const [a, b] = team
      const leads = async () =>
        (
          await db()
            .selectFrom('allocations')
            .select('id')
            .where('entity_id', '=', area.amy)
            .where('lead_professional' as never, '=', true as never)
            .execute()
        ).map((r) => r.id)
      const results = await Promise.allSettled([
        setLeadProfessional(db(), TEST_ACTOR, area.amy, a.id, null, LATER),
        setLeadProfessional(db(), TEST_ACTOR, area.amy, b.id, null, LATER),
      ])
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      assert.ok(refused.reason instanceof ChoiceChanged, String(refused.reason))
      const [lead] = await leads()
      assert.equal((await leads()).length, 1)
      const winner = team.find((t) => t.id === lead)!
      const loser = team.find((t) => t.id !== lead)!
      assert.match(
        refused.reason.message,
        new RegExp(`${winner.name} was made the lead professional.*you chose ${loser.name}`),
      )
      // the same choice again (a double submit) changes nothing and is no conflict
      assert.equal(await setLeadProfessional(db(), TEST_ACTOR, area.amy, lead, null, LATER), 'unchanged')

      // the page: a manager opens Amy's page, someone else changes the lead, the manager's choice gets 409
      const manager = new Browser(app)
      await manager.signIn(AREA_EMAILS.cscManager)
      const page = await manager.get(`/people/${area.amy}/working-together`)
      assert.equal(/name="lead_from" value="(\d+)"/.exec(page.body)?.[1], String(lead))
      await setLeadProfessional(db(), TEST_ACTOR, area.amy, loser.id, lead, LATER)
      const stale = await manager.post(
        `/people/${area.amy}/lead-professional`,
        { allocation_id: String(lead), lead_from: String(lead) },
        `/people/${area.amy}/working-together`,
      )
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, new RegExp(`${loser.name} was made the lead professional`))
      assert.deepEqual(await leads(), [loser.id])
      // from the page as it is now, the choice is saved
      const fresh = await manager.post(
        `/people/${area.amy}/lead-professional`,
        { allocation_id: String(lead), lead_from: String(loser.id) },
        `/people/${area.amy}/working-together`,
      )
      assert.equal(fresh.statusCode, 302)
      assert.deepEqual(await leads(), [lead])
    })
  },
  { resetBetweenTests: false, clock },
)
