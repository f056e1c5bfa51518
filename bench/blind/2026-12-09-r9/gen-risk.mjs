// Blind round 9: risk area r9 ("Kessingham", a fictional South Holland Fens district, Lincolnshire).
// 560 children, 2015-04-01 .. 2025-03-28, 9 agencies; 45 later exploited (sexually or criminally).
// Standalone, no dependencies, fixed seed. Usage: node gen-risk.mjs [OUTDIR]  (default: risk/r9 beside it)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r9'));
let seed = 99091209;
const rnd = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const chance = (p) => rnd() < p;
const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };

// ---- time: wall-clock London times held as "fake UTC" milliseconds ----
const DAY = 86400000, HOUR = 3600000, MIN = 60000;
const W = (s) => Date.parse(s + (s.length === 10 ? 'T00:00:00Z' : 'Z'));
const START = W('2015-04-01T08:00:00'), END = W('2025-03-28T18:00:00');
function lastSunMarch(y) { const d = new Date(Date.UTC(y, 3, 0)); return Date.UTC(y, 2, d.getUTCDate() - d.getUTCDay()); }
function fix(t) { // move out of the hour London's clocks skip
  const d = new Date(t); const ls = lastSunMarch(d.getUTCFullYear());
  if (t >= ls + HOUR && t < ls + 2 * HOUR) return t + HOUR;
  return t;
}
const iso = (t) => new Date(fix(t)).toISOString().slice(0, 19);
const day = (t) => new Date(t).toISOString().slice(0, 10);
const atHour = (t, h0, h1) => Math.floor(t / DAY) * DAY + int(h0, h1) * HOUR + int(0, 59) * MIN;
const fyOf = (t) => { const d = new Date(t); const y = d.getUTCFullYear(); const fy = d.getUTCMonth() >= 3 ? y : y - 1; return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`; };
const weekday = (t) => new Date(t).getUTCDay();

// ---- identifiers ----
function nhs() {
  for (;;) {
    const d = [9, 9, 9, ...Array.from({ length: 6 }, () => int(0, 9))];
    const sum = d.reduce((a, x, i) => a + x * (10 - i), 0);
    const c = 11 - (sum % 11);
    if (c === 10) continue;
    return d.join('') + String(c === 11 ? 0 : c);
  }
}
const INW = 'ABDEFGHJLNPQRSTUWXYZ';
const TOWNS = [['Kessingham', 'PE12'], ['Sutterby St Mary', 'PE12'], ['Gedney Cross', 'PE13'], ['Tydd Drove', 'PE13'], ['Wrangle End', 'PE22'], ['Fosdyke Marsh', 'PE20'], ['Kessingham', 'PE11']];
const STREETS = ['Fen Road', 'Wisbech Row', 'Marsh Lane', 'Cawood Street', 'Ropewalk', 'Gedney Terrace', 'Sluice Road', 'Harbour View', 'Chapel Drove', 'Bulb Fields Close', 'Tulip Way', 'Station Road', 'Horseshoe Lane', 'Common Side', 'Westmere Avenue', 'Saltney Gate', 'Fleet Street', 'Pinchbeck Walk', 'Daffodil Court', 'Mill Drove'];
const pc = (out) => `${out} ${int(1, 9)}${pick(INW)}${pick(INW)}`;
function address() { const [town, out] = pick(TOWNS); return { line1: `${int(1, 140)} ${pick(STREETS)}`, town, postcode: pc(out) }; }
const phone = () => `07700 900${String(int(0, 999)).padStart(3, '0')}`;
const VL = 'ABCDEFGHJKLMNOPRSTUVWXY';
const reg = () => `${pick(['FN', 'FV', 'FX', 'AV', 'YR', 'FY', 'KN'])}${int(10, 24)} ${pick(VL)}${pick(VL)}${pick(VL)}`;

const HOT = [
  { name: 'Lorry park, A17 Sutterby bypass', postcode: 'PE12 8QT' },
  { name: 'Kessingham bus station', postcode: 'PE12 6AB' },
  { name: 'Flats above Sultan shisha lounge, Cawood Street', postcode: 'PE11 2DN' },
  { name: 'Static caravans, Tydd Drove holiday park', postcode: 'PE13 5RW' },
  { name: 'Riverside park, Welland bank', postcode: 'PE11 1EF' },
  { name: 'Hand car wash, Fen Road', postcode: 'PE12 7HJ' },
  { name: 'Travel hotel, Sutterby services', postcode: 'PE12 9ZL' },
  { name: 'Peterborough railway station', postcode: 'PE1 1QL' },
  { name: 'Address on Lincoln Road, Peterborough', postcode: 'PE1 2TU' },
  { name: 'Flat in the Meadows, Nottingham', postcode: 'NG2 3GB' },
  { name: 'Farm outbuilding, Chapel Drove (cannabis grow)', postcode: 'PE12 0NX' },
];
const BENIGN_PLACES = [
  { name: "Friend's house, Tulip Way", postcode: 'PE12 6TW' }, { name: "Grandmother's address, Wrangle End", postcode: 'PE22 9HG' },
  { name: 'Kessingham leisure centre', postcode: 'PE12 6LE' }, { name: 'McDonald\'s, Sutterby retail park', postcode: 'PE12 9RP' },
  { name: 'Boston railway station', postcode: 'PE21 8RN' }, { name: 'Spalding bus station', postcode: 'PE11 1XD' },
];

const GF = ['Oliwia', 'Kacey', 'Ieva', 'Roxanne', 'Bianca', 'Lacey', 'Zuzanna', 'Skye', 'Lan', 'Marta', 'Destiny', 'Shannon', 'Ruta', 'Alina', 'Keeley', 'Tegan', 'Beatriz', 'Evie', 'Jessica', 'Nevaeh', 'Dilan', 'Aleksandra', 'Kayleigh', 'Madison', 'Lily', 'Ioana', 'Paige', 'Sofia', 'Chantelle', 'Amber', 'Gintare', 'Laura', 'Mia', 'Ellie', 'Hannah', 'Maja', 'Emilia', 'Daisy', 'Courtney', 'Leah'];
const BF = ['Kacper', 'Tyler', 'Lukas', 'Reece', 'Jayden', 'Mihai', 'Bradley', 'Kai', 'Duc', 'Tomasz', 'Levi', 'Callum', 'Rokas', 'Ionut', 'Kian', 'Mason', 'Rafael', 'Alfie', 'Connor', 'Dawid', 'Brandon', 'Harley', 'Aras', 'Jake', 'Ryan', 'Mateusz', 'Riley', 'Codey', 'Owen', 'Darius', 'Jack', 'Oliver', 'Jakub', 'Ethan', 'Liam', 'Nojus', 'Kyle', 'Charlie', 'Marius', 'Finley'];
const SUR = ['Smith', 'Fenwick', 'Nowak', 'Kowalski', 'Petrauskas', 'Kazlauskas', 'Popescu', 'Ionescu', 'Silva', 'Santos', 'Pereira', 'Nguyen', 'Tran', 'Boswell', 'Lee', 'Doe', 'Harker', 'Stannard', 'Pask', 'Whitlock', 'Drabble', 'Gibbons', 'Wisniewski', 'Jankowska', 'Ozols', 'Berzina', 'Dimitrov', 'Ahmed', 'Barker', 'Thorold', 'Mawby', 'Chappell', 'Rowett', 'Quince', 'Dunmore', 'Ferreira', 'Yilmaz', 'Kaya', 'Loveridge', 'Cooper'];
const NICK = { Aleksandra: 'Ola', Oliwia: 'Oli', Alexander: 'Alex', Mateusz: 'Mati', Tomasz: 'Tomek', Jakub: 'Kuba', Kayleigh: 'Kay', Destiny: 'Dess', Jessica: 'Jess', Madison: 'Maddie', Callum: 'Cal', Bradley: 'Brad', Brandon: 'Bran', Dawid: 'Dawe', Emilia: 'Emi', Beatriz: 'Bia', Rafael: 'Rafa', Chantelle: 'Chan', Courtney: 'Court', Charlie: 'Chaz' };
const ETH = ['White British', 'White British', 'White British', 'White - Other (Polish)', 'White - Other (Lithuanian)', 'White - Other (Romanian)', 'White - Other (Portuguese)', 'White - Gypsy/Roma', 'Asian - Vietnamese', 'White - Other (Latvian)', 'Mixed - White and Black Caribbean', 'Other - Kurdish'];

// ---- agencies ----
const AG = [
  ['lincpol', 'Fens and Marshland Police (fictional)', 'police'],
  ['kcsc', 'Kessingham Children\'s Services', 'childrens_social_care'],
  ['feng', 'Fenland General Hospital ED', 'health'],
  ['fensh', 'South Holland Sexual Health', 'health'],
  ['kcamhs', 'Kessingham CAMHS', 'health'],
  ['fenedu', 'Kessingham schools and attendance service', 'education'],
  ['kyos', 'South Holland Youth Offending Service', 'youth_justice'],
  ['cpsem', 'CPS East Midlands', 'prosecutor'],
  ['drove', 'The Drove Project (missing and exploitation charity)', 'voluntary'],
];

// ---- the cast ----
const facts = []; // {agency, child (or adult) id, kind, t, ...}
const kids = [];
const adults = [];
let nAdult = 0;
function mkAdult(type) {
  const a = { id: `A${++nAdult}`, type, given: pick(['Dean', 'Craig', 'Wayne', 'Gary', 'Shane', 'Vinnie', 'Jon', 'Mark', 'Arturas', 'Kamil', 'Florin', 'Tariq', 'Sami', 'Leon', 'Kane', 'Jordan']), family: pick(SUR), dob: `${int(1975, 2000)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, vehicle: reg(), phone: phone(), handle: `${pick(['kingz', 'bigman', 'realone', 'fenboy', 'dripz', 'gaffer', 'teflon'])}${int(10, 99)}@snapchat`, addr: address() };
  adults.push(a);
  return a;
}
const CSE_ADULTS = Array.from({ length: 7 }, () => mkAdult('cse'));
const CCE_ADULTS = Array.from({ length: 5 }, () => mkAdult('cce'));
const RELATIVES = Array.from({ length: 10 }, () => mkAdult('relative'));

