import { test } from 'node:test'
import assert from 'node:assert/strict'
import { tokenize } from './tokenize.ts'

test('tokens keep their UTF-16 offsets, also after astral characters', () => {
  const text = '😀 She’s “fine” 🇬🇧 now'
  const { tokens } = tokenize(text)
  for (const t of tokens) assert.equal(text.slice(t.start, t.end).toLowerCase().replace('’', "'"), t.norm)
  assert.deepEqual(
    tokens.filter((t) => !t.punct).map((t) => t.norm),
    ['she', "'s", 'fine', 'now'],
  )
})

test('clitics and negations are tokens of their own', () => {
  const norms = tokenize("She isn't, can't and won't; mum's cannot").tokens.map((t) => t.norm)
  assert.deepEqual(norms, ['she', 'is', "n't", ',', 'can', "n't", 'and', 'will', "n't", ';', 'mum', "'s", 'can', 'not'])
})

test('hyphenated words read like spaced ones', () => {
  const a = tokenize('a 24-year-old with risk-taking').tokens.map((t) => t.norm)
  const b = tokenize('a 24 year old with risk taking').tokens.map((t) => t.norm)
  assert.deepEqual(a, b)
})

test('sentences are numbered, and a line break ends one', () => {
  const { tokens } = tokenize('One two. Three\nFour')
  const sentenceOf = (w: string) => tokens.find((t) => t.norm === w)!.sentence
  assert.equal(sentenceOf('one'), sentenceOf('two'))
  assert.notEqual(sentenceOf('two'), sentenceOf('three'))
  assert.notEqual(sentenceOf('three'), sentenceOf('four'))
})

test('straight, curly and single curly quotations are found; an unpaired mark quotes nothing', () => {
  const { tokens, quotes } = tokenize('She said "one" and “two” and ‘three’ then "four')
  assert.equal(quotes.length, 3)
  const quoted = tokens.filter((t) => t.quote >= 0).map((t) => t.norm)
  assert.deepEqual(quoted, ['one', 'two', 'three'])
  assert.equal(tokens.find((t) => t.norm === 'four')!.quote, -1)
})

test('an apostrophe of possession is not a quotation mark', () => {
  const { quotes, tokens } = tokenize('the girls’ toilets and ‘her words’')
  assert.equal(quotes.length, 1)
  assert.deepEqual(
    tokens.filter((t) => t.quote === 0).map((t) => t.norm),
    ['her', 'words'],
  )
})

test('straight single quotes quote too, without mistaking apostrophes for them', () => {
  const { tokens, quotes } = tokenize("She said 'I'm a party girl' and the girls' toilets were shut")
  assert.equal(quotes.length, 1)
  assert.deepEqual(
    tokens.filter((t) => t.quote === 0).map((t) => t.norm),
    ['i', "'m", 'a', 'party', 'girl'],
  )
  assert.equal(tokens.find((t) => t.norm === 'toilets')!.quote, -1)
})

test('a run of words with no full stop is read as sentences of at most LONGEST_SENTENCE words', () => {
  const { tokens } = tokenize('she went out '.repeat(200))
  const sizes = new Map<number, number>()
  for (const t of tokens) sizes.set(t.sentence, (sizes.get(t.sentence) ?? 0) + 1)
  assert.equal(tokens.length, 600)
  assert.deepEqual([...sizes.values()], [150, 150, 150, 150])
  // ordinary sentences keep their own bounds
  const two = tokenize('She went out. She came back.').tokens
  assert.equal(new Set(two.map((t) => t.sentence)).size, 2)
})
