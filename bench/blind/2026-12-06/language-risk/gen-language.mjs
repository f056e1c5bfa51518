// Generates /work/fresh2/language/sentences.csv: 250 sentences that blame a child for their own
// exploitation or abuse (label harmful) and 250 careful ones (label careful), as UK practitioners
// write case notes. Hand-written one-off sentences plus hand-crafted templates. Fixed seed.
// Usage: node gen-language.mjs OUT.csv [SEED]
import fs from 'node:fs';

const OUT = process.argv[2] ?? 'sentences.csv';
let s = Number(process.argv[3] ?? 4242) >>> 0;
function rnd() {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));

const GIRLS = ['Amy', 'Chloe', 'Jade', 'Courtney', 'Kayleigh', 'Ruby', 'Ellie', 'Megan', 'Leah', 'Paige', 'Demi', 'Aaliyah', 'Zara', 'Maryam', 'Tia', 'Freya', 'Niamh', 'Keeley', 'Bethany', 'Layla', 'Oliwia', 'Tegan', 'Summer', 'Lacey', 'Skye', 'Shannon'];
const BOYS = ['Callum', 'Kyle', 'Tyler', 'Harvey', 'Jayden', 'Kai', 'Reece', 'Ibrahim', 'Dylan', 'Kacper', 'Tyrese', 'Riley', 'Declan', 'Brandon'];
const ADULTS = ['Darren', 'Imran', 'Shaun', 'Tariq', 'Karl', 'Wayne', 'Sajid', 'Lee', 'Florin', 'Mo'];

const rows = [];
function add(label, text, cat, age, how) {
  rows.push({ label, text, notes: `${cat}; ${age == null ? 'age not stated' : age === 'adult' ? 'about an adult' : `age ${age}`}; ${how}` });
}

