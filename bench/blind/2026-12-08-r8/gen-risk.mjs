// Blind round 8: risk area r8, "Tarnwick", a fictional West Cumbrian coastal borough.
// 550 children over ten years (records 2015-04-01 .. 2025-03-28) from ten agencies; 44 later
// exploited (sexually or criminally), 506 never (hard negatives and ordinary children).
// Writes the layout score-risk.mjs reads: IMPORT.sh, years/FY/AGENCY.ndjson, truth.csv, plus
// profiles.csv and stats.json. Standalone, no dependencies, fixed seed.
// Usage: node gen-risk.mjs [OUTDIR]   (default: risk/r8 beside this script)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r8'));
const SEED = 98081208;

let seed = SEED >>> 0;
function rnd() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;
const shuffle = (a) => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

// ---------- time: London wall clock held as naive UTC milliseconds ----------
const DAY = 86400000;
const HOUR = 3600000;
const MIN = 60000;
const T = (s) => Date.parse(s + (s.length === 10 ? 'T00:00:00Z' : 'Z'));
const START = T('2015-04-01T08:00:00');
const END = T('2025-03-28T18:00:00'); // no recorded_at after this
const YEAR = 365.25 * DAY;
function lastSundayOfMarch(y) {
  const d = new Date(Date.UTC(y, 3, 0));
  return Date.UTC(y, 2, d.getUTCDate() - d.getUTCDay());
}
function safe(ms) {
  // not in the hour the clocks skip (01:00-01:59 on the last Sunday of March)
  const d = new Date(ms);
  const ls = lastSundayOfMarch(d.getUTCFullYear());
  if (ms >= ls + HOUR && ms < ls + 2 * HOUR) return ms + HOUR;
  return ms;
}
const fmt = (ms) => new Date(safe(ms)).toISOString().slice(0, 19);
const fmtD = (ms) => new Date(ms).toISOString().slice(0, 10);
const atHour = (ms, h0, h1) => {
  const d = Math.floor(ms / DAY) * DAY;
  return d + int(h0 * 60, h1 * 60 - 1) * MIN;
};
const ageAt = (kid, ms) => (ms - kid.dob) / YEAR;
function fyOf(ms) {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const fy = d.getUTCMonth() >= 3 ? y : y - 1;
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

// ---------- agencies ----------
const AGENCIES = [
  { code: 'tpol', name: 'Tarnwick and Copeland Police (fictional)', kind: 'police', prefix: 'P', evp: 'OC', lag: () => int(20, 600) * MIN, ind: 0.4 },
  { code: 'tcsc', name: 'Tarnwick Children\'s Services', kind: 'childrens_social_care', prefix: 'TCS-', evp: 'WS', lag: () => int(1, 16) * DAY + int(0, 480) * MIN, ind: 0.2 },
  { code: 'wced', name: 'West Cumberland Infirmary emergency department', kind: 'health', prefix: 'RWC', evp: 'ATT', lag: () => int(30, 300) * MIN, ind: 0.08 },
  { code: 'tsh', name: 'Tarnwick sexual health service', kind: 'health', prefix: 'SH', evp: 'SHA', lag: () => int(60, 1400) * MIN, ind: 0.15 },
  { code: 'cgp', name: 'Copeland GP federation', kind: 'health', prefix: 'GP', evp: 'CON', lag: () => int(10, 3 * 1440) * MIN, ind: 0 },
  { code: 'tedu', name: 'Tarnwick schools (DSL and attendance)', kind: 'education', prefix: 'PUP', evp: 'LOG', lag: () => int(1, 6 * 1440) * MIN, ind: 0 },
  { code: 'tyjs', name: 'Tarnwick youth justice service', kind: 'youth_justice', prefix: 'YJ', evp: 'YJE', lag: () => int(1, 8) * DAY, ind: 0.1 },
  { code: 'cpsnw', name: 'CPS North West (Cumbria unit)', kind: 'prosecutor', prefix: 'CPSV', evp: 'URN', lag: () => int(0, 3) * DAY + int(60, 400) * MIN, ind: 0 },
  { code: 'harbour', name: 'Harbourside Project (missing and exploitation charity)', kind: 'voluntary', prefix: 'HB', evp: 'HBE', lag: () => int(2, 11) * DAY, ind: 0.5 },
  { code: 'tcamhs', name: 'Copeland CAMHS', kind: 'health', prefix: 'CM', evp: 'CME', lag: () => int(1, 10) * DAY, ind: 0.05 },
];
const AG = Object.fromEntries(AGENCIES.map((a) => [a.code, a]));

// ---------- places ----------
const LET = 'ABDEFGHJLNPQRSTUWXYZ';
const pc = (out) => `${out} ${int(1, 9)}${pick([...LET])}${pick([...LET])}`;
const TOWNS = [
  { town: 'Tarnwick', out: ['CA28'], streets: ['Lowther Row', 'Strand Street', 'Harbour View', 'Kells Road', 'Mirehouse Close', 'Preston Street', 'Bransty Terrace', 'Hensingham Drive', 'Coach Road', 'Woodhouse Avenue'] },
  { town: 'Skelderby', out: ['CA14'], streets: ['Moorclose Road', 'Harrington Way', 'Salterbeck Drive', 'Vulcan Park Way', 'Seaton Crescent', 'Ashfield Road'] },
  { town: 'Brantholme', out: ['CA15'], streets: ['Ewanrigg Road', 'Netherton Close', 'Crosby Street', 'Curzon Street', 'Camp Road'] },
  { town: 'Calderfoot', out: ['CA22'], streets: ['Main Street', 'Ennerdale Road', 'Orgill Close', 'Beck Green'] },
  { town: 'Sandcliff', out: ['CA27'], streets: ['Beach Road', 'Priory Close', 'Outrigg', 'Hill Cottages'] },
  { town: 'Harrowhaven', out: ['CA25'], streets: ['Fell View', 'Pit Row', 'Quarry Lane', 'Bankend'] },
];
function address() {
  const t = TOWNS[rnd() < 0.45 ? 0 : int(1, TOWNS.length - 1)];
  return { line1: `${int(1, 140)} ${pick(t.streets)}`, town: t.town, postcode: pc(pick(t.out)) };
}
const HOT = [
  { name: 'Tarnwick bus station', postcode: 'CA28 7XB' },
  { name: 'Harbour car park, Tarnwick', postcode: 'CA28 6AZ' },
  { name: 'Flats, Lowther Row, Tarnwick', postcode: 'CA28 8LR' },
  { name: 'Takeaway, Strand Street, Tarnwick', postcode: 'CA28 7ST' },
  { name: 'Skelderby retail park', postcode: 'CA14 4RP' },
  { name: 'Sandcliff Sands caravan park', postcode: 'CA27 0SD' },
  { name: 'The Crown Hotel, Carlisle', postcode: 'CA1 1QS' },
  { name: 'Carlisle station', postcode: 'CA1 1QZ' },
  { name: 'Address on Abbey Road, Barrow-in-Furness', postcode: 'LA14 5QR' },
  { name: 'Liverpool Lime Street station', postcode: 'L1 1JD' },
  { name: 'Flat in Kirkdale, Liverpool', postcode: 'L4 3TE' },
  { name: 'Preston bus station', postcode: 'PR1 1YT' },
];
const CSE_HOT = HOT.slice(0, 8);
const CCE_HOT = [HOT[0], HOT[2], HOT[4], HOT[7], HOT[8], HOT[9], HOT[10], HOT[11]];
const ORDINARY_PLACES = [
  { name: 'McDonald\'s, Skelderby', postcode: 'CA14 4QA' },
  { name: 'Castle Park, Tarnwick', postcode: 'CA28 7NE' },
  { name: 'Tarnwick beach', postcode: 'CA28 9AB' },
  { name: 'Leisure centre, Tarnwick', postcode: 'CA28 6EZ' },
  { name: 'Friend\'s house, Brantholme', postcode: 'CA15 7HD' },
];

// ---------- names ----------
const GIRLS = ['Ava', 'Amelia', 'Chloe', 'Ellie', 'Emily', 'Grace', 'Holly', 'Isla', 'Jessica', 'Katie', 'Lily', 'Lucy', 'Megan', 'Mia', 'Millie', 'Olivia', 'Poppy', 'Ruby', 'Sophie', 'Summer', 'Tia', 'Abbie', 'Bethany', 'Caitlin', 'Demi', 'Evie', 'Faye', 'Georgia', 'Hannah', 'Imogen', 'Jade', 'Kiera', 'Lacey', 'Leah', 'Lexi', 'Macey', 'Molly', 'Nevaeh', 'Paige', 'Rosie', 'Shannon', 'Skye', 'Tegan', 'Zoe', 'Aleksandra', 'Zuzanna', 'Ayesha', 'Maryam', 'Ioana', 'Precious', 'Courtney', 'Jodie', 'Kayla', 'Harley', 'Brooke'];
const BOYS = ['Alfie', 'Archie', 'Ben', 'Bradley', 'Callum', 'Charlie', 'Connor', 'Daniel', 'Dylan', 'Ethan', 'Finley', 'Harry', 'Harvey', 'Jack', 'Jacob', 'Jake', 'James', 'Jamie', 'Jayden', 'Josh', 'Kai', 'Kian', 'Kyle', 'Leo', 'Lewis', 'Liam', 'Logan', 'Mason', 'Max', 'Nathan', 'Noah', 'Oliver', 'Owen', 'Reece', 'Riley', 'Ryan', 'Sam', 'Tyler', 'Zak', 'Brandon', 'Corey', 'Declan', 'Kacper', 'Szymon', 'Hamza', 'Bilal', 'Andrei', 'Tobi', 'Lennon', 'Cody'];
const NICK = { Alexander: 'Alex', Bethany: 'Beth', Daniel: 'Danny', Jessica: 'Jess', Katie: 'Kate', Rebecca: 'Becky', Josh: 'Joshua', Jake: 'Jakey', Bradley: 'Brad', Callum: 'Cal', Nathan: 'Nate', Samuel: 'Sam', Harley: 'Harls', Zuzanna: 'Zuza', Aleksandra: 'Ola', Tegan: 'Teg', Shannon: 'Shan', Charlie: 'Chaz', Owen: 'Ows' };
const SURN = ['Armstrong', 'Atkinson', 'Bell', 'Benn', 'Birkett', 'Bowness', 'Brannon', 'Burns', 'Carruthers', 'Casson', 'Clark', 'Cowan', 'Dickinson', 'Dixon', 'Elliot', 'Fell', 'Fisher', 'Fleming', 'Forsyth', 'Graham', 'Gunson', 'Hall', 'Harrison', 'Hewitson', 'Hodgson', 'Holliday', 'Irving', 'Jackson', 'Johnston', 'Kelly', 'Kennedy', 'Kirkbride', 'Lawson', 'Lightfoot', 'McAllister', 'McGuinness', 'McKenzie', 'Mossop', 'Murray', 'Nelson', 'Nicholson', 'Parker', 'Pattinson', 'Pennington', 'Relph', 'Ritson', 'Robinson', 'Routledge', 'Scott', 'Sharp', 'Steel', 'Stoddart', 'Taylor', 'Thompson', 'Tyson', 'Walker', 'Watson', 'Wilson', 'Wood', 'Woodall', 'Wright', 'Young', 'Kowalski', 'Nowak', 'Wiśniewski', 'Popescu', 'Hussain', 'Khan', 'Okafor', 'Mensah', 'O\'Neill', 'McMullen', 'Stephenson', 'Moore', 'Quayle', 'Rigg', 'Sewell', 'Tweddle', 'Walsh', 'Younghusband'];
const MEN = ['Darren', 'Wayne', 'Stuart', 'Lee', 'Gary', 'Ricky', 'Shaun', 'Craig', 'Dean', 'Jason', 'Paul', 'Kevin', 'Mohammed', 'Adrian', 'Tomasz', 'Jermaine', 'Carl', 'Scott'];

function nhs() {
  for (;;) {
    const d = [int(4, 9), ...Array.from({ length: 8 }, () => int(0, 9))];
    const sum = d.reduce((s, x, i) => s + x * (10 - i), 0);
    let c = 11 - (sum % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    const n = d.join('') + c;
    return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  }
}
const phone = () => `07700 900${String(int(0, 999)).padStart(3, '0')}`;
const REGL = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const vrm = () => `${pick(['PN', 'PO', 'PK', 'YH', 'ML', 'SF', 'LV', 'MA'])}${pick(['15', '16', '65', '17', '67', '18', '68', '19', '69', '20', '70'])} ${pick([...REGL])}${pick([...REGL])}${pick([...REGL])}`;

// ---------- store ----------
const objects = []; // {agency, rec (ms), obj}
const sidCounters = {};
const personSid = new Map(); // `${agency}|${personKey}` -> sid
const personNeeded = new Map(); // same key -> earliest rec ms referencing it
const people = new Map(); // personKey -> person (child or adult)
function sidFor(agency, p) {
  const k = `${agency}|${p.key}`;
  if (!personSid.has(k)) {
    sidCounters[agency] = (sidCounters[agency] ?? int(1000, 5000)) + int(1, 9);
    personSid.set(k, `${AG[agency].prefix}${sidCounters[agency]}`);
  }
  return personSid.get(k);
}
function need(agency, p, rec) {
  const k = `${agency}|${p.key}`;
  const s = sidFor(agency, p);
  if (!personNeeded.has(k) || personNeeded.get(k) > rec) personNeeded.set(k, rec);
  return s;
}
let evCount = 0;
const evSid = (agency) => `${AG[agency].evp}-${String(++evCount).padStart(6, '0')}${agency === 'tpol' ? '/' + int(10, 99) : ''}`;

// add an event; returns {sid, rec} or null when it would be recorded after END / before START
function ev(agency, kid, kind, occ, o = {}) {
  if (occ < START - 400 * DAY) return null;
  let rec = o.rec ?? occ + AG[agency].lag();
  if (o.ended && rec < o.ended) rec = o.ended + AG[agency].lag();
  rec = safe(rec);
  if (rec > END || rec < START) return null;
  const sid = o.sid ?? evSid(agency);
  const e = { type: 'event', agency, source_id: sid, kind, subject: need(agency, kid, rec), occurred_at: fmt(occ) };
  if (o.ended) e.ended_at = fmt(o.ended);
  for (const f of ['missing_from', 'risk_grading', 'reported_by', 'last_seen', 'episode', 'status', 'reason', 'child_account', 'outcome', 'rationale', 'restricted']) if (o[f] !== undefined) e[f] = o[f];
  e.summary = o.summary;
  if (o.details) e.details = o.details;
  const inds = (o.ind ?? []).filter(() => chance(o.indP ?? Math.max(AG[agency].ind, o.indFloor ?? 0) * 1.6));
  if (AG[agency].ind > 0 && inds.length) e.indicators = [...new Set(inds)];
  const inv = [];
  for (const x of o.involves ?? []) {
    if (x.person) inv.push({ person: need(agency, x.person, rec), role: x.role });
    else inv.push(x);
  }
  if (inv.length) e.involves = inv;
  if (o.recorded_by) e.recorded_by = o.recorded_by;
  e.recorded_at = fmt(rec);
  objects.push({ agency, rec, obj: e });
  return { sid, rec, occ };
}
function rel(agency, from, to, kind, rec, o = {}) {
  rec = safe(rec);
  if (rec > END || rec < START) return;
  const r = { type: 'relationship', agency, source_id: `R-${++evCount}`, from: need(agency, from, rec), to: need(agency, to, rec), kind };
  if (o.since) r.since = o.since;
  if (o.reliability) r.reliability = o.reliability;
  if (o.note) r.note = o.note;
  r.recorded_at = fmt(rec);
  objects.push({ agency, rec, obj: r });
}

// ---------- people ----------
let keyN = 0;
const usedNames = new Set();
function newChild(sex, dob, fam) {
  let given;
  let family;
  for (let i = 0; i < 50; i++) {
    given = pick(sex === 'female' ? GIRLS : BOYS);
    family = fam?.family ?? pick(SURN);
    if (!usedNames.has(`${given} ${family} ${fmtD(dob)}`)) break;
  }
  usedNames.add(`${given} ${family} ${fmtD(dob)}`);
  const kid = {
    key: `T8-${String(++keyN).padStart(4, '0')}`, isChild: true, given, family, sex, dob,
    addr: fam?.addr ?? address(), nhs: nhs(), phone: chance(0.5) ? phone() : null,
    moveAt: chance(0.3) ? T('2016-01-01') + Math.floor(rnd() * 8 * YEAR) : null, addr2: null,
  };
  if (kid.moveAt) kid.addr2 = address();
  people.set(kid.key, kid);
  return kid;
}
let adultN = 0;
function newAdult(o = {}) {
  const a = {
    key: `T8-A${String(++adultN).padStart(3, '0')}`, isChild: false, given: o.given ?? pick(MEN), family: o.family ?? pick(SURN), sex: o.sex ?? 'male',
    dob: T(`${int(1968, 1998)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`), addr: address(), nhs: null,
    phone: phone(), vehicle: vrm(), handle: o.handle, nick: o.nick, role: o.role,
  };
  people.set(a.key, a);
  return a;
}
const addrAt = (p, ms) => (p.moveAt && ms >= p.moveAt ? p.addr2 : p.addr);

function personObj(agency, p, rec) {
  const o = { type: 'person', agency, source_id: personSid.get(`${agency}|${p.key}`) };
  let given = p.given;
  let family = p.family;
  if (p.isChild && agency === 'harbour' && NICK[given] && chance(0.5)) given = NICK[given];
  if (agency === 'tpol' && chance(0.15)) (given = given.toUpperCase()), (family = family.toUpperCase());
  if (agency === 'tsh' && chance(0.3)) family = undefined;
  o.given_name = given;
  if (family) o.family_name = family;
  if (!p.isChild && p.nick) o.other_names = [p.nick];
  // date of birth
  const dob = fmtD(p.dob);
  if (agency === 'harbour' && chance(0.2)) {
    /* not known */
  } else if (!p.isChild && agency === 'tcsc' && chance(0.5)) o.date_of_birth = dob.slice(0, 4);
  else if (agency === 'tpol' && p.isChild && chance(0.02)) {
    const [y, m, d] = dob.split('-');
    o.date_of_birth = Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : dob; // day/month swapped
  } else o.date_of_birth = dob;
  o.sex = agency === 'tpol' && chance(0.06) ? 'unknown' : p.sex;
  if (p.isChild && ['tcsc', 'wced', 'cgp', 'tcamhs', 'tsh'].includes(agency) && chance(agency === 'tcsc' ? 0.6 : 0.9)) o.nhs_number = p.nhs;
  if (!(agency === 'tpol' && chance(0.12)) && !(agency === 'tsh' && chance(0.5))) {
    const a = addrAt(p, rec);
    o.address = { ...a };
    if (agency === 'tcsc' && p.lacAt && rec >= p.lacAt) o.address.confidential = true;
  }
  if (p.phone && ['tpol', 'harbour', 'tsh'].includes(agency) && chance(0.6)) o.phone = p.phone;
  if (!p.isChild) o.is_child = false;
  o.recorded_at = fmt(rec);
  return o;
}

// ---------- children and adults of concern ----------
const kids = [];
const profiles = [];
const truthFirst = new Map(); // key -> rec ms of first exploitation record

const CSE_ADULTS = Array.from({ length: 8 }, (_, i) => newAdult({ nick: pick(['Deano', 'Uncle Tee', 'Smiley', 'Big G', 'Rocky', 'Taz', 'Jonno', 'Kev the Cab']) + (i > 5 ? ' ' + i : ''), handle: `${pick(['d', 'tee', 'smile', 'g', 'rx', 'tz', 'jon', 'kv'])}${int(10, 99)}@snapchat`, role: 'cse' }));
const CCE_ADULTS = Array.from({ length: 6 }, (_, i) => newAdult({ nick: pick(['Scouse Tony', 'Benz', 'K', 'Ghost', 'Money', 'Dotty']) + (i > 4 ? ' ' + i : ''), role: 'cce' }));
const LINE = ['"Tony" line', '"Benz" line', '"K" line', '"Ghost" line', '"Money" line', '"Dotty" line'];
CCE_ADULTS.forEach((a, i) => (a.line = LINE[i]));
const adultUse = new Map();
function adultFor(type) {
  const pool = type === 'cse' ? CSE_ADULTS : CCE_ADULTS;
  const cand = pool.filter((a) => (adultUse.get(a.key) ?? 0) < 5);
  const a = pick(cand.length ? cand : pool);
  adultUse.set(a.key, (adultUse.get(a.key) ?? 0) + 1);
  return a;
}
const involveAdult = (a, role, withVehicle = true) => {
  const v = [{ person: a, role }];
  if (withVehicle && chance(0.5)) v.push({ vehicle: a.vehicle });
  if (chance(0.3)) v.push({ phone: a.phone });
  if (a.handle && chance(0.3)) v.push({ online: a.handle });
  return v;
};

// missing episode at police (+ return interview at harbour); returns the police event
function missing(kid, t, o) {
  const dur = o.dur ?? int(4, 40) * HOUR;
  const occ = atHour(t, o.night ? 17 : 9, o.night ? 23 : 21);
  const end = occ + dur;
  const found = o.found;
  const inv = [];
  if (found) inv.push({ location: found, role: 'found_at' });
  if (o.foundWith) inv.push({ person: o.foundWith, role: 'found_with' });
  if (o.foundWithVehicle) inv.push({ vehicle: o.foundWithVehicle });
  const sid = evSid('tpol');
  const rep = safe(occ + int(60, 300) * MIN);
  const o2 = {
    sid, ended: end, missing_from: o.from ?? 'home', risk_grading: o.grading ?? 'medium', reported_by: o.reportedBy ?? pick(['mother', 'carer', 'father', 'grandmother']),
    last_seen: o.lastSeen ?? pick(['leaving home after tea', 'at the bus stop on Kells Road', 'walking towards the town centre', 'outside school at 15:20', 'in the park with friends']),
    summary: o.summary, details: o.details, ind: o.ind ?? ['missing'], indFloor: o.indFloor, involves: inv, rec: end + int(30, 240) * MIN,
  };
  // 35%: first version at the report, then the found version
  if (chance(0.35) && rep < END && rep > START) {
    const first = { type: 'event', agency: 'tpol', source_id: sid, kind: 'missing_episode', subject: need('tpol', kid, rep), occurred_at: fmt(occ), missing_from: o2.missing_from, risk_grading: o2.risk_grading, reported_by: o2.reported_by, last_seen: o2.last_seen, summary: `Reported missing: ${kid.given} ${kid.family}`, recorded_at: fmt(rep) };
    if (end > rep) objects.push({ agency: 'tpol', rec: rep, obj: first });
  }
  const r = ev('tpol', kid, 'missing_episode', occ, o2);
  if (r && o.csc && chance(0.5)) ev('tcsc', kid, 'missing_episode', occ, { ended: end, missing_from: o2.missing_from, summary: 'Missing from placement (recorded by the placement team)', risk_grading: o2.risk_grading });
  if (r && o.ri !== false) {
    const done = chance(o.riDone ?? 0.6);
    const rt = end + int(20, 140) * HOUR;
    if (done)
      ev('harbour', kid, 'return_interview', rt, { episode: `tpol:${sid}`, status: 'done', child_account: o.account ?? pick(['I was just with mates', 'Don\'t want to say', 'I was at a friend\'s, I lost track of time', 'Went to see my dad']), summary: 'Return home interview', ind: o.riInd ?? [], indFloor: o.riInd ? 0.5 : 0 });
    else ev('harbour', kid, 'return_interview', rt, { episode: `tpol:${sid}`, status: chance(0.6) ? 'declined' : 'not_held', reason: pick(['Young person did not want to speak to a worker', 'Not at home on three visits', 'Parent declined on the child\'s behalf', 'Referral received after 72 hours']), summary: 'Return home interview offered' });
  }
  return r;
}

// ---------- exploited children ----------
const INTENS = [...Array(10).fill('strong'), ...Array(13).fill('medium'), ...Array(8).fill('subtle'), ...Array(6).fill('late'), ...Array(5).fill('oneagency'), ...Array(2).fill('none')];
const TYPES = shuffle([...Array(26).fill('cse'), ...Array(18).fill('cce')]);
shuffle(INTENS);
const exploitedKids = [];

function signCSE(kid, t, adult, agencyOnly) {
  const hot = pick(CSE_HOT);
  const she = kid.sex === 'female' ? 'she' : 'he';
  const opts = [
    ['tedu', () => ev('tedu', kid, 'concern', atHour(t, 15, 17), { summary: 'DSL log: seen getting into a car outside the school gates', details: `${kid.given} was seen by a member of staff getting into a car driven by an older male at 15:25. Registration noted by staff. Parent informed.`, involves: chance(0.7) ? [{ vehicle: adult.vehicle }] : [] })],
    ['tedu', () => ev('tedu', kid, 'school_absence', atHour(t, 9, 12), { summary: 'Unexplained absence', details: `${int(3, 9)} sessions missed this fortnight; parent says ${kid.given} left for school as usual.` })],
    ['tedu', () => ev('tedu', kid, 'concern', atHour(t, 10, 15), { summary: 'DSL log: new phone and money', details: `Friends report ${kid.given} has a second phone and is being bought vapes and food by "a lad with a car". Tired and withdrawn in lessons.` })],
    ['wced', () => ev('wced', kid, 'health_attendance', atHour(t, 0, 4) + DAY, { summary: 'Brought in by ambulance, intoxicated', details: `Found intoxicated near ${hot.name}. Unable to say who ${she} had been drinking with. Discharged to mother at 06:10.`, ind: ['alcohol_misuse', 'hotspot_location'] })],
    ['tsh', () => ev('tsh', kid, 'sexual_health', atHour(t, 10, 17), { summary: 'Attended for testing and emergency contraception', details: `Declined to give partner's age or name. Came with an older female friend.`, ind: ['sti', 'older_associates'] })],
    ['cgp', () => ev('cgp', kid, 'note', atHour(t, 9, 17), { summary: 'Consultation: tiredness, weight loss', details: 'Mother concerned about weight loss and staying out. Patient quiet, phone buzzing throughout. Bloods requested.' })],
    ['tcsc', () => ev('tcsc', kid, 'contact_referral', atHour(t, 9, 17), { summary: 'Contact from parent: staying out, older friends', details: `Mum reports ${kid.given} is staying out until 2-3am, has new clothes and a phone ${she} did not buy, and mentions a friend called "${adult.nick}".`, ind: ['staying_out_late', 'gifts_money', 'older_associates'] })],
    ['tpol', () => ev('tpol', kid, 'intelligence', atHour(t, 19, 23), { summary: 'Intelligence: child seen in vehicle with adult males', details: `${kid.given} seen in the rear of a car at ${hot.name} with two adult males, approx 23:00.`, involves: [...involveAdult(adult, 'associate'), { location: hot }], ind: ['vehicle_unknown_adults', 'hotspot_location', 'older_associates'] })],
    ['tpol', () => ev('tpol', kid, 'note', atHour(t, 0, 3) + DAY, { summary: 'Stop check: child in car with adult male', details: `Vehicle stopped on Coach Road 01:20. Front passenger ${kid.given} ${kid.family}, driver adult male who said he was "giving ${kid.sex === 'female' ? 'her' : 'him'} a lift home". Child taken home.`, involves: [{ person: adult, role: 'associate' }, { vehicle: adult.vehicle }], ind: ['vehicle_unknown_adults', 'staying_out_late'] })],
    ['harbour', () => ev('harbour', kid, 'concern', atHour(t, 18, 22), { summary: 'Outreach: child seen at hotspot', details: `Outreach workers saw ${kid.given} with adult men at ${hot.name}; ${she} said ${she} was "waiting for a mate".`, involves: [{ location: hot }], ind: ['hotspot_location', 'older_associates'] })],
    ['tcamhs', () => ev('tcamhs', kid, 'assessment', atHour(t, 9, 16), { summary: 'CAMHS choice appointment', details: 'Low mood, poor sleep, self-harm by cutting in the last month. Guarded about friendships.', outcome: 'Partnership appointments offered', ind: ['self_harm', 'low_self_esteem'] })],
    ['wced', () => ev('wced', kid, 'self_harm', atHour(t, 20, 23), { summary: 'Overdose of paracetamol', details: 'Took 12 tablets after an argument on the phone; would not say with whom.', ind: ['self_harm'] })],
    ['tyjs', () => ev('tyjs', kid, 'youth_justice', atHour(t, 9, 16), { summary: 'Out-of-court disposal: assault on a peer', details: 'Fight outside a party in Skelderby. Worker notes older associates and late nights.', ind: ['older_associates'] })],
  ];
  const list = agencyOnly ? opts.filter((o) => o[0] === agencyOnly) : opts;
  return pick(list)[1]();
}
function signCCE(kid, t, adult, agencyOnly) {
  const hot = pick(CCE_HOT);
  const city = pick(['Liverpool', 'Barrow', 'Carlisle', 'Preston', 'Workington']);
  const opts = [
    ['tedu', () => ev('tedu', kid, 'school_exclusion', atHour(t, 10, 15), { summary: 'Fixed-term exclusion, 5 days', details: `Found with £${int(150, 600)} in cash and two phones; abusive to staff when asked about them.` })],
    ['tedu', () => ev('tedu', kid, 'school_absence', atHour(t, 9, 12), { summary: 'Unexplained absence', details: `${int(4, 10)} sessions missed; seen in town during school hours.` })],
    ['tedu', () => ev('tedu', kid, 'education_change', atHour(t, 9, 15), { summary: 'Managed move to the pupil referral unit', details: 'Persistent disruption, vaping cannabis on site, new older friends collecting him at lunch.' })],
    ['tpol', () => ev('tpol', kid, 'arrest', atHour(t, 14, 23), { summary: 'Arrested: possession of cannabis, found with cash', details: `Stopped at ${hot.name}. ${int(3, 9)} wraps of cannabis, £${int(80, 400)}, two phones (one a basic handset).`, involves: [{ location: hot }, ...(chance(0.5) ? [{ phone: adult.phone }] : [])], ind: ['drug_misuse', 'hotspot_location'] })],
    ['tpol', () => ev('tpol', kid, 'intelligence', atHour(t, 10, 22), { summary: 'Intelligence: child linked to a deal line', details: `Handset attributed to ${kid.given} in contact with the ${adult.line} number. Seen at ${hot.name}.`, involves: [{ person: adult, role: 'associate' }, { phone: adult.phone }], ind: ['older_associates', 'concerning_phone_use'] })],
    ['tyjs', () => ev('tyjs', kid, 'youth_justice', atHour(t, 9, 16), { summary: 'Referral order: possession of cannabis', details: 'First offence. Worker notes new clothes and trainers the family cannot explain.', ind: ['drug_misuse', 'gifts_money'] })],
    ['wced', () => ev('wced', kid, 'health_attendance', atHour(t, 0, 4) + DAY, { summary: 'Laceration to hand', details: `Says he "fell on glass". Brought by an adult male who left before triage.`, ind: ['unexplained_injury'] })],
    ['tcsc', () => ev('tcsc', kid, 'contact_referral', atHour(t, 9, 17), { summary: 'Contact from parent: not coming home, money', details: `Mum reports ${kid.given} has been away overnight twice, came back with £200 and new trainers, and gets calls at all hours.`, ind: ['gifts_money', 'staying_out_late', 'unknown_callers'] })],
    ['harbour', () => ev('harbour', kid, 'concern', atHour(t, 15, 21), { summary: 'Youth worker: concern about older associates', details: `${kid.given} talked about "doing jobs" for someone older and going to ${city}. Would not say more.`, ind: ['older_associates'] })],
    ['cgp', () => ev('cgp', kid, 'note', atHour(t, 9, 17), { summary: 'Consultation: poor sleep, anxiety', details: 'Mother reports he is out until late and anxious about his phone. Sleep hygiene advice.' })],
    ['tpol', () => ev('tpol', kid, 'note', atHour(t, 20, 23), { summary: 'Stop search: nothing found', details: `Stopped with two older males near ${hot.name}. Nothing found. Child gave false name at first.`, involves: [{ person: adult, role: 'associate' }, { location: hot }], ind: ['older_associates', 'hotspot_location'] })],
    ['wced', () => ev('wced', kid, 'substance_misuse', atHour(t, 21, 23), { summary: 'Attendance: cannabis and alcohol', details: 'Vomiting after smoking cannabis with friends; unclear where obtained.', ind: ['drug_misuse'] })],
  ];
  const list = agencyOnly ? opts.filter((o) => o[0] === agencyOnly) : opts;
  return pick(list)[1]();
}

for (let i = 0; i < 44; i++) {
  const type = TYPES[i];
  const intensity = INTENS[i];
  const sex = type === 'cse' ? (chance(0.82) ? 'female' : 'male') : chance(0.8) ? 'male' : 'female';
  const tx0 = T('2016-07-15') + Math.floor(rnd() * (T('2024-12-10') - T('2016-07-15')));
  const age = type === 'cse' ? 12.5 + rnd() * 5 : 13.5 + rnd() * 4;
  const dob = Math.floor((tx0 - age * YEAR) / DAY) * DAY;
  const kid = newChild(sex, dob);
  kid.exploited = true;
  kid.type = type;
  kid.intensity = intensity;
  kid.tx0 = tx0;
  const adult = adultFor(type);
  kid.adult = adult;
  exploitedKids.push(kid);
  kids.push(kid);
}

function buildExploited(kid) {
  const { type, intensity, adult, tx0 } = kid;
  const sign = type === 'cse' ? signCSE : signCCE;
  // background (none for the one-agency children: everything before the first exploitation record is at one agency)
  const bg = intensity !== 'oneagency';
  if (bg && chance(0.4)) {
    const t = tx0 - int(2, 6) * YEAR;
    if (ageAt(kid, t) > 3) {
      ev('tcsc', kid, 'contact_referral', atHour(t, 9, 17), { summary: pick(['Police notification: domestic incident at home', 'Contact from school: neglect concerns', 'Contact from health visitor: home conditions']), ind: ['domestic_abuse_at_home', 'family_breakdown'] });
      ev('tcsc', kid, 'assessment', atHour(t + int(20, 40) * DAY, 9, 17), { summary: 'Child and family assessment', outcome: pick(['Early help offered', 'No further action', 'Child in need plan']) });
    }
  }
  if (bg && chance(0.3)) ev('tpol', kid, 'note', atHour(tx0 - int(300, 1500) * DAY, 18, 23), { summary: 'Domestic incident: child present (Operation Encompass notification sent)', ind: ['domestic_abuse_at_home'] });
  if (bg && chance(0.2)) {
    const t = tx0 - int(60, 360) * DAY;
    kid.lacAt = t;
    ev('tcsc', kid, 'looked_after_start', atHour(t, 10, 18), { summary: 'Accommodated under section 20; placed at Fellside children\'s home', ind: ['looked_after'] });
  }
  // signs
  let n = 0;
  let span = 0;
  let nMiss = 0;
  let only = null;
  if (intensity === 'strong') (n = int(6, 11)), (span = int(9, 30) * 30 * DAY), (nMiss = int(3, 6));
  else if (intensity === 'medium') (n = int(3, 6)), (span = int(4, 18) * 30 * DAY), (nMiss = int(1, 3));
  else if (intensity === 'subtle') (n = int(1, 3)), (span = int(3, 15) * 30 * DAY), (nMiss = 0);
  else if (intensity === 'late') (n = int(2, 4)), (span = int(2, 12) * 7 * DAY), (nMiss = chance(0.5) ? 1 : 0);
  else if (intensity === 'oneagency') {
    n = int(3, 6);
    span = int(4, 16) * 30 * DAY;
    only = type === 'cse' ? pick(['tedu', 'tsh', 'tpol', 'harbour']) : pick(['tedu', 'tyjs', 'tpol']);
    nMiss = only === 'tpol' ? int(1, 3) : 0;
  }
  kid.onlyAgency = only;
  const times = [];
  for (let j = 0; j < n; j++) times.push(tx0 - 3 * DAY - Math.floor(rnd() * span));
  times.sort((a, b) => a - b);
  for (const t of times) {
    if (intensity === 'subtle') {
      // quiet signs: a GP note, an absence, a youth worker, a taxi from school
      const q = pick(['cgp', 'tedu', 'harbour', 'tedu-taxi']);
      if (q === 'tedu-taxi') ev('tedu', kid, 'note', atHour(t, 15, 16), { summary: 'Office note: collected by a taxi', details: `${kid.given} was collected by a prepaid taxi at the end of the day; parent did not know who booked it.` });
      else sign(kid, t, adult, q);
    } else if (only === 'tsh') ev('tsh', kid, 'sexual_health', atHour(t, 10, 17), { summary: pick(['Attended for testing', 'Emergency contraception', 'Chlamydia treatment', 'Pregnancy test']), details: pick(['Partner "older", would not give age.', 'Brought by an adult man who waited outside in a car.', 'Third attendance this year. Phone kept ringing.', `Says ${kid.sex === 'female' ? 'she has' : 'he has'} "a few" partners.`]), ind: ['sti', 'older_associates'] });
    else sign(kid, t, adult, only ?? undefined);
  }
  // missing episodes with shrinking gaps
  for (let j = 0; j < nMiss; j++) {
    const frac = Math.pow(1 - j / nMiss, 1.8);
    const t = tx0 - 2 * DAY - Math.floor(span * frac * (0.85 + rnd() * 0.15));
    const late = j >= nMiss - 2 && intensity === 'strong';
    const hot = type === 'cse' ? pick(CSE_HOT) : pick(CCE_HOT);
    const atHot = chance(intensity === 'strong' ? 0.75 : 0.45);
    missing(kid, t, {
      night: true, grading: late ? 'high' : pick(['low', 'medium', 'medium']), from: kid.lacAt && t > kid.lacAt ? 'care_placement' : 'home',
      found: atHot ? hot : pick(ORDINARY_PLACES), foundWith: atHot && chance(0.4) ? adult : null, foundWithVehicle: atHot && chance(0.25) ? adult.vehicle : null,
      summary: type === 'cce' && atHot ? `Missing overnight, found at ${hot.name}` : 'Missing overnight',
      details: type === 'cce' && atHot ? `Had £140 and a second phone. Would not say how ${kid.sex === 'female' ? 'she' : 'he'} got there.` : atHot ? 'Found with older males; would not give their names.' : `Returned by ${kid.sex === 'female' ? 'herself' : 'himself'} in the morning.`,
      ind: atHot ? ['missing', 'hotspot_location', 'older_associates'] : ['missing'], dur: int(8, 60) * HOUR, csc: !!kid.lacAt,
      ri: only === 'tpol' ? false : true, riDone: 0.45, account: pick(['I was with my boyfriend', 'Just went for a drive with some lads', 'I\'m not saying', 'Staying at a mate\'s', 'Went to Liverpool to see someone']),
      riInd: atHot ? ['older_associates'] : undefined,
    });
  }
  // an earlier strategy discussion that did not meet the threshold
  if ((intensity === 'strong' || intensity === 'medium') && chance(0.55)) {
    const t = tx0 - int(30, 200) * DAY;
    ev('tcsc', kid, 'strategy_discussion', atHour(t, 9, 16), { summary: 'Strategy discussion', outcome: pick(['Threshold for section 47 not met; single-agency follow-up by school', 'No evidence of exploitation at present; keep under review', 'Early help; revisit if further missing']), ind: ['missing', 'older_associates'] });
  }
  if (type === 'cse' && chance(0.35)) rel('tcsc', kid, adult, 'claimed_partner', atHour(tx0 - int(20, 200) * DAY, 10, 17), { reliability: 'tentative', note: `${kid.given} calls him her boyfriend; he is about ${int(22, 38)}` });
  // the first exploitation record
  let first;
  const r = rnd();
  const txTime = atHour(tx0, 9, 20);
  if (type === 'cse') {
    if (r < 0.55)
      first = ev('tpol', kid, 'crime_report', txTime, { rec: txTime + int(30, 300) * MIN, summary: pick(['Sexual activity with a child (CSE)', 'Rape of a child under 16 (CSE)', 'Causing a child to engage in sexual activity (CSE)', 'Paying for the sexual services of a child']), details: `${kid.given} disclosed to officers that ${adult.given} ${adult.family} and other men have been abusing her. Flagged CSE.`, involves: involveAdult(adult, 'suspect'), ind: ['older_associates'] });
    else first = ev('tcsc', kid, 'strategy_discussion', txTime, { rec: txTime + int(1, 5) * DAY, summary: 'Strategy discussion: child sexual exploitation', outcome: 'Section 47 enquiry: the child is being sexually exploited', involves: [{ person: adult, role: 'suspect' }] });
  } else if (r < 0.4)
    first = ev('tpol', kid, 'crime_report', txTime, { rec: txTime + int(30, 300) * MIN, summary: 'Modern slavery: child criminal exploitation (county lines)', details: `${kid.given} found in a cuckooed flat, holding drugs for the ${adult.line}. Treated as a victim.`, involves: [...involveAdult(adult, 'suspect', false), { location: pick(CCE_HOT) }] });
  else if (r < 0.7) first = ev('tcsc', kid, 'strategy_discussion', txTime, { rec: txTime + int(1, 5) * DAY, summary: 'Strategy discussion: child criminal exploitation', outcome: 'Section 47 enquiry: the child is being criminally exploited', involves: [{ person: adult, role: 'suspect' }] });
  else first = ev('tyjs', kid, 'concern', txTime, { rec: txTime + int(1, 6) * DAY, summary: 'NRM referral: child criminal exploitation', details: `Worker submitted a National Referral Mechanism referral: ${kid.given} is being criminally exploited by the ${adult.line}.` });
  if (!first) throw new Error('first exploitation record out of range for ' + kid.key);
  truthFirst.set(kid.key, first.rec);
  kid.tx = first.rec;
  // after
  if (chance(0.5)) ev('cpsnw', kid, 'charging_decision', first.occ + int(60, 300) * DAY, { summary: 'Charging decision', outcome: pick(['charge', 'charge', 'further_evidence_needed', 'no_further_action']), rationale: 'Reviewed under the CPS guidance on child sexual and criminal exploitation.', involves: [{ person: adult, role: 'suspect' }] });
  if (chance(0.6)) ev('tcsc', kid, 'cp_plan_start', first.occ + int(20, 50) * DAY, { summary: 'Child protection plan: risk outside the home (exploitation)' });
  if (chance(0.5)) missing(kid, first.occ + int(20, 200) * DAY, { night: true, grading: 'high', found: pick(HOT), summary: 'Missing overnight', ind: ['missing'], riDone: 0.5 });
}
exploitedKids.forEach(buildExploited);

// ---------- never exploited ----------
const NEG = [
  ['ordinary', 170], ['neglect_cp', 40], ['missing_to_family', 35], ['offending', 40], ['excluded_pru', 30], ['mental_health', 30], ['residential_curfew', 25],
  ['teen_sexual_health', 30], ['domestic_abuse', 25], ['alcohol_cannabis_peers', 20], ['sibling_of_exploited', 15], ['friend_of_exploited', 10],
  ['car_with_relative_or_coach', 12], ['autism_wandering', 12], ['peer_images', 12],
];
const TEEN = new Set(['offending', 'excluded_pru', 'mental_health', 'residential_curfew', 'teen_sexual_health', 'alcohol_cannabis_peers', 'car_with_relative_or_coach', 'peer_images', 'autism_wandering']);
function negDob(profile) {
  const [y0, y1] = TEEN.has(profile) ? [2000, 2008] : [2001, 2013];
  return T(`${int(y0, y1)}-01-01`) + Math.floor(rnd() * 365) * DAY;
}
// a time when the child is between a0 and a1 years old, inside the window
function tAge(kid, a0, a1) {
  const lo = Math.max(START + 5 * DAY, kid.dob + a0 * YEAR);
  const hi = Math.min(END - 20 * DAY, kid.dob + a1 * YEAR);
  if (hi <= lo) return null;
  return lo + Math.floor(rnd() * (hi - lo));
}
const negKids = [];
for (const [profile, count] of NEG) {
  for (let i = 0; i < count; i++) {
    let fam = null;
    let sex = chance(0.5) ? 'female' : 'male';
    let dob = negDob(profile);
    let linked = null;
    if (profile === 'sibling_of_exploited' || profile === 'friend_of_exploited') {
      linked = pick(exploitedKids);
      if (profile === 'sibling_of_exploited') {
        fam = { family: linked.family, addr: linked.addr };
        dob = linked.dob + (chance(0.5) ? 1 : -1) * int(400, 1800) * DAY;
      } else dob = linked.dob + int(-200, 200) * DAY;
      if (profile === 'friend_of_exploited') sex = linked.sex;
    }
    if (profile === 'teen_sexual_health' && chance(0.7)) sex = 'female';
    if (profile === 'autism_wandering' && chance(0.75)) sex = 'male';
    const kid = newChild(sex, dob, fam);
    kid.exploited = false;
    kid.profile = profile;
    kid.linked = linked;
    negKids.push(kid);
    kids.push(kid);
  }
}

function buildNeg(kid) {
  const p = kid.profile;
  const at = (a0, a1) => tAge(kid, a0, a1);
  const repeat = (k, a0, a1, f) => {
    for (let j = 0; j < k; j++) {
      const t = at(a0, a1);
      if (t) f(t, j);
    }
  };
  // everyone: sometimes an ED visit, a GP consultation or an absence
  let any = 0;
  const mark = (r) => (r ? any++ : 0);
  if (chance(0.45)) { const t = at(4, 17.9); if (t) mark(ev('wced', kid, 'health_attendance', atHour(t, 10, 21), { summary: pick(['Injury: fell from trampoline', 'Football injury, wrist', 'Asthma attack', 'Head injury playing rugby', 'Abdominal pain', 'Dog bite']) })); }
  if (chance(0.35)) { const t = at(5, 17.9); if (t) mark(ev('cgp', kid, 'note', atHour(t, 9, 17), { summary: pick(['Consultation: eczema', 'Consultation: sore throat', 'Consultation: headaches', 'Consultation: acne', 'Vaccination']) })); }
  if (chance(0.3)) { const t = at(6, 15.9); if (t) mark(ev('tedu', kid, 'school_absence', atHour(t, 9, 12), { summary: 'Absence', details: pick(['2 sessions, illness not evidenced', '4 sessions, family holiday in term time', '3 sessions, no reason given']) })); }
  switch (p) {
    case 'ordinary':
      if (!any) {
        const t = at(5, 17);
        if (t) ev(pick(['wced', 'cgp']), kid, 'health_attendance', atHour(t, 10, 20), { summary: pick(['Sprained ankle', 'Minor burn', 'Earache out of hours', 'Cut to knee']) });
      }
      if (chance(0.08)) { const t = at(10, 17); if (t) { const c = ev('tpol', kid, 'crime_report', atHour(t, 15, 21), { summary: 'Robbery of mobile phone by unknown youths', involves: [{ location: pick(ORDINARY_PLACES) }] }); if (c && chance(0.5)) ev('cpsnw', kid, 'charging_decision', c.occ + int(30, 90) * DAY, { summary: 'Charging decision', outcome: pick(['charge', 'no_further_action']), rationale: 'Identification evidence reviewed.' }); } }
      break;
    case 'neglect_cp': {
      const t0 = at(2, 14);
      if (!t0) break;
      ev('tcsc', kid, 'contact_referral', atHour(t0, 9, 17), { summary: 'Referral from school: neglect (hygiene, hunger, no uniform)', ind: ['substance_misuse_at_home', 'parental_mental_health'] });
      ev('tcsc', kid, 'assessment', atHour(t0 + int(15, 44) * DAY, 9, 17), { summary: 'Child and family assessment', outcome: 'Section 47 enquiry recommended' });
      ev('tcsc', kid, 'section47_enquiry', atHour(t0 + int(45, 60) * DAY, 9, 17), { summary: 'Section 47 enquiry: neglect' });
      if (chance(0.6)) {
        ev('tcsc', kid, 'cp_conference', atHour(t0 + int(62, 75) * DAY, 10, 15), { summary: 'Initial child protection conference', outcome: 'Child protection plan: neglect' });
        ev('tcsc', kid, 'cp_plan_start', atHour(t0 + int(62, 75) * DAY, 15, 17), { summary: 'Child protection plan: neglect' });
        ev('tcsc', kid, 'cp_plan_end', atHour(t0 + int(300, 700) * DAY, 10, 16), { summary: 'Plan ended; child in need' });
      }
      repeat(int(1, 4), 6, 16, (t) => ev('tedu', kid, 'school_absence', atHour(t, 9, 12), { summary: 'Persistent absence', details: `${int(6, 20)} sessions missed; home visit by attendance officer` }));
      if (chance(0.3)) { const t = at(1, 15); if (t) ev('cgp', kid, 'note', atHour(t, 9, 17), { summary: 'Missed immunisations; not brought to three appointments' }); }
      break;
    }
    case 'missing_to_family': {
      const k = int(2, 7);
      const dad = { name: `Father's address, ${pick(TOWNS).town}`, postcode: pc(pick(['CA28', 'CA14', 'CA15', 'LA14'])) };
      const base = at(10, 16.5);
      if (!base) break;
      for (let j = 0; j < k; j++) {
        const t = base + j * int(14, 120) * DAY;
        if (t > END - 30 * DAY) break;
        missing(kid, t, { night: chance(0.6), grading: pick(['no_apparent_risk', 'low', 'low', 'medium']), found: chance(0.7) ? dad : { name: 'Grandmother\'s house', postcode: pc('CA28') }, summary: 'Missing from home, found at family address', details: 'Went to see dad after an argument with mum; safe and well.', dur: int(3, 26) * HOUR, account: pick(['I just wanted to see my dad', 'Mum and me fell out', 'I was at nana\'s']), riDone: 0.7 });
      }
      if (chance(0.4)) ev('tcsc', kid, 'assessment', atHour(base + int(60, 200) * DAY, 9, 17), { summary: 'Child and family assessment: repeated missing', outcome: 'Family support; contact arrangements with father reviewed' });
      break;
    }
    case 'offending': {
      const offences = ['Shoplifting from Co-op', 'Criminal damage to a bus shelter', 'Common assault at school', 'Theft of a bicycle', 'Public order offence in the town centre', 'Taking a vehicle without consent (moped)', 'Assault on a peer at the leisure centre'];
      const k = int(1, 4);
      const t0 = at(11, 16.5);
      if (!t0) break;
      for (let j = 0; j < k; j++) {
        const t = t0 + j * int(40, 300) * DAY;
        if (t > END - 30 * DAY) break;
        const off = pick(offences);
        ev('tpol', kid, 'arrest', atHour(t, 13, 22), { summary: `Arrested: ${off}`, details: 'Interviewed with appropriate adult.' });
        if (chance(0.5)) ev('tpol', kid, 'charge', atHour(t + int(1, 20) * DAY, 10, 18), { summary: `Charged: ${off}` });
        ev('tyjs', kid, 'youth_justice', atHour(t + int(10, 50) * DAY, 9, 16), { summary: pick(['Youth caution', 'Youth conditional caution', 'Referral order, 6 months', 'Triage: restorative justice']), details: 'Peer-group offending; no indicators of exploitation identified.' });
      }
      if (chance(0.35)) ev('tedu', kid, 'school_exclusion', atHour(t0 + int(-90, 90) * DAY, 10, 15), { summary: 'Fixed-term exclusion, 3 days', details: 'Fighting.' });
      break;
    }
    case 'excluded_pru': {
      repeat(int(2, 4), 11, 15.5, (t) => ev('tedu', kid, 'school_exclusion', atHour(t, 10, 15), { summary: pick(['Fixed-term exclusion, 2 days', 'Fixed-term exclusion, 5 days']), details: pick(['Persistent defiance', 'Damage to property', 'Verbal abuse to staff', 'Vaping in toilets']) }));
      const t = at(12, 15.9);
      if (t) ev('tedu', kid, 'education_change', atHour(t, 9, 15), { summary: chance(0.6) ? 'Placed at the pupil referral unit' : 'Permanent exclusion', details: 'ADHD diagnosis; EHC needs assessment requested.' });
      repeat(int(1, 3), 12, 16, (t2) => ev('tedu', kid, 'school_absence', atHour(t2, 9, 12), { summary: 'Absence', details: `${int(4, 12)} sessions, at home with mum` }));
      if (chance(0.4)) { const t2 = at(10, 15); if (t2) ev('tcamhs', kid, 'assessment', atHour(t2, 9, 16), { summary: 'ADHD review', outcome: 'Medication reviewed' }); }
      break;
    }
    case 'mental_health': {
      repeat(int(1, 3), 12, 17.9, (t) => ev('wced', kid, 'self_harm', atHour(t, 16, 23), { summary: pick(['Overdose of paracetamol', 'Cuts to forearm requiring steri-strips', 'Ligature, no injury']), details: 'Exam stress and friendship difficulties; lives with both parents; referred to CAMHS.', ind: ['self_harm'] }));
      repeat(int(1, 3), 12, 17.9, (t) => ev('tcamhs', kid, 'assessment', atHour(t, 9, 16), { summary: pick(['CAMHS assessment: low mood', 'CAMHS: anxiety and panic', 'Eating disorder assessment']), outcome: 'Treatment offered', ind: ['low_self_esteem'] }));
      if (chance(0.3)) { const t = at(12, 17); if (t) ev('tedu', kid, 'school_absence', atHour(t, 9, 12), { summary: 'Absence: anxiety', details: 'Medical evidence provided' }); }
      break;
    }
    case 'residential_curfew': {
      const t0 = at(11, 15.5);
      if (!t0) break;
      kid.lacAt = t0;
      ev('tcsc', kid, 'looked_after_start', atHour(t0, 10, 18), { summary: 'Care order; placed at Beckview House residential home', ind: ['looked_after'] });
      if (chance(0.5)) ev('tcsc', kid, 'placement_move', atHour(t0 + int(90, 400) * DAY, 10, 17), { summary: 'Placement move' });
      const k = int(4, 11);
      for (let j = 0; j < k; j++) {
        const t = t0 + int(20, 900) * DAY;
        if (t > END - 20 * DAY || ageAt(kid, t) > 17.9) continue;
        missing(kid, t, { night: true, from: 'care_placement', grading: pick(['no_apparent_risk', 'low', 'low']), reportedBy: 'residential staff', found: chance(0.6) ? pick(ORDINARY_PLACES) : undefined, summary: `Absent past curfew, returned ${kid.sex === 'female' ? 'herself' : 'himself'}`, details: 'Was at a friend\'s house in Brantholme; returned 00:40.', dur: int(2, 6) * HOUR, csc: true, account: pick(['Just at my mate\'s, lost track of time', 'Didn\'t want to come back early', 'At the cinema in Skelderby']), riDone: 0.7 });
      }
      if (chance(0.5)) ev('tcsc', kid, 'strategy_discussion', atHour(t0 + int(200, 600) * DAY, 9, 16), { summary: 'Strategy discussion: repeated missing from placement', outcome: 'No indicators of exploitation; placement plan updated with curfew agreement' });
      break;
    }
    case 'teen_sexual_health': {
      repeat(int(1, 3), 15.5, 17.9, (t) => ev('tsh', kid, 'sexual_health', atHour(t, 10, 17), { summary: pick(['Contraception', 'Routine STI screen', 'Emergency contraception', 'Chlamydia treatment']), details: 'Partner same age, at the same college; no safeguarding concerns on the Spotting the Signs proforma.' }));
      if (chance(0.2)) { const t = at(16.5, 17.9); if (t) ev('tsh', kid, 'pregnancy', atHour(t, 10, 16), { summary: 'Pregnancy test positive; partner 17, supportive family' }); }
      break;
    }
    case 'domestic_abuse': {
      repeat(int(1, 4), 3, 16, (t) => {
        const r = ev('tpol', kid, 'note', atHour(t, 18, 23), { summary: 'Domestic incident: child present; Operation Encompass notification to school', ind: ['domestic_abuse_at_home'] });
        if (r && chance(0.5)) ev('tedu', kid, 'concern', atHour(t + DAY, 8, 10), { summary: 'Operation Encompass: key adult informed', details: 'Child quiet in class; offered time with the learning mentor.' });
      });
      const t = at(3, 15);
      if (t) {
        ev('tcsc', kid, 'contact_referral', atHour(t, 9, 17), { summary: 'Police notification: domestic abuse', ind: ['domestic_abuse_at_home'] });
        if (chance(0.6)) ev('tcsc', kid, 'assessment', atHour(t + int(20, 44) * DAY, 9, 17), { summary: 'Child and family assessment', outcome: pick(['Early help; MARAC referral for mother', 'Child in need plan']) });
        if (chance(0.25)) { const c = ev('tpol', kid, 'crime_report', atHour(t + 2 * DAY, 10, 18), { summary: 'Assault on a child by a parent (domestic)' }); if (c) ev('cpsnw', kid, 'charging_decision', c.occ + int(20, 80) * DAY, { summary: 'Charging decision', outcome: 'charge', rationale: 'Domestic abuse guidance applied.' }); }
      }
      break;
    }
    case 'alcohol_cannabis_peers': {
      repeat(int(1, 3), 13.5, 17.5, (t) => ev('wced', kid, 'health_attendance', atHour(t, 21, 23), { summary: 'Intoxicated, brought in by friends\' parent', details: 'Drinking vodka with school friends at Tarnwick beach after a party.', ind: ['alcohol_misuse'] }));
      if (chance(0.6)) { const t = at(13.5, 17.5); if (t) ev('tpol', kid, 'note', atHour(t, 20, 23), { summary: 'Youths drinking in Castle Park; alcohol seized, taken home', involves: [{ location: ORDINARY_PLACES[1] }] }); }
      if (chance(0.4)) { const t = at(14, 17); if (t) ev('tedu', kid, 'concern', atHour(t, 9, 15), { summary: 'Smelled of cannabis in period 1', details: 'Parents contacted; school nurse drop-in offered.' }); }
      break;
    }
    case 'sibling_of_exploited': {
      const l = kid.linked;
      const t = l.tx + int(5, 40) * DAY;
      if (t < END && ageAt(kid, t) > 0) ev('tcsc', kid, 'assessment', atHour(t, 9, 17), { summary: 'Assessment of sibling of a child at risk of exploitation', outcome: 'No indicators for this child; family support continues' });
      if (chance(0.5)) { const t2 = at(6, 16); if (t2) ev('tedu', kid, 'school_absence', atHour(t2, 9, 12), { summary: 'Absence', details: `${int(2, 6)} sessions; family in crisis` }); }
      break;
    }
    case 'friend_of_exploited': {
      const l = kid.linked;
      const t = l.tx - int(20, 200) * DAY;
      if (t > START && ageAt(kid, t) > 10) {
        missing(kid, t, { night: true, grading: 'medium', found: pick(l.type === 'cse' ? CSE_HOT : CCE_HOT), summary: 'Missing with a friend, found at a hotspot', details: 'Went with a friend; no adults present when found. Friend is known to be at risk.', dur: int(4, 14) * HOUR, ind: ['missing', 'peers_exploited'], account: 'I only went because my mate was going', riDone: 0.8 });
        ev('tcsc', kid, 'strategy_discussion', atHour(t + int(3, 15) * DAY, 9, 16), { summary: 'Strategy discussion: friend of a child at risk', outcome: 'No evidence this child is being exploited; school to monitor' });
      }
      break;
    }
    case 'car_with_relative_or_coach': {
      const who = pick(['uncle', 'rugby coach', 'mum\'s partner', 'older cousin (24)']);
      const man = newAdult({ family: who === 'uncle' || who.startsWith('older cousin') ? kid.family : undefined });
      const t = at(11, 16);
      if (!t) break;
      ev('tedu', kid, 'concern', atHour(t, 15, 16), { summary: 'DSL log: child seen getting into a car with an adult man', details: `Checked with parent: the man is the child's ${who}, collecting by arrangement. No concern.`, involves: [{ vehicle: man.vehicle }] });
      if (chance(0.6)) ev('tpol', kid, 'note', atHour(t + int(10, 200) * DAY, 20, 23), { summary: 'Stop check: child in car with adult male', details: `Driver is the child's ${who}; giving lift home from training. Parent confirmed.`, involves: [{ person: man, role: 'family' }, { vehicle: man.vehicle }], ind: ['vehicle_unknown_adults'], indP: 0.3 });
      break;
    }
    case 'autism_wandering': {
      const k = int(3, 7);
      const t0 = at(10, 15);
      if (!t0) break;
      for (let j = 0; j < k; j++) {
        const t = t0 + j * int(30, 200) * DAY;
        if (t > END - 30 * DAY || ageAt(kid, t) > 17.9) break;
        missing(kid, t, { night: false, grading: 'high', found: pick([HOT[0], HOT[7], { name: 'Tarnwick railway station', postcode: 'CA28 7NS' }]), summary: 'Missing: autistic child, high risk; found alone watching trains', details: 'Found alone, no adults involved; has a special interest in trains and buses.', dur: int(2, 8) * HOUR, ind: ['missing'], account: 'I wanted to see the Class 156', riDone: 0.6 });
      }
      ev('tcamhs', kid, 'assessment', atHour(t0 - int(30, 300) * DAY, 9, 16), { summary: 'Neurodevelopmental assessment', outcome: 'Autism diagnosis; learning disability (mild)' });
      break;
    }
    case 'peer_images': {
      const t = at(12.5, 16.5);
      if (!t) break;
      ev('tedu', kid, 'concern', atHour(t, 9, 15), { summary: 'Nude image shared between pupils in the same year', details: 'Image shared by a classmate (same age) in a group chat; UKCIS guidance followed, image deleted, parents informed.', ind: ['concerning_phone_use'] });
      if (chance(0.6)) ev('tpol', kid, 'note', atHour(t + int(1, 10) * DAY, 10, 17), { summary: 'Youth-produced sexual imagery between peers; outcome 21, no further action in the public interest' });
      break;
    }
  }
}
negKids.forEach(buildNeg);

// ---------- person records: each sent minutes before its first use ----------
for (const [k, rec] of personNeeded) {
  const [agency, key] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
  const p = people.get(key);
  let prec = Math.max(START - DAY, rec - int(2, 90) * MIN);
  if (safe(prec) !== prec) prec -= HOUR;
  objects.push({ agency, rec: prec, obj: personObj(agency, p, prec), person: true });
}

// ---------- write ----------
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'years'), { recursive: true });
objects.sort((a, b) => a.rec - b.rec || (b.person ? 1 : 0) - (a.person ? 1 : 0));
const files = new Map();
for (const o of objects) {
  const fy = fyOf(o.rec);
  const f = path.join('years', fy, `${o.agency}.ndjson`);
  if (!files.has(f)) files.set(f, []);
  const { agency, ...rest } = o.obj;
  files.get(f).push(JSON.stringify({ type: rest.type, agency, ...rest }));
}
const fys = [...new Set([...files.keys()].map((f) => f.split(path.sep)[1]))].sort();
for (const [f, lines] of files) {
  fs.mkdirSync(path.dirname(path.join(OUT, f)), { recursive: true });
  fs.writeFileSync(path.join(OUT, f), lines.join('\n') + '\n');
}
const sh = [
  '#!/bin/sh',
  '# Loads risk area r8 ("Tarnwick") into the database THREADLINE_DATA points at.',
  '# THREADLINE_CLI: how to run the CLI (default: threadline), e.g. THREADLINE_CLI="node bin/threadline.js".',
  'set -e',
  'DIR=$(cd "$(dirname "$0")" && pwd)',
  'CLI=${THREADLINE_CLI:-threadline}',
  '$CLI migrate',
  ...AGENCIES.map((a) => `$CLI agencies add ${a.code} --name "${a.name.replace(/"/g, '')}" --kind ${a.kind}`),
  ...fys.map((fy) => `$CLI import "$DIR"/years/${fy}/*.ndjson`),
  '',
];
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh.join('\n'));
fs.chmodSync(path.join(OUT, 'IMPORT.sh'), 0o755);

