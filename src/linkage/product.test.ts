// Probabilistic linkage in the product, on both databases: imports scored by the stored model at
// the thresholds (linked, queued for the MASH, or a new person), a "same" decision merging and
// persisting through retraining, unmerge, "not the same" keeping people apart, and who may decide.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import type { PersonRecord } from '../records/types.ts'
import { resolvePerson } from '../people/people.ts'
import { seedLinkageArea, LINKAGE_USERS } from '../testing/linkage-area.ts'
import {
  activeModel,
  currentRecords,
  DEFAULT_MODEL_AUTHOR,
  defaultThresholds,
  productNicknames,
  storeThresholds,
  trainAndStore,
} from './storage.ts'
import { defaultModel } from './default-model.ts'
import { createLinker } from './linker.ts'
import { linkageRecordFromPerson } from './record.ts'
import { decideReview } from './review.ts'
import { LinkageError, unmergeRecord } from './merge.ts'
import { linkSession } from './incremental.ts'
import type { Thresholds } from './thresholds.ts'

const AT = new Date('2020-06-01T12:00:00Z')
const ADDRESS = { line1: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 2AB' }
const AIMEE = {
  type: 'person',
  agency: 'police',
  source_id: 'P-1',
  given_name: 'Aimee',
  family_name: 'Smyth',
  date_of_birth: '2007-03-14',
  sex: 'female',
  address: ADDRESS,
  phone: '07700900123',
  recorded_at: '2020-01-01T09:00:00',
}
// the school knows her as Amy Smith, same birthday, address and phone; no NHS number
const AMY = {
  type: 'person',
  agency: 'school',
  source_id: 'S-1',
  given_name: 'Amy',
  family_name: 'Smith',
  date_of_birth: '2007-03-14',
  sex: 'female',
  address: { line1: '12 Canal St', postcode: 'OL11 2AB' },
  phone: '07700900123',
  recorded_at: '2020-01-02T09:00:00',
}
// the clinic: another given name, birthday day and month apart, an old address
const AMY_LEIGH = {
  type: 'person',
  agency: 'clinic',
  source_id: 'C-1',
  given_name: 'Amy-Leigh',
  family_name: 'Smith',
  date_of_birth: '2007-12-03',
  sex: 'female',
  address: { line1: '3 Mill Lane', postcode: 'OL12 6QT' },
  recorded_at: '2020-01-03T09:00:00',
}

const asPerson = (o: Record<string, unknown>) => ({ ...o, other_names: [] }) as unknown as PersonRecord

async function importOne(db: Db, record: object) {
  const r = await importRecords(db, ndjsonLines(JSON.stringify(record)), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: AT,
  })
  assert.equal(r.rejected, 0, JSON.stringify(r.rejects))
}

async function linkOf(db: Db, agency: string, sourceId: string) {
  return db
    .selectFrom('entity_links')
    .selectAll()
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow()
}

/** The best person for a record under the active model, as the import will see it. */
async function bestMatch(db: Db, record: object) {
  const active = (await activeModel(db))!
  const linker = createLinker(active.model, productNicknames())
  for (const s of await currentRecords(db)) linker.add(s.record, String(s.entityId))
  const [best] = linker.match(linkageRecordFromPerson(asPerson(record as Record<string, unknown>)), {
    minProbability: 0,
  })
  return best ? { entityId: Number(best.id), probability: best.probability } : { entityId: 0, probability: 0 }
}

async function setThresholds(db: Db, t: Thresholds) {
  await db.transaction().execute((trx) => storeThresholds(trx, t, 'test', AT))
}

const band = (p: number, t: Thresholds) => (p >= t.auto ? 'link' : p >= t.review ? 'review' : 'new')

