// The children in need census adapter, on census files written here from the DfE's schemas: every
// code of every list maps, each year's edition refuses the codes it did not have, and files with
// mistakes are refused or rejected with the element path and the list's allowed values.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { validateRecord } from '../../records/validate.ts'
import { DISABILITY, ETHNICITY, UPN_UNKNOWN } from '../codes.ts'
import { ReturnRefused, type ReadContext, type Unit } from '../format.ts'
import { textInput } from '../import.ts'
import { cinCensus } from './census.ts'
import { assessment, census, child, episode, plan } from '../fixtures.ts'
import {
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  cinEdition,
  PRIMARY_NEED,
  REASON_FOR_CLOSURE,
  REFERRAL_SOURCE,
} from './codes.ts'

const ctx: ReadContext = { agency: 'csc', laNumber: '354' }

async function read(text: string, c: ReadContext = ctx): Promise<Unit[]> {
  const out: Unit[] = []
  for await (const u of cinCensus.read([textInput('census.xml', text)], c)) out.push(u)
  return out
}

const errorsOf = (units: Unit[]) => units.flatMap((u) => (u.errors ?? []).map((e) => ({ ...e, path: u.path })))
const valueOf = (units: Unit[], sourceId: string) => units.find((u) => u.value?.source_id === sourceId)?.value

test('every ethnicity, disability and gender code maps; refused and not recorded stay apart', async () => {
  const codes = ETHNICITY.order
  const disabilities = DISABILITY.order
  const kids = codes.map((e, i) =>
    child(`E${i}`, {
      ethnicity: e,
      disabilities: [disabilities[i % disabilities.length]],
      gender: ['0', '1', '2', '9'][i % 4],
    }),
  )
  const units = await read(census(2021, kids.join('')))
  assert.deepEqual(errorsOf(units), [])
  codes.forEach((code, i) => {
    const p = valueOf(units, `E${i}`)
    assert.ok(p, code)
    if (code === 'NOBT') assert.equal(p.ethnicity, undefined, 'not yet obtained is "not recorded"')
    else if (code === 'REFU') assert.equal(p.ethnicity, 'Refused')
    else assert.equal(p.ethnicity, ETHNICITY.codes[code])
    const d = disabilities[i % disabilities.length]
    assert.equal(p.disability, d === 'NONE' ? 'none' : DISABILITY.codes[d])
    assert.equal(p.sex, [undefined, 'male', 'female', 'other'][i % 4])
    // the person is valid agency-record format without a name
    assert.ok(validateRecord({ ...p, agency: 'csc' }, { agencies: new Set(['csc']) }).ok)
  })
  // several disabilities are joined; no Disabilities element is "not recorded"
  const many = await read(census(2021, child('M', { disabilities: ['LD', 'AUT'] }) + child('N', {})))
  assert.equal(valueOf(many, 'M')?.disability, 'Learning; Autism')
  assert.equal(valueOf(many, 'N')?.disability, undefined)
  // 2024-25 replaced GenderCurrent by Sex (F, M, U)
  const sex = await read(census(2025, ['F', 'M', 'U'].map((s) => child(`S${s}`, { sex: s })).join('')))
  assert.deepEqual(
    ['SF', 'SM', 'SU'].map((id) => valueOf(sex, id)?.sex),
    ['female', 'male', 'unknown'],
  )
})

test('every referral source, primary need and reason for closure of the 2023-24 edition maps', async () => {
  const sources = REFERRAL_SOURCE.order
  const needs = PRIMARY_NEED.order
  const reasons = REASON_FOR_CLOSURE.order
  const eps = sources.map((s, i) =>
    episode({
      referral: `2023-0${(i % 9) + 1}-1${i % 9}`.replace(/-0(\d)-/, '-0$1-'),
      source: s,
      need: needs[i % needs.length],
      closure: '2024-03-30',
      reason: reasons[i % reasons.length],
    }),
  )
  const units = await read(census(2024, child('R1', { episodes: eps.join('') })))
  assert.deepEqual(errorsOf(units), [])
  const referrals = units
    .filter((u) => u.value?.kind === 'contact_referral')
    .map((u) => u.value as Record<string, unknown>)
  assert.deepEqual(new Set(referrals.map((r) => r.referral_source)), new Set(sources))
  for (const r of referrals) {
    assert.match(
      String(r.summary),
      new RegExp(REFERRAL_SOURCE.codes[String(r.referral_source)].toLowerCase().replace(/[()]/g, '.')),
    )
  }
  const closures = units
    .filter((u) => String(u.value?.source_id).endsWith('/closure'))
    .map((u) => u.value?.closure_reason)
  assert.deepEqual(new Set(closures), new Set(reasons))
  assert.deepEqual(new Set(referrals.map((r) => r.primary_need)), new Set(needs))
})

