#!/usr/bin/env node
// Blind round 9c: planted networks in five new areas, written blind (see README.md).
// Usage: node gen-networks.mjs [OUTDIR]   (default: networks/ beside this script)
// Standalone, no dependencies, fixed seed: the same bytes every run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'networks'));

// ---------------- random ----------------
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let R = mulberry32(20261209);
const ri = (a, b) => a + Math.floor(R() * (b - a + 1));
const pick = (a) => a[Math.floor(R() * a.length)];
const chance = (p) => R() < p;
const shuffle = (a) => { const b = [...a]; for (let i = b.length - 1; i > 0; i--) { const j = Math.floor(R() * (i + 1)); [b[i], b[j]] = [b[j], b[i]]; } return b; };

// ---------------- time ----------------
const DAY = 86400000;
const D = (s) => Math.round(Date.parse(s + 'T00:00:00Z') / DAY);
const ymd = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const hm = (m) => { m = ((m % 1440) + 1440) % 1440; let h = Math.floor(m / 60); if (h === 1) h = 2; return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`; };
const ts = (d, m) => `${ymd(d)}T${hm(m)}`;
const fmtUK = (d) => { const s = ymd(d); return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`; };

// ---------------- identifiers ----------------
function nhs() {
  for (;;) {
    const d = [9, 9, 9, ...Array.from({ length: 6 }, () => ri(0, 9))];
    const s = d.reduce((t, x, i) => t + x * (10 - i), 0);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return d.join('') + c;
  }
}
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
function upn(la) {
  const body = `${la}${ri(2000, 7999)}${String(ri(5, 14)).padStart(2, '0')}${String(ri(0, 999)).padStart(3, '0')}`;
  const s = [...body].reduce((t, ch, i) => t + Number(ch) * (i + 2), 0);
  return UPN_LETTERS[s % 23] + body;
}
// Ofcom's drama range: 1,000 numbers, dealt afresh in each area (areas are scored apart)
let PHONES = [];
let phoneIx = 0;
const newPhone = () => { if (phoneIx >= PHONES.length) throw new Error('out of drama-range phones'); return PHONES[phoneIx++]; };
const VL = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
const usedVrm = new Set();
function newVrm() {
  for (;;) {
    const v = `${pick(VL)}${pick(VL)}${pick(['15', '16', '65', '17', '67', '18', '68', '19', '69', '20', '70', '13', '63', '62', '12', '11', '61'])}${pick(VL)}${pick(VL)}${pick(VL)}`;
    if (!usedVrm.has(v)) { usedVrm.add(v); return v; }
  }
}
const INW = 'ABDEFGHJLNPQRSTUWXYZ';
const usedPc = new Set();
function newPc(outs) {
  for (;;) {
    const p = `${pick(outs)} ${ri(1, 9)}${pick(INW)}${pick(INW)}`;
    if (!usedPc.has(p)) { usedPc.add(p); return p; }
  }
}

// ---------------- names ----------------
const GIRLS = ['Amelia', 'Keeley', 'Shannon', 'Paige', 'Chloe', 'Demi', 'Jade', 'Kacey', 'Leah', 'Mollie', 'Tia', 'Skye', 'Lacey', 'Evie', 'Macy', 'Ruby', 'Summer', 'Kayla', 'Brooke', 'Aaliyah', 'Zainab', 'Maryam', 'Hafsa', 'Amira', 'Nadia', 'Oliwia', 'Zuzanna', 'Maja', 'Ioana', 'Denisa', 'Precious', 'Blessing', 'Chidinma', 'Thao', 'Linh', 'Ngoc', 'Kelsey', 'Harley', 'Jorja', 'Lexi', 'Niamh', 'Roisin', 'Courtney', 'Ellie-Mae', 'Tayla', 'Sienna', 'Grace', 'Holly', 'Aisha', 'Samira'];
const BOYS = ['Kyle', 'Callum', 'Brandon', 'Reece', 'Kian', 'Tyler', 'Jayden', 'Kai', 'Leon', 'Mason', 'Riley', 'Alfie', 'Harvey', 'Connor', 'Lewis', 'Dylan', 'Ethan', 'Bailey', 'Corey', 'Jake', 'Ibrahim', 'Yusuf', 'Bilal', 'Hamza', 'Adam', 'Kacper', 'Szymon', 'Andrei', 'Darius', 'Emmanuel', 'Tobi', 'Kwame', 'Minh', 'Duc', 'Tuan', 'Arben', 'Klevis', 'Ermal', 'Deshawn', 'Tremaine', 'Marcus', 'Rhys', 'Liam', 'Owen', 'Finley', 'Kaden', 'Ashton', 'Jordan', 'Oscar', 'Zak'];
const SURN = ['Whitlow', 'Barraclough', 'Hebblethwaite', 'Pickersgill', 'Dunstan', 'Marriner', 'Oldroyd', 'Kettlewell', 'Tordoff', 'Birtwistle', 'Scaife', 'Ackroyd', 'Haworth', 'Gaukroger', 'Lumb', 'Stansfield', 'Cudworth', 'Fothergill', 'Pennock', 'Tattersall', 'Greenhalgh', 'Holroyd', 'Sutcliffe', 'Mistry', 'Khatun', 'Rahman', 'Begum', 'Iqbal', 'Javed', 'Kowalczyk', 'Nowakowski', 'Zielinska', 'Popescu', 'Dumitru', 'Okafor', 'Adeyemi', 'Mensah', 'Nguyen', 'Tran', 'Pham', 'Hoxha', 'Krasniqi', 'Campbell', 'Clarke', 'Thompson', 'Gallagher', 'McBride', 'Quigley', 'Doherty', 'Rowntree', 'Spink', 'Cawthorne', 'Ledger', 'Thackray', 'Wadsworth', 'Crabtree', 'Hinchliffe', 'Mottram', 'Royle', 'Entwistle', 'Fairclough', 'Ormerod'];
const MEN = ['Darren', 'Lee', 'Wayne', 'Craig', 'Gary', 'Imran', 'Tariq', 'Shahid', 'Asif', 'Nadeem', 'Mehmet', 'Dritan', 'Besnik', 'Hung', 'Thanh', 'Ryan', 'Jamie', 'Stuart', 'Dean', 'Carl', 'Andre', 'Jermaine', 'Kareem', 'Pawel', 'Marek', 'Florin', 'Vasile', 'Kieran', 'Nathan', 'Aaron'];
const WOMEN = ['Joanne', 'Tracey', 'Michelle', 'Donna', 'Karen', 'Lisa', 'Nicola', 'Samantha', 'Kerry', 'Claire', 'Gemma', 'Stacey', 'Shabana', 'Rukhsana', 'Agnieszka', 'Mihaela', 'Funmi', 'Hoa', 'Bernadette', 'Paula'];
const NICK = { Callum: 'Cal', Brandon: 'Bran', Kyle: 'Ky', Tyler: 'Ty', Jayden: 'Jay', Mason: 'Mase', Connor: 'Con', Ibrahim: 'Ibby', Yusuf: 'Yus', Hamza: 'Hami', Kacper: 'Kacpi', Emmanuel: 'Manny', Tremaine: 'Tre', Deshawn: 'Shawn', Amelia: 'Millie', Shannon: 'Shan', Chloe: 'Clo', Kayla: 'Kay', Mollie: 'Moll', Zainab: 'Zee', Maryam: 'Mimi', Oliwia: 'Oli', Ioana: 'Ioni', Precious: 'Presh', Kelsey: 'Kels', Courtney: 'Court', Samira: 'Sami', Aaliyah: 'Liyah' };
const STREET_NAMES = ['Tiny', 'Smokey', 'Bags', 'Dukes', 'Rico', 'K-Dot', 'Shadow', 'Gunna', 'Skeng', 'Milly', 'Ghost', 'Bandz', 'Spinz', 'Deuce', 'Nitro'];
const misspell = (s) => {
  const swaps = [['ck', 'k'], ['th', 't'], ['ey', 'y'], ['ie', 'y'], ['ll', 'l'], ['ou', 'o'], ['ah', 'a'], ['ph', 'f'], ['ee', 'ea'], ['i', 'y']];
  for (const [a, b] of shuffle(swaps)) if (s.toLowerCase().includes(a)) { const i = s.toLowerCase().indexOf(a); return s.slice(0, i) + (i === 0 ? b[0].toUpperCase() + b.slice(1) : b) + s.slice(i + a.length); }
  return s.length > 4 ? s.slice(0, -1) : s + 'e';
};

const fmtPhoneRaw = (p) => `${p.slice(0, 5)} ${p.slice(5)}`;
const he = (c) => (c.sex === 'female' ? 'she' : 'he');
const his = (c) => (c.sex === 'female' ? 'her' : 'his');
const safeMin = (m) => (Math.floor((((m % 1440) + 1440) % 1440) / 60) === 1 ? m + 60 : m);

// ---------------- agency roles ----------------
// role decides ids, name habits, recording delay and which events the agency writes.
const ROLE_KIND = { police: 'police', btp: 'police', csc: 'childrens_social_care', ehelp: 'childrens_social_care', health: 'health', sh: 'health', edu: 'education', yjs: 'youth_justice', cps: 'prosecutor', charity: 'voluntary', housing: 'other' };

