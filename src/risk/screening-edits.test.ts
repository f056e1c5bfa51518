// A signed screening's wording changed by whoever signed it or their manager (issue 15, decision
// 0033): its notes and an override's reason, never its items or band. Each change is a version (the
// risk page as of before it shows the earlier wording, the Versions page lists both), a save from a
// stale page is 409 with the person's text kept, a colleague gets no link and 403, the language check
// runs again on save, and the form and the change are audited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, seedCscColleagues } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { importRiskArea } from '../testing/risk-cli-fixture.ts'
import type { Db } from '../db/database.ts'
import { rewordScreening, type Screening } from './screening.ts'

const clock = new TestClock('2026-03-20T12:00:00Z')
const SIGNED_REASON = 'older man seen at the school gate by staff'
const CHANGED_REASON = 'older man seen at the school gate by staff on three days; not yet recorded by the police'

test('only the wording changes: notes and the reason, an added item keeps a note, an override keeps a reason', () => {
  const signed = {
    items: [{ code: 'isolated', label: 'Isolated', basis: 'added', note: 'old', points: 1 }],
    rejected: [{ code: 'sti', note: 'treated' }],
    override: { band: 4, reason: 'old reason' },
    band: 4,
    score: 1,
  } as unknown as Screening
  const changed = rewordScreening(signed, { notes: { isolated: 'new', sti: '' }, overrideReason: 'new reason' })
  assert.ok(changed.ok)
  assert.equal(changed.screening.items[0].note, 'new')
  assert.deepEqual(changed.screening.rejected, [{ code: 'sti' }], 'an empty note is no note')
  assert.deepEqual(changed.screening.override, { band: 4, reason: 'new reason' }, 'the band stands')
  assert.equal(changed.screening.score, 1)
  const refused = rewordScreening(signed, { notes: { isolated: ' ' }, overrideReason: '' })
  assert.ok(!refused.ok)
  assert.deepEqual(
    refused.errors.map((e) => e.code),
    ['isolated', 'override'],
  )
})

