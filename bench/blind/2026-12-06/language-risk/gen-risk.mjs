// Generates a synthetic area for blind scoring of Threadline's exploitation-risk screening.
// Usage: node gen-risk.mjs OUTDIR [SEED] [CHILDREN]
// Writes OUTDIR/years/<FY>/<agency>.ndjson (import format 1.1 fields, plus optional ones the docs
// define), OUTDIR/IMPORT.sh and OUTDIR/truth.csv. No dependencies; deterministic for a seed.
import fs from 'node:fs';
import path from 'node:path';

const OUT = process.argv[2] ?? 'r1';
const SEED = Number(process.argv[3] ?? 20261206);
const N = Number(process.argv[4] ?? 600);

// ---------- seeded PRNG (mulberry32) ----------
let s = SEED >>> 0;
function rnd() {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const shuffle = (a) => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

// ---------- time helpers (local London wall-clock, written without offset) ----------
const START = Date.UTC(2015, 3, 1);
const END = Date.UTC(2025, 2, 31, 23, 0);
const DAY = 86400000;
const pad = (n, w = 2) => String(n).padStart(w, '0');
function iso(t) {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}
function dateOnly(t) {
  return iso(t).slice(0, 10);
}
function atHour(t, h0, h1) {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), ri(h0, h1), ri(0, 59));
}
function fy(t) {
  const d = new Date(t);
  const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}-${pad((y + 1) % 100)}`;
}

// ---------- identifiers ----------
function nhsNumber() {
  for (;;) {
    const d = [ri(4, 9)];
    for (let i = 0; i < 8; i++) d.push(ri(0, 9));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += d[i] * (10 - i);
    let c = 11 - (sum % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return d.join('') + c;
  }
}
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
function upn() {
  const body = [3, 5, 4]; // LA 354
  for (let i = 0; i < 9; i++) body.push(ri(0, 9));
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += body[i] * (i + 2);
  return UPN_LETTERS[sum % 23] + body.join('');
}
const usedPhones = new Set();
function phone() {
  for (;;) {
    const p = `07700 900${pad(ri(0, 999), 3)}`;
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}
function vrm() {
  const L = 'ABCDEFGHJKLMNOPRSTVWXY';
  return `${pick(L)}${pick(L)}${pad(ri(51, 74))} ${pick(L)}${pick(L)}${pick(L)}`;
}

// ---------- names, places ----------
const GIRLS = ['Amelia', 'Olivia', 'Chloe', 'Jade', 'Courtney', 'Shannon', 'Kayleigh', 'Ruby', 'Lily', 'Ellie', 'Megan', 'Leah', 'Holly', 'Paige', 'Demi', 'Aaliyah', 'Zara', 'Maryam', 'Amira', 'Hannah', 'Sophie', 'Caitlin', 'Tia', 'Mia', 'Evie', 'Freya', 'Niamh', 'Keeley', 'Jasmine', 'Bethany', 'Abigail', 'Layla', 'Precious', 'Aisha', 'Oliwia', 'Zuzanna', 'Roxanne', 'Tegan', 'Summer', 'Kacey', 'Madison', 'Lacey', 'Imogen', 'Poppy', 'Skye', 'Nevaeh', 'Grace', 'Emily', 'Katie', 'Rebecca'];
const BOYS = ['Jack', 'Callum', 'Kyle', 'Liam', 'Tyler', 'Connor', 'Harvey', 'Mason', 'Ryan', 'Jayden', 'Kai', 'Reece', 'Bradley', 'Mohammed', 'Ibrahim', 'Yusuf', 'Dylan', 'Ethan', 'Lewis', 'Aaron', 'Kacper', 'Jakub', 'Tyrese', 'Marcus', 'Oliver', 'Harry', 'George', 'Alfie', 'Riley', 'Logan', 'Owen', 'Declan', 'Ashton', 'Brandon', 'Nathan'];
const ADULT_MEN = ['Darren', 'Wayne', 'Lee', 'Shaun', 'Imran', 'Tariq', 'Adil', 'Karl', 'Gary', 'Mark', 'Dean', 'Jason', 'Sajid', 'Kamran', 'Nasir', 'Craig', 'Paul', 'Ricky', 'Stevie', 'Danny', 'Mo', 'Aziz', 'Ionut', 'Florin'];
const SURNAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Walsh', 'Hughes', 'Kershaw', 'Ashworth', 'Butterworth', 'Schofield', 'Lord', 'Ogden', 'Clegg', 'Hussain', 'Khan', 'Ahmed', 'Ali', 'Begum', 'Iqbal', 'Rahman', 'Kowalski', 'Nowak', 'Wisniewski', 'Okafor', 'Mensah', 'Campbell', 'Murphy', 'Kelly', "O'Neill", 'Doyle', 'Greenwood', 'Heywood', 'Holt', 'Whittaker', 'Barker', 'Fletcher', 'Lees', 'Pilling', 'Stott', 'Crossley', 'Haworth', 'Mills', 'Turner', 'Parker', 'Wood', 'Evans', 'Roberts', 'Lewis', 'Begum-Shah', 'Fernandes', 'Da Silva', 'Popescu', 'Mahmood', 'Riaz'];
const NICK = { Amelia: 'Millie', Olivia: 'Liv', Rebecca: 'Becky', Abigail: 'Abbie', Kayleigh: 'Kay', Bethany: 'Beth', Katie: 'Kate', Jasmine: 'Jas', Courtney: 'Court', Madison: 'Maddie', Hannah: 'Han', Callum: 'Cal', Bradley: 'Brad', Mohammed: 'Mo', Nathan: 'Nate', Jakub: 'Kuba', Oliver: 'Ollie', Harry: 'H', Alfie: 'Alf', Zuzanna: 'Zuza', Oliwia: 'Olivia', Ibrahim: 'Ibby' };
const ETHNICITIES = ['White British', 'White British', 'White British', 'White British', 'Pakistani', 'Bangladeshi', 'White Other', 'Mixed White and Black Caribbean', 'Black African', 'Gypsy/Roma'];
const STREETS = ['Canal Street', 'Milkstone Road', 'Oldham Road', 'Spotland Road', 'Entwisle Road', 'Bury Road', 'Kingsway', 'Queensway', 'Sandy Lane', 'Halifax Road', 'Whitworth Road', 'Yorkshire Street', 'Drake Street', 'Manchester Road', 'Bolton Road', 'Edenfield Road', 'Belfield Road', 'Tweedale Street', 'Hamer Lane', 'Ashfield Road'];
const OUTCODES = ['OL11', 'OL12', 'OL16', 'OL10', 'OL15', 'OL2', 'OL1', 'M24', 'BL9'];
function postcode() {
  const L = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${pick(OUTCODES)} ${ri(1, 9)}${pick(L)}${pick(L)}`;
}
function address() {
  return { line1: `${ri(1, 240)} ${pick(STREETS)}`, town: 'Rochdale', postcode: postcode() };
}
const HOTSPOTS = [
  { name: 'Balti House takeaway, Drake Street', postcode: 'OL16 1PA' },
  { name: 'Car park behind the Wheatsheaf Centre', postcode: 'OL16 1JZ' },
  { name: 'Flat above the taxi office, Yorkshire Street', postcode: 'OL16 1BH' },
  { name: 'Falinge Park', postcode: 'OL12 6LF' },
  { name: 'Premier Lodge hotel, Sandbrook Way', postcode: 'OL11 1RY' },
  { name: 'Rochdale Interchange bus station', postcode: 'OL16 1FB' },
  { name: 'Shisha lounge, Oldham Road', postcode: 'OL16 5QT' },
];
const BENIGN_PLACES = [
  { name: "Grandmother's house", postcode: 'OL12 7HS' },
  { name: "Friend's house, Spotland", postcode: 'OL12 6QQ' },
  { name: 'Rochdale Leisure Centre', postcode: 'OL16 1QX' },
  { name: "Aunt's address, Heywood", postcode: 'OL10 1LB' },
];

