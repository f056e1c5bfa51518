import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkText } from './check.ts'
import { applySuggestion, StaleFindingError } from './suggestion.ts'

test("accepting a suggestion replaces only the finding's span", () => {
  const text = '🙂 She is a child prostitute, staff said.'
  const [finding] = checkText(text)
  assert.equal(finding.phrase, 'a child prostitute')
  const changed = applySuggestion(text, finding, 0)
  assert.equal(changed, '🙂 She is a child who is being sexually exploited, staff said.')
  assert.deepEqual(
    checkText(changed).filter((f) => f.rule === 'prostitution'),
    [],
  )
})

test('a suggestion can be chosen by its text, and keeps a capital at the start of a sentence', () => {
  const text = 'Lifestyle choice, according to the log.'
  const [finding] = checkText(text)
  const chosen = finding.suggestions[0]
  const changed = applySuggestion(text, finding, chosen)
  assert.equal(changed, chosen[0].toUpperCase() + chosen.slice(1) + ', according to the log.')
  // the finding carries the exact words, capital included: the page script splices them in as they are
  assert.equal(text.slice(0, finding.start) + chosen + text.slice(finding.end), changed)
})

test('a finding from an older version of the text is refused, never applied blindly', () => {
  const [finding] = checkText('She is promiscuous.')
  assert.throws(() => applySuggestion('She is very promiscuous.', finding, 0), StaleFindingError)
  assert.throws(() => applySuggestion('She is promiscuous.', finding, 99), StaleFindingError)
  assert.throws(() => applySuggestion('She is promiscuous.', finding, 'anything I like'), StaleFindingError)
})

test('checking never changes the text', () => {
  const text = 'She is putting herself at risk.'
  const copy = String(text)
  checkText(text)
  assert.equal(text, copy)
})
