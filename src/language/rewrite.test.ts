// "Use this wording" gives a grammatical sentence that keeps the risk information, for every rule:
// one sentence per rule with the words its first suggestion gives (a rule added without a row here
// fails the last test), and over every harmful sentence of the tuning corpus no suggestion leaves a
// word twice or drops what the child is at risk of.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { checkText } from './check.ts'
import { applySuggestion } from './suggestion.ts'
import { SHIPPED_LEXICON } from './lexicon.ts'
import { parseCorpus } from './corpus/evaluate.ts'
import { corpusFile } from './corpus/report.ts'

type Row = [rule: string, text: string, firstSuggestionGives: string, dates?: { childDob: string; date: string }]

const ROWS: Row[] = [
  [
    'putting-self-at-risk',
    'She is putting herself at risk by going to the party.',
    'She is at risk of exploitation by going to the party.',
  ],
  [
    'getting-self-involved',
    'He got himself involved with older men.',
    'He was being groomed and exploited by older men.',
  ],
  ['risk-taking', 'Her risky behaviour is escalating.', 'The risk of exploitation is escalating.'],
  ['lifestyle-choice', 'Staff say Amy is making a lifestyle choice.', 'Staff say Amy is being exploited.'],
  ['poor-choices', 'She has been making poor choices.', 'She has been exploited.'],
  ['choosing-to', 'She chose to go back to the flat.', 'She was made to go back to the flat.'],
  ['willingly', 'She willingly went with them.', 'She went with them.'],
  ['consensual', 'The sex was consensual.', 'The sex was not something a child can consent to.'],
  ['prostitution', 'She is a child prostitute.', 'She is a child who is being sexually exploited.'],
  ['selling-sex', 'She sells sex for drugs.', 'She is being sexually exploited for drugs.'],
  ['transactional-sex', 'She was in a transactional relationship.', 'She was in a situation of sexual exploitation.'],
  ['sugar-daddy', 'He is her sugar daddy.', 'He is an adult who is grooming and sexually exploiting the child.'],
  ['promiscuous', 'She is promiscuous.', 'She is being sexually exploited.'],
  ['provocative', 'She flirts with the men at the shop.', 'She is being targeted by the men at the shop.'],
  ['contacting-adults', 'She has been contacting older men online.', 'She has been contacted by older men online.'],
  ['associating-with-adults', 'She hangs around with older men.', 'She is being targeted by older men.'],
  ['sneaking-off', 'She sneaks out at night.', 'She is being drawn away by adults at night.'],
  ['sending-images', 'She sent explicit images to a man.', 'She was coerced into sending explicit images to a man.'],
  ['sexting', 'She is sexting.', 'She is being sexually abused online.'],
  ['streetwise', 'He is streetwise.', 'He is a child who is vulnerable to exploitation.'],
  ['blame', 'It was her own fault.', 'It was the fault of the adults who abused the child.'],
  [
    'own-behaviour',
    'She is at risk due to her own behaviour.',
    'She is at risk because adults are exploiting the child.',
  ],
  [
    'not-engaging',
    'She refuses to engage with services.',
    'She is waiting for professionals to find a way to work with services.',
  ],
  ['absconding', 'She absconded from the unit.', 'She went missing from the unit.'],
  ['keeps-going-missing', 'She keeps going missing.', 'She is missing and at risk.'],
  ['drug-labels', 'He is a drug runner.', 'He is a child who is being criminally exploited.'],
  [
    'working-for',
    'He is working for the olders selling drugs.',
    'He is being criminally exploited by the olders selling drugs.',
  ],
  ['involved-in', 'She is involved in CSE.', 'She is a victim of CSE.'],
  ['party-girl', 'She is a party girl.', 'She is a child who is being groomed.'],
  ['labels', 'She is manipulative.', 'She is showing signs of trauma.'],
  ['attracted-to-adults', 'She likes older men.', 'She is being targeted by older men.'],
  [
    'knows-the-risks',
    'She knows the risks but still goes.',
    'She is being controlled by adults despite knowing the dangers but still goes.',
  ],
  ['manipulating-adults', 'She manipulates the men.', 'She is being exploited by the men.'],
  [
    'recruiting-others',
    'She recruits younger girls for the men.',
    'She is being used by adults to draw in younger girls for the men.',
  ],
  ['not-listening', 'She ignores advice.', 'She is under the control of adults who are exploiting the child.'],
  ['using-adults', 'She uses men for money.', 'She is being exploited by men.'],
  ['complicit', 'She is complicit.', 'She is a victim of exploitation.'],
  ['accepting-gifts', 'She accepts gifts from older men.', 'She is being groomed with gifts by older men.'],
  ['performed-acts', 'She performed oral sex on him.', 'She was sexually abused by him.'],
  ['hindsight', 'She should have known better.', 'She was groomed and controlled by adults.'],
  ['minimising', 'It is not a safeguarding concern.', 'It is a safeguarding concern.'],
  ['wilful-missing', 'She goes missing for fun.', 'She is missing and at risk.'],
  [
    'criminal-job',
    'Dealing is his job and he is good at it.',
    'Dealing is his job and he is being criminally exploited.',
  ],
  ['wanting-the-harm', 'She wants the cash.', 'She is being groomed and exploited.'],
  ['inappropriate-relationship', 'She is in an inappropriate relationship.', 'She is in an exploitative situation.'],
  [
    'adult-relationship',
    'She is in a relationship with a 24-year-old man.',
    'She is being groomed by a 24-year-old man.',
  ],
  [
    'sexual-activity',
    'She is sexually active.',
    'She is a victim of rape.',
    { childDob: '2014-05-01', date: '2026-04-30' },
  ],
  [
    'sexual-activity',
    'She is sexually active.',
    'She is at risk of sexual abuse.',
    { childDob: '2011-05-01', date: '2026-04-30' },
  ],
  [
    'sexual-activity',
    'She has been having sex with a 25-year-old man.',
    'She has been sexually abused by a 25-year-old man.',
    { childDob: '2009-05-01', date: '2026-04-30' },
  ],
  ['sexual-activity', 'She is sexually active.', 'She is at risk of sexual abuse.'],
]