// ---------- agencies ----------
const AGENCIES = [
  { code: 'police', name: 'Greater Manchester Police (Rochdale district)', kind: 'police' },
  { code: 'csc', name: 'Rochdale Children\'s Social Care', kind: 'childrens_social_care' },
  { code: 'health', name: 'Northern Care Alliance (Royal Oldham and Fairfield EDs)', kind: 'health' },
  { code: 'sexhealth', name: 'Rochdale Integrated Sexual Health Service', kind: 'health' },
  { code: 'school', name: 'Rochdale Schools Safeguarding (maintained schools and academies)', kind: 'education' },
  { code: 'yjs', name: 'Rochdale Youth Justice Service', kind: 'youth_justice' },
  { code: 'cps', name: 'CPS North West', kind: 'prosecutor' },
  { code: 'charity', name: 'Sunrise Missing and Exploitation Service', kind: 'voluntary' },
];

// ---------- output buffers ----------
const records = []; // {fy, agency, rec}
const truth = [];
let seq = 0;
const sid = (prefix) => `${prefix}${pad(++seq, 6)}`;

function emit(agency, rec, recordedAt) {
  if (recordedAt > END || recordedAt < START) return false;
  rec.recorded_at = iso(recordedAt);
  records.push({ fy: fy(recordedAt), agency, t: recordedAt, rec: { type: rec.type, agency, ...rec } });
  return true;
}

// ---------- children ----------
const SOURCE_PREFIX = { police: 'GMP-P', csc: 'LCS-', health: 'RJX', sexhealth: 'SH', school: 'SIMS', yjs: 'CW', cps: 'CMS', charity: 'SUN' };

class Child {
  constructor(key, sex, dob) {
    this.key = key;
    this.sex = sex;
    this.dob = dob;
    this.given = sex === 'female' ? pick(GIRLS) : pick(BOYS);
    this.family = pick(SURNAMES);
    this.ethnicity = pick(ETHNICITIES);
    this.nhs = nhsNumber();
    this.upn = upn();
    this.address = address();
    this.phone = chance(0.5) ? phone() : null;
    this.recs = {}; // agency -> source_id
    this.events = []; // pending {agency, t, rt, rec}
  }
  personRecord(agency) {
    const r = { type: 'person', source_id: this.recs[agency] };
    // Agencies know the child slightly differently
    let given = this.given;
    if (NICK[given] && chance(agency === 'police' || agency === 'charity' ? 0.35 : 0.08)) given = NICK[given];
    r.given_name = given;
    r.family_name = this.family;
    if (chance(0.04)) r.family_name = this.family.replace(/a/, 'e'); // a spelling slip
    r.date_of_birth = dateOnly(this.dob);
    if (chance(0.03)) {
      // day and month swapped or off by one, as happens
      const d = new Date(this.dob + DAY * pick([1, -1, 31]));
      r.date_of_birth = dateOnly(d.getTime());
    }
    r.sex = this.sex;
    if (agency !== 'cps' && chance(0.8)) r.ethnicity = this.ethnicity;
    if (['health', 'csc', 'sexhealth'].includes(agency) && chance(0.85)) r.nhs_number = this.nhs;
    if (agency === 'school' || (agency === 'csc' && chance(0.5))) r.upn = this.upn;
    if (agency !== 'cps' && chance(0.9)) r.address = { ...this.address };
    if (this.phone && ['police', 'charity', 'school'].includes(agency) && chance(0.5)) r.phone = this.phone;
    r.is_child = true;
    if (chance(0.3)) r.nationality = 'British';
    return r;
  }
  ev(agency, kind, t, fields = {}, delayHours = [1, 72]) {
    if (t < START || t > END) return null;
    if (!this.recs[agency]) this.recs[agency] = sid(SOURCE_PREFIX[agency]);
    const rt = t + ri(delayHours[0], delayHours[1]) * 3600000;
    const e = { type: 'event', source_id: sid(`${agency.toUpperCase()}-E`), kind, subject: this.recs[agency], occurred_at: iso(t), ...fields };
    this.events.push({ agency, t, rt, rec: e });
    return e;
  }
  age(t) {
    return (t - this.dob) / (365.25 * DAY);
  }
}