// ======================================================================
function genArea(cfg) {
  R = mulberry32(cfg.seed);
  PHONES = shuffle(Array.from({ length: 1000 }, (_, i) => `07700900${String(i).padStart(3, '0')}`));
  phoneIx = 0;
  const FROM = D(cfg.from), TO = D(cfg.to), LAST_REC = TO + 45;
  const byRole = {};
  for (const a of cfg.agencies) byRole[a.role] = a;
  const lines = {}; // agency -> [{key, order, obj}]
  let order = 0;
  const meta = []; // group record metas
  const childRecords = {};
  const sidN = {};
  const nextSid = (ag, kind) => { const k = `${ag.code}:${kind}`; sidN[k] = (sidN[k] ?? ri(100, 900)) + ri(1, 9); return ag.sid[kind](sidN[k]); };

  function put(ag, obj, day, min) {
    obj.recorded_at = ts(day, min);
    const o = { type: obj.type, agency: ag.code, source_id: obj.source_id, ...obj };
    (lines[ag.code] ??= []).push({ key: o.recorded_at, order: order++, obj: o });
  }
  const fmtPhone = (ag, p) => {
    const f = ag.phoneFmt ?? 0;
    const v = typeof f === 'number' ? f : pick(f);
    return [`${p.slice(0, 5)} ${p.slice(5)}`, `+44 ${p.slice(1, 5)} ${p.slice(5)}`, p, `0${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`, `+44${p.slice(1)}`, `${p.slice(0, 5)} ${p.slice(5, 8)} ${p.slice(8)}`][v];
  };
  const fmtVrm = (ag, v) => {
    const f = ag.vrmFmt ?? 0;
    const x = typeof f === 'number' ? f : pick(f);
    return [`${v.slice(0, 4)} ${v.slice(4)}`, v, `${v.slice(0, 4)} ${v.slice(4)}`.toLowerCase(), `${v.slice(0, 2)} ${v.slice(2, 4)} ${v.slice(4)}`][x];
  };
  const fmtPc = (ag, pc) => {
    const f = ag.pcFmt ?? 0;
    const x = typeof f === 'number' ? f : pick(f);
    return [pc, pc.replace(' ', ''), pc.toLowerCase()][x];
  };
  const pcKey = (pc) => pc.replace(/\s+/g, '').toUpperCase();

  // ---------- people ----------
  let adultN = 0;
  const seenObj = new Set();
  const children = [];
  const schools = cfg.schools.map((s) => ({ ...s, pc: newPc(cfg.outs) }));
  const laNo = String(cfg.la);
  function makeChild(i) {
    const sex = chance(0.5) ? 'female' : 'male';
    const given = pick(sex === 'female' ? GIRLS : BOYS);
    const age0 = ri(9, 17); // age at FROM
    const dob = FROM - age0 * 365 - ri(0, 364);
    const c = {
      id: `${cfg.code}-c${String(i + 1).padStart(3, '0')}`, given, family: pick(SURN), sex, dob,
      nhs: nhs(), upn: upn(laNo), line1: `${ri(1, 140)} ${pick(cfg.streets)}`, town: pick(cfg.towns), pc: newPc(cfg.outs),
      phone: age0 >= 12 && chance(0.35) ? newPhone() : null, eth: pick(cfg.eths), school: pick(schools), recs: {}, dup: {}, isChild: true,
    };
    return c;
  }
  for (let i = 0; i < cfg.children; i++) children.push(makeChild(i));
  // families: about one child in eight gets 1-2 siblings sharing surname and address
  const families = [];
  for (let i = 0; i < children.length; i++) {
    if (!chance(0.12)) continue;
    const head = children[i];
    const sibs = [head];
    for (let k = 0; k < ri(1, 2) && i + 1 < children.length; k++) {
      const s = children[++i];
      s.family = head.family; s.line1 = head.line1; s.town = head.town; s.pc = head.pc; s.eth = head.eth; s.school = head.school;
      sibs.push(s);
    }
    const mum = makeAdult({ sex: 'female', given: pick(WOMEN), family: head.family, age: ri(32, 48), pc: head.pc, line1: head.line1, town: head.town });
    const dad = chance(0.45) ? makeAdult({ sex: 'male', given: pick(MEN), family: head.family, age: ri(35, 52), pc: head.pc, line1: head.line1, town: head.town }) : null;
    families.push({ sibs, mum, dad });
  }

  function makeAdult(o) {
    const sex = o.sex ?? 'male';
    const given = o.given ?? pick(sex === 'female' ? WOMEN : MEN);
    return {
      id: o.id ?? `${cfg.code}-a${String(++adultN).padStart(3, '0')}`, sex, given, family: o.family ?? pick(SURN), nick: o.nick ?? null,
      dob: o.dob ?? FROM - (o.age ?? ri(22, 45)) * 365 - ri(0, 364), pc: o.pc ?? newPc(cfg.outs), line1: o.line1 ?? `${ri(1, 90)} ${pick(cfg.streets)}`,
      town: o.town ?? pick(cfg.towns), phone: o.phone ?? null, title: o.title ?? null, recs: {}, writeAs: o.writeAs ?? {}, isChild: false,
    };
  }

  // how an agency writes a person on its first record of them
  function personObj(ag, p, sid, alias) {
    const o = { type: 'person', source_id: sid };
    const r = ag.role;
    if (p.isChild) {
      const nick = NICK[p.given];
      o.given_name = p.given; o.family_name = p.family;
      if (r === 'police' || r === 'btp') o.family_name = p.family.toUpperCase();
      if (alias === 'dup') { if (chance(0.5)) o.family_name = misspell(o.family_name); else o.given_name = misspell(p.given); }
      const dobS = ymd(p.dob);
      if (r === 'sh' && chance(0.35)) o.date_of_birth = dobS.slice(0, 7);
      else if (r === 'btp' && chance(0.15)) { /* gave details at the roadside: no date of birth */ }
      else if (alias === 'dup' && chance(0.4)) o.date_of_birth = dobS.slice(0, 4);
      else o.date_of_birth = dobS;
      o.sex = p.sex;
      if (nick && ['police', 'yjs', 'edu', 'charity'].includes(r) && chance(0.3)) o.other_names = [nick];
      if (r === 'health' || r === 'sh') { if (chance(0.9)) o.nhs_number = ag.nhsSpaced ? `${p.nhs.slice(0, 3)} ${p.nhs.slice(3, 6)} ${p.nhs.slice(6)}` : p.nhs; }
      if (r === 'csc' && chance(0.55)) o.nhs_number = p.nhs;
      if (r === 'edu') o.upn = p.upn;
      if (r !== 'sh' || chance(0.6)) o.address = r === 'sh' ? { postcode: fmtPc(ag, p.pc) } : { line1: p.line1, town: p.town, postcode: fmtPc(ag, p.pc) };
      if (p.phone && ['police', 'sh', 'charity', 'yjs'].includes(r) && chance(0.5)) o.phone = fmtPhone(ag, p.phone);
      if (['csc', 'edu', 'health'].includes(r)) o.ethnicity = p.eth;
      if (r === 'edu' || r === 'csc') o.is_child = true;
    } else {
      const w = (p.writeAs[ag.code] ?? p.writeAs[r] ?? p.writeAs.any ?? (alias ? 'nick' : 'full'));
      const fam = r === 'police' || r === 'btp' || r === 'cps' ? p.family.toUpperCase() : p.family;
      if (w === 'full') { o.given_name = p.given; o.family_name = fam; if (p.nick && ['police', 'yjs', 'btp'].includes(r)) o.other_names = [p.nick]; }
      else if (w === 'nick') { o.given_name = p.nick ?? p.given; if (p.nick) o.other_names = [p.nick]; }
      else if (w === 'given') { o.given_name = p.given; }
      else if (w === 'initial') { o.given_name = p.given[0]; o.family_name = fam; }
      else if (w === 'misspelt') { o.given_name = p.given; o.family_name = misspell(fam); }
      else if (w === 'surname' || w === 'title') { o.family_name = fam; if (p.title) o.other_names = [`${p.title} ${p.family}`]; }
      else if (w === 'caps') { o.given_name = p.given.toUpperCase(); o.family_name = p.family.toUpperCase(); }
      if (w === 'full' || w === 'misspelt' || w === 'caps') o.date_of_birth = ymd(p.dob);
      else if (w === 'initial' && chance(0.5)) o.date_of_birth = ymd(p.dob).slice(0, 4);
      o.sex = p.sex;
      if (p.phone && w !== 'surname' && w !== 'title' && chance(0.5)) o.phone = fmtPhone(ag, p.phone);
      if ((w === 'full' || w === 'caps' || w === 'misspelt') && chance(0.7)) o.address = { line1: p.line1, town: p.town, postcode: fmtPc(ag, p.pc) };
      o.is_child = false;
    }
    return o;
  }
  // source id of person p at agency ag (creating the record), alias: a second record of one person
  function ref(ag, p, day, min, alias) {
    const k = alias ? `${ag.code}|${alias}` : ag.code;
    let sid = p.recs[k];
    if (!sid && p.isChild && p.recs[ag.code] && !alias) sid = p.recs[ag.code];
    if (!sid) {
      sid = nextSid(ag, 'person');
      p.recs[k] = sid;
      put(ag, personObj(ag, p, sid, alias), day, min);
      if (p.isChild) childRecords[`${ag.code}:${sid}`] = p.id;
      (p.srcs ??= []).push(`${ag.code}:${sid}`);
    } else if (p.isChild && !alias && ag.dupRate && !p.dup[ag.code] && chance(ag.dupRate)) {
      // a second record made by a worker who did not find the first
      p.dup[ag.code] = true;
      const s2 = nextSid(ag, 'person');
      put(ag, personObj(ag, p, s2, 'dup'), day, min);
      childRecords[`${ag.code}:${s2}`] = p.id;
      p.srcs.push(`${ag.code}:${s2}`);
      return s2;
    }
    return sid;
  }

  // ---------- events ----------
  const groupOf = new Map(); // object key / person id -> group
  function ev(role, o) {
    const ag = byRole[role];
    if (!ag) return null;
    const delay = o.delay ?? ri(ag.delay[0], ag.delay[1]);
    let recDay = Math.min(o.day + delay, LAST_REC);
    if (o.day > LAST_REC || o.day > TO) return null;
    const occMin = safeMin(o.min ?? ri(0, 1439));
    let recMin = safeMin(delay === 0 ? Math.min(occMin + ri(30, 240), 23 * 60 + 50) : ri(8 * 60, 18 * 60));
    if (delay === 0 && recMin <= occMin) recDay += 1;
    const subj = ref(ag, o.subj, recDay, recMin);
    const e = { type: 'event', source_id: nextSid(ag, o.kind === 'intelligence' ? 'intel' : 'event'), kind: o.kind, subject: subj, occurred_at: ts(o.day, occMin) };
    if (o.ended) e.ended_at = ts(o.day + o.ended, ri(6 * 60, 22 * 60));
    if (o.summary) e.summary = ag.caps ? o.summary.toUpperCase() : o.summary;
    if (o.details) e.details = o.details;
    if (o.ind?.length) e.indicators = o.ind;
    const nodes = [];
    const g = o.group;
    const addNode = (n, member) => { if (g && member) nodes.push(n); };
    addNode(`c:${o.subj.id}`, g && o.subj.isChild && g.kidSet.has(o.subj.id));
    if (g && !o.subj.isChild && g.adultSet.has(o.subj.id)) nodes.push(`a:${ag.code}:${subj}`);
    const inv = [];
    for (const x of o.inv ?? []) {
      if (x.person) {
        const s = ref(ag, x.person, recDay, recMin, x.alias);
        const it = { person: s };
        if (x.role) it.role = x.role;
        inv.push(it);
        if (g && x.person.isChild && g.kidSet.has(x.person.id)) nodes.push(`c:${x.person.id}`);
        if (g && !x.person.isChild && g.adultSet.has(x.person.id)) nodes.push(`a:${ag.code}:${s}`);
      } else if (x.phone) {
        inv.push({ phone: fmtPhone(ag, x.phone) });
        seenObj.add(`phone:${x.phone}`);
        if (g?.objSet.has(`phone:${x.phone}`)) nodes.push(`o:phone:${x.phone}`);
      } else if (x.vrm) {
        inv.push({ vehicle: fmtVrm(ag, x.vrm) });
        seenObj.add(`vehicle:${x.vrm}`);
        if (g?.objSet.has(`vehicle:${x.vrm}`)) nodes.push(`o:vehicle:${x.vrm}`);
      } else if (x.loc) {
        const l = { name: x.loc.name };
        if (x.loc.pc) { l.postcode = fmtPc(ag, x.loc.pc); seenObj.add(`location:${pcKey(x.loc.pc)}`); }
        const it = { location: l };
        if (x.role) it.role = x.role;
        inv.push(it);
        if (x.loc.pc && g?.objSet.has(`location:${pcKey(x.loc.pc)}`)) nodes.push(`o:location:${pcKey(x.loc.pc)}`);
      } else if (x.online) {
        seenObj.add(`online:${x.online.toLowerCase()}`);
        inv.push({ online: ag.handleCase === 'lower' ? x.online.toLowerCase() : ag.handleCase === 'upper1' ? x.online[0].toUpperCase() + x.online.slice(1) : x.online });
        if (g?.objSet.has(`online:${x.online.toLowerCase()}`)) nodes.push(`o:online:${x.online.toLowerCase()}`);
      }
    }
    if (inv.length) e.involves = inv;
    for (const f of ['missing_from', 'risk_grading', 'reported_by', 'last_seen', 'status', 'reason', 'child_account', 'outcome', 'rationale', 'episode']) if (o[f] != null) e[f] = o[f];
    if (o.restricted != null) e.restricted = o.restricted;
    e.recorded_by = o.by ?? pick(ag.writers);
    put(ag, e, recDay, recMin);
    if (g && nodes.length) meta.push({ g: g.id, day: recDay, min: recMin, nodes });
    return { sid: e.source_id, ag, recDay };
  }
  function rel(role, from, to, kind, day, o = {}) {
    const ag = byRole[role];
    if (!ag || day > TO) return;
    const recDay = Math.min(day + ri(ag.delay[0], ag.delay[1]), LAST_REC);
    const recMin = ri(9 * 60, 17 * 60);
    const f = ref(ag, from, recDay, recMin), t = ref(ag, to, recDay, recMin, o.alias);
    const r = { type: 'relationship', source_id: nextSid(ag, 'rel'), from: f, to: t, kind, since: ymd(day) };
    if (o.reliability) r.reliability = o.reliability;
    if (o.note) r.note = o.note;
    put(ag, r, recDay, recMin);
    const g = o.group;
    if (g) {
      const nodes = [];
      for (const [p, s] of [[from, f], [to, t]]) {
        if (p.isChild && g.kidSet.has(p.id)) nodes.push(`c:${p.id}`);
        if (!p.isChild && g.adultSet.has(p.id)) nodes.push(`a:${ag.code}:${s}`);
      }
      if (nodes.length) meta.push({ g: g.id, day: recDay, min: recMin, nodes });
    }
  }

  // ---------- helpers for scenes ----------
  const ageAt = (c, d) => Math.floor((d - c.dob) / 365.25);
  const used = new Set();
  function takeKids(n, sex, minAge, maxAge, atDay, pred = () => true) {
    const pool = shuffle(children.filter((c) => !used.has(c.id) && (!sex || c.sex === sex) && ageAt(c, atDay) >= minAge && ageAt(c, atDay) <= maxAge && pred(c)));
    const got = pool.slice(0, n);
    for (const c of got) used.add(c.id);
    if (got.length < n) throw new Error(`${cfg.code}: not enough children (${sex} ${minAge}-${maxAge})`);
    return got;
  }
  const within = (a, b) => ri(a, b);
  const nm = (c) => c.given;

  // ---------- confounders ----------
  const conf = {};
  const addConf = (kind, adults = [], objects = []) => { const c = (conf[kind] ??= { kind, adults: [], objects: [] }); c.adults.push(...adults); c.objects.push(...objects); };
  const L = (name, pc) => ({ name, pc: pc ?? newPc(cfg.outs) });
  const station = L(cfg.station);
  const gp = L(cfg.gp);
  const home = cfg.home ? L(cfg.home) : null;
  const homeStaff = home ? [makeAdult({ sex: 'female', title: 'Ms', age: ri(28, 55) }), makeAdult({ sex: 'male', title: 'Mr', age: ri(28, 55) }), makeAdult({ sex: 'female', title: 'Mrs', age: ri(28, 55) })] : [];
  homeStaff.forEach((s, i) => { s.writeAs = { police: i === 1 ? 'title' : 'full', btp: 'title', csc: 'full', charity: 'given' }; s.pc = home.pc; });
  const fosterCarer = cfg.foster ? makeAdult({ sex: 'female', age: 54, writeAs: { police: 'full', csc: 'full', edu: 'title' }, title: 'Mrs' }) : null;
  const coach = cfg.club ? makeAdult({ sex: 'male', age: 41, phone: newPhone(), writeAs: { police: 'full', edu: 'title', csc: 'full' }, title: 'Mr' }) : null;
  const clubLoc = cfg.club ? L(cfg.club) : null;
  const youthWorker = cfg.youthClub ? makeAdult({ sex: chance(0.5) ? 'female' : 'male', age: 34, phone: newPhone(), writeAs: { any: 'full', charity: 'given' } }) : null;
  const youthLoc = cfg.youthClub ? L(cfg.youthClub) : null;
  const taxi = cfg.taxi ? { name: cfg.taxi, phone: newPhone(), cars: [newVrm(), newVrm(), newVrm(), newVrm()], loc: L(`${cfg.taxi} office`) } : null;
  const shop = cfg.shop ? L(cfg.shop) : null;
  const shopkeeper = cfg.shop ? makeAdult({ age: 50 }) : null;
  const pcOfficer = makeAdult({ sex: 'male', age: 38, title: 'PC', writeAs: { police: 'title', csc: 'title', edu: 'title', charity: 'title', btp: 'title' } });
  const socialWorker = makeAdult({ sex: 'female', age: 33, writeAs: { any: 'full', police: 'initial' } });
  const dsl = schools.map((s) => makeAdult({ sex: chance(0.6) ? 'female' : 'male', age: ri(35, 55), title: pick(['Mrs', 'Mr', 'Ms']), writeAs: { any: 'title', edu: 'full' } }));

  // ---------- group machinery ----------
  const groups = [];
  function newGroup(id, shape, kids, adults, objects, notes) {
    const g = { id: `${cfg.code}-${id}`, shape, kids, adults, objects, notes, kidSet: new Set(kids.map((k) => k.id)), adultSet: new Set(adults.map((a) => a.id)), objSet: new Set(objects.map((o) => `${o.kind}:${o.kind === 'location' ? pcKey(o.key) : o.kind === 'online' ? o.key.toLowerCase() : o.key}`)) };
    groups.push(g);
    return g;
  }
  const neighbours = [];
  const ctx = { neighbours, cfg, FROM, TO, ev, rel, takeKids, makeAdult, newGroup, L, ageAt, he, his, nm, station, gp, home, homeStaff, fosterCarer, taxi, shop, pcOfficer, socialWorker, byRole, children, used, within, schools };
  // the schools' roll, loaded the summer before the period
  const rollDay = FROM - ri(35, 70);
  for (const c of children) if (ageAt(c, FROM) <= 16) ref(byRole.edu, c, rollDay, ri(600, 640));
  for (const spec of cfg.groups) SHAPES[spec.shape](ctx, spec);

  // ---------- background and confounder records ----------
  const inGroup = (c) => used.has(c.id);
  const lac = [];
  if (home) for (const c of shuffle(children.filter((c) => ageAt(c, FROM) >= 11 && ageAt(c, FROM) <= 15)).slice(0, cfg.homeResidents ?? 8)) lac.push({ c, where: 'home' });
  const fostered = fosterCarer ? shuffle(children.filter((c) => ageAt(c, FROM) >= 9 && ageAt(c, FROM) <= 14 && !lac.some((x) => x.c === c))).slice(0, ri(6, 9)) : [];
  // make sure some group children are looked after at the home (they go missing from there)
  if (home) for (const g of groups) for (const k of g.kids.slice(0, 1)) if (!lac.some((x) => x.c === k)) lac.push({ c: k, where: 'home' });

  for (const c of children) {
    const n = ri(1, 5);
    for (let i = 0; i < n; i++) {
      const d = within(FROM, TO);
      if (ageAt(c, d) >= 18) continue;
      const which = ri(0, 9);
      if (which <= 2) ev('edu', { kind: 'school_absence', subj: c, day: d, min: ri(540, 600), summary: pick(['Unauthorised absence, no contact from home', 'Absent AM and PM, phone calls unanswered', 'Truancy - seen in town by staff member', 'Late after registers closed x3 this week']), details: `${ri(2, 9)} sessions missed`, inv: [{ loc: c.school }] });
      else if (which <= 4) ev('health', { kind: 'health_attendance', subj: c, day: d, summary: pick(['Fall from bike, wrist x-ray NAD', 'Asthma exacerbation', 'Sports injury, ankle sprain', 'Head injury playing football, discharged with advice', 'Abdominal pain, discharged to GP', 'Allergic reaction, treated and discharged']), inv: chance(0.4) ? [{ loc: gp }] : [] });
      else if (which === 5) ev('csc', { kind: 'contact_referral', subj: c, day: d, summary: pick(['Contact from school re: neglect concerns, NFA to early help', 'Contact re: domestic incident at home (Encompass)', 'Housing concerns, signposted', 'Parent requesting support with behaviour at home']), outcome: pick(['NFA - signposted', 'Early help offer', 'Single assessment']), inv: [{ person: socialWorker, role: 'professional' }] });
      else if (which === 6) ev('edu', { kind: 'concern', subj: c, day: d, min: ri(600, 900), summary: pick(['Upset in form time, friendship fallout', 'Disclosed worries about mum\'s health', 'Hungry, no lunch money again', 'Argument with peer on social media, parents informed', 'Late nights gaming, tired in lessons']), inv: [{ loc: c.school }, { person: dsl[schools.indexOf(c.school)], role: 'professional' }] });
      else if (which === 7 && ageAt(c, d) >= 10) ev('police', { kind: pick(['crime_report', 'note']), subj: c, day: d, summary: pick(['Phone stolen from bag on bus', 'Bike theft from outside home', 'Assault by peer after school, words of advice given', 'Witness to RTC, no injury', 'Shoplifting, community resolution']), inv: chance(0.5) ? [{ person: pcOfficer, role: 'professional' }] : [] });
      else if (which === 8) ev('edu', { kind: 'note', subj: c, day: d, summary: pick(['Parents evening attended', 'Careers interview - wants to go to college', 'Reading intervention started', 'Reintegration meeting after fixed term exclusion']), inv: [{ loc: c.school }] });
      else if (byRole.ehelp) ev('ehelp', { kind: 'assessment', subj: c, day: d, summary: 'Early help assessment', outcome: pick(['Family support plan agreed', 'Closed - needs met', 'Stepped up to social care']) });
    }
    // older children seen at the station, the shop, the youth club
    if (ageAt(c, FROM) >= 12 && chance(0.1)) ev('btp' in byRole ? 'btp' : 'police', { kind: 'note', subj: c, day: within(FROM, TO), summary: pick(['Travelling without ticket, details taken, advised', 'Found sheltering at station late evening, taken home', 'Stop search at station - nothing found']), inv: [{ loc: station }] });
    if (shop && chance(0.06)) ev('police', { kind: 'crime_report', subj: c, day: within(FROM, TO), summary: 'Shoplifting (sweets/energy drinks) reported by shop', inv: [{ loc: shop }, { person: shopkeeper, role: 'witness' }] });
  }
  if (shop) addConf('shop', [shopkeeper], [{ kind: 'location', key: pcKey(shop.pc) }]);
  addConf('station', [], [{ kind: 'location', key: pcKey(station.pc) }]);
  addConf('gp', [], [{ kind: 'location', key: pcKey(gp.pc) }]);
  addConf('school', dsl, schools.map((s) => ({ kind: 'location', key: pcKey(s.pc) })));
  addConf('professional', [pcOfficer, socialWorker]);

  // children's home: missing episodes of residents, staff reporting
  if (home) {
    for (const { c } of lac) {
      const start = within(FROM, FROM + 300);
      ev('csc', { kind: 'looked_after_start', subj: c, day: start, summary: `Placed at ${home.name}`, inv: [{ loc: home }] });
      for (let k = 0; k < ri(1, 4); k++) {
        const d = within(start + 10, TO);
        if (ageAt(c, d) >= 18) continue;
        const staff = pick(homeStaff);
        const found = pick([station, shop ?? station, L('Town centre'), L(pick(['Park', 'Rec', 'Playing fields']))]);
        const m = ev('police', { kind: 'missing_episode', subj: c, day: d, min: ri(19 * 60, 23 * 60), ended: ri(0, 1), summary: `Absent from ${home.name}, returned${chance(0.5) ? ' by staff' : ' of own accord'}`, missing_from: 'care_placement', risk_grading: pick(['low', 'medium']), reported_by: 'Residential staff', inv: [{ person: staff, role: 'witness' }, { loc: home }, { loc: found, role: 'found_at' }] });
        if (m && byRole.charity) ev('charity', { kind: 'return_interview', subj: c, day: d + ri(1, 4), status: chance(0.8) ? 'done' : 'declined', reason: 'Young person did not want to talk', child_account: pick(['Just went for a walk to clear my head', 'Was with my mate from school, lost track of time', 'Didn\'t want to be in the house after the argument']), episode: `${m.ag.code}:${m.sid}`, inv: [{ loc: home }] });
      }
    }
    addConf('childrens_home', homeStaff, [{ kind: 'location', key: pcKey(home.pc) }]);
  }
  if (fosterCarer) {
    for (const c of fostered) {
      const d = within(FROM, TO - 200);
      rel('csc', c, fosterCarer, 'carer', d, { reliability: 'confirmed' });
      ev('csc', { kind: 'looked_after_start', subj: c, day: d, summary: `Placed with foster carer ${fosterCarer.title} ${fosterCarer.family}`, inv: [{ person: fosterCarer, role: 'family' }, { loc: { name: 'Foster home', pc: fosterCarer.pc } }] });
      if (chance(0.5)) ev('police', { kind: 'missing_episode', subj: c, day: d + ri(20, 150), min: ri(20 * 60, 23 * 60), ended: 1, summary: 'Late back to foster placement, reported by carer, located at friend\'s', missing_from: 'care_placement', risk_grading: 'low', reported_by: 'Foster carer', inv: [{ person: fosterCarer, role: 'witness' }, { loc: { name: 'Foster home', pc: fosterCarer.pc } }] });
      if (chance(0.5)) ev('edu', { kind: 'note', subj: c, day: d + ri(5, 60), summary: `PEP meeting, carer ${fosterCarer.title} ${fosterCarer.family} attended`, inv: [{ person: fosterCarer, role: 'family' }, { loc: c.school }] });
    }
    addConf('foster_carer', [fosterCarer], [{ kind: 'location', key: pcKey(fosterCarer.pc) }]);
  }
  if (coach) {
    for (const c of shuffle(children.filter((c) => ageAt(c, FROM) >= 10 && ageAt(c, FROM) <= 15)).slice(0, ri(10, 16))) {
      const d = within(FROM, TO);
      pick([
        () => ev('edu', { kind: 'note', subj: c, day: d, summary: `Attends ${cfg.club}; coach ${coach.title} ${coach.family} says attendance there is excellent`, inv: [{ person: coach, role: 'professional' }, { loc: clubLoc }] }),
        () => ev('csc', { kind: 'note', subj: c, day: d, summary: `Positive activity: ${cfg.club} twice weekly, coach happy to support plan`, inv: [{ person: coach, role: 'professional' }, { phone: coach.phone }] }),
        () => ev('health', { kind: 'health_attendance', subj: c, day: d, summary: `Injury at ${cfg.club} session, brought in by coach`, inv: [{ person: coach, role: 'witness' }, { loc: clubLoc }] }),
      ])();
    }
    addConf('sports_club', [coach], [{ kind: 'phone', key: coach.phone }, { kind: 'location', key: pcKey(clubLoc.pc) }]);
  }
  if (youthWorker) {
    for (const c of shuffle(children.filter((c) => ageAt(c, FROM) >= 11)).slice(0, ri(10, 15))) {
      const d = within(FROM, TO);
      if (ageAt(c, d) >= 18) continue;
      pick([
        () => ev('csc', { kind: 'contact_referral', subj: c, day: d, summary: `Referral from ${cfg.youthClub} youth worker: worried about home conditions`, outcome: 'Early help offer', inv: [{ person: youthWorker, role: 'professional' }, { loc: youthLoc }] }),
        () => ev(byRole.charity ? 'charity' : 'edu', { kind: 'note', subj: c, day: d, summary: `Attends ${cfg.youthClub} Tuesday and Thursday sessions`, inv: [{ person: youthWorker, role: 'professional' }, { loc: youthLoc }, { phone: youthWorker.phone }] }),
      ])();
    }
    addConf('youth_club', [youthWorker], [{ kind: 'phone', key: youthWorker.phone }, { kind: 'location', key: pcKey(youthLoc.pc) }]);
  }
  if (taxi) {
    for (const c of shuffle(children.filter((c) => ageAt(c, FROM) <= 15)).slice(0, ri(12, 18))) {
      const d = within(FROM, TO);
      const car = pick(taxi.cars);
      ev('edu', { kind: 'note', subj: c, day: d, summary: `Home to school transport via ${taxi.name} (contract), vehicle ${car.slice(0, 4)} ${car.slice(4)}`, inv: [{ vrm: car }, { phone: taxi.phone }] });
    }
    for (const { c } of lac.slice(0, 4)) ev('csc', { kind: 'note', subj: c, day: within(FROM, TO), summary: `Contact transport booked with ${taxi.name}`, inv: [{ vrm: pick(taxi.cars) }, { loc: taxi.loc }] });
    addConf('taxi_firm', [], [...taxi.cars.map((v) => ({ kind: 'vehicle', key: v })), { kind: 'phone', key: taxi.phone }, { kind: 'location', key: pcKey(taxi.loc.pc) }]);
  }
  // families: parents on relationships and domestic incidents; older siblings (18+) collecting younger ones
  const fadults = [];
  const famObjs = [];
  for (const f of families) {
    for (const s of f.sibs) {
      rel('csc', s, f.mum, 'parent', within(FROM, TO), { reliability: 'confirmed' });
      if (f.dad && chance(0.7)) rel('csc', s, f.dad, 'parent', within(FROM, TO), { reliability: 'confirmed' });
    }
    fadults.push(f.mum); if (f.dad) fadults.push(f.dad);
    if (chance(0.5)) { const d = within(FROM, TO); for (const s of f.sibs) ev('police', { kind: 'note', subj: s, day: d, min: ri(19 * 60, 23 * 60), summary: 'Child present at domestic incident at home address; Encompass notification sent', ind: ['domestic_abuse_at_home'], inv: [{ person: f.mum, role: 'family' }, ...(f.dad ? [{ person: f.dad, role: 'family' }] : []), { loc: { name: 'Home address', pc: f.sibs[0].pc } }] }); }
    if (chance(0.4)) { const d = within(FROM, TO); ev('health', { kind: 'health_attendance', subj: pick(f.sibs), day: d, summary: 'Brought in by mum, fever and rash', inv: [{ person: f.mum, role: 'family' }, { phone: f.mum.phone ??= newPhone() }] }); famObjs.push({ kind: 'phone', key: f.mum.phone }); }
  }
  addConf('family', fadults, famObjs);
  // older siblings: an 18-20 year old in the family who collects a younger sibling and a friend
  const olderSibs = [];
  for (const f of families.slice(0, Math.ceil(families.length / 2))) {
    const os = makeAdult({ sex: chance(0.5) ? 'male' : 'female', given: pick(chance(0.5) ? BOYS : GIRLS), family: f.sibs[0].family, age: ri(18, 20), pc: f.sibs[0].pc, line1: f.sibs[0].line1, town: f.sibs[0].town, phone: newPhone() });
    os.dob = FROM - ri(18, 19) * 365 - ri(0, 300);
    olderSibs.push(os);
    const sib = f.sibs[0];
    const friend = pick(children.filter((c) => c.school === sib.school && c !== sib));
    const d = within(FROM + 30, TO);
    ev('edu', { kind: 'note', subj: sib, day: d, summary: `Collected from school by older sibling ${os.given} (18), on list of approved adults`, inv: [{ person: os, role: 'family' }, { loc: sib.school }] });
    ev('police', { kind: 'note', subj: friend, day: d + ri(5, 80), summary: `Stopped in car with friend ${sib.given} ${sib.family.toUpperCase()} and ${sib.given}'s older sibling ${os.given}, who was driving them home from the cinema. No concerns`, inv: [{ person: os, role: 'associate' }, { person: sib, role: 'associate' }, ...(os.phone ? [{ phone: os.phone }] : [])] });
    rel('csc', sib, os, 'family', within(FROM, TO), { reliability: 'confirmed', note: 'Older sibling, lives at home' });
  }
  addConf('older_sibling', olderSibs, olderSibs.map((o) => ({ kind: 'phone', key: o.phone })));
  // the social worker and the officer appear on many group and non-group records
  for (const c of shuffle(children).slice(0, Math.floor(children.length / 5))) ev('csc', { kind: 'assessment', subj: c, day: within(FROM, TO), summary: 'Child and family assessment', outcome: pick(['Child in need plan', 'NFA', 'Strategy discussion requested', 'Early help']), inv: [{ person: socialWorker, role: 'professional' }] });
  // noise: single sightings of cars, phones, adults, parks with one child each
  const noiseA = [], noiseO = [];
  for (let i = 0; i < Math.floor(children.length / 6); i++) {
    const c = pick(children);
    const d = within(FROM, TO);
    if (ageAt(c, d) >= 18) continue;
    const t = ri(0, 3);
    if (t === 0) { const v = newVrm(); noiseO.push({ kind: 'vehicle', key: v }); ev('police', { kind: 'note', subj: c, day: d, summary: 'Seen as passenger in vehicle stopped for no insurance, driver a family friend, no concerns', inv: [{ vrm: v }] }); }
    else if (t === 1) { const p = newPhone(); noiseO.push({ kind: 'phone', key: p }); ev('edu', { kind: 'concern', subj: c, day: d, summary: 'Parent gave new mobile number for contact', inv: [{ phone: p }] }); }
    else if (t === 2) { const a = makeAdult({ age: ri(19, 30), writeAs: { police: 'given' } }); noiseA.push(a); ev('police', { kind: 'crime_report', subj: c, day: d, summary: 'Victim of robbery (phone) by unknown male, described as 20s', inv: [{ person: a, role: 'suspect' }] }); }
    else { const l = L(pick(['Memorial Park', 'Rec ground', 'Riverside Park', 'Skate park'])); noiseO.push({ kind: 'location', key: pcKey(l.pc) }); ev('health', { kind: 'health_attendance', subj: c, day: d, summary: 'Fell from climbing frame in park', inv: [{ loc: l }] }); }
  }
  addConf('noise', noiseA, noiseO);
  // moves of house: agencies that already hold the child re-send the person with the new address, each when it hears
  for (const c of shuffle(children).slice(0, Math.floor(children.length / 12))) {
    if (neighbours.includes(c.id)) continue;
    const d = within(FROM + 60, TO - 30);
    const newAddr = { line1: `${ri(1, 140)} ${pick(cfg.streets)}`, town: pick(cfg.towns), pc: newPc(cfg.outs) };
    for (const role of ['edu', 'csc', 'health']) {
      const ag = byRole[role];
      const sid = c.recs[ag.code];
      if (!sid) continue;
      const old = (lines[ag.code] ?? []).filter((l) => l.obj.type === 'person' && l.obj.source_id === sid).pop();
      if (!old || old.key >= ts(d, 0)) continue;
      const o = { ...old.obj };
      delete o.recorded_at; delete o.agency;
      o.address = { line1: newAddr.line1, town: newAddr.town, postcode: fmtPc(ag, newAddr.pc) };
      put(ag, o, Math.min(d + ri(ag.delay[0], ag.delay[1] + 20), LAST_REC), ri(540, 1000));
    }
  }
  // an amended summary: a worker corrects a record days later (a new version of the same event)
  for (const role of ['csc', 'police']) {
    const ag = byRole[role];
    for (const l of shuffle((lines[ag.code] ?? []).filter((l) => l.obj.type === 'event' && l.obj.summary)).slice(0, 6)) {
      const o = { ...l.obj };
      const day = Math.min(D(o.recorded_at.slice(0, 10)) + ri(1, 14), LAST_REC);
      delete o.recorded_at; delete o.agency;
      o.summary = `${o.summary} [amended: ${pick(['spelling of name corrected', 'time of incident corrected', 'outcome added', 'location clarified'])}]`;
      put(ag, o, day, ri(540, 1000));
    }
  }
  // a few corrections: records sent in error and withdrawn
  const noiseEvents = (lines[byRole.edu.code] ?? []).filter((l) => l.obj.type === 'event' && l.obj.kind === 'note');
  for (const l of shuffle(noiseEvents).slice(0, 3)) {
    const ag = byRole.edu;
    const day = Math.min(D(l.obj.recorded_at.slice(0, 10)) + ri(1, 20), LAST_REC);
    put(ag, { type: 'event', source_id: l.obj.source_id, withdrawn: true, reason: 'Recorded on the wrong pupil' }, day, ri(540, 960));
  }

  // ---------- first_visible ----------
  for (const g of groups) {
    const ms = meta.filter((m) => m.g === g.id).sort((a, b) => a.day - b.day || a.min - b.min);
    const parent = new Map();
    const find = (x) => { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; };
    const add = (x) => { if (!parent.has(x)) parent.set(x, x); };
    g.first_visible = null;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      m.nodes.forEach(add);
      for (const n of m.nodes.slice(1)) parent.set(find(n), find(m.nodes[0]));
      if (i + 1 < ms.length && ms[i + 1].day === m.day) continue;
      const comp = new Map();
      for (const x of parent.keys()) { const r = find(x); const c = comp.get(r) ?? { k: 0, m: 0 }; if (x.startsWith('c:')) c.k++; else c.m++; comp.set(r, c); }
      if ([...comp.values()].some((c) => c.k >= 2 && c.m >= 1)) { g.first_visible = ymd(m.day); break; }
    }
    if (!g.first_visible || D(g.first_visible) > TO) throw new Error(`${g.id}: not visible within the period`);
  }

  // ---------- write ----------
  const dir = path.join(OUT, cfg.code);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (const ag of cfg.agencies) {
    const ls = (lines[ag.code] ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
    const byYear = {};
    for (const l of ls) (byYear[l.key.slice(0, 4)] ??= []).push(JSON.stringify(l.obj));
    for (const y of Object.keys(byYear).sort()) {
      const f = `${ag.code}-${y}.ndjson`;
      const nl = ag.crlf ? '\r\n' : '\n';
      fs.writeFileSync(path.join(dir, f), byYear[y].join(nl) + nl);
      files.push(f);
    }
  }
  fs.writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(cfg.agencies.map((a) => ({ code: a.code, name: a.name, kind: ROLE_KIND[a.role] })), null, 2) + '\n');
  const adultT = (a) => ({ id: a.id, source_records: [...(a.srcs ?? [])] });
  const truth = {
    area: cfg.code, name: cfg.name, period: { from: cfg.from, to: cfg.to }, end: cfg.to, files,
    groups: groups.map((g) => ({
      id: g.id, shape: g.shape, first_visible: g.first_visible, children: g.kids.filter((k) => meta.some((m) => m.g === g.id && m.nodes.includes(`c:${k.id}`))).map((k) => ({ id: k.id })),
      adults: g.adults.map(adultT).filter((a) => a.source_records.length), objects: g.objects.map((o) => ({ kind: o.kind, key: o.kind === 'location' ? pcKey(o.key) : o.kind === 'online' ? o.key.toLowerCase() : o.key })).filter((o) => seenObj.has(`${o.kind}:${o.key}`)), notes: g.notes,
    })),
    confounders: Object.values(conf).map((c) => ({ kind: c.kind, adults: c.adults.map(adultT).filter((a) => a.source_records.length), objects: c.objects.filter((o) => seenObj.has(`${o.kind}:${o.key}`)) })),
    innocent_at_group_postcodes: neighbours,
    child_records: childRecords,
    first_visible_rule: 'the first recorded_at day on which the group\'s own records join 2+ of its children and 1+ of its adults or objects into one connected piece, each child\'s records across agencies taken as one child, an adult\'s records at two agencies (or two records at one agency) not taken as one',
  };
  for (const g of truth.groups) for (const a of g.adults) if (!a.source_records.length) throw new Error(`${a.id} has no records`);
  fs.writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  const nLines = Object.values(lines).reduce((t, l) => t + l.length, 0);
  console.log(`${cfg.code}: ${children.length} children, ${files.length} files, ${nLines} lines, groups ${truth.groups.map((g) => `${g.id.split('-').pop()}(${g.shape} ${g.adults.length}/${g.objects.length}/${g.children.length} fv ${g.first_visible})`).join(' ')}`);
}

