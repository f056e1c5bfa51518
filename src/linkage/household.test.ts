// Household members and namesakes under the shipped default model: a parent and a child a generation
// apart, siblings with near-identical names, are not one person for sharing a name, an address and a
// phone; one child written two ways still is.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultModel } from './default-model.ts'
import { explainPair } from './explain.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import { prepareRecords } from './pipeline.ts'
import type { LinkageRecord } from './record.ts'
import { NAME_ALONE_BITS, PairScorer } from './scorer.ts'
import { settle, SETTLE_PROBABILITY } from './incremental.ts'
import { defaultThresholds } from './storage.ts'

const nicknames = nicknameTable(BRITISH_DIMINUTIVES)
const home = { address_line: '14 Canal Street', town: 'Rochdale', postcode: 'OL16 1PA', phone: '01706123456' }

function score(a: Omit<LinkageRecord, 'id'>, b: Omit<LinkageRecord, 'id'>) {
  const p = prepareRecords([[{ id: 'a', ...a }], [{ id: 'b', ...b }]], nicknames)
  const scorer = new PairScorer(defaultModel(), p)
  return { probability: scorer.probability(0, 1), explanation: explainPair(scorer, 0, 1) }
}
const rules = (e: ReturnType<typeof score>['explanation']) =>
  e.comparisons
    .filter((c) => ['twins', 'generation', 'household', 'age', 'dates apart'].includes(c.comparison))
    .map((c) => c.comparison)

test('a mother and a daughter with one name at one home are two people', () => {
  const mother = { given_name: 'Aisha', family_name: 'Khan', date_of_birth: '1984-05-02', sex: 'female', ...home }
  const daughter = { ...mother, date_of_birth: '2008-11-20' }
  const { probability, explanation } = score(mother, daughter)
  assert.ok(probability < 0.01, `probability ${probability}`)
  assert.deepEqual(rules(explanation), ['generation'])
  // the same day and month in another year is a year mistyped: no generation rule
  assert.deepEqual(rules(score(mother, { ...daughter, date_of_birth: '2008-05-02' }).explanation), [])
  // even a year-only date a generation away (an approximate age) says so
  assert.ok(score(mother, { ...daughter, date_of_birth: '2008' }).probability < 0.01)
})

test('a father and his son named after him, "Jr" or not, are two people', () => {
  const father = { given_name: 'James', family_name: 'Murphy', date_of_birth: '1979-02-11', sex: 'male', ...home }
  for (const son of [
    { ...father, date_of_birth: '2004-07-30' },
    { ...father, family_name: 'Murphy Jr', date_of_birth: '2004-07-30' },
  ])
    assert.ok(score(father, son).probability < 0.01, son.family_name)
})

test('siblings with near-identical names at one home are not linked, nor queued', () => {
  const elder = { given_name: 'Aaliyah', family_name: 'Hussain', date_of_birth: '2007-03-14', sex: 'female', ...home }
  const younger = { ...elder, given_name: 'Aliyah', date_of_birth: '2009-08-02' }
  const { probability, explanation } = score(elder, younger)
  assert.ok(probability < 0.5, `probability ${probability}`)
  // two years and more apart: two people by the dates alone, and the home is the household's
  assert.deepEqual(rules(explanation), ['dates apart', 'household'])
  assert.deepEqual(rules(score(elder, { ...younger, date_of_birth: '2008-03-02' }).explanation), ['household'])
  // under two years apart with the year, the month and the day all different: two people too (0051)
  assert.deepEqual(rules(score(elder, { ...younger, date_of_birth: '2008-01-02' }).explanation), [
    'dates apart',
    'household',
  ])
})

test('one child written two ways at one home still links', () => {
  const child = { given_name: 'Aaliyah', family_name: 'Hussain', date_of_birth: '2007-03-09', sex: 'female', ...home }
  for (const other of [
    { ...child, given_name: 'Aliyah' },
    { ...child, date_of_birth: '2007-09-03' },
    { ...child, date_of_birth: '2007-03-19' },
    { ...child, date_of_birth: '2007' },
  ]) {
    const { probability, explanation } = score(child, other)
    assert.ok(probability >= 0.95, `${JSON.stringify(other)}: ${probability}`)
    assert.deepEqual(rules(explanation), [])
  }
})

