#!/usr/bin/env node
// Blind network areas, round 8c. Standalone, no dependencies, fixed seed.
// Usage: node gen-networks.mjs [OUTDIR]   (default: networks/ beside this script)
// Writes OUTDIR/<area>/<agency>-<year>.ndjson (import format 1.1 objects with recorded_at),
// agencies.json and truth.json (the shape bench/blind/2026-12-07-r7/score-networks.mjs reads).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(here, 'networks'));

// ---------- random ----------
function mulberry(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let R = mulberry(20261208);
const rnd = () => R();
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const shuffle = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const sample = (xs, n) => shuffle(xs).slice(0, n);

// ---------- days ----------
const DAY = 86400000;
const dayOf = (s) => Date.parse(s + 'T00:00:00Z') / DAY;
const ymd = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const stamp = (d, h = ri(7, 23), m = ri(0, 59)) => `${ymd(d)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;

// ---------- names ----------
const GIRLS = ['Amelia', 'Chloe', 'Kayleigh', 'Aisha', 'Zara', 'Leah', 'Megan', 'Jade', 'Courtney', 'Ellie', 'Poppy', 'Shannon', 'Niamh', 'Amira', 'Fatima', 'Sadia', 'Oliwia', 'Zuzanna', 'Ioana', 'Precious', 'Tia', 'Kacey', 'Demi', 'Holly', 'Lacey', 'Maisie', 'Ruby', 'Summer', 'Skye', 'Harriet', 'Bethany', 'Keira', 'Roxanne', 'Shauna', 'Ayesha', 'Nadia', 'Esther', 'Grace', 'Mollie', 'Tayla', 'Sienna', 'Lexi', 'Jasmine', 'Amber', 'Millie', 'Yasmin', 'Hana', 'Roisin', 'Caitlin', 'Abigail'];
const BOYS = ['Kyle', 'Jordan', 'Tyler', 'Callum', 'Liam', 'Connor', 'Reece', 'Jayden', 'Kai', 'Mason', 'Ethan', 'Bilal', 'Hamza', 'Ibrahim', 'Yusuf', 'Kacper', 'Jakub', 'Andrei', 'Tunde', 'Kwame', 'Jamal', 'Deon', 'Marcus', 'Lewis', 'Owen', 'Rhys', 'Declan', 'Brandon', 'Harvey', 'Alfie', 'Louie', 'Riley', 'Taylan', 'Ozan', 'Dylan', 'Nathan', 'Aaron', 'Leon', 'Jack', 'Oscar', 'Zak', 'Rocco', 'Ashton', 'Bailey', 'Kian', 'Mohammed', 'Ali', 'Samir', 'Luca', 'Finley'];
const MEN = ['Shaun', 'Darren', 'Wayne', 'Lee', 'Craig', 'Imran', 'Tariq', 'Nasir', 'Shahid', 'Arif', 'Vasile', 'Marius', 'Dritan', 'Arben', 'Kieron', 'Dean', 'Gary', 'Stuart', 'Junior', 'Andre', 'Tyrone', 'Kamal', 'Faisal', 'Adnan', 'Sajid', 'Mehmet', 'Emre', 'Piotr', 'Tomasz', 'Gavin', 'Ricky', 'Jason', 'Carl', 'Paul', 'Steven', 'Omar', 'Zain', 'Liam', 'Ryan', 'Jermaine'];
const WOMEN = ['Tracey', 'Donna', 'Michelle', 'Kerry', 'Nicola', 'Samantha', 'Joanne', 'Lisa', 'Shabana', 'Rukhsana', 'Agnieszka', 'Mihaela', 'Claire', 'Sharon', 'Dawn', 'Andrea', 'Bernadette', 'Yvonne', 'Lorraine', 'Angela'];
const SURN = ['Walsh', 'Hughes', 'Atkinson', 'Pickering', 'Dobson', 'Kershaw', 'Lumb', 'Sutcliffe', 'Hussain', 'Khan', 'Ahmed', 'Iqbal', 'Mahmood', 'Akhtar', 'Nowak', 'Kowalski', 'Popescu', 'Ionescu', 'Okafor', 'Adeyemi', 'Mensah', 'Campbell', 'Reid', 'Murphy', "O'Neill", 'Doherty', 'McGuire', 'Thompson', 'Robinson', 'Wright', 'Barker', 'Fletcher', 'Holroyd', 'Greenwood', 'Ashworth', 'Brierley', 'Jowett', 'Hepworth', 'Yilmaz', 'Demir', 'Hoxha', 'Krasniqi', 'Begum', 'Rashid', 'Shah', 'Bibi', 'Clegg', 'Tattersall', 'Ormerod', 'Whitehead', 'Lister', 'Firth', 'Mitchell', 'Bennett', 'Parkin', 'Gaskell', 'Heap', 'Crabtree', 'Haigh', 'Varley'];
const STREET = ['Trigger', 'Smokey', 'Ghost', 'Lil T', 'Skinz', 'Bossman', 'Tank', 'Moneybags', 'Dreds', 'Ziggy', 'Snoop', 'K-Dog', 'Reaper', 'Chops', 'Frosty', 'Bambi', 'Mack', 'Junior D', 'Spider', 'Taz', 'Rico', 'Blaze', 'Scrappy', 'Zeus'];
const NICK = { Imran: 'Immy', Tariq: 'Taz', Shahid: 'Shaz', Mohammed: 'Mo', Darren: 'Daz', Kieron: 'Kez', Wayne: 'Wazza', Steven: 'Stevie', Marius: 'Mario', Dritan: 'Danny', Arben: 'Ben', Mehmet: 'Memo', Faisal: 'Fez', Adnan: 'Addy', Sajid: 'Saj', Kamal: 'Kam', Piotr: 'Pete', Tomasz: 'Tom', Richard: 'Ricky', Jermaine: 'Jay' };
const SVC = ['snapchat', 'instagram', 'tiktok', 'telegram', 'whatsapp', 'discord', 'wizz', 'kik'];

// ---------- identifiers ----------
function nhs() {
  for (;;) {
    const d = Array.from({ length: 9 }, () => ri(0, 9));
    if (d[0] === 0) d[0] = 4;
    const s = d.reduce((t, x, i) => t + x * (10 - i), 0);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return d.join('') + c;
  }
}
const L = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
const INW = 'ABDEFGHJLNPQRSTUWXYZ';
function makePools(areaCode) {
  const phones = shuffle(Array.from({ length: 1000 }, (_, i) => `07700900${String(i).padStart(3, '0')}`));
  const used = new Set();
  return {
    phone: () => phones.pop(),
    reg: () => {
      for (;;) {
        const r = pick('ABCDEFGHKLMNOPRSVWY'.split('')) + pick(L.split('')) + String(pick([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73])) + pick(L.split('')) + pick(L.split('')) + pick(L.split(''));
        if (!used.has(r)) { used.add(r); return r; }
      }
    },
  };
}
const fmtPhone = (p, style) => {
  const n = p.slice(1);
  switch (style % 6) {
    case 0: return `${p.slice(0, 5)} ${p.slice(5)}`;
    case 1: return `+44 ${n.slice(0, 4)} ${n.slice(4)}`;
    case 2: return `${p.slice(0, 5)}-${p.slice(5, 8)}-${p.slice(8)}`;
    case 3: return `(${p.slice(0, 5)}) ${p.slice(5)}`;
    case 4: return p;
    default: return `+44${n}`;
  }
};
const fmtReg = (r, style) => {
  switch (style % 4) {
    case 0: return `${r.slice(0, 4)} ${r.slice(4)}`;
    case 1: return r;
    case 2: return `${r.slice(0, 4)} ${r.slice(4)}`.toLowerCase();
    default: return `${r.slice(0, 2)} ${r.slice(2, 4)} ${r.slice(4)}`;
  }
};
const fmtPc = (pc, style) => {
  const k = pc.replace(/\s/g, '');
  const out = k.slice(0, -3) + ' ' + k.slice(-3);
  return style % 3 === 0 ? out : style % 3 === 1 ? k : out.toLowerCase();
};

// ---------- agencies ----------
const AG = {
  police: { name: 'Police', kind: 'police', pre: 'P', delay: [0, 2], caps: true },
  btp: { name: 'British Transport Police', kind: 'police', pre: 'BTP', delay: [0, 4], caps: true },
  csc: { name: "Children's Social Care", kind: 'childrens_social_care', pre: 'CS', delay: [1, 12] },
  school: { name: 'Education (schools and attendance)', kind: 'education', pre: 'ED', delay: [0, 6] },
  health: { name: 'Acute Trust (emergency department)', kind: 'health', pre: 'H', delay: [0, 3], nhs: true },
  sexhealth: { name: 'Sexual Health Service', kind: 'health', pre: 'SH', delay: [0, 10], nhs: true },
  cps: { name: 'Crown Prosecution Service', kind: 'prosecutor', pre: 'CPS', delay: [30, 110] },
  yjs: { name: 'Youth Justice Service', kind: 'youth_justice', pre: 'YJ', delay: [2, 20] },
  charity: { name: 'Missing and Exploitation Charity', kind: 'voluntary', pre: 'MC', delay: [3, 18], crlf: true },
  earlyhelp: { name: 'Early Help Hub', kind: 'other', pre: 'EH', delay: [2, 25] },
  housing: { name: 'Housing Association', kind: 'other', pre: 'HA', delay: [5, 40], crlf: true },
};

// ---------- areas ----------
const AREAS = [
  { code: 'corsebridge', name: 'Corsebridge (Tees estuary port town)', children: 310, from: '2021-01-01', years: 4, pc: ['TS21', 'TS22', 'TS23'], agencies: ['police', 'btp', 'csc', 'school', 'health', 'yjs', 'charity'],
    groups: [{ shape: 'county_lines', adults: 5, kids: 7, movesTown: true }, { shape: 'hub', kids: 6 }, { shape: 'chain', kids: 5 }],
    conf: ['school', 'childrens_home', 'station', 'siblings', 'taxi_firm', 'professional', 'gp'] },
  { code: 'wenlow-vale', name: 'Wenlow Vale (Pennine valley towns)', children: 220, from: '2020-04-01', years: 5, pc: ['HX7', 'HX6', 'OL14'], agencies: ['police', 'csc', 'school', 'health', 'sexhealth', 'earlyhelp'],
    groups: [{ shape: 'grooming_ring', adults: 12, kids: 10, venue: 'takeaway', gap: true }, { shape: 'online', handles: 3, kids: 4 }],
    conf: ['school', 'foster_carer', 'sports_coach', 'siblings', 'gp', 'shopping_centre', 'professional'] },
  { code: 'skelmoor', name: 'Skelmoor (former pit villages)', children: 160, from: '2022-01-01', years: 3, pc: ['DN6', 'DN5'], agencies: ['police', 'csc', 'school', 'health', 'yjs'],
    groups: [{ shape: 'one_agency_each', adults: 2, kids: 3 }],
    conf: ['school', 'youth_worker', 'siblings', 'gp', 'professional'] },
  { code: 'ravensclough', name: 'Ravensclough (northern city, inner wards)', children: 450, from: '2020-01-01', years: 6, pc: ['M8', 'M9', 'M40', 'M4'], agencies: ['police', 'btp', 'csc', 'school', 'health', 'sexhealth', 'cps', 'yjs', 'charity'],
    groups: [{ shape: 'county_lines', adults: 8, kids: 9, handover: true }, { shape: 'grooming_ring', adults: 6, kids: 7, venue: 'flat' }, { shape: 'online', handles: 2, kids: 3 }, { shape: 'chain', kids: 6 }, { shape: 'hub', kids: 5, gap: true }],
    conf: ['school', 'childrens_home', 'foster_carer', 'sports_coach', 'youth_worker', 'taxi_firm', 'station', 'shopping_centre', 'siblings', 'gp', 'professional'] },
  { code: 'hollinsby', name: 'Hollinsby (Lincolnshire market town)', children: 190, from: '2021-06-01', years: 4, pc: ['LN9', 'PE23'], agencies: ['police', 'csc', 'school', 'health', 'charity', 'housing'],
    groups: [{ shape: 'hub', kids: 4, woman: true }, { shape: 'one_agency_each', adults: 4, kids: 4, gap: true }],
    conf: ['school', 'taxi_firm', 'foster_carer', 'siblings', 'gp', 'station', 'professional'] },
  { code: 'brindlecote', name: 'Brindlecote (Black Country estates)', children: 380, from: '2021-01-01', years: 5, pc: ['WS10', 'DY4', 'WV14'], agencies: ['police', 'btp', 'csc', 'school', 'health', 'cps', 'yjs', 'earlyhelp'],
    groups: [{ shape: 'county_lines', adults: 3, kids: 5, gap: true }, { shape: 'grooming_ring', adults: 4, kids: 5, venue: 'takeaway', handover: true }, { shape: 'chain', kids: 4 }, { shape: 'online', handles: 4, kids: 5, adultLater: true }],
    conf: ['school', 'childrens_home', 'sports_coach', 'taxi_firm', 'station', 'shopping_centre', 'siblings', 'gp', 'professional'] },
  { code: 'sandgarth', name: 'Sandgarth (Cumbrian seaside town)', children: 150, from: '2022-09-01', years: 3, pc: ['LA14', 'LA13'], agencies: ['police', 'csc', 'school', 'health', 'sexhealth'],
    groups: [{ shape: 'grooming_ring', adults: 2, kids: 3, venue: 'flat' }, { shape: 'chain', kids: 3 }],
    conf: ['school', 'youth_worker', 'siblings', 'gp', 'foster_carer', 'professional'] },
  { code: 'oxendale', name: 'Oxendale (Thames estuary new town)', children: 420, from: '2020-09-01', years: 5, pc: ['SS13', 'SS14', 'SS16'], agencies: ['police', 'btp', 'csc', 'school', 'health', 'sexhealth', 'yjs', 'charity', 'earlyhelp'],
    groups: [{ shape: 'county_lines', adults: 6, kids: 8, movesTown: true, handover: true }, { shape: 'one_agency_each', adults: 5, kids: 5 }, { shape: 'hub', kids: 7 }, { shape: 'grooming_ring', adults: 9, kids: 8, venue: 'flat', gap: true }],
    conf: ['school', 'childrens_home', 'foster_carer', 'sports_coach', 'youth_worker', 'taxi_firm', 'station', 'shopping_centre', 'siblings', 'gp', 'professional'] },
];

// ---------- one area ----------
function buildArea(A, areaIndex) {
  R = mulberry(777 + areaIndex * 1009);
  const pool = makePools(A.code);
  const start = dayOf(A.from);
  const end = dayOf(`${Number(A.from.slice(0, 4)) + A.years}${A.from.slice(4)}`) - 1;
  const lines = []; // {agency, rec (day float for ordering), obj}
  const childRecords = {};
  let seq = 0;
  const sidOf = (ag) => `${AG[ag].pre}-${String(++seq).padStart(6, '0')}`;
  const usedPc = new Set([school1.pc, school2.pc, station.pc]);
  const pcode = () => {
    for (;;) {
      const p = pick(A.pc) + ri(1, 9) + pick(INW.split('')) + pick(INW.split(''));
      if (!usedPc.has(p)) { usedPc.add(p); return p; }
    }
  };
  const town = A.name.split(' (')[0];
  const otherTown = pick(['Kettlebury', 'Marrowby', 'Dunsford Quay', 'Ellerholme', 'Gatesfield']);
  const otherPc = pick(['NR30', 'PL4', 'SA1', 'CF24', 'EX4', 'LL18', 'TQ1']);
  const street = () => `${ri(1, 160)} ${pick(['Mill', 'Canal', 'Chapel', 'Station', 'Victoria', 'Albert', 'Moor', 'Park', 'Beck', 'Church', 'Union', 'Nelson', 'Ash', 'Rowan'])} ${pick(['Street', 'Road', 'Lane', 'Terrace', 'Close', 'Avenue', 'Walk'])}`;
  const recAt = (ag, occ, extra = [0, 0]) => {
    const [a, b] = AG[ag].delay;
    return occ + ri(a + extra[0], b + extra[1]) + rnd() * 0.9;
  };
  const emit = (ag, recDay, obj) => {
    lines.push({ ag, rec: recDay, obj: { ...obj, agency: ag, recorded_at: stamp(Math.floor(recDay), 8 + Math.floor((recDay % 1) * 14), ri(0, 59)) } });
  };

  // people
  const children = [];
  const adults = [];
  const mkChild = (i) => {
    const sex = chance(0.55) ? 'female' : 'male';
    const age = ri(9, 16); // at start
    const dob = start - age * 365 - ri(0, 364);
    const c = { id: `C${String(i + 1).padStart(4, '0')}`, sex, given: sex === 'female' ? pick(GIRLS) : pick(BOYS), family: pick(SURN), dob, nhs: nhs(), addr: { line1: street(), town, postcode: pcode() }, recs: {}, group: null };
    children.push(c);
    return c;
  };
  for (let i = 0; i < A.children; i++) mkChild(i);
  const personObj = (ag, p, isChild) => {
    const st = AG[ag];
    let given = p.given, family = p.family;
    const o = { type: 'person', source_id: null };
    if (st.caps) family = family.toUpperCase();
    if (!isChild && p.varName?.[ag]) ({ given, family } = p.varName[ag]);
    if (given) o.given_name = given;
    if (family) o.family_name = family;
    const other = [];
    if (p.nick && (ag === 'police' || ag === 'yjs' || ag === 'btp' || ag === 'school')) other.push(p.nick);
    if (p.street && (ag === 'yjs' || ag === 'school' || ag === 'police')) other.push(p.street);
    if (other.length) o.other_names = other;
    if (p.dob != null) {
      const d = ymd(p.dob);
      const m = p.dobStyle?.[ag] ?? (ag === 'charity' && chance(0.4) ? 'year' : chance(0.05) ? 'month' : 'full');
      if (m === 'full') o.date_of_birth = d;
      else if (m === 'month') o.date_of_birth = d.slice(0, 7);
      else if (m === 'year') o.date_of_birth = d.slice(0, 4);
    }
    if (p.sex) o.sex = p.sex;
    if (st.nhs && p.nhs) o.nhs_number = chance(0.5) ? `${p.nhs.slice(0, 3)} ${p.nhs.slice(3, 6)} ${p.nhs.slice(6)}` : p.nhs;
    if (p.addr && !(ag === 'police' && !isChild && chance(0.3))) o.address = { line1: p.addr.line1, town: p.addr.town, postcode: fmtPc(p.addr.postcode, ri(0, 2)) };
    if (p.phone && !isChild) o.phone = fmtPhone(p.phone, ri(0, 5));
    if (isChild && chance(0.3)) o.is_child = true;
    if (!isChild && chance(0.4)) o.is_child = false;
    return o;
  };
  const childSid = (c, ag, day) => {
    if (!c.recs[ag]) {
      const sid = sidOf(ag);
      c.recs[ag] = sid;
      childRecords[`${ag}:${sid}`] = c.id;
      const o = personObj(ag, c, true);
      o.source_id = sid;
      emit(ag, Math.max(start - 200, day - ri(0, 3) - 0.5), o);
    }
    return c.recs[ag];
  };
  let aSeq = 0;
  const mkAdult = (opt = {}) => {
    const sex = opt.sex ?? 'male';
    const a = { id: `X${String(++aSeq).padStart(4, '0')}`, sex, given: opt.given ?? (sex === 'female' ? pick(WOMEN) : pick(MEN)), family: opt.family ?? pick(SURN), dob: opt.dob ?? start - ri(opt.minAge ?? 19, opt.maxAge ?? 55) * 365 - ri(0, 364), addr: opt.addr ?? { line1: street(), town, postcode: pcode() }, phone: opt.phone ?? null, recs: {}, extraRecs: [], varName: {}, dobStyle: {} };
    if (NICK[a.given] && chance(0.6)) a.nick = NICK[a.given];
    adults.push(a);
    return a;
  };
  const adultSid = (a, ag, day) => {
    if (!a.recs[ag]) {
      const sid = sidOf(ag);
      a.recs[ag] = sid;
      const o = personObj(ag, a, false);
      o.source_id = sid;
      emit(ag, day - ri(0, 2) - 0.5, o);
    }
    return a.recs[ag];
  };
  const srcRecs = (a) => [...Object.entries(a.recs).map(([ag, s]) => `${ag}:${s}`), ...a.extraRecs];

  // events
  const gRecs = new Map(); // group id -> [{rec, nodes}]
  const EV_SUM = {
    missing_episode: ['Reported missing overnight', 'Missing from placement, returned next day', 'Absent from home, found by officers', 'Failed to return at agreed time'],
    arrest: ['Arrested in possession of wraps of class A', 'Arrested on suspicion of possession with intent to supply', 'Arrested after stop search, cash and phone seized'],
    intelligence: ['Intelligence received regarding associates', 'Partner agency intelligence submitted', 'Information from member of public regarding vehicle'],
    concern: ['Safeguarding concern raised', 'Concern logged by designated safeguarding lead', 'Concern raised after disclosure to staff'],
    contact_referral: ['Referral received', 'Contact from partner agency'],
    note: ['Case note', 'Telephone call recorded', 'Home visit'],
    health_attendance: ['Attended emergency department', 'Presented with injury', 'Brought in by ambulance, intoxicated'],
    sexual_health: ['Clinic attendance', 'Attended for emergency contraception', 'STI screen'],
    school_absence: ['Unexplained absence', 'Absent for 6 sessions, no explanation'],
    youth_justice: ['Referral order review', 'YJS session', 'Assessment interview'],
    return_interview: ['Return interview'],
    strategy_discussion: ['Strategy discussion held'],
    crime_report: ['Crime report, child victim'],
    charging_decision: ['Charging decision'],
  };
  const event = (ag, occ, kind, child, inv = [], opt = {}) => {
    if (occ > end - 2) occ = end - ri(2, 20);
    if (occ < start) occ = start + ri(0, 10);
    let rec = recAt(ag, occ, opt.lateBy ?? [0, 0]);
    if (Math.floor(rec) === occ) rec = occ + 0.95;
    const capTo = opt.group ? end - 1 : end + 40;
    if (rec > capTo) rec = capTo + rnd() * 0.5;
    if (rec < occ) rec = occ + 0.1;
    const sid = `${AG[ag].pre}E-${String(++seq).padStart(6, '0')}`;
    const involves = [];
    const nodes = [`c:${child.id}`];
    for (const x of inv) {
      if (x.adult) {
        const s = adultSid(x.adult, ag, rec);
        involves.push({ person: s, role: x.role ?? 'associate' });
        if (x.g) nodes.push(`a:${ag}:${s}`);
      } else if (x.child) {
        involves.push({ person: childSid(x.child, ag, rec), role: x.role ?? 'associate' });
        if (x.g) nodes.push(`c:${x.child.id}`);
      } else if (x.vehicle) {
        involves.push({ vehicle: fmtReg(x.vehicle, ri(0, 3)) });
        if (x.g) nodes.push(`o:vehicle:${x.vehicle}`);
      } else if (x.phone) {
        involves.push({ phone: fmtPhone(x.phone, ri(0, 5)) });
        if (x.g) nodes.push(`o:phone:${x.phone}`);
      } else if (x.online) {
        involves.push({ online: chance(0.5) ? x.online : x.online.toLowerCase() });
        if (x.g) nodes.push(`o:online:${x.online.toLowerCase()}`);
      } else if (x.loc) {
        const l = { location: { name: x.loc.name, postcode: fmtPc(x.loc.pc, ri(0, 2)) } };
        if (x.role) l.role = x.role;
        involves.push(l);
        if (x.g) nodes.push(`o:location:${x.loc.pc}`);
      }
    }
    const o = { type: 'event', source_id: sid, kind, subject: childSid(child, ag, rec), occurred_at: stamp(occ, ri(6, 19)) };
    if (kind === 'missing_episode') {
      o.ended_at = stamp(occ + ri(1, 3), ri(6, 12));
      o.missing_from = opt.from ?? pick(['home', 'home', 'care_placement', 'school']);
      o.risk_grading = pick(['low', 'medium', 'medium', 'high']);
    }
    if (kind === 'charging_decision') {
      o.outcome = pick(['no_further_action', 'further_evidence_needed', 'charge']);
      o.rationale = 'Review of the evidential file';
    }
    if (kind === 'return_interview') {
      o.status = pick(['done', 'done', 'declined']);
      if (o.status === 'declined') o.reason = 'Young person did not want to talk';
    }
    if (kind === 'intelligence' || kind === 'sexual_health') o.restricted = chance(0.5);
    o.summary = opt.summary ?? pick(EV_SUM[kind] ?? ['Recorded']);
    if (opt.indicators) o.indicators = opt.indicators;
    if (involves.length) o.involves = involves;
    if (ag === 'police' || ag === 'btp') o.recorded_by = `PC ${ri(1000, 9999)}`;
    emit(ag, rec, o);
    if (opt.group) {
      if (!gRecs.has(opt.group)) gRecs.set(opt.group, []);
      gRecs.get(opt.group).push({ rec, nodes });
    }
    return rec;
  };
  const relation = (ag, day, child, adult, kind, opt = {}) => {
    let rec = recAt(ag, day);
    if (rec > end - 1) rec = end - 1 + rnd() * 0.5;
    const sid = `${AG[ag].pre}R-${String(++seq).padStart(6, '0')}`;
    const o = { type: 'relationship', source_id: sid, from: childSid(child, ag, rec), to: adultSid(adult, ag, rec), kind, since: ymd(day - ri(10, 200)), reliability: opt.reliability ?? pick(['tentative', 'unconfirmed', 'confirmed']) };
    if (opt.note) o.note = opt.note;
    emit(ag, rec, o);
    if (opt.group) {
      if (!gRecs.has(opt.group)) gRecs.set(opt.group, []);
      gRecs.get(opt.group).push({ rec, nodes: [`c:${child.id}`, ...(opt.g === false ? [] : [`a:${ag}:${adult.recs[ag]}`])] });
    }
  };

  const has = (ag) => A.agencies.includes(ag);
  const ags = (...xs) => xs.filter(has);
  const free = () => shuffle(children.filter((c) => !c.group && !c.innocentFam));
  const truthGroups = [];
  const confounders = [];
  const loc = (name, pc = pcode()) => ({ name, pc });

  // brothers and sisters: families formed first (one surname, one address)
  const fams = [];
  {
    const sh = shuffle(children);
    let i = 0;
    while (i + 4 < sh.length && fams.length < Math.floor(children.length / 9)) {
      const f = sh.slice(i, i + ri(2, 4));
      i += f.length;
      for (const c of f) { c.family = f[0].family; c.addr = f[0].addr; c.fam = fams.length; }
      fams.push(f);
    }
  }
  // school roll: every child known to education, loaded the summer before the period (objects
  // written at the end, with each child's final details)
  for (const c of children) {
    const sid = sidOf('school');
    c.recs.school = sid;
    childRecords[`school:${sid}`] = c.id;
  }

  // ---------- planted groups ----------
  const span = end - start;
  A.groups.forEach((G, gi) => {
    const gid = `${A.code}-g${gi + 1}`;
    const nKids = G.kids;
    let kids = free().slice(0, nKids);
    // some group children turn 18 during the window
    if (chance(0.7)) {
      const k = kids[0];
      k.dob = start + ri(Math.floor(span * 0.3), Math.floor(span * 0.7)) - 18 * 365;
    }
    kids.forEach((k) => (k.group = gid));
    const t0 = start + ri(Math.floor(span * 0.08), Math.floor(span * 0.45));
    const t1 = Math.min(end - 60, t0 + ri(Math.floor(span * 0.35), Math.floor(span * 0.55)));
    const when = (f) => Math.floor(t0 + f * (t1 - t0));
    const gapAt = G.gap ? when(0.35) : null;
    const tAt = (f) => {
      let d = when(f);
      if (gapAt && d > gapAt) d = Math.min(end - 30, d + 380);
      return d;
    };
    const gAdults = [];
    const gObjs = [];
    const addObj = (kind, key) => { if (!gObjs.some((o) => o.kind === kind && o.key === key)) gObjs.push({ kind, key }); };
    const G1 = { g: true };
    const rndKid = () => pick(kids);
    let shape = G.shape;

    if (G.shape === 'county_lines') {
      const line = pool.phone();
      const line2 = G.handover ? pool.phone() : null;
      addObj('phone', line);
      if (line2) addObj('phone', line2);
      const trap = loc(`Flat, ${street()}`, `${otherPc}${ri(1, 9)}${pick(INW.split(''))}${pick(INW.split(''))}`);
      const trapLocal = loc(`${pick(['Flat 3', 'Flat 12', 'Ground floor flat'])}, ${pick(['Kestrel', 'Linnet', 'Heron'])} House`);
      addObj('location', trap.pc);
      addObj('location', trapLocal.pc);
      for (let i = 0; i < G.adults; i++) {
        const a = mkAdult({ minAge: i === 0 ? 24 : 18, maxAge: i === 0 ? 34 : 26 });
        a.street = STREET[(areaIndex * 5 + gi * 3 + i) % STREET.length];
        if (i === 0) a.phone = line;
        gAdults.push(a);
      }
      const car = pool.reg();
      addObj('vehicle', car);
      const elder = gAdults[0];
      // innocent family living in the same block as the local trap flat
      const fam = free().slice(0, 2);
      fam.forEach((c) => { c.innocentFam = gid; });
      for (const c of fam) for (let j = 0; j < 2; j++) event(pick(ags('csc', 'earlyhelp', 'police')), start + ri(30, span - 30), pick(['note', 'concern']), c, [{ loc: trapLocal }], { summary: 'Home visit at family address, block has drug activity reported' });
      // recruitment by elder
      kids.forEach((k, i) => {
        const d = tAt(0.05 + (0.5 * i) / kids.length);
        if (has('school') && chance(0.6)) event('school', d - ri(5, 20), 'concern', k, [{ adult: elder, role: 'associate', ...G1 }], { group: gid, summary: `Seen leaving school with older male known as ${elder.street}`, indicators: ['older_associates'] });
        event('police', d, 'arrest', k, [{ phone: i % 3 === 2 && line2 && d > tAt(0.5) ? line2 : line, ...G1 }, ...(chance(0.5) ? [{ loc: chance(0.5) ? trap : trapLocal, role: 'found_at', ...G1 }] : [])], { group: gid, indicators: ['drug_misuse', 'older_associates'] });
        if (chance(0.6)) event('police', d + ri(20, 90), 'missing_episode', k, [{ loc: trap, role: 'found_at', ...G1 }, ...(chance(0.4) ? [{ adult: gAdults[1 + (i % (gAdults.length - 1 || 1))] ?? elder, role: 'found_with', ...G1 }] : [])], { group: gid, summary: `Found ${pick(['in a flat', 'at an address', 'in a cuckooed flat'])} in ${otherTown}` });
        if (has('btp') && chance(0.6)) event('btp', d + ri(10, 120), 'note', k, [{ adult: pick(gAdults), role: 'associate', ...G1 }, { loc: station, role: 'found_at' }], { group: gid, summary: 'Stopped on train travelling out of area with older male, cash found' });
        if (has('yjs') && chance(0.7)) event('yjs', d + ri(30, 150), 'youth_justice', k, [{ adult: pick([elder, ...gAdults]), role: 'associate', ...G1 }], { group: gid, summary: 'Child names older males he "works for"' });
        if (has('charity') && chance(0.5)) event('charity', d + ri(25, 100), 'return_interview', k, [{ phone: line, ...G1 }], { group: gid, summary: 'Child says phone "belongs to the line"' });
        if (has('health') && chance(0.3)) event('health', d + ri(30, 200), 'health_attendance', k, [], { summary: 'Stab wound to thigh, vague account', indicators: ['unexplained_injury'] });
      });
      // elders and the car
      for (let j = 0; j < Math.max(3, gAdults.length); j++) {
        const a = gAdults[j % gAdults.length];
        const b = gAdults[(j + 1) % gAdults.length];
        event('police', tAt(0.2 + rnd() * 0.7), 'intelligence', rndKid(), [{ adult: a, role: 'suspect', ...G1 }, { vehicle: car, ...G1 }, ...(j % 2 ? [{ adult: b, role: 'suspect', ...G1 }] : [])], { group: gid, lateBy: [10, 50], summary: 'Child seen getting into car with known line holders' });
      }
      if (has('cps')) event('cps', tAt(0.8), 'charging_decision', rndKid(), [{ adult: elder, role: 'suspect', ...G1 }], { group: gid });
      if (G.movesTown) {
        // the elder moves away: a new address and later a fresh police record under another sid
        const mover = gAdults[gAdults.length - 1];
        const d = tAt(0.6);
        mover.addr = { line1: street(), town: otherTown, postcode: `${otherPc}${ri(1, 9)}${pick(INW.split(''))}${pick(INW.split(''))}` };
        const sid2 = sidOf('police');
        mover.extraRecs.push(`police:${sid2}`);
        const o = personObj('police', mover, false);
        o.source_id = sid2;
        o.given_name = mover.nick ?? mover.given;
        emit('police', d, o);
        const k = rndKid();
        let rec = recAt('police', d + 20);
        if (rec > end - 1) rec = end - 1;
        const esid = `PE-${String(++seq).padStart(6, '0')}`;
        emit('police', rec, { type: 'event', source_id: esid, kind: 'missing_episode', subject: childSid(k, 'police', rec), occurred_at: stamp(Math.floor(rec) - 1), ended_at: stamp(Math.floor(rec)), missing_from: 'home', summary: `Found in ${otherTown} with adult who moved from the area`, involves: [{ person: sid2, role: 'found_with' }] });
        gRecs.get(gid).push({ rec, nodes: [`c:${k.id}`, `a:police:${sid2}`] });
      }
    } else if (G.shape === 'grooming_ring') {
      const venue = G.venue === 'takeaway' ? loc(`${pick(['Golden', 'Star', 'Royal', 'Express', 'Tasty'])} ${pick(['Pizza', 'Grill', 'Kebab House', 'Chicken'])}, ${street().replace(/^\d+ /, '')}`) : loc(`Flat ${ri(1, 30)}, ${pick(['Castle', 'Beech', 'Orchard', 'Wharf'])} Court`);
      const flat2 = loc(`${ri(2, 90)} ${pick(['Cobden', 'Peel', 'Bright'])} Street (upstairs flat)`);
      addObj('location', venue.pc);
      addObj('location', flat2.pc);
      const cars = Array.from({ length: Math.min(3, 1 + Math.floor(G.adults / 3)) }, () => pool.reg());
      cars.forEach((c) => addObj('vehicle', c));
      const phones = Array.from({ length: Math.max(1, Math.floor(G.adults / 4)) }, () => pool.phone());
      phones.forEach((p) => addObj('phone', p));
      const fam = pick(SURN);
      for (let i = 0; i < G.adults; i++) {
        const a = mkAdult({ family: i < 3 && G.adults > 4 ? fam : undefined, minAge: 20, maxAge: 48 });
        if (i < phones.length) a.phone = phones[i];
        gAdults.push(a);
      }
      const main = gAdults[0];
      main.nick = main.nick ?? pick(['Boss', 'Uncle', 'Baz', 'Jimmy']);
      // the main man is known by his nickname only to some agencies
      for (const ag of ['csc', 'charity', 'sexhealth', 'school']) main.varName[ag] = { given: main.nick, family: chance(0.5) ? undefined : main.family };
      // an innocent family lives above the takeaway / in the same court
      const famKids = free().slice(0, 2);
      famKids.forEach((c) => { c.innocentFam = gid; });
      for (const c of famKids) event(pick(ags('health', 'school', 'csc')), start + ri(20, span - 20), 'note', c, [{ loc: venue }], { summary: 'Home address recorded at visit' });
      kids.forEach((k, i) => {
        const d0 = tAt((0.6 * i) / kids.length);
        const a = gAdults[i % gAdults.length];
        const b = gAdults[(i * 3 + 1) % gAdults.length];
        const car = cars[i % cars.length];
        if (has('csc')) relation('csc', d0, k, a, 'claimed_partner', { group: gid, note: `Child describes him as her boyfriend; he is in his ${Math.floor((d0 - a.dob) / 3650) * 10}s` });
        event('police', d0 + ri(5, 40), 'missing_episode', k, [{ loc: chance(0.5) ? venue : flat2, role: 'found_at', ...G1 }, { adult: chance(0.5) ? a : b, role: 'found_with', ...G1 }], { group: gid, indicators: ['missing', 'older_associates'] });
        event('police', d0 + ri(30, 120), 'intelligence', k, [{ vehicle: car, ...G1 }, ...(chance(0.6) ? [{ adult: b, role: 'suspect', ...G1 }] : [])], { group: gid, lateBy: [7, 60], summary: 'Seen getting into a car with older males late at night', indicators: ['vehicle_unknown_adults'] });
        if (has('sexhealth') && chance(0.7)) event('sexhealth', d0 + ri(40, 200), 'sexual_health', k, [{ phone: phones[i % phones.length], ...G1 }], { group: gid, summary: 'Attended with older male who left when asked his name; phone number given as contact' });
        if (has('school') && chance(0.5)) event('school', d0 + ri(-20, 60), 'concern', k, [{ vehicle: car, ...G1 }, { loc: school1 }], { group: gid, summary: 'Collected from school gates by adult in car', indicators: ['vehicle_unknown_adults'] });
        if (has('health') && chance(0.4)) event('health', d0 + ri(60, 300), 'health_attendance', k, [], { summary: 'Intoxicated, brought in by friends', indicators: ['alcohol_misuse'] });
        if (has('charity') && chance(0.5)) event('charity', d0 + ri(10, 80), 'return_interview', k, [{ loc: venue, ...G1 }], { group: gid });
        if (has('cps') && chance(0.3)) event('cps', d0 + ri(100, 300), 'charging_decision', k, [{ adult: a, role: 'suspect', ...G1 }], { group: gid });
      });
      // remaining adults appear with the others (every adult with at least one child)
      gAdults.forEach((a, j) => {
        if (j < kids.length) return;
        event('police', tAt(0.1 + rnd() * 0.85), 'intelligence', pick(kids), [{ adult: a, role: 'suspect', ...G1 }, { adult: pick(gAdults.slice(0, j)), role: 'suspect', ...G1 }, ...(chance(0.5) ? [{ loc: flat2, ...G1 }] : [])], { group: gid, lateBy: [5, 40], summary: 'Males seen at address with girls' });
      });
      if (G.handover) {
        // the first car is later driven by another member
        event('police', tAt(0.9), 'note', pick(kids), [{ vehicle: cars[0], ...G1 }, { adult: gAdults[gAdults.length - 1], role: 'associate', ...G1 }], { group: gid, summary: 'Vehicle stop: car now driven by another male, girl in passenger seat' });
      }
    } else if (G.shape === 'online') {
      const handles = Array.from({ length: G.handles }, (_, i) => `${pick(['lil', 'big', 'real', 'its', 'xx', 'official', 'the'])}${pick(['_', '.', ''])}${pick(['Dee', 'Kash', 'Smokey', 'Angel', 'Bossman', 'Lux', 'Babyface', 'Drip', 'Vibez', 'Trapz'])}${ri(1, 99)}@${pick(SVC)}`);
      handles.forEach((h) => addObj('online', h.toLowerCase()));
      kids.forEach((k, i) => {
        const d = tAt((0.8 * i) / kids.length);
        const h = handles[i % handles.length];
        const h2 = handles[(i + 1) % handles.length];
        event(pick(ags('school', 'csc', 'school')), d, 'concern', k, [{ online: h, ...G1 }], { group: gid, summary: 'Sent images to an account that asked her to keep it secret', indicators: ['concerning_internet_use'] });
        if (chance(0.6)) event('police', d + ri(20, 150), 'intelligence', k, [{ online: h2, ...G1 }], { group: gid, lateBy: [10, 60], summary: 'Account requesting images from children' });
        if (has('charity') && chance(0.4)) event('charity', d + ri(10, 80), 'note', k, [{ online: h, ...G1 }], { group: gid });
      });
      if (G.adultLater) {
        const a = mkAdult({ minAge: 19, maxAge: 30 });
        gAdults.push(a);
        event('police', end - ri(60, 120), 'crime_report', kids[0], [{ adult: a, role: 'suspect', ...G1 }, { online: handles[0], ...G1 }], { group: gid, summary: 'Suspect identified as user of the account' });
      }
    } else if (G.shape === 'hub') {
      const a = mkAdult({ sex: G.woman ? 'female' : 'male', minAge: 30, maxAge: 52 });
      gAdults.push(a);
      // written differently by each agency
      const vars = [
        { given: a.given, family: a.family.toUpperCase() },
        { given: a.nick ?? a.given.slice(0, 3), family: a.family },
        { given: a.given, family: a.family.replace(/[aeiou](?=[^aeiou]*$)/, (v) => ({ a: 'e', e: 'a', i: 'y', o: 'u', u: 'o' })[v]) },
        { given: a.given[0], family: a.family },
        { given: undefined, family: a.family },
      ];
      A.agencies.forEach((ag, i) => { a.varName[ag] = vars[i % vars.length]; a.dobStyle[ag] = pick(['full', 'year', 'none', 'month']); });
      const hphone = pool.phone();
      const hcar = pool.reg();
      a.phone = hphone;
      addObj('phone', hphone);
      addObj('vehicle', hcar);
      const hhome = loc(`${a.addr.line1}`, a.addr.postcode);
      addObj('location', hhome.pc);
      kids.forEach((k, i) => {
        const d = tAt((0.9 * i) / kids.length);
        const ag = A.agencies[i % A.agencies.length] === 'cps' ? 'police' : A.agencies[i % A.agencies.length];
        const kind = { police: 'missing_episode', btp: 'note', csc: 'concern', school: 'concern', health: 'health_attendance', sexhealth: 'sexual_health', yjs: 'youth_justice', charity: 'return_interview', earlyhelp: 'note', housing: 'note' }[ag] ?? 'note';
        event(ag, d, kind, k, [{ adult: a, role: ag === 'police' ? 'found_with' : 'associate', ...G1 }, ...(chance(0.4) ? [{ phone: hphone, ...G1 }] : [])], { group: gid, summary: 'Child seen with older adult who gives lifts and money' });
        if (chance(0.5)) event('police', d + ri(20, 100), 'intelligence', k, [{ vehicle: hcar, ...G1 }, ...(chance(0.5) ? [{ loc: hhome, ...G1 }] : [])], { group: gid, lateBy: [10, 40] });
      });
    } else if (G.shape === 'chain') {
      // child1 - m1 - child2 - m2 - child3 ...; each record shows exactly one child and one member
      const mk = [];
      for (let i = 0; i < kids.length - 1; i++) {
        const t = i % 3;
        if (t === 0) { const a = mkAdult({ minAge: 19, maxAge: 40 }); gAdults.push(a); mk.push({ adult: a, role: 'associate', ...G1 }); }
        else if (t === 1) { const v = pool.reg(); addObj('vehicle', v); mk.push({ vehicle: v, ...G1 }); }
        else { const p = pool.phone(); addObj('phone', p); mk.push({ phone: p, ...G1 }); }
      }
      mk.forEach((m, i) => {
        const d = tAt((0.9 * i) / mk.length);
        const ag1 = m.adult ? 'police' : pick(ags('police', 'csc', 'school', 'health'));
        const ag2 = m.adult ? (chance(0.5) ? 'police' : pick(ags('csc', 'police'))) : pick(ags('police', 'csc', 'yjs', 'charity', 'school'));
        event(ag1, d, pick(['intelligence', 'concern', 'note']), kids[i], [m], { group: gid, summary: 'Child seen with unknown adult / in vehicle / in contact with number' });
        event(ag2, d + ri(15, 120), pick(['intelligence', 'concern', 'note', 'missing_episode']), kids[i + 1], [m], { group: gid });
      });
      if (G.kids >= 5) shape = 'chain';
    } else if (G.shape === 'one_agency_each') {
      // each member is recorded by one agency only
      const agList = shuffle(A.agencies.filter((x) => x !== 'cps'));
      const members = [];
      for (let i = 0; i < G.adults; i++) { const a = mkAdult({ minAge: 20, maxAge: 45 }); a.only = agList[i % agList.length]; gAdults.push(a); members.push({ adult: a, ag: a.only }); }
      const v = pool.reg(); addObj('vehicle', v); members.push({ vehicle: v, ag: agList[G.adults % agList.length] });
      const p = pool.phone(); addObj('phone', p); members.push({ phone: p, ag: agList[(G.adults + 1) % agList.length] });
      members.forEach((m, i) => {
        const ks = [kids[i % kids.length], kids[(i + 1) % kids.length], ...(chance(0.4) ? [kids[(i + 2) % kids.length]] : [])];
        ks.forEach((k, j) => {
          const kind = { police: 'intelligence', btp: 'note', csc: 'concern', school: 'concern', health: 'health_attendance', sexhealth: 'sexual_health', yjs: 'youth_justice', charity: 'return_interview', earlyhelp: 'note', housing: 'note' }[m.ag];
          const x = m.adult ? { adult: m.adult, role: 'associate', ...G1 } : m.vehicle ? { vehicle: m.vehicle, ...G1 } : { phone: m.phone, ...G1 };
          event(m.ag, tAt(Math.min(0.98, (i + j * 0.7) / (members.length + 1))), kind, k, [x], { group: gid });
        });
      });
    }
    if (G.shape === 'county_lines' && G.handover) {
      // the deal line passes from the elder to another member, then to a new handset
      const line = gObjs.find((o) => o.kind === 'phone').key;
      const nx = gObjs.filter((o) => o.kind === 'phone')[1]?.key;
      event('police', tAt(0.55), 'intelligence', pick(kids), [{ phone: line, ...G1 }, { adult: gAdults[1], role: 'suspect', ...G1 }], { group: gid, lateBy: [5, 30], summary: 'Line phone now held by another member' });
      if (nx) event('police', tAt(0.75), 'arrest', pick(kids), [{ phone: nx, ...G1 }, { adult: gAdults[gAdults.length - 1], role: 'suspect', ...G1 }], { group: gid, summary: 'New line handset seized' });
    }
    // every object of the group is in at least one of its records
    {
      const used = new Set((gRecs.get(gid) ?? []).flatMap((r) => r.nodes));
      for (const o of gObjs) {
        if (used.has(`o:${o.kind}:${o.key}`)) continue;
        const x = o.kind === 'phone' ? { phone: o.key } : o.kind === 'vehicle' ? { vehicle: o.key } : o.kind === 'online' ? { online: o.key } : { loc: { name: 'Address', pc: o.key } };
        event('police', tAt(0.3 + rnd() * 0.6), 'intelligence', pick(kids), [{ ...x, ...G1 }, ...(gAdults.length ? [{ adult: pick(gAdults), role: 'suspect', ...G1 }] : [])], { group: gid, lateBy: [10, 45], summary: 'Number found in contacts of child / vehicle linked to suspects' });
      }
    }
    // a confounder occasionally in the same records as the group's children
    const tg = { id: gid, shape, first_visible: null, children: kids.map((k) => ({ id: k.id })), adults: gAdults, objects: gObjs, notes: [G.gap ? 'quiet gap of over a year' : null, G.movesTown ? 'a member moves town (new police record)' : null, G.handover ? 'car or phone changes hands' : null].filter(Boolean) };
    truthGroups.push(tg);
  });

  // ---------- confounders ----------
  function confAdults(list) { return list.map((a) => ({ id: a.id, source_records: srcRecs(a) })); }

  const conf = (kind, adultsL, objs, note) => confounders.push({ kind, adultsRef: adultsL, objects: objs, note });
  const everyone = () => children;
  const someKids = (n) => sample(everyone(), Math.min(n, children.length));
  if (A.conf.includes('school')) {
    const objs = [{ kind: 'location', key: school1.pc }, { kind: 'location', key: school2.pc }];
    for (const c of children) {
      const s = chance(0.6) ? school1 : school2;
      c.school = s;
      const n = ri(0, 3) + (c.group ? 1 : 0);
      for (let i = 0; i < n; i++) event('school', start + ri(0, span), pick(['school_absence', 'school_absence', 'concern', 'note']), c, [{ loc: s }]);
    }
    conf('school', [], objs);
  }
  if (A.conf.includes('gp')) {
    const gp = loc(`${pick(['Riverside', 'Market Street', 'Parkview', 'Moorside'])} Medical Practice`);
    for (const c of someKids(Math.floor(children.length * 0.4))) event('health', start + ri(0, span), 'health_attendance', c, [{ loc: gp }], { summary: 'Referred by GP surgery' });
    conf('gp', [], [{ kind: 'location', key: gp.pc }]);
  }
  if (A.conf.includes('childrens_home')) {
    const home = loc(`${pick(['Oakfield', 'Larchwood', 'The Willows', 'Brookside'])} children's home`);
    const staff = [mkAdult({ sex: 'female', minAge: 28, maxAge: 58 }), mkAdult({ minAge: 25, maxAge: 50 }), mkAdult({ sex: 'female', minAge: 22, maxAge: 40 })];
    staff[1].varName.police = { given: 'Mr', family: staff[1].family.toUpperCase() };
    const residents = [...someKids(12), ...sample(children.filter((c) => c.group), 3)];
    for (const c of residents) {
      const d = start + ri(0, span - 30);
      for (let j = 0; j < ri(1, 4); j++) event('police', d + j * ri(5, 40), 'missing_episode', c, [{ loc: home }, { adult: pick(staff), role: 'professional' }], { from: 'care_placement', summary: 'Reported missing by staff at the home' });
      if (has('csc')) event('csc', d + ri(1, 20), 'note', c, [{ adult: pick(staff), role: 'professional' }, { loc: home }], { summary: 'Placement review' });
      if (has('charity') && chance(0.5)) event('charity', d + ri(3, 10), 'return_interview', c, [{ loc: home }]);
    }
    conf('childrens_home', staff, [{ kind: 'location', key: home.pc }]);
  }
  if (A.conf.includes('foster_carer')) {
    const fc = mkAdult({ sex: 'female', minAge: 45, maxAge: 62 });
    const placed = [...someKids(ri(6, 9)), ...sample(children.filter((c) => c.group), 1)];
    placed.forEach((c, i) => {
      const d = start + Math.floor(((i + rnd()) * span) / placed.length);
      relation('csc', d, c, fc, 'carer', { reliability: 'confirmed', note: 'Foster placement' });
      if (chance(0.5)) event('police', d + ri(10, 80), 'missing_episode', c, [{ adult: fc, role: 'professional' }, { loc: { name: 'Foster home', pc: fc.addr.postcode } }], { from: 'care_placement', summary: 'Reported missing by foster carer' });
      if (chance(0.4)) event('school', d + ri(5, 60), 'note', c, [{ adult: fc, role: 'family' }], { summary: 'Carer attended parents evening' });
    });
    conf('foster_carer', [fc], [{ kind: 'location', key: fc.addr.postcode }]);
  }
  if (A.conf.includes('sports_coach')) {
    const coach = mkAdult({ minAge: 30, maxAge: 55, phone: pool.phone() });
    const ground = loc(`${pick(['Recreation Ground', 'Park Lane Playing Fields', 'Sports Village'])}`);
    const team = [...someKids(ri(12, 18)), ...sample(children.filter((c) => c.group), 2)];
    for (const c of team) {
      event(pick(ags('school', 'health', 'earlyhelp')), start + ri(0, span), pick(['note', 'health_attendance']), c, [{ adult: coach, role: 'professional' }, ...(chance(0.5) ? [{ phone: coach.phone }] : []), ...(chance(0.6) ? [{ loc: ground }] : [])], { summary: 'Football coach provided contact details / injury at training' });
    }
    conf('sports_coach', [coach], [{ kind: 'phone', key: coach.phone }, { kind: 'location', key: ground.pc }]);
  }
  if (A.conf.includes('youth_worker')) {
    const yw = mkAdult({ sex: pick(['male', 'female']), minAge: 25, maxAge: 50 });
    const centre = loc(`${pick(['Northgate', 'Eastside', 'St Barnabas'])} Youth Centre`);
    const kidsY = [...someKids(ri(14, 22)), ...sample(children.filter((c) => c.group), 2)];
    for (const c of kidsY) event(pick(ags('earlyhelp', 'csc', 'school', 'yjs')), start + ri(0, span), 'note', c, [{ adult: yw, role: 'professional' }, { loc: centre }], { summary: 'Youth worker attended meeting' });
    conf('youth_worker', [yw], [{ kind: 'location', key: centre.pc }]);
  }
  if (A.conf.includes('taxi_firm')) {
    const cars = Array.from({ length: 4 }, () => pool.reg());
    const firmPhone = pool.phone();
    const riders = [...someKids(ri(15, 25)), ...sample(children.filter((c) => c.group), 2)];
    for (const c of riders) {
      const car = pick(cars);
      for (let j = 0; j < ri(1, 3); j++) event(pick(ags('school', 'school', 'csc')), start + ri(0, span), 'note', c, [{ vehicle: car }, ...(chance(0.4) ? [{ phone: firmPhone }] : [])], { summary: 'Home to school transport (contracted taxi), driver reported late pick-up' });
      if (chance(0.2)) event('police', start + ri(0, span), 'missing_episode', c, [{ vehicle: car, role: 'found_with' }], { summary: 'Located by school taxi driver' });
    }
    conf('taxi_firm', [], [...cars.map((k) => ({ kind: 'vehicle', key: k })), { kind: 'phone', key: firmPhone }]);
  }
  if (A.conf.includes('station')) {
    const kidsS = [...someKids(ri(12, 20)), ...sample(children.filter((c) => c.group), 3)];
    for (const c of kidsS) event(pick(ags('btp', 'police')), start + ri(0, span), pick(['note', 'missing_episode']), c, [{ loc: station, role: 'found_at' }], { summary: 'Found at the station' });
    conf('station', [], [{ kind: 'location', key: station.pc }]);
  }
  if (A.conf.includes('shopping_centre')) {
    const mall = loc(`${pick(['Kingsway', 'Arndale Walk', 'Riverside', 'The Mall'])} Shopping Centre`);
    const guard = mkAdult({ minAge: 30, maxAge: 60 });
    const kidsM = [...someKids(ri(12, 20)), ...sample(children.filter((c) => c.group), 2)];
    for (const c of kidsM) event('police', start + ri(0, span), pick(['note', 'crime_report']), c, [{ loc: mall }, ...(chance(0.4) ? [{ adult: guard, role: 'witness' }] : [])], { summary: 'Shoplifting / anti-social behaviour at shopping centre, security officer witness' });
    conf('shopping_centre', [guard], [{ kind: 'location', key: mall.pc }]);
  }
  if (A.conf.includes('professional')) {
    const pc = mkAdult({ minAge: 26, maxAge: 50 });
    pc.varName.police = { given: 'PC', family: pc.family.toUpperCase() };
    const sw = mkAdult({ sex: 'female', minAge: 26, maxAge: 55 });
    const list = [...someKids(ri(15, 25)), ...sample(children.filter((c) => c.group), 3)];
    for (const c of list) {
      event('police', start + ri(0, span), pick(['note', 'crime_report', 'missing_episode']), c, [{ adult: pc, role: 'professional' }]);
      if (has('csc')) event('csc', start + ri(0, span), pick(['assessment', 'strategy_discussion', 'note']), c, [{ adult: sw, role: 'professional' }]);
    }
    conf('professional', [pc, sw], []);
  }
  if (A.conf.includes('siblings')) {
    const parents = [];
    for (const f of fams) {
      const fam = f[0].family;
      const mum = mkAdult({ sex: 'female', family: fam, minAge: 30, maxAge: 48, addr: f[0].addr });
      const dad = chance(0.5) ? mkAdult({ family: fam, minAge: 32, maxAge: 55, addr: f[0].addr }) : null;
      parents.push(mum, ...(dad ? [dad] : []));
      for (const c of f) {
        relation(pick(ags('csc', 'earlyhelp', 'school')), start + ri(0, span), c, mum, 'parent', { reliability: 'confirmed' });
        event(pick(ags('police', 'csc', 'health', 'school')), start + ri(0, span), pick(['concern', 'note', 'health_attendance']), c, [{ adult: mum, role: 'family' }, ...(dad && chance(0.5) ? [{ adult: dad, role: 'family' }] : []), ...(chance(0.3) ? [{ child: pick(f.filter((x) => x !== c)) ?? c, role: 'family' }] : [])], { summary: 'Parent present' });
      }
    }
    conf('siblings', parents, []);
  }
  // older peers (18-19) seen once each with two children
  {
    const peers = [];
    for (let i = 0; i < Math.floor(children.length / 40); i++) {
      const p = mkAdult({ sex: pick(['male', 'female']), minAge: 18, maxAge: 19 });
      peers.push(p);
      const two = someKids(2);
      const d = start + ri(0, span);
      event('police', d, 'note', two[0], [{ adult: p, role: 'associate' }, { child: two[1], role: 'associate' }], { summary: 'Group of youths spoken to in park' });
    }
    conf('older_peer', peers, []);
  }
  // noise: single sightings
  for (let i = 0; i < Math.floor(children.length * 0.35); i++) {
    const c = pick(children);
    const x = pick([{ vehicle: pool.reg() }, { phone: pool.phone() }, { adult: mkAdult({}), role: 'witness' }, { loc: loc(`${pick(['Memorial', 'Jubilee', 'Victoria', 'Canal'])} Park`) }]);
    event(pick(A.agencies.filter((a) => a !== 'cps')), start + ri(0, span), pick(['note', 'concern', 'crime_report']), c, [x]);
  }
  // ordinary background records for every child
  for (const c of children) {
    for (let i = 0; i < ri(1, 5); i++) {
      const ag = pick(A.agencies.filter((a) => a !== 'cps'));
      const kind = { police: 'crime_report', btp: 'note', csc: 'contact_referral', school: 'school_absence', health: 'health_attendance', sexhealth: 'sexual_health', yjs: 'youth_justice', charity: 'note', earlyhelp: 'note', housing: 'note' }[ag];
      event(ag, start + ri(0, span), kind, c, []);
    }
  }

  for (const c of children) {
    const o = personObj('school', c, true);
    o.source_id = c.recs.school;
    emit('school', start - ri(100, 120) + 0.3, o);
  }

  // ---------- first visible ----------
  for (const g of truthGroups) {
    const recs = (gRecs.get(g.id) ?? []).sort((a, b) => a.rec - b.rec);
    const parent = new Map();
    const find = (x) => { if (!parent.has(x)) parent.set(x, x); while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; };
    let fv = null;
    for (let i = 0; i < recs.length && !fv; i++) {
      const r = recs[i];
      for (const n of r.nodes.slice(1)) parent.set(find(n), find(r.nodes[0]));
      find(r.nodes[0]);
      const nextSameDay = recs[i + 1] && Math.floor(recs[i + 1].rec) === Math.floor(r.rec);
      if (nextSameDay) continue;
      const comp = new Map();
      for (const x of parent.keys()) {
        const root = find(x);
        if (!comp.has(root)) comp.set(root, { c: 0, m: 0 });
        if (x.startsWith('c:')) comp.get(root).c++;
        else comp.get(root).m++;
      }
      if ([...comp.values()].some((v) => v.c >= 2 && v.m >= 1)) fv = ymd(Math.floor(r.rec));
    }
    if (!fv) throw new Error(`${g.id}: never visible`);
    g.first_visible = fv;
    g.adults = g.adults.map((a) => ({ id: a.id, source_records: srcRecs(a) }));
  }

  // ---------- write ----------
  const dir = path.join(OUT, A.code);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  lines.sort((a, b) => a.rec - b.rec);
  const files = new Map();
  for (const l of lines) {
    const f = `${l.ag}-${l.obj.recorded_at.slice(0, 4)}.ndjson`;
    if (!files.has(f)) files.set(f, []);
    const { type, agency, source_id, ...rest } = l.obj;
    files.get(f).push(JSON.stringify({ type, agency, source_id, ...rest }));
  }
  for (const [f, ls] of files) fs.writeFileSync(path.join(dir, f), ls.join(AG[f.replace(/-\d{4}\.ndjson$/, '')].crlf ? '\r\n' : '\n') + (AG[f.replace(/-\d{4}\.ndjson$/, '')].crlf ? '\r\n' : '\n'));
  fs.writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(A.agencies.map((c) => ({ code: c, name: `${town} ${AG[c].name}`, kind: AG[c].kind })), null, 2) + '\n');
  const truth = {
    area: A.code, name: A.name, period: { from: ymd(start), to: ymd(end) }, end: ymd(end),
    files: [...files.keys()].sort(),
    first_visible_rule: "the first recorded_at day on which the group's own records join 2+ of its children and 1+ of its adults or objects into one connected piece, each child's records across agencies taken as one child; an adult's records at different agencies are NOT taken as one",
    groups: truthGroups,
    confounders: confounders.map((c) => ({ kind: c.kind, adults: confAdults(c.adultsRef), objects: c.objects })),
    child_records: childRecords,
  };
  fs.writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  return { code: A.code, children: children.length, years: `${ymd(start)}..${ymd(end)}`, agencies: A.agencies.length, lines: lines.length, groups: truthGroups.map((g) => `${g.shape}(${g.adults.length}a/${g.objects.length}o/${g.children.length}c fv ${g.first_visible})`).join(' ') };

}

// shared places per area, set before buildArea runs its groups
let school1, school2, station;
const summary = [];
AREAS.forEach((A, i) => {
  R = mulberry(4242 + i);
  const pcx = () => pick(A.pc) + ri(1, 9) + pick(INW.split('')) + pick(INW.split(''));
  school1 = { name: `${pick(['St Aidan', 'Holy Trinity', 'Moorside', 'Castleview', 'Westfield'])} Academy`, pc: pcx() };
  school2 = { name: `${pick(['Brookfield', 'Northfield', 'Greenbank', 'Hillcrest'])} High School`, pc: pcx() };
  station = { name: pick(['Bus station', 'Railway station', 'Interchange']), pc: pcx() };
  if (school2.pc === school1.pc) school2.pc = school2.pc.slice(0, -2) + 'ZZ';
  summary.push(buildArea(A, i));
});
for (const s of summary) console.log(`${s.code}: ${s.children} children, ${s.years}, ${s.agencies} agencies, ${s.lines} lines; ${s.groups}`);
