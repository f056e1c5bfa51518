import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { amyRecords, seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from './importer.ts'
import { chronology } from '../chronology/chronology.ts'
import { addAgency } from '../agencies/agencies.ts'

const ndjson = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n')
const opts = (extra: Partial<Parameters<typeof importRecords>[2]> = {}) => ({
  channel: 'file' as const,
  skipInvalid: false,
  actor: TEST_ACTOR,
  receivedAt: new Date('2010-01-01T00:00:00Z'),
  ...extra,
})

forEachDatabase('importing agency records', (backend) => {
  test('records of one child from three agencies become one person by the exact rules', async () => {
    const { db } = backend().database
    const { amy, result } = await seedArea(db)
    assert.equal(result.created, amyRecords().length)
    const links = await db
      .selectFrom('entity_links')
      .selectAll()
      .where('entity_id', '=', amy)
      .orderBy('agency_code')
      .execute()
    assert.deepEqual(
      links.map((l) => [l.agency_code, l.source_id, l.method]),
      [
        ['csc', 'C-77', 'name_and_dob'],
        ['health', 'H-5', 'nhs_number_and_dob'],
        ['police', 'P-1001', 'first_seen'],
      ],
    )
    const events = await chronology(db, amy, { at: new Date('2030-01-01') })
    assert.deepEqual(
      events.map((e) => e.source_id),
      ['HA-1', 'SH-1', 'E-77', 'S-1'],
    )
    const missing = events.find((e) => e.source_id === 'E-77')!
    assert.deepEqual(missing.involves.map((i) => [i.kind, i.key ?? i.source_record]).sort(), [
      ['location', 'OL161PA'],
      ['person', 'police:P-2001'],
      ['vehicle', 'AB12CDE'],
    ])
    assert.ok(missing.involves.find((i) => i.kind === 'person')!.person_id, 'the suspect links to a person')
    assert.equal(events.find((e) => e.source_id === 'SH-1')!.restricted, true, 'sexual health is restricted by default')
  })

  test('a second import of the same file changes nothing, and a re-send keeps the old version', async () => {
    const { db } = backend().database
    await seedArea(db)
    const again = await importRecords(db, ndjsonLines(ndjson(amyRecords())), opts())
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, amyRecords().length])
    const changed = {
      ...(amyRecords()[5] as Record<string, unknown>),
      summary: 'Concern updated',
      recorded_at: '2008-04-03T09:00:00',
    }
    const resend = await importRecords(db, ndjsonLines(ndjson([changed])), opts())
    assert.equal(resend.updated, 1)
    const versions = await db
      .selectFrom('events')
      .select(['version', 'summary', 'is_current', 'superseded_at'])
      .where('source_id', '=', 'S-1')
      .orderBy('version')
      .execute()
    assert.deepEqual(
      versions.map((v) => [v.version, v.summary, v.is_current]),
      [
        [1, 'School reports Amy is being collected by older men', false],
        [2, 'Concern updated', true],
      ],
    )
    assert.equal(
      versions[0].superseded_at!.toISOString(),
      '2008-04-03T08:00:00.000Z',
      'superseded when the new version was recorded (London summer time)',
    )
  })

  test('"as of" shows only what had been recorded by then, and the version known then', async () => {
    const { db } = backend().database
    const { amy } = await seedArea(db)
    await importRecords(
      db,
      ndjsonLines(
        ndjson([{ ...(amyRecords()[5] as object), summary: 'Concern updated', recorded_at: '2008-04-03T09:00:00' }]),
      ),
      opts(),
    )
    const at = (iso: string) => chronology(db, amy, { at: new Date(iso) })
    assert.deepEqual(
      (await at('2008-04-02T00:00:00Z')).map((e) => [e.source_id, e.summary]),
      [['S-1', 'School reports Amy is being collected by older men']],
    )
    assert.deepEqual(
      (await at('2008-06-30T00:00:00Z')).map((e) => e.source_id),
      ['HA-1', 'E-77', 'S-1'],
      'the sexual health record was recorded a year late',
    )
    assert.equal((await at('2008-06-30T00:00:00Z')).find((e) => e.source_id === 'S-1')!.summary, 'Concern updated')
  })

  test('a withdrawn record leaves every list from its recorded time on, and keeps its history', async () => {
    const { db } = backend().database
    const { amy } = await seedArea(db)
    const out = await importRecords(
      db,
      ndjsonLines(
        ndjson([
          {
            type: 'event',
            agency: 'health',
            source_id: 'HA-1',
            withdrawn: true,
            reason: 'wrong child',
            recorded_at: '2008-07-01T09:00:00',
          },
        ]),
      ),
      opts(),
    )
    assert.equal(out.withdrawn, 1)
    assert.ok((await chronology(db, amy, { at: new Date('2008-06-25T00:00:00Z') })).some((e) => e.source_id === 'HA-1'))
    assert.ok(!(await chronology(db, amy, { at: new Date('2030-01-01') })).some((e) => e.source_id === 'HA-1'))
    const history = await db
      .selectFrom('events')
      .select(['version', 'withdrawn', 'kind'])
      .where('source_id', '=', 'HA-1')
      .orderBy('version')
      .execute()
    assert.deepEqual(
      history.map((h) => [h.version, h.withdrawn, h.kind]),
      [
        [1, false, 'health_attendance'],
        [2, true, 'health_attendance'],
      ],
    )
  })

  test('one bad line rejects the whole file; --skip-invalid keeps the valid lines', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    const text = [
      JSON.stringify({
        type: 'person',
        source_id: 'P-1',
        given_name: 'Jo',
        family_name: 'Bloggs',
        date_of_birth: '2008-01-01',
      }),
      '',
      JSON.stringify({ type: 'person', source_id: 'P-2', given_name: 'Al', date_of_birth: '31/02/2007' }),
      JSON.stringify({ type: 'person', source_id: 'P-3', given_name: 'Bo', nhs_number: '1234567890' }),
    ].join('\r\n')
    const whole = await importRecords(db, ndjsonLines(text), opts({ defaultAgency: 'police' }))
    assert.equal(whole.rolledBack, true)
    assert.deepEqual(
      whole.rejects.map((r) => [r.line, r.errors[0].field]),
      [
        [3, 'date_of_birth'],
        [4, 'nhs_number'],
      ],
    )
    assert.match(whole.rejects[0].errors[0].message, /"31\/02\/2007" is not a date \(expected YYYY-MM-DD/)
    assert.equal((await db.selectFrom('person_versions').select('id').execute()).length, 0, 'nothing stored')
    const partial = await importRecords(db, ndjsonLines(text), opts({ defaultAgency: 'police', skipInvalid: true }))
    assert.deepEqual([partial.created, partial.rejected, partial.rolledBack], [1, 2, false])
  })

  test('a dangling reference is kept, reported, and resolved when the person arrives', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    const first = await importRecords(
      db,
      ndjsonLines(
        ndjson([
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-1',
            kind: 'concern',
            subject: 'P-9',
            occurred_at: '2009-01-01',
            involves: [{ person: 'P-10', role: 'suspect' }],
          },
          { type: 'relationship', agency: 'police', source_id: 'R-1', from: 'P-9', to: 'P-11', kind: 'associate' },
        ]),
      ),
      opts(),
    )
    assert.deepEqual(first.dangling, ['police:P-10', 'police:P-11', 'police:P-9'])
    await importRecords(
      db,
      ndjsonLines(
        ndjson([{ type: 'person', agency: 'police', source_id: 'P-9', given_name: 'Late', family_name: 'Arrival' }]),
      ),
      opts(),
    )
    const link = await db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('source_id', '=', 'P-9')
      .executeTakeFirstOrThrow()
    assert.equal((await chronology(db, link.entity_id, { at: new Date('2030-01-01') })).length, 1)
  })

  test("an object for an unregistered agency, or another agency than the token's, is rejected", async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await addAgency(db, { code: 'csc', name: 'CSC', kind: 'childrens_social_care' })
    const out = await importRecords(
      db,
      ndjsonLines(
        ndjson([
          { type: 'person', agency: 'nope', source_id: 'X', given_name: 'A' },
          { type: 'person', agency: 'csc', source_id: 'Y', given_name: 'B' },
        ]),
      ),
      opts({ onlyAgency: 'police', channel: 'api' }),
    )
    assert.deepEqual(
      out.rejects.map((r) => r.errors[0].message.slice(0, 20)),
      ['"nope" is not a regi', '"csc" is not this to'],
    )
  })
})