test('twins who share only a household phone are held apart like twins at one address', () => {
  const a = { given_name: 'Sean', family_name: 'Doyle', date_of_birth: '2011-02-18', sex: 'male', phone: '01706123456' }
  const b = { ...a, given_name: 'Niamh', sex: 'female' }
  const { probability, explanation } = score(a, b)
  assert.ok(probability < 0.5, `probability ${probability}`)
  // a brother and a sister: their shared phone is the household's too (rule sexes, decision 0057)
  assert.deepEqual(rules(explanation), ['twins', 'household'])
  assert.ok(explanation.comparisons.some((c) => c.comparison === 'sexes'))
})

test('"Jr" and "Snr" are no part of the name compared', () => {
  const a = { given_name: 'Daniel', family_name: 'Wright', date_of_birth: '2016-05-26', ...home }
  const { explanation } = score(a, { ...a, family_name: 'Wright Jr' })
  assert.equal(explanation.comparisons.find((c) => c.comparison === 'family_name')!.level, 'exact')
})

test('the review band settles itself: household members apart, a shared identifier or lone agreement linked', () => {
  const child = { given_name: 'Aaliyah', family_name: 'Hussain', date_of_birth: '2007-03-09', sex: 'female', ...home }
  // siblings: a household's evidence, not the MASH's question
  const siblings = score(child, { ...child, given_name: 'Aliyah', date_of_birth: '2009-08-02' })
  assert.equal(settle(siblings.explanation, false, true), 'new')
  // a charity's record: a name and an age (the year) agreeing with the only person near
  const charity = score(
    { given_name: 'Aaliyah', family_name: 'Hussain', date_of_birth: '2007' },
    { ...child, given_name: 'Aaliyah' },
  )
  const sure = { ...charity.explanation, probability: Math.max(charity.explanation.probability, 0.85) }
  assert.match(String(settle(sure, false, true)), /names and date of birth agree/)
  assert.equal(settle(sure, false, false), null, 'another person near: a person decides')
  assert.equal(settle({ ...sure, probability: 0.6 }, false, true), null, 'too unsure alone')
  // a name alone (no date of birth on one side, no home, phone or identifier shared) is not asked about
  const named = score(
    { given_name: 'Aaliyah', family_name: 'Hussain', postcode: 'OL16 1PB' },
    { ...child, postcode: 'OL16 1ZZ', phone: undefined, address_line: undefined },
  )
  assert.equal(settle(named.explanation, false, true), 'new')
  assert.match(String(settle(named.explanation, true, true)), /shared identifier/)
  // twins at one home are two people
  assert.equal(settle(score(child, { ...child, given_name: 'Zara' }).explanation, false, true), 'new')
  // twins with no home known are twins too (decision 0051)
  const alone = { given_name: 'Aaliyah', family_name: 'Hussain', date_of_birth: '2007-03-09', sex: 'female' }
  assert.equal(settle(score(alone, { ...alone, given_name: 'Zara' }).explanation, false, true), 'new')
  // a family name that disagrees (a married or step-family name) is a person's question, unless an
  // identifier is shared
  const renamed = score(alone, { ...alone, family_name: 'Khan' })
  assert.equal(settle(renamed.explanation, false, true), null)
  assert.match(String(settle(renamed.explanation, true, true)), /shared identifier/)
})

test("an agency's word that the person was an adult (or a child) when it recorded them tells a parent from a namesake child", () => {
  const daughter = { given_name: 'Aisha', family_name: 'Khan', date_of_birth: '2008-11-20', sex: 'female', ...home }
  // housing holds the mother by name and address only, as an adult
  const mother = {
    given_name: 'Aisha',
    family_name: 'Khan',
    sex: 'female',
    ...home,
    recorded_at: '2020-03-01T09:00:00Z',
  }
  assert.ok(score(daughter, mother).probability >= 0.95, 'without a word on age the name and the home link')
  const adult = score(daughter, { ...mother, is_child: false })
  assert.ok(adult.probability < 0.01, `adult ${adult.probability}`)
  assert.deepEqual(rules(adult.explanation), ['age'])
  // a charity's record of a child, no date of birth, against the mother's date of birth
  const child = {
    given_name: 'Aisha',
    family_name: 'Khan',
    is_child: true,
    recorded_at: '2019-06-01T09:00:00Z',
    ...home,
  }
  assert.ok(score({ ...daughter, date_of_birth: '1984-05-02' }, child).probability < 0.01)
  // an adult then and a child years later are two people
  assert.ok(score({ ...mother, is_child: false, recorded_at: '2016-01-01T09:00:00Z' }, child).probability < 0.01)
  // a borderline word is forgiven: 17 and "an adult", 19 and "a child", the same child later an adult
  assert.deepEqual(
    rules(score(daughter, { ...mother, is_child: false, recorded_at: '2025-12-01T09:00:00Z' }).explanation),
    [],
  )
  assert.deepEqual(rules(score(daughter, { ...child, recorded_at: '2027-12-01T09:00:00Z' }).explanation), [])
  assert.deepEqual(
    rules(score({ ...child, recorded_at: '2015-01-01T09:00:00Z' }, { ...mother, is_child: false }).explanation),
    [],
  )
})

