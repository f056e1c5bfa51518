// The FHIR adapter on bundles written here from the R4 and UK Core definitions: patients keep their
// NHS number and ethnic category, encounters and conditions are classified, the rest is skipped, and
// mistakes name the entry and the code list.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ReturnRefused, type ReadContext, type Unit } from '../format.ts'
import { textInput } from '../import.ts'
import { readBundle } from './bundle.ts'
import {
  CLASSIFIED,
  ENCOUNTER_CLASSES,
  ETHNIC_CATEGORY,
  ETHNIC_CATEGORY_EXTENSION,
  fhir,
  NHS_NUMBER_SYSTEM,
} from './fhir.ts'

const ctx: ReadContext = { agency: 'health', laNumber: null }

export const patient = (id: string, o: Record<string, unknown> = {}) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: {
    resourceType: 'Patient',
    id,
    meta: { lastUpdated: '2020-01-02T10:00:00Z' },
    identifier: [
      { system: 'https://trust.example.nhs.uk/Id/patient-number', value: `RCH${id}` },
      { system: NHS_NUMBER_SYSTEM, value: '943 476 5919' },
    ],
    name: [
      { use: 'official', family: 'Smith', given: ['Amy', 'Jo'] },
      { use: 'nickname', given: ['Ames'] },
    ],
    gender: 'female',
    birthDate: '2007-03-14',
    address: [{ use: 'home', line: ['12 Canal Street'], city: 'Rochdale', postalCode: 'OL11 1AA' }],
    telecom: [{ system: 'phone', use: 'mobile', value: '07700 900123' }],
    ...o,
  },
})

export const encounter = (id: string, patientRef: string, o: Record<string, unknown> = {}) => ({
  resource: {
    resourceType: 'Encounter',
    id,
    identifier: [{ system: 'https://trust.example.nhs.uk/Id/attendance', value: `ATT${id}` }],
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
    subject: { reference: patientRef },
    period: { start: '2020-01-05T22:10:00Z', end: '2020-01-06T02:00:00Z' },
    ...o,
  },
})

export const bundle = (entries: unknown[], type = 'collection') =>
  JSON.stringify({ resourceType: 'Bundle', type, entry: entries }, null, 2)

async function read(text: string): Promise<Unit[]> {
  const out: Unit[] = []
  for await (const u of fhir.read([textInput('b.json', text)], ctx)) out.push(u)
  return out
}

test('a Patient is a person with its NHS number, names, address, phone and ethnic category', async () => {
  const units = await read(bundle([patient('1')]))
  assert.deepEqual(units[0].value, {
    type: 'person',
    source_id: 'RCH1',
    recorded_at: '2020-01-02T10:00:00Z',
    given_name: 'Amy Jo',
    family_name: 'Smith',
    other_names: ['Ames'],
    date_of_birth: '2007-03-14',
    sex: 'female',
    nhs_number: '9434765919',
    address: { line1: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 1AA' },
    phone: '07700 900123',
  })
  assert.equal(units[0].path, 'Bundle.entry[0].resource')
  assert.equal(units[0].line, 5, "the line of the entry's opening brace: {, resourceType, type, entry, {")
  for (const [code, label] of Object.entries(ETHNIC_CATEGORY)) {
    const ext = [{ url: ETHNIC_CATEGORY_EXTENSION, valueCodeableConcept: { coding: [{ code }] } }]
    const [u] = await read(bundle([patient('2', { extension: ext })]))
    assert.equal(u.value?.ethnicity, code === '99' ? undefined : label, code)
  }
  const [bad] = await read(
    bundle([
      patient('3', {
        gender: 'f',
        extension: [{ url: ETHNIC_CATEGORY_EXTENSION, valueCodeableConcept: { coding: [{ code: 'Q' }] } }],
      }),
    ]),
  )
  assert.match(
    bad.errors?.[0].message ?? '',
    /"f" is not in the FHIR AdministrativeGender code list \(allowed: male, female, other, unknown\)/,
  )
  assert.match(bad.errors?.[1].message ?? '', /"Q" is not in the UK Core ethnic category code list \(allowed: A, B/)
})

test('encounters: emergency care is an attendance, classified reasons become their kinds, routine ones are skipped', async () => {
  const reasons = CLASSIFIED.map((c) => ({ kind: c.kind, code: c.snomed[0] }))
  const entries = [
    patient('1'),
    encounter('e0', 'urn:uuid:1'),
    ...reasons.map((r, i) =>
      encounter(`e${i + 1}`, 'Patient/1', {
        class: { code: 'AMB' },
        reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: r.code }] }],
      }),
    ),
    encounter('t1', 'urn:uuid:1', { class: { code: 'AMB' }, reasonCode: [{ text: 'Chlamydia test' }] }),
    encounter('r1', 'urn:uuid:1', { class: { code: 'AMB' }, reasonCode: [{ text: 'Asthma review' }] }),
    encounter('x1', 'urn:uuid:1', { status: 'entered-in-error' }),
    encounter('c1', 'urn:uuid:1', { status: 'cancelled' }),
  ]
  const units = await read(bundle(entries))
  const kinds = units.slice(1).map((u) => u.value?.kind ?? (u.value?.withdrawn ? 'withdrawn' : `skipped`))
  assert.deepEqual(kinds, [
    'health_attendance',
    ...reasons.map((r) => r.kind),
    'sexual_health',
    'skipped',
    'withdrawn',
    'skipped',
  ])
  const attendance = units[1].value
  assert.deepEqual(
    [
      attendance?.source_id,
      attendance?.subject,
      attendance?.occurred_at,
      attendance?.ended_at,
      attendance?.encounter_class,
    ],
    ['ATTe0', 'RCH1', '2020-01-05T22:10:00Z', '2020-01-06T02:00:00Z', 'EMER'],
  )
  assert.equal(Object.keys(ENCOUNTER_CLASSES).length, 11)
})