// ---------- adults of concern ----------
const adults = [];
function makeAdult() {
  const a = {
    given: pick(ADULT_MEN),
    family: pick(SURNAMES),
    age0: ri(19, 42),
    vehicle: chance(0.7) ? vrm() : null,
    phone: phone(),
    online: chance(0.4) ? `${pick(['d', 'k', 'big', 'lil', 'the'])}${pick(['man', 'boss', 'kay', 'zee', 'mo'])}${ri(10, 99)}@snapchat` : null,
    recs: {},
    hot: pick(HOTSPOTS),
  };
  adults.push(a);
  return a;
}
for (let i = 0; i < 16; i++) makeAdult();
function adultRef(a, agency, t) {
  if (!a.recs[agency]) {
    a.recs[agency] = sid(`${SOURCE_PREFIX[agency]}A`);
    emit(
      agency,
      { type: 'person', source_id: a.recs[agency], given_name: a.given, family_name: a.family, date_of_birth: `${new Date(START).getUTCFullYear() - a.age0}`, sex: 'male', is_child: false, ...(agency === 'police' && a.phone ? { phone: a.phone } : {}) },
      t - 3600000,
    );
  }
  return a.recs[agency];
}
function adultAge(a, t) {
  return a.age0 + Math.floor((t - START) / (365.25 * DAY));
}

// ---------- text helpers ----------
const found = () => pick(["found at a friend's house", 'returned home of own accord', 'found by police in the town centre', 'returned after school', 'located at a relative’s address']);

// Missing episode with optional return interview
function missing(c, t, o = {}) {
  const hours = o.hours ?? ri(3, 40);
  const from = o.from ?? (c.lac ? 'care_placement' : 'home');
  const start = atHour(t, 17, 23);
  const e = c.ev('police', 'missing_episode', start, {
    ended_at: iso(start + hours * 3600000),
    missing_from: from,
    reported_by: from === 'care_placement' ? 'Residential staff' : pick(['Mother', 'Father', 'Carer', 'Grandmother']),
    risk_grading: o.grading ?? pick(['low', 'low', 'medium', 'no_apparent_risk']),
    last_seen: o.lastSeen ?? pick(['Leaving the house after tea', 'Walking towards the bus station', 'Leaving school at 15:20', 'In the park with friends']),
    summary: o.summary ?? `Missing from ${from === 'care_placement' ? 'placement' : 'home'}, ${o.foundText ?? found()}`,
    ...(o.details ? { details: o.details } : {}),
    ...(o.indicators ? { indicators: o.indicators } : {}),
    ...(o.involves ? { involves: o.involves } : {}),
    outcome: 'Returned',
  }, [1, 6]);
  if (!e) return;
  // Return interview, by the charity, done in time mostly
  if (o.interview !== false && chance(0.8)) {
    const late = chance(0.3) ? ri(80, 300) : ri(20, 70);
    const status = chance(0.85) ? 'done' : pick(['declined', 'not_held']);
    c.ev('charity', 'return_interview', start + (hours + late) * 3600000, {
      episode: `police:${e.source_id}`,
      status,
      ...(status !== 'done' ? { reason: status === 'declined' ? 'Young person did not want to talk' : 'Worker unable to make contact' } : {}),
      ...(status === 'done' && o.account ? { child_account: o.account } : status === 'done' ? { child_account: pick(['"I just needed space, me and mum were arguing."', '"I was at my mate\'s, I forgot to charge my phone."', '"I didn\'t want to go back, it\'s boring there."', '"I was just out with friends."']) } : {}),
      summary: 'Return home interview',
    }, [0, 2]);
  }
}

// ---------- profiles ----------
const children = [];
const nExploited = Math.round(N * 0.08);

function randomDob(ageAtT, t) {
  return t - Math.floor(ageAtT * 365.25 * DAY) - ri(0, 364) * DAY;
}

// Exploited children
for (let i = 0; i < nExploited; i++) {
  const sex = chance(0.82) ? 'female' : 'male';
  const tx = atHour(START + ri(460, 3600) * DAY, 8, 21); // first exploitation record ~ mid 2016 .. early 2025
  const ageX = ri(12, 16);
  const c = new Child(`C${pad(children.length + 1, 4)}`, sex, randomDob(ageX, tx));
  c.exploited = true;
  c.tx = tx;
  c.intensity = pick(['strong', 'strong', 'strong', 'strong', 'medium', 'medium', 'medium', 'weak', 'weak', 'none']);
  c.lac = chance(0.3);
  children.push(c);
}
// Never-exploited children
const PROFILES = [
  ['ordinary', 40],
  ['neglect', 18],
  ['missing_other', 12],
  ['youth_offending', 10],
  ['looked_after', 8],
  ['mental_health', 6],
  ['teen_relationship', 6],
];
const totalW = PROFILES.reduce((a, p) => a + p[1], 0);
for (let i = nExploited; i < N; i++) {
  let r = rnd() * totalW;
  let prof = PROFILES[0][0];
  for (const [p, w] of PROFILES) {
    if ((r -= w) < 0) {
      prof = p;
      break;
    }
  }
  const sex = chance(0.55) ? 'female' : 'male';
  const mid = START + ri(200, 3400) * DAY;
  const c = new Child(`C${pad(children.length + 1, 4)}`, sex, randomDob(ri(8, 16), mid));
  c.exploited = false;
  c.profile = prof;
  c.mid = mid;
  c.lac = prof === 'looked_after';
  children.push(c);
}
shuffle(children);
children.forEach((c, i) => (c.key = `C${pad(i + 1, 4)}`));

