// Subject access and retention (decision 0012): the export holds every record, version, event,
// relationship and view of the person and marks other people's details for redaction; the retention
// report lists records past their period by the kind of agency holding them; the page is the
// administrator's only, and both are audited.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { audit } from '../audit/audit.ts'
import { Browser, testApp } from '../testing/web.ts'
import { exportRows, subjectAccessExport, NoSuchPerson } from './subject-access.ts'
import { formatRows } from '../cli/output.ts'
import { DEFAULT_RETENTION, retentionEnds, retentionReport, retentionRules, type PastRetention } from './retention.ts'
import { retentionList } from './routes.ts'

const NAMING = {
  type: 'event',
  agency: 'police',
  source_id: 'E-90',
  kind: 'concern',
  subject: 'P-1001',
  occurred_at: '2008-07-01T22:00:00',
  summary: 'Seen getting into a car with Kamal Hussain at the takeaway',
  details: 'Officer spoke to her; she would not say where she was going',
  recorded_at: '2008-07-02T09:00:00',
}

forEachDatabase('subject access and retention', (backend) => {
  test('the export holds every version and event of the person and marks third parties for redaction', async () => {
    const { db } = backend().database
    const { amy, users } = await seedArea(db)
    const resent = { ...NAMING, details: 'Officer spoke to her again', recorded_at: '2008-07-03T09:00:00' }
    await importRecords(db, ndjsonLines([NAMING, resent].map((o) => JSON.stringify(o)).join('\n')), {
      channel: 'file',
      skipInvalid: false,
      actor: TEST_ACTOR,
      receivedAt: new Date('2010-01-02T00:00:00Z'),
    })
    await audit(
      db,
      { kind: 'user', userId: users.nurse, email: 'nurse@health.test', name: 'nurse', agency: 'health', roles: [] },
      { action: 'view_record', entityId: amy },
      new Date('2010-01-03T00:00:00Z'),
    )
    const data = await subjectAccessExport(db, amy, new Date('2010-02-01T00:00:00Z'))
    assert.equal(data.person_id, amy)
    assert.deepEqual(data.agency_records.map((r) => `${String(r.agency)}:${String(r.source_id)}`).sort(), [
      'csc:C-77',
      'health:H-5',
      'police:P-1001',
    ])
    // every version of every event about her, the restricted one too
    const events = data.events.map((e) => `${String(e.source_id)} v${String(e.version)}`).sort()
    assert.deepEqual(events, ['E-77 v1', 'E-90 v1', 'E-90 v2', 'HA-1 v1', 'S-1 v1', 'SH-1 v1'])
    // Kamal is a third party: named, found, marked wherever he appears
    assert.equal(data.third_parties.length, 1)
    const kamal = data.third_parties[0]
    assert.deepEqual(
      { name: kamal.name, agency: kamal.agency, source_id: kamal.source_id, redact: kamal.redact },
      { name: 'Kamal Hussain', agency: 'police', source_id: 'P-2001', redact: true },
    )
    assert.ok(kamal.person_id)
    const e77 = data.events.find((e) => e.source_id === 'E-77')!
    const involved = (e77.involvements as Record<string, unknown>[]).find((i) => i.kind === 'person')!
    assert.deepEqual([involved.third_party, involved.redact], [kamal.ref, true])
    const e90 = data.events.find((e) => e.source_id === 'E-90')!
    assert.deepEqual(e90.redact, ['summary'], 'the free text naming him is marked, the rest is hers')
    assert.equal(data.relationships.length, 1)
    assert.deepEqual(data.relationships[0].redact, ['to_source_id'])
    assert.ok(data.held.allocations.length === 1, 'her allocation')
    assert.deepEqual(
      data.views.map((v) => [v.actor, v.action]),
      [['nurse@health.test', 'view_record']],
    )
    // as rows for a spreadsheet: the third party's cells say so, hers do not
    const rows = exportRows(data)
    const cell = (section: string, field: string) => rows.find((r) => r.section === section && r.field === field)
    assert.equal(cell('third_parties', 'name')?.value, 'Kamal Hussain')
    assert.equal(cell('third_parties', 'name')?.redact, 'yes')
    const summaries = rows.filter((r) => r.section === 'events' && r.field === 'summary')
    assert.equal(summaries.filter((r) => r.redact === 'yes').length, 2, 'E-90 v1 and v2')
    assert.ok(rows.some((r) => r.section === 'agency_records' && r.value === 'Aimee' && r.redact === ''))
    // a list stays a list, so that the CSV makes every item safe to open, not only the first
    const hostile = exportRows({
      ...data,
      agency_records: [{ agency: 'police', source_id: 'X', other_names: ['=HYPERLINK("x")', '@SUM(1)', 'Amy'] }],
    })
    const csv = formatRows(['section', 'ref', 'field', 'value', 'redact'], hostile, 'csv')
    assert.match(csv, /'=HYPERLINK\(""x""\);'@SUM\(1\);Amy/)

    // his export: the event about her is there, all of it marked, and she is his third party
    const his = await subjectAccessExport(db, kamal.person_id!, new Date('2010-02-01T00:00:00Z'))
    const aboutHer = his.events.find((e) => e.source_id === 'E-77')!
    assert.match(String(aboutHer.about), /^third party \d+ \(this person is named in it\)$/)
    assert.ok((aboutHer.redact as string[]).some((r) => /whole event/.test(r)))
    assert.ok(his.third_parties.some((t) => t.source_id === 'P-1001' && t.name === 'Amy Smith'))

    await assert.rejects(subjectAccessExport(db, 999_999, new Date()), NoSuchPerson)
  })

  test('records past retention, by the kind of agency, with the rules set by configuration', async () => {
    const { db } = backend().database
    const { amy } = await seedArea(db)
    // Amy was born 2007-03-14: health keeps her record to her 26th birthday, social care to her 75th
    const in2034 = await retentionReport(db, retentionRules(''), new Date('2034-01-01T12:00:00Z'))
    assert.deepEqual(
      in2034.rows.map((r) => [r.agency, r.source_id, r.due, r.person_id]),
      [['health', 'H-5', '2033-03-14', amy]],
    )
    assert.equal(in2034.rows[0].events, 2)
    assert.equal(in2034.rows[0].rule, 'until the 26th birthday')
    const early = await retentionReport(db, retentionRules(''), new Date('2033-03-13T12:00:00Z'))
    assert.equal(early.rows.length, 0, 'not a day early')
    const set = await retentionReport(
      db,
      retentionRules('childrens_social_care=birthday:25, police=after:6'),
      new Date('2034-01-01T12:00:00Z'),
    )
    assert.deepEqual(set.rows.map((r) => `${r.agency}:${r.source_id}`).sort(), [
      'csc:C-77',
      'health:H-5',
      'police:P-1001',
      'police:P-2001',
    ])
    assert.throws(() => retentionRules('police=forever'), /"police=forever" is not KIND=birthday:YEARS/)
    assert.throws(() => retentionRules('council=after:6'), /"council" is not a kind of agency/)
    assert.equal(retentionEnds(DEFAULT_RETENTION.health, null, new Date()), null)
  })

  test('the retention page is the administrator’s, and lists the children it shows in the audit', async () => {
    const database = backend().database
    const { amy } = await seedArea(database.db)
    const app = await testApp(database, { retention: 'childrens_social_care=birthday:1' })
    try {
      const worker = new Browser(app)
      await worker.signIn('sw@csc.test')
      assert.equal((await worker.get('/admin/retention')).statusCode, 403)
      const admin = new Browser(app)
      await admin.signIn('admin@csc.test')
      const page = await admin.get('/admin/retention')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /C-77/)
      assert.match(page.body, /Showing 1 to 1 of 1 record/)
      assert.match(page.body, /href="\/admin\/retention\?sort=events">Events/)
      assert.match(page.body, /until the 1st birthday \(set for this area\)/)
      assert.equal(page.headers['cache-control'], 'no-store')
      const entry = await database.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'retention_report')
        .executeTakeFirstOrThrow()
      assert.deepEqual((entry.details as { children: number[] }).children, [amy])
    } finally {
      await app.close()
    }
  })
})

