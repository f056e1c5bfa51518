// Round 10 blind language set: 200 sentences that blame a child for their own exploitation, 200 careful.
// Usage: node gen-language.mjs [OUT.csv]   (default language/r10.csv beside this script). Seed 10101210.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, 'language', 'r10.csv');
let seed = 10101210;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) / 16777216);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const GIRLS = ['Tegan', 'Morwenna', 'Kerensa', 'Demelza', 'Ellie-Mae', 'Kayleigh', 'Skye', 'Maisie', 'Jade', 'Lowenna', 'Zuzanna', 'Bianca', 'Ines', 'Daria', 'Shannon', 'Tia', 'Amber', 'Elowen', 'Chantelle', 'Wiktoria', 'Raluca', 'Beatriz', 'Poppy', 'Layla'];
const BOYS = ['Jago', 'Kai', 'Tristan', 'Lowen', 'Bryok', 'Tyler', 'Connor', 'Riley', 'Jayden', 'Alfie', 'Mason', 'Kacper', 'Tiago', 'Ionut', 'Reece', 'Harley', 'Brandon', 'Kieran', 'Oskar', 'Leon', 'Deacon', 'Finley', 'Elis', 'Marius'];
// t: text with {N} name, {A} age, {s}/{S} subject, {o} object, {p}/{P} possessive, {r} reflexive, {g} girl/boy
// [label, sex f|m|a, minAge, maxAge, register, category, text]
const H = [
  ['f', 12, 16, 'foster carer daily log', 'blame/choice', 'Daily log: {N} out till gone 1am again, came in smelling of drink with a new phone nobody bought her. She knows the rules and just doesn\'t care, that\'s her lookout.'],
  ['a', 12, 16, 'foster carer daily log', 'cars/blame', 'Log: {N} has been told a hundred times about getting in cars with them men from Camborne. If {s} will keep doing it there\'s not much more we can do for {o}.'],
  ['f', 14, 16, 'housing officer', 'blame/behaviour', 'Tenancy note: the daughter ({N}, {A}) is bringing older men back to the flat while mum is at work; warned mum that {N}\'s behaviour is putting the tenancy at risk.'],
  ['a', 15, 17, 'housing officer', 'choice', 'Homelessness decision: {N} ({A}) has made {r} intentionally homeless by choosing to stay at the adult male\'s address rather than return to the hostel.'],
  ['a', 13, 16, 'youth worker', 'attention/benefit', 'Session note: {N} reckons the older lads look after {o}. Honestly {s} loves the attention and the free weed, and {s}\'s old enough to know better.'],
  ['m', 14, 17, 'police custody record', 'cce/participant', 'Custody record: DP {N} ({A}) arrested in possession of 14 wraps. DP is an active participant in the supply chain and presented as comfortable with the arrangement.'],
  ['m', 14, 17, 'police custody record', 'cce/debt', 'DP states he owes money to the olders. Debt accrued through his own use; DP has dug his own hole here.'],
  ['m', 14, 17, 'magistrate/court note', 'cce/choice', 'Bench noted that the youth, {A}, has repeatedly elected to associate with known dealers and must now accept the consequences of those associations.'],
  ['m', 15, 17, 'magistrate/court note', 'cce/willing', 'Legal adviser\'s note: the defendant ({A}) was a willing courier; his youth does not alter the fact that he chose to travel to Plymouth with the drugs.'],
  ['a', 12, 15, 'school attendance officer', 'truancy/blame', 'EWO home visit: {N}\'s absences are down to nobody but {r}; {s} is off with {p} older "mates" in town and will not be told.'],
  ['a', 12, 15, 'school attendance officer', 'choice', 'Attendance 61%. {N} truants to hang about the bus station with men in their twenties. Parental responsibility letter sent; {N} reminded that {s} is responsible for {p} own choices.'],
  ['f', 13, 15, 'paediatrician', 'promiscuity', 'On examination: {A}-year-old girl, sexually active with several partners, some of them adults. Counselled regarding the risks of her promiscuity.'],
  ['f', 14, 15, 'paediatrician', 'adult partner', 'Presents with chlamydia; reports regular intercourse with her 26-year-old partner, whom she describes as supportive. The relationship appears stable.'],
  ['f', 13, 15, 'locum GP', 'blame/precautions', 'Locum note: pt {A}F requesting the morning-after pill again, third time this term. Clearly not taking precautions with the men she is seeing. Advised to be more sensible.'],
  ['f', 13, 16, 'translator/interpreter note', 'money/choice', 'Interpreter\'s note appended to the statement: in my understanding the girl went with the men because she wanted the money, not because anyone forced her.'],
  ['m', 14, 17, 'translator/interpreter note', 'cce/career', 'Translator\'s remark: he called the delivery work his "job" and seemed proud of it; he took this work on himself.'],
  ['f', 13, 16, 'text-speak note', 'choice', 'spoke 2 {N} re wkend, went 2 newquay w/ the older men agen, her choice, she nos the risks'],
  ['a', 14, 17, 'text-speak note', 'cce/money', 'yp went off grid w/ the line again. doin it 4 the £££ tbh, {s} aint bothered'],
  ['f', 13, 15, 'text-speak note', 'blame/online', '{N} msging grown men on insta again, askin 4 it really'],
  ['a', 12, 17, 'very short', 'blame', 'Brought it on {r}.'],
  ['f', 13, 17, 'very short', 'money', 'She goes with them for the money.'],
  ['m', 13, 17, 'very short', 'cce/willing', 'Happy to carry. Gets paid.'],
  ['m', 13, 17, 'very short', 'cce/willing', 'Willing runner for the Bristol lot.'],
  ['a', 12, 17, 'very short', 'choice', 'Own decision, again.'],
  ['a', 14, 16, 'very long sentence', 'choice/responsibility', 'Over the review period {N} ({A}) has been given every possible support by this service, including a key worker, a place at the Penryn youth project and weekly check-ins, yet {s} has continued, entirely of {p} own volition, to spend {p} nights at the flat above the vape shop with a man of 34, and it has to be recorded that at some point responsibility for these decisions must sit with {N} rather than with the professionals around {o}.'],
  ['m', 14, 17, 'very long sentence', 'cce/dealer', 'Despite numerous warnings from police, the youth justice service and his grandmother, {N} has persisted in travelling to Bristol to sell drugs for the group he associates with, and the panel is of the view that he is now an established dealer who understands the business and profits from it, rather than a child who is being used by anyone.'],
  ['f', 13, 16, 'police missing log', 'missing/awol', 'MISPER closed. YP turned up at 0400, no explanation given, a regular who goes AWOL when it suits her.'],
  ['a', 15, 15, 'social work case note', 'consent', '{N} is sexually active with a 22-year-old and says it is consensual; {s} is 15 and this is {p} decision to make.'],
  ['f', 13, 16, 'social work case note', 'trading sex', '{N} has been swapping sex for cigarettes and lifts with the older men at the caravan park.'],
  ['f', 14, 16, 'social work case note', 'gifts/benefit', '{N} is trading on her looks with men who pay for her nails and takeaways.'],
  ['m', 14, 17, 'youth justice assessment', 'cce/debt', '{N} got into debt with the dealers by smoking what he was meant to be selling, so it is hard to see him purely as a victim.'],
  ['m', 15, 17, 'youth justice assessment', 'cce/career', 'He is a runner by trade now and proud of it.'],
  ['f', 14, 17, 'residential keyworker', 'lifestyle', '{N} has a taste for the high life the older men give her and won\'t give it up.'],
  ['f', 13, 16, 'police intelligence', 'instigator/online', 'Intel: {N} is the one seeking these men out online; the adults are only responding to her.'],
  ['f', 13, 15, 'festival welfare note', 'dress/blame', '{N} ({A}) was dressed far older than her years and frankly invited the attention she got at the festival.'],
  ['f', 13, 15, 'police case note', 'age/blame', '{N} lies about her age to get into the clubs, so the men can hardly be blamed for thinking she was older.'],
  ['f', 14, 16, 'ambulance patient report', 'intoxication/voluntary', 'Pt {A}F found intoxicated on Porthkerris beach with two adult males; pt admits she went there to party with them voluntarily. Self-inflicted.'],
  ['f', 13, 16, 'ambulance patient report', 'blame', 'Pt refused to say who gave her the vodka; frequent flyer who puts herself in these situations every weekend.'],
  ['f', 13, 15, 'licensing officer', 'instigator', 'Driver explained the girl (approx {A}) regularly flags him down and asks for lifts in return for "favours"; she appears to be the one initiating this.'],
  ['m', 13, 16, 'licensing officer', 'cce/business', 'CCTV shows the boy walk up to the rank himself and hand over packages; he appears to be running his own little business out of the taxis.'],
  ['a', 13, 16, 'school DSL log', 'attention/choice', '{N} seems to enjoy being someone with the older lot from Redruth and has thrown {p} lot in with them.'],
  ['a', 14, 17, 'residential keyworker', 'choice', '{N} has decided the county lines boys are {p} family now; {s} has made {p} bed.'],
  ['m', 14, 17, 'police intelligence', 'cce/own arrangement', 'Subject is a known associate of the line and holds for them regularly by his own arrangement.'],
  ['f', 13, 16, 'CPS review', 'disbelief', 'The girl kept contacting the suspect after the first incident, which undermines her account that she did not want sexual contact with him.'],
  ['a', 13, 16, 'IRO review', 'choice', '{N} continues to frustrate every plan by choosing to go back to the adults at the flat.'],
  ['f', 13, 13, 'police incident log', 'under-16 willing', 'Female, 13, engaged in sexual activity with a 19 y/o male in the park. Both parties willing. No offences disclosed.'],
  ['f', 13, 15, 'social work case note', 'adult boyfriend', '{N} ({A}) has a boyfriend of 28 who buys her things; she seems happy and settled with him.'],
  ['m', 14, 17, 'youth worker', 'cce/money', '{N} is out earning with the olders every weekend and has more money than his mum.'],
  ['f', 14, 16, 'social work case note', 'selling sex', '{N} sells herself to men for vodka and a bed for the night.'],
  ['f', 14, 16, 'residential keyworker', 'recruiting', '{N} is a bad influence who introduced the younger girls in the home to the men at the takeaway.'],
  ['a', 14, 15, 'school DSL log', 'cce/recruiting', '{N} is now the one doing the recruiting for the line in Year 9, so {s} can\'t be treated as a victim any longer.'],
  ['a', 12, 15, 'social work case note', 'looking for trouble', 'Mum says {N} has always been a handful and goes looking for trouble, and to be honest the evidence bears that out.'],
  ['a', 14, 17, 'social work case note', 'autonomy', '{N} is a law unto {r}; {s} comes and goes as {s} pleases and whoever {s} is with is {p} business.'],
  ['f', 15, 17, 'social work case note', 'non-engagement', '{N} was offered a safe bed at the supported lodgings and turned it down to stay with the man; she must live with that.'],
  ['a', 13, 16, 'CAMHS/health letter', 'non-engagement', '{N} did not attend CAMHS, the sexual health nurse or the youth worker; {s} clearly does not want help, so the case will close.'],
  ['f', 13, 16, 'police decision', 'disbelief/willing', 'Little point pursuing the grooming allegation given how many times {N} has gone back to him willingly.'],
  ['m', 14, 16, 'police decision', 'cce/guilt', '{N} admits he knew the parcels were drugs and carried them anyway, so he is as guilty as the men.'],
  ['a', 12, 16, 'police case note', 'choice', '{N} made a conscious decision to get into the car.'],
  ['a', 13, 16, 'police case note', 'streetwise', '{N} is streetwise and savvy and well able to look after {r} with these men.'],
  ['f', 13, 15, 'licensing officer', 'flirting', '{N} was flirting with the driver and got what she was after.'],
  ['f', 13, 15, 'social work case note', 'blame/behaviour', 'Mum\'s partner reports {N} throws herself at any man who pays her attention.'],
  ['f', 14, 16, 'police intelligence', 'advertising', '{N} has been advertising herself on an app and meeting the men who reply.'],
  ['f', 13, 15, 'police decision', 'images/free will', '{N} sent the photos of her own free will, so this is not an image offence by the adult.'],
  ['m', 14, 17, 'youth justice assessment', 'cce/money', '{N} is hooked on the money from running and will not stop until he gets caught.'],
  ['f', 15, 15, 'social work case note', 'adult partner', '{N} has an older partner (30) and they have been together six months; she reports the relationship is going well.'],
  ['m', 13, 16, 'school DSL log', 'cce/status', 'He is in it for the trainers and the status, not because anyone is making him.'],
  ['m', 15, 17, 'magistrate/court note', 'cce/duress', 'Court note: the youth was a knowing and active participant in the conspiracy and was under no duress from the adults.'],
  ['m', 14, 17, 'youth justice assessment', 'cce/enjoys', '{N} shows no remorse and no wish to leave the gang life, which he clearly enjoys.'],
  ['f', 14, 15, 'paediatrician', 'boyfriend/relationship', 'Examination consistent with regular sexual activity; she reports the 24-year-old is her boyfriend and she wants to stay with him.'],
  ['f', 13, 16, 'foster carer daily log', 'party/choice', '{N} keeps picking the party crowd at the men\'s flat over school and home.'],
  ['a', 13, 16, 'housing officer', 'blame/ASB', 'ASB warning to {N} ({A}) for hanging round the stairwell with the adult dealers; {s} has been warned that {s} is bringing it to the block.'],
  ['f', 14, 16, 'translator/interpreter note', 'relationship', 'Interpreter: the girl describes the man (31) as her husband-to-be; the two families seem to accept the relationship and she appears content.'],
  ['a', 12, 14, 'school attendance officer', 'missing/choice', 'Missing from school again by choice; {N} turns up when {s} feels like it and disappears with the older crowd at lunch.'],
  ['f', 12, 12, 'locum GP', 'under-13 sexual activity', '12F, says she has had sex with an older lad from the estate a few times. Advised re contraception.'],
  ['m', 15, 17, 'police custody record', 'cce/complicit', 'Complicit in the supply; was found with the burner and the cash and made no attempt to leave the address.'],
  ['a', 13, 16, 'text-speak note', 'missing', '{N} done a runner agen, 4th time this mnth, attention seekin, back when hungry'],
  ['f', 14, 16, 'text-speak note', 'gifts', 'new nails new phone new trainers, {N} clearly gettin somthin out of them men lol'],
  ['a', 12, 15, 'foster carer daily log', 'manipulative', '{N} is very manipulative and plays the victim when it suits {o}; I do not believe half of what {s} says about those men.'],
  ['m', 14, 16, 'school DSL log', 'cce/choice', 'Was offered the mentoring, said no and went back to the line. His call.'],
  ['f', 14, 17, 'sexual health clinic', 'consent/choice', 'Pt {A}F. Regular unprotected sex with a 29yo. Pt consenting and understands risks. No further action.'],
  ['a', 12, 17, 'very short', 'risk to self', 'Putting {r} in harm\'s way again.'],
  ['f', 14, 16, 'police incident log', 'prostitution', 'Juvenile female known to be selling sex at the harbour car park.'],
];
const C = [
  ['a', 11, 16, 'foster carer daily log', 'benign choice', 'Daily log: {N} home by 9pm as agreed, chose pasta for tea and talked about the football.'],
  ['a', 14, 16, 'school note', 'benign choice', '{N} chose to take GCSE Art and is enjoying it.'],
  ['a', 10, 15, 'social work case note', 'adult choice', '{N}\'s mum has made her own choices about her drinking; for {N} the impact is neglect.'],
  ['a', 12, 16, 'police case note', 'adult at risk', 'The man (34) is putting himself at risk of prosecution and was served a Child Abduction Warning Notice in respect of {N}.'],
  ['a', 10, 15, 'housing officer', 'adults prostitution', 'The landlord is prostituting adult women from flat 3; no children live there and {N}\'s family have been rehoused.'],
  ['a', 10, 15, 'housing officer', 'adult choice', 'Tenancy ended because the adult tenant chose to sublet to a man police describe as a dealer; {N} moved with mum to Pool.'],
  ['a', 13, 16, 'youth worker', 'quote answered', '{N} told me "I go cos I want to, no one makes me." I said the men are grooming {o} and that none of it is {p} fault; passed to the DSL today.'],
  ['m', 14, 17, 'police custody record', 'cce named', 'Custody record: DP {N} ({A}) arrested with 14 wraps. Appropriate adult present. Indicators of criminal exploitation (debt, phone given to him, taken to Bristol); NRM referral made and section 45 defence noted.'],
  ['m', 14, 17, 'police custody record', 'debt bondage named', 'DP says he owes the men who gave him the drugs; officer notes this is a debt used to control him. Safeguarding referral submitted.'],
  ['m', 14, 17, 'magistrate/court note', 'victim accepted', 'Bench accepted the youth ({A}) was a victim of criminal exploitation; the CPS discontinued.'],
  ['a', 13, 17, 'magistrate/court note', 'adult recruited', 'Sentencing remarks: the adult defendant recruited children as young as 13 to carry drugs; the court treats their exploitation as a serious aggravating feature.'],
  ['a', 12, 15, 'school attendance officer', 'exploitation raised', 'Attendance 61%. Absences cluster on Fridays, when {N} has been seen at the bus station with adult men; raised with the DSL as a possible exploitation concern, not a truancy matter.'],
  ['f', 13, 15, 'paediatrician', 'abuse named', 'On examination: {A}-year-old girl. Disclosed sexual activity with a 26-year-old man; this is sexual abuse, referred to children\'s social care and police the same day.'],
  ['f', 12, 12, 'paediatrician', 'under-13 rape', '{N} is 12; in law she cannot consent and what she described is rape. Strategy discussion requested.'],
  ['f', 13, 15, 'locum GP', 'exploitation raised', 'Locum note: third request for emergency contraception this term. Concerned she may be being sexually exploited; seen alone, safeguarding lead informed.'],
  ['f', 13, 16, 'translator/interpreter note', 'interpreter ambiguity', 'Interpreter\'s note: the girl used a word that can mean "I wanted" or "I had to"; I have rendered it as "I had to" and flagged the ambiguity to the officer.'],
  ['m', 14, 17, 'translator/interpreter note', 'debt named', 'Translator\'s note: the word the boy used for the work is slang for a debt that has to be worked off.'],
  ['a', 11, 15, 'text-speak note', 'benign', 'spoke 2 {N}, says wkend was gd, went 2 newquay w/ nan, no concerns'],
  ['f', 13, 16, 'text-speak note', 'cse raised', 'yp back frm missing, RHI done, says older men gave her vodka + lifts, CSE concern raised w/ SW'],
  ['a', 12, 17, 'very short', 'not fault', 'Not {p} fault.'],
  ['a', 12, 17, 'very short', 'groomed', 'Groomed, not choosing.'],
  ['a', 11, 17, 'very short', 'benign agreed', 'Safety plan agreed with {N}.'],
  ['a', 10, 14, 'very short', 'benign consent', 'Consent form for the trip signed by mum.'],
  ['a', 14, 16, 'very long sentence', 'exploitation named', 'Over the review period {N} ({A}) has gone on spending nights at the flat above the vape shop with a man of 34, despite a key worker, a place at the Penryn youth project and weekly check-ins; this is a pattern of sexual exploitation in which the man holds the power, and the plan now has to target him (a warning notice, disruption) rather than ask {N} to keep {r} safe.'],
  ['a', 13, 16, 'multi-agency audit', 'audit quotes bad wording', 'Audit finding: case notes described {N} as "making lifestyle choices" and "sexually active with older males"; this language blames the child and was raised with the team manager.'],
  ['a', 12, 17, 'training material', 'training quotes', 'Training slide: replace "she is putting herself at risk" with "she is at risk of being exploited", and "he is working for the line" with "he is being criminally exploited".'],
  ['m', 15, 17, 'multi-agency audit', 'audit quotes bad wording', 'Practice review: the phrase "a willing courier" appeared in the pre-sentence report for {N}; reviewers noted it ignored the conclusive grounds decision.'],
  ['f', 14, 16, 'ambulance patient report', 'cse raised', 'Pt {A}F found intoxicated on Porthkerris beach with two adult males, who left as the crew arrived; police informed as a possible CSE concern.'],
  ['a', 10, 15, 'ambulance patient report', 'adult self-inflicted', 'Pt (adult male, 40s) self-inflicted laceration while intoxicated; child at scene ({N}, {A}) taken in by aunt.'],
  ['f', 13, 15, 'licensing officer', 'driver commended', 'Driver reported a girl (approx {A}) flagged him down, upset, asking to be taken away from two men; he drove her to the police station. Commended.'],
  ['a', 10, 16, 'licensing officer', 'benign transport', 'Licensed school transport: {N} travels daily in a contracted taxi with the driver and a passenger assistant; DBS checks current.'],
  ['a', 13, 16, 'licensing officer', 'perpetrator named', 'Driver\'s licence revoked: he offered girls free lifts in exchange for sexual favours. Three children safeguarded, {N} among them.'],
  ['a', 13, 16, 'school DSL log', 'not choice', '{N} did not choose this; the older men from Redruth have groomed {o} with attention, lifts and cannabis.'],
  ['a', 14, 17, 'residential keyworker', 'control named', '{N} calls the county lines boys {p} "family"; staff are clear this is how the group controls {o} and said so at the strategy meeting.'],
  ['a', 12, 16, 'police intelligence', 'cuckooing', 'Intelligence suggests an adult male is using {N}\'s phone to run the line and is storing drugs at the family home without their knowledge.'],
  ['f', 13, 16, 'CPS review', 'grooming explains', 'The girl kept contacting the suspect after the first incident; this is typical of a groomed child and does not undermine her account.'],
  ['a', 13, 16, 'IRO review', 'disruption', 'Every time {N} has moved, the adults have found {o}; the plan must disrupt them rather than blame {N} for going back.'],
  ['f', 13, 13, 'police incident log', 'offence named', 'Female, 13, found with a 19 y/o male in the park. This is an offence against a child under 16; the male was arrested.'],
  ['f', 13, 15, 'social work case note', 'quote answered', '{N} ({A}) says she has a boyfriend of 28 who buys her things; the professional view is that this is grooming, and police have been told.'],
  ['a', 10, 15, 'social work case note', 'adult earning', '{N}\'s older brother (22) is earning good money as an electrician.'],
  ['f', 11, 14, 'school note', 'benign recruited', '{N} was recruited to the county under-14s netball squad.'],
  ['a', 10, 13, 'school note', 'benign selling', '{N} sold raffle tickets for the school fair.'],
  ['a', 11, 15, 'social work case note', 'blame rejected', 'Mum says {N} has always been a handful; school describe a kind, anxious child, and nothing in {p} behaviour explains the adults\' interest in {o}.'],
  ['a', 11, 16, 'youth worker', 'benign comes and goes', '{N} comes and goes from the gig club as {s} pleases; it is run by volunteers with DBS checks.'],
  ['a', 10, 14, 'housing officer', 'benign accepted', '{N} and mum were offered a place at the refuge and accepted.'],
  ['a', 13, 16, 'CAMHS/health letter', 'services task', '{N} did not attend CAMHS; we will offer a home visit with a worker {s} already knows, as missed appointments can themselves be a sign of exploitation.'],
  ['f', 13, 16, 'police decision', 'grooming explains', 'The grooming allegation remains under investigation; {N} going back to him is what grooming does, not evidence against her.'],
  ['m', 14, 14, 'CPS review', 'public interest', '{N} knew the parcels held drugs, but he was 14 and under threat; not in the public interest to charge, NRM referral made.'],
  ['a', 12, 16, 'police case note', 'negation', '{N} did not decide to get into the car; the driver pulled up beside {o} and told {o} to get in.'],
  ['a', 12, 15, 'police case note', 'negation streetwise', '{N} is not streetwise; {s} is a frightened {A}-year-old.'],
  ['a', 12, 16, 'residential keyworker', 'adult flirting', 'The suspect (38) was flirting with staff at the home to get access to the children; he is now banned from the premises.'],
  ['a', 12, 15, 'foster carer daily log', 'online reported', '{N} was sent messages by a man on an app asking for photos; {N} did not reply and showed me straight away.'],
  ['a', 12, 15, 'police case note', 'online abuse named', 'The adult sent {N} explicit pictures and asked for some back; this is online sexual abuse and is under investigation.'],
  ['a', 16, 17, 'school note', 'benign earning', '{N} has earned money from a Saturday job at the bakery since {s} turned 16.'],
  ['a', 13, 16, 'strategy minutes', 'adults responsible', 'Chair: the men at the flat are the problem, not {N}\'s choices. Action: police to serve notices.'],
  ['a', 10, 16, 'social work case note', 'adult chose', '{N}\'s dad chose not to attend the meeting.'],
  ['m', 13, 16, 'police intelligence', 'adults invented debt', 'The adults running the line took the boys\' phones and invented a debt to keep them working; {N} is one of the boys.'],
  ['a', 11, 16, 'youth worker', 'benign agreed', '{N} engaged well with the youth worker today and agreed the plan.'],
  ['a', 11, 16, 'police incident log', 'benign choice', '{N} made a sensible choice to call 999 when {p} friend collapsed.'],
  ['a', 10, 15, 'social work case note', 'adult relationship', '{N}\'s aunt is in a relationship with a man of 45; checks show no links to the adults of concern.'],
  ['a', 10, 15, 'social work case note', 'adult relationship', 'Mum has a new partner, aged 30; PNC checks clear and {N} says he is kind.'],
  ['f', 16, 16, 'sexual health clinic', 'same-age peer', '{N} (16) attended with her boyfriend from the same year group; no concerns about exploitation, contraception discussed.'],
  ['a', 11, 15, 'police missing log', 'negation absconding', '{N} was not absconding; {s} had gone to {p} nan\'s and phoned home within the hour.'],
  ['f', 13, 16, 'social work case note', 'wording corrected', 'The word "promiscuous" was removed from {N}\'s chronology and replaced with "sexually exploited", as agreed at supervision.'],
  ['a', 13, 16, 'magistrate/court note', 'adult chose plea', 'Court note: the adult defendant chose to plead guilty to arranging the sexual exploitation of a child.'],
  ['a', 13, 16, 'return interview', 'benign agreed/disclosure', '{N} agreed to a return interview with the Cove Trust worker; {s} described being given drugs by the man and told to stay.'],
  ['a', 13, 16, 'police custody record', 'adult DP', 'Custody: adult DP (29) in possession of the phone known as the Kernow line; children seen at his address, {N} among them, safeguarded.'],
  ['a', 11, 15, 'foster carer daily log', 'reassured', 'Log: {N} upset after a man messaged {o}. I took the phone, reported it, and told {o} {s} had done nothing wrong.'],
  ['f', 13, 16, 'translator/interpreter note', 'family view challenged', 'Interpreter\'s note: the mother\'s words "she brings it on herself" were translated literally; the social worker challenged that view with the mother.'],
  ['a', 11, 15, 'school attendance officer', 'authorised', 'Attendance officer: the "holiday" absence for {N} was in fact a placement move and has been authorised.'],
  ['f', 14, 16, 'social work case note', 'quote answered', '{N} said "he\'s my boyfriend, I love him"; he is 27 and this is sexual exploitation. Strategy discussion today.'],
  ['m', 14, 17, 'youth justice assessment', 'cce named', '{N} was criminally exploited: the men groomed him with trainers and food, then said he owed them.'],
  ['a', 12, 16, 'ambulance patient report', 'benign', 'Pt {A}, fall from skateboard at the park, wrist injury; mum on scene, no safeguarding concerns.'],
  ['a', 13, 17, 'text-speak note', 'benign choice', '{N} chose 2 do the lifeguard course, v proud'],
  ['a', 12, 17, 'housing officer', 'adult ASB', 'ASB warning to the adult tenant at 14 Chapel Row for dealing from the stairwell; {N}, who lives next door, has been visited to check {s} is safe.'],
  ['a', 10, 15, 'locum GP', 'adult risky', 'Locum note: father putting himself at risk with his drinking; {N} is a young carer and referred for support.'],
  ['m', 14, 16, 'school DSL log', 'control named', 'He said no to mentoring; we think the group has told him he cannot leave, and the offer stays open.'],
  ['a', 12, 17, 'very short', 'exploited', 'Exploited, not complicit.'],
  ['f', 14, 16, 'police incident log', 'exploitation named', 'Juvenile female being sexually exploited at the harbour car park; two males arrested.'],
  ['a', 12, 15, 'foster carer daily log', 'disclosure believed', '{N} told me more about the men today; I believed {o}, wrote down {p} words and rang the social worker.'],
  ['a', 14, 17, 'sexual health clinic', 'adult consent', 'Pt\'s mother (41) consenting to her own smear; {N} waited in reception.'],
];
function pron(sex) {
  return sex === 'f' ? { s: 'she', S: 'She', o: 'her', p: 'her', P: 'Her', r: 'herself', g: 'girl' } : { s: 'he', S: 'He', o: 'him', p: 'his', P: 'His', r: 'himself', g: 'boy' };
}
function fill(t, name, age, pr) {
  return t.replace(/\{(N|A|s|S|o|p|P|r|g)\}/g, (_, k) => (k === 'N' ? name : k === 'A' ? String(age) : pr[k]));
}
function build(list, label, prefix, n) {
  const rows = [];
  const seen = new Set();
  let i = 0;
  let guard = 0;
  while (rows.length < n && guard++ < 100000) {
    const ti = i++ % list.length;
    const [sx, a0, a1, reg, cat, t] = list[ti];
    const sex = sx === 'a' ? (rnd() < 0.5 ? 'f' : 'm') : sx;
    const age = a0 + Math.floor(rnd() * (a1 - a0 + 1));
    const name = pick(sex === 'f' ? GIRLS : BOYS);
    const text = fill(t, name, age, pron(sex));
    if (seen.has(text)) continue;
    seen.add(text);
    const inText = t.includes('{A}') || new RegExp(`(^|\\D)${age}(?!\\d)`).test(t);
    rows.push({ label, notes: `${cat}; age ${age}, age ${inText ? 'in text' : 'not in text'}; ${reg}; ${sex === 'f' ? 'girl' : 'boy'}; template ${prefix}${ti + 1}`, text });
  }
  if (rows.length < n) throw new Error(`only ${rows.length} ${label}`);
  return rows;
}
const all = [...build(H, 'harmful', 'H', 200), ...build(C, 'careful', 'C', 200)];
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [all[i], all[j]] = [all[j], all[i]];
}
const q = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = ['id,label,notes,text'];
all.forEach((r, i) => lines.push([`r10-${String(i + 1).padStart(3, '0')}`, r.label, r.notes, r.text].map(q).join(',')));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(`wrote ${out}: ${all.length} rows (templates H${H.length}, C${C.length})`);
