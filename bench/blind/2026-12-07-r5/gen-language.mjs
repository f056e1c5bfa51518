// Blind round 5: 400 case-note sentences (200 harmful, 200 careful) for score-language.mjs.
// Usage: node gen-language.mjs [OUT.csv]   (default: language/sentences.csv beside this script)
// Standalone, no dependencies, fixed seed: the same bytes every run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.argv[2] ?? path.join(HERE, 'language', 'sentences.csv');
let s = 5071207 >>> 0;
const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));

const GIRLS = ['Keira', 'Shannon', 'Amelia', 'Nevaeh', 'Leah', 'Chantelle', 'Precious', 'Zainab', 'Ellie-Mae', 'Kacey', 'Roxanne', 'Gracie', 'Tegan', 'Maisie', 'Jodie', 'Summer', 'Aaliyah', 'Oliwia', 'Destiny', 'Lacey', 'Rhianna', 'Hollie', 'Sadia', 'Kayleigh', 'Brooke', 'Tiana', 'Morgan', 'Abigail', 'Skye', 'Paige', 'Yasmin', 'Casey'];
const BOYS = ['Kyle', 'Tyrese', 'Reece', 'Callum', 'Deshawn', 'Bradley', 'Kai', 'Mason', 'Jayden', 'Ibrahim', 'Connor', 'Liam', 'Riley', 'Tomasz', 'Ashton', 'Kieran', 'Owen', 'Zak', 'Leon', 'Dylan', 'Harvey', 'Ethan'];
const ADULTS = ['a 27-year-old man', 'a man in his thirties', 'a 24-year-old male', 'an older male known as "Dee"', 'a 31-year-old man', 'two adult males', 'a man aged 22', 'the 29-year-old takeaway manager', 'a man of 40', 'a group of adult men', 'the 26-year-old he calls "cuz"', 'a 33-year-old taxi driver'];
const MEN = ['Mr Hussain', 'Mr Kelly', 'Mr Dobson', 'Mr Rahman', 'Mr Whitlock', 'Mr Nowak', 'Mr Grant', 'Mr Boateng'];
const PLACES = ['the flat on Mill Lane', 'a hotel in Bradford', 'the trap house on Ellis Street', 'a car park behind the retail park', 'an address in Leeds', 'the chicken shop on Station Road', 'a Travelodge near the M62', 'the bus station', 'a house in Huddersfield', 'the park behind the leisure centre', 'a flat in Wakefield', 'a caravan at the edge of town'];
const GROUPS = ['the "Blue" line', 'the Leeds line', 'a county line from Manchester', 'the group at the snooker hall', 'the "Jay" phone line', 'the older lads from the estate'];
const PREFIX = ['', '', '', 'PC 4471: ', 'SW: ', 'Case note: ', 'MASH triage: ', 'DSL log: ', 'Strategy minutes: ', 'Referral: ', 'YOT worker: ', 'EDT: ', 'School nurse: ', 'Chronology: ', 'IRO note: ', 'CAMHS letter: ', 'Missing coordinator: ', 'Supervision note: '];

