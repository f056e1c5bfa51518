// Lexicon 2026.12.7 (docs/decisions/0060-language-reported-blame.md): blame the note carries without
// owning it in words — another person's quoted words left standing, the passive voice with the child
// as the one who acts — and careful notes that quote blame in order to answer it, or say what the abuse
// made the child believe. Every sentence was written for this file, not taken from an evaluation set;
// each harmful one is missed by 2026.12.6 and each careful one is flagged by it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { careful, findingsFor, harmful } from './sentences-under-test.ts'
import { LEXICON_VERSION } from './lexicon.ts'

test('the version that judges a finding is 2026.12.9', () => {
  assert.equal(LEXICON_VERSION, '2026.12.9')
})

test("an adult's blaming words, quoted and left standing, are the record's; answered, they are not", () => {
  for (const text of [
    'Her stepfather said Keeley "asks for it" when she stays out.',
    'The residential manager reported that Nia "prostitutes herself" for vapes.',
    'Duty sergeant notes that Casey "seemed to be enjoying herself" at the flat.',
  ])
    harmful(text)
  // the finding keeps the quoted words as written: a quotation is not rewritten
  const [f] = findingsFor('Her stepfather said Keeley "asks for it" when she stays out.')
  assert.deepEqual(f.suggestions, [])
  assert.match(f.reason, /another person's words/)
  for (const text of [
    'Her stepfather said Keeley "asks for it"; the worker challenged this with him.',
    'The residential manager reported that Nia "prostitutes herself". Staff explained that Nia is being sexually exploited.',
    'Keeley said she "asks for it", which shows how the grooming has made her feel.',
  ])
    careful(text)
})

test('what the abuse made the child believe is not said of her', () => {
  for (const text of [
    'Kerry-Ann has been led to believe it was her own choice to go.',
    'He was manipulated into thinking he is in control of the deals.',
  ])
    careful(text)
})

test('a word held up in quotation marks and answered in the same note', () => {
  careful('Her "decision" to stay at the house was taken while the men held her phone under threat.')
})

test('a wording ruled out in the active voice: "we should not write that..."', () => {
  careful('Staff should not write that she is sleeping around; adults are abusing her.')
})

test('a note from an audit holds its quotation up', () => {
  careful('The audit found a note that Dion was "streetwise" and graded the entry as inadequate.')
})

test('the passive voice with the child as the one who acts reads as the active', () => {
  for (const text of [
    'The choice to go back to the flat was made by Ellis after the review.',
    'Risks are taken by Paige-Louise most weekends.',
  ])
    harmful(text)
  for (const text of [
    'She was taken to the flat by the men.',
    'The decision to go back to the flat was made by the man who controls her.',
    'The abuse was disclosed by her to the school nurse.',
  ])
    careful(text)
})

test('notes in shorthand: "self" and a "male youth"', () => {
  harmful('Continues to put self at risk with adults he meets online.')
  harmful('Male youth involved in the county line by choice.')
})

test('blame asked as a question: why the child keeps going back, what she expected, whether she can claim to be a victim', () => {
  for (const text of [
    'Why does Kiera keep texting them after everything that has happened?',
    'What did he expect when he got into the car with those lads?',
    'Could she really say she was groomed when she messaged him first?',
    'How credible is his disclosure, given how often he has lied to staff?',
  ])
    harmful(text)
  for (const text of [
    'Why does she keep attending the homework club on Thursdays?',
    'What does he expect to happen at the review meeting?',
    'How credible is the driver’s account of that night?',
  ])
    careful(text)
})

test('the child as the one who exaggerates, decides for herself who she sleeps with, or goes missing to be with them', () => {
  for (const text of [
    'It may be that Shannon is embellishing what the men did.',
    'At 15 he can choose for himself who he spends his nights with.',
    'He goes missing in order to spend time with the lads from the estate.',
  ])
    harmful(text)
  for (const text of [
    'Her uncle is exaggerating how late she came in.',
    'She can decide for herself whether to have the vaccine.',
    'He ran away to see his nan when the placement broke down.',
  ])
    careful(text)
})

test('consent to going with adults, the child’s will given as the reason, and bringing others to the men', () => {
  for (const text of [
    'She consented to go with the two men to the hotel.',
    'She has been passed around between the friends because she is willing.',
    'Leon gets trainers and cash, which he clearly loves.',
    'Gemma introduces others to the older lads at the garages.',
  ])
    harmful(text)
  for (const text of [
    'She consented to go with her aunt to the appointment.',
    'She can join the football team because she is keen.',
    'The youth worker introduced them to the group at the library.',
  ])
    careful(text)
})
