import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compilePattern, matchEnds, PatternError } from './pattern.ts'
import { tokenize } from './tokenize.ts'
import { verbForms } from './inflect.ts'
import { annotate } from './nlp.ts'

// the longest match of a pattern at the start of a text, as the matched words
function longest(pattern: string, text: string): string | null {
  const { tokens } = tokenize(text)
  annotate(text, tokens)
  const ends = matchEnds(compilePattern(pattern), tokens, 0, tokens.length).map((e) => e >> 1)
  if (ends.length === 0) return null
  return tokens
    .slice(0, Math.max(...ends))
    .map((t) => t.norm)
    .join(' ')
}

test('verbs match in every tense and person', () => {
  for (const form of ['put', 'puts', 'putting'])
    assert.equal(longest('<put> {REFL} at risk', `${form} herself at risk`), `${form} herself at risk`)
  assert.deepEqual(verbForms('place'), ['place', 'places', 'placing', 'placed'])
  assert.deepEqual(verbForms('carry'), ['carry', 'carries', 'carrying', 'carried'])
  assert.ok(verbForms('choose').includes('chose'))
})

test('slots cover pronouns and reflexives', () => {
  for (const r of ['herself', 'himself', 'themselves', 'themself'])
    assert.ok(longest('<put> {REFL} at risk', `puts ${r} at risk`))
  assert.equal(longest('<put> {REFL} at risk', 'puts her at risk'), null)
})

test('optional words, alternatives and gaps', () => {
  const p = '<put> {REFL} [{ADV}] (at|in) ~3 (risk|danger)'
  assert.equal(
    longest(p, 'putting herself repeatedly in very serious danger'),
    'putting herself repeatedly in very serious danger',
  )
  assert.equal(longest(p, 'putting herself in one two three four danger'), null)
  assert.equal(longest(p, 'putting herself in, danger'), null, 'a gap never crosses punctuation')
})

test('prefixes match the start of a word', () => {
  assert.equal(longest('promiscu*', 'promiscuity'), 'promiscuity')
  assert.equal(longest('promiscu*', 'prom'), null)
})

test('a match through {NEG} is marked negated', () => {
  const { tokens } = tokenize('is not choosing')
  const ends = matchEnds(compilePattern('<be> [{NEG}] choosing'), tokens, 0, tokens.length)
  assert.deepEqual(ends, [3 * 2 + 1])
})

test('a word in its dictionary form matches every form of it; an inflected one only itself', () => {
  assert.equal(longest('poor choice', 'poor choices'), 'poor choices')
  assert.equal(longest('choose to stay', 'chose to stay'), 'chose to stay')
  assert.equal(longest('she <be> with them', "she's with them"), "she 's with them")
  assert.equal(longest('poor choices', 'poor choice'), null)
})

test('#TAG matches any word of that part of speech, as the English model reads it', () => {
  assert.equal(longest('<make> #ADJ choices', 'making unwise choices'), 'making unwise choices')
  assert.equal(longest('#PRON #ADV #VERB', 'she willingly went'), 'she willingly went')
  assert.equal(longest('<make> #ADJ choices', 'making the choices'), null)
  assert.throws(() => compilePattern('#NOPE'), /unknown part of speech/)
})

test('bad patterns are refused with a reason', () => {
  assert.throws(() => compilePattern('(at|in'), PatternError)
  assert.throws(() => compilePattern('~3 risk'), /cannot start/)
  assert.throws(() => compilePattern('[risk]'), /match nothing/)
  assert.throws(() => compilePattern('{NOPE} risk'), /unknown slot/)
  assert.throws(() => compilePattern('ab*'), /3 or more/)
})