// ======================================================================
// An innocent family living at a group's postcode: their child's address and a police record name it.
function neighbour(x, loc, text) {
  const c = x.takeKids(1, null, 6, 12, x.FROM + 200)[0];
  c.pc = loc.pc;
  c.line1 = loc.name.replace(/^Flat above /, 'Ground floor flat, ').replace(/^Flat \d+/, `Flat ${ri(1, 2)}`);
  x.neighbours.push(c.id);
  x.ev('police', { kind: 'note', subj: c, day: x.FROM + ri(100, 700), summary: text, inv: [{ loc: { name: 'Home address', pc: loc.pc } }] });
}

// Group shapes. Each writes the group's records as each agency would, over time.
const SHAPES = {};

// County lines: a deal line from a city, runners from the area, a trap flat (cuckooed), an elder known
// by a street name, a driver, the line phone seized at arrests; BTP at the station; intelligence late.
SHAPES.county_lines = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, within } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, 'male', 14, 16, t0);
  if (s.girl) kids.push(...takeKids(1, 'female', 15, 16, t0));
  const street = pick(STREET_NAMES);
  const elder = makeAdult({ age: ri(21, 26), nick: street, writeAs: { police: 'full', yjs: 'nick', edu: 'nick', charity: 'nick', btp: 'misspelt', cps: 'full', csc: 'nick' }, town: s.city });
  const driver = makeAdult({ age: ri(19, 23), writeAs: { police: 'full', btp: 'full', cps: 'full', csc: 'given' }, town: s.city });
  const adults = [elder, driver];
  const line = s.lineName;
  const p1 = newPhone();
  const car = newVrm();
  const trap = L(`${pick(['Flat', 'Flat', 'Bedsit'])} ${ri(2, 14)}, ${pick(x.cfg.blocks)}`);
  const objs = [{ kind: 'phone', key: p1 }, { kind: 'vehicle', key: car }, { kind: 'location', key: trap.pc }];
  const p2 = s.twoPhones ? newPhone() : null;
  if (p2) objs.push({ kind: 'phone', key: p2 });
  neighbour(x, trap, 'Concern for welfare call from resident of the block: communal door insecure, people in and out of a flat upstairs at all hours. Family not involved, advised to report ASB');
  const g = newGroup(s.id, 'county_lines', kids, adults, objs, `"${line}" line from ${s.city}; elder known as "${street}"; trap flat at ${trap.name}; ${p2 ? 'line phone replaced by a second handset' : 'one line phone'}; driver with car ${car}`);
  let d = t0;
  kids.forEach((k, i) => {
    const d1 = d + i * ri(25, 60);
    // missing from home, found at the trap flat
    const m = ev('police', { group: g, kind: 'missing_episode', subj: k, day: d1, min: ri(17 * 60, 22 * 60), ended: ri(1, 4), summary: `MFH. Located by patrols at ${trap.name} with other youths, property suggests drug dealing`, missing_from: 'home', risk_grading: 'high', reported_by: 'Mother', last_seen: 'Leaving home on foot saying going to a mate\'s', ind: ['missing', 'drug_misuse', 'older_associates'], inv: [{ loc: trap, role: 'found_at' }] });
    if (m && x.byRole.charity) ev('charity', { group: null, kind: 'return_interview', subj: k, day: d1 + ri(2, 6), status: 'done', child_account: pick([`I was at a flat in ${x.cfg.towns[0]}. I can't say who with. I owe money.`, `Went with my mates. They give you stuff and then you owe them.`, `Ask ${street}, not me`]), episode: `${m.ag.code}:${m.sid}` });
    if (i % 2 === 0) ev('police', { group: g, kind: 'arrest', subj: k, day: d1 + ri(30, 90), min: ri(12 * 60, 22 * 60), summary: `Arrested PWITS class A, ${ri(8, 25)} wraps, cash and phone seized (phone rings constantly, ${line} line bulk messages)`, details: `Handset seized. Number ${fmtPhoneRaw(i === 0 || !p2 ? p1 : p2)}. Referral to NRM considered.`, ind: ['drug_misuse'], inv: [{ phone: i === 0 || !p2 ? p1 : p2 }, { loc: trap }] });
    if (x.byRole.btp && i < 3) ev('btp', { group: g, kind: 'note', subj: k, day: d1 + ri(5, 40), min: ri(8 * 60, 20 * 60), summary: `Stop on train at ${x.station.name}. Travelling with older male ${elder.nick ? `known as ${elder.nick}` : ''}, no tickets. Both details obtained. Intel submitted re county lines`, ind: ['older_associates'], inv: [{ person: elder, role: 'associate' }, { loc: x.station }] });
    if (x.byRole.yjs && i % 2 === 0) ev('yjs', { group: g, kind: 'youth_justice', subj: k, day: d1 + ri(100, 160), summary: `Referral order. ${k.given} says ${he(k)} "works" for ${street}; risk of CCE`, details: `Worker concerned ${he(k)} is being criminally exploited. ${street} named in sessions, phone ${fmtPhoneRaw(p1)} ring constantly during session`, ind: ['older_associates', 'drug_misuse'], inv: [{ person: elder, role: 'suspect' }] });
    if (i === 1) ev('edu', { group: g, kind: 'concern', subj: k, day: d1 + ri(10, 40), min: ri(15 * 60, 16 * 60), summary: `Seen getting into a grey car at the gates after school, driver adult male, registration noted by site team`, ind: ['vehicle_unknown_adults'], inv: [{ vrm: car }, { loc: k.school }] });
    ev('health', { group: null, kind: 'health_attendance', subj: k, day: d1 + ri(40, 200), summary: pick(['Laceration to hand, says kitchen knife accident, vague account', 'Assault - facial injuries, declined police', 'Stab wound to thigh, superficial, refused to say where']), ind: ['unexplained_injury'] });
  });
  // late intelligence: elder, driver, car, phone, children named as runners
  const di = t0 + ri(120, 240);
  ev('police', { group: g, kind: 'intelligence', subj: elder, day: di, delay: ri(20, 60), summary: `Intel (B2): ${elder.family.toUpperCase()} aka ${street} controlling ${line} line from ${s.city} using runners from ${x.cfg.towns[0]}; using vehicle ${car.slice(0, 4)} ${car.slice(4)}`, inv: [{ vrm: car }, { phone: p1 }, { person: driver, role: 'associate' }, ...kids.slice(0, 2).map((k) => ({ person: k, role: 'victim' }))] });
  ev('police', { group: g, kind: 'note', subj: driver, day: di + ri(10, 40), summary: `Vehicle stop, driver ${driver.family.toUpperCase()} with two juvenile passengers, cash £${ri(300, 900)}`, inv: [{ vrm: car }, { person: kids[kids.length - 1], role: 'associate' }] });
  if (p2) ev('police', { group: g, kind: 'intelligence', subj: elder, day: di + ri(60, 120), delay: ri(20, 50), summary: `Intel (C3): ${line} line now running on new handset ${fmtPhoneRaw(p2)}, same broadcast messages`, inv: [{ phone: p2 }, { phone: p1 }] });
  if (x.byRole.cps) ev('cps', { group: g, kind: 'charging_decision', subj: kids[0], day: di + ri(150, 260), delay: ri(5, 30), outcome: 'charge', rationale: `Suspect charged s.1 Modern Slavery Act / PWITS; child treated as victim (s.45 defence accepted)`, inv: [{ person: elder, role: 'suspect' }] });
  if (x.byRole.csc) for (const k of kids.slice(0, 3)) rel('csc', k, elder, 'associate', t0 + ri(90, 300), { reliability: 'tentative', note: `Known as "${street}". Believed to run a drugs line. Child will not give full name.`, group: g, alias: 'nick' });
  if (x.byRole.housing) ev('housing', { group: g, kind: 'note', subj: kids[1], day: t0 + ri(60, 200), summary: `ASB complaint at ${trap.name}: tenant vulnerable, visitors day and night incl. teenage boys. ${kids[1].given} named by PCSO`, inv: [{ loc: trap }] });
  rel('police', kids[0], kids[1], 'peer', t0 + 30, { reliability: 'confirmed', group: g });
};