for (const [rule, text, gives, dates] of ROWS) {
  test(`${rule}: "${text}" → "${gives}"`, () => {
    const finding = checkText(text, dates ?? {}).find((f) => f.rule === rule)
    assert.ok(finding, `no ${rule} finding in "${text}"`)
    assert.equal(applySuggestion(text, finding, 0), gives)
  })
}

test('every shipped rule has a sentence above', () => {
  const tested = new Set(ROWS.map(([rule]) => rule))
  assert.deepEqual(
    SHIPPED_LEXICON.rules.map((r) => r.id).filter((id) => !tested.has(id)),
    [],
  )
})

test('the sexual-activity rule rewrites by age: rape under 13, possible abuse at 13 to 15, abuse by an adult', () => {
  const rows = ROWS.filter(([rule]) => rule === 'sexual-activity').map(([, , gives]) => gives)
  assert.match(rows[0], /rape/)
  assert.match(rows[1], /sexual abuse/)
  assert.match(rows[2], /sexually abused by a 25-year-old man/)
})

// what a suggestion must still say: the child is at risk, exploited, abused, groomed, controlled, missing...
const RISK =
  /risk|exploit|abus|groom|missing|victim|control|coerc|rape|target|trauma|vulnerab|safeguarding|made to|persuaded|frightened|drawn|fault of|not (?:been |be )?to blame|professionals|contacted|used by adults|consent/i

test('over the corpus, no suggestion leaves a word twice ("is is") or loses the risk', () => {
  const harmful = parseCorpus(readFileSync(corpusFile('tuning'), 'utf8')).filter((e) => e.label === 'harmful')
  const problems: string[] = []
  let offered = 0
  for (const e of harmful)
    for (const f of checkText(e.text, { childDob: e.child_dob, date: e.date }))
      f.suggestions.forEach((s, i) => {
        offered++
        const out = applySuggestion(e.text, f, i)
        if (/\b(\w+) \1\b/i.test(out) && !/\b(\w+) \1\b/i.test(e.text)) problems.push(`doubled: ${out}`)
        if (s !== '' && !RISK.test(s)) problems.push(`no risk in "${s}": ${out}`)
      })
  assert.ok(offered > 1000, `only ${offered} suggestions offered`)
  assert.deepEqual(problems, [])
})
