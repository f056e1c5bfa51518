import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkText } from './check.ts'
import { boundWords, LONGEST_WORD } from './nlp.ts'
import { DateInputError } from './age.ts'
import type { Finding } from './types.ts'

const rules = (text: string, options = {}) => checkText(text, options).map((f) => f.rule)
const only = (text: string, rule: string, options = {}): Finding => {
  const found = checkText(text, options).filter((f) => f.rule === rule)
  assert.equal(
    found.length,
    1,
    `expected one ${rule} finding in "${text}", got ${JSON.stringify(checkText(text, options))}`,
  )
  return found[0]
}

test('one rule catches its phrase in every tense, person and word order', () => {
  for (const text of [
    'She put herself at risk.',
    'They are putting themselves at risk.',
    'He puts himself at risk.',
    'She was putting herself in risky situations.',
    'He has repeatedly placed himself in danger.',
    'The risks she puts herself in are escalating.',
    "Ellie keeps putting herself in harm's way.",
  ])
    assert.deepEqual(rules(text), ['putting-self-at-risk'], text)
})

test('a finding has the span, phrase, rule, severity, reason, suggestions and source', () => {
  const text = 'Staff say Amy is making a lifestyle choice.'
  const f = only(text, 'lifestyle-choice')
  // the span is the words "Use this wording" replaces: the phrase with the verb group it sits in
  assert.equal(text.slice(f.start, f.end), 'is making a lifestyle choice')
  assert.equal(f.phrase, 'is making a lifestyle choice')
  assert.equal(f.severity, 'high')
  assert.match(f.reason, /choose/)
  assert.ok(f.suggestions.length > 0)
  assert.match(f.source, /Rochdale/)
})

test('offsets are UTF-16 code units, end exclusive, after emoji and astral characters', () => {
  const text = '👩🏽‍⚕️ note 𝒜: she 🏃‍♀️ keeps going missing 💔 and is promiscuous.'
  const found = checkText(text)
  assert.deepEqual(
    found.map((f) => f.rule),
    ['keeps-going-missing', 'promiscuous'],
  )
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.phrase)
  assert.equal(found[0].phrase, 'keeps going missing')
  assert.equal(found[1].start, text.indexOf('is promiscuous'))
  assert.equal(found[1].end, text.indexOf('promiscuous') + 'promiscuous'.length)
})

test('sexual activity: under 13 is rape in law, 13 to 15 possible abuse, 16 and over not flagged', () => {
  const text = 'She is sexually active.'
  const under13 = only(text, 'sexual-activity', { childDob: '2014-05-01', date: '2026-04-30' })
  assert.equal(under13.severity, 'high')
  assert.match(under13.reason, /under 13/)
  assert.ok(under13.suggestions.some((s) => /raped/.test(s)))
  const at13 = only(text, 'sexual-activity', { childDob: '2014-05-01', date: '2027-05-01' })
  assert.match(at13.reason, /13 to 15/)
  assert.deepEqual(rules(text, { childDob: '2010-01-01', date: '2026-06-01' }), [])
  assert.deepEqual(rules('She had sex with her boyfriend.', { childDob: '2012-01-01', date: '2026-06-01' }), [
    'sexual-activity',
  ])
})

test('sexual activity with an adult is abuse at any age under 18', () => {
  for (const text of [
    'She had sex with a 24-year-old.',
    'She is sexually active with an older man.',
    'She has been sleeping with an adult.',
  ]) {
    const f = only(text, 'sexual-activity', { childDob: '2009-01-01', date: '2026-06-01' })
    assert.equal(f.severity, 'high', text)
    assert.match(f.reason, /adult/)
  }
  assert.deepEqual(
    rules('She had sex with a 24-year-old.', { childDob: '2000-01-01', date: '2026-06-01' }),
    [],
    'an adult is not a child',
  )
})