// ======================================================================================
// HARMFUL: one-off sentences (hand-written). [text, category, age|null]
// ======================================================================================
const H1 = [
  ['Chloe continues to make poor choices about who she spends her time with and this is impacting on her safety.', 'choice', 14],
  ['It appears Jade has chosen to return to the address in Drake Street despite being warned about the men there.', 'choice', 15],
  ['Ruby is choosing to associate with older males and will not listen to advice from staff.', 'choice', 14],
  ['Kayleigh has decided she would rather be with "her friends" at the flat than at home, which is her decision to make at her age.', 'adult-like autonomy', 15],
  ['Mother feels Megan is old enough to decide who she sees and professionals should respect that.', 'adult-like autonomy', 15],
  ['Ellie (13) was a willing participant and went back to the house several times.', 'consent', 13],
  ['The sexual contact appears to have been consensual; Leah says she wanted to go.', 'consent', 14],
  ['Officers noted that Paige went along with it and did not try to leave.', 'consent', 14],
  ['There is no evidence of force; Demi agreed to get into the car with the two men.', 'consent', 13],
  ['Zara is engaging in a risky lifestyle which includes drinking and staying out with adults.', 'lifestyle', 15],
  ['Her chaotic lifestyle is the main barrier to keeping her safe.', 'lifestyle', null],
  ['Tia appears to enjoy the lifestyle – the money, the clothes and the attention.', 'lifestyle', 15],
  ['This is a lifestyle Freya has adopted and there is little more children\'s services can do.', 'lifestyle', 16],
  ['Niamh is placing herself in dangerous situations by going to parties with men she does not know.', 'putting self at risk', 14],
  ['Keeley puts herself in harm\'s way every weekend.', 'putting self at risk', 15],
  ['She exposes herself to risk by getting into cars with adults she has met online.', 'putting self at risk', 13],
  ['Bethany is knowingly putting herself in vulnerable positions with these males.', 'putting self at risk', 14],
  ['Layla continues to place herself at significant risk of CSE.', 'putting self at risk', 13],
  ['Concerns that Oliwia is prostituting herself in exchange for vapes and cannabis.', 'prostituting', 14],
  ['It is believed Tegan is selling herself to older men for money.', 'prostituting', 15],
  ['Summer (15) has been trading sex for alcohol and somewhere to stay.', 'prostituting', 15],
  ['Intelligence suggests the girl is working as a child prostitute from the hotel.', 'prostituting', null],
  ['Lacey is known to offer sexual favours for lifts and cigarettes.', 'prostituting', 14],
  ['Skye is sexually active with her 24-year-old boyfriend.', 'sexually active with adult', 14],
  ['Shannon (12) disclosed that she has been having sex with a 19-year-old.', 'sexually active under 13', 12],
  ['Amy, aged 11, is believed to be sexually active.', 'sexually active under 13', 11],
  ['School nurse notes that Courtney (14) is sexually active and has had several partners.', 'sexually active under 16', 14],
  ['Aaliyah has been sleeping with a man in his thirties who she met on Snapchat.', 'sexually active with adult', 15],
  ['Maryam\'s boyfriend, who is 27, collects her from school most days.', 'boyfriend for adult', 14],
  ['Paige is in a relationship with a 31-year-old man called Darren.', 'boyfriend for adult', 15],
  ['She says she loves him and the relationship is consensual, although he is 22 and she is 14.', 'consent', 14],
  ['Ruby went missing again, staying with her older boyfriend at his flat.', 'boyfriend for adult', 15],
  ['Jade absconded from her placement for the fourth time this month.', 'wilful missing', 15],
  ['Megan keeps running off and refuses to tell anyone where she goes.', 'wilful missing', 14],
  ['Leah took herself missing overnight and returned in the morning with no explanation.', 'wilful missing', 14],
  ['Chloe went missing of her own accord and therefore was not deemed at risk.', 'wilful missing', 15],
  ['She is a frequent absconder who chooses to leave when she does not get her own way.', 'wilful missing', 15],
  ['Ellie has once again decided to go AWOL.', 'wilful missing', 13],
  ['Kayleigh refuses to engage with any professional and the case will be closed.', 'not engaging', 15],
  ['Despite several attempts Zara will not engage, so NFA.', 'not engaging', 15],
  ['Tia is not engaging with the CSE worker and therefore the risk cannot be reduced.', 'not engaging', 14],
  ['Freya has disengaged from services and has made it clear she does not want help; closing.', 'not engaging', 16],
  ['Niamh is uncooperative with police and will not support a prosecution, so there is little we can do.', 'not engaging', 15],
  ['Keeley has been recruiting other girls from the care home to go to the parties.', 'recruiting', 15],
  ['Bethany is bringing younger girls to the men and is seen as part of the problem.', 'recruiting', 15],
  ['It is believed Layla is the one introducing her friends to the group and should be treated as a suspect.', 'recruiting', 14],
  ['Oliwia should have known better than to go back to that house.', 'hindsight', 14],
  ['If Tegan had stayed at home as she was told, none of this would have happened.', 'hindsight', 13],
  ['She could have called the police at any time but chose not to.', 'hindsight', 15],
  ['Summer had plenty of opportunities to tell someone and did not.', 'hindsight', 15],
  ['Lacey is very streetwise and well able to look after herself.', 'streetwise', 15],
  ['Skye knows the score – she is street smart and knows exactly what these men want.', 'streetwise', 15],
  ['Shannon is savvy and worldly for her age; she is not a naive victim.', 'streetwise', 14],
  ['Amy presents as mature beyond her years and appears to know what she is doing.', 'adult-like autonomy', 14],
  ['Courtney is 16 in a few months and is capable of making her own decisions about relationships.', 'adult-like autonomy', 15],
  ['Aaliyah is promiscuous and has a reputation at school.', 'promiscuous', 14],
  ['Maryam has been contacting adult males online and sending them photos.', 'contacting adults', 13],
  ['Paige sent explicit images of herself to a 30-year-old man.', 'sending images', 14],
  ['She is attention seeking and has made allegations before.', 'disbelief', 14],
  ['Ruby tends to exaggerate and her account should be treated with caution as she is a known liar.', 'disbelief', 15],
  ['Jade was dressed provocatively and had been drinking, which made her vulnerable.', 'hindsight', 15],
  ['Megan was drunk at the time so she was partly responsible for what happened.', 'hindsight', 15],
  ['Leah is described as a difficult and manipulative young person who plays staff off against each other.', 'disbelief', 14],
  ['Kyle is working for the line and earning good money, which he is reluctant to give up.', 'criminal exploitation: working for', 15],
  ['Tyler has been recruited into county lines and is now dealing in Blackpool.', 'criminal exploitation: recruited', 15],
  ['Harvey has chosen to get involved in drug running.', 'choice', 14],
  ['Jayden is a willing member of the gang and is not a victim.', 'consent', 16],
  ['Kai appears to enjoy the status of carrying for older boys.', 'lifestyle', 15],
  ['Reece is putting himself at risk by travelling to other towns with drugs.', 'putting self at risk', 14],
  ['Ibrahim is sexually active with an adult male he met on Grindr.', 'sexually active with adult', 15],
  ['Dylan is selling himself in the park for money.', 'prostituting', 15],
  ['Kacper consented to the images being taken.', 'consent', 13],
  ['Tyrese keeps going missing to London and will not say why; he is choosing this life.', 'wilful missing', 15],
  ['Riley refused to engage with the return home interview, which shows he does not want support.', 'not engaging', 14],
  ['Declan is streetwise and can handle himself around these men.', 'streetwise', 15],
  ['Brandon is seen as a runner and a recruiter for the older lads.', 'recruiting', 15],
  ['Zara, 13, was found in bed with a 20-year-old man; she said it was her choice.', 'consent', 13],
  ['Tia has got herself involved with a group of older Asian men.', 'putting self at risk', 14],
  ['Freya went to the party knowing full well what would happen.', 'hindsight', 15],
  ['Niamh makes herself available to these men.', 'putting self at risk', 14],
  ['Keeley brought this on herself by going back to him after the first incident.', 'hindsight', 15],
  ['Bethany appears to be a willing participant in the sexual activity.', 'consent', 14],
  ['Layla is fully aware of the risks and continues regardless.', 'choice', 15],
  ['Oliwia was in a sexual relationship with her 26-year-old manager at the takeaway.', 'boyfriend for adult', 15],
  ['Tegan has an older partner (aged 29) and they have been together for six months.', 'boyfriend for adult', 14],
  ['Summer appears to be happy with the arrangement and says she is not being forced.', 'consent', 15],
  ['Lacey has had sex with multiple men at the house and says she agreed to it.', 'consent', 14],
  ['Skye gives the impression she is in control of the situation.', 'adult-like autonomy', 15],
  ['Shannon is an adult in all but name and will do what she wants.', 'adult-like autonomy', 16],
  ['Amy is a risk-taker who seeks out older company.', 'choice', 13],
  ['Courtney is making unwise decisions which are placing her at risk.', 'choice', 15],
  ['Aaliyah has put herself in a position where she could be exploited.', 'putting self at risk', 14],
  ['Maryam (15) regularly engages in sexual activity with adults for money.', 'prostituting', 15],
  ['Paige is a habitual runaway and this is a pattern of behaviour rather than a safeguarding issue.', 'wilful missing', 15],
  ['Ruby was picked up by officers from the red light area where she was soliciting.', 'prostituting', 15],
  ['She is a prolific missing person and uses this to avoid the rules at home.', 'wilful missing', 14],
  ['Jade\'s behaviour is the biggest risk to Jade.', 'putting self at risk', 15],
  ['Megan is streetwise, confident and chooses her friends; she is not naive.', 'streetwise', 15],
  ['Leah knows what she is doing and is not being groomed, she is using these men as much as they are using her.', 'adult-like autonomy', 15],
  ['Ellie, who is 12, is said to be in a relationship with a man of 23.', 'boyfriend for adult', 12],
  ['The boyfriend, 35, was spoken to by officers and Kayleigh was advised to end the relationship.', 'boyfriend for adult', 14],
];

