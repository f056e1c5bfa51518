import { test } from 'node:test'
import assert from 'node:assert/strict'
import { knownPlaceInWords, signsInWords } from './record-words.ts'

const codes = (text: string) =>
  signsInWords(text)
    .map((s) => s.code)
    .sort()

test('the signs of exploitation a practitioner reads in a record, in more than one wording', () => {
  const cases: [string, string[]][] = [
    [
      'Located at 2am sitting in a silver car with two men in their thirties',
      ['older_associates', 'staying_out_late', 'vehicle_unknown_adults'],
    ],
    ['Staff saw her get into a taxi outside the home', ['vehicle_unknown_adults']],
    ['He says a man he met in town gives him lifts home', ['vehicle_unknown_adults']],
    ['Has expensive clothes and cannot explain where they came from', ['gifts_money']],
    ['Was found with £200 in cash', ['gifts_money']],
    ['The men bought her vodka and cigarettes', ['gifts_money']],
    ['Keeps coming home with vapes and alcohol she has not paid for', ['gifts_money']],
    ['Messages on her phone from an older man she met online', ['older_associates', 'unknown_callers']],
    ['Has a second phone hidden in her room', ['unknown_callers']],
    ['Refers to her boyfriend Tom, who is 27', ['older_associates']],
    ['Now spending time with a 34-year-old man from the takeaway', ['older_associates', 'place_of_concern']],
    ['Returned intoxicated and with bruising to her arms', ['alcohol_misuse', 'unexplained_injury']],
    ['Her best friend is being groomed by the same group', ['peers_exploited']],
  ]
  for (const [text, expected] of cases) assert.deepEqual(codes(text), expected, text)
})

test('a negated sign is not a sign, nor is a lift or a present from family, nor an age under 20', () => {
  for (const text of [
    'No older males seen with her',
    'She denies getting into cars with anyone',
    'Her mum picked her up from school',
    'Dad gave her a lift to the station',
    'Grandmother bought him new trainers for his birthday',
    'Her boyfriend is 15 and in her class',
    'Witness to a road traffic collision; statement taken with parent present',
    'Argument with mother over phone use',
    'Attended clinic for contraception; age 15',
  ])
    assert.deepEqual(codes(text), [], text)
})

test('a missing child who will not say where they were, or was at a place of concern', () => {
  assert.deepEqual(codes('Refused to say where she had been or who she was with'), ['will_not_say'])
  assert.deepEqual(codes('Traced to a hotel in another town'), ['place_of_concern'])
  assert.deepEqual(codes('Found at an address linked to a man under investigation'), ['place_of_concern'])
})

test('where a missing child was, when it was family, friends or a known place, or why they went', () => {
  for (const text of [
    'Found safe and well at her aunt’s house',
    'Stayed the night at a friend’s without telling carers',
    'Left after a row with her stepdad; returned the next morning',
    'Went to visit his birth family against the plan',
    'Missed the last bus home',
  ])
    assert.notEqual(knownPlaceInWords(text), null, text)
  for (const text of ['Missing from home', 'Returned', 'Found in the town centre at 3am', 'Missing from placement'])
    assert.equal(knownPlaceInWords(text), null, text)
})