// The same line re-forms under new phones after an operation: phase 1 runners and phone, a quiet
// half year, then new handsets and new runners with one boy from before; the elder is linked to the
// new phones only by late intelligence and under another nickname.
SHAPES.reforming_line = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, ageAt } = x;
  const t0 = x.FROM + s.start;
  const k1 = takeKids(3, 'male', 14, 15, t0);
  const k2 = takeKids(3, 'male', 13, 15, t0 + 500);
  const kids = [...k1, ...k2];
  const nick1 = pick(STREET_NAMES), nick2 = pick(STREET_NAMES.filter((n) => n !== nick1));
  const elder = makeAdult({ age: 27, nick: nick1, writeAs: { police: 'full', yjs: 'nick', csc: 'nick', charity: 'nick', btp: 'misspelt', cps: 'full' } });
  const lieutenant = makeAdult({ age: 20, writeAs: { police: 'full', cps: 'full', btp: 'full' } });
  const p1 = newPhone(), p2 = newPhone(), p3 = newPhone();
  const car1 = newVrm(), car2 = newVrm();
  const trap = L(`Flat ${ri(3, 20)}, ${pick(x.cfg.blocks)}`);
  const g = newGroup(s.id, 'county_lines_reformed', kids, [elder, lieutenant], [{ kind: 'phone', key: p1 }, { kind: 'phone', key: p2 }, { kind: 'phone', key: p3 }, { kind: 'vehicle', key: car1 }, { kind: 'vehicle', key: car2 }, { kind: 'location', key: trap.pc }],
    `"${s.lineName}" line: phase 1 phone ${p1}, car ${car1}, runners 1-3; operation and lieutenant charged; quiet ~7 months; phase 2 phones ${p2} and ${p3}, car ${car2}, runners 4-6 and runner 3 again; elder now called "${nick2}" by the new runners`);
  // phase 1
  k1.forEach((k, i) => {
    const d = t0 + i * ri(20, 50);
    ev('police', { group: g, kind: 'missing_episode', subj: k, day: d, min: ri(16 * 60, 22 * 60), ended: ri(2, 5), summary: `Missing ${ri(2, 5)} days, found at ${trap.name}, ${ri(2, 4)} other youths present`, missing_from: 'home', risk_grading: 'high', reported_by: 'Parent', ind: ['missing', 'drug_misuse'], inv: [{ loc: trap, role: 'found_at' }, ...(i === 0 ? [{ person: lieutenant, role: 'found_with' }] : [])] });
    ev('police', { group: g, kind: 'arrest', subj: k, day: d + ri(20, 80), summary: `Arrested in possession of crack cocaine wraps and handset (${s.lineName} line)`, inv: [{ phone: p1 }] });
    if (i < 2) rel('csc', k, elder, 'associate', d + ri(30, 90), { reliability: 'unconfirmed', note: `Mum says older male "${nick1}" collects him in a black car`, group: g, alias: 'nick' });
    ev('edu', { group: null, kind: 'school_exclusion', subj: k, day: d + ri(60, 120), summary: 'Fixed term exclusion, found with large amount of cash and two phones', ind: ['school_disengagement'] });
  });
  const op = t0 + 230;
  ev('police', { group: g, kind: 'intelligence', subj: elder, day: op - 40, delay: ri(25, 45), summary: `Intel (B2): ${nick1} (${elder.given} ${elder.family.toUpperCase()}) runs ${s.lineName} line, phone ${fmtPhoneRaw(p1)}, drives ${car1}`, inv: [{ phone: p1 }, { vrm: car1 }] });
  ev('police', { group: g, kind: 'arrest', subj: lieutenant, day: op, summary: `Op warrant at ${trap.name}: ${lieutenant.family.toUpperCase()} arrested, line handset seized`, inv: [{ phone: p1 }, { loc: trap }, { person: k1[2], role: 'associate' }] });
  if (x.byRole.cps) ev('cps', { group: g, kind: 'charging_decision', subj: k1[2], day: op + 120, delay: 20, outcome: 'charge', rationale: 'Lieutenant charged conspiracy to supply; child a victim of exploitation, NRM positive reasonable grounds', inv: [{ person: lieutenant, role: 'suspect' }] });
  // quiet ~7 months, then phase 2
  const t2 = op + 210;
  k2.forEach((k, i) => {
    const d = t2 + i * ri(15, 40);
    ev('police', { group: g, kind: 'arrest', subj: k, day: d, summary: `Stop search ${pick(['Ferry Rd', 'the precinct', 'Dock St'])}: wraps and handset. Phone receiving "${s.lineName}" bulk texts`, inv: [{ phone: i === 2 ? p3 : p2 }] });
    if (x.byRole.yjs) ev('yjs', { group: g, kind: 'youth_justice', subj: k, day: d + ri(40, 90), summary: `Says he was recruited at the skate park by "${nick2}", who drives a white car`, ind: ['older_associates'], inv: [{ vrm: car2 }] });
  });
  ev('btp', { group: g, kind: 'note', subj: k1[2], day: t2 + 20, summary: `Travelling with ${k2[0].given.toUpperCase()} ${k2[0].family.toUpperCase()} from the city, both evasive; phone seized from ${k1[2].given}`, inv: [{ person: k2[0], role: 'associate' }, { phone: p2 }, { loc: x.station }] });
  ev('police', { group: g, kind: 'intelligence', subj: elder, day: t2 + 120, delay: ri(40, 70), summary: `Intel (C3): ${s.lineName} line back running on new numbers ${fmtPhoneRaw(p2)} / ${fmtPhoneRaw(p3)}; ${nick1} now also called ${nick2}; using ${car2}`, inv: [{ phone: p2 }, { phone: p3 }, { vrm: car2 }] });
  if (x.byRole.charity) ev('charity', { group: null, kind: 'return_interview', subj: k2[1], day: t2 + 60, status: 'done', child_account: `They said it's the same line as before, just new phones. I don't know their real names.` });
};