// ======================================================================================
// HARMFUL: templates
// ======================================================================================
const HT = [
  () => { const n = pick(GIRLS); const a = ri(12, 15); return [`${n} (${a}) is ${pick(['sexually active', 'known to be sexually active', 'reported to be sexually active'])} and ${pick(['refuses to name her partner', 'has been given condoms by the school nurse', 'says her partner is older'])}.`, 'sexually active under 16', a]; },
  () => { const n = pick(GIRLS); const a = ri(13, 17); const m = ri(20, 45); return [`${n} is ${pick(['in a relationship with', 'going out with', 'seeing', 'dating'])} a ${m}-year-old ${pick(['man', 'male', 'taxi driver', 'takeaway worker'])}.`, 'boyfriend for adult', a]; },
  () => { const n = pick(GIRLS); const a = ri(13, 16); return [`${n}'s ${pick(['boyfriend', 'partner', 'older boyfriend'])} ${pick(ADULTS)} (${ri(19, 38)}) ${pick(['was present at the home visit', 'has been buying her clothes', 'collected her from the police station', 'drives her to school'])}.`, 'boyfriend for adult', a]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(11, 17); return [`${n} ${pick(['continues to put', 'keeps putting', 'is putting', 'has been putting'])} ${GIRLS.includes(n) ? 'herself' : 'himself'} at risk ${pick(['by going missing', 'by spending time with older males', 'by drinking in the park with adults', 'through her online activity', 'by staying out overnight', ''])}`.trim().replace(/ $/, '') + '.', 'putting self at risk', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 17); return [`${pick(['It was felt that', 'Police view is that', 'The view of the school is that', ''])} ${n} ${pick(['made a choice to', 'chose to', 'decided to', 'has elected to'])} ${pick(['go with the men', 'get into the car', 'stay at the address overnight', 'meet him again', 'go to the hotel'])}.`.trim().replace(/^./, (c) => c.toUpperCase()), 'choice', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 16); return [`${n}'s ${pick(['risky lifestyle', 'lifestyle choice', 'chaotic lifestyle', 'street lifestyle'])} ${pick(['is a concern', 'has led to her being exploited', 'makes it hard to safeguard her', 'continues'])}.`, 'lifestyle', a]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(12, 17); return [`${n} ${pick(['absconded', 'ran off', 'went AWOL', 'took off again', 'has gone missing by choice'])} ${pick(['from the placement', 'from home', 'after curfew', 'from school at lunch'])}${pick(['', ' and is not considered at risk', ' as usual', ' and will turn up when ready'])}.`, 'wilful missing', a]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(12, 17); return [`${n} ${pick(['is not engaging', 'refuses to engage', 'will not engage', 'has chosen not to engage', 'is disengaged'])} ${pick(['with services', 'with the CSE team', 'with the return interview worker', 'with police'])}${pick([', so the case will be closed', '; no further action', ' and so the risk remains', ', therefore step down to universal services'])}.`, 'not engaging', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 16); return [`${n} ${pick(['is', 'appears to be', 'has been described as'])} ${pick(['very streetwise', 'street-smart', 'savvy', 'worldly-wise', 'able to look after herself'])} ${pick(['and does not need a CSE referral', 'so the risk is lower', 'and knows how to handle herself', 'for her age'])}.`, 'streetwise', a]; },
  () => { const n = pick(GIRLS); const a = ri(13, 17); return [`${n} ${pick(['consented to', 'agreed to', 'was happy to have', 'was willing to have'])} ${pick(['sex with', 'sexual activity with', 'intercourse with'])} the ${pick(['suspect', 'older male', 'adult', 'man'])}${pick(['', ' on more than one occasion', ' according to the officer'])}.`, 'consent', a]; },
  () => { const n = pick(GIRLS); const a = ri(13, 17); return [`${n} is ${pick(['recruiting', 'bringing', 'introducing'])} ${pick(['other girls', 'younger girls', 'her friends', 'girls from her year'])} ${pick(['to the parties', 'to the men', 'into the group'])}${pick(['', ' and should take responsibility for this'])}.`, 'recruiting', a]; },
  () => { const n = pick(GIRLS); const a = ri(13, 17); return [`${pick(['With hindsight', 'Looking back', 'In hindsight'])}, ${n} ${pick(['should have told someone sooner', 'should not have gone back', 'could have avoided this', 'had the chance to leave and did not'])}.`, 'hindsight', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 17); return [`${n} ${pick(['is prostituting herself', 'has been selling sex', 'is exchanging sex for drugs', 'is selling herself for cash'])} ${pick(['', 'at the hotel', 'in the town centre', 'to older men'])}.`.replace(' .', '.'), 'prostituting', a]; },
  () => { const n = pick(GIRLS); const w = pick(['15', '16', 'nearly an adult', 'old enough']); const a = /\d/.test(w) ? Number(w) : ri(14, 17); return [`${n} is ${w} and ${pick(['can make her own decisions', 'is entitled to make her own choices', 'has capacity to decide who she sees', 'we cannot stop her seeing him'])}; ${pick(['he is', 'her partner is', 'the man is'])} ${ri(22, 40)}.`, 'adult-like autonomy', a]; },
];