function child(g) {
  const girl = g === 'f' || (g !== 'm' && rnd() < 0.72);
  const n = pick(girl ? GIRLS : BOYS);
  const a = int(10, 17);
  const P = girl ? ['she', 'her', 'her', 'herself', 'She', 'Her', 'girl', 'daughter'] : ['he', 'him', 'his', 'himself', 'He', 'His', 'boy', 'son'];
  const form = rnd();
  let nm = n;
  let inText = true;
  if (form < 0.15) nm = `${n} (${a})`;
  else if (form < 0.28) nm = `${n}, aged ${a},`;
  else if (form < 0.38) nm = `${a}-year-old ${n}`;
  else if (form < 0.45) nm = `${n} (${a}yrs)`;
  else inText = false;
  return { n, nm, a, inText, he: P[0], him: P[1], his: P[2], self: P[3], He: P[4], His: P[5], kid: P[6], off: P[7], adult: pick(ADULTS), man: pick(MEN), place: pick(PLACES), grp: pick(GROUPS) };
}
// Each template: [category, gender ('f','m','any'), fn(c) -> text]
const H = [
  ['choice', 'any', (c) => `${c.nm} chose to go with ${c.adult} again last night.`],
  ['choice', 'any', (c) => `${c.nm} has chosen to return to ${c.place} despite advice.`],
  ['choice', 'any', (c) => `It is ${c.his} choice to keep going to ${c.place}.`],
  ['choice', 'any', (c) => `${c.nm} continues to make ${c.his} own choices about who ${c.he} spends time with.`],
  ['choice', 'any', (c) => `${c.nm} makes ${c.his} own choices and will not be told.`],
  ['choice', 'f', (c) => `${c.nm} knows exactly what she is doing when she gets in the cars.`],
  ['choice', 'any', (c) => `${c.He} made a conscious decision to go to ${c.place} with ${c.adult}.`],
  ['consent', 'f', (c) => `${c.nm} consented to sex with ${c.adult}.`],
  ['consent', 'f', (c) => `The sexual activity with ${c.man} appears to have been consensual as ${c.nm} did not say no.`],
  ['consent', 'any', (c) => `${c.nm} agreed to go to ${c.place} and was not forced.`],
  ['consent', 'any', (c) => `${c.nm} was happy to go with the males and got into the car willingly.`],
  ['consent', 'f', (c) => `${c.nm} wanted to be with ${c.man} and stayed the night at his flat.`],
  ['consent', 'any', (c) => `${c.nm} went willingly to ${c.place} and was a willing participant.`],
  ['consent', 'f', (c) => `Intercourse with ${c.adult} was consensual according to ${c.nm}.`],
  ['consent', 'any', (c) => `${c.nm} agreed to hold the drugs in exchange for trainers.`],
  ['streetwise', 'any', (c) => `${c.nm} is very streetwise and can look after ${c.self}.`],
  ['streetwise', 'f', (c) => `${c.nm} is mature beyond her years and knows how to handle older men.`],
  ['streetwise', 'any', (c) => `${c.nm} is a streetwise young person who knows the risks.`],
  ['streetwise', 'any', (c) => `${c.He} is old enough to know what ${c.he} is getting into.`],
  ['self-risk', 'f', (c) => `${c.nm} put herself in that position by going back to ${c.place}.`],
  ['self-risk', 'any', (c) => `${c.nm} continues to put ${c.self} at risk by associating with ${c.adult}.`],
  ['self-risk', 'any', (c) => `${c.nm} is placing ${c.self} in risky situations on a regular basis.`],
  ['self-risk', 'any', (c) => `${c.nm} is the author of ${c.his} own misfortune.`],
  ['self-risk', 'f', (c) => `${c.nm} puts herself at risk of sexual exploitation through her behaviour.`],
  ['hindsight', 'any', (c) => `${c.nm} should have known better than to get in the car.`],
  ['hindsight', 'any', (c) => `${c.nm} was warned about ${c.adult} and went anyway.`],
  ['hindsight', 'any', (c) => `${c.He} has been told many times about the dangers and ignores the advice.`],
  ['hindsight', 'f', (c) => `${c.nm} only has herself to blame for what happened at ${c.place}.`],
  ['sexualised', 'f', (c) => `${c.nm} is promiscuous and has had several older partners.`],
  ['sexualised', 'f', (c) => `${c.nm} is sexually active with ${c.adult}.`],
  ['sexualised', 'f', (c) => `${c.nm} dresses provocatively and encourages the attention of older males.`],
  ['sexualised', 'f', (c) => `${c.nm} enjoys the attention she gets from the men at ${c.place}.`],
  ['sexualised', 'f', (c) => `${c.nm} has been sleeping around with men from the takeaway.`],
  ['relationship', 'f', (c) => `${c.nm} is in a relationship with ${c.adult}.`],
  ['relationship', 'f', (c) => `${c.nm} stayed over at her boyfriend's flat; he is ${int(23, 38)}.`],
  ['relationship', 'f', (c) => `${c.nm} says ${c.man} is her boyfriend and mum is happy with the relationship.`],
  ['relationship', 'f', (c) => `${c.nm}'s boyfriend (${int(22, 35)}) collected her from school again.`],
  ['relationship', 'f', (c) => `${c.nm} has been dating ${c.adult} for three months.`],
  ['relationship', 'f', (c) => `${c.nm} is seeing an older man who buys her phones and clothes.`],
  ['prostitution', 'f', (c) => `${c.nm} sells herself for cigarettes and vodka.`],
  ['prostitution', 'f', (c) => `${c.nm} exchanged sex for a place to stay.`],
  ['prostitution', 'f', (c) => `${c.nm} is engaging in transactional sex with ${c.adult}.`],
  ['prostitution', 'f', (c) => `${c.nm} has been prostituting herself at ${c.place}.`],
  ['prostitution', 'any', (c) => `${c.nm} trades sexual favours for cannabis.`],
  ['prostitution', 'f', (c) => `${c.nm} is a child prostitute known to officers in the town centre.`],
  ['lifestyle', 'any', (c) => `${c.nm} leads a risky lifestyle and is often out until 3am.`],
  ['lifestyle', 'any', (c) => `${c.nm} has a chaotic lifestyle which ${c.he} is not prepared to change.`],
  ['lifestyle', 'any', (c) => `${c.His} lifestyle choices are placing ${c.him} at risk.`],
  ['lifestyle', 'any', (c) => `${c.nm} is living a street lifestyle by choice.`],
  ['engagement', 'any', (c) => `${c.nm} refuses to engage with services and the case will be closed.`],
  ['engagement', 'any', (c) => `${c.nm} is non-compliant and disengaged; no further action.`],
  ['engagement', 'any', (c) => `${c.nm} is choosing not to engage with the CSE worker.`],
  ['engagement', 'any', (c) => `${c.nm} will not help ${c.self} and does not want support.`],
  ['engagement', 'any', (c) => `${c.nm} does not see ${c.self} as a victim so there is little more we can do.`],
  ['missing', 'any', (c) => `${c.nm} absconded from the placement again to meet ${c.adult}.`],
  ['missing', 'any', (c) => `${c.nm} went missing again by choice and returned at 4am.`],
  ['missing', 'any', (c) => `${c.nm} is a persistent absconder and goes missing to party.`],
  ['missing', 'any', (c) => `${c.nm} took ${c.self} off to ${c.place} and refused to say where ${c.he} had been.`],
  ['missing', 'any', (c) => `${c.nm} is an habitual misper who always comes back when ${c.he} is ready.`],
  ['missing', 'any', (c) => `${c.nm} ran away to be with ${c.adult} and is choosing to stay out.`],
  ['recruiting', 'f', (c) => `${c.nm} is recruiting younger girls to go to the parties at ${c.place}.`],
  ['recruiting', 'any', (c) => `${c.nm} is bringing other children into ${c.grp}.`],
  ['recruiting', 'any', (c) => `${c.nm} is a ringleader and introduces younger ones to the men.`],
  ['criminal', 'm', (c) => `${c.nm} works for ${c.grp} and is making good money.`],
  ['criminal', 'm', (c) => `${c.nm} runs drugs for them because he likes the money and the status.`],
  ['criminal', 'm', (c) => `${c.nm} is a drug dealer and is heavily involved in ${c.grp}.`],
  ['criminal', 'm', (c) => `${c.nm} has chosen to get involved in county lines for the lifestyle.`],
  ['criminal', 'm', (c) => `${c.nm} is an active gang member who wants to be part of ${c.grp}.`],
  ['criminal', 'm', (c) => `${c.nm} was found with 20 wraps in Wakefield; he went looking for this work.`],
  ['criminal', 'any', (c) => `${c.nm} is a willing runner for ${c.grp} and is paid per trip.`],
  ['criminal', 'm', (c) => `${c.nm} is dealing drugs out of ${c.place} for his own profit.`],
  ['criminal', 'm', (c) => `${c.nm} agreed to plug the drugs and was paid £200 for the run.`],
  ['disbelief', 'f', (c) => `${c.nm} is attention seeking and her account of ${c.place} is not credible.`],
  ['disbelief', 'any', (c) => `${c.nm} lied about ${c.his} age to the men.`],
  ['disbelief', 'f', (c) => `${c.nm} told ${c.man} she was 18 so he could not have known.`],
  ['online', 'f', (c) => `${c.nm} sent indecent images of herself to ${c.adult}.`],
  ['online', 'f', (c) => `${c.nm} has been contacting adult men online and arranging to meet them.`],
  ['online', 'f', (c) => `${c.nm} posted sexualised photographs and invited the contact.`],
  ['passive', 'f', (c) => `No force was used and ${c.nm} went upstairs with ${c.adult}.`],
  ['passive', 'any', (c) => `Risks were knowingly taken by ${c.nm} when ${c.he} left with ${c.adult}.`],
  ['passive', 'f', (c) => `Sex was had with ${c.adult} after ${c.nm} had been drinking.`],
  ['passive', 'any', (c) => `The decision to go to ${c.place} was made by ${c.nm} alone.`],
  ['passive', 'f', (c) => `${c.nm} allowed the men to touch her in return for alcohol.`],
  ['passive', 'f', (c) => `${c.nm} let ${c.man} take photographs because she wanted the money.`],
  ['carer-blame', 'f', (c) => `${c.nm} is bringing this on herself, according to the team.`],
  ['carer-blame', 'any', (c) => `${c.nm} is beyond parental control and is out with ${c.adult} because ${c.he} wants to be.`],
  ['health', 'f', (c) => `Pt ${c.a}yo F, consensual UPSI with ${int(24, 30)}yo partner, EHC given.`],
  ['health', 'f', (c) => `${c.nm} has an older boyfriend and is sexually active by choice; condoms given.`],
  ['school', 'any', (c) => `${c.nm} prefers spending time with ${c.his} older friends to attending school.`],
  ['school', 'any', (c) => `${c.nm} is hanging around with ${c.adult} because ${c.he} likes the lifestyle.`],
];
const C = [
  ['named-abuse', 'f', (c) => `${c.nm} is being sexually exploited by ${c.adult}.`],
  ['named-abuse', 'f', (c) => `${c.nm} has been groomed by ${c.adult} who gave her gifts and alcohol.`],
  ['named-abuse', 'm', (c) => `${c.nm} is being criminally exploited by ${c.grp}.`],
  ['named-abuse', 'any', (c) => `${c.nm} has been trafficked to ${c.place} to sell drugs.`],
  ['named-abuse', 'f', (c) => `${c.nm} was raped by ${c.adult} at ${c.place}.`],
  ['named-abuse', 'any', (c) => `Adults are targeting ${c.nm} and offering ${c.him} drugs and money.`],
  ['named-abuse', 'any', (c) => `${c.nm} is a victim of child criminal exploitation and an NRM referral has been made.`],
  ['named-abuse', 'f', (c) => `${c.man} is abusing ${c.nm} and uses alcohol to control her.`],
  ['named-abuse', 'any', (c) => `${c.nm} is being coerced to carry drugs and is frightened of ${c.grp}.`],
  ['named-abuse', 'f', (c) => `${c.nm} is being exploited by ${c.adult} who she calls her boyfriend.`],
  ['named-abuse', 'any', (c) => `${c.nm} is being groomed online by ${c.adult}.`],
  ['named-abuse', 'any', (c) => `${c.nm} owes a drug debt that ${c.grp} created to control ${c.him}.`],
  ['named-abuse', 'any', (c) => `${c.nm} was found at ${c.place} with ${c.adult}; this is exploitation and a strategy discussion is arranged.`],
  ['named-abuse', 'f', (c) => `${c.adult} has been paying ${c.nm}'s taxi fares as part of grooming her.`],
  ['negation', 'any', (c) => `${c.nm} is not putting ${c.self} at risk; adults are putting ${c.him} at risk.`],
  ['negation', 'any', (c) => `${c.nm} did not go missing by choice; ${c.he} was taken to ${c.place}.`],
  ['negation', 'f', (c) => `${c.nm} did not consent and, at ${c.a}, could not consent to ${c.adult}.`],
  ['negation', 'any', (c) => `This is not a lifestyle choice for ${c.nm}; ${c.he} is being exploited.`],
  ['negation', 'f', (c) => `${c.nm} is not in a relationship; ${c.adult} is abusing her.`],
  ['negation', 'any', (c) => `${c.nm} is not streetwise; ${c.he} is a child being groomed.`],
  ['negation', 'any', (c) => `${c.nm} is not to blame for what happened at ${c.place}.`],
  ['negation', 'any', (c) => `Nothing ${c.nm} did made ${c.him} responsible for the abuse.`],
  ['negation', 'any', (c) => `We must not describe ${c.nm} as absconding; ${c.he} was missing and at risk.`],
  ['negation', 'm', (c) => `${c.nm} does not work for ${c.grp}; he is being used by them.`],
  ['own-words', 'any', (c) => `${c.nm} told me "I chose to go, nobody made me"; this is typical of grooming and ${c.he} remains at risk.`],
  ['own-words', 'f', (c) => `${c.nm} said "he's my boyfriend"; he is ${int(24, 36)} and this is abuse.`],
  ['own-words', 'any', (c) => `${c.nm} said "it was my decision" but ${c.he} had been given drugs by ${c.adult}.`],
  ['own-words', 'any', (c) => `${c.nm} described ${c.grp} as "my mates who look after me"; the worker explained this is exploitation.`],
  ['own-words', 'f', (c) => `In ${c.his} words, "I wanted to go", but ${c.nm} was ${c.a} and was manipulated by ${c.man}.`],
  ['own-words', 'm', (c) => `${c.nm} says he "works for" ${c.man}; he is a child being criminally exploited.`],
  ['audit', 'any', (c) => `The audit found that the note saying ${c.nm} "chose" to go was victim-blaming and has been corrected.`],
  ['audit', 'f', (c) => `The review criticised the phrase "put herself at risk" used about ${c.nm}.`],
  ['audit', 'any', (c) => `Language such as "streetwise" and "promiscuous" used in ${c.nm}'s file should not have been used.`],
  ['audit', 'any', (c) => `Supervision: the term "absconded" in ${c.nm}'s record has been replaced with "missing".`],
  ['audit', 'f', (c) => `The referral described ${c.nm}'s abuser as "her boyfriend"; this was challenged by the MASH manager.`],
  ['audit', 'any', (c) => `Practitioners were reminded that a child cannot consent to exploitation, after ${c.nm}'s case was reviewed.`],
  ['other-sense', 'any', (c) => `${c.nm} agreed to a return interview with the missing worker.`],
  ['other-sense', 'f', (c) => `${c.nm} consented to a medical examination at the SARC.`],
  ['other-sense', 'any', (c) => `${c.nm} consented to information being shared with the school.`],
  ['other-sense', 'any', (c) => `${c.nm} chose the blue bedroom at the new placement.`],
  ['other-sense', 'any', (c) => `${c.nm} chose to study art and music for GCSE.`],
  ['other-sense', 'any', (c) => `${c.nm} was happy to meet the new social worker at school.`],
  ['other-sense', 'any', (c) => `${c.nm} wanted to go to the cinema with ${c.his} foster carer.`],
  ['other-sense', 'any', (c) => `${c.nm} agreed to the safety plan and chose a code word.`],
  ['other-sense', 'any', (c) => `${c.nm} is working for ${c.his} Duke of Edinburgh bronze award.`],
  ['other-sense', 'any', (c) => `${c.nm} has been recruited to the school football team.`],
  ['other-sense', 'any', (c) => `${c.nm} makes good choices about food since the dietitian visit.`],
  ['other-sense', 'any', (c) => `${c.nm} was warned by the teacher about running in the corridor.`],
  ['other-sense', 'any', (c) => `${c.nm} told the nurse that ${c.he} would like a healthier lifestyle.`],
  ['other-sense', 'f', (c) => `${c.nm} is in a relationship with a boy in her year; both are ${c.a}.`],
  ['other-sense', 'any', (c) => `${c.nm} went missing from home and was found safe at ${c.his} grandmother's.`],
  ['engagement-task', 'any', (c) => `Services have not yet found a way to engage ${c.nm}; the worker will try a different approach.`],
  ['engagement-task', 'any', (c) => `${c.nm} is frightened to speak to police because of threats from ${c.grp}.`],
  ['engagement-task', 'any', (c) => `${c.nm} is finding it hard to trust professionals after what ${c.adult} did.`],
  ['hindsight-ok', 'any', (c) => `${c.nm} had been warned by ${c.adult} not to tell anyone, which is a grooming tactic.`],
  ['grooming', 'f', (c) => `${c.adult} bought ${c.nm} a phone and topped it up; police are investigating.`],
  ['grooming', 'any', (c) => `${c.nm} was picked up from school by ${c.adult} in a grey Audi.`],
  ['grooming', 'any', (c) => `${c.nm} received gifts and money from ${c.adult}, who then demanded favours.`],
  ['grooming', 'f', (c) => `${c.nm} was given alcohol by ${c.adult} before the assault at ${c.place}.`],
];
const ADULT_C = [
  ['adult', (a) => `The family chose a new school for the children after the move.`],
  ['adult', (a) => `${a.nm} (${a.age}) is a consenting adult and chose to move in with her partner.`],
  ['adult', (a) => `The man made his own choices and has been charged with trafficking.`],
  ['adult', (a) => `Mum chose to end the relationship with the father after the incident.`],
  ['adult', (a) => `The suspect, ${a.age}, agreed to a voluntary interview.`],
  ['adult', (a) => `Dad's lifestyle choices include heavy drinking and cannabis use.`],
  ['adult', (a) => `${a.nm} (${a.age}) is a sex worker and was offered support by the outreach team.`],
  ['adult', (a) => `The perpetrator recruited girls through social media and is now in custody.`],
  ['adult', (a) => `${a.nm}, a ${a.age}-year-old consenting adult, was spoken to as a witness.`],
  ['adult', (a) => `The uncle was warned by police about contacting the family.`],
  ['adult', (a) => `The mother is promiscuous according to the father, which the social worker did not accept as relevant.`],
  ['adult', (a) => `${a.nm} (${a.age}) told police the sex was consensual; she is an adult and no offence is alleged.`],
  ['adult', (a) => `The grandparents agreed to look after the children at weekends.`],
  ['adult', (a) => `The foster carer was happy to extend the placement.`],
  ['adult', (a) => `The adult suspect is streetwise and had used burner phones.`],
  ['adult', (a) => `${a.nm} (${a.age}) runs a legitimate cleaning business and works for the council.`],
  ['adult', (a) => `The stepfather refuses to engage with the assessment.`],
  ['adult', (a) => `Police warned ${a.man} with a child abduction warning notice.`],
];
const AD_NAMES = ['Ms Clegg', 'Ms Begum', 'Ms Walsh', 'Ms Okafor', 'Ms Lowe', 'Ms Kaur', 'Ms Nolan'];
const rows = [];
const seen = new Set();
function add(label, cat, tpl, textFn, g) {
  for (let tries = 0; tries < 40; tries++) {
    const c = child(g);
    let t = textFn(c);
    const pre = pick(PREFIX);
    t = pre + (pre ? t : t);
    t = t.charAt(0).toUpperCase() + t.slice(1);
    if (seen.has(t)) continue;
    seen.add(t);
    rows.push({ label, notes: `${cat}; age ${c.a}${c.inText ? '' : ', not in text'}; ${tpl}`, text: t });
    return true;
  }
  return false;
}
function addAdult(i) {
  const [cat, fn] = ADULT_C[i % ADULT_C.length];
  for (let tries = 0; tries < 40; tries++) {
    const a = { nm: pick(AD_NAMES), age: int(21, 45), man: pick(MEN) };
    const t = pick(['', '', 'Case note: ', 'Police log: ', 'SW: ']) + fn(a);
    if (seen.has(t)) continue;
    seen.add(t);
    const hasAge = /\d/.test(fn({ nm: '', age: 99, man: '' }));
    rows.push({ label: 'careful', notes: `${cat}; about an adult${hasAge ? `; age ${a.age}` : ''}; ac${i % ADULT_C.length}`, text: t });
    return true;
  }
  return false;
}
let i = 0;
while (rows.filter((r) => r.label === 'harmful').length < 200) { const [cat, g, fn] = H[i % H.length]; add('harmful', cat, `h${i % H.length}`, fn, g); i++; }
let j = 0;
let k = 0;
while (rows.filter((r) => r.label === 'careful').length < 200) {
  if (j % 5 === 4) addAdult(k++);
  else { const [cat, g, fn] = C[j % C.length]; add('careful', cat, `c${j % C.length}`, fn, g); }
  j++;
}
for (let x = rows.length - 1; x > 0; x--) { const y = Math.floor(rnd() * (x + 1)); [rows[x], rows[y]] = [rows[y], rows[x]]; }
const q = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const out = ['id,label,notes,text', ...rows.map((r, n) => [`s${String(n + 1).padStart(3, '0')}`, r.label, r.notes, r.text].map(q).join(','))];
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, out.join('\n') + '\n');
console.log(`${OUT}: ${rows.length} sentences (${rows.filter((r) => r.label === 'harmful').length} harmful, ${rows.filter((r) => r.label === 'careful').length} careful)`);