test('each edition has its own factor list: every code of it maps, codes of other years are refused', async () => {
  for (const year of [2019, 2021, 2023]) {
    const edition = cinEdition(year)
    const units = await read(
      census(
        year,
        child('F1', {
          episodes: episode({
            referral: `${year - 1}-05-01`,
            assessments: assessment(`${year - 1}-05-02`, `${year - 1}-06-01`, edition.factors),
          }),
        }),
      ),
    )
    assert.deepEqual(errorsOf(units), [], String(year))
    const a = units.find((u) => u.value?.kind === 'assessment')?.value
    assert.deepEqual(a?.factors, edition.factors)
  }
  const cases: [number, string][] = [
    [2020, '24A'], // child criminal exploitation arrived in 2021-22
    [2020, '18B'], // physical and sexual abuse were split in 2020-21
    [2021, '19A'],
  ]
  for (const [year, code] of cases) {
    const units = await read(
      census(
        year,
        child('F2', {
          episodes: episode({
            referral: `${year - 1}-05-01`,
            assessments: assessment(`${year - 1}-05-02`, `${year - 1}-06-01`, [code]),
          }),
        }),
      ),
    )
    const [error] = errorsOf(units)
    assert.equal(error.field, 'AssessmentFactors')
    assert.match(
      error.message,
      new RegExp(`"${code}" is not in the factors identified at the end of assessment code list`),
    )
    assert.match(error.message, /allowed: 1A, 1B/)
    assert.match(error.path ?? '', /\/Message\/Children\[1\]\/Child\[1\]\/CINdetails\[1\]\/Assessments\[1\]/)
  }
  assert.equal(ASSESSMENT_FACTORS.order.length, 44)
})

test('the exploitation factors are carried for the instrument, and the others give the 1.1 indicators', async () => {
  const units = await read(
    census(
      2022,
      child('X', {
        episodes: episode({
          referral: '2021-05-01',
          assessments: assessment('2021-05-02', '2021-06-01', ['11A', '24A', '12A', '13A', '10A', '2B', '3B']),
        }),
      }),
    ),
  )
  const a = units.find((u) => u.value?.kind === 'assessment')?.value
  assert.deepEqual(a?.factors, ['11A', '24A', '12A', '13A', '10A', '2B', '3B'])
  assert.deepEqual(a?.indicators, ['missing', 'substance_misuse_at_home', 'domestic_abuse_at_home'])
  assert.match(String(a?.summary), /Child sexual exploitation \(11A\); Child criminal exploitation \(24A\)/)
})

test('plans carry their categories, reviews and conferences; every category of abuse maps', async () => {
  const categories = CATEGORY_OF_ABUSE.order
  const planEnds = ['2020-10-01', '2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01']
  const plans = categories.map((c, i) =>
    plan(`2020-0${i + 4}-01`, planEnds[i], c, categories[(i + 1) % 5], [`2020-0${i + 5}-15`]),
  )
  const s47 =
    '<Section47><S47ActualStartDate>2020-04-20</S47ActualStartDate><InitialCPCtarget>2020-05-10</InitialCPCtarget>' +
    '<DateOfInitialCPC>2020-04-30</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>'
  const units = await read(
    census(2021, child('P', { episodes: episode({ referral: '2020-04-10', s47, plans: plans.join('') }) })),
  )
  assert.deepEqual(errorsOf(units), [])
  const starts = units.filter((u) => u.value?.kind === 'cp_plan_start').map((u) => u.value?.category)
  const ends = units.filter((u) => u.value?.kind === 'cp_plan_end').map((u) => u.value?.category)
  assert.deepEqual(starts, categories)
  assert.deepEqual(
    ends,
    categories.map((_, i) => categories[(i + 1) % 5]),
  )
  assert.match(String(valueOf(units, 'cin/P/cpp/2020-06-01')?.summary), /sexual abuse \(SAB\)/)
  assert.equal(units.filter((u) => u.value?.kind === 'cp_conference' && u.value.conference === 'review').length, 5)
  assert.equal(valueOf(units, 'cin/P/icpc/2020-04-30')?.kind, 'cp_conference')
  assert.equal(valueOf(units, 'cin/P/referral/2020-04-10/s47/2020-04-20')?.icpc_target, '2020-05-10')
})

test("recorded_at is the fact's own date in the year the return covers, else the reference date", async () => {
  const units = await read(
    census(
      2021,
      child('T', {
        episodes: episode({
          referral: '2019-11-01',
          assessments: assessment('2019-11-02', '2020-05-06', ['21']) + assessment('2019-12-01', '2020-01-05', []),
        }),
      }),
    ),
  )
  assert.equal(valueOf(units, 'cin/T/referral/2019-11-01')?.recorded_at, '2021-03-31', 'carried over from 2019-20')
  assert.equal(valueOf(units, 'cin/T/referral/2019-11-01/assessment/2019-11-02')?.recorded_at, '2020-05-06')
  assert.equal(valueOf(units, 'cin/T/referral/2019-11-01/assessment/2019-12-01')?.recorded_at, '2021-03-31')
  assert.equal(valueOf(units, 'T')?.recorded_at, '2021-03-31')
})

