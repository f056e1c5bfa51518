#!/usr/bin/env node
// language/r6.csv: 400 sentences `id,label,notes,text`, 200 harmful and 200 careful, shuffled.
// Seed 6071207. Usage: node gen-language.mjs [out.csv]
// Shapes chosen to differ from earlier rounds: questions, conditionals, modal "needs to" blame,
// nominalised blame ("her involvement in"), shorthand clinical and police notes, euphemisms, blame
// placed in a list, reported opinion stated as fact; careful ones reverse the agency, quote the child,
// use the same words of adults or of ordinary things, or criticise the wording.
import { rng, csvLine, writeOut } from './lib.mjs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, 'language', 'r6.csv')
const r = rng(6071207)

const GIRLS = ['Tayla', 'Keeley', 'Maddison', 'Roxanne', 'Sienna', 'Danica', 'Leona', 'Brogan', 'Aaliyah', 'Mercedes', 'Kerys', 'Nevaeh', 'Skye', 'Amira', 'Oriana', 'Jodie', 'Marnie', 'Hollie', 'Esme', 'Kacey', 'Ffion', 'Yasmin', 'Lexi', 'Shauna', 'Tegan', 'Precious', 'Alina', 'Lorna']
const BOYS = ['Kobe', 'Rhys', 'Levi', 'Tristan', 'Deacon', 'Kian', 'Ashton', 'Zak', 'Bailey', 'Reggie', 'Junior', 'Harvey', 'Cody', 'Malik', 'Taylan', 'Jenson', 'Rio', 'Alfie', 'Corey', 'Idris']
const MEN = ['a 31-year-old man', 'the 26-year-old', 'Mr Hollins (40)', 'an older male known as "Bags"', 'two men in their twenties', 'the landlord of the flat', 'a 22-year-old from Bolton', 'Mr Qureshi (35)', 'the taxi driver', 'an adult male she met on Snapchat']
const PLACES = ['the flat on Cable Street', 'the car wash', 'the hotel by the ring road', 'the park behind the leisure centre', 'the shisha bar', 'Preston bus station', 'a trap house in Blackburn', 'the caravan site', 'the takeaway on Fenton Road', 'a house party in Darwen']
const PREFIX = ['', '', '', '', 'PC 2286: ', 'SW note: ', 'Duty log: ', 'Triage: ', 'Health visitor: ', 'Pastoral lead: ', 'Residential staff log: ', 'LADO minutes: ', 'Custody record: ', 'A&E triage: ', 'Key worker: ', 'Early help: ', 'Panel minutes: ']

