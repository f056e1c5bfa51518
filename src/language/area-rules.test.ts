import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkText } from './check.ts'
import { mergeAreaRules, parseAreaRules } from './area-rules.ts'
import { SHIPPED_LEXICON } from './lexicon.ts'
import { LexiconError } from './validate.ts'

const areaFile = {
  area: 'northshire',
  version: '3',
  rules: [
    {
      id: 'northshire-runaround',
      phrases: ['<give> (us|staff|everyone) the runaround'],
      severity: 'medium',
      reason: 'frames the child as playing games with professionals',
      suggestions: ['has been hard for us to reach'],
      source: 'Northshire Safeguarding Children Partnership language guide',
    },
  ],
  disable: ['sexting'],
}

test("an area's rules are added to the shipped ones and its disabled rules switched off", () => {
  const lexicon = mergeAreaRules(SHIPPED_LEXICON, parseAreaRules(areaFile))
  assert.equal(lexicon.version, `${SHIPPED_LEXICON.version}+northshire.3`)
  assert.deepEqual(
    checkText('She keeps giving staff the runaround.', { rules: lexicon }).map((f) => f.rule),
    ['northshire-runaround'],
  )
  assert.deepEqual(checkText('She is sexting.', { rules: lexicon }), [])
  assert.deepEqual(
    checkText('She is sexting.').map((f) => f.rule),
    ['sexting'],
    'the shipped lexicon is unchanged',
  )
  assert.deepEqual(
    checkText('She is promiscuous.', { rules: lexicon }).map((f) => f.rule),
    ['promiscuous'],
  )
})

test('an invalid area rule file is refused with every problem named', () => {
  const bad = {
    area: 'northshire',
    version: '1',
    rules: [
      {
        id: 'Bad Id',
        phrases: ['(at|in'],
        severity: 'urgent',
        reason: '',
        suggestions: [],
        source: 'x',
        colour: 'red',
      },
    ],
  }
  try {
    parseAreaRules(bad)
    assert.fail('expected a LexiconError')
  } catch (error) {
    assert.ok(error instanceof LexiconError)
    const text = error.problems.join('\n')
    for (const expected of [
      'rules[0].id',
      'rules[0].phrases[0]: missing ")"',
      'rules[0].severity',
      'rules[0].reason',
      'rules[0].suggestions',
      'rules[0].colour: unknown field',
    ]) {
      assert.ok(text.includes(expected), `expected "${expected}" in:\n${text}`)
    }
  }
  assert.throws(() => parseAreaRules({ area: 'x', version: '1' }), /adds no rules/)
  assert.throws(() => parseAreaRules([]), /JSON object/)
})

test('an area rule cannot silently replace a shipped rule, nor disable one that does not exist', () => {
  const clash = { ...areaFile, disable: undefined, rules: [{ ...areaFile.rules[0], id: 'promiscuous' }] }
  assert.throws(() => mergeAreaRules(SHIPPED_LEXICON, parseAreaRules(clash)), /is a shipped rule/)
  assert.throws(
    () => mergeAreaRules(SHIPPED_LEXICON, parseAreaRules({ ...areaFile, disable: ['no-such-rule'] })),
    /no shipped rule "no-such-rule"/,
  )
  // replacing is allowed when the shipped rule is disabled in the same file
  const replaced = mergeAreaRules(SHIPPED_LEXICON, parseAreaRules({ ...clash, disable: ['promiscuous'] }))
  assert.equal(replaced.rules.filter((r) => r.id === 'promiscuous').length, 1)
})

test('a sexual-activity area rule must say what to advise at each age', () => {
  const rule = { ...areaFile.rules[0], id: 'northshire-age', context: 'sexual-activity' }
  assert.throws(() => parseAreaRules({ area: 'n', version: '1', rules: [rule] }), /ages/)
})

test('the shipped lexicon is valid, versioned and cites a source for every rule', () => {
  assert.match(SHIPPED_LEXICON.version, /^\d{4}\.\d{1,2}\.\d+$/)
  assert.doesNotThrow(() =>
    parseAreaRules({ area: 'shipped', version: SHIPPED_LEXICON.version, rules: SHIPPED_LEXICON.rules }),
  )
  for (const rule of SHIPPED_LEXICON.rules) {
    assert.match(
      rule.source,
      /^The Children's Society, Victim Support and NPCC, "Appropriate language: child exploitation"/,
      rule.id,
    )
    assert.doesNotMatch(rule.source, /\.md\b|shared\//, rule.id)
  }
  const fileSource = { ...SHIPPED_LEXICON.rules[0], id: 'local-rule', source: 'see shared/domain/README.md' }
  assert.throws(
    () => parseAreaRules({ area: 'x', version: '1', rules: [fileSource] }),
    /published guidance, not a file/,
  )
  for (const source of ['lexicon.ts', 'our language guide (language-guide.html)'])
    assert.throws(
      () => parseAreaRules({ area: 'x', version: '1', rules: [{ ...fileSource, source }] }),
      /published guidance, not a file/,
      source,
    )
  assert.doesNotThrow(() =>
    parseAreaRules({
      area: 'x',
      version: '1',
      rules: [{ ...fileSource, source: 'Northshire SCP, language guide (2025), s. 3' }],
    }),
  )
})

test('the example area rule file is valid', async () => {
  const { readFileSync } = await import('node:fs')
  const example = JSON.parse(readFileSync(new URL('./area-rules.example.json', import.meta.url), 'utf8'))
  const lexicon = mergeAreaRules(SHIPPED_LEXICON, parseAreaRules(example))
  assert.deepEqual(
    checkText('She is playing games with staff.', { rules: lexicon }).map((f) => f.rule),
    ['northshire-runaround'],
  )
})
