#!/usr/bin/env node
// Blind networks set, round 7. Written from the published contracts only (docs/import-format.md,
// docs/cli.md "Networks", the domain README), never from src/ or the bench generators.
// Writes networks/<area>/<agency>-<year>.ndjson, agencies.json and truth.json for 8 small areas, each
// with 1-5 planted exploitation groups of different shapes, benign confounders that link many
// children innocently (a school, a children's home and its staff, a football coach, a youth club, a
// taxi firm under contract, siblings and their parents, a GP surgery, a busy bus station) and noise.
// Usage: node gen-networks.mjs [OUTDIR] [--small]   (OUTDIR defaults to ./networks beside this file;
// --small writes every area with a third of its children, for a quick check that the scorer runs)
// Fixed seeds; no dependencies.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const SMALL = argv.includes('--small');
const OUT = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(HERE, 'networks'));

// ---------- random ----------
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let R = mulberry32(1);
const rnd = () => R();
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
function shuffle(xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------- names ----------
const GIRLS = ['Amy', 'Chloe', 'Aisha', 'Zainab', 'Maja', 'Oliwia', 'Precious', 'Chidinma', 'Shannon', 'Kayleigh',
  'Roxana', 'Ioana', 'Nimra', 'Hafsa', 'Leah', 'Tegan', 'Destiny', 'Fatuma', 'Hodan', 'Ewa', 'Jessica', 'Ellie',
  'Priya', 'Simran', 'Mariam', 'Sadia', 'Courtney', 'Jade', 'Demi', 'Kacey', 'Ruby', 'Lacey', 'Bethany', 'Niamh',
  'Siobhan', 'Aoife', 'Esi', 'Abena', 'Amina', 'Layla', 'Sophie', 'Keira', 'Paige', 'Mia', 'Nadia', 'Samira',
  'Gabriela', 'Alexandra', 'Tia', 'Shanice', 'Ayan', 'Rukhsana', 'Harpreet', 'Kirsty', 'Rebecca', 'Charlotte'];
const BOYS = ['Tyler', 'Kyle', 'Jayden', 'Mason', 'Callum', 'Reece', 'Kai', 'Dontae', 'Kwame', 'Tobi', 'Femi',
  'Bilal', 'Hamza', 'Ayaan', 'Arjun', 'Mohammed', 'Omar', 'Yusuf', 'Dawid', 'Jakub', 'Luca', 'Connor', 'Liam',
  'Ryan', 'Marcus', 'Jermaine', 'Andrei', 'Mihai', 'Kian', 'Harvey', 'Alfie', 'Ethan', 'Ibrahim', 'Abdi',
  'Mustafa', 'Daniel', 'Alexander', 'Joshua', 'Kieran', 'Shay', 'Tomasz', 'Olamide', 'Hassan', 'Zain', 'Rhys',
  'Declan', 'Patrick', 'Dylan', 'Leon', 'Nathan'];
const FAMILY = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Hussain', 'Khan', 'Ahmed', 'Begum', 'Patel', 'Ali',
  'Okafor', 'Adeyemi', 'Mensah', 'Nowak', 'Kowalski', 'Popescu', 'Murphy', "O'Brien", 'Kelly', 'Walsh', 'Clarke',
  'Robinson', 'Wright', 'Hall', 'Green', 'Baker', 'Ward', 'Hughes', 'Evans', 'Mahmood', 'Rahman', 'Iqbal',
  'Campbell', 'Stewart', 'Duffy', 'Osei', 'Mohamud', 'Warsame', 'Kaur', 'Singh', 'Sharma', 'Lungu', 'Dumitru',
  'McCarthy', 'Fletcher', 'Armstrong', 'Lowe', 'Ndlovu', 'Mitchell', 'Barker', 'Shaw', 'Chowdhury', 'Uddin',
  'Da Silva', 'Ferreira', 'Haddad', 'Jackson-Reid', 'Cole', 'Price'];
const ADULT_M = ['Tariq', 'Daniel', 'Shaun', 'Imran', 'Wayne', 'Kamran', 'Lee', 'Adnan', 'Craig', 'Dean', 'Sajid',
  'Grzegorz', 'Marius', 'Levi', 'Jamal', 'Kevin', 'Stephen', 'Nasir', 'Ricky', 'Gary', 'Darren', 'Asif', 'Junior',
  'Mark', 'Paul', 'Andrew', 'Neil', 'Emmanuel', 'Kofi', 'Vlad'];
const ADULT_F = ['Karen', 'Michelle', 'Nasreen', 'Lorraine', 'Joanne', 'Shabana', 'Agnieszka', 'Grace', 'Tracey',
  'Donna', 'Farzana', 'Bernadette', 'Claire', 'Yvonne', 'Sandra'];
const NICK = { Mohammed: 'Mo', Daniel: 'Danny', Jessica: 'Jess', Bethany: 'Beth', Callum: 'Cal', Alexander: 'Alex',
  Alexandra: 'Alex', Joshua: 'Josh', Rebecca: 'Becky', Charlotte: 'Charlie', Kieran: 'Kez', Nathan: 'Nate',
  Tariq: 'Taz', Shaun: 'Shaz', Imran: 'Immy', Kamran: 'Kam', Stephen: 'Steve', Andrew: 'Andy', Emmanuel: 'Manny',
  Grzegorz: 'Greg', Marius: 'Maz', Michelle: 'Shell', Tomasz: 'Tom', Olamide: 'Lami', Patrick: 'Paddy' };
const SPELL = { Aisha: 'Ayesha', Zainab: 'Zaynab', Kayleigh: 'Kayley', Chloe: 'Cloe', Shannon: 'Shanon',
  Oliwia: 'Olivia', Mariam: 'Maryam', Hafsa: 'Hafza', Jayden: 'Jaden', Reece: 'Rhys', Mohammed: 'Muhammad',
  Yusuf: 'Yousef', Abdi: 'Abdy', Courtney: 'Kourtney', Kacey: 'Casey', Leah: 'Lea', Bilal: 'Billal',
  Dontae: 'Dante', Hussain: 'Hussein', Mohamud: 'Mohamed', Popescu: 'Popesku', Kowalski: 'Kowalsky',
  Chowdhury: 'Choudhury', Rahman: 'Rehman', "O'Brien": 'OBrien', 'Da Silva': 'DaSilva', 'Jackson-Reid': 'Jackson Reid' };
const STREETS = ['Canal Street', 'Mill Lane', 'Church Road', 'Victoria Terrace', 'Albert Road', 'Moor View',
  'Station Road', 'Park Avenue', 'Hollins Close', 'Brook Street', 'Coronation Walk', 'Cedar Grove', 'Heath Road',
  'Tennyson Court', 'Market Street', 'Bridge End', 'Weavers Row', 'Jubilee Way'];
const IN_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const VRM_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';

// ---------- identifiers ----------
function nhsNumber() {
  for (;;) {
    const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? ri(4, 6) : ri(0, 9)));
    const s = d.reduce((t, x, i) => t + x * (10 - i), 0);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return d.join('') + c;
  }
}
const UPN_CHECK = 'ABCDEFGHJKLMNPQRTUVWXYZ';
function upn(la) {
  const body = `${la}${String(ri(2000, 7999))}${String(ri(10, 19))}${String(ri(0, 999)).padStart(3, '0')}`;
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i + 2);
  return UPN_CHECK[s % 23] + body;
}
const usedPhones = new Set();
function phone() {
  for (;;) {
    const p = `07700900${String(ri(0, 999)).padStart(3, '0')}`;
    if (!usedPhones.has(p)) return usedPhones.add(p), p;
  }
}
const usedVrm = new Set();
function vrm() {
  for (;;) {
    const v = pick(VRM_LETTERS) + pick(VRM_LETTERS) + String(ri(10, 74)) + pick(VRM_LETTERS) + pick(VRM_LETTERS) + pick(VRM_LETTERS);
    if (!usedVrm.has(v)) return usedVrm.add(v), v;
  }
}
function postcode(outward) {
  return `${outward} ${ri(1, 9)}${pick(IN_LETTERS)}${pick(IN_LETTERS)}`;
}
const pcKey = (p) => p.replace(/\s+/g, '').toUpperCase();