// truth: one row per agency person record of a child
const truth = ['person_key,agency,source_id,exploited,first_exploitation_recorded_at'];
const rows = [];
for (const [k] of personNeeded) {
  const [agency, key] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
  const p = people.get(key);
  if (!p.isChild) continue;
  rows.push([key, agency, personSid.get(k), p.exploited ? 1 : 0, p.exploited ? fmt(truthFirst.get(key)) : ''].join(','));
}
rows.sort();
fs.writeFileSync(path.join(OUT, 'truth.csv'), truth.concat(rows).join('\n') + '\n');
const prof = ['person_key,exploited,profile_or_intensity,sex,date_of_birth'];
for (const k of kids) prof.push([k.key, k.exploited ? 1 : 0, k.exploited ? `${k.intensity}-${k.type}` : k.profile, k.sex, fmtD(k.dob)].join(','));
fs.writeFileSync(path.join(OUT, 'profiles.csv'), prof.join('\n') + '\n');
const inTruth = new Set(rows.map((r) => r.split(',')[0]));
const stats = {
  area: 'Tarnwick (fictional West Cumbrian coastal borough)', seed: SEED,
  children: kids.length, children_in_truth: inTruth.size, exploited: exploitedKids.length,
  exploited_cse: exploitedKids.filter((k) => k.type === 'cse').length, exploited_cce: exploitedKids.filter((k) => k.type === 'cce').length,
  intensities: Object.fromEntries(['strong', 'medium', 'subtle', 'late', 'oneagency', 'none'].map((x) => [x, exploitedKids.filter((k) => k.intensity === x).length])),
  never_exploited_profiles: Object.fromEntries(NEG.map(([p, n]) => [p, n])),
  adults_of_concern: CSE_ADULTS.length + CCE_ADULTS.length,
  objects: objects.length, persons: objects.filter((o) => o.obj.type === 'person').length, events: objects.filter((o) => o.obj.type === 'event').length, relationships: objects.filter((o) => o.obj.type === 'relationship').length,
  files: files.size, financial_years: fys,
  first_exploitation_range: [fmt(Math.min(...truthFirst.values())), fmt(Math.max(...truthFirst.values()))],
  never_exploited_with_police_missing_episode: negKids.filter((k) => objects.some((o) => o.agency === 'tpol' && o.obj.kind === 'missing_episode' && o.obj.subject === personSid.get(`tpol|${k.key}`))).length,
};
fs.writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n');
console.log(`wrote ${OUT}: ${stats.children_in_truth} children in truth (${stats.exploited} later exploited), ${stats.objects} objects in ${stats.files} files`);