// Grooming around premises: a takeaway/barber with a flat above, 3-5 men, girls 13-15.
SHAPES.grooming_premises = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, ageAt } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, 'female', 13, 15, t0);
  const main = makeAdult({ age: ri(30, 38), nick: s.mainNick, given: s.mainGiven, writeAs: { police: 'full', csc: 'nick', edu: 'nick', sh: 'nick', charity: 'nick', health: 'given', cps: 'full' } });
  const men = [main];
  for (let i = 1; i < s.men; i++) men.push(makeAdult({ age: ri(22, 45), family: i === 1 ? main.family : undefined, writeAs: { police: i % 2 ? 'full' : 'misspelt', csc: 'given', sh: 'given', cps: 'full', health: 'given' } }));
  for (const m of men) m.phone = newPhone();
  const prem = L(s.premises), flat = L(`Flat above ${s.premises}`, undefined);
  const cars = [newVrm(), newVrm()];
  const objs = [{ kind: 'location', key: prem.pc }, { kind: 'location', key: flat.pc }, ...cars.map((v) => ({ kind: 'vehicle', key: v })), { kind: 'phone', key: main.phone }, { kind: 'phone', key: men[1].phone }];
  neighbour(x, flat, `Noise complaint from ground-floor family next to ${s.premises}; dispute with neighbours above, words of advice`);
  const g = newGroup(s.id, 'grooming_premises', kids, men, objs, `${s.men} men around ${s.premises} and the flat above (separate postcode); main man "${s.mainNick}" known by nickname to social care, school, sexual health and the charity; cars ${cars.join(', ')}`);
  kids.forEach((k, i) => {
    const d = t0 + i * ri(30, 70);
    ev('edu', { group: g, kind: 'concern', subj: k, day: d, min: ri(15 * 60, 16 * 60 + 30), summary: `${k.given} seen getting into car outside school, male driver approx 30. New phone, new nails, tired`, ind: ['vehicle_unknown_adults', 'gifts_money'], inv: [{ vrm: cars[i % 2] }, { loc: k.school }] });
    const m = ev('police', { group: g, kind: 'missing_episode', subj: k, day: d + ri(10, 50), min: ri(20 * 60, 23 * 60), ended: ri(1, 2), summary: `Missing overnight. Found ${pick(['in the flat above', 'at the back door of', 'in a car outside'])} ${s.premises} with adult male(s); intoxicated`, missing_from: pick(['home', 'care_placement']), risk_grading: 'high', ind: ['missing', 'alcohol_misuse', 'older_associates'], inv: [{ loc: i % 2 ? flat : prem, role: 'found_at' }, { person: men[(i + 1) % men.length], role: 'found_with' }] });
    if (m && x.byRole.charity) ev('charity', { group: g, kind: 'return_interview', subj: k, day: d + ri(12, 56), status: 'done', child_account: pick([`We go to ${s.premises}, they give us free food and vodka. ${s.mainNick} is my boyfriend he's 19 (he isn't).`, `It's just chilling upstairs. ${s.mainNick} looks after us`, `I'm not saying anything about the flat`]), episode: `${m.ag.code}:${m.sid}`, inv: [{ person: main, role: 'suspect' }] });
    if (x.byRole.sh) ev('sh', { group: g, kind: 'sexual_health', subj: k, day: d + ri(40, 120), summary: `Attended for EHC and screening. Contact number given is "a friend's"; an adult male answered when called back`, ind: ['sti'], inv: [{ phone: men[i % 2].phone }] });
    if (i < 3) rel('csc', k, main, 'claimed_partner', d + ri(20, 100), { reliability: 'tentative', note: `${k.given} calls "${s.mainNick}" her boyfriend; he is thought to be in his 30s. Grooming suspected.`, group: g, alias: 'nick' });
    ev('health', { group: null, kind: 'health_attendance', subj: k, day: d + ri(60, 200), summary: 'Alcohol intoxication, brought in by ambulance from the bus/railway station', ind: ['alcohol_misuse'], inv: [{ loc: x.station }] });
  });
  const di = t0 + ri(150, 260);
  ev('police', { group: g, kind: 'intelligence', subj: main, day: di, delay: ri(30, 70), summary: `Intel (B3): girls aged 13-15 seen entering ${s.premises} after closing; ${main.given.toUpperCase()} ${main.family.toUpperCase()} ("${s.mainNick}") and ${men[1].given} ${men[1].family.toUpperCase()} named; vehicles ${cars.join(' / ')}`, inv: [{ loc: prem }, { vrm: cars[0] }, { vrm: cars[1] }, { person: men[1], role: 'associate' }, { phone: main.phone }] });
  for (const mm of men.slice(2)) { const girl = pick(kids); ev('police', { group: g, kind: 'note', subj: mm, day: di + ri(20, 120), summary: `Vehicle stop: driver ${mm.family.toUpperCase()}, front passenger girl identified as ${girl.given} ${girl.family.toUpperCase()} (${ageAt(girl, di)}), evasive about how she knows him. Intel submitted`, inv: [{ vrm: cars[1] }, { person: girl, role: 'associate' }] }); }
  if (x.byRole.cps) ev('cps', { group: g, kind: 'charging_decision', subj: kids[0], day: di + ri(200, 320), delay: ri(10, 40), outcome: pick(['further_evidence_needed', 'charge']), rationale: 'Grooming and sexual activity with a child offences; phone download awaited', inv: [{ person: main, role: 'suspect' }, { person: men[1], role: 'suspect' }] });
  ev('csc', { group: g, kind: 'strategy_discussion', subj: kids[1], day: di + ri(10, 40), summary: `Strategy: concerns about ${s.premises}. Other girls named.`, inv: [{ loc: prem }, { person: kids[0], role: 'associate' }, { person: kids[2], role: 'associate' }] });
};