// ---------- agency styles ----------
function fmtPhone(p, st) {
  if (st === 'plain') return p;
  if (st === 'intl') return `+44 ${p.slice(1, 5)} ${p.slice(5)}`;
  if (st === 'dashed') return `${p.slice(0, 5)}-${p.slice(5, 8)}-${p.slice(8)}`;
  if (st === 'brackets') return `(${p.slice(0, 5)}) ${p.slice(5)}`;
  return `${p.slice(0, 5)} ${p.slice(5)}`;
}
function fmtVrm(v, st) {
  if (st === 'plain') return v;
  if (st === 'lower') return `${v.slice(0, 4)} ${v.slice(4)}`.toLowerCase();
  if (st === 'gappy') return `${v.slice(0, 2)} ${v.slice(2, 4)} ${v.slice(4)}`;
  return `${v.slice(0, 4)} ${v.slice(4)}`;
}
function fmtPc(p, st) {
  if (st === 'nospace') return p.replace(' ', '');
  if (st === 'lower') return p.toLowerCase();
  return p;
}

// ---------- dates (naive London local strings) ----------
const DAY = 86400000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const ymd = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const HOURS = [0, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
function ts(day, hour) {
  const h = hour ?? pick(HOURS);
  return `${ymd(Math.floor(day))}T${String(h).padStart(2, '0')}:${String(ri(0, 59)).padStart(2, '0')}:00`;
}
const officeTs = (day) => ts(day, ri(8, 18));

// ---------- one area ----------
function makeArea(cfg) {
  R = mulberry32(cfg.seed);
  usedPhones.clear();
  usedVrm.clear();
  const start = dayOf(cfg.start, 1, 1);
  const end = dayOf(cfg.start + cfg.years - 1, 12, 31);
  const span = end - start;
  const nChildren = SMALL ? Math.ceil(cfg.children / 3) : cfg.children;
  const outward = cfg.outward;
  const town = cfg.town;
  const A = Object.fromEntries(cfg.agencies.map((a) => [a.role, a]));
  const agencyList = cfg.agencies;

  // records per agency: {recAt, obj}
  const recs = new Map(agencyList.map((a) => [a.code, []]));
  const sidCounter = new Map();
  function sid(ag, type) {
    const k = `${ag.code}:${type}`;
    const n = (sidCounter.get(k) ?? 0) + 1;
    sidCounter.set(k, n);
    return ag.sid(type, n);
  }
  // person record per (agency, entity)
  const personSid = new Map(); // `${code}|${entity.id}` -> sid
  const entityRecords = new Map(); // entity.id -> [agency:sid]
  function personIn(ag, ent, atDay) {
    const k = `${ag.code}|${ent.id}`;
    if (personSid.has(k)) {
      const rec = personSid.get(k);
      if (rec.day > atDay) {
        rec.day = atDay; // recorded earlier than first thought
        rec.ref.recAt = officeTs(atDay - 1);
        rec.ref.obj.recorded_at = rec.ref.recAt;
      }
      return rec.sid;
    }
    const s = sid(ag, 'person');
    const st = ag.style;
    const o = { type: 'person', agency: ag.code, source_id: s };
    let given = ent.given;
    let family = ent.family;
    if (ent.alias && ent.aliasBy?.includes(ag.role)) given = ent.alias;
    else if (st.nick && NICK[given] && chance(st.nick)) {
      o.other_names = [given];
      given = NICK[given];
    } else if (st.spell && SPELL[given] && chance(st.spell)) given = SPELL[given];
    if (st.spell && SPELL[family] && chance(st.spell / 2)) family = SPELL[family];
    if (ent.onlyGiven?.includes(ag.role)) family = undefined;
    if (st.names === 'upper_family' && family) family = family.toUpperCase();
    if (st.names === 'all_upper') {
      given = given.toUpperCase();
      if (family) family = family.toUpperCase();
    }
    o.given_name = given;
    if (family) o.family_name = family;
    if (ent.otherNames) o.other_names = [...(o.other_names ?? []), ...ent.otherNames];
    if (ent.dob && !(ent.dobUnknownBy?.includes(ag.role))) {
      const miss = st.dobMissing ?? 0;
      if (!chance(miss)) o.date_of_birth = chance(st.dobPartial ?? 0) ? ent.dob.slice(0, 7) : ent.dob;
    } else if (ent.approxYear && chance(0.5)) o.date_of_birth = String(ent.approxYear);
    if (ent.sex && !chance(st.sexMissing ?? 0)) o.sex = ent.sex;
    if (ent.address && !chance(st.addrMissing ?? 0.1)) {
      o.address = { line1: ent.address.line1, town: ent.address.town, postcode: fmtPc(ent.address.postcode, st.pc) };
      if (ent.address.confidential) o.address.confidential = true;
    }
    if (ent.isChild) {
      if (st.ids?.includes('nhs') && ent.nhs && !chance(0.1))
        o.nhs_number = st.nhsSpaced ? `${ent.nhs.slice(0, 3)} ${ent.nhs.slice(3, 6)} ${ent.nhs.slice(6)}` : ent.nhs;
      if (st.ids?.includes('upn') && ent.upn) o.upn = ent.upn;
      o.is_child = true;
    } else {
      o.is_child = false;
      if (st.ids?.includes('pnc') && ent.pnc) o.pnc_id = ent.pnc;
      if (ent.ownPhone && chance(0.6)) o.phone = fmtPhone(ent.ownPhone, st.phone);
    }
    if (ent.ethnicity && chance(st.eth ?? 0.5)) o.ethnicity = ent.ethnicity;
    const recAt = officeTs(Math.max(atDay - ri(1, 3), start - 30));
    o.recorded_at = recAt;
    const ref = { recAt, obj: o };
    recs.get(ag.code).push(ref);
    personSid.set(k, { sid: s, day: atDay, ref });
    if (!entityRecords.has(ent.id)) entityRecords.set(ent.id, []);
    entityRecords.get(ent.id).push(`${ag.code}:${s}`);
    return s;
  }
  // group edges for "first visible"
  const edges = []; // {group, a, b, day}
  function lagFor(ag, kind) {
    if (kind === 'intelligence') return ri(2, 40);
    return ri(0, ag.lag ?? 3);
  }
  function event(ag, kind, child, day, opt = {}) {
    day = Math.max(day, start);
    if (day > end) return null;
    const s = sid(ag, 'event');
    const subj = personIn(ag, child, day);
    const o = { type: 'event', agency: ag.code, source_id: s, kind, subject: subj, occurred_at: ts(day, opt.hour) };
    if (opt.ended != null && kind === 'missing_episode') {
      // ends opt.ended days and some hours after it began (never before, never in London's skipped hour)
      let e = new Date(Date.parse(o.occurred_at + 'Z') + (opt.ended * 24 + ri(3, 14)) * 3600000 + ri(0, 59) * 60000);
      if (e.getUTCHours() === 1) e = new Date(e.getTime() + 3600000);
      o.ended_at = e.toISOString().slice(0, 16) + ':00';
    }
    if (opt.summary) o.summary = opt.summary;
    if (opt.details) o.details = opt.details;
    if (opt.indicators) o.indicators = opt.indicators;
    const inv = [];
    const links = []; // entity ids / object keys involved
    for (const x of opt.involves ?? []) {
      if (x.person) {
        inv.push({ person: personIn(ag, x.person, day), role: x.role });
        links.push(`P:${x.person.id}`);
      } else if (x.vehicle) {
        inv.push({ vehicle: fmtVrm(x.vehicle, ag.style.vrm) });
        links.push(`vehicle:${x.vehicle}`);
      } else if (x.phone) {
        inv.push({ phone: fmtPhone(x.phone, ag.style.phone) });
        links.push(`phone:${x.phone}`);
      } else if (x.online) {
        inv.push({ online: ag.style.handleCase === 'lower' ? x.online.toLowerCase() : x.online });
        links.push(`online:${x.online.toLowerCase()}`);
      } else if (x.location) {
        const l = { location: { name: x.location.name, postcode: fmtPc(x.location.postcode, ag.style.pc) } };
        if (x.role) l.role = x.role;
        inv.push(l);
        links.push(`location:${pcKey(x.location.postcode)}`);
      }
    }
    if (inv.length) o.involves = inv;
    for (const k of ['missing_from', 'risk_grading', 'reported_by', 'outcome', 'status', 'reason', 'child_account', 'episode', 'rationale'])
      if (opt[k]) o[k] = opt[k];
    if (kind === 'intelligence' || kind === 'sexual_health') o.restricted = opt.restricted ?? true;
    o.recorded_by = ag.recordedBy();
    const recDay = day + lagFor(ag, kind);
    o.recorded_at = officeTs(Math.min(recDay, end + 20));
    if (o.recorded_at < (o.ended_at ?? o.occurred_at)) o.recorded_at = o.ended_at ?? o.occurred_at;
    recs.get(ag.code).push({ recAt: o.recorded_at, obj: o });
    if (opt.group) for (const l of links) edges.push({ group: opt.group, a: `P:${child.id}`, b: l, at: o.recorded_at });
    return `${ag.code}:${s}`;
  }
  function relationship(ag, from, to, kind, day, opt = {}) {
    day = Math.max(day, start);
    if (day > end) return;
    const s = sid(ag, 'relationship');
    const o = { type: 'relationship', agency: ag.code, source_id: s, from: personIn(ag, from, day), to: personIn(ag, to, day), kind };
    if (opt.reliability) o.reliability = opt.reliability;
    o.since = ymd(day - ri(0, 60));
    if (opt.note) o.note = opt.note;
    o.recorded_at = officeTs(day + ri(0, 5));
    recs.get(ag.code).push({ recAt: o.recorded_at, obj: o });
    if (opt.group) edges.push({ group: opt.group, a: `P:${from.id}`, b: `P:${to.id}`, at: o.recorded_at });
  }

  // ---------- people ----------
  let nextId = 1;
  const children = [];
  const adults = [];
  function newAdult(sex, opt = {}) {
    const given = opt.given ?? (sex === 'male' ? pick(ADULT_M) : pick(ADULT_F));
    const family = opt.family ?? pick(FAMILY);
    const age = opt.age ?? ri(19, 45);
    const y = cfg.start - age;
    const a = {
      id: `A${String(nextId++).padStart(4, '0')}`, given, family, sex, isChild: false,
      dob: `${y}-${String(ri(1, 12)).padStart(2, '0')}-${String(ri(1, 28)).padStart(2, '0')}`,
      address: opt.address ?? { line1: `${ri(1, 140)} ${pick(STREETS)}`, town, postcode: postcode(pick(outward)) },
      pnc: chance(0.5) ? `${String(y + 20).slice(2)}/${ri(100000, 999999)}${pick('ABCDEFGHJKLMNPQRTUVWXY')}` : undefined,
      ownPhone: opt.ownPhone,
      ...opt.extra,
    };
    if (a.pnc && Number(a.pnc.slice(0, 2)) > Number(String(cfg.start).slice(2))) a.pnc = undefined;
    adults.push(a);
    return a;
  }
  // families (siblings share family name, address and parents)
  const ETHS = ['White British', 'Pakistani', 'Bangladeshi', 'Black African', 'Black Caribbean', 'White Other', 'Mixed', 'Indian', 'Any other'];
  const families = [];
  while (children.length < nChildren) {
    const size = chance(cfg.siblingShare ?? 0.25) ? ri(2, 3) : 1;
    const family = pick(FAMILY);
    const address = { line1: `${ri(1, 200)} ${pick(STREETS)}`, town, postcode: postcode(pick(outward)) };
    const eth = pick(ETHS);
    const fam = { children: [], parents: [] };
    for (let i = 0; i < size && children.length < nChildren; i++) {
      const sex = chance(0.5) ? 'female' : 'male';
      const ageAtStart = ri(8, 15);
      const by = cfg.start - ageAtStart;
      const c = {
        id: `C${String(nextId++).padStart(4, '0')}`, given: sex === 'female' ? pick(GIRLS) : pick(BOYS), family, sex,
        isChild: true, dob: `${by}-${String(ri(1, 12)).padStart(2, '0')}-${String(ri(1, 28)).padStart(2, '0')}`,
        address, nhs: nhsNumber(), upn: upn(cfg.la), ethnicity: eth, ownPhone: phone(),
      };
      c.day10 = dayOf(by + 10, 1, 1);
      c.day18 = Date.UTC(Number(c.dob.slice(0, 4)) + 18, Number(c.dob.slice(5, 7)) - 1, Number(c.dob.slice(8, 10))) / DAY;
      c.family_ = fam;
      children.push(c);
      fam.children.push(c);
    }
    if (fam.children.length > 1) {
      fam.parents.push(newAdult('female', { family, address, age: ri(30, 48), extra: { ethnicity: eth } }));
      if (chance(0.5)) fam.parents.push(newAdult('male', { family, address, age: ri(32, 52) }));
    }
    families.push(fam);
  }
  const activeFrom = (c) => Math.max(start, c.day10);
  const activeTo = (c) => Math.min(end, c.day18 - 1);
  const dayIn = (c, lo = 0, hi = 1) => {
    const a = activeFrom(c), b = activeTo(c);
    return Math.floor(a + (b - a) * (lo + (hi - lo) * rnd()));
  };
  const ageOn = (c, day) => Math.floor((day - Date.UTC(Number(c.dob.slice(0, 4)), Number(c.dob.slice(5, 7)) - 1, Number(c.dob.slice(8, 10))) / DAY) / 365.25);

  const truth = { area: cfg.id, name: cfg.name, period: { from: ymd(start), to: ymd(end) }, groups: [], confounders: [], child_records: {} };
  const used = new Set(); // children taken by groups
  const pickChildren = (n, pred) => {
    const pool = shuffle(children.filter((c) => !used.has(c.id) && activeTo(c) - activeFrom(c) > 300 && pred(c)));
    const got = pool.slice(0, n);
    for (const c of got) used.add(c.id);
    return got;
  };

  // ---------- background (every child) ----------
  const loc = (name, pc) => ({ name, postcode: pc });
  const schools = cfg.schools.map((n) => loc(n, postcode(pick(outward))));
  const gp = loc(cfg.gp ?? `${town} Health Centre`, postcode(pick(outward)));
  const busStation = loc(cfg.bus ?? `${town} Bus Station`, postcode(outward[0]));
  const conf = new Set(cfg.confounders);
  for (const c of children) {
    c.school = pick(schools);
    const a = activeFrom(c), b = activeTo(c);
    if (b <= a) continue;
    const yrs = (b - a) / 365;
    const dens = cfg.density;
    if (A.edu) {
      personIn(A.edu, c, Math.max(a, start));
      const n = Math.round(yrs * dens * rnd() * 2);
      for (let i = 0; i < n; i++) {
        const d = dayIn(c);
        if (chance(0.6)) event(A.edu, 'school_absence', c, d, { summary: `${ri(2, 9)} sessions unexplained absence`, details: `sessions missed: ${ri(2, 9)}`, hour: 9 });
        else event(A.edu, 'note', c, d, { summary: pick(['Attendance meeting with parent', 'Behaviour log: disruption in class', 'Pastoral check-in', 'Parent evening note']), involves: conf.has('school') && chance(0.7) ? [{ location: c.school }] : [], hour: ri(9, 15) });
      }
      if (conf.has('school') && chance(0.25)) {
        const d = dayIn(c);
        event(A.edu, 'concern', c, d, { summary: 'Altercation with another pupil at the school gates', involves: [{ location: c.school }], hour: 15 });
      }
    }
    if (A.health && chance(0.7)) {
      const n = 1 + Math.round(yrs * dens * rnd());
      for (let i = 0; i < n; i++) {
        const d = dayIn(c);
        event(A.health, 'health_attendance', c, d, { summary: pick(['Attended with sprained wrist', 'Asthma exacerbation', 'Head injury from fall, discharged', 'Abdominal pain, discharged', 'Minor burn']), involves: conf.has('gp') && chance(0.6) ? [{ location: gp }] : [] });
      }
    }
    if (A.police && chance(0.25 * dens)) {
      const d = dayIn(c);
      if (chance(0.5)) {
        const inv = [];
        if (conf.has('bus') && chance(0.5)) inv.push({ location: busStation, role: 'found_at' });
        event(A.police, 'missing_episode', c, d, { ended: ri(0, 2), missing_from: 'home', risk_grading: pick(['low', 'medium']), summary: 'Reported missing by mother after not returning from a friend\'s', involves: inv, hour: 22 });
      } else {
        event(A.police, 'crime_report', c, d, { summary: pick(['Phone stolen from bag', 'Assault by peer', 'Bike stolen', 'Online bullying by classmates']), involves: chance(0.5) ? [{ phone: c.ownPhone }] : [] });
      }
    }
    if (A.csc && chance(0.2 * dens)) {
      const d = dayIn(c);
      event(A.csc, 'contact_referral', c, d, { summary: pick(['Referral from school: neglect concerns', 'Domestic abuse notification', 'Parental mental health concern', 'Anonymous referral about home conditions']) });
      if (chance(0.6)) event(A.csc, 'assessment', c, d + ri(10, 40), { outcome: pick(['No further action', 'Early help', 'Child in need plan']) });
    }
    if (A.vol && chance(0.15)) event(A.vol, 'note', c, dayIn(c), { summary: 'Attended drop-in session' });
    if (A.sh && c.sex === 'female' && ageOn(c, end) >= 15 && chance(0.08)) event(A.sh, 'sexual_health', c, dayIn(c, 0.5, 1), { summary: 'Attended for contraception advice' });
  }

  // ---------- confounders ----------
  // siblings and parents
  const sib = { id: 'siblings', kind: 'siblings', adults: [], objects: [], children: [] };
  for (const fam of families) {
    if (fam.children.length < 2) continue;
    const ag = A.csc ?? A.police;
    const d = Math.max(start + ri(0, span / 2), ...fam.children.map(activeFrom));
    if (d > end) continue;
    for (const c of fam.children) {
      if (chance(0.6)) {
        event(ag, pick(['contact_referral', 'note']), c, d + ri(0, 3), { summary: 'Domestic incident at home; siblings present', involves: fam.parents.map((p) => ({ person: p, role: 'family' })) });
      }
      for (const p of fam.parents) if (chance(0.5)) relationship(ag, c, p, 'parent', d);
    }
    if (chance(0.5)) relationship(ag, fam.children[0], fam.children[1], 'family', d, { reliability: 'confirmed' });
    sib.adults.push(...fam.parents.map((p) => p.id));
    sib.children.push(...fam.children.map((c) => c.id));
  }
  truth.confounders.push(sib);
  function confound(id, kind, adultsE, objects, kids, make) {
    truth.confounders.push({ id, kind, adults: adultsE.map((a) => a.id), objects, children: kids.map((c) => c.id) });
    for (const c of kids) make(c);
  }
  const anyKids = (n, pred = () => true) => shuffle(children.filter((c) => activeTo(c) - activeFrom(c) > 60 && pred(c))).slice(0, n);
  if (conf.has('school'))
    truth.confounders.push({ id: 'schools', kind: 'school', adults: [], objects: schools.map((s) => ({ kind: 'location', key: pcKey(s.postcode) })), children: [] });
  if (conf.has('gp')) truth.confounders.push({ id: 'gp', kind: 'gp_surgery', adults: [], objects: [{ kind: 'location', key: pcKey(gp.postcode) }], children: [] });
  if (conf.has('bus')) {
    const kids = anyKids(Math.round(nChildren * 0.08), (c) => !used.has(c.id));
    confound('bus_station', 'bus_station', [], [{ kind: 'location', key: pcKey(busStation.postcode) }], kids, (c) => {
      const d = dayIn(c);
      if (A.police) event(A.police, 'missing_episode', c, d, { ended: 1, missing_from: 'home', risk_grading: 'low', summary: `Found at ${busStation.name} waiting for a bus home`, involves: [{ location: busStation, role: 'found_at' }], hour: 21 });
      if (A.btp && chance(0.5)) event(A.btp, 'note', c, d + ri(5, 200), { summary: 'Stopped for fare evasion at the bus station', involves: [{ location: busStation }] });
    });
  }
  if (conf.has('home') && A.csc) {
    const home = loc(cfg.home ?? 'Oakfield House children\'s home', postcode(pick(outward)));
    const staff = [newAdult('female', { address: { line1: '1 Staff Way', town, postcode: home.postcode } }), newAdult('male'), newAdult('female')];
    staff[1].alias = 'Mr';
    staff[1].aliasBy = ['police'];
    const kids = anyKids(ri(7, 12), (c) => !used.has(c.id) && ageOn(c, end) >= 13);
    confound('childrens_home', 'childrens_home', staff, [{ kind: 'location', key: pcKey(home.postcode) }], kids, (c) => {
      const d = dayIn(c, 0, 0.4);
      c.address = { line1: home.name, town, postcode: home.postcode, confidential: true };
      event(A.csc, 'looked_after_start', c, d, { summary: `Placed at ${home.name}`, involves: [{ location: home }, { person: staff[0], role: 'professional' }] });
      const n = ri(1, 4);
      for (let i = 0; i < n; i++) {
        const dd = d + ri(20, 300);
        if (dd > activeTo(c)) break;
        const s2 = pick(staff);
        if (A.police) event(A.police, 'missing_episode', c, dd, { ended: ri(0, 2), missing_from: 'care_placement', risk_grading: pick(['low', 'medium']), reported_by: `${s2.given} ${s2.family} (care staff)`, summary: `Reported missing by staff at ${home.name}`, involves: [{ person: s2, role: 'professional' }, { location: home }], hour: 23 });
        event(A.csc, 'note', c, dd + 2, { summary: 'Key worker session after return', involves: [{ person: s2, role: 'professional' }] });
      }
    });
  }
  if (conf.has('football')) {
    const coach = newAdult('male', { age: ri(35, 55), ownPhone: phone() });
    const ground = loc(`${town} Juniors FC ground`, postcode(pick(outward)));
    const kids = anyKids(ri(6, 10), (c) => c.sex === 'male' || chance(0.2));
    confound('football_coach', 'football_coach', [coach], [{ kind: 'location', key: pcKey(ground.postcode) }, { kind: 'phone', key: coach.ownPhone }], kids, (c) => {
      const d = dayIn(c);
      if (A.health) event(A.health, 'health_attendance', c, d, { summary: 'Ankle injury at football training; brought in by coach', involves: [{ person: coach, role: 'witness' }, { location: ground }], hour: 19 });
      if (A.edu && chance(0.5)) event(A.edu, 'note', c, d + ri(5, 100), { summary: 'Coach called school about missed training and mood', involves: [{ person: coach, role: 'associate' }, { phone: coach.ownPhone }] });
      if (A.police && chance(0.3)) event(A.police, 'crime_report', c, d + ri(5, 200), { summary: 'Bag stolen from changing room at the club', involves: [{ person: coach, role: 'witness' }, { location: ground }] });
    });
  }
  if (conf.has('youth_club') && (A.vol || A.police)) {
    const club = loc(cfg.club ?? `${town} Youth Centre`, postcode(pick(outward)));
    const worker = newAdult(pick(['male', 'female']), { age: ri(25, 50) });
    const kids = anyKids(ri(10, 18));
    confound('youth_club', 'youth_club', [worker], [{ kind: 'location', key: pcKey(club.postcode) }], kids, (c) => {
      const d = dayIn(c);
      const ag = A.vol ?? A.police;
      event(ag, 'note', c, d, { summary: 'Attended evening session; youth worker spoke with her/him', involves: [{ person: worker, role: 'professional' }, { location: club }], hour: 19 });
      if (A.police && chance(0.3)) event(A.police, 'note', c, d + ri(10, 200), { summary: 'Group of young people outside youth centre, dispersed', involves: [{ location: club }], hour: 21 });
    });
  }
  if (conf.has('taxi')) {
    const cars = [vrm(), vrm(), vrm()];
    const firmPhone = phone();
    const kids = anyKids(ri(6, 10));
    confound('taxi_firm', 'taxi_firm', [], [...cars.map((v) => ({ kind: 'vehicle', key: v })), { kind: 'phone', key: firmPhone }], kids, (c) => {
      const d = dayIn(c);
      const car = pick(cars);
      if (A.edu) event(A.edu, 'note', c, d, { summary: `Home to school transport by contracted taxi (${cfg.taxi ?? 'Borough Cars'})`, involves: [{ vehicle: car }, { phone: firmPhone }], hour: 8 });
      if (A.csc && chance(0.5)) event(A.csc, 'note', c, d + ri(5, 150), { summary: 'Taxi booked through the contract to take child to contact', involves: [{ vehicle: pick(cars) }] });
      if (A.police && chance(0.3)) event(A.police, 'missing_episode', c, d + ri(5, 200), { ended: 0, missing_from: 'school', risk_grading: 'low', summary: 'Did not get into contracted taxi after school; located at a friend\'s', involves: [{ vehicle: car }], hour: 16 });
    });
  }

  // ---------- noise: peers and single sightings ----------
  for (let i = 0; i < Math.round(nChildren * 0.15); i++) {
    const c = pick(children);
    if (activeTo(c) <= activeFrom(c)) continue;
    const ag = pick(agencyList.filter((a) => ['police', 'csc', 'yjs', 'vol'].includes(a.role)));
    const inv = pick([
      () => [{ vehicle: vrm() }],
      () => [{ person: newAdult(pick(['male', 'female'])), role: 'associate' }],
      () => [{ phone: phone() }],
      () => [{ location: loc(`${pick(STREETS)} park`, postcode(pick(outward))) }],
    ])();
    event(ag, 'note', c, dayIn(c), { summary: 'Seen in the company of others; no concerns noted', involves: inv });
  }
  // an older peer (18-19) linked to two children innocently
  for (let i = 0; i < cfg.peerPairs; i++) {
    const p = newAdult(pick(['male', 'female']), { age: 18 });
    const [c1, c2] = anyKids(2);
    if (!c2) break;
    const ag = A.police ?? A.csc;
    event(ag, 'note', c1, dayIn(c1), { summary: 'With older friend at the skate park; spoken to', involves: [{ person: p, role: 'associate' }] });
    event(ag, 'note', c2, dayIn(c2), { summary: 'With older friend at the skate park; spoken to', involves: [{ person: p, role: 'associate' }] });
    truth.confounders.push({ id: `peer_${i + 1}`, kind: 'older_peer', adults: [p.id], objects: [], children: [c1.id, c2.id] });
  }

  // ---------- planted groups ----------
  const trapTown = cfg.trapOutward ?? 'LS9';
  let gi = 0;
  for (const g of cfg.groups) {
    gi++;
    const gid = `${cfg.id}-g${gi}-${g.shape}`;
    const G = { id: gid, shape: g.shape, children: [], adults: [], objects: [] };
    const t0 = start + Math.floor(span * (g.at ?? rnd() * 0.5));
    const stepDays = g.step ?? ri(25, 90);
    const pol = A.police, csc = A.csc ?? A.police, edu = A.edu ?? csc, yjs = A.yjs ?? pol, hl = A.health ?? csc;
    const other = [A.btp, A.vol, A.sh].filter(Boolean);
    const when = (k) => t0 + k * stepDays + ri(-10, 10);
    const alive = (c, d) => d >= activeFrom(c) && d <= activeTo(c);
    if (g.shape === 'county_lines') {
      const kids = pickChildren(g.children ?? ri(4, 7), (c) => (c.sex === 'male' || chance(0.2)) && ageOn(c, t0) >= 13 && ageOn(c, t0) <= 16);
      const elder = newAdult('male', { age: ri(20, 27), extra: { alias: pick(['K-Dog', 'Smokes', 'Rico', 'Trigga', 'Ghost']), aliasBy: ['yjs', 'edu'], onlyGiven: ['yjs', 'edu'] } });
      const runner = newAdult('male', { age: ri(18, 21) });
      const lines = [phone(), phone()];
      const trap = loc('Flat 3, 22 Gledhow Rise', postcode(trapTown));
      G.adults.push(elder, runner);
      G.objects.push({ kind: 'phone', key: lines[0] }, { kind: 'phone', key: lines[1] }, { kind: 'location', key: pcKey(trap.postcode) });
      kids.forEach((c, k) => {
        let d = when(k);
        if (!alive(c, d)) d = Math.min(Math.max(d, activeFrom(c)), activeTo(c));
        const line = k % 3 === 2 ? lines[1] : lines[0];
        const ag = k % 2 === 1 && A.btp ? A.btp : pol;
        event(ag, 'arrest', c, d, { summary: `Arrested at ${pick(['the railway station', 'a flat out of area', 'a bus stop on the A62'])} with wraps and a phone`, details: `Two handsets seized; deal line ${fmtPhone(line, 'spaced')} in use`, indicators: ['drug_misuse', 'older_associates'], involves: [{ phone: line }, ...(k % 2 === 0 ? [{ location: trap }] : [])], group: gid });
        if (k >= 1) event(pol, 'intelligence', c, d + ri(10, 60), { summary: 'Intelligence: believed to be running for an older male known on the street as ' + elder.alias, involves: [{ person: elder, role: 'suspect' }], group: gid });
        if (chance(0.6)) event(pol, 'missing_episode', c, d + ri(20, 80), { ended: ri(2, 5), missing_from: 'home', risk_grading: 'high', summary: 'Missing three days, found out of area', involves: [{ location: trap, role: 'found_at' }, ...(chance(0.5) ? [{ person: runner, role: 'found_with' }] : [])], group: gid, hour: 23 });
        if (yjs && chance(0.7)) event(yjs, 'youth_justice', c, d + ri(15, 50), { summary: 'Referral order; says he owes money', involves: chance(0.5) ? [{ person: elder, role: 'associate' }] : [], group: gid });
        if (edu && chance(0.5)) event(edu, 'school_exclusion', c, d + ri(-40, 20), { summary: 'Fixed-term exclusion; found with cash and a second phone', involves: chance(0.4) ? [{ phone: lines[1] }] : [], group: gid });
        if (k === 1) relationship(pol, c, runner, 'associate', d + 30, { reliability: 'tentative', group: gid });
        G.children.push(c);
      });
    } else if (g.shape === 'grooming') {
      const kids = pickChildren(g.children ?? ri(5, 8), (c) => c.sex === 'female' && ageOn(c, t0) >= 12 && ageOn(c, t0) <= 15);
      const men = Array.from({ length: g.adults ?? ri(3, 5) }, (_, i) => newAdult('male', { age: ri(22, 44), ownPhone: i === 0 ? phone() : undefined }));
      men[0].alias = NICK[men[0].given] ?? men[0].given;
      men[0].aliasBy = ['csc', 'edu', 'vol'];
      men[0].onlyGiven = ['edu', 'vol', 'sh'];
      const cars = [vrm(), vrm(), ...(chance(0.5) ? [vrm()] : [])];
      const takeaway = loc(pick(['Pizza Palace, Union St', 'Crispy Chicken, Bold St', 'Star Kebabs, Yorkshire St']), postcode(pick(outward)));
      const flat = loc(`Flat ${ri(1, 9)}, ${ri(2, 60)} ${pick(STREETS)}`, postcode(pick(outward)));
      G.adults.push(...men);
      G.objects.push(...cars.map((v) => ({ kind: 'vehicle', key: v })), { kind: 'location', key: pcKey(takeaway.postcode) }, { kind: 'location', key: pcKey(flat.postcode) }, { kind: 'phone', key: men[0].ownPhone });
      kids.forEach((c, k) => {
        let d = when(k);
        if (!alive(c, d)) d = Math.min(Math.max(d, activeFrom(c)), activeTo(c));
        const man = men[k % men.length];
        const car = cars[k % cars.length];
        event(pol, 'missing_episode', c, d, { ended: ri(0, 2), missing_from: chance(0.4) ? 'care_placement' : 'home', risk_grading: 'high', summary: 'Found in a car with an adult male in the early hours', indicators: ['vehicle_unknown_adults', 'older_associates', 'missing'], involves: [{ vehicle: car, role: 'found_with' }, { person: man, role: 'found_with' }], group: gid, hour: 2 });
        event(csc, 'concern', c, d + ri(5, 40), { summary: `Talks about a "boyfriend" who collects her from ${takeaway.name}`, indicators: ['older_associates', 'gifts_money'], involves: [{ location: takeaway }, ...(chance(0.6) ? [{ person: men[0], role: 'suspect' }] : [])], group: gid });
        if (chance(0.6)) relationship(csc, c, man, 'claimed_partner', d + ri(10, 60), { reliability: 'unconfirmed', note: 'Child calls him her boyfriend', group: gid });
        if (chance(0.5)) event(pol, 'intelligence', c, d + ri(30, 120), { summary: 'Seen being dropped at a flat by a vehicle linked to adult males', involves: [{ location: flat }, { vehicle: pick(cars) }], group: gid });
        if (edu && chance(0.5)) event(edu, 'concern', c, d + ri(-60, 30), { summary: 'New phone and clothes; collected from school gates by a man in a car', indicators: ['gifts_money'], involves: [{ person: men[0], role: 'associate' }, ...(chance(0.5) ? [{ phone: men[0].ownPhone }] : [])], group: gid });
        if (A.sh && chance(0.5)) event(A.sh, 'sexual_health', c, d + ri(20, 150), { summary: 'STI screen; says partner is "older"', involves: chance(0.3) ? [{ person: man, role: 'associate' }] : [], group: gid });
        if (k % 3 === 0 && A.health) event(hl, 'health_attendance', c, d + ri(30, 200), { summary: 'Intoxicated, brought in from a flat', involves: [{ location: flat }], group: gid });
        G.children.push(c);
      });
    } else if (g.shape === 'online') {
      const kids = pickChildren(g.children ?? ri(3, 6), (c) => ageOn(c, t0) >= 11 && ageOn(c, t0) <= 15);
      const handles = Array.from({ length: g.handles ?? ri(1, 3) }, () => `${pick(['xx', 'Real', 'its', 'Lil', 'the'])}${pick(['_Kane', '.ModelScout', '_bigbro', 'Jay_24', '_promoter', '.TikTokFam'])}${ri(1, 99)}@${pick(['snapchat', 'instagram', 'tiktok', 'discord'])}`);
      G.objects.push(...handles.map((h) => ({ kind: 'online', key: h })));
      kids.forEach((c, k) => {
        let d = when(k);
        if (!alive(c, d)) d = Math.min(Math.max(d, activeFrom(c)), activeTo(c));
        const h = handles[k % handles.length];
        event(edu, 'concern', c, d, { summary: 'Pupil shown messages from an account asking for pictures', indicators: ['concerning_internet_use'], involves: [{ online: h }], group: gid });
        if (chance(0.7)) event(pol, 'crime_report', c, d + ri(3, 30), { summary: 'Indecent images requested online; account reported', involves: [{ online: h }, ...(handles.length > 1 && chance(0.5) ? [{ online: pick(handles) }] : [])], group: gid });
        if (chance(0.4)) event(csc, 'note', c, d + ri(10, 60), { summary: 'Online safety work; child blocked the account', involves: [{ online: h }], group: gid });
        G.children.push(c);
      });
    } else if (g.shape === 'hub') {
      const kids = pickChildren(g.children ?? ri(6, 10), (c) => ageOn(c, t0) >= 11 && ageOn(c, t0) <= 16);
      const hub = newAdult(g.sex ?? 'male', { age: ri(30, 58), ownPhone: phone() });
      hub.alias = NICK[hub.given] ?? `${hub.given[0]}.`;
      hub.aliasBy = ['edu', 'health', 'vol'];
      hub.dobUnknownBy = ['edu', 'vol', 'csc'];
      const house = loc(`${ri(2, 90)} ${pick(STREETS)}`, postcode(pick(outward)));
      hub.address = { line1: house.name, town, postcode: house.postcode };
      G.adults.push(hub);
      G.objects.push({ kind: 'phone', key: hub.ownPhone }, { kind: 'location', key: pcKey(house.postcode) });
      const ags = agencyList.filter((a) => a.role !== 'sh');
      kids.forEach((c, k) => {
        let d = when(k);
        if (!alive(c, d)) d = Math.min(Math.max(d, activeFrom(c)), activeTo(c));
        const ag = ags[k % ags.length];
        event(ag, pick(['concern', 'note', 'intelligence']), c, d, { summary: 'Spends time at the home of an older adult who gives cigarettes, alcohol and lifts', indicators: ['older_associates', 'gifts_money'], involves: [{ person: hub, role: 'associate' }, ...(chance(0.5) ? [{ location: house }] : []), ...(chance(0.3) ? [{ phone: hub.ownPhone }] : [])], group: gid });
        if (chance(0.5)) event(pol, 'missing_episode', c, d + ri(10, 120), { ended: 1, missing_from: 'home', risk_grading: 'medium', summary: 'Found at an adult male\'s address', involves: [{ location: house, role: 'found_at' }, { person: hub, role: 'found_with' }], group: gid, hour: 0 });
        G.children.push(c);
      });
    } else if (g.shape === 'chain') {
      // c1 - A - c2 - V - c3 - B - c4 - P - c5 ...: each record shows exactly one child and one member
      const kids = pickChildren(g.children ?? ri(4, 6), (c) => ageOn(c, t0) >= 12 && ageOn(c, t0) <= 16);
      const members = [];
      for (let i = 0; i < kids.length - 1; i++) {
        const t = i % 3;
        if (t === 0) {
          const a = newAdult(pick(['male', 'male', 'female']), { age: ri(19, 35) });
          G.adults.push(a);
          members.push({ person: a, role: 'associate' });
        } else if (t === 1) {
          const v = vrm();
          G.objects.push({ kind: 'vehicle', key: v });
          members.push({ vehicle: v });
        } else {
          const p = phone();
          G.objects.push({ kind: 'phone', key: p });
          members.push({ phone: p });
        }
      }
      kids.forEach((c, k) => {
        let d = when(k);
        if (!alive(c, d)) d = Math.min(Math.max(d, activeFrom(c)), activeTo(c));
        const left = members[k - 1], right = members[k];
        const ag1 = pick(agencyList.filter((a) => a.role !== 'sh'));
        if (left) event(ag1, pick(['note', 'concern', 'intelligence']), c, d, { summary: 'Seen with an older associate; refused to say more', indicators: ['older_associates'], involves: [left.person ? { person: left.person, role: 'associate' } : left], group: gid });
        if (right) event(pol ?? ag1, pick(['missing_episode', 'intelligence', 'note']), c, d + ri(20, 90), { ended: 1, summary: 'Believed to be in contact with an older person outside the family', involves: [right.person ? { person: right.person, role: 'associate' } : right], group: gid });
        G.children.push(c);
      });
    }
    // first visible: first recorded_at at which a connected component of this group's edges holds
    // 2+ of its children and 1+ adult or object
    const eg = edges.filter((e) => e.group === gid).sort((a, b) => (a.at < b.at ? -1 : 1));
    const parent = new Map();
    const find = (x) => {
      if (!parent.has(x)) parent.set(x, x);
      while (parent.get(x) !== x) x = parent.get(x);
      return x;
    };
    const kidSet = new Set(G.children.map((c) => `P:${c.id}`));
    let fv = null;
    for (const e of eg) {
      parent.set(find(e.a), find(e.b));
      const comp = new Map();
      for (const x of parent.keys()) {
        const r = find(x);
        if (!comp.has(r)) comp.set(r, { k: 0, m: 0 });
        if (kidSet.has(x)) comp.get(r).k++;
        else comp.get(r).m++;
      }
      if ([...comp.values()].some((v) => v.k >= 2 && v.m >= 1)) {
        fv = e.at.slice(0, 10);
        break;
      }
    }
    truth.groups.push({
      id: gid, shape: g.shape, first_visible: fv,
      children: G.children.map((c) => ({ id: c.id, name: `${c.given} ${c.family}`, source_records: entityRecords.get(c.id) ?? [] })),
      adults: G.adults.map((a) => ({ id: a.id, name: `${a.given} ${a.family}`, source_records: entityRecords.get(a.id) ?? [] })),
      objects: G.objects.filter((o) => o.key),
    });
  }
  // confounders' adults as source records
  for (const cf of truth.confounders) {
    cf.adults = cf.adults.map((id) => {
      const a = adults.find((x) => x.id === id);
      return { id, name: `${a.given} ${a.family}`, source_records: entityRecords.get(id) ?? [] };
    });
  }
  for (const c of children) for (const r of entityRecords.get(c.id) ?? []) truth.child_records[r] = c.id;

  // ---------- write ----------
  const dir = path.join(OUT, cfg.id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  let count = 0;
  for (const ag of agencyList) {
    const byYear = new Map();
    for (const r of recs.get(ag.code)) {
      const y = r.obj.recorded_at.slice(0, 4);
      if (!byYear.has(y)) byYear.set(y, []);
      byYear.get(y).push(r);
    }
    for (const [y, rs] of [...byYear].sort()) {
      rs.sort((a, b) => (a.recAt < b.recAt ? -1 : a.recAt > b.recAt ? 1 : 0));
      const f = `${ag.code}-${y}.ndjson`;
      fs.writeFileSync(path.join(dir, f), rs.map((r) => JSON.stringify(r.obj)).join(ag.style.crlf ? '\r\n' : '\n') + '\n');
      files.push({ file: f, agency: ag.code, year: Number(y), records: rs.length });
      count += rs.length;
    }
  }
  files.sort((a, b) => a.year - b.year || a.agency.localeCompare(b.agency));
  fs.writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(agencyList.map((a) => ({ code: a.code, name: a.name, kind: a.kind })), null, 1) + '\n');
  truth.files = files.map((f) => f.file);
  truth.children_total = nChildren;
  truth.end = ymd(end);
  fs.writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  console.log(`${cfg.id}: ${nChildren} children, ${agencyList.length} agencies, ${cfg.years} years, ${count} records, groups ${truth.groups.map((g) => `${g.shape}(${g.children.length}c, fv ${g.first_visible})`).join(' ')}`);
}

// ---------- agencies ----------
const rb = (pre) => () => `${pre}${ri(1000, 9999)}`;
const P = (code, name, style, sidf, lag = 2) => ({ code, name, kind: 'police', role: 'police', style, sid: sidf, lag, recordedBy: rb('PC ') });
const mk = (role, kind) => (code, name, style, sidf, lag = 5) => ({ code, name, kind, role, style, sid: sidf, lag, recordedBy: rb(role === 'police' || role === 'btp' ? 'PC ' : 'Staff ') });
const CSC = mk('csc', 'childrens_social_care');
const EDU = mk('edu', 'education');
const HEALTH = mk('health', 'health');
const SH = mk('sh', 'health');
const YJS = mk('yjs', 'youth_justice');
const VOL = mk('vol', 'voluntary');
const BTP = mk('btp', 'police');
const seqSid = (pre, w = 5) => (type, n) => `${pre}${type === 'person' ? 'P' : type === 'event' ? 'E' : 'R'}${String(n).padStart(w, '0')}`;
const slashSid = (pre, year) => (type, n) => `${pre}/${type.slice(0, 3).toUpperCase()}/${year}/${n}`;
const numSid = (base) => (type, n) => String(base + n * 3 + (type === 'person' ? 0 : type === 'event' ? 1 : 2));

const AREAS = [
  { id: 'saltmarsh', name: 'Saltmarsh (coastal town)', seed: 7101, start: 2022, years: 3, children: 180, la: '811', outward: ['SM1', 'SM2', 'SM3'], town: 'Saltmarsh', schools: ['Saltmarsh Academy'], density: 0.9, peerPairs: 2, trapOutward: 'HU9',
    confounders: ['school', 'bus', 'gp', 'siblings'],
    groups: [{ shape: 'county_lines', at: 0.15, step: 70 }, { shape: 'hub', at: 0.3 }],
    agencies: [P('hpol', 'Humberside Police', { names: 'upper_family', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['pnc'], nick: 0.2 }, seqSid('H')),
      CSC('sm_csc', 'Saltmarsh Children\'s Services', { names: 'plain', phone: 'plain', pc: 'nospace', ids: ['nhs'], dobPartial: 0.1 }, slashSid('CS', 'SM')),
      EDU('sm_edu', 'Saltmarsh Academy Trust', { names: 'plain', pc: 'spaced', ids: ['upn'], spell: 0.1 }, seqSid('SA', 4)),
      HEALTH('sm_nhs', 'East Coast NHS Trust', { names: 'all_upper', pc: 'nospace', ids: ['nhs'], nhsSpaced: true, phone: 'plain' }, numSid(400000)),
      YJS('sm_yos', 'Saltmarsh Youth Justice Service', { names: 'plain', pc: 'lower', nick: 0.4, dobMissing: 0.2 }, seqSid('Y'))] },
  { id: 'kelbrook', name: 'Kelbrook (mill town)', seed: 7102, start: 2020, years: 5, children: 320, la: '889', outward: ['BB8', 'BB9', 'BB18'], town: 'Kelbrook', schools: ['Kelbrook High School', 'St Wilfrid\'s RC High'], density: 1.0, peerPairs: 3, taxi: 'Pennine Private Hire',
    confounders: ['school', 'taxi', 'home', 'siblings'],
    groups: [{ shape: 'grooming', at: 0.2, step: 55 }, { shape: 'online', at: 0.5 }, { shape: 'chain', at: 0.35 }],
    agencies: [P('lanc', 'Lancashire Constabulary', { names: 'upper_family', phone: 'intl', vrm: 'plain', pc: 'spaced', ids: ['pnc'], nick: 0.3 }, slashSid('LC', 'K')),
      CSC('kb_csc', 'Kelbrook Children\'s Social Care', { names: 'plain', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['nhs'], spell: 0.15 }, seqSid('KC')),
      EDU('kb_edu', 'Kelbrook Education Safeguarding', { names: 'plain', pc: 'nospace', ids: ['upn'], nick: 0.2, handleCase: 'lower' }, seqSid('ED', 6)),
      HEALTH('kb_hosp', 'Kelbrook Hospitals NHS Trust', { names: 'all_upper', pc: 'nospace', ids: ['nhs'], phone: 'plain' }, numSid(7000000)),
      SH('kb_sh', 'Kelbrook Sexual Health Service', { names: 'plain', dobMissing: 0.3, addrMissing: 0.6, nick: 0.5 }, seqSid('SH')),
      YJS('kb_yjs', 'Kelbrook Youth Justice', { names: 'upper_family', pc: 'spaced' }, seqSid('YJ')),
      VOL('kb_vol', 'Safe Steps (CSE charity)', { names: 'plain', nick: 0.6, dobMissing: 0.4, addrMissing: 0.5, vrm: 'lower', phone: 'dashed' }, seqSid('SS', 3))] },
  { id: 'harrowgate', name: 'Harrowgate Vale (inner city)', seed: 7103, start: 2021, years: 4, children: 400, la: '336', outward: ['B19', 'B20', 'B21', 'B6'], town: 'Harrowgate Vale', schools: ['Vale Academy', 'Aston Park School', 'Heathfield Girls'], density: 1.2, peerPairs: 5, trapOutward: 'SY1',
    confounders: ['school', 'bus', 'gp', 'siblings', 'home', 'football', 'youth_club', 'taxi'],
    groups: [{ shape: 'county_lines', at: 0.1, step: 40 }, { shape: 'county_lines', at: 0.45, step: 60, children: 5 }, { shape: 'grooming', at: 0.25, step: 45 }, { shape: 'online', at: 0.6, handles: 2 }, { shape: 'hub', at: 0.2, sex: 'female' }],
    agencies: [P('wmp', 'West Midlands Police', { names: 'upper_family', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['pnc'], nick: 0.3, spell: 0.1 }, seqSid('WM', 6)),
      BTP('btp', 'British Transport Police', { names: 'all_upper', phone: 'plain', vrm: 'plain', pc: 'nospace', dobPartial: 0.2 }, slashSid('BTP', 'W')),
      CSC('hv_csc', 'Harrowgate Vale Children\'s Trust', { names: 'plain', phone: 'brackets', pc: 'lower', ids: ['nhs'], spell: 0.15 }, seqSid('CT')),
      EDU('hv_edu', 'Vale Schools Partnership', { names: 'plain', pc: 'spaced', ids: ['upn'], nick: 0.3, spell: 0.1 }, seqSid('SCH', 5)),
      HEALTH('hv_ae', 'City Hospitals A&E', { names: 'upper_family', ids: ['nhs'], nhsSpaced: true, pc: 'nospace' }, numSid(9100000)),
      SH('hv_sh', 'Umbrella Sexual Health', { names: 'plain', nick: 0.5, dobMissing: 0.3, addrMissing: 0.7 }, seqSid('UM')),
      YJS('hv_yot', 'Youth Offending Team', { names: 'upper_family', pc: 'spaced', dobPartial: 0.1 }, slashSid('YOT', 'HV')),
      VOL('hv_vol', 'St Giles Trust (SOS project)', { names: 'plain', nick: 0.6, dobMissing: 0.5, phone: 'dashed', crlf: true }, seqSid('SG', 4))] },
  { id: 'dunmere', name: 'Dunmere (rural district)', seed: 7104, start: 2021, years: 4, children: 150, la: '909', outward: ['CA10', 'CA11', 'CA16'], town: 'Dunmere', schools: ['Dunmere School'], density: 0.6, peerPairs: 1, siblingShare: 0.4,
    confounders: ['school', 'gp', 'football', 'youth_club', 'siblings'],
    groups: [{ shape: 'chain', at: 0.3, step: 100, children: 5 }],
    agencies: [P('cumb', 'Cumbria Police', { names: 'plain', phone: 'spaced', vrm: 'gappy', pc: 'spaced', ids: ['pnc'] }, seqSid('CU')),
      CSC('dm_csc', 'Dunmere Children\'s Services', { names: 'upper_family', phone: 'plain', pc: 'spaced', ids: ['nhs'], dobPartial: 0.2 }, numSid(20000)),
      EDU('dm_edu', 'Dunmere School', { names: 'plain', ids: ['upn'], pc: 'spaced' }, seqSid('DS', 3)),
      HEALTH('dm_gp', 'Dunmere Primary Care', { names: 'plain', ids: ['nhs'], pc: 'nospace', phone: 'intl' }, seqSid('GP')),
      VOL('dm_vol', 'Fellside Youth Trust', { names: 'plain', nick: 0.5, dobMissing: 0.6, vrm: 'lower' }, seqSid('FY', 3))] },
  { id: 'pennock', name: 'Pennock (post-industrial town)', seed: 7105, start: 2022, years: 3, children: 250, la: '370', outward: ['WF1', 'WF2', 'WF5'], town: 'Pennock', schools: ['Pennock Academy', 'Outwood Grange'], density: 1.0, peerPairs: 2, taxi: 'A1 Cars Pennock',
    confounders: ['home', 'taxi', 'bus', 'siblings'],
    groups: [{ shape: 'grooming', at: 0.1, step: 40, adults: 5, children: 8 }, { shape: 'chain', at: 0.4, step: 60, children: 6 }],
    agencies: [P('wyp', 'West Yorkshire Police', { names: 'upper_family', phone: 'plain', vrm: 'plain', pc: 'nospace', ids: ['pnc'], nick: 0.25 }, seqSid('WY', 7)),
      CSC('pk_csc', 'Pennock Children\'s Social Work', { names: 'plain', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['nhs'] }, slashSid('PK', 'CSW')),
      EDU('pk_edu', 'Pennock Learning Trust', { names: 'all_upper', ids: ['upn'], pc: 'spaced', spell: 0.15 }, seqSid('PL')),
      HEALTH('pk_mid', 'Mid Yorkshire Hospitals', { names: 'upper_family', ids: ['nhs'], pc: 'nospace', phone: 'plain' }, numSid(55000)),
      SH('pk_sh', 'Pennock Sexual Health', { names: 'plain', nick: 0.6, dobMissing: 0.3, addrMissing: 0.7 }, seqSid('PS')),
      VOL('pk_vol', 'Barnardo\'s Pennock', { names: 'plain', nick: 0.5, dobMissing: 0.4, vrm: 'lower', phone: 'brackets' }, seqSid('BN'))] },
  { id: 'ashby', name: 'Ashby Fold (suburban)', seed: 7106, start: 2020, years: 5, children: 220, la: '855', outward: ['LE65', 'LE67', 'DE11'], town: 'Ashby Fold', schools: ['Ashby Fold School', 'Ivanhoe College'], density: 0.8, peerPairs: 2, trapOutward: 'NG7',
    confounders: ['youth_club', 'football', 'school', 'siblings'],
    groups: [{ shape: 'online', at: 0.15, handles: 3, children: 6 }, { shape: 'hub', at: 0.4, children: 7 }, { shape: 'county_lines', at: 0.6, step: 50 }],
    agencies: [P('leic', 'Leicestershire Police', { names: 'plain', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['pnc'], nick: 0.2 }, slashSid('LP', 'AF')),
      CSC('af_csc', 'Ashby Fold Children and Families', { names: 'upper_family', phone: 'dashed', pc: 'nospace', ids: ['nhs'], dobPartial: 0.1 }, seqSid('AF')),
      EDU('af_edu', 'Ashby Fold Schools', { names: 'plain', ids: ['upn'], pc: 'lower', nick: 0.2, handleCase: 'lower' }, seqSid('AS', 5)),
      HEALTH('af_nhs', 'Leicester Royal Infirmary ED', { names: 'all_upper', ids: ['nhs'], pc: 'nospace' }, numSid(3300000)),
      YJS('af_yjs', 'Ashby Youth Justice', { names: 'plain', nick: 0.3 }, seqSid('YJ')),
      VOL('af_vol', 'Fold Youth Project', { names: 'plain', nick: 0.6, dobMissing: 0.5, addrMissing: 0.6 }, seqSid('FY'))] },
  { id: 'marlow-cross', name: 'Marlow Cross (dense estate)', seed: 7107, start: 2023, years: 3, children: 380, la: '208', outward: ['SE15', 'SE5', 'SE22'], town: 'Marlow Cross', schools: ['Marlow Cross Academy', 'Peckham Rise School'], density: 1.5, peerPairs: 6, trapOutward: 'CT9', siblingShare: 0.35, club: 'Marlow Cross Adventure Playground', taxi: 'Addison Lee (council contract)',
    confounders: ['school', 'bus', 'gp', 'siblings', 'home', 'football', 'youth_club', 'taxi'],
    groups: [{ shape: 'county_lines', at: 0.1, step: 35, children: 7 }, { shape: 'grooming', at: 0.3, step: 50 }, { shape: 'chain', at: 0.2, step: 45, children: 6 }, { shape: 'hub', at: 0.5 }],
    agencies: [P('met', 'Metropolitan Police', { names: 'upper_family', phone: 'plain', vrm: 'spaced', pc: 'spaced', ids: ['pnc'], nick: 0.3, spell: 0.1 }, seqSid('MP', 7)),
      BTP('btp', 'British Transport Police', { names: 'all_upper', phone: 'intl', vrm: 'plain', pc: 'nospace', dobPartial: 0.2 }, slashSid('BTP', 'L')),
      CSC('mx_csc', 'Marlow Cross Children\'s Social Care', { names: 'plain', phone: 'spaced', pc: 'spaced', ids: ['nhs'], spell: 0.1 }, seqSid('MX')),
      EDU('mx_edu', 'Marlow Cross Schools', { names: 'plain', ids: ['upn'], pc: 'nospace', nick: 0.3 }, seqSid('MS', 6)),
      HEALTH('mx_kch', 'King\'s College Hospital ED', { names: 'upper_family', ids: ['nhs'], nhsSpaced: true, pc: 'nospace' }, numSid(8800000)),
      SH('mx_sh', 'Camberwell Sexual Health', { names: 'plain', nick: 0.5, dobMissing: 0.4, addrMissing: 0.8 }, seqSid('CS')),
      YJS('mx_yos', 'Marlow Cross YOS', { names: 'upper_family', pc: 'spaced', nick: 0.2 }, slashSid('YOS', 'MX')),
      VOL('mx_vol', 'Redthread youth workers', { names: 'plain', nick: 0.6, dobMissing: 0.6, phone: 'dashed', vrm: 'lower', crlf: true }, seqSid('RT', 4))] },
  { id: 'threlkeld', name: 'Threlkeld Bridge (market town)', seed: 7108, start: 2020, years: 5, children: 160, la: '916', outward: ['GL20', 'GL19'], town: 'Threlkeld Bridge', schools: ['Threlkeld School'], density: 0.5, peerPairs: 1,
    confounders: ['school', 'gp', 'siblings', 'taxi'],
    groups: [{ shape: 'online', at: 0.3, handles: 1, children: 4 }, { shape: 'grooming', at: 0.45, step: 90, adults: 3, children: 5 }],
    agencies: [P('glos', 'Gloucestershire Constabulary', { names: 'plain', phone: 'spaced', vrm: 'spaced', pc: 'spaced', ids: ['pnc'] }, seqSid('GC')),
      CSC('tb_csc', 'Threlkeld Children\'s Services', { names: 'upper_family', phone: 'plain', vrm: 'lower', pc: 'lower', ids: ['nhs'], dobPartial: 0.15 }, numSid(61000)),
      EDU('tb_edu', 'Threlkeld School', { names: 'plain', ids: ['upn'], pc: 'spaced', spell: 0.1 }, seqSid('TS', 4)),
      HEALTH('tb_hlth', 'Gloucestershire Health', { names: 'all_upper', ids: ['nhs'], pc: 'nospace', phone: 'intl' }, seqSid('GH', 6)),
      SH('tb_sh', 'Hope House Sexual Health', { names: 'plain', nick: 0.5, dobMissing: 0.5, addrMissing: 0.8 }, seqSid('HH')),
      YJS('tb_yjs', 'Gloucestershire Youth Support', { names: 'plain', pc: 'spaced' }, seqSid('YS')),
      VOL('tb_vol', 'Young Gloucestershire', { names: 'plain', nick: 0.5, dobMissing: 0.6 }, seqSid('YG'))] },
];

fs.mkdirSync(OUT, { recursive: true });
for (const a of AREAS) makeArea(a);