test('the review band starts where a lone agreement would be linked without a person: the MASH is asked only about likely pairs', () => {
  const limits = defaultThresholds({})
  assert.ok(limits.review >= SETTLE_PROBABILITY, `review from ${limits.review}`)
  assert.ok(limits.review < limits.auto)
})

test('a name and nothing else is weak evidence: common namesakes are not one person by name alone', () => {
  const seun = { given_name: 'Seun', family_name: 'Okafor', sex: 'male' }
  const named = score({ ...seun, date_of_birth: '1993-12-21' }, seun)
  assert.ok(named.probability < 0.5, `probability ${named.probability}`)
  assert.ok(named.explanation.comparisons.some((c) => c.comparison === 'name alone' && c.weight === -NAME_ALONE_BITS))
  // the same name at the same home, or with the same phone, is more than a name
  for (const more of [{ address_line: '2 Clifton Street', postcode: 'B10 2UT' }, { phone: '07700900282' }]) {
    const r = score({ ...seun, ...more, date_of_birth: '1993-12-21' }, { ...seun, ...more })
    assert.ok(!r.explanation.comparisons.some((c) => c.comparison === 'name alone'), JSON.stringify(more))
    assert.ok(r.probability > named.probability)
  }
  // a date of birth on both sides is more than a name too
  assert.ok(
    score({ ...seun, date_of_birth: '1993-12-21' }, { ...seun, date_of_birth: '1993-12-21' }).probability >= 0.95,
  )
})

test('two people of one home with neither name alike are not one person for sharing the home', () => {
  // a step-sister a year apart, the same day and month: the address and phone are the household's
  const first = { given_name: 'Keeley', family_name: 'Marsden', date_of_birth: '2011-03-09', sex: 'female', ...home }
  const second = { ...first, given_name: 'Shauna', family_name: 'Okafor', date_of_birth: '2012-03-09' }
  const apart = score(first, second)
  assert.deepEqual(rules(apart.explanation), ['household'])
  assert.ok(apart.probability < defaultThresholds().review, `probability ${apart.probability}`)
  // names written another way (swapped, transliterated) with the same date stay one person's
  const swapped = score(
    { ...first, given_name: 'Maxamed', family_name: 'Cali' },
    { ...first, given_name: 'Ali', family_name: 'Mohamed' },
  )
  assert.deepEqual(rules(swapped.explanation), [])
})

test('two full dates of birth years apart are two people, whatever else agrees; an identifier settles it', () => {
  const older = { given_name: 'Alfie', family_name: 'Entwistle', date_of_birth: '2014-08-16', sex: 'male', ...home }
  const younger = { ...older, date_of_birth: '2019-07-21' }
  const apart = score(older, younger)
  assert.deepEqual(rules(apart.explanation), ['dates apart'])
  assert.ok(apart.probability < 0.05, `probability ${apart.probability}`)
  // a digit wrong is a typo, not another person
  assert.deepEqual(rules(score(older, { ...older, date_of_birth: '2016-08-16' }).explanation), [])
  // a year-only date says too little to be sure
  assert.deepEqual(rules(score(older, { ...older, date_of_birth: '2019' }).explanation), [])
  // the same NHS number: the date is the mistake
  const nhs = '9434765919'
  assert.deepEqual(rules(score({ ...older, nhs_number: nhs }, { ...younger, nhs_number: nhs }).explanation), [])
})