// ---------- background / vulnerability events ----------
function vulnerabilities(c, t0, level) {
  if (chance(0.5 * level)) {
    c.ev('police', 'concern', atHour(t0 - ri(30, 700) * DAY, 0, 23), {
      summary: 'Domestic abuse incident at home address; child present',
      details: 'Officers attended a verbal and physical argument between mother and partner. Child was upstairs. Operation Encompass notification sent to school.',
      indicators: chance(0.6) ? ['domestic_abuse_at_home'] : undefined,
    });
  }
  if (chance(0.45 * level)) {
    const tr = atHour(t0 - ri(60, 900) * DAY, 9, 17);
    c.ev('csc', 'contact_referral', tr, {
      summary: pick(['Referral from school: concerns about home conditions and hygiene', 'Referral from health visitor: parental substance misuse', 'Referral from police: domestic abuse, third incident this year']),
      details: 'Mother has struggled since separation. Child sometimes arrives at school hungry.',
      indicators: chance(0.5) ? [pick(['family_breakdown', 'substance_misuse_at_home', 'parental_mental_health'])] : undefined,
    }, [2, 48]);
    if (chance(0.6)) c.ev('csc', 'assessment', tr + ri(20, 50) * DAY, { summary: 'Child and family assessment', outcome: pick(['Child in need plan', 'Step down to early help', 'No further action']) }, [24, 200]);
  }
  if (c.lac) {
    const tl = atHour(t0 - ri(120, 1200) * DAY, 10, 16);
    c.lacStart = tl;
    c.ev('csc', 'looked_after_start', tl, { summary: 'Accommodated under section 20', indicators: ['looked_after'] }, [2, 48]);
    for (let k = 0, n = ri(0, 3); k < n; k++) c.ev('csc', 'placement_move', tl + ri(60, 900) * DAY, { summary: pick(['Move to residential children’s home', 'Foster placement ended at carer’s request', 'Move to semi-independent provision']) });
  }
}

const CSE_ACCOUNTS = [
  '"He\'s my boyfriend, he looks after me. You lot don\'t get it."',
  '"I was with my mates at a flat. I don\'t know whose flat it was."',
  '"Someone picked us up, I don\'t know his name, he\'s just a friend of a friend."',
  '"I\'m not saying where I was."',
  '"We just chilled and had a drink. He gave me a lift back."',
  '"I got a new phone off a mate, it\'s not a big deal."',
];

