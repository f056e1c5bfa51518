// Relinking, on both databases: people made of one record, imported before any model was trained,
// are reconsidered with the stored model at the thresholds (merged at the auto threshold, queued in
// the review band, a dry run changing nothing), and people's decisions are never overridden. Then
// `threadline linkage relink` as a user runs it.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase, serverAvailable } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase } from '../testing/cli.ts'
import { viewPersonRecord } from '../people/record-view.ts'
import { allocate } from '../people/allocations.ts'
import { generatePeople } from './generate.ts'
import { seedLinkageArea, LINKAGE_USERS } from '../testing/linkage-area.ts'
import {
  activeModel,
  currentRecords,
  defaultThresholds,
  productNicknames,
  storeThresholds,
  trainAndStore,
} from './storage.ts'
import { createLinker } from './linker.ts'
import { recordDecision, unmergeRecord } from './merge.ts'
import { relinkCandidates, relinkPeople, type RelinkSummary } from './relink.ts'
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
// two records of one name, told apart by the MASH before any model existed
const ZEB = {
  type: 'person',
  agency: 'csc',
  source_id: 'CS-2',
  given_name: 'Zebedee',
  family_name: 'Quenton',
  date_of_birth: '1999-01-01',
  recorded_at: '2020-01-03T09:00:00',
}
const ZEB_TOO = {
  type: 'person',
  agency: 'clinic',
  source_id: 'C-2',
  given_name: 'Zebedee',
  family_name: 'Quentin',
  date_of_birth: '1999-01-01',
  recorded_at: '2020-01-03T09:00:00',
}

async function importPeople(db: Db, ...records: object[]) {
  const r = await importRecords(db, ndjsonLines(records.map((o) => JSON.stringify(o)).join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: AT,
  })
  assert.equal(r.rejected, 0, JSON.stringify(r.rejects))
}

async function personOf(db: Db, agency: string, sourceId: string) {
  return db
    .selectFrom('entity_links')
    .selectAll()
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow()
}

/** The model's probability that two stored records are one person (as the relink's linker scores it). */
async function probability(db: Db, a: string, b: string) {
  const linker = createLinker((await activeModel(db))!.model, productNicknames())
  const records = await currentRecords(db)
  for (const s of records) if (s.record.id !== a) linker.add(s.record, s.record.id)
  const probe = records.find((s) => s.record.id === a)!.record
  return linker.match(probe, { minProbability: 0 }).find((m) => m.id === b)?.probability ?? 0
}

async function setThresholds(db: Db, t: Thresholds) {
  await db.transaction().execute((trx) => storeThresholds(trx, t, 'test', AT))
}

/** Everything relinking may change, to compare before and after a dry run. */
async function state(db: Db) {
  const [links, entities, reviews, history] = await Promise.all([
    db
      .selectFrom('entity_links')
      .select(['agency_code', 'source_id', 'entity_id', 'method'])
      .orderBy('agency_code')
      .orderBy('source_id')
      .execute(),
    db.selectFrom('entities').select(['id', 'merged_into']).orderBy('id').execute(),
    db.selectFrom('linkage_reviews').select(['id', 'status']).orderBy('id').execute(),
    db.selectFrom('entity_link_history').select('id').execute(),
  ])
  return { links, entities, reviews, history: history.length }
}

const adds = (s: RelinkSummary) => s.linked + s.queued + s.alreadyQueued + s.joined + s.unchanged

