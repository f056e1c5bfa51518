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
  [
    'onus-on-child',
    'They need to keep themselves safe.',
    'They are in need of protection from the adults who are exploiting the child.',
  ],
  ['permitted-abuse', 'She let the men touch her.', 'She was sexually abused by adults.'],
  ['invited-abuse', 'They invited the attention.', 'They were being groomed.'],
  [
    'inaction-blamed-on-child',
    'Shannon does not see herself as a victim so there is little more we can do.',
    'Shannon is not yet able to speak about the abuse, and professionals will keep working to protect the child.',
  ],
  ['disbelief', 'She tends to exaggerate.', 'She is telling us what happened, which must be heard and investigated.'],
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

// The same rules said of someone else, in another tense or number: he, they, the child, a named
// child; "is", "was", "has been", "had", a modal; the words keep the sentence's tense and agree with
// its subject ("They were streetwise" gives "children who were", never "a child who is").
const VARIANTS: [rule: string, text: string, firstSuggestionGives: string][] = [
  ['putting-self-at-risk', 'she is putting herself at risk.', 'she is at risk of exploitation.'],
  ['putting-self-at-risk', 'He was putting himself at risk.', 'He was at risk of exploitation.'],
  ['putting-self-at-risk', 'They have been putting themselves at risk.', 'They have been at risk of exploitation.'],
  ['putting-self-at-risk', 'The child puts herself at risk.', 'The child is at risk of exploitation.'],
  ['putting-self-at-risk', 'Amy put herself at risk last night.', 'Amy was at risk of exploitation last night.'],
  ['putting-self-at-risk', 'They put themselves at risk.', 'They are at risk of exploitation.'],
  ['putting-self-at-risk', 'She continues to put herself at risk.', 'She continues to be at risk of exploitation.'],
  [
    'getting-self-involved',
    'They have got themselves involved with older men.',
    'They have been groomed and exploited by older men.',
  ],
  [
    'getting-self-involved',
    'She gets herself involved with older men.',
    'She is being groomed and exploited by older men.',
  ],
  ['risk-taking', 'He has been taking risks.', 'He has been exploited.'],
  ['risk-taking', 'They were taking risks.', 'They were being exploited.'],
  ['risk-taking', 'His risky behaviour was escalating.', 'The risk of exploitation was escalating.'],
  ['lifestyle-choice', 'He was making a lifestyle choice.', 'He was being exploited.'],
  ['lifestyle-choice', 'They chose this lifestyle.', 'They were being exploited.'],
  ['poor-choices', 'They have been making poor choices.', 'They have been exploited.'],
  ['poor-choices', 'He made poor choices.', 'He was being exploited.'],
  ['choosing-to', 'They chose to go back to the flat.', 'They were made to go back to the flat.'],
  ['choosing-to', 'Amy chooses to go back to the flat.', 'Amy is made to go back to the flat.'],
  ['willingly', 'They willingly went with them.', 'They went with them.'],
  ['consensual', 'The sex had been consensual.', 'The sex had not been something a child can consent to.'],
  ['prostitution', 'She was a child prostitute.', 'She was a child who was being sexually exploited.'],
  ['prostitution', 'They are child prostitutes.', 'They are children who are being sexually exploited.'],
  ['selling-sex', 'They sell sex for drugs.', 'They are being sexually exploited for drugs.'],
  ['selling-sex', 'He was selling sex for drugs.', 'He was being sexually exploited for drugs.'],
  [
    'transactional-sex',
    'They were in a transactional relationship.',
    'They were in a situation of sexual exploitation.',
  ],
  ['sugar-daddy', 'He had a sugar daddy.', 'He had an adult who was grooming and sexually exploiting the child.'],
  ['promiscuous', 'They are promiscuous.', 'They are being sexually exploited.'],
  ['promiscuous', 'Amy was promiscuous.', 'Amy was being sexually exploited.'],
  ['provocative', 'They flirted with the men at the shop.', 'They were being targeted by the men at the shop.'],
  ['contacting-adults', 'He has been contacting older men online.', 'He has been contacted by older men online.'],
  ['contacting-adults', 'They contacted older men online.', 'They were being contacted by older men online.'],
  ['associating-with-adults', 'They hang around with older men.', 'They are being targeted by older men.'],
  ['associating-with-adults', 'She hung around with older men.', 'She was being targeted by older men.'],
  ['sneaking-off', 'He sneaked out at night.', 'He was being drawn away by adults at night.'],
  ['sending-images', 'They sent explicit images to a man.', 'They were coerced into sending explicit images to a man.'],
  ['sending-images', 'He sends explicit images to a man.', 'He is coerced into sending explicit images to a man.'],
  ['sexting', 'They were sexting.', 'They were being sexually abused online.'],
  ['streetwise', 'They were streetwise.', 'They were children who were vulnerable to exploitation.'],
  ['blame', 'It was his own fault.', 'It was the fault of the adults who abused the child.'],
  [
    'own-behaviour',
    'He was at risk due to his own behaviour.',
    'He was at risk because adults were exploiting the child.',
  ],
  [
    'not-engaging',
    'He refused to engage with services.',
    'He was waiting for professionals to find a way to work with services.',
  ],
  ['absconding', 'They abscond regularly.', 'They go missing regularly.'],
  ['absconding', 'She has absconded from the unit.', 'She has gone missing from the unit.'],
  ['absconding', 'The child absconded from the unit.', 'The child went missing from the unit.'],
  ['keeps-going-missing', 'They keep going missing.', 'They are missing and at risk.'],
  ['keeps-going-missing', 'He kept going missing.', 'He was missing and at risk.'],
  ['drug-labels', 'He was a drug runner.', 'He was a child who was being criminally exploited.'],
  [
    'drug-labels',
    'She has been a drug runner for months.',
    'She has been a child who is being criminally exploited for months.',
  ],
  [
    'working-for',
    'They were working for the olders selling drugs.',
    'They were being criminally exploited by the olders selling drugs.',
  ],
  ['working-for', 'He was recruited into dealing by the olders.', 'He was being criminally exploited by the olders.'],
  ['involved-in', 'They were involved in CSE.', 'They were victims of CSE.'],
  ['party-girl', 'She was a party girl.', 'She was a child who was being groomed.'],
  ['labels', 'They are manipulative.', 'They are showing signs of trauma.'],
  ['attracted-to-adults', 'They liked older men.', 'They were being targeted by older men.'],
  [
    'knows-the-risks',
    'He knew the risks but still went.',
    'He was being controlled by adults despite knowing the dangers but still went.',
  ],
  ['manipulating-adults', 'They manipulated the men.', 'They were being exploited by the men.'],
  [
    'recruiting-others',
    'He recruited younger boys for the men.',
    'He was being used by adults to draw in younger boys for the men.',
  ],
  ['not-listening', 'They ignored advice.', 'They were under the control of adults who were exploiting the child.'],
  ['using-adults', 'He used men for money.', 'He was being exploited by men.'],
  ['complicit', 'He was complicit.', 'He was a victim of exploitation.'],
  ['accepting-gifts', 'They accept gifts from older men.', 'They are being groomed with gifts by older men.'],
  ['accepting-gifts', 'He accepted gifts from older men.', 'He was being groomed with gifts by older men.'],
  ['performed-acts', 'He performed oral sex on him.', 'He was sexually abused by him.'],
  ['hindsight', 'They should have known better.', 'They were groomed and controlled by adults.'],
  ['minimising', 'It was not a safeguarding concern.', 'It was a safeguarding concern.'],
  ['wilful-missing', 'They went missing for fun.', 'They were missing and at risk.'],
  [
    'criminal-job',
    'Dealing was his job and he was good at it.',
    'Dealing was his job and he was being criminally exploited.',
  ],
  ['wanting-the-harm', 'They wanted the cash.', 'They were being groomed and exploited.'],
  ['inappropriate-relationship', 'He was in an inappropriate relationship.', 'He was in an exploitative situation.'],
  [
    'adult-relationship',
    'He was in a relationship with a 24-year-old man.',
    'He was being groomed by a 24-year-old man.',
  ],
  ['sexual-activity', 'They have been sexually active.', 'They have been at risk of sexual abuse.'],
  ['labels', 'Amy was manipulative.', 'Amy was showing signs of trauma.'],
  [
    'onus-on-child',
    'He had to stop seeing them.',
    'He had been in need of protection from the adults who were exploiting the child.',
  ],
  ['permitted-abuse', 'He allowed a 30-year-old to film him.', 'He was sexually abused by adults.'],
  ['invited-abuse', 'He invited the contact.', 'He was being groomed.'],
  [
    'inaction-blamed-on-child',
    'He will not make a statement, so the case is closed.',
    'He is not yet able to speak about the abuse, and professionals will keep working to protect the child.',
  ],
  ['disbelief', 'He tended to exaggerate.', 'He was telling us what happened, which must be heard and investigated.'],
]