function warningSigns(c) {
  const tx = c.tx;
  const lead = { strong: ri(180, 900), medium: ri(90, 540), weak: ri(30, 360), none: 0 }[c.intensity];
  const t0 = tx - lead * DAY;
  const level = { strong: 1, medium: 0.8, weak: 0.5, none: 0.3 }[c.intensity];
  vulnerabilities(c, t0, level);
  if (c.intensity === 'none') return;
  const adult = c.adult;
  const span = tx - t0;
  const at = (f) => t0 + Math.floor(span * f);
  const nMissing = { strong: ri(3, 9), medium: ri(1, 4), weak: ri(0, 1) }[c.intensity];
  const withIndicators = chance(0.6); // does the police system send indicators?
  for (let k = 0; k < nMissing; k++) {
    const f = Math.sqrt(rnd()); // clustered towards the exploitation
    const t = at(Math.min(f, 0.98));
    const withAdult = adult && chance(0.35);
    missing(c, t, {
      hours: ri(5, 60),
      grading: pick(['medium', 'medium', 'high', 'low']),
      foundText: withAdult ? 'found in a car with an older male' : pick(['found in the town centre at 03:00', 'returned in the early hours smelling of alcohol', 'found at an address not known to family', 'returned next day, would not say where she had been'.replace('she', c.sex === 'female' ? 'she' : 'he')]),
      details: withAdult ? `Found in vehicle ${adult.vehicle ?? ''} with an adult male. Intoxicated.`.trim() : undefined,
      indicators: withIndicators ? ['missing', ...(withAdult ? ['vehicle_unknown_adults', 'older_associates'] : []), ...(chance(0.3) ? ['staying_out_late'] : [])] : undefined,
      involves: withAdult ? [{ person: adultRef(adult, 'police', t), role: 'found_with' }, ...(adult.vehicle ? [{ vehicle: adult.vehicle }] : []), { location: { name: adult.hot.name, postcode: adult.hot.postcode }, role: 'found_at' }] : undefined,
      account: chance(0.6) ? pick(CSE_ACCOUNTS) : undefined,
    });
  }
  const nAbs = { strong: ri(2, 6), medium: ri(1, 4), weak: ri(0, 2) }[c.intensity];
  for (let k = 0; k < nAbs; k++) {
    c.ev('school', 'school_absence', atHour(at(rnd()), 9, 15), {
      summary: pick(['Unexplained absence, afternoon sessions', 'Absent without explanation; seen outside school gates at lunchtime', 'Truanting; attendance now 71%', 'Left site at break, collected by a car']),
      details: `${ri(2, 9)} sessions missed this half term`,
      indicators: chance(0.5) ? ['school_disengagement'] : undefined,
    }, [2, 30]);
  }
  const signs = shuffle(['boyfriend', 'phone', 'alcohol', 'disclosure', 'sexhealth', 'intel', 'concern', 'selfharm', 'gifts', 'peers']);
  const nSigns = { strong: ri(4, 8), medium: ri(2, 4), weak: ri(0, 1) }[c.intensity];
  for (const sgn of signs.slice(0, nSigns)) {
    const t = atHour(at(0.15 + 0.8 * rnd()), 8, 22);
    const he = c.sex === 'female' ? 'she' : 'he';
    const her = c.sex === 'female' ? 'her' : 'his';
    switch (sgn) {
      case 'boyfriend':
        if (!adult) break;
        c.ev('csc', 'note', t, { summary: `${c.given} talks about a ${c.sex === 'female' ? 'boyfriend' : 'friend'} called ${adult.given}, believed to be about ${adultAge(adult, t)}`, details: `Mother reports ${c.given} is picked up from the end of the road by ${adult.given}. ${he[0].toUpperCase() + he.slice(1)} will not give his surname.`, indicators: chance(0.5) ? ['older_associates'] : undefined, involves: [{ person: adultRef(adult, 'csc', t), role: 'associate' }] });
        c.rels.push({ agency: 'csc', t: t + 7200000, rec: { type: 'relationship', source_id: sid('CSC-R'), from: c.recs.csc, to: adultRef(adult, 'csc', t), kind: c.sex === 'female' ? 'claimed_partner' : 'associate', since: dateOnly(t - ri(10, 120) * DAY), reliability: 'tentative', note: `${c.given} calls him ${c.sex === 'female' ? 'her boyfriend' : 'a mate'}; he is about ${adultAge(adult, t)}` } });
        break;
      case 'phone':
        c.ev(pick(['school', 'csc']), 'note', t, { summary: `${c.given} has a new iPhone and will not say where it came from`, details: `Phone constantly ringing during lessons; ${he} leaves the room to answer it. Withheld numbers.`, indicators: chance(0.5) ? ['concerning_phone_use', 'gifts_money'] : undefined });
        break;
      case 'gifts':
        c.ev('school', 'concern', t, { summary: `New trainers, designer bag and cash; family cannot explain them`, details: `${c.given} showed friends £50 notes. Says an older friend gave ${c.sex === 'female' ? 'her' : 'him'} them.`, indicators: chance(0.5) ? ['gifts_money'] : undefined });
        break;
      case 'alcohol':
        c.ev('health', 'health_attendance', atHour(t, 0, 4), { summary: 'Attended ED heavily intoxicated, brought in by ambulance from the town centre', details: `Age ${Math.floor(c.age(t))}. Alcohol level high. Accompanied by an adult male who left before staff could speak to him.`, indicators: chance(0.5) ? ['alcohol_misuse'] : undefined });
        break;
      case 'disclosure':
        c.ev('school', 'disclosure', t, { summary: `${c.given} told a teacher that an older man had "made ${c.sex === 'female' ? 'her' : 'him'} do stuff"`, details: 'DSL informed; referral to children\'s social care.' }, [1, 6]);
        c.ev('school', 'disclosure_withdrawn', t + ri(1, 5) * DAY, { summary: `${c.given} says ${he} made it up`, indicators: chance(0.5) ? ['disclosure_withdrawn'] : undefined });
        break;
      case 'sexhealth':
        if (!c.recs.sexhealth) c.recs.sexhealth = sid(SOURCE_PREFIX.sexhealth);
        c.ev('sexhealth', 'sexual_health', t, { summary: c.sex === 'female' ? `Attended clinic for emergency contraception; age ${Math.floor(c.age(t))}` : `Attended clinic for STI testing; age ${Math.floor(c.age(t))}; chlamydia positive`, details: 'Accompanied by an older male who waited outside. Would not give partner\'s details.' });
        break;
      case 'intel':
        if (!adult) break;
        c.ev('police', 'intelligence', t, { summary: `Intelligence: ${c.given} seen getting into vehicle${adult.vehicle ? ' ' + adult.vehicle : ''} driven by an adult male near ${adult.hot.name}`, details: 'Grade B2. Source reports several young people picked up from this location in the evenings.', involves: [{ person: adultRef(adult, 'police', t), role: 'associate' }, ...(adult.vehicle ? [{ vehicle: adult.vehicle }] : []), { location: { name: adult.hot.name, postcode: adult.hot.postcode } }, ...(adult.online && chance(0.5) ? [{ online: adult.online }] : [])] });
        break;
      case 'concern':
        c.ev(pick(['school', 'health', 'charity']), 'concern', t, { summary: pick([`Worries that ${c.given} is spending time with older males`, `${c.given} is staying out late and coming back with cigarettes and alcohol`, `Change in behaviour: withdrawn, tired, new older friends`]), indicators: chance(0.5) ? [pick(['older_associates', 'staying_out_late'])] : undefined });
        break;
      case 'selfharm':
        c.ev('health', 'self_harm', t, { summary: 'Attended ED after cutting forearm', details: 'Seen by CAMHS liaison. Low mood.' });
        break;
      case 'peers':
        c.ev('school', 'note', t, { summary: `${c.given}'s close friend is known to be at risk of exploitation; they go out together at night`, indicators: chance(0.5) ? ['peers_exploited'] : undefined });
        break;
    }
  }
  if (c.intensity === 'strong' && chance(0.6)) {
    c.ev('csc', 'contact_referral', atHour(at(0.6 + 0.3 * rnd()), 9, 17), { summary: 'Referral from school following repeated missing and older associates', details: 'Threshold not met for section 47; passed to early help.' }, [4, 72]);
  }
}