test('impossible dates, a missing child id and unknown codes are rejected with their element path', async () => {
  const bad = [
    child('', {}),
    child('D1', { episodes: episode({ referral: '2020-06-01', closure: '2020-05-01' }) }),
    child('D2', {
      episodes: episode({ referral: '2020-06-01', plans: plan('2020-07-01', '2020-06-30', 'NEG', 'NEG') }),
    }),
    child('D3', {
      episodes: episode({ referral: '2020-06-01', assessments: assessment('2020-06-02', '2020-06-01', []) }),
    }),
    child('D4', { episodes: episode({ referral: '2020-02-30' }) }),
    child('D5', { episodes: episode({ referral: '2021-04-02' }) }),
    child('D6', { ethnicity: 'WHIT' }),
    child('D7', { episodes: episode({ source: '5D' }) }),
    child('D8', { episodes: episode({ closure: '2020-09-01', reason: 'RC9' }) }),
    child('D9', {
      episodes: episode({ cinPlans: '<CINPlanDates><CINPlanStartDate>2020-06-01</CINPlanStartDate></CINPlanDates>' }),
    }),
  ]
  const units = await read(census(2021, bad.join('')))
  const errors = errorsOf(units)
  const find = (field: string) => errors.find((e) => e.field === field)
  assert.equal(find('LAchildID')?.message, 'is required (the child id is missing)')
  assert.equal(find('LAchildID')?.path, '/Message/Children[1]/Child[1]')
  assert.match(find('CINclosureDate')?.message ?? '', /2020-05-01 is before the referral date 2020-06-01/)
  assert.match(find('CPPendDate')?.message ?? '', /2020-06-30 is before the plan start 2020-07-01/)
  assert.match(find('AssessmentAuthorisationDate')?.message ?? '', /before the assessment start/)
  assert.ok(errors.some((e) => e.field === 'CINreferralDate' && /"2020-02-30" is not a date/.test(e.message)))
  assert.ok(
    errors.some((e) => e.field === 'CINreferralDate' && /after the return's reference date 2021-03-31/.test(e.message)),
  )
  assert.match(find('Ethnicity')?.message ?? '', /"WHIT" is not in the ethnicity code list \(allowed: WBRI, WIRI/)
  assert.match(find('ReferralSource')?.message ?? '', /"5D" is not in the referral source code list \(2020-21 census\)/)
  assert.match(
    find('ReasonForClosure')?.message ?? '',
    /"RC9" is not in the reason for closure code list \(2020-21 census\)/,
  )
  assert.match(find('CINPlanDates')?.message ?? '', /from 2021-22/)
  assert.equal(UPN_UNKNOWN.order.length, 7)
})

test('a file that is not this census is refused on its first element, before any record', async () => {
  const refused = async (text: string, c: ReadContext = ctx) => {
    const seen: Unit[] = []
    try {
      for await (const u of cinCensus.read([textInput('census.xml', text)], c)) seen.push(u)
    } catch (error) {
      assert.ok(error instanceof ReturnRefused, String(error))
      return { message: error.message, seen: seen.length }
    }
    assert.fail('not refused')
  }
  const one = child('A1', {})
  assert.match((await refused('{"resourceType":"Bundle"}')).message, /is not XML/)
  assert.match(
    (await refused(census(2021, one, { root: 'SSDA903' }))).message,
    /first element is <SSDA903>, expected <Message>/,
  )
  assert.match(
    (await refused(census(2012, one))).message,
    /census year "2012" is not a specification year Threadline reads \(2016, 2017/,
  )
  assert.match(
    (await refused(census(2021, one, { la: ['355'] }))).message,
    /local authority 355's return, but agency "csc" is registered as authority 354/,
  )
  assert.match(
    (await refused(census(2021, one, { la: ['354', '355'] }))).message,
    /mixes local authorities \(354, 355\)/,
  )
  assert.match(
    (await refused(census(2021, one), { agency: 'csc', laNumber: null })).message,
    /threadline agencies set csc --la-number NNN/,
  )
  assert.match(
    (await refused(census(2021, one).replace('<Collection>CIN', '<Collection>SEN2'))).message,
    /"SEN2" collection/,
  )
  const broken = await refused(census(2021, one + '<Child><ChildIdentifiers>'))
  assert.match(broken.message, /not well formed at line/)
})

test('--before leaves facts begun on or after the cut-over to the live records', async () => {
  const units = await read(
    census(2021, child('B', { episodes: episode({ referral: '2020-05-01' }) + episode({ referral: '2020-09-01' }) })),
    {
      ...ctx,
      before: '2020-08-01',
    },
  )
  assert.equal(units.find((u) => u.value?.source_id === 'cin/B/referral/2020-05-01')?.skipped, undefined)
  assert.match(units.find((u) => u.value?.source_id === 'cin/B/referral/2020-09-01')?.skipped ?? '', /--before/)
})
