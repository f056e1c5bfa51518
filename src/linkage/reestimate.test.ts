// Re-estimation inside the import (both databases): an import that brings the records held past the
// rule re-estimates the model by EM, keeps it as a new version, adopts it and relinks people made of
// one record; one that does not leaves the model alone; a model outside the bounds is not adopted.
// Then the status by agency and the review queue ordered by what is at stake.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { generatedPersonLines, seedLinkageArea } from '../testing/linkage-area.ts'
import { DEFAULT_MODEL_AUTHOR } from './storage.ts'
import { REESTIMATE_GROWTH, REESTIMATE_MIN_RECORDS } from './reestimate.ts'
import { defaultModel } from './default-model.ts'
import { M_CEILINGS, outOfBounds } from './model.ts'
import { serafCse } from '../risk/seraf-cse.ts'
import { linkageStatus } from './status.ts'
import { openReviews } from './review.ts'

const AT = new Date('2019-03-01T00:00:00Z')

test('a model outside the documented bounds is named with the reason', () => {
  assert.equal(outOfBounds(defaultModel()), null, 'the shipped default keeps within its own bounds')
  const loose = defaultModel()
  const dob = loose.comparisons.find((c) => c.name === 'date_of_birth')!
  dob.levels[dob.levels.length - 1].m = M_CEILINGS.date_of_birth * 4
  assert.match(outOfBounds(loose)!, /date_of_birth "else": m 0\.200 above its ceiling 0\.05/)
  assert.match(outOfBounds({ ...defaultModel(), lambda: 0.3 })!, /prior/)
})

forEachDatabase('re-estimating the linkage model inside an import', (backend) => {
  test('past the rule an import re-estimates, adopts and relinks; a small import changes no model', async () => {
    const { db } = backend().database
    await seedLinkageArea(db, 300)
    const models = () =>
      db.selectFrom('linkage_models').select(['id', 'trained_by', 'active', 'records']).orderBy('id').execute()
    assert.deepEqual(
      (await models()).map((m) => [m.trained_by, m.active]),
      [[DEFAULT_MODEL_AUTHOR, true]],
      `${300} records: below ${REESTIMATE_MIN_RECORDS}, the default stays`,
    )
    const result = await importRecords(
      db,
      ndjsonLines(generatedPersonLines(500, 11, '2019-02-01T09:00:00').replaceAll('"G-', '"H-')),
      { channel: 'file', skipInvalid: true, actor: TEST_ACTOR, receivedAt: AT },
    )
    assert.ok(result.linkage, 'the import re-estimated the model')
    assert.equal(result.linkage.adopted, true, result.linkage.reason ?? '')
    const after = await models()
    assert.deepEqual(
      after.map((m) => [m.trained_by, m.active]),
      [
        [DEFAULT_MODEL_AUTHOR, false],
        [`EM in import ${result.importId}`, true],
      ],
      'each model is kept as a version',
    )
    assert.ok(result.linkage.relink, 'people made of one record were relinked')
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'like', 'linkage\\_%')
      .execute()
    assert.ok(audits.some((a) => a.action === 'linkage_model_adopted'))
    assert.ok(audits.some((a) => a.action === 'linkage_relink' && a.actor.includes(`import ${result.importId}`)))

    // a few more records: not enough growth for another estimate
    const small = await importRecords(
      db,
      ndjsonLines(generatedPersonLines(20, 12, '2019-02-02T09:00:00').replaceAll('"G-', '"K-')),
      { channel: 'file', skipInvalid: true, actor: TEST_ACTOR, receivedAt: AT },
    )
    assert.equal(small.linkage ?? null, null, `fewer than ${REESTIMATE_GROWTH} times the records of the last model`)
    assert.equal((await models()).length, 2)

    // read-only: the status changes no link
    const links = await sql`select count(*)::int as n, sum(entity_id)::bigint as s from entity_links`.execute(db)
    const status = await linkageStatus(db)
    assert.deepEqual(
      await sql`select count(*)::int as n, sum(entity_id)::bigint as s from entity_links`.execute(db),
      links,
    )
    const held = await sql<{
      n: number
    }>`select count(*)::int as n from person_versions where is_current and not withdrawn`.execute(db)
    assert.equal(status.records, held.rows[0].n)
    assert.equal(status.agencies.length, 4)
    for (const a of status.agencies) {
      assert.ok(a.linked_across <= a.records)
      assert.ok(a.by_exact_rule + a.by_model + a.by_person <= a.records)
    }
    assert.ok(
      status.agencies.some((a) => a.by_model > 0),
      'the model linked records',
    )
    assert.equal(status.models.find((m) => m.active)!.trained_by, `EM in import ${result.importId}`)
  })

  test('the review queue puts a child at risk, then one missing now, first', async () => {
    const { db } = backend().database
    await seedLinkageArea(db, 40)
    // six records of six different people
    const links = await db.selectFrom('entity_links').select(['agency_code', 'source_id', 'entity_id']).execute()
    const people = [...new Map(links.map((l) => [l.entity_id, l])).values()].slice(0, 6)
    const pair = (i: number, probability: number) => ({
      agency_code: people[i].agency_code,
      source_id: people[i].source_id,
      candidate_entity: people[i + 1].entity_id,
      candidate_agency: people[i + 1].agency_code,
      candidate_source: people[i + 1].source_id,
      probability,
      explanation: '{}',
      created_at: AT,
    })
    await db
      .insertInto('linkage_reviews')
      .values([pair(0, 0.9), pair(2, 0.6), pair(4, 0.7)])
      .execute()
    // the shipped instrument (a migration adds it; emptying the tables between tests takes it away)
    await sql`insert into risk_instruments (instrument_id, version, definition, added_at)
      values (${serafCse.id}, ${serafCse.version}, ${JSON.stringify(serafCse)}::jsonb, '1970-01-01T00:00:00Z') on conflict do nothing`.execute(
      db,
    )
    await sql`insert into risk_scores (entity_id, instrument_id, instrument_version, score, band, age_rule, multi_agency, computed_at)
      values (${people[3].entity_id}, ${serafCse.id}, ${serafCse.version}, 5, 2, false, false, ${AT})`.execute(db)
    await importRecords(
      db,
      ndjsonLines(
        JSON.stringify({
          type: 'event',
          agency: people[4].agency_code,
          source_id: 'M-1',
          kind: 'missing_episode',
          subject: people[4].source_id,
          occurred_at: '2019-02-27T20:00:00Z',
          recorded_at: '2019-02-27T21:00:00Z',
        }),
      ),
      { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: AT },
    )
    const order = (await openReviews(db, 10, AT)).map((r) => r.source_id)
    // risk band 2 (candidate of the second pair), then missing now (the third), then by probability
    assert.deepEqual(order, [people[2].source_id, people[4].source_id, people[0].source_id])
    // as known half an hour after it began, the episode was not yet recorded: not missing then
    const before = (await openReviews(db, 10, new Date('2019-02-27T20:30:00Z'))).map((r) => r.source_id)
    assert.deepEqual(before, [people[2].source_id, people[0].source_id, people[4].source_id])
  })
})
