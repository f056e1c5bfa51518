// The hard cases of decision 0057: a brother and a sister (twins of two sexes, siblings whose names are
// one letter apart), and one child's given name written as a cut-short pet form or as a later word of
// a longer name, which the name tables lack. Under the shipped default model, as the import scores it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMPARISONS, GIVEN } from './comparisons.ts'
import { defaultModel } from './default-model.ts'
import { explainPair } from './explain.ts'
import { settle } from './incremental.ts'
import { BRITISH_DIMINUTIVES, nicknameTable } from './nicknames.ts'
import { prepareRecords } from './pipeline.ts'
import type { LinkageRecord } from './record.ts'
import { PairScorer, SEXES_BITS } from './scorer.ts'

// Mary is a formal name with diminutives of its own in the shipped table; so here
const nicknames = nicknameTable([...BRITISH_DIMINUTIVES, { name: 'mary', nickname: 'molly' }])
const home = { address_line: '224 Ashcroft Road', town: 'Luton', postcode: 'LU2 9LP', phone: '01632960118' }

function score(a: Omit<LinkageRecord, 'id'>, b: Omit<LinkageRecord, 'id'>) {
  const p = prepareRecords([[{ id: 'a', ...a }], [{ id: 'b', ...b }]], nicknames)
  const scorer = new PairScorer(defaultModel(), p)
  const explanation = explainPair(scorer, 0, 1)
  const given = explanation.comparisons.find((c) => c.comparison === COMPARISONS[GIVEN].name)?.level
  return { probability: scorer.probability(0, 1), explanation, given }
}
const bitsOf = (e: ReturnType<typeof score>['explanation'], rule: string) =>
  e.comparisons.find((c) => c.comparison === rule)?.weight

test('a brother and a sister of one date at one home are two children, not one with the sex mistyped', () => {
  const andrei = {
    given_name: 'Andrei',
    family_name: 'Moldovan',
    date_of_birth: '2008-10-23',
    sex: 'male',
    ...home,
  }
  const andreea = { ...andrei, given_name: 'Andreea', sex: 'female' }
  const twins = score(andrei, andreea)
  assert.equal(bitsOf(twins.explanation, 'sexes'), SEXES_BITS)
  assert.ok(twins.probability < 0.5, `probability ${twins.probability}`)
  // not a question for the MASH: a household rule
  assert.equal(settle(twins.explanation, false, true), 'new')
  // a nickname shared by a brother and a sister (Sam: Samuel and Samantha) is no help either
  const sam = score({ ...andrei, given_name: 'Samuel' }, { ...andreea, given_name: 'Sam' })
  assert.ok(sam.probability < 0.5, `probability ${sam.probability}`)
  // the same given name with another sex is one child with the sex mistyped: the rule is silent
  const jordan = score({ ...andrei, given_name: 'Jordan' }, { ...andreea, given_name: 'Jordan' })
  assert.equal(bitsOf(jordan.explanation, 'sexes'), undefined)
  assert.ok(jordan.probability >= 0.5, `probability ${jordan.probability}`)
  // an NHS number that agrees makes them one child whatever the sex says
  const nhs = '9434765919'
  const one = score({ ...andrei, nhs_number: nhs }, { ...andreea, nhs_number: nhs })
  assert.equal(bitsOf(one.explanation, 'sexes'), undefined)
})

test('a cut-short given name with a pet ending is the name (Debs, Ibby, Abdi), and holds off the twins rule', () => {
  const base = { family_name: 'Omar', date_of_birth: '2009-04-18', sex: 'female', ...home }
  for (const [short, long] of [
    ['Debs', 'Deborah'],
    ['Ibby', 'Ibrahim'],
    ['Abdi', 'Abdullahi'],
  ]) {
    const pair = score({ ...base, given_name: short }, { ...base, given_name: long })
    assert.equal(pair.given, 'nickname or first part', `${short}/${long}`)
    assert.equal(bitsOf(pair.explanation, 'twins'), undefined, `${short}/${long}`)
    assert.ok(pair.probability >= 0.5, `${short}/${long}: probability ${pair.probability}`)
  }
  // Mary is a name of its own (the table knows its diminutives), not Margaret cut short
  assert.equal(score({ ...base, given_name: 'Mary' }, { ...base, given_name: 'Margaret' }).given, 'else')
  // a short name with no pet ending (Kai) is not a cut form of a longer one (Kaiden)
  assert.notEqual(
    score({ ...base, given_name: 'Kai' }, { ...base, given_name: 'Kaiden' }).given,
    'nickname or first part',
  )
})

test('a given name that is a later word of the other (Ibrahim, Mohammed Ibrahim) is the same child', () => {
  const base = { family_name: 'Iqbal', date_of_birth: '2010-03-27', sex: 'male', ...home }
  const ibrahim = score({ ...base, given_name: 'Mohammed Ibrahim' }, { ...base, given_name: 'Ibrahim' })
  assert.equal(ibrahim.given, 'nickname or first part')
  assert.equal(bitsOf(ibrahim.explanation, 'twins'), undefined)
  assert.ok(ibrahim.probability >= 0.5, `probability ${ibrahim.probability}`)
  // two names of two words that share one are sisters (Mary-Ann and Rose-Ann): the twins rule still holds
  const sisters = score(
    { ...base, sex: 'female', given_name: 'Mary-Ann' },
    { ...base, sex: 'female', given_name: 'Rose-Ann' },
  )
  assert.equal(sisters.given, 'else')
  assert.ok(bitsOf(sisters.explanation, 'twins')! < 0)
})

test("a newborn's record with the mother's NHS number: a number held a generation apart is no conflict", () => {
  const baby = {
    given_name: 'Amira',
    family_name: 'Hassan',
    date_of_birth: '2019-03-02',
    sex: 'female',
    ...home,
  }
  const mothers = '9434765919'
  const own = '4010232137'
  const mother = {
    id: 'm',
    given_name: 'Hodan',
    family_name: 'Hassan',
    date_of_birth: '1990-07-14',
    nhs_number: mothers,
  }
  const pair = (withMother: boolean) => {
    const p = prepareRecords(
      [
        [{ id: 'a', ...baby, nhs_number: mothers }],
        [{ id: 'b', ...baby, nhs_number: own }],
        withMother ? [mother] : [],
      ],
      nicknames,
    )
    const scorer = new PairScorer(defaultModel(), p)
    return { probability: scorer.probability(0, 1), explanation: explainPair(scorer, 0, 1) }
  }
  // alone, two NHS numbers that differ weigh against
  const alone = pair(false)
  assert.ok(bitsOf(alone.explanation, 'identifiers')! < 0)
  // held by the mother, born 29 years before: the number is hers, the baby's record is the baby's
  const shared = pair(true)
  assert.equal(bitsOf(shared.explanation, 'identifiers'), undefined)
  assert.ok(shared.probability > alone.probability, `probability ${shared.probability}`)
})