// ======================================================================================
// CAREFUL: one-off sentences
// ======================================================================================
const C1 = [
  ['There is no suggestion that Chloe chose this; she has been groomed by adults who targeted her.', 'negation: choice', 14],
  ['This is not a lifestyle choice: Jade is being sexually exploited.', 'negation: lifestyle', 15],
  ['Ruby did not consent and, at 12, could not consent in law.', 'negation: consent', 12],
  ['A child cannot consent to their own exploitation, and Kayleigh\'s apparent agreement does not change that.', 'negation: consent', 14],
  ['Megan is not putting herself at risk; adults are putting her at risk.', 'negation: putting at risk', 14],
  ['No professional should describe Leah as "sexually active"; she has been raped.', 'negation/audit', 12],
  ['Ellie said: "It was my choice, he\'s my boyfriend and he loves me." She is 13 and he is 24; this is grooming.', 'child\'s words', 13],
  ['Paige told me "I\'m not a kid, I can do what I want" – her words are recorded here as she said them.', 'child\'s words', 15],
  ['In Demi\'s words: "I keep going missing because I don\'t feel safe at home."', 'child\'s words', 14],
  ['Zara described the man as "my boyfriend". He is 29. Zara is being sexually abused and a strategy discussion has been requested.', 'child\'s words', 15],
  ['The 2019 case note describes Tia as "putting herself at risk"; the audit found this victim-blaming and it was raised with the team manager.', 'audit quoting', 15],
  ['Audit finding: earlier records refer to Freya as "promiscuous" and "streetwise". This language minimised the risk to her and must not be repeated.', 'audit quoting', 14],
  ['The review notes that officers wrote "she is making lifestyle choices" in 2014, and that this contributed to the failure to protect her.', 'audit quoting', null],
  ['Previous entries in which Niamh was recorded as having "absconded" have been annotated: she was missing and at risk.', 'audit quoting', 15],
  ['Keeley chose a blue coat from the clothing bank.', 'benign: chose (object)', 14],
  ['The car was engaging enough that Bethany talked for the whole journey to contact.', 'benign: engaging (object)', 12],
  ['Layla chose the pizza place for our session and talked about her art GCSE.', 'benign: chose (activity)', 15],
  ['Oliwia engaged well with the return home interview and was able to say where she had been.', 'benign: engaged', 14],
  ['Tegan has been groomed and sexually exploited by a group of adult men.', 'correct wording', 14],
  ['Summer is at risk of sexual exploitation; adults have been contacting her on Snapchat.', 'correct wording', 13],
  ['Lacey is being criminally exploited by older males who are using her to carry drugs.', 'correct wording', 15],
  ['An adult is using technology to abuse Skye by pressuring her to send images.', 'correct wording', 13],
  ['Shannon, 12, has been raped; a strategy discussion was held the same day.', 'correct wording', 12],
  ['Amy may have been sexually abused by the 19-year-old; police are investigating.', 'correct wording', 14],
  ['Courtney is being controlled by an adult man who she describes as her boyfriend.', 'correct wording', 15],
  ['Aaliyah is missing and at risk; she may be being trafficked between addresses.', 'correct wording', 14],
  ['Mother chose to attend the parenting course and engaged well.', 'benign: adult', 'adult'],
  ['Father has a chaotic lifestyle due to his alcohol use, which affects his ability to care for the children.', 'benign: adult lifestyle', 'adult'],
  ['The perpetrator chose victims who were in care or already known to services.', 'benign: adult chose', 'adult'],
  ['The adults are putting Maryam at risk; they have supplied her with alcohol and drugs.', 'benign: adults put child at risk', 15],
  ['Mr Ahmed (44) is sexually active and was offered screening at the clinic.', 'benign: adult sexually active', 'adult'],
  ['Mother\'s partner is not engaging with the domestic abuse perpetrator programme.', 'benign: adult not engaging', 'adult'],
  ['Police have not engaged with the strategy meeting despite three invitations; this has been escalated.', 'benign: agency not engaging', null],
  ['The school is recruiting a new designated safeguarding lead for September.', 'benign: recruiting', null],
  ['The suspects were recruiting other children through a Snapchat group, and four girls have been identified.', 'benign: adults recruiting', null],
  ['Paige was recruited to the youth council and spoke at the partnership meeting.', 'benign: recruited', 15],
  ['Ruby went to the Streetwise drop-in, where the youth worker helped her with her CV.', 'benign: streetwise (service)', 16],
  ['Jade is 17 and told the nurse she is sexually active with her boyfriend, who is also 17; contraception advice given and no concerns identified.', 'benign: peer 17', 17],
  ['Megan (17) consented to the forensic medical examination after it was explained to her.', 'benign: consent to examination', 17],
  ['Leah gave consent for the information to be shared with the school.', 'benign: consent to share', 15],
  ['Consent for the referral was obtained from mother.', 'benign: consent', null],
  ['Ellie is missing from home and is at high risk of exploitation; she was last seen with adult males.', 'correct wording: missing', 14],
  ['Kayleigh did not choose to be exploited and bears no responsibility for what the men did.', 'negation: choice', 15],
  ['At no point did Zara agree to what happened, and even if she had said yes she could not consent.', 'negation: consent', 14],
  ['It would be wrong to say Tia was "prostituting herself"; she was being sexually exploited for the profit of adults.', 'negation: prostituting', 15],
  ['Freya\'s mother said "she\'s out of control, she chooses to go there". The worker explained that Freya is being groomed.', 'quoted parent', 14],
  ['The officer\'s statement records the suspect saying "she wanted it, she came back every weekend". This is the suspect\'s account.', 'quoted suspect', 14],
  ['Niamh\'s behaviour is a response to trauma and control by the adults exploiting her.', 'correct wording', 14],
  ['Keeley has been coerced into bringing other girls to the flat, and is herself a victim.', 'correct wording: coerced recruitment', 15],
  ['Bethany has been made to introduce younger children to the group; she is a victim of exploitation, not a recruiter.', 'negation: recruiting', 15],
  ['Earlier in the year Layla was wrongly recorded as "not engaging"; it is the services that did not find a way to reach her.', 'audit quoting', 15],
  ['Oliwia finds it hard to trust professionals after what has happened, and we need to keep offering support in ways that suit her.', 'correct wording: engagement', 14],
  ['Tegan told her worker she is frightened of the men and that is why she has not made a statement.', 'correct wording', 15],
  ['The risk to Summer comes from the adults who target her, not from her own behaviour.', 'correct wording', 13],
  ['Lacey chose to sit near the window during the meeting and drew throughout.', 'benign: chose', 14],
  ['Skye\'s favourite lesson is drama; the teacher says she is very engaging on stage.', 'benign: engaging', 13],
  ['The lifestyle magazine that Shannon was reading had an article on exam stress.', 'benign: lifestyle (object)', 16],
  ['The healthy lifestyle programme at school has helped Amy with her asthma.', 'benign: lifestyle (activity)', 9],
  ['Courtney reported her bike missing from outside the library.', 'benign: missing (object)', 12],
  ['Aaliyah was upset that her phone was missing; she later found it in her bag.', 'benign: missing (object)', 11],
  ['Maryam is 8 and attends Brownies on a Tuesday; she chose the name of the class hamster.', 'benign: chose', 8],
  ['Dad chose not to attend the conference; this has been challenged by the chair.', 'benign: adult chose', 'adult'],
  ['Kyle is being criminally exploited; the older males who recruited him are known to police.', 'correct wording: CCE', 15],
  ['Tyler was groomed into carrying drugs to Blackpool and should be treated as a victim of trafficking.', 'correct wording: CCE', 15],
  ['There is no evidence that Harvey wanted any part of this; he was threatened and his debt was manufactured.', 'negation: CCE', 14],
  ['Jayden said "I do it for the money, nobody makes me", but he has been debt-bonded by the group.', 'child\'s words', 16],
  ['Reece has been trafficked to other towns to sell drugs; an NRM referral has been made.', 'correct wording: CCE', 14],
  ['Ibrahim has been sexually abused by an adult man he met on a dating app.', 'correct wording', 15],
  ['Dylan is being sexually exploited in the park by adults who pay him.', 'correct wording', 15],
  ['Kacper could not consent to the images being taken; he was 13.', 'negation: consent', 13],
  ['Tyrese is missing and at risk of trafficking to London.', 'correct wording', 15],
  ['Riley declined the return interview; the worker will try again with someone he already trusts.', 'correct wording: declined', 14],
  ['Declan has learned to survive on the street, but that does not make him safe or less of a victim.', 'negation: streetwise', 15],
  ['Brandon is used by the older lads to run drugs; he is a victim of criminal exploitation.', 'correct wording: CCE', 15],
  ['Ruby\'s older sister, 24, is in a relationship with a man of 26; no concerns.', 'benign: adult relationship', 'adult'],
  ['Mother, 35, has a new boyfriend who has been DBS checked as he is moving in.', 'benign: adult boyfriend', 'adult'],
  ['Jade\'s boyfriend is 15 and in the same year at school; both families are aware and there are no concerns.', 'benign: peer boyfriend', 15],
  ['We considered whether Megan was putting herself at risk and concluded that this phrase is wrong: she is being put at risk.', 'negation: putting at risk', 14],
  ['The chair reminded the meeting that children are not "recruiting" when they are coerced by adults.', 'negation: recruiting', null],
  ['Training for staff covered why terms like "child prostitute" and "lifestyle choice" must not be used.', 'training quoting', null],
  ['The learning review quotes a 2012 note: "she is sexually active and chose to go with them". The panel found this wrong.', 'audit quoting', null],
  ['The GP recorded that the adult patient is sexually active with one regular partner.', 'benign: adult', 'adult'],
  ['Grandmother went missing from the care home and was found safe in the garden.', 'benign: adult missing', 'adult'],
  ['Leah is 16 and chose to study hair and beauty at college.', 'benign: chose', 16],
  ['Ellie was consulted and consented to her views being shared with the IRO.', 'benign: consent', 13],
  ['Kayleigh\'s consent is not required for a referral to the MASH when a child is at risk of significant harm.', 'benign: consent', 15],
  ['There is no indication that Zara was "streetwise" as one note put it; she is a vulnerable 13-year-old.', 'negation: streetwise', 13],
  ['Freya did not go missing wilfully; she was collected from the placement by an adult at night.', 'negation: wilful missing', 15],
  ['The strategy meeting agreed that Niamh is a victim of child sexual exploitation and not complicit in any offence.', 'correct wording', 15],
  ['Keeley attends the allotment project, which she finds engaging.', 'benign: engaging', 12],
];

