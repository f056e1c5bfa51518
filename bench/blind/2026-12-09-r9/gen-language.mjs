// Blind round 9: 400 case-note sentences (200 harmful, 200 careful) for Threadline's language check.
// Standalone, no dependencies, fixed seed. Usage: node gen-language.mjs [OUT.csv]  (default: language/r9.csv beside it)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'language', 'r9.csv'));
let s = 9091209;
const rnd = () => {
  s |= 0; s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));

const GIRLS = ['Oliwia', 'Kacey', 'Ieva', 'Roxanne', 'Bianca', 'Lacey-Mae', 'Zuzanna', 'Skye', 'Thi Lan', 'Marta', 'Destiny', 'Shannon', 'Rūta', 'Alina', 'Keeley', 'Tegan', 'Beatriz', 'Evie', 'Jessica', 'Nevaeh', 'Dilan', 'Aleksandra', 'Kayleigh', 'Madison', 'Lily-Rose', 'Ioana', 'Paige', 'Sofia', 'Chantelle', 'Amber'];
const BOYS = ['Kacper', 'Tyler', 'Lukas', 'Reece', 'Jayden', 'Mihai', 'Bradley', 'Kai', 'Duc Anh', 'Tomasz', 'Levi', 'Callum', 'Rokas', 'Ionuț', 'Kian', 'Mason', 'Rafael', 'Alfie', 'Connor', 'Dawid', 'Brandon', 'Harley', 'Aras', 'Jake', 'Ryan', 'Mateusz', 'Riley', 'Codey', 'Owen', 'Darius'];
const MEN = ['Mr Fenwick', 'Mr Drabble', 'Mr Cullen', 'Mr Osei', 'Mr Harker', 'Mr Pask', 'Mr Stannard', 'Mr Lomax', 'Mr Varga', 'Mr Whitlock'];
const MENFIRST = ['Dean', 'Craig', 'Lee', 'Wayne', 'Gaz', 'Shane', 'Vinnie', 'Jonno', 'Mark', 'Rizzo'];
const STREETS = ['Fen Road', 'Wisbech Row', 'Marsh Lane', 'Cawood Street', 'the Ropewalk', 'Gedney Terrace', 'Sluice Road', 'Harbour View'];
const PLACES = ['the lorry park on the A17', 'Kessingham bus station', 'the car wash on Fen Road', 'the flats above the shisha lounge', 'the riverside park', 'the static caravans at Tydd Drove', 'the chicken shop on Cawood Street', 'the Travelodge at Sutterby'];
const CITIES = ['Peterborough', 'Nottingham', 'Enfield', 'Leicester', 'Boston', "King's Lynn"];

