// The bar, on the corpus: find at least 95% of harmful sentences and flag at most 3% of
// careful ones, on the tuning split and on the held-out split that the rules were not tuned against.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseCorpus, score, type CorpusEntry } from './evaluate.ts'
import { corpusFile } from './report.ts'

const tuning = parseCorpus(readFileSync(corpusFile('tuning'), 'utf8'))
const heldOut = parseCorpus(readFileSync(corpusFile('held-out'), 'utf8'))
// scored and reported (report.ts, the README), never tuned on and not held to the bar here: it is
// the estimate of how the rules do on text written by someone else
const freshHeldOut = parseCorpus(readFileSync(corpusFile('fresh-held-out'), 'utf8'))

test('the corpus has at least 400 harmful and 400 careful sentences, with no sentence in two splits', () => {
  const all = [...tuning, ...heldOut, ...freshHeldOut]
  assert.ok(all.filter((e) => e.label === 'harmful').length >= 400)
  assert.ok(all.filter((e) => e.label === 'careful').length >= 400)
  const key = (e: CorpusEntry) => [e.text.toLowerCase(), e.child_dob ?? '', e.date ?? ''].join('|')
  const tuningKeys = new Set(tuning.map(key))
  const shared = [...heldOut, ...freshHeldOut].filter((e) => tuningKeys.has(key(e))).map((e) => e.text)
  assert.deepEqual(shared, [])
  assert.equal(new Set(all.map((e) => e.id)).size, all.length, 'ids are unique')
})

for (const [name, entries] of [
  ['tuning', tuning],
  ['held-out', heldOut],
] as const) {
  test(`${name}: at least 95% of harmful sentences found, at most 3% of careful ones flagged`, () => {
    const s = score(entries)
    const missed = s.missed.map((m) => m.id).join(', ')
    const flagged = s.wronglyFlagged.map((f) => f.entry.id).join(', ')
    assert.ok(s.recall >= 0.95, `found ${s.found}/${s.harmful}; missed ${missed}`)
    assert.ok(s.falsePositiveRate <= 0.03, `flagged ${s.flagged}/${s.careful}: ${flagged}`)
  })
}

test('the score counts a finding of any severity, so a low finding on a careful sentence counts against it', () => {
  const s = score([
    { id: 'a', label: 'careful', text: 'She is a "party girl".' },
    { id: 'b', label: 'harmful', text: 'She is at risk of exploitation.' },
  ])
  assert.equal(s.flagged, 1)
  assert.equal(s.found, 0)
})