forEachDatabase(
  'editing a screening',
  (backend) => {
    let app: FastifyInstance
    let db: Db
    let bea: number
    let id: number
    const as: Record<string, Browser> = {}

    before(async () => {
      db = backend().database.db
      const seeded = await seedArea(db)
      const { personOf } = await importRiskArea(db)
      bea = personOf('P-B')
      await seedCscColleagues(db, bea, '2026-01-01T00:00:00Z')
      await db
        .insertInto('allocations')
        .values({
          entity_id: bea,
          user_id: seeded.users.socialWorker,
          role: 'Social worker',
          starts_at: '2026-01-01T00:00:00Z',
        })
        .execute()
      app = await testApp(backend().database)
      await signIn()
    })
    // a session ends some hours after signing in: after the clock moves on, everyone signs in again
    const signIn = async () => {
      for (const [who, email] of Object.entries({
        sw: 'sw@csc.test',
        colleague: 'colleague@csc.test',
        lead: 'lead@csc.test',
      }))
        as[who] = await new Browser(app).signIn(email)
    }
    after(async () => app?.close())

    test('signed, then changed by its signer: a version with who and when, the earlier one as of before', async () => {
      const url = `/people/${bea}/risk/screening`
      const signed = await as.sw.post(
        url,
        {
          decision_missing: 'confirmed',
          decision_gifts_money: 'confirmed',
          decision_sti: 'rejected',
          note_sti: 'treated',
          override_band: '4',
          override_reason: SIGNED_REASON,
        },
        url,
      )
      assert.equal(signed.statusCode, 302, signed.body.slice(0, 400))
      id = (await db.selectFrom('risk_screenings').select('id').executeTakeFirstOrThrow()).id
      const edit = `/screenings/${id}/edit`
      clock.set('2026-03-22T12:00:00Z')
      await signIn()
      const risk = await as.sw.get(`/people/${bea}/risk`)
      assert.ok(risk.body.includes(`href="${edit}"`), 'the signer has the Change link')
      const form = await as.sw.get(edit)
      assert.equal(form.statusCode, 200)
      assert.ok(form.body.includes(`${SIGNED_REASON}</textarea>`), 'the form shows what it says')
      assert.match(form.body, /name="note_sti"/)
      assert.match(form.body, /data-language-check/, 'checked as it is typed')

      const empty = await as.sw.post(edit, { version: '0', note_sti: 'treated', override_reason: ' ' }, edit)
      assert.equal(empty.statusCode, 400, 'an override keeps a reason')
      assert.match(empty.body, /govuk-error-summary/)
      assert.match(empty.body, /Give the reason for setting the band yourself/)

      const saved = await as.sw.post(
        edit,
        { version: '0', note_sti: 'treated; she is putting herself at risk', override_reason: CHANGED_REASON },
        edit,
      )
      assert.equal(saved.statusCode, 302, saved.body.slice(0, 400))
      const row = await db.selectFrom('risk_screenings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      assert.equal(row.version, 1)
      assert.equal(row.override_reason, CHANGED_REASON)
      assert.equal(row.band, 4, 'the band stands as signed')
      const now = await as.sw.get(`/people/${bea}/risk`)
      assert.match(now.body, /Override from 2: older man seen at the school gate by staff on three days/)
      const then = await as.sw.get(`/people/${bea}/risk?as_of=2026-03-21`)
      assert.ok(
        then.body.includes(`Override from 2: ${SIGNED_REASON}</td>`),
        'as of before the edit, what it said then',
      )
      const versions = await as.sw.get(`/screenings/${id}/versions`)
      assert.equal(versions.statusCode, 200)
      assert.ok(versions.body.includes(SIGNED_REASON) && versions.body.includes(CHANGED_REASON), 'both versions')

      // the language check ran again on save, in the screening's own context
      const counted = await db
        .selectFrom('language_counts')
        .select('rule')
        .where('context', '=', 'risk-screening')
        .execute()
      assert.ok(counted.length > 0, 'the wording saved was checked')
      const audited = await db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', 'in', ['edit_record', 'view_record_edit_form', 'view_record_versions'])
        .execute()
      assert.deepEqual(
        new Set(audited.map((a) => a.action)),
        new Set(['edit_record', 'view_record_edit_form', 'view_record_versions']),
      )
      assert.ok(audited.every((a) => (a.details as { kind: string }).kind === 'screening'))
    })

    test('a colleague has no Change link and gets 403; their manager may; a stale save gets the conflict page', async () => {
      const edit = `/screenings/${id}/edit`
      const risk = await as.colleague.get(`/people/${bea}/risk`)
      assert.equal(risk.statusCode, 200)
      assert.ok(!risk.body.includes(`href="${edit}"`), 'no Change link for a colleague')
      assert.ok(risk.body.includes(`href="/screenings/${id}/versions"`), 'the versions are theirs to read')
      assert.equal((await as.colleague.get(edit)).statusCode, 403)
      const refused = await as.colleague.post(edit, { version: '1', override_reason: 'mine' }, `/people/${bea}/risk`)
      assert.equal(refused.statusCode, 403)

      // the signer's manager opens the form; the signer saves meanwhile; the manager's save is stale
      assert.equal((await as.lead.get(edit)).statusCode, 200, 'a manager in the signer agency may')
      const first = await as.sw.post(
        edit,
        { version: '1', note_sti: 'treated', override_reason: 'third wording' },
        edit,
      )
      assert.equal(first.statusCode, 302)
      const stale = await as.lead.post(
        edit,
        { version: '1', note_sti: 'treated', override_reason: 'the manager text' },
        edit,
      )
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, /This screening changed after you opened it/)
      assert.match(stale.body, /third wording/, 'what it says now')
      assert.ok(stale.body.includes('the manager text</textarea>'), 'their text kept')
      const row = await db.selectFrom('risk_screenings').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      assert.equal(row.override_reason, 'third wording', 'nothing saved')
      assert.equal(row.version, 2)
    })
  },
  { resetBetweenTests: false, clock },
)