function exploitationRecord(c) {
  const tx = c.tx;
  const adult = c.adult;
  const age = Math.floor(c.age(tx));
  const variant = pick(['crime', 'crime', 'strategy', 'crime']);
  let ev;
  if (variant === 'crime') {
    ev = c.ev('police', 'crime_report', tx, {
      summary: `Crime report: child sexual exploitation of a ${age}-year-old; offences under the Sexual Offences Act 2003`,
      details: `${c.given} was sexually exploited by adult males at ${adult ? adult.hot.name : 'an address in the town centre'}. Given alcohol and cannabis. Investigation opened.`,
      involves: adult ? [{ person: adultRef(adult, 'police', tx), role: 'suspect' }, ...(adult.vehicle ? [{ vehicle: adult.vehicle }] : [])] : undefined,
      outcome: 'Under investigation',
    }, [0, 12]);
    c.ev('csc', 'strategy_discussion', tx + ri(1, 3) * DAY, { summary: 'Strategy discussion: child sexual exploitation', outcome: 'Section 47 enquiry' }, [2, 24]);
  } else {
    ev = c.ev('csc', 'strategy_discussion', tx, {
      summary: 'Strategy discussion: child sexual exploitation (CSE) confirmed',
      details: `Police, health and school agree ${c.given} is being sexually exploited by ${adult ? adult.given + ' and associates' : 'adult males not yet identified'}.`,
      outcome: 'Section 47 enquiry; CSE risk assessment to be completed',
    }, [0, 12]);
    c.ev('police', 'crime_report', tx + ri(1, 10) * DAY, { summary: 'Crime report: rape of a child / child sexual exploitation', involves: adult ? [{ person: adultRef(adult, 'police', tx), role: 'suspect' }] : undefined });
  }
  c.firstX = ev;
  c.ev('csc', 'section47_enquiry', tx + ri(2, 6) * DAY, { summary: 'Section 47 enquiry: sexual exploitation' });
  if (chance(0.5)) c.ev('csc', 'cp_plan_start', tx + ri(15, 30) * DAY, { summary: 'Child protection plan: sexual abuse' });
  if (chance(0.5)) {
    const cd = c.ev('cps', 'charging_decision', tx + ri(90, 400) * DAY, { outcome: pick(['charge', 'no_further_action', 'further_evidence_needed']), rationale: 'Reviewed the ABE interview and phone download.', summary: 'Pre-charge advice' });
  }
  for (let k = 0, n = ri(0, 4); k < n; k++) missing(c, tx + ri(10, 300) * DAY, { grading: 'high', foundText: 'found at an address linked to the suspects' });
}