// Hub adult: one adult seen with children one at a time, written differently by each agency.
SHAPES.hub = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, ageAt } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, s.sex ?? null, 12, 15, t0);
  const hub = makeAdult({ sex: s.adultSex ?? 'male', age: s.age ?? ri(40, 58), nick: s.nick, given: s.given, family: s.family, title: s.adultSex === 'female' ? 'Ms' : 'Mr', writeAs: { police: 'full', csc: 'nick', edu: 'title', health: 'caps', charity: 'given', yjs: 'nick', btp: 'initial', sh: 'nick', housing: 'misspelt', ehelp: 'surname' } });
  hub.phone = newPhone();
  const car = newVrm();
  const homeLoc = { name: s.place, pc: hub.pc };
  const g = newGroup(s.id, 'hub', kids, [hub], [{ kind: 'phone', key: hub.phone }, { kind: 'vehicle', key: car }, { kind: 'location', key: hub.pc }], `one ${hub.sex === 'female' ? 'woman' : 'man'} ("${s.nick}") at ${s.place}: ${s.what}; seen with the children one at a time; each agency writes the name its own way`);
  const roles = shuffle(['police', 'csc', 'edu', 'health', 'charity', 'yjs', 'btp', 'sh', 'housing', 'ehelp'].filter((r) => x.byRole[r]));
  kids.forEach((k, i) => {
    const d = t0 + i * ri(40, 90);
    const r = roles[i % roles.length];
    const txt = {
      police: `Found at ${s.place} at 0${ri(0, 4)}:30 with adult ${hub.family.toUpperCase()}; alcohol and cannabis present`,
      csc: `${k.given} spends time at "${s.nick}"'s; given vapes, lifts and money`,
      edu: `Picked up from school by ${hub.title} ${hub.family} who is not an approved adult`,
      health: `Brought in intoxicated by adult friend, gave name ${hub.given.toUpperCase()} ${hub.family.toUpperCase()} and mobile`,
      charity: `Says ${hub.given} lets them stay over, "no rules"`,
      yjs: `Staying at "${s.nick}"'s address; bail address not suitable`,
      btp: `Seen on platform with adult ${hub.given[0]} ${hub.family.toUpperCase()}, gave evasive account`,
      sh: `Attended with an older ${hub.sex === 'female' ? 'woman' : 'man'}, "${s.nick}", who waited outside; contact number given is ${hub.sex === 'female' ? 'hers' : 'his'}`,
      housing: `Neighbour complaint re children in and out of ${s.place} at all hours`,
      ehelp: `Family worker: child staying at ${hub.family}'s most weekends`,
    }[r];
    const kind = { police: 'missing_episode', csc: 'concern', edu: 'concern', health: 'health_attendance', charity: 'note', yjs: 'youth_justice', btp: 'note', sh: 'sexual_health', housing: 'note', ehelp: 'note' }[r];
    const inv = [{ person: hub, role: r === 'police' ? 'found_with' : 'associate' }];
    if (r === 'btp') inv.push({ loc: x.station });
    else if (r === 'sh' || r === 'health') inv.push({ phone: hub.phone });
    else if (r === 'police' || r === 'housing' || r === 'yjs') inv.push({ loc: homeLoc, role: r === 'police' ? 'found_at' : undefined });
    else if (i % 2 === 0) inv.push({ vrm: car });
    else inv.push({ phone: hub.phone });
    const o = { group: g, kind, subj: k, day: d, summary: txt, ind: ['older_associates', ...(i % 2 ? ['gifts_money'] : ['alcohol_misuse'])], inv };
    if (kind === 'missing_episode') Object.assign(o, { ended: 1, missing_from: 'home', risk_grading: 'medium', min: ri(21 * 60, 23 * 60) });
    ev(r, o);
    // the same child seen again by another agency without the hub (link only through the child)
    ev('edu', { group: null, kind: 'school_absence', subj: k, day: d + ri(3, 30), summary: 'Persistent absence, tired, new clothes and phone', ind: ['school_disengagement', 'gifts_money'], inv: [{ loc: k.school }] });
  });
  ev('police', { group: g, kind: 'intelligence', subj: hub, day: t0 + ri(200, 300), delay: ri(14, 50), summary: `Intel (C4): ${hub.family.toUpperCase()} allowing children to drink at ${s.place}; adult men seen visiting while children present. Drives ${car}`, inv: [{ vrm: car }, { loc: homeLoc }, { phone: hub.phone }] });
  rel('csc', kids[0], hub, 'associate', t0 + ri(50, 150), { reliability: 'unconfirmed', note: s.what, group: g });
};

// Online only: children linked by handles; no adult record at all.
SHAPES.online = (x, s) => {
  const { ev, takeKids, newGroup } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, s.sex ?? null, 12, 15, t0);
  const handles = s.handles;
  const g = newGroup(s.id, 'online', kids, [], handles.map((h) => ({ kind: 'online', key: h })), `online only: ${handles.join(', ')}; ${s.what}`);
  kids.forEach((k, i) => {
    const d = t0 + i * ri(20, 80);
    const h = handles[i % handles.length];
    const h2 = handles[(i + 1) % handles.length];
    const role = ['edu', 'police', 'csc', 'charity', 'health'].filter((r) => x.byRole[r])[i % 4];
    const txt = {
      edu: `Parent reports ${k.given} being messaged by "${h}" asking for pictures; screenshots seen by DSL`,
      police: `Crime report: sextortion/IIOC request via ${h.split('@')[1]}; user ${h}, also linked account ${h2}`,
      csc: `Contact: ${k.given} sending images to online contact ${h}, believed adult; promised money and game credit`,
      charity: `${k.given} talked about an online "friend" ${h} who sends gift cards`,
      health: `CAMHS: low mood after online contact ${h} threatened to share images`,
    }[role];
    ev(role, { group: g, kind: role === 'police' ? 'crime_report' : role === 'health' ? 'self_harm' : 'concern', subj: k, day: d, summary: txt, ind: ['concerning_internet_use', ...(i % 2 ? ['gifts_money'] : [])], inv: role === 'police' ? [{ online: h }, { online: h2 }] : [{ online: h }] });
    if (i % 2 === 1) ev('police', { group: g, kind: 'intelligence', subj: k, day: d + ri(30, 80), delay: ri(20, 60), summary: `CEOP referral received: account ${h} contacting multiple children in force area`, inv: [{ online: h }] });
  });
};

// Peer group with one older adult: boys or mixed 14-16 who offend together; one adult (19-23) who
// supplies cannabis and drives them, and uses them to carry.
SHAPES.peer_older = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, ageAt } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, null, 14, 16, t0, (c) => true);
  const adult = makeAdult({ age: s.age ?? 21, nick: s.nick, given: s.given, writeAs: { police: 'full', edu: 'nick', csc: 'given', yjs: 'nick', charity: 'nick', health: 'full', ehelp: 'given' } });
  adult.phone = newPhone();
  const car = newVrm();
  const spot = L(s.spot);
  const g = newGroup(s.id, 'peer_group_older_adult', kids, [adult], [{ kind: 'vehicle', key: car }, { kind: 'phone', key: adult.phone }, { kind: 'location', key: spot.pc }], `peer group of ${kids.length} who hang around ${s.spot}; one adult ("${s.nick}", ${s.age ?? 21}) gives them cannabis and lifts, then has them hold and carry for him`);
  // peers together, without the adult
  for (let i = 0; i + 1 < kids.length; i++) ev('police', { group: g, kind: 'note', subj: kids[i], day: t0 + i * 25, summary: `Group of youths dispersed from ${s.spot}, ASB. Also present ${kids[i + 1].given} ${kids[i + 1].family.toUpperCase()}`, inv: [{ person: kids[i + 1], role: 'associate' }, { loc: spot }] });
  ev('police', { group: g, kind: 'arrest', subj: kids[0], day: t0 + 120, summary: `Arrested with ${kids[1].given} and ${kids[2].given}: burglary of garage. Older male waiting in car nearby, drove off`, inv: [{ person: kids[1], role: 'associate' }, { person: kids[2], role: 'associate' }, { vrm: car }] });
  kids.forEach((k, i) => {
    const d = t0 + 60 + i * ri(20, 50);
    if (i % 3 === 0) ev('edu', { group: g, kind: 'concern', subj: k, day: d, summary: `${k.given} says "${s.nick}" drives them about and gives them weed; smells of cannabis`, ind: ['drug_misuse', 'older_associates'], inv: [{ person: adult, role: 'associate' }] });
    else if (i % 3 === 1) ev('yjs', { group: g, kind: 'youth_justice', subj: k, day: d + 40, summary: `Out of court disposal. Holding cannabis for an older lad; number ${fmtPhoneRaw(adult.phone)} saved as "${s.nick}"`, ind: ['drug_misuse', 'older_associates'], inv: [{ phone: adult.phone }] });
    else ev('csc', { group: g, kind: 'contact_referral', subj: k, day: d, summary: `Mum worried ${he(k)} is out till 2am with older lad who drives; reg given`, ind: ['staying_out_late', 'vehicle_unknown_adults'], inv: [{ vrm: car }] });
  });
  ev('police', { group: g, kind: 'intelligence', subj: adult, day: t0 + ri(220, 320), delay: ri(20, 45), summary: `Intel: ${adult.family.toUpperCase()} using local juveniles to hold and sell cannabis around ${s.spot}, drives ${car}`, inv: [{ vrm: car }, { phone: adult.phone }, { person: kids[kids.length - 1], role: 'victim' }] });
  if (x.byRole.ehelp) ev('ehelp', { group: null, kind: 'note', subj: kids[kids.length - 1], day: t0 + 200, summary: 'Family support: mum struggling with boundaries, son out late with friends' });
};

