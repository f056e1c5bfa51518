// Round 4 language set: 200 case-note sentences that blame a child for their own abuse or
// exploitation ("harmful") and 200 careful ones, written from hand-made templates with varied slots.
// Usage: node gen-language.mjs [OUT.csv]   (default: language/sentences.csv beside this script)
// Columns: id,label,notes,text (the layout score-language.mjs reads; notes hold "age N" when the
// sentence is about a child whose age the record would know).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, csvLine } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'language', 'sentences.csv'));
const R = rng(4071207);

const GIRLS = ['Kayleigh', 'Shannon', 'Tia', 'Amelia', 'Jodie', 'Leah', 'Paige', 'Chantelle', 'Demi', 'Nadia', 'Aaliyah', 'Precious', 'Oliwia', 'Roxanne', 'Skye', 'Lacey', 'Harriet', 'Maisie', 'Eden', 'Kiera', 'Bethany', 'Zara', 'Sophie', 'Tamsin', 'Ellie-May', 'Courtney', 'Jade', 'Mia', 'Ruby', 'Alisha', 'Gabriela', 'Kirsty', 'Amber', 'Hollie', 'Summer'];
const BOYS = ['Tyler', 'Kieran', 'Jayden', 'Mason', 'Callum', 'Rhys', 'Deon', 'Kacper', 'Liam', 'Harvey', 'Reece', 'Ashton', 'Jermaine', 'Bailey', 'Connor', 'Lewis', 'Dylan', 'Kai', 'Ethan', 'Marcus', 'Brandon', 'Jamal', 'Riley', 'Aiden'];
const ADULTS = ['a 24-year-old man', 'a man in his thirties', 'an adult male known to police', 'a 19-year-old male', 'two older males', 'a 31-year-old', 'adult males from the takeaway', 'a man she met online', 'a 45-year-old taxi driver', 'men at the flat', 'an older male called "J"', 'a 22-year-old from the estate'];
const ADULT1 = ['a 24-year-old man', 'a man in his thirties', 'a 19-year-old male', 'a 31-year-old', 'a man she met online', 'a 45-year-old taxi driver', 'a 22-year-old from the estate', 'an adult male known to police'];
const PLACES = ['the flat on Cavendish Road', 'the hotel by the ring road', 'Scarborough', 'the shisha lounge', 'the bus station', 'Hull', 'the car wash on Mill Lane', 'a trap house in Grimsby', 'the park behind the Co-op', 'Leeds', 'the address on Ferry Street', 'Blackpool', 'the kebab shop', 'the caravan site'];
const GANGS = ['the Ferry Boys', 'the "Zone 2" line', 'a Liverpool line', 'the local OCG', 'the "Dizzy" line', 'older lads from the Orchard estate'];
const SRC = ['', '', '', '', 'PC 2291: ', 'SW: ', 'Triage note: ', 'HoY: ', 'RHI worker: ', 'Strategy minutes: ', 'EDT: ', 'School nurse: ', 'Key worker: ', 'DS Naylor: ', 'Case summary: ', 'Missing coordinator: ', 'YOT officer: ', 'Residential staff: ', 'Chronology: ', 'GP letter: '];
const MUMS = ['Mum', 'Mother', 'Ms Hartley', 'Nan', 'Dad', 'The foster carer', 'Step-dad'];
const SURN = ['Hartley', 'Okafor', 'Nowak', 'Pearson', 'Clegg', 'Ahmed', 'Walsh', 'Brennan', 'Lisowski', 'Dunne'];