test('without a date of birth the age rules say what they need, at lower severity', () => {
  const f = only('She is sexually active.', 'sexual-activity')
  assert.equal(f.severity, 'low')
  assert.match(f.reason, /date of birth/)
  const withoutDate = only('She is sexually active.', 'sexual-activity', { childDob: '2014-01-01' })
  assert.match(withoutDate.reason, /date of birth \(and the note's date\)/)
})

test('sexual activity about an adult is not flagged', () => {
  assert.deepEqual(rules('Her mother is sexually active and uses contraception.'), [])
})

test('"boyfriend" and "relationship" are flagged only when the other person is an adult', () => {
  for (const text of [
    'Her boyfriend, who is 24, collects her.',
    'She has an older boyfriend.',
    'She is in a relationship with a man aged 30.',
  ]) {
    assert.deepEqual(rules(text), ['adult-relationship'], text)
  }
  for (const text of [
    'Her boyfriend, aged 15, attends her school.',
    'Her relationship with her foster carer is good.',
    "Mum's boyfriend, who is 35, has moved in.",
    'Her relationship with her older brother is strained.',
    'She calls him her boyfriend; he is 24 and police are investigating.',
  ]) {
    assert.deepEqual(rules(text), [], text)
  }
  assert.deepEqual(
    rules('Her boyfriend is 19.', { childDob: '2007-01-01', date: '2026-06-01' }),
    [],
    'the young person is an adult',
  )
})

test('"working for" and "recruited" are flagged only about criminal exploitation', () => {
  assert.deepEqual(rules('He has been working for a gang and selling cannabis.').sort(), ['drug-labels', 'working-for'])
  assert.deepEqual(rules('He was recruited into county lines.'), ['working-for'])
  assert.deepEqual(rules('Mum is working for a care agency.'), [])
  assert.deepEqual(rules('Adults recruited him into county lines.'), [], 'adults did the recruiting')
})

test('negated and disowned uses are not flagged', () => {
  for (const text of [
    'This is not a lifestyle choice.',
    'She is not choosing to go missing; adults are controlling her.',
    'It is wrong to say she is putting herself at risk.',
    'Rather than saying he is a drug runner, record that he is criminally exploited.',
    'Calling this transactional sex is victim blaming.',
    'She did not go with them willingly.',
    'No child chooses to be exploited.',
    'We must not describe Abigail as absconding; she was missing and at risk.',
  ])
    assert.deepEqual(rules(text), [], text)
  // a negation elsewhere in the sentence does not hide the finding
  assert.deepEqual(rules('She does not realise she is putting herself at risk.'), ['putting-self-at-risk'])
  // nor does a negated verb with an object of its own
  assert.deepEqual(rules("Mum cannot cope with Leah's lifestyle choices."), ['lifestyle-choice'])
  assert.deepEqual(rules('She is not only putting herself at risk but others too.'), ['putting-self-at-risk'])
})

test("the child's words in quotation marks are not flagged; unattributed quotes are flagged low", () => {
  for (const text of [
    'She said "I put myself at risk".',
    'She told me: “he’s my boyfriend and he is 25”.',
    '"I\'m a party girl," she said.',
    'In her words, ‘I went willingly’.',
  ]) {
    assert.deepEqual(rules(text), [], text)
  }
  // a quotation placed in a document is attributed; "it appears" alone says nothing about whose words
  assert.deepEqual(rules("'Chose to go back' appears in the chronology twice."), [])
  assert.deepEqual(rules("She 'chose to go back' it appears."), ['choosing-to'])
  const scare = only('She is a "party girl".', 'party-girl')
  assert.equal(scare.severity, 'low')
  assert.match(scare.reason, /quotation marks/)
  // the same words outside the quotation are still the writer's
  assert.deepEqual(rules('She said "I am fine" but she is promiscuous.'), ['promiscuous'])
})

test('the same words used harmlessly are not flagged', () => {
  for (const text of [
    'She is at risk of exploitation.',
    'The risk she was put at by adults is significant.',
    'She put herself forward for the school council.',
    'She consented to the referral.',
    'She sleeps with the light on.',
    'She chose to tell her teacher.',
    'An adult sent her explicit pictures.',
    'She was coerced into sending images.',
    'She has been missing three times this month.',
    'Adults are using him to sell drugs.',
  ]) {
    assert.deepEqual(rules(text), [], text)
  }
})

test('"taking risks" said of a child is flagged as risk-taking, whoever "they" are; said of an adult or a thing it is not', () => {
  const f = only('They were taking risks.', 'risk-taking')
  assert.equal(f.phrase, 'were taking risks')
  assert.deepEqual(f.suggestions, ['were being exploited', 'were at risk of exploitation'])
  assert.match(f.source, /[A-Z][a-z]/)
  assert.doesNotMatch(f.source, /\.(ts|json|md)\b|\//)
  for (const text of ['They take risks.', 'She was taking risks with older men.', 'They have been taking chances.'])
    assert.deepEqual(rules(text), ['risk-taking'], text)
  for (const text of [
    'The driver was taking risks on the motorway.',
    'The men were taking risks by meeting her in public.',
    'We were taking risks by closing the case early.',
    'The plan takes risks with her safety.',
  ])
    assert.deepEqual(rules(text), [], text)
})

test("a bad date is the caller's mistake, not a finding", () => {
  assert.throws(() => checkText('text', { childDob: '2014-13-01', date: '2026-01-01' }), DateInputError)
  assert.throws(() => checkText('text', { childDob: '2014-13-01' }), DateInputError, "also without the note's date")
})

test('findings are in text order and one phrase gives one finding per rule', () => {
  const found = checkText('She keeps going missing. She is promiscuous and streetwise.')
  assert.deepEqual(
    found.map((f) => f.rule),
    ['keeps-going-missing', 'promiscuous', 'streetwise'],
  )
  assert.equal(
    checkText('She is putting herself at risk at risk').filter((f) => f.rule === 'putting-self-at-risk').length,
    1,
  )
})

test("every row of the domain page's Language table is caught", () => {
  const rows: [string, string, { childDob?: string; date?: string }?][] = [
    ['She keeps putting themselves at risk.', 'putting-self-at-risk'],
    ['She is sexually active.', 'sexual-activity', { childDob: '2015-01-01', date: '2027-06-01' }],
    ['She had sex with a boy.', 'sexual-activity', { childDob: '2012-01-01', date: '2026-06-01' }],
    ['She is sexually active with an adult.', 'sexual-activity', { childDob: '2009-01-01', date: '2026-06-01' }],
    ['She is in a relationship with a 30-year-old.', 'adult-relationship'],
    ['Her boyfriend is 26.', 'adult-relationship'],
    ['This is child prostitution.', 'prostitution'],
    ['She has been contacting adult males.', 'contacting-adults'],
    ['She is sending explicit pictures to an adult.', 'sending-images'],
    ['It is her lifestyle choice.', 'lifestyle-choice'],
    ['She is making risky choices.', 'poor-choices'],
    ['She is making poor decisions.', 'poor-choices'],
    ['He was recruited into a county line.', 'working-for'],
    ['He is working for a drugs gang.', 'working-for'],
    ['She keeps going missing.', 'keeps-going-missing'],
    ['The sex was consensual.', 'consensual'],
    ['She is promiscuous.', 'promiscuous'],
  ]
  for (const [text, rule, options] of rows) assert.ok(rules(text, options).includes(rule), `${rule} in "${text}"`)
})

test('the further phrases from published guidance are caught', () => {
  const cases: [string, string][] = [
    ['She is engaging in risky behaviour.', 'risk-taking'],
    ['She is very streetwise.', 'streetwise'],
    ['She was asking for it.', 'blame'],
    ['She went with him willingly.', 'willingly'],
    ['She is choosing to stay with the men.', 'choosing-to'],
    ['She no longer wants to engage with the CSE worker.', 'not-engaging'],
    ['She has a sugar daddy.', 'sugar-daddy'],
    ['This is transactional sex.', 'transactional-sex'],
    ['She is prostituting herself.', 'prostitution'],
    ['She is hanging around with older men.', 'associating-with-adults'],
    ['He is a drug runner.', 'drug-labels'],
    ['She absconded from her placement.', 'absconding'],
    ['She has been sexting.', 'sexting'],
    ['She is a party girl.', 'party-girl'],
  ]
  for (const [text, rule] of cases) assert.ok(rules(text).includes(rule), `${rule} in "${text}"`)
  assert.deepEqual(rules('He no longer wants to engage with the football club.'), [], 'not about exploitation or help')
})

test('an adult named in the sentence before counts when the sentence refers back to him', () => {
  assert.deepEqual(rules('She was found with a 27-year-old man. It is believed they are in a relationship.'), [
    'adult-relationship',
  ])
  assert.deepEqual(rules("Mum's boyfriend is 35. She has a boyfriend at school."), [])
})

test('choice, consent and "agreed" language is flagged under 18 and not of an adult', () => {
  const text = 'She agreed to meet him at the hotel.'
  assert.deepEqual(rules(text, { childDob: '2008-06-01', date: '2026-05-31' }), ['consensual'], 'aged 17')
  assert.deepEqual(rules(text, { childDob: '2008-06-01', date: '2026-06-01' }), [], 'aged 18')
  assert.deepEqual(rules(text), ['consensual'], 'age unknown')
  assert.deepEqual(
    rules('Her choice to go back to the flat is a lifestyle choice.', { childDob: '2000-01-01', date: '2026-01-01' }),
    [],
  )
})

test('who it is about: the same words said of an adult, a relative or a thing are not flagged', () => {
  for (const text of [
    'Mum has chosen not to attend the conference.',
    'The suspect is manipulative and has coached her.',
    'Her phone keeps going missing at school.',
    'The climbing trip involved some risky activities, all supervised.',
    'Older sister, 22, is in a relationship with a man with convictions.',
    'Dad willingly got in the police car and was cooperative throughout.',
  ])
    assert.deepEqual(rules(text), [], text)
  // a child named by someone else's label is what the label is said of
  assert.deepEqual(rules('The worker described Leah as promiscuous.'), ['promiscuous'])
  assert.deepEqual(rules('Staff called her promiscuous.'), ['promiscuous'])
  assert.deepEqual(rules('The worker described the boyfriend as promiscuous.'), [])
  // and of the child they are
  assert.deepEqual(rules('She has chosen not to attend school and keeps going missing.'), [
    'choosing-to',
    'keeps-going-missing',
  ])
  assert.deepEqual(rules('Staff noted Ruby was exposing herself to dangerous adults.'), ['putting-self-at-risk'])
})

test('negation reaches a reported or inferred clause, not a clause of its own', () => {
  assert.deepEqual(rules('He did not go missing by choice; the line holders told him where to be.'), [])
  assert.deepEqual(rules('Her return to the address does not mean she was consenting.'), [])
  assert.deepEqual(rules('We do not accept that she should have known better.'), [])
  assert.deepEqual(rules('She does not realise she is putting herself at risk.'), ['putting-self-at-risk'])
})

test("an audit's challenge of someone else's wording, and an adult's claim, are not the writer's words", () => {
  for (const text of [
    "The panel rejected the suggestion that she was 'trading sex for drugs'.",
    "I challenged the duty officer's comment that she 'knew what she was doing'.",
    "The earlier entry stating she 'refused to engage' has been annotated: no consistent worker was offered.",
    "Supervision discussed whether Grace 'agreed' to go with the man.",
    'The 25-year-old claims they are in a relationship; that claim is part of the grooming.',
  ])
    assert.deepEqual(rules(text), [], text)
})

test('blame said in words no list names is found by its meaning', () => {
  for (const [text, rule] of [
    ['She should have realised what he was after.', 'hindsight'],
    ['He has been working the line in Cornwall and is paid per run.', 'criminal-job'],
    ['She prefers the company of older men to her family.', 'wanting-the-harm'],
    ['She wilfully went missing from the unit.', 'willingly'],
  ] as const)
    assert.ok(rules(text).includes(rule), `${text}: ${rules(text).join(', ')}`)
})

test('a pasted run of letters, or of words with no full stop, is checked like any text and keeps its places', () => {
  assert.equal(boundWords('ab ' + 'x'.repeat(100) + ' cd').length, 106)
  assert.equal(boundWords('ab ' + 'x'.repeat(100) + ' cd'), 'ab ' + 'x'.repeat(LONGEST_WORD) + ' '.repeat(36) + ' cd')
  assert.deepEqual(checkText('A'.repeat(300_000)), [])
  const long = 'we talked about school and friends and home '.repeat(400) + 'She is putting herself at risk.'
  const findings = checkText(long)
  assert.ok(findings.length > 0, 'the finding at the end of a long text is still found')
  assert.equal(long.slice(findings[0].start, findings[0].end).toLowerCase().includes('putting herself at risk'), true)
})

test('negation reaches a clause whose subject is the child by name, as it does with "she"', () => {
  for (const text of [
    'There is no suggestion that Summer agreed to the abuse.',
    'There is no evidence that Amy chose this.',
    'Nothing suggests that Bethany consented to it.',
  ])
    assert.deepEqual(rules(text), [], text)
  // a clause of its own is still not negated
  assert.deepEqual(rules('Staff do not realise Amy is putting herself at risk.'), ['putting-self-at-risk'])
  assert.deepEqual(rules('Amy chose the abuse.'), ['wanting-the-harm'])
})

test('a relationship between near peers (16 or 17 with someone at most two years older) is not an adult abuser', () => {
  assert.deepEqual(rules('Tegan (17) is in a relationship with an 18-year-old she met at college.'), [])
  assert.deepEqual(
    rules('She is in a relationship with a 19-year-old from college.', { childDob: '2007-01-01', date: '2024-06-01' }),
    [],
  )
  for (const text of [
    'Tegan (15) is in a relationship with an 18-year-old.',
    'Tegan (17) is in a relationship with a 24-year-old.',
    'Tegan (17) is in a relationship with an older man aged 19.',
  ])
    assert.deepEqual(rules(text), ['adult-relationship'], text)
})

test("a child's name with 's is a possessive like her or his", () => {
  assert.ok(rules("Kayla's own choices led to what happened at the flat.").includes('own-behaviour'))
  assert.deepEqual(rules("Jordan's lifestyle now includes late nights with older men."), ['lifestyle-choice'])
  // a healthier way of living, or a child's own birthday money, is not the harm
  assert.deepEqual(rules('Priya wants to make healthier lifestyle choices and has started swimming.'), [])
  assert.deepEqual(rules('Callum decided to spend the money from his nan on football boots.'), [])
})

test('quoted words in a list share one attribution; a writer who agrees with them owns them', () => {
  assert.deepEqual(rules('The audit criticised the referral for calling her "mature" and the abuse "consensual".'), [])
  assert.deepEqual(rules('The practice review noted that "took herself missing" recurs in the log.'), [])
  const endorsed = checkText("The officer noted 'she consented to it' and we agree with that view.", {
    childDob: '2010-01-01',
    date: '2024-06-01',
  })
  assert.equal(endorsed.length > 0, true)
})

test('wording that a sentence rules out is not flagged: "should never be described as"', () => {
  assert.deepEqual(rules('A girl of 14 must not be described as promiscuous.'), [])
  assert.deepEqual(rules('The nurse described her as promiscuous.'), ['promiscuous'])
})

test('paraphrases of blame: the ringleader, grooming younger children, hindsight, a passive decision', () => {
  assert.deepEqual(
    [...new Set(rules('Shannon is the ringleader and she brings the younger girls along to the house.'))],
    ['recruiting-others'],
  )
  assert.deepEqual(rules('Tyler (14) has been grooming younger boys to sell for the line.'), ['recruiting-others'])
  assert.deepEqual(rules('After the assembly on grooming she should have recognised the signs.'), ['hindsight'])
  assert.deepEqual(rules('The choice to stay at the address was made by Keisha herself.'), ['choosing-to'])
  assert.deepEqual(rules('He lied about his age, so the men are not to be blamed.'), ['blame'])
})

test('who: a titled name, an age in brackets past a list of objects, and "he" after ";" for that adult', () => {
  for (const text of [
    'Mr Lomax was seen making risky choices on the A17 and was stopped.',
    'Mr Drabble (23) has a chaotic lifestyle and previous convictions for supplying class A.',
    'Mr Osei, 30, attended the GUM clinic; he is sexually active with several adult partners.',
  ])
    assert.deepEqual(rules(text), [], text)
  // the child named in the clause before, or a child's age in brackets, keeps the words the child's
  assert.deepEqual(rules('The man gave him a lift; he is streetwise.'), ['streetwise'])
  assert.deepEqual(rules('Mr Osei met Leah at the clinic; she is streetwise.'), ['streetwise'])
  assert.ok(rules('Leah (14) has a chaotic lifestyle and makes risky choices.').includes('poor-choices'))
})

test("a person's reported view that the note answers is theirs, not the record's", () => {
  for (const text of [
    'Jayden feels it was his fault. I told him clearly that the adults are responsible, not him.',
    'The suspect, 23, says Skye was a willing participant; the reviewing lawyer rejects this, as a 14-year-old cannot consent.',
    'The taxi driver said Alina "knew what she was doing"; officers recorded this as a concern about the driver.',
    'The suspect\'s claim that Ieva "looked 18" does not affect his liability.',
  ])
    assert.deepEqual(rules(text, { childDob: '2010-01-01', date: '2024-06-01' }), [], text)
  // left unanswered, or in the writer's own voice, it stands
  assert.deepEqual(rules('Jayden feels it was his fault.'), ['blame'])
  assert.deepEqual(rules('Mum says she was a willing participant.'), ['willingly'])
  assert.deepEqual(rules('I told her it was her own fault; she went quiet.'), ['blame'])
  // more of the reported words is not the note's answer
  assert.deepEqual(rules('Mum says Paige is bringing it on herself and is beyond control.'), ['blame'])
})

test('agreeing to what a service offers is not consent to harm; the child weighed against the adults is blame', () => {
  const dob = { childDob: '2010-01-01', date: '2024-06-01' }
  assert.deepEqual(rules('Oliwia agreed to have the return interview at school with the youth worker.', dob), [])
  assert.deepEqual(rules('She agreed to meet the men at the flat.', dob), ['consensual'])
  assert.deepEqual(rules('Oliwia (14) is as responsible as the adults for what went on at the party.'), ['blame'])
  assert.deepEqual(rules('Tegan was the instigator: she messaged him first.'), ['blame'])
  assert.deepEqual(rules("Mateusz's drug debt is self-inflicted."), ['blame'])
  assert.deepEqual(rules('Mum is as responsible as Dad for the rent. The cuts are self-inflicted.'), [])
})