function ctx(sex, lo, hi) {
  const girl = sex === 'f' ? true : sex === 'm' ? false : rnd() < 0.55;
  const age = int(lo, hi);
  return {
    girl, age, N: girl ? pick(GIRLS) : pick(BOYS),
    sub: girl ? 'she' : 'he', Sub: girl ? 'She' : 'He', obj: girl ? 'her' : 'him', pos: girl ? 'her' : 'his', Pos: girl ? 'Her' : 'His',
    self: girl ? 'herself' : 'himself', A: int(21, 44), M: pick(MEN), MF: pick(MENFIRST), street: pick(STREETS), place: pick(PLACES), city: pick(CITIES),
  };
}
// Each template: [id, category, register, sex f|m|any, ageLo, ageHi, fn(c) -> text]
const H = [
  ['H1', 'putting self at risk', 'social work case note', 'any', 13, 16, (c) => `${c.N} continues to go to the flat on ${c.street} despite repeated warnings about the men there; ${c.sub} seems to enjoy the attention ${c.sub} gets.`],
  ['H2', 'choice / no duress', 'police log', 'f', 13, 16, (c) => `${c.N} located 0340hrs in rear of vehicle with two adult males. Under no duress and states she was there of her own accord. Words of advice given to ${c.N} re her behaviour.`],
  ['H3', 'consent / willingness', 'police to CPS', 'any', 13, 15, (c) => `OIC view: IP is a reluctant complainant who went to the address willingly on several occasions; little prospect of conviction.`],
  ['H4', 'consent / instigation', 'CPS review', 'f', 14, 15, (c) => `Reviewing lawyer: the complainant, then ${c.age}, sent affectionate messages to the suspect and arranged at least two of the meetings herself, which sits uneasily with any suggestion of grooming.`],
  ['H5', 'partner for adult', 'sexual health', 'f', 14, 15, (c) => `Pt ${c.age}F attended requesting EHC. Reports regular UPSI with ${c.A}yo partner. Advised re condoms and LARC.`],
  ['H6', 'trading sex', 'social work case note', 'any', 14, 16, (c) => `${c.N} has been trading sex for somewhere to sleep and cigarettes.`],
  ['H7', 'choice', 'school DSL log', 'any', 13, 15, (c) => `${c.N} is choosing to hang around with older males from the takeaway and will not take advice from staff.`],
  ['H8', 'hindsight / responsibility', 'early help note', 'any', 12, 15, (c) => `Mum feels ${c.N} has brought this on ${c.self} by running off with the older crowd, and I agree ${c.N} needs to take some responsibility for where ${c.sub} ends up.`],
  ['H9', 'working for (CCE)', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} is working for a ${c.city} line and appears to be doing quite nicely out of it.`],
  ['H10', 'offender not victim (CCE)', 'police log', 'm', 15, 17, (c) => `${c.N} found with 14 wraps of crack and £340 cash. He is a dealer in his own right and knows exactly what he is doing.`],
  ['H11', 'choice (CCE)', 'YOS assessment', 'm', 14, 17, (c) => `He is entrenched in the drug scene by his own choosing and regards the olders as family.`],
  ['H12', 'motive blamed', 'social work case note', 'f', 13, 16, (c) => `${c.N} goes off with these men because she likes the drink and the lifts; she is not naive.`],
  ['H13', 'sexualised / inviting', 'school DSL log', 'f', 12, 14, (c) => `${c.N} is very sexualised for her age and flirts with grown men, which is just inviting trouble.`],
  ['H14', 'non-engagement', 'IRO review', 'any', 14, 17, (c) => `IRO: ${c.N} has been offered every service available and has turned all of them down. ${c.Sub} will have to live with the consequences of the path ${c.sub} has chosen.`],
  ['H15', 'willing', 'strategy minutes', 'f', 13, 16, (c) => `Police advised that as ${c.N} was a willing passenger and disclosed no offence, the matter will be filed.`],
  ['H16', 'boyfriend for adult', 'residential log', 'f', 13, 15, (c) => `${c.N} sneaked out of her bedroom window at 23:00 to meet her older boyfriend ${c.MF} (${c.A}).`],
  ['H17', 'sleeping with adult', 'social work case note', 'f', 13, 15, (c) => `${c.N} has been sleeping with a ${c.A}-year-old man ${c.sub} met on an app.`],
  ['H18', 'sugar daddy', 'school DSL log', 'f', 13, 16, (c) => `Apparently ${c.N} has a sugar daddy who buys her phones and clothes.`],
  ['H19', 'hooking up for goods', 'youth worker note', 'any', 14, 16, (c) => `${c.N} has been hooking up with men off an app in exchange for vapes and weed.`],
  ['H20', 'keeps going missing / manipulative', 'police log', 'f', 13, 16, (c) => `${c.N} keeps taking off to ${c.city}; she goes missing whenever she doesn't get her own way.`],
  ['H21', 'AWOL / attention seeking', 'residential log', 'any', 13, 16, (c) => `AWOL again overnight. YP returned of own volition smelling of alcohol and refused to say where ${c.sub} had been. Attention-seeking behaviour.`],
  ['H22', 'disbelief', 'police log', 'f', 13, 16, (c) => `${c.N} has a history of making things up and this allegation should be treated with some caution.`],
  ['H23', 'disbelief', 'police decision', 'f', 14, 16, (c) => `Decision NFA. ${c.N} is a habitual liar and her account has changed three times.`],
  ['H24', 'complicit (CCE)', 'CPS review', 'm', 15, 17, (c) => `${c.N} is complicit in the line's supply of heroin and cannot properly be regarded as a victim.`],
  ['H25', 'money over education (CCE)', 'school DSL log', 'm', 14, 16, (c) => `${c.N} has been running for the ${c.city} line and has chosen the money over his education; he is in it for the designer gear.`],
  ['H26', 'asking for trouble', 'school DSL log', 'f', 12, 14, (c) => `${c.N} is always on her phone to older lads and is asking for trouble.`],
  ['H27', 'for fun', 'police log', 'any', 13, 15, (c) => `${c.N} gets into cars with older men for a laugh.`],
  ['H28', 'offered / debt (CCE)', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} offered to carry for them so he could clear his own debt.`],
  ['H29', 'perpetrator not victim (recruiting)', 'strategy minutes', 'm', 15, 17, (c) => `${c.N} is now the one drawing the Year 9 boys in; at this point he is a perpetrator, not a victim.`],
  ['H30', 'blame for friend', 'social work case note', 'f', 14, 16, (c) => `${c.N} introduced her friend to the men at the flat and is as much to blame as they are.`],
  ['H31', 'partner for adult', 'child and family assessment', 'f', 14, 16, (c) => `${c.N} has an older partner, ${c.MF} (${c.A}), whom she stays with on and off; the relationship is described as volatile.`],
  ['H32', 'promiscuous', 'residential log', 'f', 13, 15, (c) => `${c.N} (${c.age}) has become increasingly promiscuous since moving to the home.`],
  ['H33', 'sexually active with adults', 'social work case note', 'f', 14, 16, (c) => `${c.N} is sexually active with a number of men from the car wash.`],
  ['H34', 'consenting at the time', 'police log', 'f', 14, 15, (c) => `${c.N} was consenting at the time and only made a complaint after falling out with him.`],
  ['H35', 'put self in situation', 'police log', 'f', 14, 16, (c) => `${c.N} put herself in that situation by drinking with men she had never met.`],
  ['H36', 'risk-taking', 'CAMHS letter', 'any', 13, 16, (c) => `${c.N} is a danger to ${c.self}; ${c.pos} risk-taking with older men is the main concern at present.`],
  ['H37', 'playing the system', 'social work case note', 'f', 14, 16, (c) => `${c.N} is playing the system and uses going missing to get what she wants from placement.`],
  ['H38', 'sending images', 'school DSL log', 'any', 13, 15, (c) => `${c.N} has been swapping nudes with grown men and needs to learn there are consequences.`],
  ['H39', 'runaway', 'placement review', 'any', 13, 16, (c) => `${c.N} is a serial runaway who will not settle whatever placement we find.`],
  ['H40', 'happy with arrangement', 'social work case note', 'f', 15, 17, (c) => `${c.N} is happy with the arrangement and does not see herself as a victim, so there is little more we can do.`],
  ['H41', 'old enough', 'strategy minutes', 'f', 16, 17, (c) => `Meeting agreed ${c.N}, ${c.age}, is old enough to know what she is doing with ${c.MF} (${c.A}).`],
  ['H42', 'consenting partner', 'child and family assessment', 'f', 15, 16, (c) => `This is an exploitative relationship, but ${c.N} is a consenting partner in it.`],
  ['H43', 'knew full well (CCE)', 'police log', 'm', 14, 16, (c) => `${c.N} says he was told to carry the bag, but he knew full well what was in it and took the fifty quid.`],
  ['H44', 'got himself involved', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} has got himself involved with a gang from ${c.city}.`],
  ['H45', 'got herself mixed up', 'GP record', 'f', 13, 16, (c) => `Mum worried - daughter has got herself mixed up with some older men in town.`],
  ['H46', 'looks older', 'police log', 'f', 13, 13, (c) => `${c.N} looks and acts much older than 13, so it is understandable the men assumed she was 18.`],
  ['H47', 'self-placed with adult', 'out-of-hours log', 'f', 15, 16, (c) => `YP has self-placed at the address of her partner (${c.A}) and is refusing to come home.`],
  ['H48', 'brings it on himself (CCE)', 'social work case note', 'm', 14, 16, (c) => `${c.N} brings it on himself: he owes the dealers because he smoked the stash.`],
  ['H49', 'engaging in sexual activity', 'police log', 'f', 13, 15, (c) => `${c.N} has been engaging in sexual activity with adult males in return for alcohol.`],
  ['H50', 'soliciting', 'police log', 'f', 15, 16, (c) => `${c.N} has been seen soliciting lifts from drivers at ${c.place}.`],
  ['H51', 'selling himself (boy CSE)', 'youth worker note', 'm', 15, 16, (c) => `Word is ${c.N} has been selling himself at the services on the A17.`],
  ['H52', 'willing party', 'police log', 'f', 14, 15, (c) => `She met the man online and travelled to ${c.city} to see him; she was a willing party throughout.`],
  ['H53', 'non-engagement', 'CAMHS letter', 'any', 13, 16, (c) => `DNA x3 at the exploitation clinic. ${c.N} not motivated to change; discharged back to GP.`],
  ['H54', 'throwing it back', 'social work supervision', 'f', 14, 16, (c) => `${c.N} has been given chance after chance and keeps throwing it back in our faces by going back to him.`],
  ['H55', 'knows the score', 'police log', 'm', 14, 16, (c) => `${c.N} is nobody's fool and knows the score with the older lads.`],
  ['H56', 'teenage romance', 'police decision', 'f', 14, 15, (c) => `Probably a teenage romance that got out of hand; she was keen on him. He is ${c.A}.`],
  ['H57', 'own behaviour attracting', 'school DSL log', 'f', 13, 15, (c) => `${c.N}'s own behaviour is attracting the wrong sort of attention from men.`],
  ['H58', 'gave consent', 'police log', 'f', 14, 15, (c) => `${c.N} gave her consent to the photos being taken.`],
  ['H59', 'career (CCE)', 'YOS assessment', 'm', 15, 17, (c) => `${c.N} is making a career out of the county lines.`],
  ['H60', 'criminal path (CCE)', 'court report', 'm', 15, 17, (c) => `${c.N} was found in a trap house in ${c.city}, forty miles from home, but he has chosen a criminal path and a Youth Rehabilitation Order is the proportionate response.`],
  ['H61', 'instigator', 'police log', 'f', 14, 15, (c) => `${c.N} was the instigator: she messaged him first and asked him to pick her up.`],
  ['H62', 'dress / looking for men', 'foster carer log', 'f', 13, 15, (c) => `Carer reports ${c.N} dresses provocatively and goes out looking for men.`],
  ['H63', 'having sex with adult', 'health visitor/school nurse', 'f', 13, 14, (c) => `${c.N} (${c.age}) is having sex with her ${int(19, 24)}-year-old boyfriend; contraception discussed.`],
  ['H64', 'had sex under 13', 'social work case note', 'f', 11, 12, (c) => `${c.N} (${c.age}) had sex with a man in the park on Saturday.`],
  ['H65', 'sex acts for money under 13', 'school DSL log', 'any', 11, 12, (c) => `${c.N} (${c.age}) has been performing sex acts on older boys for money.`],
  ['H66', 'lifestyle (CCE)', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} enjoys the buzz of the county lines lifestyle.`],
  ['H67', 'agreed (CCE)', 'police log', 'm', 13, 15, (c) => `${c.N} agreed to hold the phone for the line in exchange for cannabis.`],
  ['H68', 'went willingly', 'police log', 'f', 13, 15, (c) => `${c.N} went willingly with the men in the silver Audi.`],
  ['H69', 'went back voluntarily', 'CPS review', 'f', 14, 16, (c) => `${c.N}'s account lacks credibility; she went back to the flat voluntarily the following weekend.`],
  ['H70', 'as responsible', 'strategy minutes', 'f', 14, 16, (c) => `${c.N} is as responsible as the adults for what went on at the party.`],
  ['H71', 'affair', 'social work case note', 'f', 14, 15, (c) => `Per mother, her boyfriend (${c.A}) and ${c.N} (${c.age}) have been having an affair.`],
  ['H72', 'absconder', 'placement review', 'any', 13, 16, (c) => `${c.N} is a prolific absconder from placement.`],
  ['H73', 'help herself', 'early help closure', 'f', 14, 16, (c) => `Until ${c.N} is willing to help herself there is nothing further this service can offer.`],
  ['H74', 'something in it', 'social work case note', 'f', 14, 16, (c) => `There is obviously something in it for her or she would not keep returning to the flat.`],
  ['H75', 'self-inflicted debt (CCE)', 'YOS assessment', 'm', 14, 16, (c) => `${c.N}'s drug debt is self-inflicted.`],
  ['H76', 'grafting (CCE)', 'youth worker note', 'm', 14, 16, (c) => `He's been grafting for the ${c.city} boys and wants to be part of it.`],
  ['H77', 'Gillick to accept adult', 'sexual health', 'f', 15, 15, (c) => `Gillick competent. Has chosen to continue seeing ${c.M} (${c.A}); pill started.`],
  ['H78', 'long prose: choice and hindsight', 'child and family assessment', 'f', 14, 16, (c) => `Although professionals have explained the risks to ${c.N} on many occasions, and although her mother has tried to keep her at home, ${c.N} continues to make the decision to go to ${c.place} at weekends, where she drinks with adult men, and it is difficult to see what more can be done while she persists in this.`],
  ['H79', 'fragment', 'police log', 'any', 14, 16, (c) => `Knows the risks. Goes anyway.`],
  ['H80', 'fragment: consensual', 'police log', 'f', 14, 15, (c) => `Consensual per both parties. Male ${c.A}. Filed.`],
  ['H81', 'prostitution', 'court report', 'f', 15, 16, (c) => `Historically ${c.N} was involved in prostitution around ${c.place}.`],
  ['H82', 'she let him', 'school DSL log', 'f', 13, 14, (c) => `${c.N} told a friend she let him do it because he had bought her things.`],
  ['H83', 'young offender (CCE)', 'court report', 'm', 15, 17, (c) => `Despite the NRM referral, ${c.N} presents as a sophisticated young offender who has embraced the drugs trade.`],
  ['H84', 'missing by choice', 'police log', 'any', 14, 16, (c) => `MISPER ${c.N} again - low risk as ${c.sub} goes missing by choice and always comes back.`],
  ['H85', 'partying', 'minutes of a team meeting', 'f', 14, 16, (c) => `${c.N} just wants to party with the older ones at the caravans and won't be told.`],
  ['H86', 'compliant', 'CPS review', 'f', 13, 15, (c) => `The complainant was compliant and made no attempt to leave or raise the alarm.`],
  ['H87', 'online contacting men', 'police log', 'any', 13, 15, (c) => `${c.N} has been messaging adult males on Snapchat and arranging to meet them.`],
  ['H88', 'exchange', 'social work case note', 'f', 15, 16, (c) => `${c.N} exchanges sexual favours for drugs with the men at ${c.place}.`],
];
const C = [
  ['C1', 'grooming named', 'social work case note', 'any', 13, 16, (c) => `${c.N} was taken to the flat on ${c.street} by men who had been grooming ${c.obj} with alcohol and lifts.`],
  ['C2', 'exploitation named', 'police log', 'f', 13, 16, (c) => `${c.N} located 0340hrs in rear of vehicle with two adult males. ${c.N} is a child being sexually exploited; both males arrested.`],
  ['C3', 'attributed quote rejected', 'CPS review', 'f', 14, 14, (c) => `The suspect, ${c.A}, says ${c.N} was a willing participant; the reviewing lawyer rejects this, as a 14-year-old cannot consent to her own exploitation.`],
  ['C4', 'child\'s words + grooming', 'social work case note', 'f', 14, 15, (c) => `${c.N} told me: "He's my boyfriend, he loves me." He is ${c.A}. This is grooming and has gone to the MASH today.`],
  ['C5', 'adult choice', 'child and family assessment', 'any', 10, 15, (c) => `Father chose to move the family to Lincoln in July for work.`],
  ['C6', 'adult lifestyle', 'police intelligence', 'any', 13, 16, (c) => `${c.M} (${c.A}) has a chaotic lifestyle and previous convictions for supplying class A.`],
  ['C7', 'benign choice', 'school note', 'any', 13, 14, (c) => `${c.N} chose Food Technology and Art for ${c.pos} GCSE options.`],
  ['C8', 'negation', 'strategy minutes', 'any', 13, 16, (c) => `${c.N} is not putting ${c.self} at risk; ${c.sub} is being put at risk by adults who target ${c.obj}.`],
  ['C9', 'negation / law', 'police log', 'f', 14, 15, (c) => `At no point did ${c.N} consent, and in law she could not have consented.`],
  ['C10', 'audit quoting', 'multi-agency audit', 'f', 14, 16, (c) => `Audit finding: the 2019 entry calling ${c.N} "promiscuous" is victim-blaming and has been raised in the worker's supervision.`],
  ['C11', 'adult absconded', 'police log', 'any', 13, 16, (c) => `The suspect absconded from bail in March and has since been recalled to prison.`],
  ['C12', 'benign agreed', 'charity return interview', 'any', 13, 16, (c) => `${c.N} agreed to the safety plan and to keep the Drove worker's number in ${c.pos} phone.`],
  ['C13', 'benign consent', 'health', 'f', 14, 16, (c) => `${c.N} consented to the forensic examination at the SARC and was supported by ${c.pos} aunt.`],
  ['C14', 'benign recruited', 'school note', 'any', 13, 15, (c) => `${c.N} has been recruited to the under-15 county cricket squad.`],
  ['C15', 'benign earning', 'early help note', 'any', 14, 16, (c) => `${c.N} earns £20 a week helping at the farm shop on Saturdays; Mum confirms this.`],
  ['C16', 'benign gift', 'foster carer log', 'any', 10, 14, (c) => `${c.N} was given a new bike for ${c.pos} birthday by ${c.pos} grandparents.`],
  ['C17', 'CCE named', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} is being criminally exploited: he was made to carry drugs to ${c.city} to pay off a debt the group invented.`],
  ['C18', 'missing and at risk', 'police log', 'any', 13, 16, (c) => `${c.N} is missing and at risk. Last seen near ${c.place}, believed to be with adult males.`],
  ['C19', 'parent quote corrected', 'social work case note', 'f', 13, 15, (c) => `Mum said "she chooses to go, she wants to be with them"; I explained that ${c.N} is being groomed and is not to blame.`],
  ['C20', 'training quoting', 'training record', 'any', 13, 16, (c) => `Training note: avoid phrases such as "putting herself at risk" or "lifestyle choice"; describe what the adults are doing to the child.`],
  ['C21', 'adult relationship', 'child and family assessment', 'any', 10, 15, (c) => `Mum is in a relationship with ${c.M}, ${c.A}; no concerns have been raised about him.`],
  ['C22', 'same-age peers', 'school DSL log', 'f', 15, 15, (c) => `${c.N} has a boyfriend in Year 11 who is the same age; both families know and there are no concerns.`],
  ['C23', 'same-age peers', 'sexual health', 'f', 16, 17, (c) => `Pt ${c.age}F attended with 17yo boyfriend from college for condoms. Peer relationship; no safeguarding concerns.`],
  ['C24', 'debt bondage named', 'charity note', 'any', 14, 16, (c) => `${c.N} has been told ${c.sub} owes the men money; the debt is being used to control ${c.obj}.`],
  ['C25', 'adult sex workers', 'police log', 'any', 14, 16, (c) => `The adult women working on ${c.street} were signposted to the outreach van.`],
  ['C26', 'negation: not missing', 'residential log', 'any', 12, 15, (c) => `${c.N} did not go missing; ${c.sub} was at ${c.pos} aunt's, as agreed with the carers.`],
  ['C27', 'negation: not naughty', 'school DSL log', 'any', 13, 15, (c) => `${c.N} is not being "difficult"; ${c.pos} absences follow contact from the group of men.`],
  ['C28', 'child\'s words + grooming', 'charity return interview', 'f', 13, 15, (c) => `${c.N} said "I wanted to go, I like it there." This fits with grooming: the men have given her a sense of belonging.`],
  ['C29', 'trafficking / NRM', 'YOS assessment', 'm', 14, 16, (c) => `${c.N} has been trafficked to ${c.city} to sell drugs and an NRM referral was made today.`],
  ['C30', 'suspect claim rejected', 'CPS review', 'f', 13, 14, (c) => `The suspect's claim that ${c.N} "looked 18" does not affect his liability.`],
  ['C31', 'CPS grooming', 'CPS review', 'f', 14, 15, (c) => `The complainant's earlier contact with the suspect is evidence of grooming, not of consent.`],
  ['C32', 'abuse named', 'police log', 'f', 14, 15, (c) => `${c.N} was sexually abused by ${c.M} (${c.A}) between May and August; enquiries continue.`],
  ['C33', 'rape named under 13', 'social work case note', 'f', 12, 12, (c) => `${c.N} (12) has been raped; a strategy discussion was held the same day.`],
  ['C34', 'online abuse named', 'police log', 'any', 13, 15, (c) => `${c.N} was coerced into sending images; the adult is using technology to abuse ${c.obj}.`],
  ['C35', 'chair on wording', 'strategy minutes', 'any', 13, 16, (c) => `Chair reminded the meeting that "absconding" is not the right word for a child who is being exploited.`],
  ['C36', 'benign engaged', 'CAMHS letter', 'any', 12, 16, (c) => `${c.N} has engaged well with CAMHS and says ${c.sub} looks forward to the sessions.`],
  ['C37', 'service engagement', 'multi-agency audit', 'any', 13, 16, (c) => `Our service did not engage ${c.N} early enough; the referral sat unallocated for six weeks.`],
  ['C38', 'benign recruited', 'charity note', 'any', 14, 16, (c) => `${c.N} has been recruited as a young leader at the Scouts.`],
  ['C39', 'adult risky choices', 'police log', 'any', 13, 16, (c) => `${c.M} was seen making risky choices overtaking lorries on the A17 and was stopped.`],
  ['C40', 'benign maturity', 'health', 'any', 12, 15, (c) => `${c.N} is very mature about managing ${c.pos} diabetes and does ${c.pos} own injections.`],
  ['C41', 'quote as concern about adult', 'police log', 'f', 14, 15, (c) => `The taxi driver said ${c.N} "knew what she was doing"; officers recorded this as a concern about the driver.`],
  ['C42', 'victim not suspect', 'police log', 'f', 14, 16, (c) => `${c.N} is a victim of child sexual exploitation and is not to be treated as a suspect for the offences at the flat.`],
  ['C43', 'adult recruiting', 'police intelligence', 'any', 13, 16, (c) => `${c.N}'s older brother, 19, has been recruiting local boys for a ${c.city} line and was arrested yesterday.`],
  ['C44', 'adults contacting child', 'school DSL log', 'any', 12, 14, (c) => `${c.M} has been contacting ${c.N} on Snapchat; ${c.N} did not reply and showed ${c.pos} mum.`],
  ['C45', 'adults contacting child', 'police log', 'f', 13, 15, (c) => `Adults have been contacting ${c.N} on Instagram and sending her gifts; referred to the exploitation team.`],
  ['C46', 'young carer', 'school note', 'any', 11, 15, (c) => `${c.N} is a young carer for ${c.pos} mum, who has MS; ${c.pos} lateness relates to morning care.`],
  ['C47', 'IRO correcting', 'IRO review', 'f', 14, 16, (c) => `IRO: previous reviews said ${c.N} "makes poor choices"; that did not reflect the exploitation she experienced, and this review records it correctly.`],
  ['C48', 'benign missing (found)', 'school note', 'any', 11, 13, (c) => `${c.N} was not in the lunch register and was found in the library ten minutes later; no concerns.`],
  ['C49', 'gifts then favours', 'social work case note', 'f', 13, 15, (c) => `${c.N} was given money and a phone by adults who then demanded "favours"; this is sexual exploitation.`],
  ['C50', 'negation relationship', 'child protection conference', 'f', 14, 15, (c) => `${c.N} was not in a relationship with ${c.M}; ${c.M} was grooming her.`],
  ['C51', 'child self-blame addressed', 'charity note', 'any', 13, 16, (c) => `${c.N} feels it was ${c.pos} fault. I told ${c.obj} clearly that the adults are responsible, not ${c.obj}.`],
  ['C52', 'child\'s words', 'social work case note', 'f', 15, 16, (c) => `${c.N} said: "I'm not a victim, I'm not stupid." I acknowledged how she feels; the plan still treats her as at risk of exploitation.`],
  ['C53', 'benign late', 'foster carer log', 'any', 11, 14, (c) => `${c.N} was late back from football; the coach rang to say the match had run over.`],
  ['C54', 'benign agreed', 'school note', 'any', 13, 16, (c) => `${c.N} agreed to have the return interview at school with the Drove worker.`],
  ['C55', 'adult controlling', 'police intelligence', 'f', 13, 15, (c) => `The driver of the silver Audi, aged ${c.A}, is believed to be giving ${c.N} cannabis to control her.`],
  ['C56', 'chronology correction', 'social work supervision', 'any', 13, 16, (c) => `Any suggestion that ${c.N} "chose" this should be taken out of the chronology.`],
  ['C57', 'benign choices', 'school note', 'any', 15, 16, (c) => `${c.N} is weighing up ${c.pos} choices between the two colleges in ${c.city}.`],
  ['C58', 'parent quote challenged', 'school DSL log', 'f', 13, 15, (c) => `A parent called ${c.N} "a little madam who goes with men"; the DSL explained child exploitation to the parent.`],
  ['C59', 'section 45', 'YOS assessment', 'm', 15, 17, (c) => `${c.N} was found with drugs; his solicitor has raised the section 45 defence as he was criminally exploited.`],
  ['C60', 'CCE victim', 'police log', 'm', 13, 15, (c) => `${c.N} was made to hold the line phone; he is a victim of criminal exploitation and an NRM has been submitted.`],
  ['C61', 'benign selling', 'school note', 'any', 11, 14, (c) => `${c.N} sold cakes at the summer fair to raise money for the hospice.`],
  ['C62', 'plan not on child', 'strategy minutes', 'f', 14, 16, (c) => `${c.N} did not choose to be exploited, and the plan must not rest on her willingness to stay away from the men.`],
  ['C63', 'action on wording', 'strategy minutes', 'any', 13, 16, (c) => `Action: social worker to make sure the assessment describes the adults' behaviour, not ${c.N}'s.`],
  ['C64', 'benign consent', 'school nurse', 'any', 12, 16, (c) => `${c.N} consented to information being shared with the school nurse.`],
  ['C65', 'online grooming', 'police log', 'f', 12, 14, (c) => `${c.N} was groomed online by a man pretending to be 15; he has been charged.`],
  ['C66', 'disclosure praised', 'school DSL log', 'any', 12, 15, (c) => `${c.N} was brave to tell ${c.pos} teacher about the messages from the man at the takeaway.`],
  ['C67', 'manager oversight', 'social work supervision', 'f', 14, 16, (c) => `Manager's oversight: I have asked for "promiscuous" and "risk-taking" to be removed from the referral.`],
  ['C68', 'adult choice', 'child and family assessment', 'any', 10, 14, (c) => `Mum chose to stay at the refuge for another month.`],
  ['C69', 'adult agreed', 'police log', 'any', 13, 16, (c) => `The driver agreed to give a statement about the girls he was asked to collect from school.`],
  ['C70', 'long prose: exploitation', 'child and family assessment', 'f', 14, 16, (c) => `Although ${c.N} goes to ${c.place} most weekends and tells professionals that nobody makes her, the pattern of gifts, lifts and alcohol from adult men, the shrinking gaps between missing episodes and her fear when asked about them show that she is being sexually exploited, and the plan is built around disrupting the adults.`],
  ['C71', 'fragment', 'police log', 'any', 13, 16, (c) => `CSE victim. Not a willing participant. Suspect arrested.`],
  ['C72', 'adult consent', 'police log', 'any', 13, 16, (c) => `Mother consented to a search of the house for ${c.N}.`],
  ['C73', 'adult sexual activity', 'health', 'any', 13, 16, (c) => `${c.M}, ${c.A}, attended the GUM clinic; he is sexually active with several adult partners.`],
  ['C74', 'child\'s words CCE', 'charity return interview', 'm', 14, 16, (c) => `${c.N} said "I do it for the money, nobody makes me." He has described threats and a debt, which are signs he is being criminally exploited.`],
  ['C75', 'peer assessment', 'strategy minutes', 'f', 16, 17, (c) => `${c.N}, ${c.age}, is seeing a 17-year-old from college; no exploitation concerns were identified and no further action.`],
  ['C76', 'benign lifestyle', 'school note', 'any', 11, 14, (c) => `Healthy lifestyle week: ${c.N} led the Year 7 assembly on sleep and screens.`],
  ['C77', 'adult promiscuity quote', 'multi-agency audit', 'any', 13, 16, (c) => `The review found that officers in 2016 described victims as "promiscuous" and "streetwise"; both words are now banned in the force's guidance.`],
  ['C78', 'benign missing item', 'school note', 'any', 11, 15, (c) => `${c.N}'s phone went missing from the changing room; it was handed in the next day.`],
  ['C79', 'offence against child', 'CPS review', 'f', 13, 15, (c) => `Charge authorised: sexual activity with a child and arranging the sexual exploitation of a child, against ${c.M}.`],
  ['C80', 'car / adult responsible', 'police log', 'f', 13, 15, (c) => `${c.N} was picked up from school by an unknown adult male in a grey Vauxhall; the driver is being traced.`],
];