// Exploitation through a business: car wash, nail bar, takeaway. Adults run it; children work there,
// sometimes live above it; some are trafficked.
SHAPES.business = (x, s) => {
  const { ev, rel, takeKids, makeAdult, newGroup, L, ageAt } = x;
  const t0 = x.FROM + s.start;
  const kids = takeKids(s.kids, s.sex, s.minAge ?? 14, 16, t0);
  const boss = makeAdult({ sex: s.bossSex ?? 'male', age: ri(35, 50), given: s.bossGiven, family: s.bossFamily, nick: s.bossNick, writeAs: { police: 'full', csc: 'given', edu: 'surname', health: 'given', charity: 'nick', cps: 'full' } });
  const manager = makeAdult({ sex: s.mgrSex ?? 'male', age: ri(24, 34), given: s.mgrGiven, family: s.bossFamily, writeAs: { police: 'full', csc: 'given', health: 'given', charity: 'given', cps: 'full' } });
  boss.phone = newPhone();
  manager.phone = newPhone();
  const prem = L(s.premises);
  const upstairs = s.livingAbove ? L(`${s.livingAbove}`) : null;
  const van = newVrm();
  const objs = [{ kind: 'location', key: prem.pc }, { kind: 'vehicle', key: van }, { kind: 'phone', key: boss.phone }, { kind: 'phone', key: manager.phone }];
  if (upstairs) objs.push({ kind: 'location', key: upstairs.pc });
  const g = newGroup(s.id, s.kind, kids, [boss, manager], objs, s.notes);
  kids.forEach((k, i) => {
    const d = t0 + i * ri(25, 70);
    const w = s.work;
    [
      () => ev('edu', { group: g, kind: 'school_absence', subj: k, day: d, summary: `Missing Fridays and Mondays. Says ${he(k)} works at ${s.premises}; ${s.schoolNote}`, details: `${ri(4, 12)} sessions`, ind: ['school_disengagement'], inv: [{ loc: prem }, { loc: k.school }] }),
      () => ev('health', { group: g, kind: 'health_attendance', subj: k, day: d, summary: `${s.injury}. Brought in by employer, who gave ${manager.sex === 'female' ? 'her' : 'his'} own mobile as the contact number`, ind: ['unexplained_injury'], inv: [{ person: manager, role: 'associate' }, { phone: manager.phone }] }),
      () => ev('police', { group: g, kind: 'missing_episode', subj: k, day: d, min: ri(18 * 60, 22 * 60), ended: ri(1, 6), summary: `Missing from ${k.sex === 'female' ? 'her' : 'his'} placement; located ${upstairs ? `living at ${upstairs.name}` : `working at ${s.premises}`}`, missing_from: 'care_placement', risk_grading: 'high', ind: ['missing'], inv: [{ loc: upstairs ?? prem, role: 'found_at' }] }),
      () => ev('csc', { group: g, kind: 'contact_referral', subj: k, day: d, summary: `NRM referral: ${w}. Paid £${ri(15, 30)} a day cash, picked up in a van`, ind: ['gifts_money', 'older_associates'], inv: [{ vrm: van }, { person: boss, role: 'suspect' }] }),
    ][i % 4]();
    if (i % 2 === 0 && x.byRole.charity) ev('charity', { group: null, kind: 'note', subj: k, day: d + ri(20, 60), summary: `Independent child trafficking guardian visit. ${k.given} frightened to talk about the work, says ${he(k)} owes money`, ind: ['isolated'] });
  });
  const dv = t0 + ri(100, 200);
  ev('police', { group: g, kind: 'crime_report', subj: kids[0], day: dv, summary: `Multi-agency welfare visit to ${s.premises} (with immigration/HMRC/fire): ${ri(2, 4)} juveniles working, no PPE, cash in hand. Owner ${boss.family.toUpperCase()} spoken to. Modern slavery crime recorded`, inv: [{ loc: prem }, { person: boss, role: 'suspect' }, { person: manager, role: 'suspect' }, { person: kids[1], role: 'victim' }, ...(upstairs ? [{ loc: upstairs }] : [])] });
  ev('police', { group: g, kind: 'intelligence', subj: manager, day: dv + ri(60, 160), delay: ri(25, 60), summary: `Intel (B2): ${manager.family.toUpperCase()} collects juveniles in van ${van} from ${pick(x.cfg.towns)} at 0630 daily, drops at ${s.premises}`, inv: [{ vrm: van }, { phone: manager.phone }, { phone: boss.phone }] });
  if (x.byRole.cps) ev('cps', { group: g, kind: 'charging_decision', subj: kids[1], day: dv + ri(240, 360), delay: ri(10, 40), outcome: pick(['charge', 'further_evidence_needed']), rationale: 'Modern Slavery Act s.2 arranging travel with a view to exploitation; s.1 forced labour', inv: [{ person: boss, role: 'suspect' }, { person: manager, role: 'suspect' }] });
  rel('csc', kids[2 % kids.length], boss, 'associate', dv + 30, { reliability: 'tentative', note: `Employer at ${s.premises}; child calls ${boss.sex === 'female' ? 'her "auntie"' : 'him "uncle"'}`, group: g });
};

// ======================================================================
const AG = (code, name, role, o = {}) => ({ code, name, role, delay: o.delay ?? { police: [0, 1], btp: [0, 2], csc: [1, 9], ehelp: [3, 20], health: [0, 0], sh: [0, 2], edu: [0, 1], yjs: [2, 14], cps: [20, 90], charity: [1, 10], housing: [2, 25] }[role], writers: o.writers ?? ['A. Bell', 'R. Kaur', 'S. Holt'], sid: o.sid, ...o });
const seq = (p, w = 6) => (n) => `${p}${String(n).padStart(w, '0')}`;

