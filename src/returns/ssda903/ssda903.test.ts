// The SSDA903 adapter on tables and XML written here from the DfE's column and code lists: every code
// maps, the tables are told apart by their headers, and mistakes are rejected with the CSV line.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ETHNICITY } from '../codes.ts'
import { ReturnRefused, type ReadContext, type Unit } from '../format.ts'
import { textInput } from '../import.ts'
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  REVIEW_CODE,
  TABLES,
} from './codes.ts'
import { outsideHomeArea, ssda903 } from './ssda903.ts'
import { csv } from '../fixtures.ts'

const ctx: ReadContext = { agency: 'csc', laNumber: '354' }

async function read(files: [string, string][], c: ReadContext = ctx): Promise<Unit[]> {
  const out: Unit[] = []
  for await (const u of ssda903.read(
    files.map(([n, t]) => textInput(n, t)),
    c,
  ))
    out.push(u)
  return out
}
const errorsOf = (units: Unit[]) => units.flatMap((u) => (u.errors ?? []).map((e) => ({ ...e, line: u.line })))

const header = (
  child: string,
  o: Partial<Record<'sex' | 'dob' | 'ethnic' | 'upn' | 'mother' | 'mcdob', string>> = {},
) => [child, o.sex ?? '2', o.dob ?? '01/02/2008', o.ethnic ?? 'WBRI', o.upn ?? 'UN1', o.mother ?? '0', o.mcdob ?? '']

