import { test } from 'node:test'
import assert from 'node:assert/strict'
import { identifiesChild, identityPattern, redacted, REMOVED } from './board-text.ts'

const leah = identityPattern({
  names: ['Leah', 'Marsh-Tully', 'Lee Lee', 'Ann Marie'],
  identifiers: ['AP-17', '943 476 5919', 'A123456789012', '2020/0012345B'],
  personIds: [12, 345],
})

test('a cohort child’s name in any case, as a possessive, or one word of a name: found', () => {
  for (const text of [
    'Leah was not seen.',
    'LEAH was not seen.',
    "leah's mother was not asked.",
    'Leah’s voice is missing.',
    'Ms Marsh-Tully refused.',
    'Known as Lee Lee on the street.',
    'Marie said so.',
  ])
    assert.equal(identifiesChild(text, leah), true, text)
})

test('a word that only contains a name, or Child n: not found', () => {
  for (const text of [
    'Leanne was the social worker.',
    'Child 1 was seen 12 times in 345 days.',
    'Planning was good.',
    'Releahsed', // no word boundary
    '',
  ])
    assert.equal(identifiesChild(text, leah), false, text)
})

test('identifiers: source ids, NHS numbers however spaced, UPNs, PNC ids, person ids written as ids', () => {
  for (const text of [
    'See record ap-17.',
    'NHS 9434765919.',
    'NHS 943-476-5919.',
    'UPN A123456789012',
    'PNC 2020/0012345B',
    'Person 12 was missed.',
    'see /people/345',
    'id: 12',
    '#345',
  ])
    assert.equal(identifiesChild(text, leah), true, text)
})

test('the board’s copy: each name and identifier removed, the rest kept', () => {
  assert.equal(
    redacted("Leah's plan (NHS 943 476 5919) was not shared with LEAH.", leah),
    `${REMOVED}'s plan (NHS ${REMOVED}) was not shared with ${REMOVED}.`,
  )
  assert.equal(redacted('Nothing to hide.', leah), 'Nothing to hide.')
  assert.equal(identityPattern({ names: [], identifiers: [], personIds: [] }), null)
})
