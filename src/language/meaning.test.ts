// Lexicon 2026.12.6: blame read by its meaning (who acts, what is attributed to the child) rather
// than by the words of any evaluation set. Every sentence here was written for this file; each
// harmful one is missed by 2026.12.5, and each careful one beside it must stay unflagged.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rulesFor as rules } from './sentences-under-test.ts'

function flags(rule: string, harmful: string[], careful: string[]): void {
  for (const text of harmful)
    assert.ok(rules(text).includes(rule), `${rule} should flag: "${text}" (got ${rules(text)})`)
  for (const text of careful) assert.deepEqual(rules(text), [], `should not flag: "${text}"`)
}

test('the onus put on the child to stop her own abuse', () => {
  flags(
    'onus-on-child',
    [
      'Poppy has to start keeping herself safe when she is out.',
      'It is up to Jayden to stay away from the older boys.',
      'The onus is on her to report the men.',
      'He must learn to keep himself away from the car park.',
      'They will have to stop meeting them after school.',
    ],
    [
      'We need to help her keep herself safe.',
      'Professionals must keep her safe; it is not for Poppy to protect herself.',
      'She needs support to feel safe at home.',
      'Staff have to stop the men contacting her.',
    ],
  )
})

test('permission for the abuse attributed to the child', () => {
  flags(
    'permitted-abuse',
    [
      'Carly let the two men film her in the bathroom.',
      'He allowed a 30-year-old to film him.',
      'She just let it happen.',
    ],
    ['Mum let him stay over at weekends.', 'The school allowed her to leave early for the appointment.'],
  )
})

test('the child made the one who began or sought the contact', () => {
  flags(
    'invited-abuse',
    ['She initiated the contact with the 40-year-old on Instagram.', 'He invited the attention.'],
    ['The man initiated contact with her through a game.', 'She invited her aunt to the review meeting.'],
  )
})

test('non-engagement given as the reason protection stops', () => {
  flags(
    'inaction-blamed-on-child',
    [
      'Tia does not regard herself as a victim, therefore we are closing the case.',
      'He will not make a statement, so the case is closed.',
    ],
    ['Tia does not regard herself as a victim yet; this is common in grooming and we will keep visiting.'],
  )
})

test("the child's account doubted because of who she is", () => {
  flags(
    'disbelief',
    [
      'Ava tends to embellish and her disclosure should be taken with a pinch of salt.',
      'Her allegations should be treated with suspicion.',
    ],
    ['Her disclosure must be heard and investigated without delay.', 'The suspect tends to exaggerate his income.'],
  )
})

test('a liar with a word between is still the label', () => {
  assert.ok(rules('He is a known liar.').includes('labels'))
})

test('collusion, gain and self-exploitation attributed to the child', () => {
  flags(
    'complicit',
    [
      'Zain is colluding with the olders and will not name them.',
      'She clearly gets a lot out of seeing him.',
      'Mia is self-exploiting online.',
      'He benefits from the arrangement with the older man.',
    ],
    ['The two officers colluded to hide the evidence.', 'He benefits from the arrangement with his school counsellor.'],
  )
})

test('blame by counterfactual and by question', () => {
  flags(
    'hindsight',
    [
      'If Maisie kept away from the flat, none of this would happen.',
      'Why does she keep going back to him?',
      'Had Maisie (14) stayed at home, she would not have been hurt.',
    ],
    [
      'If she stops going to school, we will make a referral.',
      'Even if she had said yes, a 14-year-old cannot consent to this.',
    ],
  )
})

test('absence of force offered as agreement; sexual activity in the passive', () => {
  flags(
    'minimising',
    ['No threats were made and no force was used when she went to the flat.'],
    ['No force was used, but a child of 14 cannot consent.'],
  )
  assert.ok(rules('Sex was had with a 30-year-old in the car park.').includes('sexual-activity'))
  assert.ok(rules('She engaged in sexual activity with the driver.').includes('sexual-activity'))
  assert.deepEqual(rules('Ms Price (42) is sexually active and attends the clinic.'), [])
})

test('choice, warnings and autonomy in new words', () => {
  assert.ok(rules('Kian continues to make his own choices about who he sees.').includes('choosing-to'))
  assert.ok(
    rules('The decision to get in the car at the back of the retail park was made by Kian alone.').includes(
      'choosing-to',
    ),
  )
  assert.ok(rules('Was she choosing to stay?').includes('choosing-to'))
  assert.ok(rules('She was warned about the man at the bus station and went anyway.').includes('not-listening'))
  assert.ok(rules('He went back despite repeated warnings.').includes('not-listening'))
  assert.ok(rules('Lacey wanted to be with Mr Grant.').includes('choosing-to'))
  assert.ok(rules('She is her own worst enemy.').includes('blame'))
  assert.ok(rules('She told him she was 18 so he could not have known.').includes('blame'))
  assert.deepEqual(rules('Kian is supported to make his own choices about his college course.'), [])
})

test('criminal exploitation described as work the child sought or gained from', () => {
  assert.ok(rules('Found with wraps in his sock. He went looking for that kind of work again.').length > 0)
  assert.ok(rules('He is known as a street runner, supplying class A for his own gain.').includes('drug-labels'))
  assert.deepEqual(rules('He went looking for work at the garage.'), [])
  assert.deepEqual(rules('Maya has been picked for the county netball squad.'), [])
  // made to sell drugs some words away is exploitation named, not a label
  assert.deepEqual(rules('He has been trafficked to a flat on the coast to sell drugs.'), [])
})

test('who a clause is about: an adult named by an age, a preposition, an apposition or a clause without who', () => {
  for (const text of [
    'Ms Dunn (36) works for a cleaning firm.',
    'The 29-year-old is sexually active with adult partners.',
    'The owner of the garage is in a relationship with a woman of 40.',
    'A 31-year-old from Leeds was promiscuous with the facts in interview.',
    'The suspect, the van driver, is streetwise and avoids cameras.',
    'The suspect, a man she met at the shop, is streetwise.',
    'A man she met online chose to sell drugs and has been charged.',
    'The landlord is sexually active with adult partners; this is not a safeguarding concern.',
  ])
    assert.deepEqual(rules(text), [], text)
  // a child joined to an adult is still the child
  assert.ok(rules('Kai, aged 15, and a 26-year-old are an item.').includes('adult-relationship'))
  assert.ok(rules('She and the 24 year old were in a sexual relationship.').length > 0)
  assert.ok(rules('Intercourse with a man in his forties was consensual.').includes('consensual'))
})

test('negation and disowning reach past an age in brackets and a "wrongly"', () => {
  assert.deepEqual(rules('We must not describe Leon (12) as absconding; he was missing.'), [])
  assert.deepEqual(rules('Jess was wrongly recorded as "non-compliant" by the unit.'), [])
  assert.ok(rules('Leon (12) absconded again.').includes('absconding'))
})

test('praise for what the child does is not attention from adults', () => {
  assert.deepEqual(rules('Nia enjoys the attention of the dance teacher at shows.'), [])
  assert.ok(rules('She seems to like the attention from the lodger.').length > 0)
})