test('every code of every episode list maps, and episodes become care events', async () => {
  const places = PLACEMENT.order.filter((p) => p !== 'K3')
  const episodes = places.map((place, i) => {
    const d = new Date(Date.UTC(2020, 3, 2 + i * 5)).toISOString().slice(0, 10)
    const dmy = `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
    return [
      'C1',
      dmy,
      REASON_NEW_EPISODE.order[i % REASON_NEW_EPISODE.order.length],
      LEGAL_STATUS.order[i % LEGAL_STATUS.order.length],
      CATEGORY_OF_NEED.order[i % CATEGORY_OF_NEED.order.length],
      place,
      PLACEMENT_PROVIDER.order[i % PLACEMENT_PROVIDER.order.length],
      '',
      '',
      REASON_PLACE_CHANGE.order[i % REASON_PLACE_CHANGE.order.length],
      'OL11 1AA',
      i % 2 === 0 ? 'OL12 6HT' : 'M1 1AE',
      '',
    ]
  })
  const units = await read([
    ['h.csv', csv('Header', [header('C1')])],
    ['e.csv', csv('Episodes', episodes)],
  ])
  assert.deepEqual(errorsOf(units), [])
  const events = units.filter((u) => u.value?.type === 'event').map((u) => u.value as Record<string, unknown>)
  assert.deepEqual(
    events.map((e) => e.placement_type),
    places,
  )
  assert.deepEqual(new Set(events.map((e) => e.legal_status)), new Set(LEGAL_STATUS.order))
  assert.deepEqual(new Set(events.map((e) => e.reason_new_episode)), new Set(REASON_NEW_EPISODE.order))
  assert.deepEqual(new Set(events.map((e) => e.reason_place_change)), new Set(REASON_PLACE_CHANGE.order))
  assert.deepEqual(new Set(events.map((e) => e.placement_provider)), new Set(PLACEMENT_PROVIDER.order))
  assert.deepEqual(new Set(events.map((e) => e.category_of_need)), new Set(CATEGORY_OF_NEED.order))
  const kinds = new Map(events.map((e) => [e.reason_new_episode, e.kind]))
  assert.equal(kinds.get('S'), 'looked_after_start')
  assert.equal(kinds.get('L'), 'note')
  for (const rne of ['P', 'T', 'B', 'U']) assert.equal(kinds.get(rne), 'placement_move')
  // a placement outside the home area is a vulnerability the instrument reads
  const away = events.find((e) => e.kind === 'placement_move' && e.out_of_area === true)
  assert.deepEqual(away?.indicators, ['isolated'])
  assert.match(String(away?.summary), /outside the home area/)
})

test('every reason an episode ceased maps; X1 continues into the next episode', async () => {
  const rows = REASON_CEASED.order.map((rec, i) => {
    const start = `0${(i % 9) + 1}/05/2020`
    return ['C2', start, 'S', 'C2', 'N1', 'U4', 'PR1', `2${i % 9}/05/2020`, rec, '', '', '', '']
  })
  const units = await read([['e.csv', csv('Episodes', rows)]])
  assert.deepEqual(errorsOf(units), [])
  const ends = units.filter((u) => u.value?.kind === 'looked_after_end').map((u) => u.value?.reason_ceased)
  assert.deepEqual(
    ends,
    REASON_CEASED.order.filter((r) => r !== 'X1'),
  )
})

test('the header: ethnicity codes, UPN or its unknown reason, and a child who is a mother', async () => {
  const rows = ETHNICITY.order.map((e, i) => header(`H${i}`, { ethnic: e, sex: String((i % 2) + 1) }))
  rows.push(header('M1', { mother: '1', mcdob: '03/03/2021', upn: 'A123456789012' }))
  const units = await read([
    ['h.csv', csv('Header', rows)],
    [
      'r.csv',
      csv(
        'Reviews',
        REVIEW_CODE.order.map((c, i) => ['H0', '01/02/2008', `1${i}/06/2020`, c]),
      ),
    ],
  ])
  assert.deepEqual(errorsOf(units), [])
  ETHNICITY.order.forEach((code, i) => {
    const p = units.find((u) => u.value?.source_id === `H${i}`)?.value
    assert.equal(p?.ethnicity, code === 'NOBT' ? undefined : ETHNICITY.codes[code], code)
    assert.equal(p?.sex, i % 2 === 0 ? 'male' : 'female')
    assert.equal(p?.upn_unknown, 'UN1')
  })
  assert.equal(units.find((u) => u.value?.source_id === 'M1')?.value?.upn, 'A123456789012')
  const birth = units.find((u) => u.value?.source_id === '903/M1/mother/2021-03-03')?.value
  assert.equal(birth?.kind, 'pregnancy')
  const reviews = units.filter((u) => u.table === 'Reviews').map((u) => u.value?.review_participation)
  assert.deepEqual(reviews, REVIEW_CODE.order)
})

test('missing and away: a missing episode with dates only; away is not missing', async () => {
  const units = await read([
    [
      'm.csv',
      csv('Missing', [
        ['C3', '01/02/2008', 'M', '04/05/2020', '06/05/2020'],
        ['C3', '01/02/2008', 'A', '10/05/2020', '10/05/2020'],
      ]),
    ],
  ])
  const missing = units.find((u) => u.value?.kind === 'missing_episode')?.value
  assert.deepEqual(
    [missing?.occurred_at, missing?.ended_at, missing?.missing_from, missing?.recorded_at],
    ['2020-05-04', '2020-05-06', 'care_placement', '2020-05-06'],
  )
  const away = units.find((u) => u.value?.source_id === '903/C3/away/2020-05-10')?.value
  assert.equal(away?.kind, 'note')
  assert.deepEqual(away?.indicators, ['staying_out_late'])
})

test('K3 is a placement code from 2024-25 only, and every table is told by its header', async () => {
  const row = (d: string) => [['C4', d, 'S', 'C2', 'N1', 'K3', 'PR4', '', '', '', '', '', '']]
  const earlier = errorsOf(await read([['e.csv', csv('Episodes', row('01/05/2023'))]]))
  assert.match(earlier[0]?.message ?? '', /"K3" is not in the placement type \(PLACE\) code list \(2023-24\)/)
  assert.deepEqual(errorsOf(await read([['e.csv', csv('Episodes', row('01/05/2024'))]])), [])
  for (const table of ['UASC', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SocialWorker']) {
    const units = await read([
      ['e.csv', csv('Episodes', row('01/05/2024'))],
      [
        `${table}.csv`,
        csv(table, [TABLES[table].map((c) => (c === 'CHILD' ? 'C4' : c === 'DOB' ? '01/02/2008' : ''))]),
      ],
    ])
    assert.match(units.find((u) => u.table === table)?.skipped ?? '', /./, table)
  }
})

test('mistakes are rejected with the CSV line; a file that is not a 903 table is refused', async () => {
  const units = await read([
    [
      'e.csv',
      csv('Episodes', [
        ['', '01/05/2020', 'S', 'C2', 'N1', 'U4', 'PR1', '', '', '', '', '', ''],
        ['C5', '01/05/2020', 'S', 'C2', 'N1', 'U4', 'PR1', '01/04/2020', 'E8', '', '', '', ''],
        ['C5', '31/06/2020', 'S', 'Z9', 'N1', 'XX', 'PR1', '', '', '', '', '', ''],
        ['C5', '01/07/2020', 'S', 'C2', 'N1', 'U4', 'PR1', '02/07/2020', '', '', '', '', ''],
      ]),
    ],
  ])
  const errors = errorsOf(units)
  assert.deepEqual(
    errors.find((e) => e.field === 'CHILD'),
    { field: 'CHILD', message: 'is required (the child id is missing)', line: 2 },
  )
  assert.match(
    errors.find((e) => e.field === 'DEC' && e.line === 3)?.message ?? '',
    /2020-04-01 is before the episode start DECOM 2020-05-01/,
  )
  assert.match(errors.find((e) => e.field === 'DECOM')?.message ?? '', /"31\/06\/2020" is not a date/)
  assert.match(
    errors.find((e) => e.field === 'LS')?.message ?? '',
    /"Z9" is not in the legal status \(LS\) code list \(allowed: C1, C2, D1/,
  )
  assert.match(errors.find((e) => e.field === 'PLACE')?.message ?? '', /allowed: A3, A4, A5, A6, H5, K1, K2, P1/)
  assert.equal(errors.find((e) => e.field === 'REC')?.line, 5)
  const refused = async (files: [string, string][]) => {
    try {
      await read(files)
    } catch (error) {
      assert.ok(error instanceof ReturnRefused)
      return error.message
    }
    assert.fail('not refused')
  }
  assert.match(
    await refused([['x.csv', 'NAME,DATE\nx,y\n']]),
    /x.csv is not an SSDA903 table: its header is "NAME,DATE"/,
  )
  assert.match(
    await refused([
      ['a.csv', csv('Header', [header('C1')])],
      ['b.csv', csv('Header', [header('C2')])],
    ]),
    /are both the Header table/,
  )
})

test('the XML return: children with episodes, reviews and missing episodes; the authority is checked', async () => {
  const xml = (la: string) =>
    `<?xml version="1.0"?><Message><Header><CollectionDetails><Collection>SSDA903</Collection><Year>2021</Year></CollectionDetails>` +
    `<Source><LEA>${la}</LEA></Source></Header>` +
    '<CHILD><CHILDID>X1</CHILDID><SEX>1</SEX><DOB>2009-01-02</DOB><ETHNIC>APKN</ETHNIC><UPN>UN2</UPN><MOTHER>0</MOTHER>' +
    '<EPISODE><DECOM>2020-06-01</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N4</CIN><PL>U6</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><HOME_POST>OL11 1AA</HOME_POST><PL_POST>OL12 6HT</PL_POST></EPISODE>' +
    '<HEADER><AREVIEW><REVIEW>2020-08-01</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>' +
    '<AMISSING><MISSING>M</MISSING><MIS_START>2020-09-01</MIS_START><MIS_END>2020-09-02</MIS_END></AMISSING></HEADER></CHILD></Message>'
  const units = await read([['903.xml', xml('354')]])
  assert.deepEqual(errorsOf(units), [])
  assert.deepEqual(
    units.map((u) => [u.table, u.value?.kind ?? u.value?.type]),
    [
      ['Header', 'person'],
      ['Episodes', 'looked_after_start'],
      ['Reviews', 'note'],
      ['Missing', 'missing_episode'],
    ],
  )
  assert.equal(units[1].path, '/Message/CHILD[1]/EPISODE[1]')
  await assert.rejects(read([['903.xml', xml('999')]]), /local authority 999's return/)
})

test('out of area is a different postcode area for the placement than for the home', () => {
  assert.equal(outsideHomeArea('OL11 1AA', 'OL12 6HT'), false)
  assert.equal(outsideHomeArea('OL11 1AA', 'M1 1AE'), true)
  assert.equal(outsideHomeArea('OL11 1', 'BL1 2'), true, 'partial postcodes')
  assert.equal(outsideHomeArea(undefined, 'M1 1AE'), false, 'unknown is not out of area')
})