// ======================================================================================
// CAREFUL: templates
// ======================================================================================
const CT = [
  () => { const n = pick(GIRLS); const a = ri(11, 16); return [`${n} ${pick(['is being sexually exploited by', 'has been groomed by', 'is being controlled by', 'is being abused by'])} ${pick(['an adult male', 'a group of adult men', 'a man aged ' + ri(20, 40), 'adults she met online'])}.`, 'correct wording', a]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(10, 17); return [`${n} is at risk of ${pick(['sexual exploitation', 'criminal exploitation', 'exploitation'])}; ${pick(['a strategy discussion has been arranged', 'a CSE risk assessment is being completed', 'the MASH has been informed', 'this has been shared with police'])}.`, 'correct wording', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 16); return [`There is no suggestion that ${n} ${pick(['chose', 'wanted', 'agreed to', 'consented to'])} ${pick(['what happened', 'this', 'any of it', 'the abuse'])}.`, 'negation', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 17); const q = pick(['"He\'s my boyfriend."', '"I chose to go, no one made me."', '"It\'s my life, I can do what I want."', '"I wanted to go to the party."', '"I\'m not a victim."', '"I go missing because I want to."']); return [`${n} said ${q} ${pick(['Her words are recorded as she said them.', 'The worker explained that adults who exploit children often make them feel they chose it.', 'This is recorded in her own words; professionals assess that she is being groomed.', ''])}`.trim(), 'child\'s words', a]; },
  () => { const yr = ri(2008, 2020); const phrase = pick(['"putting herself at risk"', '"lifestyle choice"', '"sexually active"', '"promiscuous"', '"absconded"', '"not engaging"', '"streetwise"', '"consensual"', '"child prostitute"', '"her boyfriend"']); return [`${pick(['The audit found that', 'The case file audit notes that', 'Reviewers found that', 'The rapid review noted that'])} a ${yr} entry ${pick(['used the phrase', 'described her as', 'recorded the words'])} ${phrase}${pick(['; this has been challenged', ', which is victim-blaming language', ', and practice has since changed', '; the entry has been annotated'])}.`, 'audit quoting', null]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(8, 17); return [`${n} ${pick(['chose', 'picked', 'decided on'])} ${pick(['a blue coat', 'the green trainers', 'to play football at lunch', 'a book about space', 'the seat by the door', 'pasta for tea', 'drama as a GCSE option'])}${pick(['', ' and seemed pleased', ' during our visit'])}.`, 'benign: chose', a]; },
  () => { const n = pick([...GIRLS, ...BOYS]); const a = ri(8, 17); return [`${n} ${pick(['engaged well with', 'is engaging positively with', 'has been engaging with', 'has worked well with'])} ${pick(['the mentoring sessions', 'the youth worker', 'the return interview', 'CAMHS', 'the school counsellor', 'the boxing club'])}.`, 'benign: engaging', a]; },
  () => { const who = pick(['Mother', 'Father', 'Stepfather', 'Mum\'s partner', 'Uncle']); return [`${who} ${pick(['chose not to attend the meeting', 'is not engaging with the plan', 'has a chaotic lifestyle linked to drug use', 'made a choice to leave the children alone overnight', 'refused to engage with the social worker'])}.`, 'benign: adult', 'adult']; },
  () => { const n = pick(GIRLS); const a = ri(12, 16); return [`${n} is ${pick(['missing and at risk', 'missing from home and believed to be with adults who pose a risk', 'missing from her placement and at high risk'])}; ${pick(['police have been informed', 'a Philomena profile has been shared', 'the duty manager has been notified'])}.`, 'correct wording: missing', a]; },
  () => { const n = pick(GIRLS); const a = ri(12, 16); return [`${n} ${pick(['has been made to bring', 'was coerced into bringing', 'was used by the men to contact'])} other girls${pick(['; she is a victim, not a recruiter', ', which is part of how she is being exploited', ''])}.`, 'correct wording: coerced recruitment', a]; },
  () => { const thing = pick(['The car', 'The new app', 'The video', 'The assembly', 'The game', 'The session']); return [`${thing} was ${pick(['engaging', 'very engaging', 'not very engaging'])} ${pick(['for the younger pupils', 'and the class discussed it afterwards', 'according to the feedback forms'])}.`, 'benign: engaging (object)', null]; },
  () => { const n = pick(GIRLS); const a = 17; return [`${n} (17) ${pick(['is sexually active with her partner, who is 17', 'told the nurse she is sexually active with a boy from college the same age', 'is in a relationship with an 18-year-old she met at college; no concerns identified'])}${pick(['; advice given', '; no safeguarding concerns', ''])}.`, 'benign: peer 17', a]; },
];

