// Blind round 5: risk area r5 ("Glanffrwd", a fictional South Wales valleys borough) for score-risk.mjs.
// Usage: node gen-risk.mjs [OUTDIR]   (default: risk/r5 beside this script)
// Standalone, no dependencies, fixed seed: the same bytes every run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r5'));
let s = 91071207 >>> 0;
const rnd = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const chance = (p) => rnd() < p;
const DAY = 86400000;
const H = 3600000;

// ---- time: "wall" ms = London wall clock stored as if UTC ----
const W = (y, m, d, h = 12, mi = 0) => Date.UTC(y, m - 1, d, h, mi);
const START = W(2015, 4, 1, 0, 0);
const END = W(2025, 3, 29, 12, 0);
function lastSun(y, m) { const d = new Date(Date.UTC(y, m, 0)); return d.getUTCDate() - d.getUTCDay(); }
function isBST(w) { const y = new Date(w).getUTCFullYear(); const a = Date.UTC(y, 2, lastSun(y, 3), 2); const b = Date.UTC(y, 9, lastSun(y, 10), 1); return w >= a && w < b; }
function fix(w) { // never in the hour 01:00-01:59 (skipped on the spring change; ambiguous in autumn)
  if (new Date(w).getUTCHours() === 1) w += H;
  return Math.min(w, END);
}
const p2 = (n) => String(n).padStart(2, '0');
function iso(w) { const d = new Date(w); return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:00`; }
function isoOff(w, z) { // the same instant with an explicit offset (police habit)
  if (z) { const u = w - (isBST(w) ? H : 0); return new Date(u).toISOString().slice(0, 19) + 'Z'; }
  return iso(w) + (isBST(w) ? '+01:00' : '+00:00');
}
const date = (w) => iso(w).slice(0, 10);

// ---- identifiers ----
function nhs() { for (;;) { const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? int(4, 6) : int(0, 9))); let sum = 0; d.forEach((x, i) => (sum += x * (10 - i))); let c = 11 - (sum % 11); if (c === 11) c = 0; if (c === 10) continue; return d.join('') + c; } }
const UPNL = 'ABCDEFGHJKLMNPQRTUVWXYZ';
function upn() { const digits = '675' + String(int(2000, 2999)) + p2(int(10, 24)) + String(int(0, 999)).padStart(3, '0'); let sum = 0; for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i + 2); return UPNL[sum % 23] + digits; }
const phone = () => `07700 900${String(int(0, 999)).padStart(3, '0')}`;
const LET = 'ABCDEFGHJKLMNPRSTUVWXY';
const reg = () => `${pick(['CU', 'CV', 'CW', 'CX', 'WN', 'WR', 'YX', 'BX'])}${p2(int(10, 23))} ${pick(LET)}${pick(LET)}${pick(LET)}`;

// ---- the area ----
const TOWNS = [['Pontyrafon', 'CF39'], ['Abercarrog', 'CF40'], ['Cwmgarw', 'CF41'], ['Trefelin', 'CF42'], ['Glynmawr', 'CF43'], ['Llanhowell', 'CF72']];
const STREETS = ['Heol y Bryn', 'Bute Street', 'Tylacelyn Road', 'Station Terrace', 'Gelli Road', 'Brynteg Close', 'Maes yr Haf', 'Dunraven Street', 'Ynyswen Road', 'Chapel Row', 'Penrhiw Flats', 'Llewellyn Street', 'Oakfield Terrace', 'Cemetery Road', 'Tallis Street'];
const INW = 'ABDEFGHJLNPQRSTUWXYZ';
const postcode = (pre) => `${pre} ${int(1, 9)}${pick(INW)}${pick(INW)}`;
const HOT = [
  { name: 'Pontyrafon bus station', postcode: 'CF39 0AB' }, { name: 'Flat 3, Penrhiw Flats', postcode: 'CF40 2PF' },
  { name: 'Cardiff Central station', postcode: 'CF10 1EP' }, { name: 'house on Railway Street, Splott', postcode: 'CF24 2NE' },
  { name: 'Friars Walk, Newport', postcode: 'NP20 1DS' }, { name: 'Sunny Bay caravan park, Porthcawl', postcode: 'CF36 5BX' },
  { name: 'Kebab shop, Commercial Street', postcode: 'CF41 7DP' }, { name: 'Premier Inn, Cardiff Bay', postcode: 'CF10 4EG' },
  { name: 'Swansea bus station', postcode: 'SA1 1AP' }, { name: 'Bristol Temple Meads', postcode: 'BS1 6QF' },
];
const SAFE = [{ name: 'Glynmawr leisure centre', postcode: 'CF43 3AA' }, { name: 'McDonalds, Llanhowell retail park', postcode: 'CF72 8XL' }, { name: 'Abercarrog park', postcode: 'CF40 1PL' }, { name: 'Cwmgarw library', postcode: 'CF41 6LB' }];
const GF = ['Cerys', 'Ffion', 'Seren', 'Megan', 'Lowri', 'Carys', 'Nia', 'Alys', 'Bethan', 'Elin', 'Sioned', 'Catrin', 'Mia', 'Ruby', 'Lily', 'Tia', 'Chloe', 'Kayla', 'Jessica', 'Amber', 'Libby', 'Katie', 'Hafsa', 'Ayaan', 'Zofia', 'Maja', 'Sumaya', 'Shannon', 'Courtney', 'Demi', 'Tegan', 'Gwen'];
const GM = ['Rhys', 'Dylan', 'Osian', 'Jac', 'Iwan', 'Gethin', 'Cai', 'Ioan', 'Tomos', 'Callum', 'Kian', 'Ryan', 'Lewis', 'Jordan', 'Brandon', 'Tyler', 'Liam', 'Kyle', 'Aaron', 'Mohammed', 'Abdi', 'Jakub', 'Filip', 'Harri', 'Morgan', 'Evan', 'Riley', 'Corey'];
const FAM = ['Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Lewis', 'Hughes', 'Morgan', 'Price', 'Powell', 'Pritchard', 'Llewellyn', 'Griffiths', 'Rees', 'Jenkins', 'Howells', 'Bevan', 'Parry', 'Phillips', 'Watkins', 'James', 'Edwards', 'Harris', 'Richards', 'Owen', 'Walsh', 'Ahmed', 'Hassan', 'Nowak', 'Kowalczyk', 'Mohamed', 'Begum', 'Smith', 'Taylor', 'Cole', 'Baker'];
const NICK = { Rhys: 'Rhysie', Dylan: 'Dyl', Callum: 'Cal', Jessica: 'Jess', Katie: 'Kat', Bethan: 'Beth', Catrin: 'Cat', Megan: 'Meg', Gethin: 'Geth', Tomos: 'Tom', Kyle: 'Ky', Jordan: 'Jord', Lowri: 'Lows', Courtney: 'Court', Mohammed: 'Mo', Jakub: 'Kuba', Filip: 'Fil', Shannon: 'Shan' };

// ---- agencies (code, name, kind) and habits ----
const AGENCIES = [
  ['glampol', 'Glanffrwd Police (Valleys BCU)', 'police'],
  ['gcs', 'Glanffrwd Children\'s Services', 'childrens_social_care'],
  ['uhb-ed', 'Cwm Garw University Health Board: emergency and paediatric', 'health'],
  ['uhb-sh', 'Cwm Garw UHB sexual health (Clinic 7)', 'health'],
  ['gp', 'Valleys GP cluster', 'health'],
  ['ews', 'Glanffrwd Education Welfare Service', 'education'],
  ['yjs', 'Glanffrwd Youth Justice Service', 'youth_justice'],
  ['camhs', 'Specialist CAMHS (Cwm Garw UHB)', 'health'],
  ['tai', 'Tai Cwm housing association', 'other'],
  ['llwybr', 'Llwybr: missing and exploitation service (charity)', 'voluntary'],
];
// delay (ms) from occurrence to recording, per agency
function delay(ag, w) {
  switch (ag) {
    case 'glampol': return int(1, 30) * H * (chance(0.8) ? 0.2 : 1);
    case 'gcs': return int(2, 18) * DAY + int(0, 8) * H;
    case 'uhb-ed': return int(1, 6) * H;
    case 'uhb-sh': return int(1, 5) * H;
    case 'gp': return int(0, 3) * DAY + int(1, 8) * H;
    case 'ews': { const d = new Date(w); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, int(2, 6), int(9, 16)) - w; }
    case 'yjs': return int(1, 9) * DAY;
    case 'camhs': return int(1, 10) * DAY;
    case 'tai': return int(0, 4) * DAY + int(1, 6) * H;
    case 'llwybr': return int(0, 2) * DAY + int(2, 7) * H;
  }
  return DAY;
}
const IND_RATE = { glampol: 0.3, gcs: 0.15, 'uhb-ed': 0.05, 'uhb-sh': 0.5, gp: 0, ews: 0, yjs: 0.4, camhs: 0.2, tai: 0, llwybr: 0.7 };

// ---- output buffers ----
const objs = []; // {agency, rec (wall ms), o}
const truth = [];
const profiles = [];
let seq = 0;
const sid = (ag, pre) => `${pre}${String(++seq).padStart(6, '0')}`;
const PRE = { glampol: 'GP/', gcs: 'WCCIS-', 'uhb-ed': 'ED', 'uhb-sh': 'C7-', gp: 'EMIS', ews: 'EWS', yjs: 'YJ', camhs: 'CAMHS', tai: 'TC', llwybr: 'LL' };

function personRec(ag, p, rec) {
  const o = { type: 'person', agency: ag, source_id: sid(ag, PRE[ag] + 'P') };
  let gn = p.given;
  let fn = p.family;
  if (['llwybr', 'tai'].includes(ag) && NICK[gn] && chance(0.5)) gn = NICK[gn];
  if (ag === 'glampol' && chance(0.2)) { gn = gn.toUpperCase(); fn = fn.toUpperCase(); }
  if (ag === 'uhb-sh' && chance(0.4)) fn = undefined;
  o.given_name = gn;
  if (fn) o.family_name = fn;
  if (p.middle && ['uhb-ed', 'gp', 'camhs'].includes(ag)) o.other_names = [`${p.given} ${p.middle} ${p.family}`];
  if (p.dob) {
    if (ag === 'llwybr' && chance(0.2)) {} // not known
    else if (ag === 'tai' && chance(0.5)) o.date_of_birth = p.dob.slice(0, 4);
    else if (ag === 'glampol' && chance(0.03) && Number(p.dob.slice(8)) <= 12) o.date_of_birth = `${p.dob.slice(0, 4)}-${p.dob.slice(8)}-${p.dob.slice(5, 7)}`;
    else o.date_of_birth = p.dob;
  }
  o.sex = ag === 'glampol' && chance(0.1) ? 'unknown' : p.sex;
  if (p.nhs && ['uhb-ed', 'uhb-sh', 'gp', 'camhs'].includes(ag)) o.nhs_number = p.nhs.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3');
  if (p.nhs && ag === 'gcs' && chance(0.6)) o.nhs_number = p.nhs;
  if (p.upn && (ag === 'ews' || (ag === 'gcs' && chance(0.3)))) o.upn = p.upn;
  if (p.pnc && ag === 'glampol') o.pnc_id = p.pnc;
  if (p.eth && chance(ag === 'glampol' ? 0.5 : 0.8)) o.ethnicity = p.eth;
  if (p.phone && ['glampol', 'llwybr', 'tai'].includes(ag)) o.phone = p.phone;
  if (p.address && !(ag === 'glampol' && chance(0.15))) {
    const a = rec > p.moveAt ? p.address2 : p.address;
    o.address = { ...a };
    if (p.lac && ag === 'gcs') o.address.confidential = true;
  }
  if (p.adult) o.is_child = false;
  o.recorded_at = ag === 'glampol' ? isoOff(rec, chance(0.5)) : iso(rec);
  return o;
}
function ensure(ag, p, rec) {
  p.recs ??= {};
  if (!p.recs[ag]) {
    const r = fix(rec - int(2, 40) * 60000);
    const o = personRec(ag, p, r);
    p.recs[ag] = o.source_id;
    objs.push({ agency: ag, rec: r, o });
    if (!p.adult) truth.push({ key: p.key, agency: ag, sid: o.source_id, p });
  }
  return p.recs[ag];
}
// an event; returns {ag, source_id}
function ev(ag, p, kind, occ, f = {}) {
  occ = fix(occ);
  if (occ < START) occ = START + int(1, 30) * DAY;
  let rec = fix(occ + (f.recDelay ?? delay(ag, occ)));
  if (rec > END) return null;
  if (rec <= occ) rec = occ + 5 * 60000;
  const subject = ensure(ag, p, rec);
  const o = { type: 'event', agency: ag, source_id: sid(ag, PRE[ag] + 'E'), kind, subject };
  const tz = ag === 'glampol';
  const z = tz && chance(0.4);
  o.occurred_at = ag === 'ews' && kind === 'school_absence' ? date(occ) : tz ? isoOff(occ, z) : iso(occ);
  if (f.ended) o.ended_at = tz ? isoOff(fix(f.ended), z) : iso(fix(f.ended));
  if (f.summary) o.summary = f.summary;
  if (f.details) o.details = f.details;
  if (f.ind && f.ind.length && (f.forceInd || chance(IND_RATE[ag]))) o.indicators = f.ind;
  const inv = [];
  for (const x of f.inv ?? []) {
    if (x.adult) inv.push({ person: ensure(ag, x.adult, rec), role: x.role });
    else inv.push(x);
  }
  if (inv.length) o.involves = inv;
  for (const k of ['reported_by', 'missing_from', 'risk_grading', 'last_seen', 'episode', 'status', 'reason', 'child_account', 'outcome', 'rationale', 'restricted']) if (f[k] !== undefined) o[k] = f[k];
  o.recorded_by = f.by ?? pick(BY[ag]);
  o.recorded_at = tz ? isoOff(rec, z) : iso(rec);
  objs.push({ agency: ag, rec, o });
  return { ag, sid: o.source_id, rec, occ };
}
const BY = {
  glampol: ['PC 3312', 'PC 5120', 'DC 2281', 'PS 771', 'PCSO 8840', 'PC 4409'], gcs: ['SW Hopkins', 'SW Adebayo', 'SW Rees', 'Team manager Lloyd', 'IFST worker'],
  'uhb-ed': ['ED triage', 'Paeds registrar', 'ED SN Harries'], 'uhb-sh': ['Clinic 7 nurse', 'Health adviser'], gp: ['Dr Vaughan', 'Dr Iqbal', 'Practice nurse'],
  ews: ['EWO Bowen', 'EWO Jenkins', 'Attendance team'], yjs: ['YJ officer Pugh', 'YJ officer Khan'], camhs: ['CAMHS practitioner', 'Crisis team'],
  tai: ['Housing officer', 'Tenancy enforcement'], llwybr: ['Llwybr worker Sara', 'Llwybr worker Gareth', 'Llwybr worker Anwen'],
};

// ---- people ----
let pk = 0;
function mkChild(sex) {
  const by = int(2000, 2012);
  const dobW = W(by, int(1, 12), int(1, 28));
  const [town, pre] = pick(TOWNS);
  const fam = pick(FAM);
  const given = sex === 'female' ? pick(GF) : pick(GM);
  const addr = { line1: `${int(1, 140)} ${pick(STREETS)}`, town, postcode: postcode(pre) };
  const [town2, pre2] = pick(TOWNS);
  const p = {
    key: `C${String(++pk).padStart(4, '0')}`, sex, given, family: fam, middle: chance(0.4) ? pick(sex === 'female' ? GF : GM) : null,
    dob: date(dobW), dobW, nhs: nhs(), upn: upn(), eth: fam === 'Ahmed' || fam === 'Begum' ? 'Bangladeshi' : fam === 'Hassan' || fam === 'Mohamed' ? 'Somali' : fam === 'Nowak' || fam === 'Kowalczyk' ? 'White Polish' : 'White Welsh',
    address: addr, address2: chance(0.35) ? { line1: `${int(1, 90)} ${pick(STREETS)}`, town: town2, postcode: postcode(pre2) } : addr, moveAt: W(2020, int(1, 12), 1),
    phone: chance(0.6) ? phone() : null,
  };
  return p;
}
const ageAt = (p, w) => (w - p.dobW) / (365.25 * DAY);
const atAge = (p, a) => p.dobW + a * 365.25 * DAY;
const clampW = (w) => Math.max(START + DAY, Math.min(END - 20 * DAY, w));
let ak = 0;
const ADULT_NAMES = [['Darren', 'Pugh'], ['Lee', 'Morgan'], ['Jason', 'Rees'], ['Kurtis', 'Ellis'], ['Shaun', 'Beddoe'], ['Imran', 'Shah'], ['Marcus', 'Grant'], ['Ricky', 'Webb'], ['Craig', 'Lloyd'], ['Tyrone', 'Mills'], ['Anthony', 'Payne'], ['Wayne', 'Colley'], ['Dean', 'Probert'], ['Nathan', 'Cole'], ['Kelvin', 'Amos'], ['Jamie', 'Fisher'], ['Gary', 'Watts']];
function mkAdult(i, kind) {
  const [g, f] = ADULT_NAMES[i % ADULT_NAMES.length];
  return {
    key: `A${++ak}`, adult: true, given: g, family: f, sex: 'male', dob: `${int(1975, 2000)}-${p2(int(1, 12))}-${p2(int(1, 28))}`, dobW: 0,
    vehicle: reg(), phone: phone(), handle: `${g.toLowerCase()}${int(10, 99)}@snapchat`, kind,
    address: { line1: `${int(1, 60)} ${pick(STREETS)}`, town: pick(TOWNS)[0], postcode: postcode(pick(TOWNS)[1]) }, address2: null, moveAt: Infinity,
  };
}
for (const a of []) a;
const ADULTS_CSE = Array.from({ length: 9 }, (_, i) => mkAdult(i, 'cse'));
const ADULTS_CCE = Array.from({ length: 7 }, (_, i) => mkAdult(i + 9, 'cce'));
for (const a of [...ADULTS_CSE, ...ADULTS_CCE]) a.address2 = a.address;

// ---- building blocks ----
function missing(p, w, opt = {}) {
  const hours = opt.hours ?? int(3, 40);
  const start = fix(w);
  const end = fix(start + hours * H);
  const inv = [];
  if (opt.found) inv.push({ location: opt.found, role: 'found_at' });
  if (opt.adult) { inv.push({ adult: opt.adult, role: 'found_with' }); if (chance(0.5)) inv.push({ vehicle: opt.adult.vehicle }); }
  const e = ev('glampol', p, 'missing_episode', start, {
    ended: end, summary: opt.summary ?? `Reported missing from ${opt.from === 'care_placement' ? 'placement' : 'home'}`,
    details: opt.details, missing_from: opt.from ?? 'home', reported_by: opt.from === 'care_placement' ? 'residential staff' : pick(['mother', 'father', 'grandmother', 'carer']),
    risk_grading: opt.grade ?? pick(['low', 'medium', 'medium', 'high']), last_seen: opt.last ?? `${pick(['Leaving', 'Outside'])} ${pick(['home', 'school', 'the Co-op', 'the chip shop'])}`,
    ind: opt.ind ?? ['missing'], inv, recDelay: int(20, 120) * 60000,
  });
  if (!e) return null;
  if (opt.lac && chance(0.5)) ev('gcs', p, 'missing_episode', start, { ended: end, summary: 'Missing from placement (notified by provider)', missing_from: 'care_placement' });
  // return interview by the charity
  const ri = opt.riRate ?? 0.6;
  const r = rnd();
  const at = end + int(20, 96) * H;
  if (r < ri) ev('llwybr', p, 'return_interview', at, { episode: `glampol:${e.sid}`, status: 'done', child_account: opt.account ?? pick(['Said they were with friends and lost track of time.', 'Went to see a mate, phone died.', 'Did not want to say much. Said "I was fine".', 'Stayed out after an argument at home.']), summary: 'Return interview held', ind: opt.riInd, forceInd: !!opt.riInd });
  else if (r < ri + 0.25) ev('llwybr', p, 'return_interview', at, { episode: `glampol:${e.sid}`, status: 'declined', reason: 'Young person declined to meet' });
  else ev('llwybr', p, 'return_interview', at, { episode: `glampol:${e.sid}`, status: 'not_held', reason: pick(['No contact made within 72 hours', 'Worker capacity', 'Family did not answer']) });
  return e;
}
function absence(p, w, sessions, extra = '') {
  return ev('ews', p, 'school_absence', w, { summary: `${sessions} sessions unauthorised absence this month`, details: `Attendance ${int(52, 88)}%. ${extra}`.trim(), ind: ['school_disengagement'] });
}
function edVisit(p, w, why, ind) { return ev('uhb-ed', p, 'health_attendance', w, { summary: why, ind, forceInd: false }); }
function ordinaryNoise(p) {
  const lo = clampW(Math.max(START, atAge(p, 5)));
  const hi = clampW(Math.min(END, atAge(p, 18)));
  if (hi <= lo) return;
  if (chance(0.5)) edVisit(p, lo + rnd() * (hi - lo), pick(['Sprained wrist playing rugby', 'Fall from trampoline', 'Asthma exacerbation', 'Head injury at football, discharged', 'Cut to hand', 'Abdominal pain, discharged']));
  if (chance(0.35)) absence(p, lo + rnd() * (hi - lo), int(4, 10), pick(['Illness reported by parent.', 'Family holiday in term time.', 'Medical appointments.']));
  if (chance(0.2)) ev('gp', p, 'note', lo + rnd() * (hi - lo), { summary: pick(['Routine review, eczema', 'Vaccination catch-up', 'Seen with tonsillitis']) });
}

// ---- exploited children ----
const N = 700;
const NEX = 50;
const intensities = [];
for (let i = 0; i < NEX; i++) intensities.push(['strong', 'strong', 'medium', 'medium', 'medium', 'subtle', 'subtle', 'late', 'none', 'oneagency'][i % 10]);
for (let x = intensities.length - 1; x > 0; x--) { const y = Math.floor(rnd() * (x + 1)); [intensities[x], intensities[y]] = [intensities[y], intensities[x]]; }
const kids = [];
const exploitedKids = [];
for (let i = 0; i < NEX; i++) {
  const cse = i % 5 < 3; // 60% sexual
  const sex = cse ? (chance(0.85) ? 'female' : 'male') : chance(0.8) ? 'male' : 'female';
  let p;
  let txAge;
  let tx;
  for (;;) { p = mkChild(sex); txAge = 12.3 + rnd() * 5.2; tx = atAge(p, txAge); if (tx > W(2016, 6, 1) && tx < W(2025, 2, 20)) break; pk--; }
  p.exploited = true; p.type = cse ? 'cse' : 'cce'; p.intensity = intensities[i]; p.tx = fix(tx);
  p.abuser = cse ? ADULTS_CSE[i % ADULTS_CSE.length] : ADULTS_CCE[i % ADULTS_CCE.length];
  kids.push(p); exploitedKids.push(p);
}
function csSign(p, w, a) {
  const cse = p.type === 'cse';
  const opts = cse ? [
    () => ev('glampol', p, 'intelligence', w, { summary: `Intel: seen getting into ${a.vehicle} driven by an older male near the bus station`, ind: ['vehicle_unknown_adults', 'older_associates'], inv: [{ adult: a, role: 'associate' }, { vehicle: a.vehicle }] }),
    () => ev('uhb-sh', p, 'sexual_health', w, { summary: `Attended Clinic 7 aged ${Math.floor(ageAt(p, w))}, requested emergency contraception, partner "older"`, ind: ['sti', 'older_associates'] }),
    () => ev('uhb-ed', p, 'health_attendance', w, { summary: 'Brought in intoxicated by ambulance, found in town centre at 01:00', details: 'Vodka. Would not say who she was drinking with. Older male left before ambulance arrived.', ind: ['alcohol_misuse'] }),
    () => ev('gcs', p, 'contact_referral', w, { summary: 'Mother worried about new phone, new clothes and a man called "' + a.given + '"', ind: ['gifts_money', 'concerning_phone_use', 'older_associates'] }),
    () => ev('ews', p, 'concern', w, { summary: 'Picked up from school gates by an adult male in a car; not a family member', inv: [{ vehicle: a.vehicle }], ind: ['vehicle_unknown_adults'] }),
    () => ev('llwybr', p, 'note', w, { summary: 'Drop-in: talked about parties at a flat with older men', ind: ['older_associates', 'hotspot_location'] }),
    () => ev('gp', p, 'note', w, { summary: 'Seen with mother, low mood, not sleeping; mother mentions older friends' }),
    () => ev('camhs', p, 'self_harm', w, { summary: 'Self-harm (cutting) disclosed at assessment', ind: ['self_harm', 'low_self_esteem'] }),
    () => ev('glampol', p, 'intelligence', w, { summary: `Snapchat contact with ${a.handle} found on phone after stop`, inv: [{ online: a.handle }, { adult: a, role: 'associate' }], ind: ['concerning_internet_use'] }),
    () => ev('tai', p, 'concern', w, { summary: 'Young girl seen coming and going late at night from a flat in our block', details: `Tenant of the flat: ${a.given} ${a.family}. Neighbours complain of visitors.`, inv: [{ location: HOT[1] }] }),
    () => ev('gcs', p, 'assessment', w, { summary: 'Child and family assessment', outcome: 'Early help: parenting support, no further social care role' }),
    () => ev('glampol', p, 'disclosure', w, { summary: 'Told teacher an older man had touched her; later said she made it up' }),
  ] : [
    () => ev('glampol', p, 'intelligence', w, { summary: `Intel: seen with ${a.given} ${a.family}, linked to a Birmingham line, at Pontyrafon bus station`, inv: [{ adult: a, role: 'associate' }, { location: HOT[0] }], ind: ['older_associates', 'hotspot_location'] }),
    () => ev('glampol', p, 'arrest', w, { summary: 'Arrested for possession with intent to supply (cannabis and crack), 9 wraps', inv: [{ location: pick(HOT) }], ind: ['drug_misuse'] }),
    () => ev('ews', p, 'school_exclusion', w, { summary: 'Fixed-term exclusion, 5 days, found with large amount of cash', ind: ['gifts_money'] }),
    () => ev('uhb-ed', p, 'health_attendance', w, { summary: 'Stab wound to thigh, says he fell on a fence', ind: ['unexplained_injury'] }),
    () => ev('yjs', p, 'youth_justice', w, { summary: 'Referral order; travelling out of area regularly, carrying two phones', ind: ['concerning_phone_use'] }),
    () => ev('glampol', p, 'note', w, { summary: `Stop check in ${a.vehicle}, driver ${a.given} ${a.family}, on M4 at 02:00`, inv: [{ vehicle: a.vehicle }, { adult: a, role: 'associate' }], ind: ['vehicle_unknown_adults'] }),
    () => ev('gcs', p, 'contact_referral', w, { summary: 'Father reports son has new trainers and cash and is out till late', ind: ['gifts_money', 'staying_out_late'] }),
    () => ev('llwybr', p, 'note', w, { summary: 'Outreach: young person owes money "to some lads"' }),
    () => ev('glampol', p, 'intelligence', w, { summary: 'Found at Swansea station by BTP with a return ticket paid by someone else', inv: [{ location: HOT[8] }], ind: ['missing', 'hotspot_location'] }),
    () => ev('gp', p, 'substance_misuse', w, { summary: 'Mother reports cannabis use; young person not attending' }),
    () => ev('ews', p, 'education_change', w, { summary: 'Moved to managed move / PRU placement' }),
    () => ev('tai', p, 'concern', w, { summary: 'Teenage boy seen at a flat used for drug dealing (cuckooed tenant)', inv: [{ location: HOT[1] }] }),
  ];
  return opts;
}
for (const p of exploitedKids) {
  const a = p.abuser;
  const tx = p.tx;
  // background
  if (chance(0.45)) ev('gcs', p, 'contact_referral', clampW(tx - int(400, 2000) * DAY), { summary: pick(['Domestic abuse at home, police notification', 'Neglect concerns from school', 'Mother\'s mental health, children at risk', 'Father drinking, family breakdown']), ind: ['family_breakdown'] });
  if (chance(0.2)) { p.lac = true; ev('gcs', p, 'looked_after_start', clampW(tx - int(90, 360) * DAY), { summary: 'Accommodated, residential placement out of county' }); }
  ordinaryNoise(p);
  const I = p.intensity;
  let span; let nSigns; let nMiss;
  if (I === 'strong') { span = int(270, 900); nSigns = int(6, 11); nMiss = int(3, 7); }
  else if (I === 'medium') { span = int(120, 540); nSigns = int(3, 6); nMiss = int(1, 3); }
  else if (I === 'subtle') { span = int(90, 500); nSigns = int(1, 3); nMiss = 0; }
  else if (I === 'late') { span = int(14, 90); nSigns = int(2, 4); nMiss = chance(0.5) ? 1 : 0; }
  else if (I === 'oneagency') { span = int(150, 600); nSigns = int(3, 6); nMiss = 0; }
  else { span = 0; nSigns = 0; nMiss = 0; }
  const opts = csSign(p, 0, a);
  const only = pick(p.type === 'cse' ? ['ews', 'uhb-sh', 'glampol'] : ['ews', 'glampol', 'yjs']);
  for (let k = 0; k < nSigns; k++) {
    const w = clampW(tx - Math.floor(rnd() * span) * DAY - 3 * DAY);
    if (I === 'subtle') {
      pick([
        () => ev('llwybr', p, 'note', w, { summary: 'Family hub: mum says she has a new phone she will not explain' }),
        () => ev('ews', p, 'note', w, { summary: 'Taxi collecting from school, fare paid in advance by someone' }),
        () => ev('gp', p, 'note', w, { summary: 'Withdrawn, weight loss, says nothing is wrong' }),
        () => ev('glampol', p, 'note', w, { summary: `Vehicle ${a.vehicle} seen parked near the school at home time`, inv: [{ vehicle: a.vehicle }] }),
      ])();
    } else if (I === 'oneagency') {
      if (only === 'ews') (k % 2 ? () => absence(p, w, int(8, 20), 'Leaves at lunchtime; seen getting into cars.') : () => ev('ews', p, 'concern', w, { summary: pick(['DSL log: new expensive phone and trainers', 'DSL log: seen with older youths at the gate', 'DSL log: tired, hungry, not in uniform', 'DSL log: talks about parties in Cardiff']) }))();
      else if (only === 'uhb-sh') ev('uhb-sh', p, 'sexual_health', w, { summary: pick(['Chlamydia positive, partner details withheld', 'Emergency contraception, third time', 'Pregnancy test, says partner is "19"', 'STI screen, attended with an older female']), ind: ['sti'] });
      else if (only === 'yjs') ev('yjs', p, 'youth_justice', w, { summary: pick(['Breach of order, missed appointments', 'Says he owes money', 'Seen in Bristol on tag data', 'New phone every week']) });
      else ev('glampol', p, pick(['intelligence', 'note']), w, { summary: pick([`Seen in ${a.vehicle}`, 'Stop and search, nothing found, large amount of cash', 'Found in town centre at midnight with older males', 'Intel: associates with known dealers']), inv: chance(0.5) ? [{ vehicle: a.vehicle }] : [] });
    } else pick(opts)();
  }
  // missing episodes with shrinking gaps
  let w = tx - 5 * DAY;
  const mw = [];
  for (let k = 0; k < nMiss; k++) { w -= int(10, 90) * DAY * (1 + k * 0.5); mw.push(clampW(w)); }
  mw.sort((x, y) => x - y).forEach((m, k) => {
    const late = k >= mw.length - 2;
    missing(p, m, { from: p.lac ? 'care_placement' : 'home', lac: p.lac, hours: int(6, 72), found: late ? pick(HOT) : chance(0.5) ? pick(SAFE) : undefined, adult: late && chance(0.6) ? a : undefined, riRate: 0.45, grade: late ? 'high' : 'medium', account: pick(['Said she was with "a friend from Cardiff".', 'Would not say. Had a new jacket.', 'Said "I was with my boyfriend, he looks after me".', 'Said he was "doing a favour for someone".']), ind: late ? ['missing', 'hotspot_location'] : ['missing'] });
  });
  if (I === 'strong' || I === 'medium') {
    if (chance(0.6)) ev('gcs', p, 'strategy_discussion', clampW(tx - int(30, 200) * DAY), { summary: 'Strategy discussion: concerns noted, threshold for s47 not met, single agency plan', outcome: 'No further action under s47' });
  }
  if (p.type === 'cse' && I !== 'none' && chance(0.4)) {
    const rw = fix(clampW(tx - int(20, 200) * DAY));
    if (rw < tx) {
      const from = ensure('gcs', p, rw);
      const to = ensure('gcs', a, rw);
      objs.push({ agency: 'gcs', rec: rw + 60000, o: { type: 'relationship', agency: 'gcs', source_id: sid('gcs', 'WCCIS-R'), from, to, kind: 'claimed_partner', reliability: 'tentative', note: `Child calls him her boyfriend; mother says he is in his twenties`, recorded_at: iso(rw + 60000) } });
    }
  }
  // the first exploitation record
  let first;
  const r = rnd();
  if (p.type === 'cse') {
    if (r < 0.55) first = ev('glampol', p, 'crime_report', tx, { summary: 'Child sexual exploitation: sexual activity with a child, offences by an adult male', details: `Victim aged ${Math.floor(txAge(p))}. Suspect ${a.given} ${a.family}.`, inv: [{ adult: a, role: 'suspect' }, { vehicle: a.vehicle }, { phone: a.phone }], ind: ['older_associates'], recDelay: int(2, 10) * H });
    else first = ev('gcs', p, 'strategy_discussion', tx, { summary: 'Strategy discussion: child is being sexually exploited; s47 enquiry agreed', outcome: 'Section 47 enquiry; CSE risk assessment; safety plan', inv: [{ adult: a, role: 'suspect' }], recDelay: int(1, 3) * DAY });
  } else {
    if (r < 0.35) first = ev('glampol', p, 'crime_report', tx, { summary: 'Modern slavery: child criminally exploited to supply drugs (county line)', inv: [{ adult: a, role: 'suspect' }, { phone: a.phone }], recDelay: int(2, 10) * H });
    else if (r < 0.7) first = ev('yjs', p, 'concern', tx, { summary: 'NRM referral submitted: child criminal exploitation (county lines)', inv: [{ adult: a, role: 'suspect' }], recDelay: int(1, 4) * DAY });
    else first = ev('gcs', p, 'strategy_discussion', tx, { summary: 'Strategy discussion: child is being criminally exploited; s47 enquiry agreed', outcome: 'Section 47 enquiry; NRM referral; safety plan', recDelay: int(1, 3) * DAY });
  }
  if (!first) throw new Error('first exploitation record past END');
  p.firstRec = first.rec;
  // afterwards
  if (first.rec + 20 * DAY < END) ev('gcs', p, 'cp_conference', first.rec + int(10, 20) * DAY, { summary: 'Initial child protection conference' });
}
function txAge(p) { return ageAt(p, p.tx); }

// ---- never-exploited children ----
const PROFILES = [
  ['ordinary', 200], ['neglect', 60], ['ld-wandering', 28], ['missing-to-parent', 40], ['older-boyfriend-2y', 30], ['coach-relative-lifts', 26],
  ['sibling-of-exploited', 24], ['friend-of-exploited', 20], ['youth-justice', 50], ['mental-health', 44], ['sexual-health-teen', 40],
  ['lac-residential', 30], ['domestic-abuse', 30], ['substance-peers', 28],
];
const negs = [];
for (const [prof, n] of PROFILES) for (let i = 0; i < n; i++) { const p = mkChild(chance(0.5) ? 'female' : 'male'); p.profile = prof; kids.push(p); negs.push(p); }
const teen = (p, a0, a1) => clampW(atAge(p, a0 + rnd() * (a1 - a0)));
for (const p of negs) {
  ordinaryNoise(p);
  const t = teen(p, 12, 17.5);
  switch (p.profile) {
    case 'ordinary': break;
    case 'neglect': {
      const w0 = teen(p, 6, 15);
      ev('ews', p, 'concern', w0, { summary: 'Comes to school hungry and unwashed', ind: ['family_breakdown'] });
      ev('gcs', p, 'contact_referral', w0 + int(5, 30) * DAY, { summary: 'Neglect referral from school' });
      ev('gcs', p, 'assessment', w0 + int(40, 70) * DAY, { summary: 'Child and family assessment', outcome: 'Care and support plan' });
      if (chance(0.5)) { ev('gcs', p, 'cp_conference', w0 + int(80, 120) * DAY, { summary: 'ICPC: neglect' }); ev('gcs', p, 'cp_plan_start', w0 + int(80, 120) * DAY + DAY, { summary: 'CP plan, category neglect' }); ev('gcs', p, 'cp_plan_end', w0 + int(300, 600) * DAY, { summary: 'CP plan ended' }); }
      for (let k = 0; k < int(1, 4); k++) absence(p, w0 + int(0, 700) * DAY, int(6, 22), 'Late most days.');
      break;
    }
    case 'ld-wandering': {
      for (let k = 0; k < int(3, 8); k++) missing(p, teen(p, 10, 17), { grade: 'high', hours: int(1, 6), found: pick([HOT[0], HOT[2], SAFE[0], SAFE[3]]), summary: 'Missing from home. Has a learning disability and autism; wanders to look at trains and buses', details: 'No concerns of exploitation. Found alone.', riRate: 0.7, account: 'Went to see the trains.' });
      ev('gcs', p, 'assessment', teen(p, 10, 14), { summary: 'Disabled children team assessment', outcome: 'Short breaks' });
      break;
    }
    case 'missing-to-parent': {
      const who = pick(['his father in Merthyr', 'her father in Bridgend', 'her nan in Abercarrog', 'his grandfather in Treorchy', 'her mum (lives separately)']);
      for (let k = 0; k < int(2, 6); k++) missing(p, teen(p, 11, 17), { hours: int(4, 30), grade: pick(['low', 'medium']), summary: `Missing from home; found at ${who}`, details: 'Row with stepparent. Found safe with family.', riRate: 0.6, account: `I just wanted to see ${who.split(' ').slice(0, 2).join(' ')}.` });
      ev('gcs', p, 'contact_referral', t, { summary: 'Repeat missing to a parent; contact arrangements dispute' });
      break;
    }
    case 'older-boyfriend-2y': {
      const w = teen(p, 15, 17.5);
      ev('uhb-sh', p, 'sexual_health', w, { summary: `Contraception advice; partner is ${Math.floor(ageAt(p, w)) + int(1, 2)}, same college`, details: 'Fraser competent. No concerns: partner of a similar age, relationship known to parents.' });
      if (chance(0.5)) ev('ews', p, 'concern', w + int(20, 90) * DAY, { summary: 'Boyfriend (Year 13) picks her up from school in his car', details: 'Parents aware; he is 18 and she is 16. No concerns.' });
      if (chance(0.4)) ev('gcs', p, 'contact_referral', w + int(30, 120) * DAY, { summary: 'Referral: 16-year-old in relationship with 18-year-old' }) && ev('gcs', p, 'assessment', w + int(130, 160) * DAY, { summary: 'Assessment', outcome: 'No concerns; age-appropriate relationship; closed' });
      break;
    }
    case 'coach-relative-lifts': {
      const rel = mkAdult(int(0, 16), 'benign'); rel.given = pick(['Huw', 'Gareth', 'Alun', 'Steve', 'Rob']); rel.family = p.family; rel.key = `A${++ak}`;
      const w = teen(p, 11, 16);
      ev('ews', p, 'concern', w, { summary: 'Seen getting into a car with an adult man after school', inv: [{ vehicle: rel.vehicle }], ind: ['vehicle_unknown_adults'], forceInd: chance(0.3) });
      ev('ews', p, 'note', w + int(1, 5) * DAY, { summary: pick(['Follow-up: the driver is her uncle; parents confirm', 'Follow-up: the driver is his rugby coach, DBS checked; lifts to training agreed with parents']) });
      if (chance(0.5)) ev('glampol', p, 'note', teen(p, 12, 17), { summary: `Stop check ${rel.vehicle}, child in car with adult; adult is a relative/coach, no concerns`, inv: [{ vehicle: rel.vehicle }, { adult: rel, role: 'family' }] });
      break;
    }
    case 'sibling-of-exploited':
    case 'friend-of-exploited': {
      const x = pick(exploitedKids);
      const w = clampW(x.tx + int(-200, 60) * DAY);
      if (p.profile === 'sibling-of-exploited') { p.family = x.family; p.address = x.address; p.address2 = x.address2; }
      ev('gcs', p, p.profile === 'sibling-of-exploited' ? 'assessment' : 'note', w, { summary: p.profile === 'sibling-of-exploited' ? 'Sibling assessment during sister\'s/brother\'s exploitation enquiry' : 'Named as a friend of a child being exploited', outcome: 'No indication this child is being exploited; universal services', ind: ['peers_exploited'], forceInd: chance(0.4) });
      if (p.profile === 'friend-of-exploited' && chance(0.6)) missing(p, w - int(10, 60) * DAY, { hours: int(5, 20), found: pick(HOT), summary: 'Missing with a friend overnight', riRate: 0.7, account: 'Went with my friend to Cardiff; I did not like it and came home.' });
      if (chance(0.5)) ev('gcs', p, 'strategy_discussion', w + int(5, 30) * DAY, { summary: 'Strategy discussion (peer of exploited child)', outcome: 'No evidence of exploitation; no further action' });
      break;
    }
    case 'youth-justice': {
      const w = teen(p, 12, 17);
      ev('glampol', p, 'arrest', w, { summary: pick(['Shoplifting from Tesco', 'Criminal damage to bus shelter', 'Common assault at school', 'Theft of a bicycle', 'Public order offence at the football']) });
      ev('yjs', p, 'youth_justice', w + int(20, 60) * DAY, { summary: pick(['Youth caution, prevention programme', 'Referral order 6 months', 'Out of court disposal']), ind: [] });
      if (chance(0.4)) ev('ews', p, 'school_exclusion', w + int(-100, 100) * DAY, { summary: 'Fixed-term exclusion, fighting' });
      break;
    }
    case 'mental-health': {
      const w = teen(p, 12, 17);
      ev('uhb-ed', p, 'self_harm', w, { summary: pick(['Overdose of paracetamol, admitted to paediatric ward', 'Self-harm (cutting), sutured']), ind: ['self_harm'] });
      ev('camhs', p, 'note', w + int(3, 20) * DAY, { summary: 'CAMHS assessment: low mood, exam stress, bullying' });
      if (chance(0.4)) ev('camhs', p, 'note', w + int(60, 200) * DAY, { summary: 'Admitted to Tier 4 adolescent unit' });
      if (chance(0.4)) absence(p, w + int(10, 90) * DAY, int(10, 30), 'Mental health.');
      break;
    }
    case 'sexual-health-teen': {
      for (let k = 0; k < int(1, 3); k++) { const w = teen(p, 15.5, 17.9); ev('uhb-sh', p, 'sexual_health', w, { summary: pick(['Contraceptive pill started, same-age partner', 'STI screen negative, routine', 'Condoms (C-card)', 'Chlamydia treated, partner same school year']), details: 'Spotting-the-signs proforma: no concerns.' }); }
      break;
    }
    case 'lac-residential': {
      p.lac = true;
      const w = teen(p, 11, 15);
      ev('gcs', p, 'looked_after_start', w, { summary: 'Looked after, residential children\'s home' });
      for (let k = 0; k < int(4, 12); k++) missing(p, clampW(w + int(20, 900) * DAY), { from: 'care_placement', lac: true, hours: int(2, 14), grade: pick(['low', 'medium']), summary: 'Absent from placement past curfew', found: chance(0.3) ? SAFE[2] : undefined, riRate: 0.55, account: pick(['Went to see mum.', 'With my mates in the park.', 'Missed the last bus.']) });
      if (chance(0.5)) ev('gcs', p, 'strategy_discussion', w + int(200, 500) * DAY, { summary: 'Strategy discussion: repeat missing from care', outcome: 'No indicators of exploitation; placement plan updated' });
      if (chance(0.3)) ev('gcs', p, 'placement_move', w + int(300, 800) * DAY, { summary: 'Moved to foster placement' });
      break;
    }
    case 'domestic-abuse': {
      for (let k = 0; k < int(1, 3); k++) ev('glampol', p, 'concern', teen(p, 4, 16), { summary: 'Domestic abuse incident at home, child present (Operation Encompass notification)', ind: ['domestic_abuse_at_home'] });
      ev('gcs', p, 'contact_referral', teen(p, 5, 16), { summary: 'DA referral, MARAC' });
      break;
    }
    case 'substance-peers': {
      const w = teen(p, 14, 17.5);
      edVisit(p, w, 'Alcohol intoxication after a house party, brought by friends\' parent', ['alcohol_misuse']);
      if (chance(0.5)) ev('glampol', p, 'note', w + int(30, 200) * DAY, { summary: 'Group of teenagers drinking in the park, dispersed, taken home' });
      if (chance(0.4)) ev('gp', p, 'substance_misuse', w + int(30, 300) * DAY, { summary: 'Cannabis use with friends; referred to youth drug service' });
      break;
    }
  }
}

// ---- a person record is sent minutes before the agency's earliest record naming the person ----
{
  const firstUse = new Map();
  const use = (ag, id, rec) => { const k = `${ag}:${id}`; if (!firstUse.has(k) || rec < firstUse.get(k)) firstUse.set(k, rec); };
  for (const x of objs) {
    const o = x.o;
    if (o.type === 'event') { use(x.agency, o.subject, x.rec); for (const i of o.involves ?? []) if (i.person) use(x.agency, i.person, x.rec); }
    if (o.type === 'relationship') { use(x.agency, o.from, x.rec); use(x.agency, o.to, x.rec); }
  }
  for (const x of objs) {
    if (x.o.type !== 'person') continue;
    const f = firstUse.get(`${x.agency}:${x.o.source_id}`);
    if (f !== undefined && f <= x.rec) {
      x.rec = f - 3 * 60000;
      if (new Date(x.rec).getUTCHours() === 1) x.rec -= H; // never in the hour the clocks skip
      x.o.recorded_at = x.agency === 'glampol' ? isoOff(x.rec, x.o.recorded_at.endsWith('Z')) : iso(x.rec);
    }
  }
}
// ---- write ----
objs.sort((a, b) => a.rec - b.rec);
const fy = (w) => { const d = new Date(w); const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1; return `${y}-${String((y + 1) % 100).padStart(2, '0')}`; };
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'years'), { recursive: true });
const files = new Map();
for (const x of objs) { const f = `years/${fy(x.rec)}/${x.agency}.ndjson`; if (!files.has(f)) files.set(f, []); files.get(f).push(JSON.stringify(x.o)); }
for (const [f, ls] of files) { fs.mkdirSync(path.dirname(path.join(OUT, f)), { recursive: true }); fs.writeFileSync(path.join(OUT, f), ls.join('\n') + '\n'); }
const years = [...new Set([...files.keys()].map((f) => f.split('/')[1]))].sort();
const sh = ['#!/bin/sh', '# Loads risk area r5 (Glanffrwd). THREADLINE_CLI: the command (default "threadline"); THREADLINE_DATA as usual.', 'set -e', 'CLI="${THREADLINE_CLI:-threadline}"', 'cd "$(dirname "$0")"', '$CLI migrate'];
for (const [c, n, k] of AGENCIES) sh.push(`$CLI agencies add ${c} --name "${n.replace(/"/g, '\\"')}" --kind ${k}`);
for (const y of years) sh.push(`$CLI import ${[...files.keys()].filter((f) => f.split('/')[1] === y).sort().join(' ')}`);
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh.join('\n') + '\n', { mode: 0o755 });
const firstAt = (p) => (p.exploited ? iso(p.firstRec) : '');
fs.writeFileSync(path.join(OUT, 'truth.csv'), ['person_key,agency,source_id,exploited,first_exploitation_recorded_at', ...truth.map((t) => [t.key, t.agency, t.sid, t.p.exploited ? 1 : 0, firstAt(t.p)].join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'profiles.csv'), ['person_key,exploited,profile_or_intensity,sex,date_of_birth', ...kids.map((p) => [p.key, p.exploited ? 1 : 0, p.exploited ? `${p.intensity}-${p.type}` : p.profile, p.sex, p.dob].join(','))].join('\n') + '\n');
const stats = {
  children: kids.length, exploited: exploitedKids.length, in_truth: new Set(truth.map((t) => t.key)).size,
  objects: objs.length, persons: objs.filter((x) => x.o.type === 'person').length, events: objs.filter((x) => x.o.type === 'event').length,
  by_agency: Object.fromEntries(AGENCIES.map(([c]) => [c, objs.filter((x) => x.agency === c).length])),
  never_with_missing: negs.filter((p) => objs.some((x) => x.o.kind === 'missing_episode' && x.o.subject === p.recs?.glampol)).length,
};
fs.writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n');
console.log(JSON.stringify(stats));