for (const [rule, text, gives] of VARIANTS) {
  test(`${rule} (another person or tense): "${text}" → "${gives}"`, () => {
    const finding = checkText(text).find((f) => f.rule === rule)
    assert.ok(finding, `no ${rule} finding in "${text}"`)
    assert.equal(applySuggestion(text, finding, 0), gives)
  })
}

test('every shipped rule that offers wording has a sentence in another person or tense', () => {
  const tested = new Set(VARIANTS.map(([rule]) => rule))
  const offering = SHIPPED_LEXICON.rules.filter((r) => r.suggestions.length || r.ages)
  assert.deepEqual(
    offering.map((r) => r.id).filter((id) => !tested.has(id)),
    [],
  )
})

test('the sentence in the issue: "she is putting herself at risk" never becomes "she is is at risk"', () => {
  for (const [text, gives] of [
    ['she is putting herself at risk.', 'she is at risk of exploitation.'],
    ['She is putting herself at risk.', 'She is at risk of exploitation.'],
    ['Putting herself at risk again, staff said.', null],
  ] as const) {
    const finding = checkText(text).find((f) => f.rule === 'putting-self-at-risk')
    assert.ok(finding, text)
    if (gives === null)
      assert.ok(finding.suggestions.every((s) => !/\bis is\b/.test(applySuggestion(text, finding, s))))
    else assert.equal(applySuggestion(text, finding, 0), gives)
  }
})

test('negated words are left alone: no finding, so nothing to rewrite', () => {
  for (const text of [
    'She is not putting herself at risk.',
    'He was not making a lifestyle choice.',
    'They did not go missing by choice.',
  ])
    assert.deepEqual(checkText(text), [], text)
})

// a doubled auxiliary or a subject and verb that disagree, anywhere in what "Use this wording" gives
const UNGRAMMATICAL =
  /\b(\w+) \1\b|\b(is|was|are|were|has|have|had) (is|was|are|were|am)\b|\b(they|we|you) (is|was|has)\b|\b(he|she|it) (are|were|have)\b|\bbeen being\b|\bbeen not\b/i

test('every suggestion of every sentence above gives a grammatical sentence', () => {
  const problems: string[] = []
  for (const [rule, text, , dates] of [...ROWS, ...VARIANTS] as Row[]) {
    const finding = checkText(text, dates ?? {}).find((f) => f.rule === rule)
    if (!finding) continue // the tests above say so
    finding.suggestions.forEach((_, i) => {
      const out = applySuggestion(text, finding, i)
      if (UNGRAMMATICAL.test(out)) problems.push(`${rule}: "${text}" → "${out}"`)
    })
  }
  assert.deepEqual(problems, [])
})