// ======================================================================================
// assemble exactly 250 + 250
// ======================================================================================
for (const [t, c, a] of H1) add('harmful', t, c, a, 'one-off');
for (const [t, c, a] of C1) add('careful', t, c, a, 'one-off');
const seen = new Set(rows.map((r) => r.text));
function fill(label, templates) {
  let guard = 0;
  while (rows.filter((r) => r.label === label).length < 250 && guard++ < 100000) {
    const ti = guard % templates.length;
    const [t, c, a] = templates[ti]();
    const text = t.replace(/\s+/g, ' ').replace(/\s+\./g, '.').trim();
    if (seen.has(text)) continue;
    seen.add(text);
    add(label, text, c, a, `template H${ti + 1}`.replace('H', label === 'harmful' ? 'H' : 'C'));
  }
}
fill('harmful', HT);
fill('careful', CT);
// interleave deterministically
const out = [];
const h = rows.filter((r) => r.label === 'harmful');
const c = rows.filter((r) => r.label === 'careful');
for (let i = 0; i < 250; i++) {
  out.push(h[i], c[i]);
}
for (let i = out.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [out[i], out[j]] = [out[j], out[i]];
}
const q = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = ['id,text,label,notes'];
out.forEach((r, i) => lines.push([`L${String(i + 1).padStart(3, '0')}`, r.text, r.label, r.notes].map(q).join(',')));
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.error(`harmful ${h.length} (one-off ${H1.length}), careful ${c.length} (one-off ${C1.length})`);