const AREAS = [
  {
    code: 'marshfleet', name: 'Marshfleet (Lincolnshire fens market town)', seed: 901, from: '2021-01-01', to: '2024-12-31', children: 230, la: 925,
    outs: ['PE42', 'PE43', 'PE44'], towns: ['Marshfleet', 'Gedney Fen', 'Holbeck Drove'], streets: ['Sluice Road', 'Chapel Lane', 'Fen View', 'Broadgate', 'Tofts Road', 'Sutterton Way', 'Mill Drove', 'Cowbit Close'],
    blocks: ['Riverside Court', 'Swan House', 'Greyfriars Walk'], eths: ['White British', 'White British', 'White British', 'White Other (Polish)', 'White Other (Lithuanian)', 'White Other (Romanian)', 'Gypsy/Roma', 'Mixed'],
    schools: [{ name: 'Marshfleet Academy' }, { name: 'Fen Edge High School' }], station: 'Marshfleet bus station', gp: 'Broadgate Surgery', home: null, foster: true,
    club: 'Marshfleet Boxing Club', youthClub: null, taxi: 'Fenland Cars', shop: 'Broadgate Food & Wine',
    agencies: [
      AG('lincs', 'Fens Constabulary', 'police', { sid: { person: seq('NOM', 7), event: (n) => `OCC-${String(n).padStart(6, '0')}`, intel: (n) => `IR/${n}`, rel: seq('ASN') }, writers: ['PC 2214', 'PC 1190', 'DC 876', 'PS 431'], phoneFmt: [0, 2], vrmFmt: [0, 1] }),
      AG('fencsc', 'Marshfleet Children\'s Services', 'csc', { sid: { person: seq('MOS', 6), event: seq('WS'), rel: seq('RL', 5) }, writers: ['Jo Wragg SW', 'Aneta Pawlak SW', 'T. Scott TM'], phoneFmt: 5, dupRate: 0.03 }),
      AG('pilgrim', 'Pilgrim and Fens Hospitals', 'health', { sid: { person: seq('RX', 7), event: seq('ATT', 8) }, writers: ['ED triage', 'Paeds SpR'], nhsSpaced: true, phoneFmt: 3 }),
      AG('fenschools', 'Marshfleet schools (CPOMS)', 'edu', { sid: { person: seq('PUP', 5), event: (n) => `CPOMS-${n}` }, writers: ['DSL', 'Head of Year 10', 'Attendance officer'], pcFmt: [0, 1], vrmFmt: 1 }),
      AG('fenyjs', 'Fens Youth Justice Service', 'yjs', { sid: { person: seq('YJ', 5), event: seq('YJE', 6) }, writers: ['YJ case manager'] }),
      AG('ictg', 'Guardians Together (child trafficking guardians)', 'charity', { sid: { person: (n) => `GT-${n}`, event: (n) => `GT-E${n}` }, writers: ['ICTG worker'], crlf: true, phoneFmt: 1 }),
    ],
    groups: [
      { shape: 'business', id: 'carwash', kind: 'business_premises', start: 200, kids: 5, sex: 'male', premises: 'Sparkle Hand Car Wash, Sluice Road', livingAbove: 'Caravan behind Sparkle Hand Car Wash', schoolNote: 'hands cracked and red from chemicals', injury: 'Chemical burns to both hands (car wash detergent)', work: 'boys washing cars 12 hours a day', bossGiven: 'Dritan', bossFamily: 'Hoxha', bossNick: 'the boss', mgrGiven: 'Ermal', notes: 'hand car wash and the caravan behind it: owner and his nephew, a van collecting boys at dawn; boys missing from school and from care placements; welfare visit, NRM referrals, intelligence weeks late, CPS a year on' },
      { shape: 'county_lines', id: 'line', start: 420, kids: 4, city: 'Nottingham', lineName: 'Deano', twoPhones: false },
      { shape: 'peer_older', id: 'peers', start: 700, kids: 5, nick: 'Jonno', given: 'Jonathan', age: 20, spot: 'the skate park, Tofts Road' },
    ],
  },
  {
    code: 'port-ellery', name: 'Port Ellery (Mersey estuary port town)', seed: 902, from: '2020-04-01', to: '2024-12-31', children: 390, la: 344,
    outs: ['CH71', 'CH72', 'CH73'], towns: ['Port Ellery', 'Ellery Docks', 'Whitby Heath'], streets: ['Dock Street', 'Ferry Road', 'Tranmere Terrace', 'Canal View', 'Salt Street', 'Vauxhall Walk', 'Grange Road', 'Bridgewater Close'],
    blocks: ['Mersey View House', 'Harbour Court', 'Alder Towers'], eths: ['White British', 'White British', 'White Irish', 'Black British', 'Mixed White/Black Caribbean', 'Asian British (Pakistani)', 'Chinese', 'White Other'],
    schools: [{ name: 'Ellery Park High' }, { name: 'St Wilfrid\'s RC High' }, { name: 'Docklands Pupil Referral Unit' }], station: 'Port Ellery railway station', gp: 'Ferry Road Medical Centre', home: 'Oakfield House children\'s home', homeResidents: 9, foster: true,
    club: 'Ellery Dockers ABC', youthClub: 'The Hive youth centre', taxi: 'Ferry Cabs', shop: 'Dock Street Mini Market',
    agencies: [
      AG('merpol', 'Estuary Police', 'police', { sid: { person: (n) => `PN${n}`, event: (n) => `LOG/${n}/E`, intel: (n) => `5X-${n}`, rel: seq('AS', 5) }, writers: ['PC 5521', 'PC 4410', 'DS 119', 'PCSO 7781'], caps: true, phoneFmt: [0, 1, 2], vrmFmt: [0, 1, 3] }),
      AG('btp', 'British Transport Police', 'btp', { sid: { person: seq('BTP-N', 6), event: seq('BTP-', 7) }, writers: ['PC 3011 BTP'], vrmFmt: 1 }),
      AG('pecsc', 'Port Ellery Children\'s Social Care', 'csc', { sid: { person: (n) => `LCS${n}`, event: (n) => `CN${n}`, rel: (n) => `REL-${n}` }, writers: ['Chloe Markham SW', 'Dev Patel SW', 'Marie Fox ATM'], phoneFmt: 0, dupRate: 0.04 }),
      AG('wirhosp', 'Estuary Hospitals (ED and CAMHS)', 'health', { sid: { person: seq('MRN', 8), event: seq('ENC', 8) }, writers: ['ED nurse', 'CAMHS'], phoneFmt: 2 }),
      AG('brookpe', 'Brookside Sexual Health', 'sh', { sid: { person: (n) => `GUM/${n}`, event: (n) => `V${n}` }, writers: ['Nurse specialist'], phoneFmt: 4, pcFmt: 2 }),
      AG('peschools', 'Port Ellery schools', 'edu', { sid: { person: (n) => `UPNREC-${n}`, event: (n) => `SAFE${n}` }, writers: ['DSL', 'Pastoral lead'], pcFmt: 0, handleCase: 'lower' }),
      AG('peyjs', 'Port Ellery Youth Justice', 'yjs', { sid: { person: seq('YOT', 5), event: seq('YOTE', 5) }, writers: ['YJ officer'] }),
      AG('cpsmersey', 'CPS Mersey-Estuary', 'cps', { sid: { person: (n) => `URN05EL${n}`, event: (n) => `DEC-${n}` }, writers: ['Reviewing lawyer'] }),
      AG('safeplace', 'SafePlace return interviews', 'charity', { sid: { person: (n) => `SP${n}`, event: (n) => `SPRI${n}` }, writers: ['RHI worker'], crlf: true, phoneFmt: 3, handleCase: 'upper1' }),
    ],
    groups: [
      { shape: 'reforming_line', id: 'reformed', start: 60, lineName: 'Scouse Jay' },
      { shape: 'grooming_premises', id: 'barber', start: 300, kids: 5, men: 4, mainNick: 'Zee', mainGiven: 'Zahid', premises: 'Fade Kings barbers, Grange Road' },
      { shape: 'hub', id: 'hub', start: 500, kids: 5, adultSex: 'female', nick: 'Auntie Trace', given: 'Tracey', place: 'her flat on Canal View', what: 'an older woman whose flat is open house for teenagers, vodka and vapes, older men visiting' },
      { shape: 'online', id: 'online', start: 900, kids: 4, sex: 'female', handles: ['Lil.Reez_x@snapchat', 'RichKidRuss99@instagram'], what: 'one adult behind two accounts asking for images and offering money' },
    ],
  },
  {
    code: 'thornhope', name: 'Thornhope (Northumberland former pit villages and a holiday park)', seed: 903, from: '2022-01-01', to: '2024-12-31', children: 160, la: 929,
    outs: ['NE81', 'NE82'], towns: ['Thornhope', 'Widdrington Moor', 'Cresswell Haven'], streets: ['Pit Row', 'Colliery Terrace', 'Front Street', 'Links Road', 'Welfare Crescent', 'Dunes Lane'],
    blocks: ['Front Street flats'], eths: ['White British', 'White British', 'White British', 'White British', 'Mixed', 'White Other'],
    schools: [{ name: 'Thornhope High School' }], station: 'Thornhope bus interchange', gp: 'Colliery Terrace Surgery', home: null, foster: true,
    club: 'Thornhope Juniors FC', youthClub: 'Welfare Hall youth club', taxi: null, shop: null,
    agencies: [
      AG('nthpol', 'Northumbria Coast Police', 'police', { sid: { person: seq('NP', 6), event: (n) => `CAD${n}`, intel: (n) => `INTEL${n}`, rel: seq('NR', 4) }, writers: ['PC 901', 'PC 4433'], phoneFmt: [1, 4], vrmFmt: [2, 0] }),
      AG('nthcsc', 'Thornhope Children\'s Services', 'csc', { sid: { person: seq('CS', 6), event: seq('CSE', 6), rel: seq('CSR', 4) }, writers: ['Karen Lowes SW', 'Ben Irving SW'], dupRate: 0.05 }),
      AG('nhsnth', 'Northumbria Coast NHS (ED, school nursing, CAMHS)', 'health', { sid: { person: seq('H', 7), event: seq('HE', 7) }, writers: ['School nurse', 'ED'], phoneFmt: 5 }),
      AG('thhs', 'Thornhope High School', 'edu', { sid: { person: seq('S', 4), event: seq('MYC', 6) }, writers: ['DSL', 'Deputy DSL'], handleCase: 'lower' }),
      AG('nthehelp', 'Thornhope Early Help', 'ehelp', { sid: { person: seq('EH', 5), event: seq('EHE', 5) }, writers: ['Family worker'] }),
    ],
    groups: [
      { shape: 'online', id: 'gaming', start: 120, kids: 4, sex: 'male', handles: ['xX_D3adEye_Xx@discord', 'deadeye_gifts@roblox'], what: 'an adult posing as a teenage gamer, gifting credits then asking boys for images and to meet' },
      { shape: 'hub', id: 'caravan', start: 300, kids: 4, adultSex: 'male', age: 61, nick: 'Uncle Ray', given: 'Raymond', place: 'his static caravan at Dunes holiday park', what: 'an older man at the holiday park who gives girls and boys lifts, cigarettes, alcohol and money' },
    ],
  },
  {
    code: 'gadsby-heath', name: 'Gadsby Heath (West Midlands new town)', seed: 904, from: '2021-04-01', to: '2025-03-31', children: 320, la: 894,
    outs: ['TF14', 'TF15', 'TF16'], towns: ['Gadsby Heath', 'Hollinswood Vale', 'Stirchley Moor'], streets: ['Brunel Way', 'Telford Walk', 'Ironmasters Court', 'Coalport Drive', 'Foundry Lane', 'Ladygrove', 'Malinsgate', 'Dawley Rise'],
    blocks: ['Foundry Court', 'Malinsgate House'], eths: ['White British', 'White British', 'Asian British (Pakistani)', 'Asian British (Indian)', 'Black African', 'Mixed', 'White Other (Polish)', 'Vietnamese'],
    schools: [{ name: 'Heath Park Academy' }, { name: 'Stirchley Moor School' }], station: 'Gadsby Heath bus station', gp: 'Malinsgate Health Centre', home: 'Ladygrove House', homeResidents: 7, foster: true,
    club: 'Gadsby Heath Cricket Club', youthClub: 'Dawley Rise Youth Zone', taxi: 'Heath Private Hire', shop: 'Town centre Spar',
    agencies: [
      AG('wmpol', 'West Mercian Police', 'police', { sid: { person: (n) => `PER${n}`, event: (n) => `2${n}/21`, intel: (n) => `INT-${n}`, rel: seq('LNK', 6) }, writers: ['PC 12088', 'DC 4401', 'PC 2390'], phoneFmt: [0, 3], vrmFmt: [1, 2] }),
      AG('ghcsc', 'Gadsby Heath Children\'s Social Care', 'csc', { sid: { person: (n) => `ID${n}`, event: (n) => `CW${n}`, rel: seq('RS', 5) }, writers: ['Priya Sandhu SW', 'Mark Owusu SW', 'Hannah Blythe TM'], dupRate: 0.04, phoneFmt: 1 }),
      AG('shrop', 'Heath and Severn NHS Trust', 'health', { sid: { person: seq('RJ', 7), event: seq('AE', 8) }, writers: ['ED', 'Safeguarding nurse'] }),
      AG('ghsh', 'Gadsby Heath sexual health (Umbrella)', 'sh', { sid: { person: (n) => `UMB${n}`, event: (n) => `UMBV${n}` }, writers: ['Nurse'], phoneFmt: 0, nhsSpaced: true }),
      AG('ghedu', 'Gadsby Heath schools', 'edu', { sid: { person: (n) => `GH-${n}`, event: (n) => `CP${n}` }, writers: ['DSL', 'Attendance lead'] }),
      AG('ghyjs', 'Gadsby Heath YOS', 'yjs', { sid: { person: seq('Y', 5), event: seq('YE', 6) }, writers: ['Case manager'] }),
      AG('ghcharity', 'Heath Young People\'s Service (return interviews)', 'charity', { sid: { person: (n) => `HYP${n}`, event: (n) => `HYPRI${n}` }, writers: ['Missing worker'], crlf: true }),
    ],
    groups: [
      { shape: 'business', id: 'nailbar', kind: 'business_premises', start: 150, kids: 4, sex: 'female', minAge: 15, premises: 'Luxe Nails, Malinsgate', livingAbove: 'Flat above Luxe Nails', schoolNote: 'very tired, fingers sore from acetone', injury: 'Contact dermatitis and a cough, works long hours with nail products', work: 'girls doing nails 10 hours a day and living above the salon', bossSex: 'female', bossGiven: 'Hoa', bossFamily: 'Pham', bossNick: 'Chi Hoa', mgrSex: 'male', mgrGiven: 'Thanh', notes: 'nail bar with the flat above: a woman owner and a man who drives the girls; girls doing unpaid "training", one missing from care and found living above; welfare visit, NRM, intelligence late, CPS' },
      { shape: 'peer_older', id: 'peers', start: 400, kids: 6, nick: 'Dex', given: 'Dexter', age: 22, spot: 'Coalport Drive garages' },
      { shape: 'grooming_premises', id: 'party', start: 650, kids: 4, men: 3, mainNick: 'Bobby', mainGiven: 'Babar', premises: 'Crispy Cottage takeaway, Foundry Lane' },
    ],
  },
  {
    code: 'wyvern-quay', name: 'Wyvern Quay (south coast seaside town)', seed: 905, from: '2021-09-01', to: '2025-08-31', children: 270, la: 845,
    outs: ['TN41', 'TN42', 'TN43'], towns: ['Wyvern Quay', 'St Aldhelm\'s', 'Pebsham Down'], streets: ['Marine Parade', 'Old Harbour Road', 'Castle Hill', 'Albion Street', 'Ropewalk', 'Bohemia Road', 'Seaview Terrace'],
    blocks: ['Pelham Mansions', 'Albion Court', 'Marine Court'], eths: ['White British', 'White British', 'White British', 'Black British', 'Mixed', 'White Other', 'Kurdish', 'Asian British (Bangladeshi)'],
    schools: [{ name: 'Wyvern Quay Academy' }, { name: 'Castle Hill Community College' }], station: 'Wyvern Quay railway station', gp: 'Albion Street Surgery', home: 'Seaview children\'s home', homeResidents: 8, foster: false,
    club: null, youthClub: 'Ropewalk Youth Project', taxi: 'Quay Cars', shop: 'Marine Parade arcade',
    agencies: [
      AG('sxpol', 'Downs and Coast Police', 'police', { sid: { person: (n) => `NOMINAL/${n}`, event: (n) => `47${n}`, intel: (n) => `SIR${n}`, rel: seq('LK', 5) }, writers: ['PC 31022', 'DC 9190', 'PCSO 2207'], phoneFmt: [0, 5], vrmFmt: [0, 3] }),
      AG('btpsc', 'British Transport Police (South)', 'btp', { sid: { person: seq('BN', 6), event: seq('BE', 6) }, writers: ['PC 6612 BTP'] }),
      AG('wqcsc', 'Wyvern Quay Children\'s Services', 'csc', { sid: { person: (n) => `M${n}`, event: (n) => `M-EV-${n}`, rel: seq('MR', 5) }, writers: ['Sophie Tran SW', 'Gareth Ellis SW'], dupRate: 0.03 }),
      AG('esht', 'Coastal Healthcare NHS Trust', 'health', { sid: { person: seq('K', 7), event: seq('ATT', 7) }, writers: ['ED'], nhsSpaced: true, phoneFmt: 4 }),
      AG('wqedu', 'Wyvern Quay schools', 'edu', { sid: { person: (n) => `WQ${n}`, event: (n) => `MSC${n}` }, writers: ['DSL', 'Head of Year'] }),
      AG('wqyjs', 'Wyvern Quay Youth Justice', 'yjs', { sid: { person: seq('YJS', 5), event: seq('YJSE', 5) }, writers: ['YJ worker'] }),
      AG('wqhousing', 'Coastline Housing', 'housing', { sid: { person: (n) => `TEN-${n}`, event: (n) => `ASB-${n}` }, writers: ['Housing officer'], crlf: true, pcFmt: 1 }),
      AG('wqcps', 'CPS South East', 'cps', { sid: { person: (n) => `URN47WQ${n}`, event: (n) => `CD${n}` }, writers: ['Crown Prosecutor'] }),
    ],
    groups: [
      { shape: 'county_lines', id: 'line', start: 90, kids: 4, girl: true, city: 'south London', lineName: 'Kenzo', twoPhones: true },
      { shape: 'business', id: 'takeaway', kind: 'business_premises', start: 480, kids: 4, sex: 'male', premises: 'Quay Pizza & Kebab, Albion Street', livingAbove: null, schoolNote: 'seen on a delivery moped in school hours', injury: 'Moped collision while on a delivery, no licence', work: 'boys on mopeds "delivering food" with drugs in the boxes', bossGiven: 'Mehmet', bossFamily: 'Aydin', bossNick: 'Memo', mgrGiven: 'Kareem', notes: 'a takeaway used as a front: boys on delivery mopeds carry drugs in food boxes; owner and his cousin, the takeaway phone, a van; school, health, police and intelligence each see part' },
      { shape: 'hub', id: 'hub', start: 800, kids: 5, adultSex: 'male', age: 47, nick: 'Fitz', family: 'Fitzpatrick', place: 'the flat above the amusements on Marine Parade', what: 'a man who runs the arcade change kiosk and lets children stay in his flat, gives them tokens, cash and lifts' },
    ],
  },
];

fs.mkdirSync(OUT, { recursive: true });
for (const a of AREAS) genArea(a);