const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const rows = [];
const seen = new Set();
function make(list, label, n) {
  let i = 0;
  let made = 0;
  while (made < n) {
    const t = list[i % list.length];
    i++;
    const [id, cat, reg, sex, lo, hi, fn] = t;
    let text;
    let c;
    for (let k = 0; k < 50; k++) {
      c = ctx(sex, lo, hi);
      text = fn(c);
      if (!seen.has(text)) break;
    }
    if (!new RegExp(`\\b${c.age}\\b`).test(text) && text.includes(c.N + ' ') && rnd() < 0.22) {
      const form = pick([`${c.N} (${c.age}) `, `${c.N}, ${c.age}, `, `${c.age}-year-old ${c.N} `]);
      const t2 = text.replace(c.N + ' ', form);
      text = form.startsWith(String(c.age)) && text.startsWith(c.N) ? t2[0].toUpperCase() + t2.slice(1) : t2;
    }
    if (seen.has(text)) continue;
    seen.add(text);
    const inText = new RegExp(`\\b${c.age}\\b|${c.age}F|${c.age}yo`).test(text) ? 'age in text' : 'not in text';
    const who = /\b(she|her)\b/i.test(text) ? 'girl' : /\b(he|him|his)\b/i.test(text) ? 'boy' : c.girl ? 'girl' : 'boy';
    rows.push({ label, notes: `${cat}; age ${c.age}, ${inText}; ${reg}; ${who}; template ${id}`, text });
    made++;
  }
}
make(H, 'harmful', 200);
make(C, 'careful', 200);
for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [rows[i], rows[j]] = [rows[j], rows[i]];
}
const lines = ['id,label,notes,text'];
rows.forEach((r, i) => lines.push([`r9-${String(i + 1).padStart(3, '0')}`, r.label, r.notes, r.text].map(q).join(',')));
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`wrote ${OUT}: ${rows.length} rows (${rows.filter((r) => r.label === 'harmful').length} harmful, ${rows.filter((r) => r.label === 'careful').length} careful)`);