forEachDatabase(
  'linkage in the product',
  (backend) => {
    let mash: Actor
    let socialWorker: Actor
    let aimeePerson: number
    before(async () => {
      const { db } = backend().database
      const users = await seedLinkageArea(db, 300)
      mash = {
        kind: 'user',
        userId: users.mash,
        email: LINKAGE_USERS.mash,
        name: 'mash',
        agency: 'csc',
        roles: ['mash'],
      }
      socialWorker = {
        kind: 'user',
        userId: users.socialWorker,
        email: LINKAGE_USERS.socialWorker,
        name: 'sw',
        agency: 'csc',
        roles: ['practitioner'],
      }
      await importOne(db, AIMEE)
      aimeePerson = (await linkOf(db, 'police', 'P-1')).entity_id
    })

    test('without a trained model the first import stores the shipped default model and links with it', async () => {
      const { db } = backend().database
      const models = await db.selectFrom('linkage_models').select(['id', 'trained_by', 'active']).execute()
      assert.deepEqual(
        models.map((m) => [m.trained_by, m.active]),
        [[DEFAULT_MODEL_AUTHOR, true]],
      )
      assert.deepEqual((await activeModel(db))!.model.comparisons, defaultModel().comparisons)
      assert.equal((await linkOf(db, 'police', 'P-1')).method, 'first_seen')
      const byModel = await db
        .selectFrom('entity_links')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('method', '=', 'probabilistic')
        .executeTakeFirstOrThrow()
      assert.ok(Number(byModel.n) > 0, 'the generated area holds records only the model links')
    })

    test('Aimee, Amy and Amy-Leigh are linked, queued or made new people as their probabilities and the thresholds say', async () => {
      const { db } = backend().database
      const summary = await trainAndStore(db, 'test', AT, { seed: 1, randomPairs: 50_000 })
      assert.equal((await activeModel(db))!.id, summary.modelId)
      const defaults = defaultThresholds({})
      const amy = await bestMatch(db, AMY)
      assert.equal(amy.entityId, aimeePerson)
      assert.ok(amy.probability >= defaults.review, `same birthday, address and phone: ${amy.probability}`)
      await importOne(db, AMY)
      const amyLink = await linkOf(db, 'school', 'S-1')
      const reviews = () =>
        db.selectFrom('linkage_reviews').selectAll().where('status', '=', 'open').orderBy('id').execute()
      if (band(amy.probability, defaults) === 'link') {
        assert.equal(amyLink.entity_id, aimeePerson)
        assert.equal(amyLink.method, 'probabilistic')
        assert.ok(Math.abs(amyLink.score! - amy.probability) < 1e-9)
      } else {
        assert.notEqual(amyLink.entity_id, aimeePerson)
        assert.deepEqual(
          (await reviews()).map((r) => [r.source_id, r.candidate_entity]),
          [['S-1', aimeePerson]],
        )
      }
      const amyLeigh = await bestMatch(db, AMY_LEIGH)
      const before = (await reviews()).length
      await importOne(db, AMY_LEIGH)
      const leighLink = await linkOf(db, 'clinic', 'C-1')
      const expected = band(amyLeigh.probability, defaults)
      assert.equal(leighLink.method, expected === 'link' ? 'probabilistic' : 'first_seen')
      assert.equal((await reviews()).length, before + (expected === 'review' ? 1 : 0))
    })

    test('in the review band a record becomes a new person and the pair is queued with its waterfall', async () => {
      const { db } = backend().database
      const record = {
        type: 'person',
        agency: 'csc',
        source_id: 'CS-1',
        given_name: 'Aimee',
        family_name: 'Smith',
        date_of_birth: '2007-03-14',
        recorded_at: '2020-02-01T09:00:00',
      }
      const best = await bestMatch(db, record)
      assert.ok(best.probability > 1e-6, 'the same birthday and given name count for something')
      const limits = { review: best.probability / 2, auto: Math.min(0.999999, (1 + best.probability) / 2) }
      await setThresholds(db, limits)
      await importOne(db, record)
      const link = await linkOf(db, 'csc', 'CS-1')
      assert.equal(link.method, 'first_seen')
      assert.notEqual(link.entity_id, best.entityId)
      const review = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('source_id', '=', 'CS-1')
        .executeTakeFirstOrThrow()
      assert.equal(review.candidate_entity, best.entityId)
      assert.equal(review.status, 'open')
      assert.ok(Math.abs(review.probability - best.probability) < 1e-9)
      const waterfall = review.explanation as {
        comparisons: { comparison: string; level: string; weight: number }[]
        probability: number
      }
      assert.ok(Math.abs(waterfall.probability - best.probability) < 1e-9)
      assert.equal(waterfall.comparisons.find((c) => c.comparison === 'date_of_birth')!.level, 'exact')
      assert.ok(waterfall.comparisons.find((c) => c.comparison === 'date_of_birth')!.weight > 0)
      // below the review threshold: a new person and nothing queued
      await setThresholds(db, { review: 0.999998, auto: 0.999999 })
      const far = {
        type: 'person',
        agency: 'csc',
        source_id: 'CS-2',
        given_name: 'Zebedee',
        family_name: 'Quenton',
        date_of_birth: '1999-01-01',
        recorded_at: '2020-02-01T09:00:00',
      }
      await importOne(db, far)
      assert.equal((await linkOf(db, 'csc', 'CS-2')).method, 'first_seen')
      assert.equal(
        await db.selectFrom('linkage_reviews').select('id').where('source_id', '=', 'CS-2').executeTakeFirst(),
        undefined,
      )
      // at the auto threshold: linked
      const twin = {
        type: 'person',
        agency: 'clinic',
        source_id: 'C-2',
        given_name: 'Zebedee',
        family_name: 'Quentin',
        date_of_birth: '1999-01-01',
        recorded_at: '2020-02-01T09:00:00',
      }
      const p = (await bestMatch(db, twin)).probability
      await setThresholds(db, { review: p / 4, auto: p / 2 })
      await importOne(db, twin)
      const twinLink = await linkOf(db, 'clinic', 'C-2')
      assert.equal(twinLink.method, 'probabilistic')
      assert.equal(twinLink.entity_id, (await linkOf(db, 'csc', 'CS-2')).entity_id)
      const history = await db.selectFrom('entity_link_history').selectAll().where('source_id', '=', 'C-2').execute()
      assert.deepEqual(
        history.map((h) => [h.action, h.from_entity, h.to_entity, h.decided_by]),
        [['link', null, twinLink.entity_id, null]],
      )
      assert.match(history[0].actor, /^linkage model \d+$/)
      await setThresholds(db, limits)
    })

    test('only the MASH decides, with a reason', async () => {
      const { db } = backend().database
      const review = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('source_id', '=', 'CS-1')
        .executeTakeFirstOrThrow()
      await assert.rejects(decideReview(db, socialWorker, review.id, true, 'looks like her', AT), LinkageError)
      await assert.rejects(decideReview(db, TEST_ACTOR, review.id, true, 'looks like her', AT), LinkageError)
      await assert.rejects(decideReview(db, mash, review.id, true, '  ', AT), LinkageError)
      assert.equal(
        (await db.selectFrom('linkage_reviews').select('status').where('id', '=', review.id).executeTakeFirstOrThrow())
          .status,
        'open',
      )
    })

    test('"same person" merges the record\'s person into the candidate, kept through retraining and later imports', async () => {
      const { db } = backend().database
      const review = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('source_id', '=', 'CS-1')
        .executeTakeFirstOrThrow()
      const from = (await linkOf(db, 'csc', 'CS-1')).entity_id
      const result = await decideReview(
        db,
        mash,
        review.id,
        true,
        'same school, same birthday; confirmed with the school',
        AT,
      )
      assert.equal(result.personId, review.candidate_entity)
      const link = await linkOf(db, 'csc', 'CS-1')
      assert.equal(link.entity_id, review.candidate_entity)
      assert.equal(link.method, 'person_decision')
      assert.equal(link.decided_by, mash.kind === 'user' ? mash.userId : null)
      assert.equal(
        (await db.selectFrom('entities').select('merged_into').where('id', '=', from).executeTakeFirstOrThrow())
          .merged_into,
        review.candidate_entity,
      )
      assert.equal(
        await resolvePerson(db, from),
        review.candidate_entity,
        'the merged-away id answers with the person it became',
      )
      const history = await db.selectFrom('entity_link_history').selectAll().where('source_id', '=', 'CS-1').execute()
      assert.deepEqual(
        history.map((h) => [h.action, h.from_entity, h.to_entity, h.actor]),
        [['merge', from, review.candidate_entity, LINKAGE_USERS.mash]],
      )
      const audits = await db
        .selectFrom('audit_log')
        .select(['action', 'user_id', 'reason'])
        .where('action', 'like', 'linkage\\_%')
        .execute()
      assert.ok(audits.some((a) => a.action === 'linkage_decide_same' && a.reason?.startsWith('same school')))
      assert.ok(audits.some((a) => a.action === 'linkage_merge'))
      // the agency record itself is untouched
      const version = await db
        .selectFrom('person_versions')
        .select(['given_name', 'family_name', 'version'])
        .where('source_id', '=', 'CS-1')
        .executeTakeFirstOrThrow()
      assert.deepEqual(version, { given_name: 'Aimee', family_name: 'Smith', version: 1 })

      const retrained = await trainAndStore(db, 'test', AT, { seed: 2, randomPairs: 50_000 })
      assert.equal((await activeModel(db))!.id, retrained.modelId)
      assert.equal((await db.selectFrom('linkage_models').select('id').where('active', '=', true).execute()).length, 1)
      assert.equal(
        (await linkOf(db, 'csc', 'CS-1')).entity_id,
        review.candidate_entity,
        'retraining leaves people as decided',
      )
      assert.equal(
        (
          await db
            .selectFrom('linkage_decisions')
            .select('same')
            .where('source_a', '=', 'CS-1')
            .executeTakeFirstOrThrow()
        ).same,
        true,
      )
      // a later record that the exact rules tie to the merged record joins the merged person
      await importOne(db, {
        type: 'person',
        agency: 'police',
        source_id: 'P-9',
        given_name: 'Aimee',
        family_name: 'Smith',
        date_of_birth: '2007-03-14',
        recorded_at: '2020-03-01T09:00:00',
      })
      assert.equal((await linkOf(db, 'police', 'P-9')).entity_id, review.candidate_entity)
    })

    test('unmerge splits one record out into a new person, with history; "not the same" is stored', async () => {
      const { db } = backend().database
      const person = (await linkOf(db, 'csc', 'CS-1')).entity_id
      await assert.rejects(
        db.transaction().execute((trx) => unmergeRecord(trx, mash, 'csc', 'CS-1', '', AT)),
        LinkageError,
      )
      const fresh = await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, mash, 'csc', 'CS-1', 'different child: the school has two Aimees', AT))
      assert.notEqual(fresh, person)
      const link = await linkOf(db, 'csc', 'CS-1')
      assert.equal(link.entity_id, fresh)
      assert.equal(link.method, 'person_decision')
      assert.equal(await resolvePerson(db, fresh), fresh)
      assert.equal(await resolvePerson(db, person), person, 'the person it left is still a person')
      const history = await db
        .selectFrom('entity_link_history')
        .select(['action', 'from_entity', 'to_entity'])
        .where('source_id', '=', 'CS-1')
        .orderBy('id')
        .execute()
      assert.deepEqual(
        history.map((h) => h.action),
        ['merge', 'unmerge'],
      )
      assert.deepEqual([history[1].from_entity, history[1].to_entity], [person, fresh])
      const apart = await db
        .selectFrom('linkage_decisions')
        .select(['agency_b', 'source_b'])
        .where('source_a', '=', 'CS-1')
        .where('same', '=', false)
        .execute()
      const members = await db
        .selectFrom('entity_links')
        .select(['agency_code', 'source_id'])
        .where('entity_id', '=', person)
        .execute()
      assert.deepEqual(
        apart.map((d) => `${d.agency_b}:${d.source_b}`).sort(),
        members.map((m) => `${m.agency_code}:${m.source_id}`).sort(),
      )
      assert.ok(
        (await db.selectFrom('audit_log').select('id').where('action', '=', 'linkage_unmerge').execute()).length >= 2,
      )
      // the only record of a person cannot be split out
      await assert.rejects(
        db.transaction().execute((trx) => unmergeRecord(trx, mash, 'csc', 'CS-1', 'again', AT)),
        /only record/,
      )
    })

    test('"not the same" is never overridden by the model: no auto-link to a person decided apart', async () => {
      const { db } = backend().database
      const person = (await linkOf(db, 'police', 'P-9')).entity_id
      // with thresholds so low that anything would be linked, CS-1 is still not put with the person it was split from
      await setThresholds(db, { review: 1e-12, auto: 2e-12 })
      const cs1 = asPerson({
        agency: 'csc',
        source_id: 'CS-1',
        given_name: 'Aimee',
        family_name: 'Smith',
        date_of_birth: '2007-03-14',
      })
      const other = asPerson({
        agency: 'csc',
        source_id: 'CS-NEW',
        given_name: 'Aimee',
        family_name: 'Smith',
        date_of_birth: '2007-03-14',
      })
      const decisions = await db.transaction().execute(async (trx) => {
        const session = (await linkSession(trx))!
        const out = { cs1: session.decide(cs1), other: session.decide(other) }
        await sql`select 1`.execute(trx)
        return out
      })
      assert.ok(!(decisions.cs1.kind !== 'new' && decisions.cs1.entityId === person), JSON.stringify(decisions.cs1))
      assert.equal(
        decisions.other.kind,
        'review',
        'a record matching two people decided apart is not linked to either by the model',
      )
      // a later import of such a record: a new person, queued
      await importOne(db, {
        type: 'person',
        agency: 'clinic',
        source_id: 'C-9',
        given_name: 'Aimee',
        family_name: 'Smiht',
        date_of_birth: '2007-03-14',
        sex: 'female',
        recorded_at: '2020-04-01T09:00:00',
      })
      const link = await linkOf(db, 'clinic', 'C-9')
      assert.equal(link.method, 'first_seen')
      assert.ok(
        (
          await db
            .selectFrom('linkage_reviews')
            .select('id')
            .where('source_id', '=', 'C-9')
            .where('status', '=', 'open')
            .execute()
        ).length === 1,
      )
      await setThresholds(db, { review: 0.5, auto: 0.95 })
    })

    test('the linker kept between imports forgets what a rolled-back import added, and follows merges', async () => {
      const { db } = backend().database
      await setThresholds(db, { review: 0.5, auto: 0.95 })
      const ghost = asPerson({
        agency: 'police',
        source_id: 'GHOST',
        given_name: 'Wilhelmina',
        family_name: 'Quarrington',
        date_of_birth: '2005-05-05',
        sex: 'female',
        phone: '07700900999',
      })
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          const session = (await linkSession(trx))!
          session.add(ghost, 999_999)
          throw new Error('rolled back')
        }),
        /rolled back/,
      )
      const decision = await db
        .transaction()
        .execute(async (trx) => (await linkSession(trx))!.decide({ ...ghost, source_id: 'GHOST-2' }))
      assert.equal(decision.kind, 'new', 'a record of a rolled-back import is no candidate')
      // committed: a later import finds it
      await importOne(db, {
        type: 'person',
        agency: 'police',
        source_id: 'W-1',
        given_name: 'Wilhelmina',
        family_name: 'Quarrington',
        date_of_birth: '2005-05-05',
        sex: 'female',
        phone: '07700900999',
        recorded_at: '2020-05-01T09:00:00',
      })
      const w1 = (await linkOf(db, 'police', 'W-1')).entity_id
      const again = await db.transaction().execute(async (trx) =>
        (await linkSession(trx))!.decide(
          asPerson({
            agency: 'csc',
            source_id: 'W-2',
            given_name: 'Wilhelmina',
            family_name: 'Quarington',
            date_of_birth: '2005-05-05',
            sex: 'female',
            phone: '07700900999',
          }),
        ),
      )
      assert.notEqual(again.kind, 'new')
      assert.equal(again.kind !== 'new' && again.entityId, w1)
    })
  },
  { resetBetweenTests: false },
)