forEachDatabase(
  'relinking people linked before a model',
  (backend) => {
    let mash: Actor
    let users: Awaited<ReturnType<typeof seedLinkageArea>>
    let p = 0

    before(async () => {
      const { db } = backend().database
      // imported by the exact rules only, as before linkage was on by default
      process.env.THREADLINE_LINKAGE = 'exact'
      users = await seedLinkageArea(db, 300)
      mash = {
        kind: 'user',
        userId: users.mash,
        email: LINKAGE_USERS.mash,
        name: 'mash',
        agency: 'csc',
        roles: ['mash'],
      }
      await importPeople(db, AIMEE, AMY, ZEB, ZEB_TOO)
      delete process.env.THREADLINE_LINKAGE
      await db
        .transaction()
        .execute((trx) =>
          recordDecision(
            trx,
            mash,
            { agency: 'csc', sourceId: 'CS-2' },
            [{ agency: 'clinic', sourceId: 'C-2' }],
            false,
            'two boys of the same name: different schools and GPs',
            AT,
          ),
        )
      const signedIn = {
        id: users.mash,
        email: LINKAGE_USERS.mash,
        name: 'mash',
        agency: 'csc',
        agencyName: 'csc',
        roles: ['mash' as const],
        jobTitle: null,
        isDemo: false,
      }
      await allocate(
        db,
        mash,
        signedIn,
        (await personOf(db, 'school', 'S-1')).entity_id,
        users.socialWorker,
        'Social worker',
        AT,
      )
    })

    test('records imported by the exact rules only stay apart, linked by a rule or new', async () => {
      const { db } = backend().database
      assert.notEqual((await personOf(db, 'police', 'P-1')).entity_id, (await personOf(db, 'school', 'S-1')).entity_id)
      const byModel = await db
        .selectFrom('entity_links')
        .select('method')
        .where('method', '=', 'probabilistic')
        .execute()
      assert.equal(byModel.length, 0)
    })

    test('in the review band: a dry run changes nothing and counts exactly what the run then does; a pair is queued once', async () => {
      const { db } = backend().database
      await trainAndStore(db, 'test', AT, { seed: 1, randomPairs: 50_000 })
      p = await probability(db, 'school:S-1', 'police:P-1')
      assert.ok(p > 1e-6, `same birthday, address and phone: ${p}`)
      await setThresholds(db, { review: p / 2, auto: Math.min(0.999999, (1 + p) / 2) })
      const considered = await relinkCandidates(db)
      const before = await state(db)
      const dry = await relinkPeople(db, TEST_ACTOR, AT, { dryRun: true })
      assert.deepEqual(await state(db), before, 'a dry run changes nothing')
      assert.equal(dry.dryRun, true)
      assert.equal(dry.considered, considered)
      assert.equal(adds(dry), dry.considered)
      assert.ok(dry.linked > 0, 'the generated population holds people the exact rules could not join')

      const run = await relinkPeople(db, TEST_ACTOR, AT)
      assert.deepEqual({ ...run, dryRun: true }, dry, 'the dry run said what the run did')
      const pair = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('source_id', '=', 'S-1'), eb('source_id', '=', 'P-1')]))
        .execute()
      assert.equal(pair.length, 1, 'Amy and Aimee are one pair for the MASH, queued once')
      assert.notEqual((await personOf(db, 'police', 'P-1')).entity_id, (await personOf(db, 'school', 'S-1')).entity_id)

      const again = await relinkPeople(db, TEST_ACTOR, AT)
      assert.equal(again.linked, 0, 'what could be linked was')
      assert.equal(again.queued, 0)
      assert.ok(again.alreadyQueued >= 1)
      const audits = await db
        .selectFrom('audit_log')
        .select(['details', 'actor'])
        .where('action', '=', 'linkage_relink')
        .orderBy('id')
        .execute()
      assert.deepEqual(
        audits.map((a) => (a.details as { dry_run: boolean }).dry_run),
        [true, false, false],
      )
    })

    test('at the auto threshold the model merges the one-record person into the other: history, audit, the review answered, the allocation follows', async () => {
      const { db } = backend().database
      await setThresholds(db, { review: p / 4, auto: p / 2 })
      const aimee = (await personOf(db, 'police', 'P-1')).entity_id
      const amy = (await personOf(db, 'school', 'S-1')).entity_id
      const summary = await relinkPeople(db, TEST_ACTOR, AT)
      assert.ok(summary.linked >= 1)
      const link = await personOf(db, 'school', 'S-1')
      assert.equal(link.entity_id, aimee, 'the newer one-record person joins the one known longer')
      assert.equal(link.method, 'probabilistic')
      assert.ok(Math.abs(link.score! - p) < 1e-9)
      const model = (await activeModel(db))!.id
      const history = await db
        .selectFrom('entity_link_history')
        .select(['action', 'from_entity', 'to_entity', 'actor'])
        .where('source_id', '=', 'S-1')
        .execute()
      assert.deepEqual(
        history.map((h) => [h.action, h.from_entity, h.to_entity, h.actor]),
        [['merge', amy, aimee, `linkage model ${model}`]],
      )
      assert.equal(
        (await db.selectFrom('entities').select('merged_into').where('id', '=', amy).executeTakeFirstOrThrow())
          .merged_into,
        aimee,
      )
      assert.deepEqual(
        (await db.selectFrom('linkage_reviews').select('status').where('source_id', '=', 'S-1').execute()).map(
          (r) => r.status,
        ),
        ['closed'],
      )
      const merge = await db
        .selectFrom('audit_log')
        .select(['actor', 'reason'])
        .where('action', '=', 'linkage_merge')
        .where('entity_id', '=', aimee)
        .executeTakeFirstOrThrow()
      assert.equal(merge.actor, `linkage model ${model}`)
      assert.match(merge.reason!, /^relink by test: probability [01]\.\d{4}, auto-link at /)
      const viewer = { kind: 'user' as const, userId: users.socialWorker, agency: 'csc', roles: ['practitioner'] }
      const view = await viewPersonRecord(db, viewer, TEST_ACTOR, aimee, { at: AT }, AT, {
        audit: false,
        withEvents: false,
        withLanguage: false,
      })
      assert.deepEqual(
        view.reach,
        { level: 'full', because: 'allocated' },
        'the social worker allocated to Amy reaches the merged child',
      )
    })

    test('relinking never overrides a person: "not the same" keeps apart, a record someone split out stays alone, merged people stay merged', async () => {
      const { db } = backend().database
      const aimee = (await personOf(db, 'police', 'P-1')).entity_id
      // the MASH splits a generated record out of its person; it is then placed by a person
      const truth = generatePeople({ records: 300, seed: 7 }).entityOf
      const pairs = await db
        .selectFrom('entity_links')
        .select(['agency_code', 'source_id', 'entity_id'])
        .where('source_id', 'like', 'G-%')
        .execute()
      const counts = new Map<number, number>()
      for (const r of pairs) counts.set(r.entity_id, (counts.get(r.entity_id) ?? 0) + 1)
      const split = pairs.find((r) => counts.get(r.entity_id)! > 1 && truth.has(r.source_id.slice(2)))!
      const alone = await db
        .transaction()
        .execute((trx) =>
          unmergeRecord(trx, mash, split.agency_code, split.source_id, 'the MASH checked: another child', AT),
        )
      // thresholds so low that the model would put almost anyone together
      await setThresholds(db, { review: 1e-12, auto: 2e-12 })
      const summary = await relinkPeople(db, TEST_ACTOR, AT)
      assert.ok(summary.linked > 0)
      assert.notEqual(
        (await personOf(db, 'csc', 'CS-2')).entity_id,
        (await personOf(db, 'clinic', 'C-2')).entity_id,
        '"not the same" blocks the model',
      )
      assert.equal(
        (await personOf(db, split.agency_code, split.source_id)).entity_id,
        alone,
        'placed by a person: not reconsidered',
      )
      assert.equal((await personOf(db, 'school', 'S-1')).entity_id, aimee)
      await setThresholds(db, { review: 0.5, auto: 0.95 })
    })
  },
  { resetBetweenTests: false },
)