// harmful templates ({n} name, {p} pronoun subject, {o} object, {ps} possessive, {m} man, {pl} place, {a} age)
const HARMFUL = [
  ['question', 'Why does {n} keep going back to {pl} if {p} does not want to be there?'],
  ['question', 'If {n} is so frightened of {m}, why did {p} get back in his car the next night?'],
  ['conditional', 'If {n} stopped going to {pl}, none of this would keep happening.'],
  ['conditional', 'Had {n} listened to staff and stayed in, {p} would not have been assaulted.'],
  ['modal', '{n} needs to take responsibility for {ps} own safety around {m}.'],
  ['modal', '{n} must learn to keep {o}self away from these men.'],
  ['modal', '{n} has to start making better decisions about who {p} spends time with.'],
  ['modal', 'Advised {n} that {p} should stop putting {o}self in harm\'s way at {pl}.'],
  ['nominal', 'Concerns remain about {n}\'s involvement in the sex trade in the town centre.'],
  ['nominal', '{n}\'s drug dealing activity has increased since the summer.'],
  ['nominal', 'Her association with older males is a choice {n} continues to make.'],
  ['nominal', '{n}\'s sexual relationship with {m} appears to be ongoing.'],
  ['shorthand', 'Hx: absconding, promiscuity, cannabis. {n} self-placing at risk again.'],
  ['shorthand', 'Misper x9 this month – {n} voluntarily missing, no concerns for welfare.'],
  ['shorthand', 'Pt ({a}) states sexually active with 28yo boyfriend, consensual.'],
  ['shorthand', 'YP {n} – known street runner, supplying class A for own gain.'],
  ['euphemism', '{n} is a bit of a party girl and likes the attention from older lads.'],
  ['euphemism', '{n} has a sugar daddy who buys {o} phones and clothes.'],
  ['euphemism', '{n} hangs around with the wrong crowd by preference.'],
  ['euphemism', '{n} is known to be "up for it" according to peers.'],
  ['complicit', 'Officers felt {n} was complicit in what happened at {pl}.'],
  ['complicit', '{n} is colluding with the men and will not give their names.'],
  ['complicit', '{n} appears to be benefiting from the arrangement with {m}.'],
  ['complicit', '{n} clearly gets something out of going to {pl}.'],
  ['manipulative', '{n} is manipulative and knows how to play the system to get what {p} wants.'],
  ['manipulative', '{n} uses going missing to get attention from staff.'],
  ['exchange', '{n} exchanged sexual activity for cannabis and a place to sleep.'],
  ['exchange', '{n} offered sex to {m} to clear {ps} debt.'],
  ['exchange', '{n} is working as an escort at weekends.'],
  ['relationship', '{n} is the girlfriend of {m}.'],
  ['relationship', '{n} has been seeing {m} for three months and says she loves him.'],
  ['relationship', '{n} and {m} are an item.'],
  ['criminal', '{n} is an active gang member and sells drugs around {pl}.'],
  ['criminal', '{n} got into debt with the line because he spent the money on trainers.'],
  ['criminal', '{n} is a willing courier who travels to {pl} for cash.'],
  ['criminal', '{n} has chosen a criminal lifestyle over school.'],
  ['sexualised', '{n} engaged in sexual activity with {m} in his car.'],
  ['sexualised', '{n} had intercourse with {m} at {pl}.'],
  ['sexualised', '{n} is sexually precocious and flirts with adult men.'],
  ['maturity', '{n} presents as much older than {a} and can look after {o}self.'],
  ['maturity', '{n} is mature for {ps} age and knew what {p} was getting into.'],
  ['list-blame', 'Risk factors: {n}\'s poor choices, {ps} attitude, {ps} associates.'],
  ['list-blame', 'Contributing factors identified: {n} lying to carers, {n} drinking, {n} going to {pl}.'],
  ['passive', 'Sexual activity took place between {n} and {m}; no coercion was reported.'],
  ['passive', 'Images were sent by {n} to {m} of {ps} own accord.'],
  ['disbelief', '{n} tends to exaggerate and this allegation should be treated with caution.'],
  ['disbelief', '{n} has made things up before, so the account of {pl} is doubtful.'],
  ['carer', 'Mum says {n} brings it on {o}self by going out dressed like that.'],
  ['self-exploit', '{n} is self-exploiting online for money.'],
  ['noncoop', '{n} is hostile to police and does not want to be helped.'],
]
const CAREFUL = [
  ['reversed', '{m} has been giving {n} alcohol and cannabis at {pl}.'],
  ['reversed', 'Adults at {pl} have been contacting {n} through Snapchat.'],
  ['reversed', '{m} is using a debt to control {n}.'],
  ['reversed', '{n} ({a}) is being sexually exploited by {m}.'],
  ['reversed', '{n} has been groomed; {m} bought {o} a phone and topped it up.'],
  ['reversed', '{n} is being criminally exploited and was found with drugs {p} was made to carry.'],
  ['reversed', '{n} was raped at {pl}; {p} is {a} and cannot consent.'],
  ['quote', '{n} said: "I go there because I want to, he\'s my boyfriend." {m} is an adult exploiting {o}.'],
  ['quote', '{n} told me "it was my choice" – in my view {p} has been groomed to believe this.'],
  ['quote', 'In {ps} words, "nobody makes me do anything." Staff recognise this as a sign of control.'],
  ['negation', '{n} is not choosing to go missing; adults are taking {o} to {pl}.'],
  ['negation', 'This was not consensual: {n} is {a} and {m} is an adult.'],
  ['negation', '{n} is not in a relationship with {m}; he is abusing {o}.'],
  ['negation', '{n} is not a gang member; {p} is a child being criminally exploited.'],
  ['critique', 'The audit criticised the phrase "self-placing at risk" used in {n}\'s record.'],
  ['critique', 'Supervision: the earlier note calling {n} "promiscuous" has been challenged and corrected.'],
  ['critique', 'Panel agreed that describing {n} as "complicit" was victim-blaming.'],
  ['critique', 'Reflective note: we wrote that {n} "chose" to go to {pl}; that was wrong.'],
  ['ordinary', '{n} chose to sit {ps} maths exam early and passed.'],
  ['ordinary', '{n} put {o}self forward for the school council.'],
  ['ordinary', '{n} has a relationship with a boy in {ps} year; both are {a} and it was discussed with school nurse.'],
  ['ordinary', '{n} agreed to the return interview and asked for the same worker.'],
  ['ordinary', '{n} consented to information being shared with the GP.'],
  ['ordinary', '{n} went missing for an hour and was found at {ps} nan\'s house.'],
  ['ordinary', '{n} is working hard for {ps} Duke of Edinburgh award.'],
  ['ordinary', '{n} has been recruited to the county under-{a}s squad.'],
  ['ordinary', '{n} made a good decision to call the Childline number on {ps} safety plan.'],
  ['ordinary', '{n} enjoys the attention of the drama teacher when performing.'],
  ['ordinary', '{n} exchanged {ps} old phone for a newer one at the shop with mum.'],
  ['engagement', 'We have not yet found a way to engage {n}; the worker will try a different approach.'],
  ['engagement', 'Services need to build trust with {n} before asking about {pl} again.'],
  ['risk-from', '{n} is at risk from {m}, who has been seen waiting outside school.'],
  ['risk-from', 'Police intelligence links {m} to {pl}, where {n} has been found twice.'],
  ['adult', '{m} is in a relationship with a woman of 30; no concerns about that relationship.'],
  ['adult', '{m} chose to deal drugs and has been charged.'],
  ['adult', 'Mum made a poor decision to let {m} stay at the house.'],
  ['adult', '{m} is sexually active with adult partners; this is not a safeguarding concern.'],
  ['adult', '{m} was promiscuous with the truth in interview, according to the officer.'],
  ['adult', 'The suspect, {m}, is streetwise and knows how to avoid the police.'],
  ['plan', 'Plan: disrupt {m}, notify hotel staff at {pl}, and keep {n} safe.'],
  ['plan', 'Strategy meeting: {n} is a victim of exploitation; actions for police and school agreed.'],
  ['plan', 'Return interview held; {n} disclosed that {m} threatens {o} if {p} does not go.'],
  ['question', 'Who is taking {n} to {pl}, and how is {m} getting {ps} number?'],
  ['conditional', 'If {m} contacts {n} again, staff will call 999 and record the vehicle.'],
  ['modal', 'We need to make sure {n} has a trusted adult {p} can call at night.'],
]
const adults = { 'adult': true }
const rows = []
const seen = new Set()
function fill(t, kind) {
  const girl = /girl|she loves|Her association|escort|sugar daddy|flirts|dressed like/.test(t) ? true : /because he spent|willing courier/.test(t) ? false : r.chance(0.7)
  const n = r.pick(girl ? GIRLS : BOYS)
  const a = r.int(11, 17)
  const p = girl ? 'she' : 'he', o = girl ? 'her' : 'him', ps = girl ? 'her' : 'his'
  const text = t.replace(/\{n\}/g, n).replace(/\{p\}/g, p).replace(/\{o\}/g, o).replace(/\{ps\}/g, ps).replace(/\{m\}/g, () => r.pick(MEN)).replace(/\{pl\}/g, () => r.pick(PLACES)).replace(/\{a\}/g, String(a))
  const showAge = !t.includes('{a}') && !adults[kind] && r.chance(0.4)
  let s = text[0].toUpperCase() + text.slice(1)
  if (showAge) s = s.replace(n, r.pick([`${n} (${a})`, `${n}, aged ${a},`, `${a}-year-old ${n}`]))
  return { text: r.pick(PREFIX) + s, age: a, inText: t.includes('{a}') || showAge }
}
for (const [label, list] of [['harmful', HARMFUL], ['careful', CAREFUL]]) {
  let i = 0, guard = 0
  while (rows.filter((x) => x.label === label).length < 200 && guard++ < 100000) {
    const [kind, t] = list[i++ % list.length]
    const f = fill(t, kind)
    if (seen.has(f.text)) continue
    seen.add(f.text)
    const notes = adults[kind] ? `${kind}; about an adult; ${list.indexOf(list.find((x) => x[1] === t)) + 1}` : `${kind}; age ${f.age}${f.inText ? '' : ', not in text'}; t${list.findIndex((x) => x[1] === t) + 1}`
    rows.push({ label, notes, text: f.text })
  }
}
r.shuffle(rows)
writeOut(out, [csvLine(['id', 'label', 'notes', 'text']), ...rows.map((x, i) => csvLine([`r6-${String(i + 1).padStart(3, '0')}`, x.label, x.notes, x.text]))].join('\n') + '\n')
console.log(JSON.stringify({ rows: rows.length, harmful: rows.filter((x) => x.label === 'harmful').length, careful: rows.filter((x) => x.label === 'careful').length }))