let nKid = 0;
function mkKid(sex, dobT) {
  const k = { key: `K${String(++nKid).padStart(4, '0')}`, sex, given: sex === 'female' ? pick(GF) : pick(BF), family: pick(SUR), dobT, dob: day(dobT), nhs: nhs(), addr: address(), ethnicity: pick(ETH), exploited: false, tx: null, profile: null };
  if (chance(0.3)) k.addr2 = address(), k.moveT = START + int(300, 3200) * DAY;
  kids.push(k);
  return k;
}
const clampT = (t) => Math.min(Math.max(t, START), END - 30 * DAY);
function F(k, agency, kind, t, o = {}) { if (t < START || t > END || (t - k.dobT) / (365.25 * DAY) >= 17.95) return null; const f = { k, agency, kind, t, ...o }; facts.push(f); return f; }
const ageAt = (k, t) => (t - k.dobT) / (365.25 * DAY);

// ---- signal catalogue ----
function missing(k, t, o = {}) { // police missing episode (+ return interview by drove)
  const dur = o.hours ?? int(5, 40);
  const place = o.place ?? pick(BENIGN_PLACES);
  const f = F(k, 'lincpol', 'missing_episode', atHour(t, 17, 23), {
    ended: 0, hours: dur, summary: o.summary ?? `Missing from ${o.from === 'care_placement' ? 'placement' : 'home'}; found ${place.name}`,
    missing_from: o.from ?? 'home', risk_grading: o.grading ?? pick(['low', 'medium']), last_seen: o.lastSeen ?? pick(['Leaving school gates', 'Walking towards town centre', 'In bedroom at 21:00', 'Getting off the 505 bus']),
    place, adult: o.adult, ind: o.ind ?? [], reported_by: o.from === 'care_placement' ? 'Residential staff' : pick(['Mother', 'Father', 'Grandmother', 'Foster carer']),
  });
  if (f && chance(o.riP ?? 0.7)) {
    const st = chance(0.72) ? 'done' : chance(0.5) ? 'declined' : 'not_held';
    F(k, 'drove', 'return_interview', atHour(f.t + dur * HOUR + int(20, 140) * HOUR, 10, 18), { ep: f, status: st, account: o.account });
  }
  return f;
}
// ---- exploited children ----
const INTENS = shuffle([...Array(10).fill('strong'), ...Array(12).fill('medium'), ...Array(9).fill('subtle'), ...Array(7).fill('oneagency'), ...Array(4).fill('late'), ...Array(3).fill('none')]);
const seenI = {}; // within each intensity, sexual and criminal exploitation alternate (CSE first)
const TYPES = INTENS.map((x) => ((seenI[x] = (seenI[x] ?? 0) + 1) % 2 ? 'cse' : 'cce'));
const exploited = [];
for (let i = 0; i < 45; i++) {
  const type = TYPES[i];
  const inten = INTENS[i];
  const sex = type === 'cse' ? (chance(0.84) ? 'female' : 'male') : (chance(0.8) ? 'male' : 'female');
  const T = W('2016-07-01') + Math.floor(rnd() * (W('2024-12-20') - W('2016-07-01')));
  const age = 12.5 + rnd() * 5;
  const k = mkKid(sex, T - Math.floor(age * 365.25 * DAY));
  k.exploited = true; k.type = type; k.profile = `${inten}-${type}`; k.T = atHour(T, 9, 17);
  k.adult = type === 'cse' ? pick(CSE_ADULTS) : pick(CCE_ADULTS);
  exploited.push(k);
}
const hot = (k) => (k.type === 'cse' ? pick(HOT.slice(0, 7)) : pick([HOT[1], HOT[7], HOT[8], HOT[9], HOT[10]]));
function signal(k, t, agency) { // one sign, of the child's type, at agency (or any)
  const a = k.adult;
  const riP = agency ? 0 : 0.7;
  const cse = k.type === 'cse';
  const opts = [];
  const add = (ag, fn) => { if (!agency || agency === ag) opts.push(fn); };
  add('lincpol', () => missing(k, t, { place: hot(k), grading: pick(['medium', 'high']), adult: chance(0.4) ? a : null, ind: ['missing', ...(chance(0.5) ? ['hotspot_location'] : [])], riP, account: cse ? 'Says she was just with friends. Would not say whose car.' : 'Says he was at a mate\'s in Peterborough. New phone.' }));
  add('lincpol', () => F(k, 'lincpol', 'intelligence', atHour(t, 10, 23), { summary: cse ? `Seen getting into ${a.vehicle} driven by older male near ${pick(HOT).name}` : `Stop check: subject with older males at ${hot(k).name}, two phones`, ind: cse ? ['vehicle_unknown_adults', 'older_associates'] : ['older_associates', 'concerning_phone_use'], vehicle: cse ? a.vehicle : null, adult: chance(0.5) ? a : null }));
  add('kcsc', () => F(k, 'kcsc', 'contact_referral', atHour(t, 9, 17), { summary: cse ? 'Referral from school: new phone and clothes, talk of an older friend with a car' : 'Referral from police: found out of area, cash and two phones', ind: cse ? ['gifts_money', 'older_associates'] : ['gifts_money', 'concerning_phone_use'] }));
  add('kcsc', () => F(k, 'kcsc', 'strategy_discussion', atHour(t, 9, 16), { summary: `Strategy discussion: concerns about ${cse ? 'older males and missing' : 'associations with older males out of area'}; threshold for section 47 not met, single-agency plan`, ind: ['older_associates'] }));
  add('feng', () => F(k, 'feng', 'health_attendance', atHour(t, 0, 23), { summary: cse ? 'Pt brought in intoxicated by unknown adult male who left' : 'Pt with laceration to hand, vague history, accompanied by older male', ind: cse ? ['alcohol_misuse', 'older_associates'] : ['unexplained_injury', 'older_associates'] }));
  add('fensh', () => F(k, 'fensh', 'sexual_health', atHour(t, 9, 17), { summary: cse ? 'Attended for testing; chlamydia positive. Partner described as "older", no details given' : 'Attended for condoms; reluctant to give partner details', ind: ['sti'] }));
  add('fenedu', () => F(k, 'fenedu', 'school_absence', atHour(t, 9, 15), { summary: `${int(4, 14)} sessions unauthorised absence this half term`, details: cse ? 'Seen being collected at the gates by a car' : 'Missed mornings; arrives with new trainers and cash' }));
  add('fenedu', () => F(k, 'fenedu', 'concern', atHour(t, 9, 15), { summary: cse ? 'DSL log: told a friend about a man who buys her vodka; expensive phone' : 'DSL log: seen with older youths in a car after school; Year 9 boys say he "runs" for them', ind: [] }));
  add('drove', () => F(k, 'drove', 'concern', atHour(t, 10, 20), { summary: cse ? 'Outreach: seen at the car wash with adult men, left in a car' : 'Outreach: seen at Kessingham bus station with older males from out of town', ind: ['hotspot_location', 'older_associates'] }));
  add('kcamhs', () => F(k, 'kcamhs', 'self_harm', atHour(t, 9, 17), { summary: 'Low mood, cutting, poor sleep; secretive about phone', ind: ['self_harm', 'concerning_phone_use'] }));
  add('kyos', () => F(k, 'kyos', 'youth_justice', atHour(t, 9, 17), { summary: cse ? 'Out-of-court disposal (shoplifting); worker notes older "boyfriend"' : 'Referral order: possession with intent, arrested in Peterborough', ind: cse ? ['older_associates'] : ['drug_misuse', 'older_associates'] }));
  if (!cse) add('lincpol', () => F(k, 'lincpol', 'arrest', atHour(t, 12, 23), { summary: `Arrested: possession with intent to supply (crack/heroin), found at ${hot(k).name}`, ind: ['drug_misuse', 'older_associates'] }));
  return pick(opts)();
}
for (const k of exploited) {
  const T = k.T;
  const cse = k.type === 'cse';
  const inten = k.profile.split('-')[0];
  // family background (not for one-agency or none)
  if (inten !== 'oneagency' && inten !== 'none') {
    if (chance(0.4)) F(k, 'kcsc', 'contact_referral', clampT(T - int(500, 2500) * DAY), { summary: 'Referral: parental alcohol misuse and neglect; early help offered', ind: ['substance_misuse_at_home'] });
    if (chance(0.3)) F(k, 'lincpol', 'concern', clampT(T - int(200, 1800) * DAY), { summary: 'Domestic incident at home address; child present. Operation Encompass notification to school', ind: ['domestic_abuse_at_home'], encompass: true });
    if (chance(0.2)) F(k, 'kcsc', 'looked_after_start', clampT(T - int(60, 360) * DAY), { summary: 'Accommodated under section 20; residential placement out of county', ind: ['looked_after'] });
  }
  let signs = [];
  if (inten === 'strong') {
    const n = int(6, 11), span = int(270, 900);
    for (let j = 0; j < n; j++) signs.push([T - Math.floor(span * DAY * (1 - j / n) ** 1.4) - int(5, 20) * DAY, null]);
    const nm = int(3, 6);
    for (let j = 0; j < nm; j++) {
      const t = T - Math.floor(span * DAY * 0.6 * (1 - j / nm) ** 2) - int(3, 12) * DAY;
      missing(k, t, { place: hot(k), grading: j >= nm - 2 ? 'high' : 'medium', adult: chance(0.5) ? k.adult : null, ind: ['missing', 'hotspot_location'], hours: int(8, 60), account: cse ? 'Said she was "with mates". Had a new phone she would not explain.' : 'Said "I can\'t tell you, they\'ll know."' });
    }
    if (chance(0.55)) F(k, 'kcsc', 'strategy_discussion', T - int(60, 240) * DAY, { summary: 'Strategy discussion: concerns noted, threshold for section 47 not met; early help plan', ind: ['older_associates'] });
  } else if (inten === 'medium') {
    const n = int(3, 6), span = int(120, 540);
    for (let j = 0; j < n; j++) signs.push([T - int(10, span) * DAY, null]);
    for (let j = int(1, 3); j > 0; j--) missing(k, T - int(10, span) * DAY, { place: chance(0.6) ? hot(k) : pick(BENIGN_PLACES), grading: pick(['medium', 'high']), ind: ['missing'] });
    if (chance(0.5)) F(k, 'kcsc', 'strategy_discussion', T - int(30, 200) * DAY, { summary: 'Strategy discussion: no section 47; monitor through team around the family', ind: [] });
  } else if (inten === 'subtle') {
    const n = int(1, 3);
    const quiet = [
      (t) => F(k, 'fenedu', 'school_absence', atHour(t, 9, 15), { summary: '2 sessions unauthorised absence', details: 'Parent rang in late' }),
      (t) => F(k, 'fenedu', 'note', atHour(t, 9, 15), { summary: 'Form tutor: quieter, tired, new phone' }),
      (t) => F(k, 'kcamhs', 'note', atHour(t, 9, 16), { summary: 'Referral for low mood and poor sleep; placed on waiting list' }),
      (t) => F(k, 'feng', 'health_attendance', atHour(t, 18, 23), { summary: 'Pt with sprained wrist, fell at friend\'s house, collected by mother' }),
      (t) => F(k, 'drove', 'note', atHour(t, 15, 20), { summary: 'Youth club: dropped in, mentioned a taxi that sometimes brings them from school' }),
    ];
    for (let j = 0; j < n; j++) pick(quiet)(T - int(20, 400) * DAY);
  } else if (inten === 'late') {
    const n = int(2, 4);
    for (let j = 0; j < n; j++) signs.push([T - int(14, 75) * DAY, null]);
  } else if (inten === 'oneagency') {
    const ag = cse ? pick(['fenedu', 'fensh', 'drove', 'lincpol']) : pick(['fenedu', 'kyos', 'lincpol']);
    k.oneAgency = ag;
    const n = int(3, 6);
    for (let j = 0; j < n; j++) signs.push([T - int(20, 500) * DAY, ag]);
  }
  for (const [t, ag] of signs) if (t > START) signal(k, t, ag);
  // exploitation record
  const how = cse ? pick(['police', 'csc', 'csc']) : pick(['police', 'csc', 'yos']);
  if (how === 'police') k.xf = F(k, 'lincpol', 'crime_report', T, { summary: cse ? `Child sexual exploitation: offences of sexual activity with a child, ${Math.floor(ageAt(k, T))}-year-old victim; suspect identified` : `Modern slavery / child criminal exploitation: ${Math.floor(ageAt(k, T))}-year-old found running drugs for a county line`, adult: k.adult, victimOf: true, ind: cse ? ['older_associates'] : ['older_associates', 'drug_misuse'] });
  else if (how === 'csc') k.xf = F(k, 'kcsc', 'strategy_discussion', T, { summary: cse ? 'Strategy discussion: child is being sexually exploited by adult males; section 47 initiated' : 'Strategy discussion: child is being criminally exploited (county line); section 47 and NRM referral', outcome: 'Section 47 enquiry', ind: ['older_associates'] });
  else k.xf = F(k, 'kyos', 'concern', T, { summary: 'Child criminal exploitation identified; NRM referral submitted as first responder', ind: ['older_associates', 'drug_misuse'] });
  // afterwards
  const after = T + int(10, 90) * DAY;
  if (after < END) {
    F(k, 'kcsc', 'section47_enquiry', after, { summary: 'Section 47 enquiry: exploitation', ind: [] });
    if (chance(0.5)) F(k, 'kcsc', 'cp_plan_start', after + int(15, 40) * DAY, { summary: 'Child protection plan: risk outside the home' });
    if (chance(0.6)) F(k, 'cpsem', 'charging_decision', after + int(60, 300) * DAY, { outcome: pick(['charge', 'charge', 'no_further_action', 'further_evidence_needed']), adult: k.adult, summary: cse ? 'Sexual activity with a child; arranging child sexual exploitation' : 'Modern Slavery Act 2015 s.2; supplying class A' });
    if (chance(0.5)) missing(k, after + int(20, 200) * DAY, { place: hot(k), grading: 'high', ind: ['missing'] });
  }
}
// ---- never exploited ----
const NEG = [['ordinary', 170], ['disability', 40], ['bereavement', 30], ['neglect', 45], ['offending', 40], ['mental_health', 40], ['young_carer', 30], ['seasonal_move', 25], ['residential_care', 20], ['sexual_health_peer', 20], ['sibling_of_exploited', 15], ['friend_of_exploited', 10], ['domestic_abuse', 20], ['car_with_relative', 10]];
const kidAgeT = (k, a) => k.dobT + Math.floor(a * 365.25 * DAY);
for (const [prof, n] of NEG) for (let i = 0; i < n; i++) {
  const sex = chance(0.5) ? 'female' : 'male';
  const sib = prof === 'sibling_of_exploited' ? exploited[i * 3 % exploited.length] : null;
  const k = mkKid(sex, sib ? sib.dobT + (chance(0.5) ? 1 : -1) * int(400, 1400) * DAY : W('2000-09-01') + Math.floor(rnd() * (W('2013-06-01') - W('2000-09-01'))));
  k.profile = prof;
  if (sib) { k.family = sib.family; k.addr = sib.addr; k.addr2 = sib.addr2; k.moveT = sib.moveT; }
  const T0 = Math.max(START, kidAgeT(k, 8)), T1 = Math.min(END - 20 * DAY, kidAgeT(k, 17.8));
  if (T1 <= T0 + 60 * DAY) { F(k, 'fenedu', 'note', Math.max(START, Math.min(END - 5 * DAY, kidAgeT(k, 11))), { summary: 'Year 7 transition meeting; no concerns' }); continue; }
  const R = () => T0 + Math.floor(rnd() * (T1 - T0));
  const Rin = (a0, a1) => { const x = Math.max(T0, kidAgeT(k, a0)), y = Math.min(T1, kidAgeT(k, a1)); return y > x ? x + Math.floor(rnd() * (y - x)) : R(); };
  switch (prof) {
    case 'ordinary':
      for (let j = int(0, 2); j >= 0; j--) pick([
        () => F(k, 'feng', 'health_attendance', atHour(R(), 10, 21), { summary: pick(['Pt with fractured wrist after fall from trampoline', 'Pt with asthma exacerbation', 'Pt with head injury at football, GCS 15', 'Pt with abdominal pain, discharged']) }),
        () => F(k, 'fenedu', 'school_absence', atHour(R(), 9, 15), { summary: `${int(1, 3)} sessions unauthorised absence`, details: 'Family holiday in term time' }),
        () => F(k, 'fenedu', 'note', atHour(R(), 9, 15), { summary: 'Parents evening: attendance 96%, no concerns' }),
        () => { const t = R(); if (ageAt(k, t) > 12) F(k, 'lincpol', 'crime_report', atHour(t, 15, 21), { summary: 'Victim of robbery: phone taken by two youths at Kessingham bus station' }); },
      ])();
      break;
    case 'disability': { // autism / learning disability: wandering, many health contacts
      k.disability = pick(['Autism spectrum condition', 'Moderate learning disability', 'Autism and ADHD']);
      for (let j = int(2, 5); j > 0; j--) missing(k, Rin(10, 17.5), { place: pick([BENIGN_PLACES[4], BENIGN_PLACES[5], HOT[7], HOT[1]]), grading: 'high', hours: int(2, 9), summary: 'Missing from home, vulnerable due to autism; found alone watching trains', lastSeen: 'Leaving home on foot with headphones', riP: 0.4, account: 'Likes trains. Got on the wrong bus. Nobody else involved.' });
      for (let j = int(2, 4); j > 0; j--) F(k, 'feng', 'health_attendance', atHour(R(), 8, 22), { summary: pick(['Pt with head injury after meltdown, known ASC', 'Pt with seizure, known epilepsy', 'Pt with foreign body ingestion']) });
      for (let j = int(1, 3); j > 0; j--) F(k, 'kcamhs', 'note', atHour(R(), 9, 16), { summary: 'Neurodevelopmental review; sleep and sensory plan' });
      F(k, 'fenedu', 'school_exclusion', atHour(R(), 10, 14), { summary: 'Fixed-term exclusion 2 days after incident in class; EHCP review brought forward' });
      if (chance(0.5)) F(k, 'kcsc', 'assessment', atHour(R(), 9, 16), { summary: 'Child in need assessment (disabled children team): short breaks', outcome: 'Child in need plan' });
      break; }
    case 'bereavement': {
      const t = Rin(10, 15.5);
      F(k, 'fenedu', 'note', atHour(t, 9, 15), { summary: pick(['Father died suddenly; school aware, bereavement support offered', 'Mother died after illness; pastoral support in place']), ind: ['family_breakdown'] });
      for (let j = int(2, 5); j > 0; j--) F(k, 'fenedu', 'school_absence', atHour(t + int(10, 500) * DAY, 9, 15), { summary: `${int(3, 10)} sessions absence`, details: 'Low mood since bereavement' });
      F(k, 'kcamhs', 'note', atHour(t + int(60, 200) * DAY, 9, 16), { summary: 'Assessment: complicated grief, low mood' });
      if (chance(0.6)) F(k, 'feng', 'self_harm', atHour(t + int(100, 600) * DAY, 18, 23), { summary: 'Pt with superficial cuts to forearm after anniversary of death', ind: ['self_harm'] });
      if (chance(0.4)) F(k, 'drove', 'note', atHour(t + int(100, 500) * DAY, 15, 19), { summary: 'Young people\'s bereavement group attended' });
      break; }
    case 'neglect': {
      const t = Rin(8, 13);
      F(k, 'fenedu', 'concern', atHour(t, 9, 15), { summary: 'Arrives hungry, same clothes all week, head lice untreated', ind: [] });
      F(k, 'kcsc', 'contact_referral', atHour(t + int(3, 20) * DAY, 9, 16), { summary: 'Referral from school: neglect, parental substance misuse', ind: ['substance_misuse_at_home'] });
      F(k, 'kcsc', 'assessment', atHour(t + int(30, 60) * DAY, 9, 16), { summary: 'Child and family assessment: neglect', outcome: 'Strategy discussion' });
      if (chance(0.7)) { F(k, 'kcsc', 'section47_enquiry', atHour(t + int(60, 80) * DAY, 9, 16), { summary: 'Section 47: neglect' }); F(k, 'kcsc', 'cp_plan_start', atHour(t + int(90, 110) * DAY, 10, 15), { summary: 'Child protection plan: neglect' }); F(k, 'kcsc', 'cp_plan_end', atHour(t + int(400, 700) * DAY, 10, 15), { summary: 'Child protection plan ended' }); }
      for (let j = int(2, 6); j > 0; j--) F(k, 'fenedu', 'school_absence', atHour(t + int(10, 900) * DAY, 9, 15), { summary: `${int(3, 12)} sessions unauthorised absence`, details: 'No contact from home' });
      if (chance(0.5)) F(k, 'feng', 'health_attendance', atHour(R(), 10, 20), { summary: 'Pt with untreated dental abscess; late presentation' });
      break; }
    case 'offending': {
      const t = Rin(12.5, 16.5);
      for (let j = int(2, 4); j > 0; j--) F(k, 'lincpol', 'arrest', atHour(t + int(0, 600) * DAY, 14, 23), { summary: pick(['Arrested: shoplifting at Sutterby retail park', 'Arrested: criminal damage to bus shelter', 'Arrested: assault on peer after football', 'Arrested: theft of bicycle', 'Arrested: possession of cannabis (personal)']), ind: [] });
      F(k, 'kyos', 'youth_justice', atHour(t + int(30, 200) * DAY, 9, 16), { summary: pick(['Referral order, 6 months: criminal damage', 'Youth caution with YOS intervention', 'Youth Rehabilitation Order: theft']) });
      if (chance(0.6)) F(k, 'fenedu', 'school_exclusion', atHour(t + int(0, 400) * DAY, 10, 14), { summary: 'Fixed-term exclusion: fighting', ind: [] });
      if (chance(0.4)) F(k, 'lincpol', 'charge', atHour(t + int(100, 500) * DAY, 14, 22), { summary: 'Charged: theft from motor vehicle with two peers of the same age' });
      if (chance(0.3)) F(k, 'feng', 'health_attendance', atHour(R(), 20, 23), { summary: 'Pt with hand injury after punching wall' });
      break; }
    case 'mental_health': {
      const t = Rin(12, 16.5);
      F(k, 'kcamhs', 'note', atHour(t, 9, 16), { summary: pick(['Assessment: anxiety and low mood', 'Eating disorder pathway: restrictive eating', 'Assessment: OCD symptoms']) });
      for (let j = int(1, 4); j > 0; j--) F(k, 'feng', 'self_harm', atHour(t + int(0, 600) * DAY, 17, 23), { summary: pick(['Pt with paracetamol overdose, brought by parents', 'Pt with self-inflicted cuts, seen by liaison psychiatry']), ind: ['self_harm'] });
      for (let j = int(1, 4); j > 0; j--) F(k, 'fenedu', 'school_absence', atHour(t + int(0, 500) * DAY, 9, 15), { summary: `${int(4, 12)} sessions absence`, details: 'Anxiety-based school avoidance; medical evidence' });
      if (chance(0.4)) F(k, 'kcsc', 'contact_referral', atHour(t + int(10, 300) * DAY, 9, 16), { summary: 'Referral from ED after overdose; parents supportive; no further action by CSC', ind: ['self_harm'] });
      break; }
    case 'young_carer': {
      const t = Rin(9, 14);
      F(k, 'kcsc', 'assessment', atHour(t, 9, 16), { summary: 'Young carer\'s assessment: cares for mother (multiple sclerosis)', outcome: 'Early help: young carers service', ind: ['parental_mental_health'].filter(() => chance(0.3)) });
      for (let j = int(3, 7); j > 0; j--) F(k, 'fenedu', 'school_absence', atHour(t + int(0, 900) * DAY, 9, 15), { summary: `${int(2, 8)} sessions late/absent`, details: 'Caring responsibilities in the morning' });
      if (chance(0.5)) F(k, 'drove', 'note', atHour(t + int(30, 600) * DAY, 15, 19), { summary: 'Young carers group: residential trip' });
      if (chance(0.4)) F(k, 'feng', 'health_attendance', atHour(R(), 19, 23), { summary: 'Pt brought mother in after fall; child present as carer (safeguarding note)' });
      break; }
    case 'seasonal_move': {
      const t = Rin(8, 14);
      for (let j = int(2, 4); j > 0; j--) F(k, 'fenedu', 'education_change', atHour(t + j * int(100, 300) * DAY, 9, 15), { summary: pick(['Left roll: family moved to Poland for the winter; returned and re-admitted', 'Moved school: family moved to a new tied cottage with the farm work', 'Admitted mid-year; EAL, no previous records']) });
      for (let j = int(1, 3); j > 0; j--) F(k, 'fenedu', 'school_absence', atHour(t + int(0, 800) * DAY, 9, 15), { summary: `${int(6, 20)} sessions absence`, details: 'Extended visit abroad, family in contact' });
      if (chance(0.4)) F(k, 'kcsc', 'contact_referral', atHour(t + int(0, 600) * DAY, 9, 16), { summary: 'Referral: overcrowded HMO, children sharing room with adult lodgers; housing referral, no further action', ind: [] });
      break; }
    case 'residential_care': {
      const t = Rin(11.5, 15);
      F(k, 'kcsc', 'looked_after_start', atHour(t, 10, 16), { summary: 'Looked after: placed in residential home (Fenview House)', ind: ['looked_after'] });
      for (let j = int(4, 10); j > 0; j--) missing(k, t + int(20, 700) * DAY, { from: 'care_placement', place: pick(BENIGN_PLACES.slice(0, 4)), grading: pick(['low', 'medium']), hours: int(2, 6), summary: 'Missing from placement after curfew; located later that night', account: 'Was at a friend\'s house playing Xbox / at the leisure centre. Friend\'s mum confirmed.' });
      F(k, 'kcsc', 'strategy_discussion', atHour(t + int(200, 400) * DAY, 10, 15), { summary: 'Strategy discussion after repeat missing: with same-age friends, no exploitation concerns identified; placement plan for curfew' });
      if (chance(0.5)) F(k, 'kcsc', 'placement_move', atHour(t + int(300, 800) * DAY, 10, 16), { summary: 'Moved to foster placement' });
      break; }
    case 'sexual_health_peer': {
      const t = Rin(15, 17.5);
      for (let j = int(1, 3); j > 0; j--) F(k, 'fensh', 'sexual_health', atHour(t + int(0, 300) * DAY, 9, 17), { summary: pick(['Contraception; partner same age at school; no CSE concerns on screening', 'STI screen negative; long-term partner (16)', 'Chlamydia treated; partner (17) also treated; screening tool: no concerns']), ind: [] });
      if (k.sex === 'female' && chance(0.25)) F(k, 'fensh', 'pregnancy', atHour(t + int(200, 400) * DAY, 9, 16), { summary: 'Pregnancy confirmed; partner 17, supportive families; midwife referral' });
      break; }
    case 'sibling_of_exploited': {
      F(k, 'fenedu', 'note', atHour(R(), 9, 15), { summary: 'Sibling known to exploitation team; pupil seems fine, aware of support' });
      if (chance(0.6)) F(k, 'kcsc', 'assessment', atHour(Math.min(T1, Math.max(T0, sib.T + int(20, 100) * DAY)), 9, 16), { summary: 'Assessment of siblings following exploitation of older/younger sibling: no concerns for this child', outcome: 'No further action' });
      if (chance(0.4)) F(k, 'feng', 'health_attendance', atHour(R(), 10, 20), { summary: 'Pt with ankle sprain' });
      break; }
    case 'friend_of_exploited': {
      const f = exploited[(i * 7 + 3) % exploited.length];
      const t = Math.min(T1, Math.max(T0, f.T - int(30, 300) * DAY));
      missing(k, t, { place: hot(f), grading: 'medium', hours: int(4, 12), summary: `Missing with friend; both found at ${hot(f).name}`, account: 'Went with my friend because she was upset. Never going again.' });
      F(k, 'kcsc', 'strategy_discussion', atHour(t + int(5, 20) * DAY, 10, 15), { summary: 'Strategy discussion: one-off episode with friend; no exploitation concerns; parents protective, advice given' });
      if (chance(0.5)) F(k, 'fenedu', 'note', atHour(t + int(10, 40) * DAY, 9, 15), { summary: 'DSL check-in: settled, attending well' });
      break; }
    case 'domestic_abuse': {
      const t = Rin(8, 14);
      for (let j = int(2, 4); j > 0; j--) F(k, 'lincpol', 'concern', atHour(t + int(0, 700) * DAY, 19, 23), { summary: 'Domestic incident at home address; child present. Operation Encompass notification', ind: ['domestic_abuse_at_home'], encompass: true });
      F(k, 'kcsc', 'contact_referral', atHour(t + int(5, 60) * DAY, 9, 16), { summary: 'Referral: domestic abuse; mother engaging with IDVA', ind: ['domestic_abuse_at_home'] });
      if (chance(0.3)) F(k, 'cpsem', 'charging_decision', atHour(t + int(60, 200) * DAY, 10, 16), { outcome: 'charge', summary: 'Assault by beating of the mother in the child\'s presence; the child is a victim of the domestic abuse (Domestic Abuse Act 2021)', adultRel: true });
      if (chance(0.5)) F(k, 'kcamhs', 'note', atHour(t + int(100, 500) * DAY, 9, 16), { summary: 'Trauma-focused work; sleep improved' });
      break; }
    case 'car_with_relative': {
      const rel = RELATIVES[i % RELATIVES.length];
      const t = Rin(11, 16);
      F(k, 'fenedu', 'concern', atHour(t, 15, 16), { summary: `DSL log: seen getting into car ${rel.vehicle} with adult male after school; checked with mum - it is her brother (uncle), arrangement agreed`, ind: [] });
      if (chance(0.6)) F(k, 'lincpol', 'intelligence', atHour(t + int(10, 200) * DAY, 17, 22), { summary: `Vehicle stop ${rel.vehicle}: child passenger with adult male; confirmed as uncle taking her/him to football; no concerns`, vehicle: rel.vehicle, ind: [] });
      break; }
  }
}
// ---- build agency objects ----
const objs = []; // {agency, rec (ms), line object}
const seq = {};
const nextId = (ag, pre) => { seq[ag + pre] = (seq[ag + pre] ?? 0) + 1; return `${pre}${String(seq[ag + pre] + 1000 * (pre.length % 7 + 1)).padStart(6, '0')}`; };
const truth = [];
function recDelay(agency, t, kind) {
  switch (agency) {
    case 'lincpol': return t + int(10, 240) * MIN;
    case 'kcsc': { let r = t + int(1, 21) * DAY + int(0, 6) * HOUR; const w = weekday(r); if (w === 0) r += DAY; if (w === 6) r += 2 * DAY; return atHour(r, 9, 17); }
    case 'feng': return t + int(5, 90) * MIN;
    case 'fensh': return t + int(20, 180) * MIN;
    case 'kcamhs': { // letters typed 1-6 weeks later; nothing typed from 23 March to 31 July 2020 (the backlog went in during August)
      const r = atHour(t + int(7, 42) * DAY, 9, 17);
      return r >= W('2020-03-23') && r < W('2020-08-01') ? atHour(W('2020-08-03') + int(0, 18) * DAY, 9, 17) : r; }
    case 'fenedu': { const d = weekday(t); const fri = Math.floor(t / DAY) * DAY + ((5 - d + 7) % 7) * DAY + 16 * HOUR + 30 * MIN; return fri < t ? fri + 7 * DAY : fri; }
    case 'kyos': return atHour(t + int(2, 10) * DAY, 9, 17);
    case 'cpsem': return t + int(30, 300) * MIN;
    case 'drove': return atHour(t + int(1, 7) * DAY, 9, 18);
  }
}
const personIds = new Map(); // `${ag}:${key}` -> [source ids]
const personRec = new Map(); // `${ag}:${key}` -> when the first record was made
const dupes = new Map();
const adultObj = new Map(); // drove's second records: `${ag}:${key}` -> {src, t}
function childPerson(k, ag, rec) {
  const id = `${ag}:${k.key}`;
  if (personIds.has(id)) return personIds.get(id)[0];
  const sid = { lincpol: 'NOM', kcsc: 'LL', feng: 'MRN', fensh: 'GUM', kcamhs: 'CAM', fenedu: 'PUP', kyos: 'YOS', cpsem: 'V', drove: 'DP' }[ag];
  const src = nextId(ag, sid);
  personIds.set(id, [src]);
  personRec.set(id, rec);
  const addr = k.moveT && rec > k.moveT ? k.addr2 : k.addr;
  const p = { type: 'person', agency: ag, source_id: src, given_name: k.given, family_name: k.family, date_of_birth: k.dob, sex: k.sex };
  if (ag === 'lincpol') { if (chance(0.4)) { p.given_name = k.given.toUpperCase(); p.family_name = k.family.toUpperCase(); } if (chance(0.1)) delete p.sex; if (chance(0.03)) delete p.date_of_birth; p.address = { ...addr }; if (chance(0.3)) p.ethnicity = k.ethnicity; }
  if (ag === 'kcsc') { if (chance(0.7)) p.nhs_number = k.nhs; p.address = { ...addr }; p.ethnicity = k.ethnicity; if (k.disability) p.disability = k.disability; if (k.profile === 'residential_care') p.address.confidential = true; }
  if (ag === 'feng' || ag === 'kcamhs') { p.nhs_number = chance(0.95) ? k.nhs : undefined; if (!p.nhs_number) delete p.nhs_number; p.address = { ...addr }; }
  if (ag === 'fensh') { if (chance(0.4)) delete p.family_name; if (chance(0.4)) p.address = { postcode: addr.postcode }; }
  if (ag === 'fenedu') { p.address = { ...addr }; if (NICK[k.given]) p.other_names = [NICK[k.given]]; p.ethnicity = k.ethnicity; if (k.disability) p.disability = k.disability; }
  if (ag === 'kyos') { p.address = { ...addr }; p.ethnicity = k.ethnicity; }
  if (ag === 'drove') { if (NICK[k.given] && chance(0.7)) { p.given_name = NICK[k.given]; p.other_names = [k.given]; } if (chance(0.25)) delete p.date_of_birth; if (chance(0.5)) p.phone = phone(); }
  p.is_child = true;
  const fixT = rec - int(2, 20) * MIN;
  // kcsc: 6% sent with day and month swapped, corrected later
  const d = k.dob.split('-');
  if (ag === 'kcsc' && Number(d[2]) <= 12 && d[1] !== d[2] && chance(0.06)) {
    objs.push({ agency: ag, rec: fixT, o: { ...p, date_of_birth: `${d[0]}-${d[2]}-${d[1]}`, recorded_at: iso(fixT) } });
    const corr = fixT + int(2, 60) * DAY;
    if (corr < END) objs.push({ agency: ag, rec: corr, o: { ...p, recorded_at: iso(corr) } });
  } else objs.push({ agency: ag, rec: fixT, o: { ...p, recorded_at: iso(fixT) } });
  truth.push([k.key, ag, src, k.exploited ? 1 : 0, k.exploited && k.xf ? iso(k.xf.rec) : '']);
  // drove: a second record of the same child made by another worker (10%)
  if (ag === 'drove' && chance(0.1)) {
    const src2 = nextId(ag, sid);
    const t2 = fixT + int(60, 400) * DAY;
    if (t2 < END) {
      personIds.get(id).push(src2);
      dupes.set(id, { src: src2, t: t2 });
      objs.push({ agency: ag, rec: t2, o: { type: 'person', agency: ag, source_id: src2, given_name: k.given, family_name: k.family, ...(chance(0.5) ? { date_of_birth: k.dob } : {}), sex: k.sex, is_child: true, recorded_at: iso(t2) } });
      truth.push([k.key, ag, src2, k.exploited ? 1 : 0, '']);
    }
  }
  return src;
}
function adultPerson(a, ag, rec) {
  const id = `${ag}:${a.id}`;
  if (personIds.has(id)) { // sent already: make sure it is sent before this use
    const x = adultObj.get(id);
    if (x.rec >= rec) { x.rec = rec - int(2, 20) * MIN; x.o.recorded_at = iso(x.rec); }
    return personIds.get(id)[0];
  }
  const src = nextId(ag, ag === 'lincpol' ? 'NOM' : ag === 'kcsc' ? 'LL' : 'S');
  personIds.set(id, [src]);
  const p = { type: 'person', agency: ag, source_id: src, given_name: a.given, family_name: a.family, date_of_birth: a.dob, sex: 'male', is_child: false };
  if (ag === 'lincpol') { p.address = { ...a.addr }; p.phone = a.phone; }
  const t = rec - int(2, 20) * MIN;
  const x = { agency: ag, rec: t, o: { ...p, recorded_at: iso(t) } };
  adultObj.set(id, x);
  objs.push(x);
  return src;
}
// first pass: recorded times (exploitation facts first, so the truth holds their recorded_at)
for (const f of facts) { f.t = fix(f.t); if (f.kind === 'missing_episode') { f.twice = chance(0.6); f.rec = f.twice ? f.t + int(20, 90) * MIN : f.t + f.hours * HOUR + int(30, 180) * MIN; } else f.rec = recDelay(f.agency, f.t, f.kind); }
facts.sort((a, b) => a.rec - b.rec || a.t - b.t);
const kept = facts.filter((f) => f.rec < END && f.rec > START);
for (const k of exploited) if (k.xf && !kept.includes(k.xf)) k.xf = null;
let withdrawn = 0;
for (const f of kept) {
  const k = f.k;
  const ag = f.agency;
  if (f.kind === 'return_interview' && !f.ep.src) continue; // its episode was never recorded
  let sid = childPerson(k, ag, f.rec);
  const dupe = dupes.get(`${ag}:${k.key}`);
  if (dupe && f.rec > dupe.t && chance(0.5)) sid = dupe.src;
  const e = { type: 'event', agency: ag, source_id: '', kind: f.kind, subject: sid, occurred_at: iso(f.t) };
  e.source_id = nextId(ag, { lincpol: 'OEL', kcsc: 'WS', feng: 'ATT', fensh: 'CON', kcamhs: 'LET', fenedu: 'LOG', kyos: 'YJ', cpsem: 'CASE', drove: 'RHI' }[ag]);
  f.src = e.source_id;
  if (f.summary) e.summary = f.summary;
  if (f.details) e.details = f.details;
  const indOK = ag === 'lincpol' ? chance(0.5) : ag === 'kcsc' || ag === 'drove' ? chance(0.7) : ag === 'fenedu' || ag === 'cpsem' ? false : chance(0.3);
  if (indOK && f.ind && f.ind.length) e.indicators = [...new Set(f.ind)];
  const inv = [];
  if (f.adult) inv.push({ person: adultPerson(f.adult, ag, f.rec), role: f.kind === 'missing_episode' ? 'found_with' : f.victimOf ? 'suspect' : 'associate' });
  if (f.vehicle) inv.push({ vehicle: f.vehicle });
  if (f.adult && ag === 'lincpol' && chance(0.4)) inv.push({ phone: f.adult.phone });
  if (f.adult && f.kind === 'crime_report' && chance(0.4)) inv.push({ online: f.adult.handle });
  if (f.kind === 'charging_decision') { e.outcome = f.outcome; e.rationale = f.outcome === 'charge' ? 'Full Code test met' : f.outcome === 'no_further_action' ? 'Evidential stage not met: no supporting evidence beyond the complainant\'s account' : 'Phone download and CCTV awaited'; if (f.adult) inv.splice(0, inv.length, { person: adultPerson(f.adult, ag, f.rec), role: 'suspect' }); if (f.adultRel) delete e.indicators; }
  if (f.kind === 'missing_episode') {
    e.missing_from = f.missing_from; e.risk_grading = f.risk_grading; e.last_seen = f.last_seen; e.reported_by = f.reported_by;
    if (f.place) inv.push({ location: { ...f.place }, role: 'found_at' });
  }
  if (f.kind === 'return_interview') {
    if (!f.ep.src) continue; // episode not recorded
    e.episode = `lincpol:${f.ep.src}`; e.status = f.status;
    if (f.status !== 'done') e.reason = f.status === 'declined' ? pick(['Young person declined; said "I\'m fine, I was with my mates"', 'Declined by young person; parent present and supportive']) : pick(['Not held: could not contact family after three attempts', 'Not held: young person moved out of area before contact']);
    else e.child_account = f.account ?? pick(['Went to a friend\'s and lost track of time. Phone died.', 'Argument with mum about my phone. Stayed at my nan\'s.']);
    e.summary = `Return interview (${f.status})`;
  }
  if (f.kind === 'strategy_discussion' && f.outcome) e.outcome = f.outcome;
  if (f.kind === 'assessment' && f.outcome) e.outcome = f.outcome;
  if (f.encompass) e.details = 'Operation Encompass: school DSL informed before 08:45 next school day';
  if (inv.length) e.involves = inv;
  e.recorded_by = { lincpol: `PC ${int(1000, 2999)}`, kcsc: pick(['SW Hall', 'SW Okafor', 'SW Radu', 'SW Pike', 'Duty SW']), feng: 'ED triage', fensh: 'Clinic nurse', kcamhs: 'CAMHS clinician', fenedu: 'DSL', kyos: 'YOS officer', cpsem: 'Reviewing lawyer', drove: 'Drove worker' }[ag];
  if (f.kind === 'missing_episode') {
    const endT = f.t + f.hours * HOUR;
    if (f.twice && endT + 3 * HOUR < END) { // police: sent when reported, sent again when found
      objs.push({ agency: ag, rec: f.rec, o: { ...e, summary: 'Missing from ' + (f.missing_from === 'care_placement' ? 'placement' : 'home') + '; enquiries ongoing', involves: undefined, recorded_at: iso(f.rec) } });
      const r2 = fix(endT + int(30, 120) * MIN);
      objs.push({ agency: ag, rec: r2, o: { ...e, ended_at: iso(endT), recorded_at: iso(r2) } });
      continue;
    }
    e.ended_at = iso(endT);
  }
  e.recorded_at = iso(f.rec);
  objs.push({ agency: ag, rec: f.rec, o: e });
  // kcsc: ~1% of events first recorded on the wrong child's file? (kept simple: a duplicate entry withdrawn)
  if (ag === 'kcsc' && f !== k.xf && chance(0.02)) {
    const dup = { ...e, source_id: nextId(ag, 'WS'), recorded_at: iso(f.rec + 5 * MIN) };
    const wt = f.rec + int(1, 15) * DAY;
    if (wt < END) { objs.push({ agency: ag, rec: f.rec + 5 * MIN, o: dup }); objs.push({ agency: ag, rec: wt, o: { type: 'event', agency: ag, source_id: dup.source_id, withdrawn: true, reason: 'Duplicate entry created in error', recorded_at: iso(wt) } }); withdrawn++; }
  }
}
// relationships: kcsc claimed_partner for 35% of CSE children with records
let rels = 0;
for (const k of exploited) if (k.type === 'cse' && k.xf && chance(0.35) && personIds.has(`kcsc:${k.key}`)) {
  const t = Math.max(k.xf.rec, personRec.get(`kcsc:${k.key}`)) + int(1, 20) * DAY;
  if (t >= END) continue;
  objs.push({ agency: 'kcsc', rec: t, o: { type: 'relationship', agency: 'kcsc', source_id: nextId('kcsc', 'REL'), from: personIds.get(`kcsc:${k.key}`)[0], to: adultPerson(k.adult, 'kcsc', t), kind: 'claimed_partner', reliability: 'tentative', note: 'Child calls him her boyfriend; he is an adult', recorded_at: iso(t) } });
  rels++;
}
for (const k of exploited) k.xrec = k.xf ? iso(k.xf.rec) : '';
for (const r of truth) { const k = kids.find((x) => x.key === r[0]); r[4] = k.exploited ? k.xrec : ''; }
// police: the move to a new records system on 18 November 2019 re-sent every nominal recorded in capitals, in title case
const MIG = W('2019-11-18T06:00:00');
const title = (x) => x.toLowerCase().replace(/(^|[ '-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
let migrated = 0;
for (const x of [...objs]) if (x.agency === 'lincpol' && x.o.type === 'person' && x.rec < MIG && x.o.given_name === x.o.given_name.toUpperCase() && x.o.given_name !== x.o.given_name.toLowerCase()) {
  const t = MIG + migrated * 7000;
  objs.push({ agency: 'lincpol', rec: t, o: { ...x.o, given_name: title(x.o.given_name), family_name: title(x.o.family_name), recorded_at: iso(t) } });
  migrated++;
}
// ---- write ----
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
objs.sort((a, b) => a.rec - b.rec);
const files = new Map();
for (const x of objs) {
  const o = JSON.parse(JSON.stringify(x.o));
  const fy = fyOf(x.rec);
  const f = `years/${fy}/${x.agency}.ndjson`;
  if (!files.has(f)) files.set(f, []);
  files.get(f).push(JSON.stringify(o));
}
for (const [f, lines] of files) { fs.mkdirSync(path.join(OUT, path.dirname(f)), { recursive: true }); fs.writeFileSync(path.join(OUT, f), lines.join('\n') + '\n'); }
const fys = [...new Set([...files.keys()].map((f) => f.split('/')[1]))].sort();
const sh = ['#!/bin/sh', '# Loads risk area r9 (Kessingham) into Threadline. THREADLINE_CLI defaults to "threadline".', 'set -e', 'cd "$(dirname "$0")"', 'CLI="${THREADLINE_CLI:-threadline}"', '$CLI migrate'];
for (const [c, n, kd] of AG) sh.push(`$CLI agencies add ${c} --name "${n.replace(/"/g, '')}" --kind ${kd}`);
const agOrder = (f) => AG.findIndex(([c]) => f.endsWith(`/${c}.ndjson`)); // police first: the charity's interviews name its episodes
for (const fy of fys) sh.push(`$CLI import ${[...files.keys()].filter((f) => f.split('/')[1] === fy).sort((x, y) => agOrder(x) - agOrder(y)).join(' ')}`);
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh.join('\n') + '\n');
const kidsWithRecords = new Set(truth.map((r) => r[0]));
fs.writeFileSync(path.join(OUT, 'truth.csv'), ['person_key,agency,source_id,exploited,first_exploitation_recorded_at', ...truth.map((r) => r.join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'profiles.csv'), ['person_key,exploited,profile_or_intensity,sex,date_of_birth', ...kids.filter((k) => kidsWithRecords.has(k.key)).map((k) => [k.key, k.exploited ? 1 : 0, k.profile, k.sex, k.dob].join(','))].join('\n') + '\n');
const count = (pred) => kids.filter(pred).length;
const stats = {
  children: kids.length, children_with_records: kidsWithRecords.size, exploited: count((k) => k.exploited), exploited_with_record: count((k) => k.exploited && k.xrec),
  by_intensity: Object.fromEntries(['strong', 'medium', 'subtle', 'oneagency', 'late', 'none'].map((x) => [x, count((k) => k.exploited && k.profile.startsWith(x + '-'))])),
  cse: count((k) => k.type === 'cse'), cce: count((k) => k.type === 'cce'),
  never_by_profile: Object.fromEntries(NEG.map(([p]) => [p, count((k) => k.profile === p)])),
  objects: objs.length, persons: objs.filter((x) => x.o.type === 'person').length, events: objs.filter((x) => x.o.type === 'event').length, relationships: rels, withdrawn, police_migration_resends: migrated,
  first_exploitation_range: [kids.filter((k) => k.xrec).map((k) => k.xrec).sort()[0], kids.filter((k) => k.xrec).map((k) => k.xrec).sort().at(-1)],
  per_agency: Object.fromEntries(AG.map(([c]) => [c, objs.filter((x) => x.agency === c).length])),
};
fs.writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n');
console.log(JSON.stringify(stats));