test(
  'threadline linkage relink: works with the shipped default; train points at it; --dry-run then the run report the same counts',
  { timeout: 180_000 },
  async () => {
    const target = serverAvailable ? postgresTarget() : pgliteTarget()
    try {
      const database = await openTargetDatabase(target)
      process.env.THREADLINE_LINKAGE = 'exact'
      await seedLinkageArea(database.db, 200)
      delete process.env.THREADLINE_LINKAGE
      const alone = await relinkCandidates(database.db)
      await database.close()
      assert.ok(alone > 0)

      const trained = await runCli(['linkage', 'train', '--seed', '3'], target.env)
      assert.equal(trained.code, 0, trained.stderr)
      assert.match(
        trained.stderr,
        new RegExp(
          `${alone} people are made of one agency record, linked without this model: \`threadline linkage relink --dry-run\``,
        ),
      )

      const dry = await runCli(['linkage', 'relink', '--dry-run', '--format', 'json'], target.env)
      assert.equal(dry.code, 0, dry.stderr)
      const [preview] = JSON.parse(dry.stdout) as Record<string, number | boolean>[]
      assert.equal(preview.dry_run, true)
      assert.equal(preview.considered, alone)
      assert.match(dry.stderr, /nothing was changed/)
      const run = await runCli(['linkage', 'relink', '--format', 'json'], target.env)
      assert.equal(run.code, 0, run.stderr)
      const [done] = JSON.parse(run.stdout) as Record<string, number | boolean>[]
      assert.deepEqual({ ...done, dry_run: true }, preview)
      assert.match(
        run.stderr,
        new RegExp(
          `^relinked with linkage model 1 \\(auto-link at 0\\.95, review from ${String(defaultThresholds({}).review).replace('.', '\\.')}\\): ${alone} people made of one agency record; ${done.linked} linked`,
        ),
      )
    } finally {
      await target.cleanup()
    }
  },
)