test('the retention report pages 50 records at a time, sorted over the whole report', () => {
  const rows: PastRetention[] = Array.from({ length: 120 }, (_, i) => ({
    person_id: i + 1,
    agency: 'police',
    source_id: `P-${i + 1}`,
    record_kind: 'police',
    date_of_birth: null,
    last_recorded_at: new Date(Date.UTC(2000, 0, 1 + i)),
    events: (i * 7) % 120,
    rule: '6 years after the last entry',
    due: `2010-01-${String((i % 28) + 1).padStart(2, '0')}`,
    years_past: 10,
  }))
  const own = retentionList(rows, { page: '2' })
  assert.deepEqual([own.first, own.last, own.total], [51, 100, 120])
  assert.deepEqual(
    own.rows.map((r) => r.person_id),
    rows.slice(50, 100).map((r) => r.person_id),
  )
  const byEvents = retentionList(rows, { sort: 'events', page: '2' })
  const events = [...rows]
    .sort((a, b) => b.events - a.events)
    .slice(50, 100)
    .map((r) => r.events)
  assert.deepEqual(
    byEvents.rows.map((r) => r.events),
    events,
    'most events first, over every record',
  )
  const last = retentionList(rows, { sort: 'person', order: 'desc', page: '3' })
  assert.deepEqual(
    last.rows.map((r) => r.person_id),
    [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
  )
})