function child(sexHint, min = 11, max = 17) {
  const sex = sexHint ?? (R.chance(0.72) ? 'f' : 'm');
  const they = false; // a name with singular verbs reads wrongly with 'they'; pronouns vary by sex only
  const n = sex === 'f' ? R.pick(GIRLS) : R.pick(BOYS);
  const age = R.int(min, max);
  const p = they
    ? { s: 'they', o: 'them', p: 'their', r: 'themselves', is: 'are', has: 'have', was: 'were', does: 'do', S: 'They' }
    : sex === 'f'
      ? { s: 'she', o: 'her', p: 'her', r: 'herself', is: 'is', has: 'has', was: 'was', does: 'does', S: 'She' }
      : { s: 'he', o: 'him', p: 'his', r: 'himself', is: 'is', has: 'has', was: 'was', does: 'does', S: 'He' };
  const showAge = R.chance(0.45);
  const form = R.int(0, 3);
  const N = showAge ? [`${n} (${age})`, `${n}, aged ${age},`, `${age}-year-old ${n}`, `${n} (${age}yrs)`][form] : n;
  return { n, N, age, sex, showAge, ...p };
}
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const verb = (c, sing, plural) => (c.s === 'they' ? plural : sing);

// Each template: (c, R) => text.  c is a child as above.
const HARMFUL = [
  ['putting self at risk', (c) => `${c.N} continues to put ${c.r} at risk by going missing and staying with older males.`],
  ['putting self at risk', (c) => `${c.N} ${c.is} placing ${c.r} in risky situations and ${verb(c, 'does', 'do')} not seem to see the danger.`],
  ['putting self at risk', (c) => `${c.N} put ${c.r} at significant risk last night by getting into a car with ${R.pick(ADULTS)}.`],
  ['putting self at risk', (c) => `Concerns remain that ${c.n} ${c.is} exposing ${c.r} to harm through ${c.p} associations in ${R.pick(PLACES)}.`],
  ['putting self at risk', (c) => `The main risk to ${c.n} is ${c.p} own behaviour.`],
  ['putting self at risk', (c) => `${c.N} ${c.is} ${R.pick(['her', 'his'])} own worst enemy and keeps walking back into danger.`.replace(/ (her|his) own worst/, ` ${c.p} own worst`)],
  ['choice', (c) => `It is felt that ${c.n} ${c.is} making poor choices about who ${c.s} spends time with.`],
  ['choice', (c) => `${c.N} has chosen to return to ${R.pick(PLACES)} despite repeated advice from staff.`],
  ['choice', (c) => `${c.N} made the decision to go with the men and must take some responsibility for what happened.`],
  ['choice', (c) => `${cap(c.s)} ${verb(c, 'knows', 'know')} the risks but ${c.is} choosing to be with these adults.`],
  ['choice', (c) => `${c.N} has made a lifestyle choice to stay involved with ${R.pick(GANGS)}.`],
  ['choice', (c) => `Risky decisions were made by ${c.n} on the night in question, including accepting a lift from ${R.pick(ADULTS)}.`],
  ['lifestyle', (c) => `${c.n}'s chaotic lifestyle is the main barrier to keeping ${c.o} safe.`],
  ['lifestyle', (c) => `${c.N} has adopted a lifestyle of drugs, parties and older men.`],
  ['lifestyle', (c) => `${c.N} appears settled into a street life style and is reluctant to give it up.`],
  ['lifestyle', (c) => `Placement struggling to manage ${c.n}'s lifestyle, which includes staying out overnight with adults.`],
  ['consent/agreed', (c) => `${c.N} agreed to go to the party and got into the car willingly.`],
  ['consent/agreed', (c) => `${c.N} went with them voluntarily and ${c.is} not considered a victim at this time.`],
  ['consent/agreed', (c) => `The sexual activity between ${c.n} and ${R.pick(ADULT1)} appears to have been consensual.`],
  ['consent/agreed', (c) => `${c.N} consented to sex with the males at ${R.pick(PLACES)}, so no offences disclosed.`],
  ['consent/agreed', (c) => `${c.N} was a willing participant and did not want to leave.`],
  ['consent/agreed', (c) => `${c.N} agreed to meet ${R.pick(ADULTS)} and had sex with him in exchange for vodka.`],
  ['consent/agreed', (c) => `${cap(c.s)} said yes to going to ${R.pick(PLACES)} so it cannot be said ${c.s} ${c.was} taken.`],
  ['hindsight', (c) => `In hindsight ${c.n} should have known better than to go back to ${R.pick(PLACES)}.`],
  ['hindsight', (c) => `${c.N} only has ${c.r} to blame after ignoring every warning.`],
  ['hindsight', (c) => `${c.N} was warned about these men and went anyway, so it is difficult to see what more agencies could have done.`],
  ['adult-like', (c) => `${c.N} ${c.is} very streetwise and mature for ${c.p} age and knows exactly what ${c.s} ${c.is} doing.`.replace(/what (she|he|they) (is|are) doing/, `what ${c.s} ${c.is} doing`)],
  ['adult-like', (c) => `${c.N} presents as much older and ${c.is} capable of making ${c.p} own decisions about relationships.`],
  ['adult-like', (c) => `${c.N} ${c.is} savvy and can look after ${c.r}; not a child who would be easily led.`],
  ['adult-like', (c) => `At ${c.age} ${c.n} is old enough to make ${c.p} own choices about who ${c.s} sees.`],
  ['wilful missing', (c) => `${c.N} regularly absconds from placement and comes back when it suits ${c.o}.`],
  ['wilful missing', (c) => `${c.N} went missing again out of choice; low risk as ${c.s} always turns up.`],
  ['wilful missing', (c) => `${c.N} has run off again to be with ${c.p} mates and will be back when ${c.s} ${verb(c, 'is', 'are')} hungry.`],
  ['wilful missing', (c) => `${c.N} ${c.is} a serial absconder and staff have stopped reporting every episode.`],
  ['wilful missing', (c) => `${c.N} chooses to go AWOL from the unit most weekends.`],
  ['wilful missing', (c) => `${c.N} keeps running off to see ${c.p} boyfriend in ${R.pick(PLACES)}.`],
  ['non-engagement', (c) => `Case closed as ${c.n} ${c.is} refusing to engage with services.`],
  ['non-engagement', (c) => `${c.N} has been offered support many times but chooses not to engage, so no further action.`],
  ['non-engagement', (c) => `${c.N} ${c.is} not willing to help ${c.r} and will not engage with the CSE worker.`],
  ['non-engagement', (c) => `NFA: ${c.n} will not make a statement and does not see ${c.r} as a victim.`.replace(' does not', c.s === 'they' ? ' do not' : ' does not')],
  ['recruiting', (c) => `${c.N} ${c.is} believed to be recruiting other girls from the home to attend the parties.`, { sex: 'f' }],
  ['recruiting', (c) => `${c.N} has been introducing younger girls to the men and ${c.is} seen as a recruiter.`, { sex: 'f' }],
  ['recruiting', (c) => `${c.N} ${c.is} grooming younger children to run for ${R.pick(GANGS)}.`],
  ['working for a group', (c) => `${c.N} ${c.is} working for ${R.pick(GANGS)} selling drugs in ${R.pick(PLACES)}.`],
  ['working for a group', (c) => `${c.N} ${c.is} a willing member of ${R.pick(GANGS)} and profits from the drug dealing.`],
  ['working for a group', (c) => `${c.N} ${c.is} a drug runner and appears to enjoy the money and status it brings.`],
  ['working for a group', (c) => `${c.N} was caught dealing in ${R.pick(PLACES)} and ${c.is} clearly involved in the business by choice.`],
  ['sexualised description', (c) => `${c.N} was dressed provocatively and was flirting with the adult males.`, { sex: 'f' }],
  ['sexualised description', (c) => `${c.N} ${c.is} promiscuous and has had a number of sexual partners.`],
  ['sexualised description', (c) => `${c.N} ${c.is} a sexually mature ${c.age}-year-old who dresses and acts much older.`],
  ['sexualised description', (c) => `${c.N} ${c.is} sexually active with ${R.pick(ADULTS)}; condoms given.`],
  ['sexualised description', (c) => `${c.N} had sex with a 23-year-old male at a party on Saturday.`],
  ['sexualised description', (c) => `${c.N} was being very sexual towards the older men and encouraging them.`],
  ['"boyfriend" for abuser', (c) => `${c.n}'s boyfriend, who is 26, picked ${c.o} up from school again today.`],
  ['"boyfriend" for abuser', (c) => `${c.N} ${c.is} in a relationship with ${R.pick(ADULT1)} and says ${c.s} ${c.is} happy.`],
  ['"boyfriend" for abuser', (c) => `${c.N} has an older boyfriend who buys ${c.o} clothes, a phone and takeaways.`],
  ['"boyfriend" for abuser', (c) => `${c.N} ${c.is} dating ${R.pick(ADULT1)} and the relationship appears mutual.`],
  ['"boyfriend" for abuser', (c) => `${c.N} spent the night at ${c.p} partner's flat; he is 29.`],
  ['"boyfriend" for abuser', (c) => `${c.N} has a sugar daddy who pays for ${c.p} nails and phone top-ups.`, { sex: 'f' }],
  ['prostitution', (c) => `${c.N} ${c.is} involved in child prostitution in the ${R.pick(['Newland', 'Spring Bank', 'docks', 'station'])} area.`],
  ['prostitution', (c) => `${c.N} ${c.is} known to sell sex for money and cigarettes.`],
  ['prostitution', (c) => `${c.N} ${c.is} working as a prostitute from ${R.pick(PLACES)}.`],
  ['prostitution', (c) => `${c.N} exchanges sex for drugs and somewhere to stay.`],
  ['prostitution', (c) => `${c.N} ${c.is} engaging in transactional sex with men ${c.s} meets online.`],
  ['prostitution', (c) => `${c.N} ${c.is} effectively a sex worker now and ${c.has} been seen soliciting on the street.`],
  ['contacting adults', (c) => `${c.N} has been contacting adult males online and sending them indecent images of ${c.r}.`],
  ['contacting adults', (c) => `${c.N} ${c.is} messaging older men on Snapchat and arranging to meet them.`],
  ['disbelief', (c) => `${c.N} ${c.is} attention seeking and ${c.p} account is not felt to be credible.`],
  ['disbelief', (c) => `${c.N} lied about ${c.p} age to the men so they could not have known.`],
  ['disbelief', (c) => `${c.N} ${c.is} known to make things up and this allegation should be treated with caution.`],
  ['blame', (c) => `${R.pick(MUMS)} says ${c.n} ${c.is} bringing it on ${c.r} and ${c.is} beyond control.`.replace(/^(\w)/, (m) => m)],
  ['blame', (c) => `The risk to ${c.n} is largely self-inflicted.`],
  ['blame', (c) => `${c.N} gets what ${c.s} wants from these men, which is why ${c.s} keeps going back.`],
  ['blame', (c) => `${c.N} ${c.is} complicit in what is happening and ${c.is} not a passive victim.`],
  ['blame', (c) => `${c.N} is a bad influence on the other residents and leads them into trouble with older men.`.replace(' is a bad', ` ${c.is} a bad`)],
  ['blame (passive)', (c) => `Risks were taken by ${c.n} when ${c.s} got into the vehicle.`],
  ['blame (passive)', (c) => `The decision to go back to the flat was made by ${c.n} alone.`],
  ['blame (passive)', (c) => `No force was used on ${c.n}; ${c.s} was not made to go and could have left at any time.`],
  ['hindsight', (c) => `${c.N} had been told about grooming in PSHE, so ${c.s} should have recognised what was going on.`],
  ['consent/agreed', (c) => `${c.N} had agreed to the arrangement and was paid for the parcels ${c.s} carried.`],
  ['choice', (c) => `${c.N} will keep choosing these men until ${c.s} decides to change.`],
  ['health register', (c) => `Pt attended with partner (aged 26) requesting EHC; consensual UPSI.`.replace(/^Pt/, `Pt ${c.age}yo F`), { sex: 'f', max: 15 }],
  ['health register', (c) => `${c.N} attended clinic and disclosed sexual activity with an older partner, which ${c.s} is happy with.`],
  ['school register', (c) => `${c.N} ${c.is} frequently absent as ${c.s} would rather be with ${c.p} older friends; ${c.s} ${verb(c, 'has', 'have')} no interest in education.`],
  ['age excuse', (c) => `${c.n} ${c.is} 17 now and old enough to decide who ${c.s} sleeps with, so the CSE flag has been removed.`, { min: 17 }],
  ['age excuse', (c) => `${c.N} will be 18 soon and ${c.is} entitled to make ${c.p} own mistakes with these men.`, { min: 17 }],
  ['putting self at risk', (c) => `${c.N} ${c.is} choosing to put ${c.r} in harm's way by hanging around the takeaway.`],
  ['putting self at risk', (c) => `${cap(c.s)} was out looking for trouble again and found it.`],
  ['choice', (c) => `${c.N} went off with the men again of ${c.p} own accord.`],
  ['choice', (c) => `${c.N} self-presented at ${R.pick(PLACES)} in the early hours, knowing the men would be there.`],
  ['blame', (c) => `${c.n}'s own actions led to the assault.`],
  ['blame', (c) => `${c.N} makes ${c.r} available to these men whenever they call.`],
  ['blame', (c) => `${c.N} enjoys the attention from older men and seeks it out.`],
  ['blame', (c) => `${c.N} allowed the men to take photographs of ${c.o}.`],
  ['blame', (c) => `${c.N} let him touch ${c.o} because ${c.s} wanted the money.`],
  ['lifestyle', (c) => `${c.N} seems to like the lifestyle and the status that comes with it.`],
  ['sexualised description', (c) => `${c.N} has been sleeping around with older lads for lifts and weed.`],
  ['sexualised description', (c) => `${c.N} was found in bed with a 30-year-old man; it appears to have been consensual.`],
  ['recruiting', (c) => `${c.N} ${c.is} the ringleader who brings the younger girls to the flat.`, { sex: 'f' }],
  ['working for a group', (c) => `${c.N} was happy to carry drugs to ${R.pick(['Bridlington', 'Scarborough', 'Grimsby', 'the coast'])} because ${c.s} liked the money.`],
  ['working for a group', (c) => `${c.N} ${c.is} a county lines runner who went looking for the work.`],
  ['wilful missing', (c) => `${c.N} went AWOL on Friday night, as usual, and strolled back in on Sunday.`],
  ['wilful missing', (c) => `MFH ${c.n} again; habitual misper, goes missing to please ${c.r}, low risk.`],
  ['non-engagement', (c) => `${c.N} has disengaged from every service offered and the referral is closed as ${c.s} does not want help.`],
  ['adult-like', (c) => `${c.N} acts like an adult and should be treated as one when it comes to who ${c.s} sees.`],
  ['hindsight', (c) => `${c.N} had been warned many times, so ${c.s} knew what would happen if ${c.s} went back.`],
  ['consent/agreed', (c) => `${c.N} was happy to go to the hotel with ${R.pick(ADULT1)} and did so of ${c.p} own free will.`],
  ['"boyfriend" for abuser', (c) => `${c.N} and ${c.p} older partner (${R.int(21, 34)}) have been together since the summer.`],
  ['prostitution', (c) => `${c.N} ${c.is} selling ${c.r} for cash at the caravan park.`],
];