// Hard negatives
function negativeEvents(c) {
  const m = c.mid;
  const he = c.sex === 'female' ? 'she' : 'he';
  switch (c.profile) {
    case 'ordinary': {
      const n = ri(1, 3);
      for (let k = 0; k < n; k++) {
        const t = atHour(m + ri(-500, 500) * DAY, 8, 20);
        const w = ri(1, 6);
        if (w === 1) c.ev('health', 'health_attendance', t, { summary: pick(['Fractured wrist after fall from trampoline', 'Asthma attack', 'Sprained ankle playing football', 'Head injury, fell from bike; discharged', 'Abdominal pain; appendicitis ruled out']) });
        else if (w === 2) c.ev('school', 'school_absence', atHour(t, 9, 12), { summary: pick(['Absence, parent reported illness late', 'Family holiday in term time, not authorised', 'Absent two days, chickenpox']) });
        else if (w === 3) c.ev('school', 'note', t, { summary: pick(['Fell out with friends at lunchtime; resolved with form tutor', 'Upset after grandparent’s death; referred to school counsellor', 'Bullying reported on group chat; parents informed']) });
        else if (w === 4) c.ev('health', 'health_attendance', t, { summary: 'Attended ED with allergic reaction', details: 'Carrying EpiPen from now on.' });
        else if (w === 5) c.ev('police', 'note', t, { summary: pick(['Witness to a road traffic collision; statement taken with parent present', 'Bike stolen from outside the leisure centre; reported by father']) });
        else c.ev('charity', 'note', t, { summary: 'Attended youth club drop-in; no concerns' });
      }
      break;
    }
    case 'neglect': {
      vulnerabilities(c, m, 1);
      const tp = atHour(m, 10, 16);
      c.ev('csc', 'strategy_discussion', tp, { summary: 'Strategy discussion: neglect', outcome: 'Section 47 enquiry' });
      c.ev('csc', 'section47_enquiry', tp + 2 * DAY, { summary: 'Section 47 enquiry: neglect, home conditions' });
      if (chance(0.7)) {
        c.ev('csc', 'cp_conference', tp + ri(10, 15) * DAY, { summary: 'Initial child protection conference', outcome: 'Child protection plan, category neglect' });
        c.ev('csc', 'cp_plan_start', tp + ri(10, 15) * DAY, { summary: 'Child protection plan: neglect' });
        c.ev('csc', 'cp_plan_end', tp + ri(200, 600) * DAY, { summary: 'Plan ended; home conditions improved' });
      }
      for (let k = 0, n = ri(1, 6); k < n; k++) c.ev('school', 'school_absence', atHour(m + ri(-300, 300) * DAY, 9, 15), { summary: pick(['Late and absent; mother unwell', 'Absent; no contact from family', 'Persistent absence: 82% attendance']), indicators: chance(0.2) ? ['school_disengagement'] : undefined });
      if (chance(0.3)) c.ev('health', 'health_attendance', atHour(m + ri(-200, 200) * DAY, 10, 20), { summary: 'Head lice and untreated dental decay noted at ED attendance for earache' });
      break;
    }
    case 'missing_other': {
      if (chance(0.5)) vulnerabilities(c, m, 0.5);
      const n = ri(1, 5);
      for (let k = 0; k < n; k++) {
        missing(c, m + ri(-200, 200) * DAY, {
          hours: ri(2, 20),
          foundText: pick(["found at grandmother's house", "at a friend's sleepover, didn't tell parents", 'returned after argument with stepfather', 'found at the leisure centre']),
          details: pick(['Argument with mother over phone use.', 'Stayed at a school friend’s house; friend’s parents unaware.', 'Went to see father against contact arrangements.', 'Missed last bus back from town.']),
          indicators: chance(0.4) ? ['missing'] : undefined,
          involves: chance(0.3) ? [{ location: { ...pick(BENIGN_PLACES) }, role: 'found_at' }] : undefined,
          account: pick(['"Me and mum had a massive row, I went to nana\'s."', '"I was at Sophie\'s, we fell asleep watching films."', '"I just wanted to see my dad."', '"My phone died and I missed the bus."']),
        });
      }
      if (chance(0.4)) c.ev('school', 'school_absence', atHour(m, 9, 14), { summary: 'Absent the day after being reported missing' });
      break;
    }
    case 'youth_offending': {
      if (chance(0.5)) vulnerabilities(c, m, 0.6);
      for (let k = 0, n = ri(1, 4); k < n; k++) {
        const t = atHour(m + ri(-300, 400) * DAY, 14, 23);
        c.ev('police', 'arrest', t, { summary: pick(['Arrested for shoplifting at the retail park', 'Arrested for criminal damage to bus shelter', 'Arrested for possession of cannabis', 'Arrested for assault on another pupil', 'Arrested for theft of a moped']), indicators: chance(0.3) ? [pick(['drug_misuse', 'staying_out_late'])] : undefined });
        if (chance(0.6)) c.ev('yjs', 'youth_justice', t + ri(7, 40) * DAY, { summary: pick(['Referral order, 6 months', 'Youth caution; YJS voluntary intervention', 'Community resolution; YJS prevention']), details: 'Engages with reparation sessions. Peer group of similar age.' });
      }
      if (chance(0.6)) c.ev('school', 'school_exclusion', atHour(m + ri(-100, 100) * DAY, 9, 15), { summary: pick(['Fixed-term exclusion, 3 days, fighting', 'Fixed-term exclusion for vaping and defiance', 'Permanent exclusion; moved to pupil referral unit']) });
      if (chance(0.5)) c.ev('health', 'substance_misuse', atHour(m + ri(-100, 300) * DAY, 10, 22), { summary: 'Referred to young people’s drug service for cannabis use', indicators: chance(0.4) ? ['drug_misuse'] : undefined });
      if (chance(0.4)) missing(c, m + ri(-100, 300) * DAY, { foundText: 'found with peers in the park drinking', hours: ri(3, 12), indicators: chance(0.4) ? ['missing', 'staying_out_late'] : undefined });
      if (chance(0.4)) for (let k = 0; k < ri(1, 4); k++) c.ev('school', 'school_absence', atHour(m + ri(-200, 200) * DAY, 9, 14), { summary: 'Truanting with friends from year 10', indicators: chance(0.3) ? ['school_disengagement'] : undefined });
      break;
    }
    case 'looked_after': {
      vulnerabilities(c, m, 1);
      const n = ri(0, 7);
      for (let k = 0; k < n; k++) missing(c, m + ri(-100, 400) * DAY, { from: 'care_placement', hours: ri(2, 30), foundText: pick(['returned to placement after visiting mother', 'found at birth family home', 'back after curfew, had been at cinema with friends', 'found at a friend’s from previous school']), indicators: chance(0.5) ? ['missing', 'looked_after'] : undefined, account: pick(['"I wanted to see my mum and they wouldn\'t let me."', '"I hate it there, the staff don\'t listen."', '"I was with my old friends from school."']) });
      if (chance(0.5)) c.ev('health', 'self_harm', atHour(m + ri(-100, 300) * DAY, 12, 23), { summary: 'Self-harm: scratching, seen by CAMHS liaison' });
      if (chance(0.5)) for (let k = 0; k < ri(1, 3); k++) c.ev('school', 'school_absence', atHour(m + ri(-200, 200) * DAY, 9, 14), { summary: 'Absent after placement move; transport not arranged' });
      break;
    }
    case 'mental_health': {
      for (let k = 0, n = ri(1, 3); k < n; k++) c.ev('health', 'self_harm', atHour(m + ri(-200, 300) * DAY, 12, 23), { summary: pick(['Overdose of paracetamol; admitted to paediatric ward', 'Self-harm by cutting; CAMHS follow up', 'Low mood and suicidal thoughts; CAMHS crisis team']), indicators: chance(0.4) ? ['self_harm', 'low_self_esteem'] : undefined });
      if (chance(0.5)) c.ev('school', 'school_absence', atHour(m, 9, 12), { summary: 'Part-time timetable agreed with CAMHS; anxiety-based school avoidance' });
      if (chance(0.4)) c.ev('health', 'substance_misuse', atHour(m + ri(0, 200) * DAY, 14, 23), { summary: 'Drinking alcohol at weekends with friends; brief intervention', indicators: chance(0.3) ? ['alcohol_misuse'] : undefined });
      if (chance(0.3)) c.ev('school', 'note', atHour(m, 9, 15), { summary: 'Isolated at school, few friends; mentoring offered', indicators: chance(0.5) ? ['isolated'] : undefined });
      break;
    }
    case 'teen_relationship': {
      // same-age relationships, sexual health in older teens: benign
      const t = Math.max(m, c.dob + Math.floor(15.5 * 365.25 * DAY));
      c.ev('school', 'note', atHour(t, 9, 15), { summary: `${c.given} is in a relationship with a pupil in the same year group; parents aware`, details: 'No concerns. Both 15/16.' });
      if (c.age(t + 200 * DAY) >= 16 && chance(0.6)) c.ev('sexhealth', 'sexual_health', atHour(t + ri(100, 400) * DAY, 10, 17), { summary: 'Contraception advice; partner same age; Fraser guidelines met, no safeguarding concerns' });
      if (chance(0.4)) c.ev('school', 'school_absence', atHour(t + ri(0, 200) * DAY, 9, 12), { summary: 'Absent for hospital appointment, not notified in advance' });
      if (chance(0.3)) missing(c, t + ri(0, 200) * DAY, { hours: ri(2, 8), foundText: 'at partner’s house, parents there', account: '"I was at my boyfriend\'s, his mum was in."'.replace('boyfriend', c.sex === 'female' ? 'boyfriend' : 'girlfriend') });
      break;
    }
  }
}