test('conditions and flags; a DELETE in a transaction withdraws; mistakes name the entry and the list', async () => {
  const condition = (id: string, code: string, status = 'confirmed') => ({
    resource: {
      resourceType: 'Condition',
      id,
      verificationStatus: { coding: [{ code: status }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code }] },
      subject: { reference: 'urn:uuid:1' },
      onsetDateTime: '2020-02-01',
    },
  })
  const flag = {
    resource: {
      resourceType: 'Flag',
      id: 'f1',
      status: 'active',
      code: { text: 'Looked after child' },
      subject: { reference: 'urn:uuid:1' },
      period: { start: '2019-05-01' },
    },
  }
  const entries = [
    patient('1'),
    condition('k1', '8098009'),
    condition('k2', '195967001'),
    condition('k3', '248062006', 'entered-in-error'),
    flag,
    { request: { method: 'DELETE', url: 'Encounter/e9' } },
    encounter('b1', 'urn:uuid:1', { class: { code: 'XYZ' } }),
    encounter('b2', 'urn:uuid:nobody'),
    encounter('b3', 'urn:uuid:1', { status: 'done' }),
    { resource: { resourceType: 'Observation', id: 'o1' } },
  ]
  const units = await read(bundle(entries, 'transaction'))
  assert.equal(units[1].value?.kind, 'sexual_health')
  assert.match(units[2].skipped ?? '', /Condition outside/)
  assert.equal(units[3].value?.withdrawn, true)
  assert.deepEqual([units[4].value?.kind, units[4].value?.indicators], ['note', ['looked_after']])
  assert.deepEqual(units[5].value, {
    type: 'event',
    source_id: 'fhir/Encounter/e9',
    withdrawn: true,
    reason: 'Deleted (FHIR transaction)',
  })
  assert.match(
    units[6].errors?.[0].message ?? '',
    /"XYZ" is not in the FHIR v3 ActEncounterCode list \(allowed: AMB, EMER/,
  )
  assert.equal(units[6].path, 'Bundle.entry[6].resource')
  assert.match(units[7].errors?.[0].message ?? '', /urn:uuid:nobody, which is not a Patient in this bundle/)
  assert.match(units[8].errors?.[0].message ?? '', /"done" is not in the FHIR EncounterStatus code list/)
  assert.match(units[9].skipped ?? '', /Observation is not a resource Threadline reads/)
})

test('a file that is not a FHIR Bundle is refused before any record', async () => {
  await assert.rejects(
    read('<Message/>'),
    (e: unknown) => e instanceof ReturnRefused && /not a FHIR JSON Bundle/.test(e.message),
  )
  await assert.rejects(read('{"resourceType":"Patient","id":"1"}'), /resourceType is "Patient", expected "Bundle"/)
  await assert.rejects(read('{"resourceType":"Bundle","type":"history","entry":[]}'), /Bundle.type "history"/)
  await assert.rejects(read('{"resourceType":"Bundle","entry":[{"resource":{}}'), /ends before the Bundle is closed/)
})

test("the bundle is read entry by entry whatever the chunks, with each entry's line", async () => {
  const text = bundle([patient('1'), encounter('e1', 'urn:uuid:1', { reasonCode: [{ text: 'a "quoted" } brace' }] })])
  for (const size of [1, 5, 64, 100000]) {
    const chunks = async function* () {
      for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
    }
    const seen: string[] = []
    for await (const item of readBundle(chunks()))
      seen.push(
        item.kind === 'top' ? `${item.key}=${JSON.stringify(item.value)}` : `${item.entry.index}@${item.entry.line}`,
      )
    // entries start on the lines that open with four spaces and a brace
    const starts = text.split('\n').flatMap((l, i) => (l === '    {' ? [i + 1] : []))
    assert.deepEqual(
      seen,
      ['resourceType="Bundle"', 'type="collection"', `0@${starts[0]}`, `1@${starts[1]}`],
      String(size),
    )
  }
})