const CAREFUL = [
  ['professional wording', (c) => `${c.N} ${c.is} being sexually exploited by ${R.pick(ADULTS)}; this is abuse and ${c.s} cannot consent to it.`],
  ['professional wording', (c) => `${c.N} has not chosen this; ${c.s} ${c.is} being groomed and controlled by adults who give ${c.o} drugs.`],
  ['professional wording', (c) => `${c.N} ${c.is} being criminally exploited to move drugs to ${R.pick(PLACES)} and ${c.is} a victim of trafficking.`],
  ['professional wording', (c) => `Adults have been contacting ${c.n} online, and one adult has been using technology to abuse ${c.o}.`],
  ['professional wording', (c) => `${c.N} ${c.is} a victim of exploitation and needs protection, not blame.`],
  ['professional wording', (c) => `The disruption plan targets the adults who are exploiting ${c.n}, not ${c.n}.`],
  ['professional wording', (c) => `${c.N} was raped by ${R.pick(ADULTS)}; a referral has been made to the SARC.`],
  ['professional wording', (c) => `${c.N} ${c.is} being sexually abused by a man ${c.s} calls a friend; a strategy discussion is booked.`],
  ['professional wording', (c) => `${c.N} was found at ${R.pick(PLACES)} with an adult male and ${c.is} at high risk of exploitation.`],
  ['professional wording', (c) => `Adults are targeting ${c.n} with gifts and lifts, which is a recognised grooming pattern.`],
  ['negation', (c) => `${c.N} ${c.is} not putting ${c.r} at risk; ${c.s} ${c.is} being put at risk by those exploiting ${c.o}.`],
  ['negation', (c) => `${c.N} did not go missing by choice; ${c.s} ${c.was} taken by ${R.pick(ADULTS)} in a car.`],
  ['negation', (c) => `${c.N} did not consent and, at ${c.age}, could not consent in law to what the men did.`],
  ['negation', (c) => `${c.N} was not at fault in any way; the adults involved are responsible.`],
  ['negation', (c) => `This is not a lifestyle choice: ${c.n} ${c.is} being coerced.`],
  ['negation', (c) => `There is no suggestion that ${c.n} ${c.is} to blame for the offences against ${c.o}.`],
  ['negation', (c) => `${c.N} should never be described as promiscuous or as having a boyfriend when the man is an adult abuser.`],
  ['child\'s words', (c) => `${c.N} told me "I chose to go, nobody made me"; in my view this reflects the grooming ${c.s} ${c.has} experienced.`],
  ['child\'s words', (c) => `${c.N} described the man as "my boyfriend"; he is 27 and this is being treated as grooming.`],
  ['child\'s words', (c) => `${c.N} said ${c.s} went "because I wanted to"; staff explained that the adults are responsible.`],
  ['child\'s words', (c) => `In ${c.p} own words: "I'm not a victim, I can look after myself." Worker remains concerned that ${c.s} ${c.is} being exploited.`],
  ['child\'s words', (c) => `${c.N} says "it was my decision" but the men supplied ${c.o} with alcohol first; this is abuse.`],
  ['child\'s words', (c) => `${c.N} wrote in the return interview: "I just wanted to get away from the house."`],
  ['audit/review quote', () => `The audit found records describing children as "putting themselves at risk" and "making lifestyle choices"; this language must stop.`],
  ['audit/review quote', (c) => `The review criticised the police file for calling ${c.age === 11 ? "an" : "a"} ${c.age}-year-old "promiscuous" and her abuse "consensual".`],
  ['audit/review quote', () => `Training will cover why phrases such as "child prostitute" and "sex worker" must never be used about a child.`],
  ['audit/review quote', (c) => `The officer's note that ${c.n} was "sexually active" has been corrected to record that ${c.s} ${c.was} raped.`],
  ['audit/review quote', (c) => `Police recorded ${c.n} as a "willing participant"; the MASH manager challenged this, as a child cannot consent to ${c.p} own exploitation.`],
  ['audit/review quote', (c) => `${R.pick(MUMS)} says ${c.n} "brings it on ${c.r}"; the social worker challenged this and explained grooming.`],
  ['audit/review quote', () => `Audit finding: the phrase "absconded" was used in four of six files about children missing from care; managers to address.`],
  ['audit/review quote', () => `The rapid review noted that "chose to go back" appears in the chronology and recommended it be reworded.`],
  ['audit/review quote', () => `Avoid "recruited" and "working for" when describing children who are criminally exploited; say "criminally exploited".`],
  ['audit/review quote', () => `Words such as "streetwise", "mature for her age" and "knows what she is doing" hid the exploitation in this case, the review found.`],
  ['adult\'s choices', (c) => `${c.n}'s mother has chosen to stay with her partner despite the domestic abuse, and the children remain on a plan.`],
  ['adult\'s choices', (c) => `${c.n}'s father has a chaotic lifestyle involving alcohol and has missed contact twice.`],
  ['adult\'s choices', () => `Dad, ${R.int(36, 52)}, is sexually active and has a new partner who has not yet been checked.`],
  ['adult\'s choices', (c) => `${c.n}'s mother works as a sex worker; she is ${R.int(29, 44)} and is engaging with the outreach team.`, {}],
  ['adult\'s choices', (c) => `${c.n}'s uncle, ${R.int(28, 45)}, made poor decisions about money and lost his tenancy.`],
  ['adult\'s choices', () => `Mum's boyfriend has moved into the property and a DBS check has been requested.`],
  ['adult\'s choices', () => `The adult suspect made a deliberate choice to target vulnerable girls from the care home.`],
  ['adult\'s choices', () => `The perpetrators recruited girls through a taxi firm and a takeaway, the investigation found.`],
  ['adult consent', () => `The ${R.int(22, 31)}-year-old complainant consented to the forensic examination.`],
  ['adult consent', () => `Ms ${R.pick(SURN)} (25) states that she consented to sex at first and then withdrew consent.`, { note: 'about an adult; age 25' }],
  ['adult consent', () => `${R.pick(['Kelly', 'Donna', 'Jess', 'Marta'])}, 25, says the sex was consensual and she does not want police involvement.`, { note: 'about an adult; age 25' }],
  ['adult consent', () => `The victim, ${R.int(19, 27)}, gave consent for her statement to be shared with the CPS.`],
  ['other sense', (c) => `${c.N} agreed to a return interview, which took place the next day.`],
  ['other sense', () => `The car was chosen because it had room for a child seat.`],
  ['other sense', (c) => `The venue for ${c.n}'s review was chosen because it is close to ${c.p} school.`],
  ['other sense', (c) => `${c.N} chose the blue bedroom in the new placement.`],
  ['other sense', (c) => `${c.N} has chosen to study art and music at college.`, { min: 16 }],
  ['other sense', (c) => `${c.N} recruited two friends to the school football team.`],
  ['other sense', (c) => `${c.N} wants to make healthier lifestyle choices and has joined the gym.`, { min: 13 }],
  ['other sense', (c) => `${c.N} consented to information being shared with the school nurse.`],
  ['other sense', (c) => `${c.N} ${c.is} working hard for ${c.p} GCSEs and enjoys the Saturday job at the bakery.`, { min: 15, max: 16 }],
  ['other sense', (c) => `${c.N} took a calculated risk in the chess final and won.`],
  ['other sense', (c) => `${c.N} agreed to meet the social worker at the library after school.`],
  ['other sense', (c) => `${c.N} ${c.is} very mature in how ${c.s} ${verb(c, 'cares', 'care')} for ${c.p} younger brother, which carers praised.`],
  ['other sense', (c) => `${c.N} decided to put the money from ${c.p} birthday towards a bike.`],
  ['engagement', (c) => `${c.N} ${c.is} engaging well with the youth worker and attended every session this month.`],
  ['engagement', (c) => `${c.N} found it hard to trust professionals after being let down; the worker will keep visiting at times that suit ${c.o}.`],
  ['engagement', (c) => `Services have not yet found a way to build trust with ${c.n}; the plan is to try a female worker ${c.s} already knows.`],
  ['missing recorded properly', (c) => `${c.N} has been missing three times this month and ${c.is} at risk of exploitation; a strategy meeting is requested.`],
  ['missing recorded properly', (c) => `${c.N} was reported missing from ${c.p} placement at 22:40 and found in ${R.pick(PLACES)}; return interview offered within 72 hours.`],
  ['missing recorded properly', (c) => `${c.N} was missing overnight; ${c.s} returned with new clothes and a phone nobody gave ${c.o}, which is a grooming indicator.`],
  ['age-appropriate', (c) => `${c.n} (17) is in a relationship with a 17-year-old from college; no concerns about the relationship.`],
  ['age-appropriate', (c) => `${c.n} (16) attended for routine contraception; partner is 16; no exploitation concerns identified.`],
  ['age-appropriate', (c) => `${c.n} (17) chose to move into supported lodgings nearer to college, after visiting three.`],
  ['policy', () => `A child cannot consent to their own exploitation, whatever they say about it.`],
  ['policy', () => `Staff must not describe a child as a prostitute; the correct term is child sexual exploitation.`],
  ['policy', () => `When a child keeps going missing, ask who is taking them and where, not why they will not stay put.`],
  ['other sense', (c) => `${c.N} ${c.is} putting ${c.r} forward for the school council this year.`],
  ['other sense', (c) => `${c.N} made a choice between two colleges and picked the one with the bus pass.`],
  ['other sense', (c) => `${c.N} consented to the photograph being used in the school newsletter.`],
  ['other sense', (c) => `${c.N} ${c.is} working for ${c.p} Duke of Edinburgh bronze award.`, { min: 14 }],
  ['other sense', () => `The phone was chosen because it has parental controls built in.`],
  ['other sense', (c) => `The risk assessment for ${c.n}'s school trip was agreed by the head of year.`],
  ['other sense', (c) => `${c.N} went missing from the photo line-up at sports day and was found in the canteen.`.replace('went missing from the photo line-up', 'wandered off from the photo line-up')],
  ['professional wording', (c) => `The suspect was charged with paying for the sexual services of a child; ${c.n} is the victim.`],
  ['professional wording', (c) => `${c.N} ${c.is} being moved around the county by adults to sell their drugs; this is criminal exploitation.`],
  ['professional wording', (c) => `The men gave ${c.n} alcohol and cannabis to control ${c.o}; ${c.s} could not freely agree to anything that followed.`],
  ['child\'s words', (c) => `${c.N} calls him "${R.pick(['Tats', 'Big L', 'Rico', 'Deano'])}" and says "he looks after me"; the worker has explained that he is an adult who is exploiting ${c.o}.`],
  ['child\'s words', (c) => `Asked why ${c.s} went back, ${c.n} said: "Nobody else wants me." This is recorded as evidence of grooming.`],
  ['audit/review quote', () => `The chronology described a 13-year-old as being "in a relationship" with a 24-year-old; the case review said this hid the abuse.`],
  ['audit/review quote', () => `Supervision note: the phrase "she has chosen this lifestyle" in the last assessment is victim-blaming and has been removed.`],
  ['adult\'s choices', () => `The landlord chose to let the flat to the suspect despite complaints from neighbours.`],
  ['adult\'s choices', (c) => `${c.n}'s stepfather refused to engage with the social worker and closed the door.`],
];

