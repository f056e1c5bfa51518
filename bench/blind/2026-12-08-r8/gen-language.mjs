// Blind round 8: 400 case-note sentences (200 that blame a child for their own abuse or
// exploitation, 200 careful ones) in the layout score-language.mjs reads: id,label,notes,text.
// Standalone, no dependencies, fixed seed. Usage: node gen-language.mjs [OUT.csv]
// (default: language/r8.csv beside this script).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'language', 'r8.csv'));
const SEED = 8081208;

let s = SEED >>> 0;
function rnd() {
  // mulberry32
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const GIRLS = ['Skye', 'Tegan', 'Maisie', 'Nadia', 'Roxanne', 'Chantelle', 'Aoife', 'Kacey', 'Ellie-May', 'Zainab', 'Paige', 'Destiny', 'Oliwia', 'Lacey', 'Hollie', 'Mercy', 'Shannon', 'Kayleigh', 'Amira', 'Brooke', 'Tiana', 'Jodie', 'Freya', 'Leah', 'Precious', 'Niamh', 'Courtney', 'Roma', 'Sophie-Leigh', 'Yasmin'];
const BOYS = ['Kyle', 'Reece', 'Tyler', 'Jayden', 'Mason', 'Callum', 'Kai', 'Bilal', 'Dominik', 'Leon', 'Rhys', 'Tariq', 'Connor', 'Jordan', 'Harvey', 'Kofi', 'Brandon', 'Liam', 'Aaron', 'Dylan', 'Shay', 'Ibrahim', 'Cody', 'Ethan', 'Marcus'];
const ADULTS = ['a 27-year-old man', 'two men in their thirties', 'an older male known as "Deano"', 'a 41-year-old taxi driver', 'a man of 33 from Whitehaven', 'the 24-year-old who owns the flat', 'a group of adult men', 'a 38-year-old man she met on Snapchat', 'an adult known as "Uncle Tee"', 'a 29-year-old man with a silver Golf'];
const MEN = ['Darren Kilpatrick', 'Stuart Pennock', 'Wayne Airey', 'Lee Fell', 'Jamie Dixon', 'Gary Tyson', 'Ricky Benn', 'Shaun Nicholson'];
const PLACES = ['the Harbour car park', 'Tarnwick bus station', 'the flats on Lowther Row', 'Skelderby retail park', 'a caravan at Sandcliff', 'the Crown Hotel in Carlisle', 'the takeaway on Strand Street', 'Carlisle station', 'a house in Brantholme', 'the underpass by the Co-op'];
const CITIES = ['Liverpool', 'Preston', 'Manchester', 'Barrow', 'Carlisle', 'Blackpool'];
const LINES = ['"Scouse Tony"', '"Benz"', '"K-Line"', '"Ghost"', '"Money Mike"', '"Dotty"'];
const CHARITY = ['Harbourside Project', 'the Tarnwick Young People\'s Service', 'the return-interview worker'];
const PLACEMENT = ['Fellside children\'s home', 'her foster placement', 'the residential unit', 'Beckview House', 'his foster placement'];

function child(sex, ages) {
  const female = sex ? sex === 'f' : rnd() < 0.6;
  const n = female ? pick(GIRLS) : pick(BOYS);
  const age = int(ages[0], ages[1]);
  const P = female
    ? { he: 'she', him: 'her', his: 'her', himself: 'herself', man: 'woman', lad: 'girl' }
    : { he: 'he', him: 'him', his: 'his', himself: 'himself', man: 'man', lad: 'lad' };
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  // how the age appears in the text, when the template uses N (a name with or without age)
  const r = rnd();
  let N = n;
  let ageInText = false;
  if (r < 0.18) (N = `${n} (${age})`), (ageInText = true);
  else if (r < 0.28) (N = `${n}, ${age},`), (ageInText = true);
  else if (r < 0.36) (N = `${age}-year-old ${n}`), (ageInText = true);
  return { n, N, age, female, ageInText, ...P, He: cap(P.he), His: cap(P.his), Him: cap(P.him) };
}

// ---------------- harmful templates ----------------
// reg: register; cat: blame category. ages: range. sex: fixed sex or null.
const H = [
  { cat: 'choice', reg: 'sw-assessment', t: (c) => `${c.N} has made a series of decisions over the summer that have placed ${c.him} in the company of ${pick(ADULTS)}, and ${c.he} will have to take responsibility for where those decisions have led.` },
  { cat: 'choice', reg: 'police-log', sex: 'f', t: (c) => `MISPER ${c.n} ${c.age}yo located ${pick(PLACES)} 0340hrs w/ adult male. YP states went of own accord, has chosen to be there, nothing further police can do. NFA.`, age: 1 },
  { cat: 'willing', reg: 'cps-reasoning', sex: 'f', t: (c) => `The complainant, then ${c.age}, got into the suspect's car willingly on at least six occasions and messaged him afterwards, which sits uneasily with her account that she was not a willing participant.`, age: 1 },
  { cat: 'consent', reg: 'cps-reasoning', sex: 'f', ages: [14, 15], t: (c) => `V (${c.age}) went to the address voluntarily, stayed overnight and returned the next weekend; a jury is likely to regard the sexual activity as consensual and there is no realistic prospect of conviction.`, age: 1 },
  { cat: 'streetwise', reg: 'minutes', t: (c) => `Chair noted that ${c.n} is a very streetwise young ${c.man} who knows how to look after ${c.himself} and is not naive about what these men want.` },
  { cat: 'lifestyle', reg: 'fragment', t: (c) => `${c.n}: lifestyle choice, not a CP matter.` },
  { cat: 'consent', reg: 'fragment', ages: [14, 15], sex: 'f', t: (c) => `Consensual - YP ${c.age}, male ${int(19, 26)}.`, age: 1 },
  { cat: 'relationship', reg: 'health', sex: 'f', ages: [13, 15], t: (c) => `${c.n} (${c.age}) attended for emergency contraception after consensual intercourse with her partner, who is ${int(22, 31)}.`, age: 1 },
  { cat: 'putting-self-at-risk', reg: 'school', t: (c) => `${c.N} was seen getting into a car with older men after school again; ${c.he} has been told repeatedly and continues to put ${c.himself} at risk.` },
  { cat: 'hindsight', reg: 'sw-case-note', t: (c) => `Had ${c.n} stayed at ${pick(PLACEMENT).replace(/^(her|his) /, 'the ')} as agreed, none of this would have happened.` },
  { cat: 'hindsight', reg: 'sw-case-note', t: (c) => `${c.He} knew full well what those men were like after the last time and went back anyway, so it is hard to see ${c.n} as having had no say in it.` },
  { cat: 'adult-autonomy', reg: 'sw-assessment', t: (c) => `${c.N} presents as much older than ${c.his} years and is capable of making ${c.his} own decisions about who ${c.he} spends time with.` },
  { cat: 'adult-autonomy', reg: 'health', sex: 'f', ages: [14, 15], t: (c) => `${c.n} is Gillick competent and has the right to decide who she sleeps with, including the 23-year-old; we should respect her autonomy.` },
  { cat: 'wilful', reg: 'police-log', t: (c) => `${c.n} is wilfully missing and is not considered vulnerable. Graded no apparent risk.` },
  { cat: 'absconding', reg: 'placement-log', t: (c) => `${c.N} absconded from ${pick(PLACEMENT).replace(/^(her|his) /, 'the ')} at 21:00 for the fourth time this month and was brought back by officers from ${pick(PLACES)}.` },
  { cat: 'non-engagement', reg: 'closure', t: (c) => `Case closed due to ${c.n}'s non-engagement: ${c.he} has been offered support repeatedly and has chosen not to take it up.` },
  { cat: 'non-engagement', reg: 'cse-worker', t: (c) => `${c.N} did not turn up to three planned sessions with the exploitation worker, which shows ${c.he} is not ready to make changes.` },
  { cat: 'streetwise', reg: 'police-log', sex: 'm', t: (c) => `Street-smart lad, can handle himself, not the typical victim. ${c.n} to be treated as suspect only.` },
  { cat: 'willing', reg: 'police', t: (c) => `Officers are of the view that ${c.N} was a willing participant in the supply and should be dealt with as a suspect.` },
  { cat: 'relationship', reg: 'sw-case-note', sex: 'f', t: (c) => `${c.N} is in a relationship with ${pick(MEN)} (${int(21, 34)}) and says she is happy; mum is aware and does not object.` },
  { cat: 'relationship', reg: 'fragment', sex: 'f', t: (c) => `Boyfriend (${int(24, 35)}) collected ${c.n} from school again today.` },
  { cat: 'prostituting', reg: 'intelligence', sex: 'f', t: (c) => `Information suggests ${c.N} is prostituting herself from the flat above the takeaway on Strand Street.` },
  { cat: 'selling', reg: 'police', t: (c) => `${c.N} has been selling sex for cash and cannabis to men in the Tarnwick area.` },
  { cat: 'money', reg: 'yot', sex: 'm', t: (c) => `${c.N} is earning good money running for the ${pick(LINES)} line and sees no reason to stop.` },
  { cat: 'gifts', reg: 'sw-case-note', t: (c) => `${c.n} has clearly enjoyed the new trainers, phone and cash that come with it and is unlikely to walk away from them.` },
  { cat: 'recruiting', reg: 'minutes', sex: 'f', t: (c) => `${c.N} is now bringing younger girls from the estate to the parties and should be seen as part of the problem rather than a victim.` },
  { cat: 'recruiting', reg: 'police', sex: 'm', t: (c) => `${c.N} has been recruiting Year 8 boys to run for the ${pick(LINES)} line and is treated as an organiser.` },
  { cat: 'sexually-active-u16', reg: 'school-nurse', ages: [12, 15], sex: 'f', t: (c) => `${c.n} (${c.age}) is sexually active and has had several partners, some of them older.`, age: 1 },
  { cat: 'sexually-active-u16', reg: 'fragment', ages: [13, 15], t: (c) => `Sexually active since 13 with older males. Contraception discussed.` },
  { cat: 'paraphrase', reg: 'sw-case-note', sex: 'f', t: (c) => `${c.n} keeps going back to him, so she must be getting something out of it.` },
  { cat: 'paraphrase', reg: 'fragment', sex: 'm', t: (c) => `${c.n}? In it for the money and the status, plain and simple.` },
  { cat: 'paraphrase', reg: 'police', t: (c) => `Nobody forced ${c.N} into that car; ${c.he} got in of ${c.his} own accord.` },
  { cat: 'hindsight', reg: 'sw-case-note', t: (c) => `${c.N} has brought this on ${c.himself} by ignoring every piece of advice ${c.he} was given.` },
  { cat: 'paraphrase', reg: 'carer', t: (c) => `If ${c.n} would just stay in at night the risk would go away.` },
  { cat: 'paraphrase', reg: 'youth-worker', t: (c) => `${c.N} likes the buzz and the attention ${c.he} gets from the older lads.` },
  { cat: 'paraphrase', reg: 'sw-case-note', t: (c) => `${c.n} knows how the game works and plays the men for whatever ${c.he} can get out of them.` },
  { cat: 'criminal-choice', reg: 'police-log', sex: 'm', t: (c) => `${c.n} - known runner for ${pick(LINES)}, caught with 14 wraps, fully aware of what he was doing. Charge.` },
  { cat: 'criminal-choice', reg: 'police-log', sex: 'm', t: (c) => `Nominal ${c.n} (${c.age}) arrested PWITS; claims he was forced but was happy enough to take the money. Not an NRM case.`, age: 1 },
  { cat: 'lifestyle', reg: 'yot', sex: 'm', t: (c) => `${c.N} has chosen a criminal lifestyle and identifies with the gang; exploitation is not accepted as an explanation for his offending.` },
  { cat: 'choice', reg: 'long-prose', t: (c) => `Although ${c.n} has had some difficulties at home, including ${c.his} parents' separation and a period when mum was unwell, it is the view of this assessment that ${c.his} present circumstances are largely of ${c.his} own making, since ${c.he} has repeatedly chosen to leave home at night, to spend time with adults ${c.he} knows to be involved in crime, and to turn down the help the family support worker offered.` },
  { cat: 'relationship', reg: 'long-prose', sex: 'f', t: (c) => `While professionals at the meeting accepted that the men involved are considerably older, it was agreed that ${c.n}, whom school describe as bright and articulate and who has spoken confidently about contraception, understands the nature of the relationship and is exercising a degree of choice that the network should respect.` },
  { cat: 'agreed', reg: 'police', sex: 'f', t: (c) => `${c.N} agreed to meet the men at ${pick(['the Crown Hotel in Carlisle', 'a caravan at Sandcliff', 'a house in Brantholme'])} and made her own way there by train.` },
  { cat: 'agreed', reg: 'yot', sex: 'm', t: (c) => `${c.N} agreed to carry the package to ${pick(CITIES)} in return for £200 and a new phone.` },
  { cat: 'responsibility', reg: 'minutes', t: (c) => `Action: ${c.n} to take responsibility for keeping ${c.himself} safe and to stop going to ${pick(PLACES)}.` },
  { cat: 'risk-taking', reg: 'minutes', sex: 'f', t: (c) => `Discussion: YP's risk-taking behaviour is the main driver of the concerns; ${c.n} continues to make unwise choices around older males.` },
  { cat: 'consent', reg: 'health', sex: 'f', ages: [13, 15], t: (c) => `Pt ${c.age}F, says partner is 24, sex consensual, no concerns raised by pt. Advised re condoms.`, age: 1 },
  { cat: 'relationship', reg: 'school', sex: 'f', t: (c) => `${c.n}'s attendance is poor because she would rather spend the day with her older boyfriend.` },
  { cat: 'manipulative', reg: 'carer', t: (c) => `Carer feels ${c.n} is manipulative and uses the men for lifts and money.` },
  { cat: 'prostituting', reg: 'police', sex: 'f', t: (c) => `${c.n} is a known child prostitute working around ${pick(['the Harbour car park', 'Tarnwick bus station', 'the underpass by the Co-op'])}.` },
  { cat: 'disbelief', reg: 'police', sex: 'f', t: (c) => `${c.N}'s allegation is thought to be attention seeking as she has been back to the address since.` },
  { cat: 'disbelief', reg: 'cps-reasoning', t: (c) => `${c.N} lied about ${c.his} age to get into the club, so the men could not have known.` },
  { cat: 'sexualised', reg: 'placement-log', sex: 'f', t: (c) => `${c.n} is promiscuous and will sleep with anyone who gives her a lift.` },
  { cat: 'online', reg: 'school', sex: 'f', t: (c) => `${c.N} has been sending naked pictures of herself to men she meets online and was warned about this last term.` },
  { cat: 'online', reg: 'police', sex: 'm', t: (c) => `${c.N} chose to take part in the video calls and was paid in gaming credits.` },
  { cat: 'risk-taking', reg: 'sw-case-note', t: (c) => `${c.N} engages in high-risk behaviours, including getting into cars with unknown males.` },
  { cat: 'choice', reg: 'sw-case-note', t: (c) => `${c.N} continues to make poor choices about who ${c.he} associates with.` },
  { cat: 'lifestyle', reg: 'sw-case-note', sex: 'f', t: (c) => `${c.N} enjoys a party lifestyle of drink, drugs and older men.` },
  { cat: 'criminal-choice', reg: 'minutes', sex: 'm', t: (c) => `${c.n} is a drug dealer in his own right and should not be treated as a victim.` },
  { cat: 'hindsight', reg: 'sw-case-note', t: (c) => `${c.N} has been told about the risks many times and understands them; ${c.he} simply does not care.` },
  { cat: 'not-a-victim', reg: 'police', t: (c) => `${c.n} does not present as a victim: ${c.he} is confident, mouthy and in control.` },
  { cat: 'paraphrase', reg: 'fragment', t: (c) => `${c.He} could walk away any time and doesn't.`, noName: 1 },
  { cat: 'paraphrase', reg: 'youth-worker', sex: 'm', t: (c) => `${c.N} happily went along with whatever the older lads suggested.` },
  { cat: 'missing-choice', reg: 'fragment', sex: 'f', t: (c) => `Missing again - her choice, ${c.n} will turn up when she's ready.` },
  { cat: 'consent', reg: 'minutes', ages: [16, 16], sex: 'f', t: (c) => `Risk reduced: ${c.n} is now 16 and able to consent to the relationship with ${pick(MEN)}.`, age: 1 },
  { cat: 'disbelief', reg: 'cps-reasoning', sex: 'f', ages: [13, 15], t: (c) => `The suspect's belief that V was 16 was reasonable given how she presented and the fact that she told him so.` },
  { cat: 'complicit', reg: 'police-log', t: (c) => `Occurrence closed - IP ${c.n} complicit, no complaint made, declined to provide a statement.` },
  { cat: 'consent', reg: 'fragment', ages: [15, 15], t: (c) => `Both parties consenting, ${c.age} and 19.`, age: 1 },
  { cat: 'criminal-choice', reg: 'yot', t: (c) => `${c.N} is involved in county lines and is choosing to travel to ${pick(CITIES)} to deal.` },
  { cat: 'putting-self-at-risk', reg: 'police', t: (c) => `${c.N} put ${c.himself} in a dangerous situation by going to the flat.` },
  { cat: 'exchange', reg: 'sw-case-note', t: (c) => `${c.N} sometimes swaps sex for alcohol and a place to sleep.` },
  { cat: 'contributed', reg: 'sw-assessment', t: (c) => `${c.N}'s own behaviour has contributed to the abuse.` },
  { cat: 'contributed', reg: 'police', sex: 'f', t: (c) => `${c.N} was drunk and flirting with the men before it happened.` },
  { cat: 'criminal-choice', reg: 'police', sex: 'm', t: (c) => `${c.N} is an active member of the gang and benefits financially from it.` },
  { cat: 'recruiting', reg: 'carer', sex: 'f', t: (c) => `She's no angel herself - ${c.n} introduced her friends to them.` },
  { cat: 'paraphrase', reg: 'sw-case-note', t: (c) => `${c.N} makes ${c.himself} available to these adults.` },
  { cat: 'paraphrase', reg: 'youth-worker', sex: 'm', t: (c) => `${c.n} has been out grafting for the olders again.` },
  { cat: 'relationship', reg: 'health', sex: 'f', ages: [13, 16], t: (c) => `Pt (${c.age}) reports sex with "boyfriend" (28), consensual; reluctant to discuss further, no action required.`, age: 1 },
  { cat: 'manipulative', reg: 'minutes', t: (c) => `Staff feel ${c.n} is too clever for ${c.his} own good and plays professionals off against each other so that ${c.he} can keep seeing ${pick(MEN)}.` },
  { cat: 'choice', reg: 'sw-case-note', t: (c) => `${c.N} is sofa-surfing by choice and prefers the freedom of staying with older friends.` },
  { cat: 'choice', reg: 'iro', t: (c) => `${c.N} is voting with ${c.his} feet; the placement offered stability and ${c.he} rejected it.` },
  { cat: 'choice', reg: 'fragment', t: (c) => `Own choice. Fully aware.`, noName: 1 },
  { cat: 'exchange', reg: 'police-log', sex: 'f', t: (c) => `${c.n} providing sexual services to males at ${pick(PLACES)} in return for vodka and cigs.` },
  { cat: 'money', reg: 'school', sex: 'f', t: (c) => `${c.N} turns up with expensive nails and a new phone every week and is obviously doing very well for herself out of these men.` },
  { cat: 'relationship', reg: 'police-log', sex: 'f', t: (c) => `Attended address re MISPER. ${c.n} found with her partner ${pick(MEN)} (${int(25, 40)}), both well, no offences.` },
  { cat: 'wilful', reg: 'minutes', t: (c) => `It was felt that ${c.n}'s missing episodes are deliberate and designed to get ${c.his} own way at the placement.` },
  { cat: 'agreed', reg: 'cps-reasoning', sex: 'm', t: (c) => `The defendant's account that ${c.n} agreed to hold the drugs and was paid for it is supported by the messages.` },
  { cat: 'not-a-victim', reg: 'police', sex: 'm', ages: [15, 17], t: (c) => `${c.N} is a 6ft ${c.age}-year-old who is more than capable of saying no; he is not a victim here.`, age: 1 },
  { cat: 'sexually-active-u16', reg: 'sw-assessment', sex: 'm', ages: [13, 15], t: (c) => `${c.n} (${c.age}) has been sexually active with an adult woman in her twenties and appears comfortable with this.`, age: 1 },
  { cat: 'adult-autonomy', reg: 'long-prose', t: (c) => `Given that ${c.n} will turn 18 in a little over a year, and given the number of times ${c.he} has returned to the same adults despite everything the network has put in place, the service must accept at some point that these are ${c.his} decisions to make and step back.`, ages: [16, 16] },
  { cat: 'non-engagement', reg: 'police-log', t: (c) => `YP uncooperative as usual, refused to say where ${c.he} had been, wasting police time.` },
  { cat: 'lifestyle', reg: 'health', t: (c) => `Frequent attender, usually intoxicated, chaotic lifestyle of ${c.his} own making.` },
  { cat: 'putting-self-at-risk', reg: 'fragment', sex: 'f', t: (c) => `Placing herself at risk again. Advised.` },
  { cat: 'hindsight', reg: 'cps-reasoning', t: (c) => `The complainant had every opportunity to leave and to raise the alarm and did neither.` },
];

// ---------------- careful templates ----------------
const C = [
  { cat: 'benign-agreed', reg: 'sw-case-note', t: (c) => `${c.N} agreed to the safety plan and chose a code word to text ${c.his} carer when ${c.he} needs collecting.` },
  { cat: 'benign-choice', reg: 'school', t: (c) => `${c.N} has chosen a college course in motor vehicle maintenance starting in September.`, ages: [15, 16] },
  { cat: 'adult-choice', reg: 'police', t: (c) => `${pick(MEN)} made a choice to target ${c.n}, and every decision that night was his.` },
  { cat: 'negation', reg: 'sw-assessment', t: (c) => `${c.N} is not putting ${c.himself} at risk; the adults who seek ${c.him} out are the risk.` },
  { cat: 'grooming-named', reg: 'sw-assessment', t: (c) => `${c.n} did not choose this. ${c.He} was groomed over many months by ${pick(ADULTS)}.` },
  { cat: 'child-quoted', reg: 'cse-worker', t: (c) => `${c.n} told me "I wanted to go, nobody made me"; these are ${c.his} words, and they fit the pattern of grooming rather than changing the assessment that ${c.he} is being exploited.` },
  { cat: 'audit-quote', reg: 'audit', sex: 'f', t: (c) => `The audit found the phrase "putting herself at risk" four times in ${c.n}'s file and recommends it is replaced with wording that names the adults.` },
  { cat: 'audit-quote', reg: 'case-review', t: (c) => `Case review: the police log describing ${c.n} as "a willing participant" is victim-blaming and has been challenged with the force.` },
  { cat: 'cce-named', reg: 'police', sex: 'm', t: (c) => `${c.N} is being criminally exploited by the ${pick(LINES)} line and was made to plug the drugs under threat.` },
  { cat: 'relationship-corrected', reg: 'sw-case-note', sex: 'f', t: (c) => `${c.n}'s "boyfriend" is a ${int(24, 33)}-year-old man; this is not a relationship, it is sexual exploitation.` },
  { cat: 'adult-relationship', reg: 'sw-case-note', t: (c) => `The man (34) is in a relationship with ${c.n}'s mother and has lived at the address since March.` },
  { cat: 'peer-relationship', reg: 'school', t: (c) => `${c.n} is going out with someone from ${c.his} own year group; both are ${c.age}, and school has no concerns.`, ages: [14, 17], age: 1 },
  { cat: 'adults-contacting', reg: 'police', t: (c) => `Adults have been contacting ${c.N} online and paying money onto ${c.his} bank card.` },
  { cat: 'grooming-named', reg: 'sw-assessment', t: (c) => `${c.N} was given a phone, trainers and cash by the men; these were gifts used to groom ${c.him} and then to invent a debt.` },
  { cat: 'negation', reg: 'iro', t: (c) => `${c.n} has not been absconding; ${c.he} has been taken from the placement by adults who collect ${c.him} in cars.` },
  { cat: 'cce-named', reg: 'yot', t: (c) => `${c.N} is at risk of criminal exploitation and has been coerced into carrying drugs to ${pick(CITIES)}.` },
  { cat: 'cannot-consent', reg: 'police', ages: [12, 15], t: (c) => `${c.n} could not consent: ${c.he} is ${c.age} and the man is 29.`, age: 1 },
  { cat: 'child-quoted', reg: 'sw-case-note', sex: 'f', t: (c) => `${c.n} said: "It's my choice who I see, he's my boyfriend." Her words are recorded here; the assessment is that she is being groomed by an adult.` },
  { cat: 'adult-choice', reg: 'sw-case-note', t: (c) => `Mum chose to move the family to Skelderby to get away from the perpetrator, and ${c.n} has settled at the new school.` },
  { cat: 'adult-agreed', reg: 'police', t: (c) => `The driver, an adult, agreed to attend a voluntary interview about ${c.n} and was arrested on arrival.` },
  { cat: 'benign-agreed', reg: 'charity', t: (c) => `${c.N} agreed to a return home interview with ${pick(CHARITY)} and talked about where ${c.he} had been.` },
  { cat: 'benign-consent', reg: 'health', t: (c) => `${c.N} consented to the SARC examination and to the findings being shared with police.` },
  { cat: 'negation', reg: 'police', t: (c) => `${c.n} did not go missing by choice: ${c.he} was told to go to ${pick(CITIES)} and was frightened of what would happen if ${c.he} refused.` },
  { cat: 'negation', reg: 'minutes', t: (c) => `${c.n} is not streetwise; ${c.he} is a ${c.age}-year-old who was targeted because of ${c.his} learning difficulties.`, age: 1 },
  { cat: 'training-quote', reg: 'training', t: (c) => `Briefing for the team working with ${c.n}: avoid "child prostitute" - write "a child who is being sexually exploited".` },
  { cat: 'audit-quote', reg: 'supervision', t: (c) => `Supervision: the manager challenged the phrase "lifestyle choice" in the assessment of ${c.n} and the paragraph has been rewritten.` },
  { cat: 'adult', reg: 'sw-case-note', t: (c) => `The adult sex worker who lives downstairs from ${c.n}'s family has been offered support by the outreach team.` },
  { cat: 'adult-choice', reg: 'sw-case-note', t: (c) => `Dad has made poor choices with alcohol and is now engaging with the recovery service; ${c.n} sees him on Saturdays.` },
  { cat: 'negation', reg: 'sw-assessment', t: (c) => `${c.N}'s risk comes from the adults around ${c.him}, not from anything ${c.he} has done.` },
  { cat: 'adult-recruits', reg: 'intelligence', sex: 'm', t: (c) => `${pick(MEN)} recruits boys from the pupil referral unit and pays them in cannabis; ${c.n} is one of the boys he has exploited.` },
  { cat: 'benign-recruited', reg: 'school', t: (c) => `${c.N} was recruited to the county under-${c.age + 1} squad this season.`, ages: [11, 15] },
  { cat: 'objects', reg: 'police-log', t: (c) => `Drugs recovered described as high purity; vehicle a grey Audi A3 seen at ${pick(PLACES)} on the night ${c.n} was found.` },
  { cat: 'correction', reg: 'health', ages: [10, 12], t: (c) => `Correction to the record: ${c.n} was not "sexually active"; at ${c.age} ${c.he} was raped by an adult.`, age: 1 },
  { cat: 'adult-arrested', reg: 'police-log', t: (c) => `${c.N} found at ${pick(PLACES)} with ${pick(ADULTS)}; the adult was arrested for breach of the child abduction warning notice.` },
  { cat: 'cce-named', reg: 'minutes', t: (c) => `Meeting agreed that ${c.n} is a victim of criminal exploitation; an NRM referral will be made today.` },
  { cat: 'cps-careful', reg: 'cps-reasoning', t: (c) => `The complainant's repeated return to the address is consistent with grooming and control and does not undermine her account; charge authorised.` },
  { cat: 'audit-quote', reg: 'cps-reasoning', t: (c) => `CPS review: the earlier decision relied on ${c.n} having "gone willingly", which misunderstands how grooming works; the decision is overturned.` },
  { cat: 'engagement-service', reg: 'sw-case-note', t: (c) => `${c.n} has not yet engaged with us; it is our job to find a way to reach ${c.him}, and a youth worker from ${pick(CHARITY)} will try after school.` },
  { cat: 'child-quoted', reg: 'police', sex: 'm', t: (c) => `${c.n} said "I'm not a victim, I make my own money"; the officer recorded this and the referral for criminal exploitation was still made.` },
  { cat: 'cannot-consent', reg: 'police-log', ages: [12, 15], t: (c) => `${c.N} cannot consent to sexual activity with an adult; the 23-year-old has been arrested.` },
  { cat: 'health-careful', reg: 'health', sex: 'f', ages: [13, 16], t: (c) => `Pt ${c.age}F attended with chlamydia; reports an adult male "partner" - safeguarding referral made as possible CSE, not regarded as a consensual relationship.`, age: 1 },
  { cat: 'benign-choice', reg: 'school', t: (c) => `${c.n} has chosen Spanish and history for GCSE and is enjoying the Duke of Edinburgh award.`, ages: [13, 15] },
  { cat: 'benign-warned', reg: 'school', t: (c) => `${c.N} was warned not to use the fire exit after the drill and apologised.` },
  { cat: 'absence-as-sign', reg: 'school', t: (c) => `${c.n}'s absence is a sign of exploitation, not a lack of interest; the DSL has referred to the MASH.` },
  { cat: 'adult-lifestyle', reg: 'intelligence', t: (c) => `The suspect's lifestyle - cash, cars, several phones - was noted in the intelligence report about the adults around ${c.n}.` },
  { cat: 'police-careful', reg: 'police-log', t: (c) => `MISPER ${c.n} located ${pick(PLACES)} with adult male (36). Crime report raised for CSE; YP is a victim.` },
  { cat: 'audit-quote', reg: 'minutes', t: (c) => `Chair reminded members that "streetwise" and "knows what she is doing" had appeared in earlier minutes about ${c.n} and are not to be used.` },
  { cat: 'adult-choice', reg: 'sw-case-note', t: (c) => `${c.n}'s older sister, who is 22, has chosen to move in with her partner in Carlisle.` },
  { cat: 'objects', reg: 'police', t: (c) => `${c.N} kept the bus ticket and the hotel receipt, which helped officers trace the men.` },
  { cat: 'grooming-named', reg: 'police', t: (c) => `${c.N} was given alcohol and cannabis by the men before the assault.` },
  { cat: 'grooming-named', reg: 'long-prose', t: (c) => `Although ${c.n} has at times said that ${c.he} wants to see the men, and has left the placement to meet them, this assessment understands that behaviour as the result of months of grooming, of gifts and attention followed by threats, and the plan therefore concentrates on disrupting the adults rather than on restricting ${c.n}.` },
  { cat: 'cce-named', reg: 'fragment', t: (c) => `YP victim of CCE. NRM submitted.` , noName: 1 },
  { cat: 'indicator', reg: 'fragment', t: (c) => `Gifts from unknown adults - phone, vapes. Refer to MASH.`, noName: 1 },
  { cat: 'negation', reg: 'yot', t: (c) => `${c.n} was not selling anything; ${c.he} was being made to hold drugs for a man who claimed ${c.he} owed him.` },
  { cat: 'benign-willing', reg: 'health', sex: 'f', t: (c) => `${c.n} was willing to talk to the nurse about her worries and asked for a female officer.` },
  { cat: 'benign-agreed', reg: 'youth-worker', t: (c) => `${c.N} happily agreed to join the holiday club at the leisure centre.` },
  { cat: 'adult-choice', reg: 'minutes', t: (c) => `The men's choice to target children in care, ${c.n} among them, is the pattern the operation is built on.` },
  { cat: 'adult-relationship', reg: 'sw-case-note', t: (c) => `The lodger is in a relationship with ${c.n}'s aunt; DBS checks are clear.` },
  { cat: 'benign-money', reg: 'school', t: (c) => `${c.N} is earning money from a paper round and saving for a bike.` },
  { cat: 'benign-recruited', reg: 'school', t: (c) => `${c.n} recruited two friends to the school's charity fun run.` },
  { cat: 'benign-choice', reg: 'sw-case-note', t: (c) => `${c.N} made a brave choice to tell ${c.his} teacher what had happened.` },
  { cat: 'audit-quote', reg: 'minutes', t: (c) => `Strategy discussion: "absconding" in the placement log will be replaced by "missing"; ${c.n} is being drawn away by adults.` },
  { cat: 'cce-named', reg: 'yot', sex: 'm', ages: [14, 17], t: (c) => `${c.n}'s possession-with-intent offences took place while he was being exploited; the YOT has asked the CPS to consider the section 45 defence.` },
  { cat: 'negation', reg: 'sw-case-note', t: (c) => `${c.n} is not in a relationship with ${pick(MEN)}; he is an adult who is abusing ${c.him}.` },
  { cat: 'adult-consent', reg: 'health', t: (c) => `The mother consented to the child protection medical for ${c.n} and was present throughout.` },
  { cat: 'cannot-consent', reg: 'cps-reasoning', ages: [12, 15], t: (c) => `${c.n} did not consent and, at ${c.age}, could not.`, age: 1 },
  { cat: 'child-quoted', reg: 'police', t: (c) => `${c.n}'s account, recorded verbatim: "He said I owed him for the phone."` },
  { cat: 'audit-quote', reg: 'inspection', sex: 'f', t: (c) => `Inspection feedback criticised notes describing ${c.n} as "promiscuous" and "prostituting herself"; both were wrong and have been corrected.` },
  { cat: 'negation', reg: 'cp-conference', t: (c) => `${c.N} is on a plan because adults have been exploiting ${c.him}; nothing ${c.he} did caused it.` },
  { cat: 'adult', reg: 'police', t: (c) => `The taxi driver who drove ${c.n} was streetwise about CCTV and parked out of view, officers said.` },
  { cat: 'adult-willing', reg: 'minutes', t: (c) => `Three parents, including ${c.n}'s mum, were willing participants in the consultation on the new missing protocol.` },
  { cat: 'adult-choice', reg: 'foster-carer', t: (c) => `${c.n}'s foster carer chose a bigger car so she could take all three children to school.` },
  { cat: 'online-careful', reg: 'police', t: (c) => `${c.N} was manipulated into sending images by a man who pretended to be 15.` },
  { cat: 'correction', reg: 'health', ages: [13, 15], t: (c) => `${c.n}, who is ${c.age}, was raped; references to "sex" with the 25-year-old in the ED notes have been corrected.`, age: 1 },
  { cat: 'benign-absent', reg: 'school', t: (c) => `${c.N} was absent on Friday for a hospital appointment; the absence is authorised.` },
  { cat: 'benign-missing', reg: 'police-log', ages: [10, 13], t: (c) => `${c.N} reported missing 1900hrs, found 1945hrs at grandmother's two streets away. No concerns, return interview offered.` },
  { cat: 'adult-sexual', reg: 'sw-case-note', t: (c) => `Mum is sexually active with her new partner and has asked the health visitor about contraception; no concerns for ${c.n}.` },
  { cat: 'adult-prostituting', reg: 'intelligence', t: (c) => `${pick(MEN)} is suspected of prostituting adult women from the flat and of targeting children, including ${c.n}.` },
  { cat: 'benign-lifestyle', reg: 'health', t: (c) => `School nurse talked with ${c.n} about a healthy lifestyle, sleep and screen time.` },
  { cat: 'grooming-named', reg: 'long-prose', sex: 'm', t: (c) => `Over the spring ${c.n} was given lifts, food and a phone by older males, was then told he owed them for these things, and was sent to ${pick(CITIES)} to sell drugs from an address he did not know; he is a victim of criminal exploitation and trafficking, and the plan reflects that.` },
  { cat: 'negation', reg: 'police', sex: 'f', t: (c) => `${c.n} is not a willing participant in anything; she is ${c.age} and is being exploited.`, age: 1 },
  { cat: 'engagement-service', reg: 'iro', t: (c) => `The network has not yet found a worker ${c.n} trusts; consistency of worker is the IRO's first recommendation.` },
  { cat: 'child-quoted', reg: 'charity', sex: 'f', t: (c) => `In the return interview ${c.n} said "I only went because he'd been good to me"; the worker shared this with the MASH as a sign of grooming.` },
  { cat: 'adult-absconded', reg: 'police', t: (c) => `The suspect absconded from his bail address and is wanted; ${c.n} and ${c.his} family have been told.` },
  { cat: 'benign-streetwise', reg: 'youth-worker', t: (c) => `Road-safety session: ${c.n} learned to cross at the lights; the youth worker is showing the group how to use the bus safely.` },
  { cat: 'audit-quote', reg: 'lscp-review', t: (c) => `The rapid review found that describing ${c.n} as "sexually active" when ${c.he} was 13 hid the abuse from the people who read the file.` },
  { cat: 'benign-consent', reg: 'sw-case-note', t: (c) => `${c.N} gave consent for ${c.his} views to be shared at the conference and wrote them down ${c.himself}.` },
  { cat: 'recognised-coercion', reg: 'minutes', sex: 'm', t: (c) => `Agreed: ${c.n}'s arrests in ${pick(CITIES)} are evidence of trafficking, not of offending by choice.` },
  { cat: 'benign-gifts', reg: 'sw-case-note', t: (c) => `${c.n} received birthday presents from grandparents, a bike and a phone; nothing of concern.` },
];

const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

function build(list, label, want) {
  const out = [];
  const seen = new Set();
  let guard = 0;
  // every template once, then random picks until want is reached
  const order = list.map((_, i) => i);
  while (out.length < want && guard++ < 20000) {
    const i = order.length ? order.shift() : Math.floor(rnd() * list.length);
    const T = list[i];
    const sexualCat = /consent|prostitut|selling|exchange|sexualised|relationship|online/.test(T.cat);
    const c = child(T.sex ?? null, T.ages ?? (label === 'harmful' && sexualCat ? [12, 17] : [10, 17]));
    let text = T.t(c);
    text = text[0].toUpperCase() + text.slice(1);
    if (seen.has(text)) continue;
    seen.add(text);
    const ageInText = T.age ? 'age in text' : c.ageInText && text.includes(c.N) ? 'age in text' : 'not in text';
    const named = T.noName ? 'unnamed' : text.includes(c.n) ? 'named' : 'pronoun';
    const notes = `${T.cat}; age ${c.age}, ${ageInText}; ${T.reg}; ${c.female ? 'girl' : 'boy'}; ${named}; ${label === 'harmful' ? 'H' : 'C'}${i + 1}`;
    out.push({ label, notes, text });
  }
  if (out.length !== want) throw new Error(`${label}: ${out.length}`);
  return out;
}
const rows = [...build(H, 'harmful', 200), ...build(C, 'careful', 200)];
for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [rows[i], rows[j]] = [rows[j], rows[i]];
}
const lines = ['id,label,notes,text'];
rows.forEach((r, k) => lines.push([`r8-${String(k + 1).padStart(3, '0')}`, r.label, r.notes, r.text].map(q).join(',')));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`wrote ${OUT}: ${rows.length} sentences (${H.length} harmful and ${C.length} careful templates)`);