// ---------- build ----------
const exploited = children.filter((c) => c.exploited);
for (const c of children) c.rels = [];
for (const c of exploited) {
  // ~75% have an identified adult; adults shared between children (a network)
  c.adult = chance(0.75) ? pick(adults) : null;
  warningSigns(c);
  exploitationRecord(c);
}
for (const c of children.filter((c) => !c.exploited)) negativeEvents(c);

// Every child must have at least one event in the window
for (const c of children) {
  if (c.events.filter((e) => e.t >= START && e.t <= END).length === 0) {
    c.ev('school', 'note', atHour(START + ri(30, 3500) * DAY, 9, 15), { summary: 'Pastoral note: settled well after transition' });
  }
}

// Emit persons (recorded just before the agency's first event), events, relationships
for (const c of children) {
  const firstByAgency = {};
  for (const e of c.events) if (e.rt >= START && e.rt <= END) firstByAgency[e.agency] = Math.min(firstByAgency[e.agency] ?? Infinity, e.rt);
  for (const r of c.rels) firstByAgency[r.agency] = Math.min(firstByAgency[r.agency] ?? Infinity, r.t);
  for (const [agency, t] of Object.entries(firstByAgency)) {
    if (!c.recs[agency]) c.recs[agency] = sid(SOURCE_PREFIX[agency]);
    const pt = Math.max(START, t - ri(1, 48) * 3600000);
    emit(agency, c.personRecord(agency), pt);
    // some agencies re-send the person later with a new address (a move)
    if (chance(0.1)) {
      const t2 = pt + ri(200, 1500) * DAY;
      const p2 = c.personRecord(agency);
      p2.address = address();
      emit(agency, p2, t2);
    }
    truth.push({ c, agency, source_id: c.recs[agency] });
  }
  for (const e of c.events) {
    for (const k of Object.keys(e.rec)) if (e.rec[k] === undefined) delete e.rec[k];
    emit(e.agency, e.rec, e.rt);
  }
  for (const r of c.rels) emit(r.agency, r.rec, r.t);
}

// ---------- write ----------
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'years'), { recursive: true });
records.sort((a, b) => a.t - b.t);
const files = new Map();
for (const r of records) {
  const f = path.join('years', r.fy, `${r.agency}.ndjson`);
  if (!files.has(f)) files.set(f, []);
  files.get(f).push(JSON.stringify(r.rec));
}
for (const [f, lines] of files) {
  fs.mkdirSync(path.join(OUT, path.dirname(f)), { recursive: true });
  fs.writeFileSync(path.join(OUT, f), lines.join('\n') + '\n');
}
const years = [...new Set(records.map((r) => r.fy))].sort();
let sh = `#!/bin/sh\n# Loads this area year by year, as an area loading its history would.\n# Usage: THREADLINE_CLI="node /path/to/bin/threadline.js" sh IMPORT.sh   (with THREADLINE_DATA set)\nset -e\ncd "$(dirname "$0")"\n: "\${THREADLINE_CLI:?set THREADLINE_CLI to the threadline command}"\n$THREADLINE_CLI migrate\n`;
for (const a of AGENCIES) sh += `$THREADLINE_CLI agencies add ${a.code} --name "${a.name.replace(/"/g, '\\"')}" --kind ${a.kind}\n`;
for (const y of years) {
  const fs_ = AGENCIES.map((a) => `years/${y}/${a.code}.ndjson`).filter((f) => files.has(f));
  sh += `echo "importing ${y}" >&2\n$THREADLINE_CLI import ${fs_.join(' ')}\n`;
}
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh, { mode: 0o755 });
const tl = ['person_key,agency,source_id,exploited,first_exploitation_recorded_at'];
truth.sort((a, b) => (a.c.key < b.c.key ? -1 : a.c.key > b.c.key ? 1 : a.agency < b.agency ? -1 : 1));
for (const t of truth) {
  const x = t.c.exploited && t.c.firstX ? t.c.firstX.recorded_at : '';
  tl.push(`${t.c.key},${t.agency},${t.source_id},${t.c.exploited ? 1 : 0},${x}`);
}
fs.writeFileSync(path.join(OUT, 'truth.csv'), tl.join('\n') + '\n');
// a side file (not part of the contract) describing each child's profile, for analysis
const prof = ['person_key,sex,date_of_birth,exploited,profile_or_intensity,first_exploitation_recorded_at'];
for (const c of [...children].sort((a, b) => (a.key < b.key ? -1 : 1))) prof.push(`${c.key},${c.sex},${dateOnly(c.dob)},${c.exploited ? 1 : 0},${c.exploited ? c.intensity : c.profile},${c.exploited && c.firstX ? c.firstX.recorded_at : ''}`);
fs.writeFileSync(path.join(OUT, 'profiles.csv'), prof.join('\n') + '\n');
const byType = {};
for (const r of records) byType[r.rec.type] = (byType[r.rec.type] ?? 0) + 1;
console.error(`children ${children.length}, exploited ${exploited.filter((c) => c.firstX).length}, records ${records.length} ${JSON.stringify(byType)}, files ${files.size}`);