function ageNote(c, t) {
  if (!c) return 'age not stated';
  const m = /(\d+)/.exec(t);
  return c.showAge || new RegExp(`\\b${c.age}\\b`).test(t) ? `age ${c.age}` : `age ${c.age}, not in text`;
}
function gen(list, label, n) {
  const rows = [];
  const seen = new Set();
  let tries = 0;
  while (rows.length < n && tries < 50000) {
    tries++;
    const [cat, f, o = {}] = list[(rows.length + tries) % list.length];
    let c = f.length ? child(o.sex, o.min ?? 11, o.max ?? 17) : null;
    let text = f(c ?? child());
    if (c && /\(17\)|\b17 and old enough/.test(text)) c = { ...c, age: 17, showAge: true };
    if (c && /\(16\)/.test(text)) c = { ...c, age: 16, showAge: true };
    if (c && /sexually active with|had sex with|\bPt \d+yo/.test(text) && c.age > 15) continue; // keep under-16 for these
    if (c && !/adult/.test(cat) && R.chance(0.35)) text = R.pick(SRC) + text;
    text = text.replace(/ ,/g, ',').replace(/,,/g, ',').replace(/  +/g, ' ');
    if (seen.has(text)) continue;
    seen.add(text);
    const notes = o.note ? `${cat}; ${o.note}; template` : `${cat}; ${c ? (/about an adult|adult consent/.test(cat) ? 'about an adult' : ageNote(c, text)) : /adult/.test(cat) ? 'about an adult' : 'age not stated'}; template`;
    rows.push({ label, notes, text });
  }
  return rows;
}
const harmful = gen(HARMFUL, 'harmful', 200);
const careful = gen(CAREFUL, 'careful', 200);
const all = R.shuffle([...harmful, ...careful]);
const lines = ['id,label,notes,text'];
all.forEach((r, i) => lines.push(csvLine([`L4-${String(i + 1).padStart(3, '0')}`, r.label, r.notes, r.text])));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(`wrote ${out}: ${harmful.length} harmful, ${careful.length} careful`);
