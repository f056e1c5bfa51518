#!/usr/bin/env node
// Round 10c: planted networks in three new areas (pendarrow, rhoswen, severnmouth).
// Usage: node gen-networks.mjs [OUTDIR]   (default: networks/ beside this script). Fixed seeds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Area, firstVisible, normKey, normPhone, toDay, ymd } from './lib-r10c.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outRoot = path.resolve(process.argv[2] ?? path.join(here, 'networks'));

const AGENCY = {
  police: ['Police', 'police'], btp: ['British Transport Police', 'police'], csc: ["Children's social care", 'childrens_social_care'],
  health: ['Hospital trust (ED, MIU, paediatrics)', 'health'], shc: ['Sexual health service', 'health'], edu: ["Schools' safeguarding (CPOMS)", 'education'],
  yjs: ['Youth justice service', 'youth_justice'], cps: ['Crown Prosecution Service', 'prosecutor'], charity: ["Young people's charity (return interviews)", 'voluntary'],
};
const ID = {
  police: (w, n) => (w === 'P' ? `NOM${String(400000 + n * 7)}` : w === 'E' ? `OCC/${String(n).padStart(5, '0')}` : `PR${n}`),
  btp: (w, n) => (w === 'P' ? `BTP-N${n}` : `BTP/${String(n).padStart(4, '0')}`),
  csc: (w, n) => (w === 'P' ? `LCS${100000 + n}` : w === 'E' ? `WS-${n}` : `REL-${n}`),
  health: (w, n) => (w === 'P' ? `RX${String(n * 13).padStart(6, '0')}` : `ATT-${n}`),
  shc: (w, n) => (w === 'P' ? `SH${n}` : `SHV${n}`),
  edu: (w, n) => (w === 'P' ? `PUP-${n}` : `CPOMS-${7000 + n}`),
  yjs: (w, n) => (w === 'P' ? `YJ${n}` : `YJ-E${n}`),
  cps: (w, n) => (w === 'P' ? `CPSP${n}` : `URN-${String(52000 + n * 3)}`),
  charity: (w, n) => (w === 'P' ? `YP-${n}` : `RHI-${n}`),
};

// ---------------------------------------------------------------- population and confounders
function populate(A, n, N) {
  const r = A.r;
  const s = A.startDay;
  const L = (name, pc) => ({ location: { name, pc } });
  // places
  A.schools = N.schools.map((name) => {
    const pc = A.postcode();
    const dsl = A.adult({ given: r.pick(N.femaleAdult), family: r.pick(N.surnames), sex: 'female', title: 'Mrs' });
    A.conf('school').objects.push({ kind: 'location', key: pc.replace(/\s/g, '') });
    A.conf('school').adults.push(dsl);
    return { name, pc, dsl, secondary: /High|Academy|College|Ysgol Uwchradd/.test(name) };
  });
  A.gp = { name: N.gp, pc: A.postcode() };
  A.conf('gp').objects.push({ kind: 'location', key: A.gp.pc.replace(/\s/g, '') });
  A.station = { name: N.station, pc: A.postcode() };
  A.conf('station').objects.push({ kind: 'location', key: A.station.pc.replace(/\s/g, '') });
  A.shop = { name: N.shop, pc: A.postcode() };
  A.shopGuard = A.adult({ given: r.pick(N.maleAdult), family: r.pick(N.surnames), sex: 'male', dob: `${r.int(1975, 1995)}-0${r.int(1, 9)}-1${r.int(0, 9)}` });
  A.conf('shop').objects.push({ kind: 'location', key: A.shop.pc.replace(/\s/g, '') });
  A.conf('shop').adults.push(A.shopGuard);
  A.home = { name: N.home, pc: A.postcode() };
  A.homeStaff = [0, 1, 2].map((i) => A.adult({ given: r.pick(i === 1 ? N.maleAdult : N.femaleAdult), family: r.pick(N.surnames), sex: i === 1 ? 'male' : 'female' }));
  A.conf('childrens_home').objects.push({ kind: 'location', key: A.home.pc.replace(/\s/g, '') });
  A.conf('childrens_home').adults.push(...A.homeStaff);
  A.club = { name: N.club, pc: A.postcode() };
  A.coach = A.adult({ given: r.pick(N.maleAdult), family: r.pick(N.surnames), sex: 'male', phone: A.phone(), dob: `19${r.int(70, 89)}-0${r.int(1, 9)}-0${r.int(1, 9)}` });
  A.conf('sports_club').objects.push({ kind: 'location', key: A.club.pc.replace(/\s/g, '') }, { kind: 'phone', key: A.coach.phone });
  A.conf('sports_club').adults.push(A.coach);
  A.taxi = { name: N.taxi, pc: A.postcode(), phone: A.phone(), cars: [A.reg(), A.reg(), A.reg(), A.reg()] };
  A.conf('taxi_firm').objects.push({ kind: 'location', key: A.taxi.pc.replace(/\s/g, '') }, { kind: 'phone', key: A.taxi.phone }, ...A.taxi.cars.map((c) => ({ kind: 'vehicle', key: c.replace(/\s/g, '') })));
  A.pc = A.adult({ given: r.pick(N.maleAdult), family: r.pick(N.surnames), sex: 'male', title: `PC ${r.int(1000, 6999)}` });
  A.sw = A.adult({ given: r.pick(N.femaleAdult), family: r.pick(N.surnames), sex: 'female' });
  A.conf('professional').adults.push(A.pc, A.sw);

  // families
  const fam = [];
  while (A.children.length < n) {
    const big = r.chance(0.07);
    const size = big ? r.int(4, 6) : r.pick([1, 1, 1, 2, 2, 3]);
    const surname = r.pick(N.surnames);
    const pc = A.postcode();
    const line1 = `${r.int(1, 140)} ${r.pick(N.streets)}`;
    const mum = A.adult({ given: r.pick(N.femaleAdult), family: surname, sex: 'female', dob: `19${r.int(72, 92)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`, pc, line1, phone: A.phone(), phoneOn: ['police', 'csc', 'edu', 'health'] });
    const dad = r.chance(0.45) ? A.adult({ given: r.pick(N.maleAdult), family: surname, sex: 'male', dob: `19${r.int(68, 90)}-0${r.int(1, 9)}-2${r.int(0, 8)}`, pc, line1 }) : null;
    const f = { surname, pc, line1, mum, dad, kids: [], big };
    const sharedPhone = big || r.chance(0.2); // the family gives mum's phone for every child
    for (let i = 0; i < size && A.children.length < n; i++) {
      const sex = r.chance(0.5) ? 'female' : 'male';
      const age = r.int(9, 16);
      const dobDay = A.startDay - age * 365 - r.int(0, 364);
      const c = A.child({
        given: r.pick(sex === 'female' ? N.girls : N.boys), family: surname, sex, dob: ymd(dobDay), pc, line1, fam: f,
        contactPhone: sharedPhone ? mum.phone : null, eth: r.pick(N.eth),
      });
      c.school = r.pick(A.schools.filter((x) => x.secondary === age >= 11)) ?? r.pick(A.schools);
      f.kids.push(c);
    }
    if (sharedPhone && f.kids.length > 1) A.conf('family').objects.push({ kind: 'phone', key: mum.phone });
    A.conf('family').adults.push(mum);
    if (dad) A.conf('family').adults.push(dad);
    fam.push(f);
  }
  A.families = fam;
  // school roll the summer before
  const roll = s - 120;
  for (const c of A.children) A.crec('edu', c, { recAt: roll + r.int(0, 10) });

  for (const c of A.children) {
    // ordinary records of every child
    for (let k = r.int(0, 2); k > 0; k--)
      A.ev('edu', 'school_absence', A.crec('edu', c), s + r.int(10, A.endDay - s - 10), { summary: `${r.int(2, 9)} sessions unexplained absence`, involves: [L(c.school.name, c.school.pc)] });
    if (r.chance(0.55)) A.ev('health', 'health_attendance', A.crec('health', c), s + r.int(5, A.endDay - s - 5), { summary: r.pick(['Sprained wrist', 'Asthma review', 'Head injury, fall from bike', 'Tonsillitis', 'Laceration to hand']), involves: r.chance(0.6) ? [L(A.gp.name, A.gp.pc)] : [] });
    if (r.chance(0.2)) {
      const ev = A.ev('edu', 'concern', A.crec('edu', c), s + r.int(10, A.endDay - s - 10), { summary: r.pick(['Upset in form time, family argument', 'Hungry, no lunch money', 'Peer fall-out on social media', 'Low mood']), involves: [L(c.school.name, c.school.pc), { p: A.arec('edu', c.school.dsl, 'full'), role: 'professional' }] });
      if (r.chance(0.1)) A.resend(ev, r.int(1, 5), { withdrawn: true, reason: 'Recorded on the wrong pupil' });
    }
  }
  // families known to services: parent relationships, domestic incidents naming every sibling, mum's phone
  for (const f of fam.filter((x) => x.big || (x.kids.length > 1 && r.chance(0.4)))) {
    const d = s + r.int(20, A.endDay - s - 40);
    for (const c of f.kids) {
      A.rel('csc', A.crec('csc', c), A.arec('csc', f.mum), 'parent', d, { reliability: 'confirmed' });
      if (f.dad) A.rel('csc', A.crec('csc', c), A.arec('csc', f.dad), 'parent', d, { reliability: 'confirmed' });
    }
    const c0 = f.kids[0];
    A.ev('police', 'concern', A.crec('police', c0), d + r.int(0, 30), {
      summary: 'Domestic incident at home address, children present', indicators: ['domestic_abuse_at_home'],
      involves: [...f.kids.slice(1).map((k) => ({ p: A.crec('police', k), role: 'witness' })), { p: A.arec('police', f.mum, 'caps'), role: 'family' }, { phone: f.mum.phone }, ...(r.chance(0.5) ? [{ p: A.arec('police', A.pc, 'title'), role: 'professional' }] : [])],
    });
    A.ev('csc', 'contact_referral', A.crec('csc', c0), d + r.int(1, 10), { summary: 'Police notification, domestic incident', involves: [{ p: A.arec('csc', A.sw), role: 'professional' }, { p: A.arec('csc', f.mum), role: 'family' }] });
  }
  // older siblings and cousins (18-21) living with the children; stopped driving a sibling and a friend
  const hosts = r.shuffle(fam).slice(0, Math.max(4, Math.round(fam.length * 0.1)));
  for (const f of hosts) {
    const cousin = r.chance(0.4);
    const age = r.int(18, 21);
    const sex = r.chance(0.6) ? 'male' : 'female';
    const o = A.adult({
      given: r.pick(sex === 'male' ? N.boys : N.girls), family: cousin ? r.pick(N.surnames) : f.surname, sex, dob: ymd(A.startDay - age * 365 - r.int(0, 300)),
      pc: f.pc, line1: f.line1, phone: A.phone(), phoneOn: ['police'], car: A.reg(), is_child: false,
    });
    A.conf('older_sibling').adults.push(o);
    A.conf('older_sibling').objects.push({ kind: 'phone', key: o.phone }, { kind: 'vehicle', key: o.car.replace(/\s/g, '') });
    const kid = f.kids[0];
    const friend = r.pick(A.children.filter((c) => c.fam !== f && c.school === kid.school)) ?? r.pick(A.children);
    const d = s + r.int(30, A.endDay - s - 30);
    A.rel('csc', A.crec('csc', kid), A.arec('csc', o), 'lives_with', d, { note: cousin ? 'Cousin, lives with the family since last year' : 'Older sibling, lives at home' });
    A.ev('police', 'note', A.crec('police', kid), d + r.int(5, 200), {
      summary: `Vehicle stop: driver ${cousin ? 'cousin' : 'older sibling'} aged ${age}, two children in the car (${kid.given} and a friend), no concerns, driving to training`,
      involves: [{ p: A.arec('police', o, 'caps'), role: 'family' }, { p: A.crec('police', friend), role: 'associate' }, { vehicle: o.car }, { phone: o.phone }],
    });
    A.ev('edu', 'note', A.crec('edu', kid), d + r.int(5, 300), { summary: `Collected by ${cousin ? 'cousin' : 'older sibling'} (${o.given}), on the collection list`, involves: [{ p: A.arec('edu', o), role: 'family' }, { phone: o.phone }] });
  }
  // children's home: residents' missing episodes, staff reporting
  const residents = r.shuffle(A.children.filter((c) => toDay(c.dob) < A.startDay - 12 * 365)).slice(0, 7);
  A.residents = residents;
  for (const c of residents) {
    c.resident = true;
    const d0 = s + r.int(0, 200);
    A.ev('csc', 'looked_after_start', A.crec('csc', c), d0, { summary: `Placed at ${A.home.name}`, involves: [L(A.home.name, A.home.pc)] });
    for (let k = r.int(1, 4); k > 0; k--) {
      const d = d0 + r.int(20, A.endDay - d0 - 5);
      const staff = r.pick(A.homeStaff);
      A.ev('police', 'missing_episode', A.crec('police', c), d, {
        ended: r.int(0, 1), extra: { missing_from: 'care_placement', risk_grading: r.pick(['low', 'medium']), reported_by: `${staff.given} ${staff.family}, ${A.home.name}` },
        summary: 'Missing from placement, returned by staff', indicators: ['missing', 'looked_after'],
        involves: [{ p: A.arec('police', staff, r.chance(0.5) ? 'title' : 'caps'), role: 'professional' }, L(A.home.name, A.home.pc)],
      });
    }
  }
  // sports club, taxi firm, shop, station
  for (const c of r.shuffle(A.children).slice(0, 12)) {
    const d = s + r.int(10, A.endDay - s - 10);
    if (r.chance(0.5)) A.ev('health', 'health_attendance', A.crec('health', c), d, { summary: `Injury at ${A.club.name} training, brought in by coach`, involves: [{ p: A.arec('health', A.coach), role: 'witness' }, { phone: A.coach.phone }, L(A.club.name, A.club.pc)] });
    else A.ev('edu', 'note', A.crec('edu', c), d, { summary: `Selected for county squad, coach ${A.coach.given} to contact parents`, involves: [{ p: A.arec('edu', A.coach), role: 'professional' }, { phone: A.coach.phone }] });
  }
  for (const c of r.shuffle(A.children).slice(0, 14)) {
    const car = r.pick(A.taxi.cars);
    A.ev('edu', 'note', A.crec('edu', c), s + r.int(5, 300), { summary: `Home-to-school transport (SEN) arranged with ${A.taxi.name}`, involves: [{ vehicle: car }, { phone: A.taxi.phone }, L(A.taxi.name, A.taxi.pc)] });
  }
  for (const c of r.shuffle(A.children.filter((x) => toDay(x.dob) < s - 11 * 365)).slice(0, 9)) {
    A.ev('police', 'arrest', A.crec('police', c), s + r.int(10, A.endDay - s - 10), { summary: `Shoplifting at ${A.shop.name}, detained by security`, outcome: 'Community resolution', involves: [{ p: A.arec('police', A.shopGuard, 'caps'), role: 'witness' }, L(A.shop.name, A.shop.pc)] });
  }
  const stAg = A.agencies.includes('btp') ? 'btp' : 'police';
  for (const c of r.shuffle(A.children.filter((x) => toDay(x.dob) < s - 11 * 365)).slice(0, 8)) {
    A.ev(stAg, r.chance(0.5) ? 'missing_episode' : 'note', A.crec(stAg, c), s + r.int(10, A.endDay - s - 10), { summary: `Found at ${A.station.name} after missing from home, returned`, extra: {}, involves: [L(A.station.name, A.station.pc, 'found_at')] });
  }
  // professionals on many children
  for (const c of r.shuffle(A.children).slice(0, 25)) A.ev('csc', r.pick(['contact_referral', 'assessment']), A.crec('csc', c), s + r.int(10, A.endDay - s - 10), { summary: 'Referral screened', involves: [{ p: A.arec('csc', A.sw), role: 'professional' }] });
  for (const c of r.shuffle(A.children).slice(0, 15)) A.ev('police', 'crime_report', A.crec('police', c), s + r.int(10, A.endDay - s - 10), { summary: r.pick(['Phone stolen at park', 'Assault by peer', 'Bike theft']), involves: [{ p: A.arec('police', A.pc, 'title'), role: 'professional' }] });
  // noise: single sightings
  for (const c of r.shuffle(A.children).slice(0, 20)) {
    const k = r.int(0, 3);
    const inv = k === 0 ? [{ vehicle: A.reg() }] : k === 1 ? [{ phone: A.phone() }] : k === 2 ? [L(r.pick(N.parks), A.postcode())] : [{ p: A.arec('police', A.adult({ given: r.pick(N.maleAdult), family: r.pick(N.surnames), sex: 'male' }), 'caps'), role: 'suspect' }];
    A.ev('police', k === 3 ? 'crime_report' : 'note', A.crec('police', c), s + r.int(10, A.endDay - s - 10), { summary: k === 3 ? 'Robbery of phone, suspect identified' : 'Stop check, nothing of note', involves: inv });
  }
  // ordinary records at the smaller agencies
  const teen = A.children.filter((x) => toDay(x.dob) < s - 12 * 365);
  if (A.agencies.includes('yjs')) for (const c of r.shuffle(teen).slice(0, 10)) A.ev('yjs', 'youth_justice', A.crec('yjs', c), s + r.int(30, A.endDay - s - 30), { summary: r.pick(['Out of court disposal, criminal damage', 'Referral order, assault', 'Triage, possession of cannabis']) });
  if (A.agencies.includes('shc')) for (const c of r.shuffle(teen).slice(0, 8)) A.ev('shc', 'sexual_health', A.crec('shc', c), s + r.int(30, A.endDay - s - 30), { summary: 'Contraception advice; partner same age, no concerns', extra: { restricted: true } });
  if (A.agencies.includes('cps')) for (const c of r.shuffle(teen).slice(0, 4)) A.ev('cps', 'charging_decision', A.crec('cps', c), s + r.int(200, A.endDay - s - 30), { extra: { outcome: r.pick(['charge', 'no_further_action']), rationale: 'Assault by a peer; evidential test' } });
  if (A.agencies.includes('charity')) for (const c of A.residents ?? []) A.ev('charity', 'return_interview', A.crec('charity', c), s + r.int(200, A.endDay - s - 30), { extra: { status: r.pick(['done', 'declined']), reason: 'Did not want to talk', child_account: 'Went to see my mum' } });
  if (A.agencies.includes('btp')) for (const c of r.shuffle(teen).slice(0, 5)) A.ev('btp', 'note', A.crec('btp', c), s + r.int(30, A.endDay - s - 30), { summary: 'Fare evasion, words of advice', involves: [{ location: { name: A.station.name, pc: A.station.pc } }] });
  // duplicate child records at one agency (worker did not find the first)
  for (const c of r.shuffle(A.children).slice(0, 4)) A.ev('health', 'health_attendance', A.crec('health', c, { dup: true }), s + r.int(10, A.endDay - s - 10), { summary: 'Attended with minor injury' });
}

// an innocent family living at a group postcode
function innocentAt(A, N, pc, line1, why) {
  const r = A.r;
  const surname = r.pick(N.surnames);
  const kids = [0, 1].map((i) => A.child({ given: r.pick(i ? N.girls : N.boys), family: surname, sex: i ? 'female' : 'male', dob: ymd(A.startDay - r.int(9, 14) * 365 - r.int(0, 300)), pc, line1, eth: r.pick(N.eth) }));
  const s = A.startDay;
  for (const c of kids) {
    c.school = r.pick(A.schools);
    A.crec('edu', c, { recAt: s - 110 });
    A.ev('edu', 'school_absence', A.crec('edu', c), s + r.int(30, 600), { summary: '3 sessions', involves: [{ location: { name: c.school.name, pc: c.school.pc } }] });
  }
  A.ev('police', 'concern', A.crec('police', kids[0]), s + r.int(100, A.endDay - s - 60), { summary: why, involves: [{ p: A.crec('police', kids[1]), role: 'witness' }, { location: { name: line1, pc } }] });
  A.innocent.push(...kids.map((c) => c.id));
}

function pickKids(A, k, { minAge = 12, maxAge = 16, at, sex, not = new Set(), pool } = {}) {
  const c = (pool ?? A.children).filter((x) => {
    const age = (at - toDay(x.dob)) / 365.25;
    return age >= minAge && age < maxAge && (!sex || x.sex === sex) && !not.has(x.id) && !x.inGroup;
  });
  const picked = A.r.shuffle(c).slice(0, k);
  for (const x of picked) x.inGroup = true;
  return picked;
}
const key = (kind, k) => ({ kind, key: kind === 'phone' ? normPhone(k) : kind === 'online' ? k.toLowerCase() : k.replace(/\s/g, '').toUpperCase() });

// ---------------------------------------------------------------- pendarrow (Cornwall)
const PEN = {
  surnames: ['Penrose', 'Tremayne', 'Pascoe', 'Hocking', 'Rowe', 'Nance', 'Pengelly', 'Trevithick', 'Curnow', 'Kitto', 'Jenkin', 'Rosewarne', 'Williams', 'Smith', 'Bennetts', 'Harvey', 'Oates', 'Tonkin', 'Mitchell', 'Richards', 'Dunstan', 'Thomas', 'Hicks', 'Trudgeon'],
  girls: ['Tamsin', 'Morwenna', 'Kerensa', 'Lowenna', 'Jessica', 'Ellie', 'Amber', 'Chloe', 'Demelza', 'Poppy', 'Isla', 'Molly', 'Ruby', 'Skye', 'Grace'],
  boys: ['Jago', 'Kenver', 'Tristan', 'Josh', 'Kai', 'Callum', 'Harry', 'Alfie', 'Mason', 'Ryan', 'Jack', 'Finn', 'Lewis', 'Noah'],
  femaleAdult: ['Sharon', 'Karen', 'Lisa', 'Donna', 'Michelle', 'Kelly', 'Sarah', 'Jo', 'Nicola', 'Tracy'],
  maleAdult: ['Darren', 'Wayne', 'Lee', 'Craig', 'Mark', 'Steve', 'Gary', 'Jason', 'Paul', 'Neil'],
  streets: ['Clay Road', 'Trevanion Terrace', 'Chapel Street', 'Fore Street', 'Higher Bore Street', 'Carn Close', 'Wheal Rose', 'Penwinnick Road', 'Harbour View'],
  parks: ['Rec ground', 'Skate park', 'Clay trail car park', 'Beach car park'],
  schools: ['Pendarrow Academy', 'St Kew Highway Primary', 'Carne Primary', 'Trewartha Community College'],
  gp: 'Clay Country Medical Centre', station: 'Pendarrow bus and rail station', shop: 'Co-op, Fore Street', home: 'Chy an Mor children\'s home',
  club: 'Porthgwenna Surf Life Saving Club', taxi: 'Kernow Cabs', eth: ['White British', 'White British', 'White British', 'White Other', 'Mixed'],
};
function pendarrow() {
  const A = new Area({
    code: 'pendarrow', name: 'Pendarrow (Cornish china-clay villages and a surf town)', from: '2021-01-01', to: '2024-12-31', seed: 101,
    agencies: ['police', 'csc', 'health', 'edu', 'yjs', 'charity'], outward: ['PL25', 'PL26', 'TR7', 'TR8'], town: 'Pendarrow', capsAgencies: ['police'], idFmt: ID,
    phoneStyle: { police: 0, csc: 3, health: 2, edu: 5, yjs: 1, charity: 4 }, ethnicity: true,
  });
  const r = A.r;
  populate(A, 230, PEN);
  const s = A.startDay;
  const L = (name, pc, role) => ({ location: { name, pc }, ...(role ? { role } : {}) });

  // G1 position of trust: a surf instructor known to the schools as an enrichment provider
  const g1 = A.group('g1', 'position_of_trust', 'Surf instructor on the schools\' enrichment programme; recorded as a professional (role professional) by the schools and social care, as a suspect only in late intelligence; his van, his own mobile and his flat above the surf shop. A benign surf life saving club coach works the same beach.');
  const jory = A.adult({ given: 'Jory', family: 'Tremayne', nick: 'Jory T', sex: 'male', dob: '1989-06-14', pc: A.postcode('TR7'), line1: 'Flat 2, 9 Beach Road', townName: 'Porthgwenna', phone: A.phone(), phoneOn: ['police', 'edu'], is_child: false });
  const van = A.reg();
  const k1 = pickKids(A, 4, { at: s + 200, minAge: 12, maxAge: 15 });
  const surfShop = { name: 'Flat above Atlantic Surf School', pc: jory.pc };
  A.ev('edu', 'note', A.crec('edu', k1[0]), s + 160, { summary: 'Enrichment: surf lessons, Friday afternoons, instructor J Tremayne (DBS seen)', involves: [{ p: A.arec('edu', jory), role: 'professional' }, L('Atlantic Surf School', jory.pc)] });
  A.ev('edu', 'note', A.crec('edu', k1[1]), s + 163, { summary: 'Enrichment: surf lessons (Atlantic Surf School)' });
  A.ev('edu', 'concern', A.crec('edu', k1[0]), s + 240, { summary: 'Friend reports surf instructor messages K late at night on his own phone; DSL spoke to K, says he is "just kind"', indicators: ['concerning_phone_use', 'older_associates'], involves: [{ p: A.arec('edu', jory), role: 'professional' }, { phone: jory.phone }] });
  A.ev('health', 'health_attendance', A.crec('health', k1[1]), s + 330, { summary: 'Intoxicated, brought to MIU by adult male who left; driving a white van', indicators: ['alcohol_misuse', 'vehicle_unknown_adults'], involves: [{ vehicle: van }] });
  A.ev('police', 'missing_episode', A.crec('police', k1[2]), s + 410, { ended: 1, extra: { missing_from: 'home', risk_grading: 'medium' }, summary: 'Missing overnight, found at flat above surf school with adult male', indicators: ['missing', 'older_associates'], involves: [{ p: A.arec('police', jory, 'caps'), role: 'found_with' }, L(surfShop.name, surfShop.pc, 'found_at')] });
  A.ev('charity', 'return_interview', A.crec('charity', k1[2]), s + 413, { extra: { status: 'done', child_account: 'He lets us stay after lessons, he gives us cider. Jory is the only one who listens.' }, summary: 'RHI: names surf instructor "Jory"', involves: [{ p: A.arec('charity', jory, 'nick'), role: 'associate' }] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k1[2]), s + 420, { summary: 'Strategy discussion: adult in position of trust, LADO informed', involves: [{ p: A.arec('csc', jory), role: 'professional' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  A.ev('police', 'intelligence', A.crec('police', k1[3]), s + 520, { summary: 'Intel: TREMAYNE giving lifts to girls in his van after lessons; mobile given', indicators: ['vehicle_unknown_adults'], involves: [{ p: A.arec('police', jory, 'caps'), role: 'suspect' }, { vehicle: van }, { phone: jory.phone }] });
  A.ev('health', 'sexual_health', A.crec('health', k1[3]), s + 560, { summary: 'Emergency contraception (MIU), partner phone given', indicators: ['sti'], involves: [{ phone: jory.phone }] });
  A.ev('police', 'intelligence', A.crec('police', k1[1]), s + 600, { summary: 'Intel: van seen outside Atlantic Surf School late with a girl', involves: [{ vehicle: van }, L(surfShop.name, surfShop.pc)] });
  A.ev('police', 'disclosure', A.crec('police', k1[0]), s + 780, { summary: 'ABE: disclosure against surf instructor', involves: [{ p: A.arec('police', jory, 'caps'), role: 'suspect' }] });
  A.ev('yjs', 'note', A.crec('yjs', k1[1]), s + 640, { summary: 'Mentions "JT from the surf school" drives her home', involves: [{ p: A.arec('yjs', jory, 'initial'), role: 'associate' }] });
  g1.kids = k1;
  g1.adultsE = [jory];
  g1.objs = [key('phone', jory.phone), key('vehicle', van), key('location', jory.pc)];
  // benign: the club coach on the beach with many children too (already in populate) plus a surf-school location on a benign enrichment note
  for (const c of pickKids(A, 3, { at: s + 300, minAge: 11, maxAge: 16 })) {
    c.inGroup = false;
    A.ev('edu', 'note', A.crec('edu', c), s + r.int(150, 700), { summary: `Beach lifeguard club, coach ${A.coach.given} ${A.coach.family}`, involves: [{ p: A.arec('edu', A.coach), role: 'professional' }, L(A.club.name, A.club.pc)] });
  }

  // G2 short-let parties: holiday lets booked on one phone, each let used twice; a driver and an organiser
  const g2 = A.group('g2', 'short_let_parties', 'Parties in holiday lets booked in the off-season on one pay-as-you-go phone; each let is used on two nights with different children; an organiser known as "Kez" and a driver with a hire car; children from two villages, each found at a different let.');
  const kez = A.adult({ given: 'Kieran', family: 'Ezzard', nick: 'Kez', sex: 'male', dob: '1996-02-03', pc: A.postcode('PL25'), phone: A.phone(), phoneOn: ['police'], is_child: false });
  const driver = A.adult({ given: 'Liam', family: 'Oates', sex: 'male', dob: '1999-11-21', pc: A.postcode('PL26'), is_child: false });
  const booking = A.phone();
  const car = A.reg();
  const lets = [0, 1, 2].map((i) => ({ name: ['Gull Cottage (holiday let)', 'Apartment 4, The Moorings', 'Chalet 17, Polglaze Holiday Village'][i], pc: A.postcode(i === 2 ? 'PL26' : 'TR7') }));
  const k2 = pickKids(A, 6, { at: s + 700, minAge: 13, maxAge: 16 });
  const nights = [[0, 0, 660], [1, 1, 700], [0, 2, 900], [2, 3, 960], [1, 4, 1040], [2, 5, 1100]]; // [let, child, day]
  for (const [li, ci, d] of nights) {
    const c = k2[ci];
    A.ev('police', 'missing_episode', A.crec('police', c), s + d, { ended: 1, extra: { missing_from: c.resident ? 'care_placement' : 'home', risk_grading: 'high' }, summary: `Found at ${lets[li].name} at a party, adults left before police arrived`, indicators: ['missing', 'alcohol_misuse', 'older_associates'], involves: [L(lets[li].name, lets[li].pc, 'found_at')] });
  }
  A.ev('police', 'note', A.crec('police', k2[0]), s + 662, { summary: 'Letting agent states booking made by phone', involves: [{ phone: booking }, L(lets[0].name, lets[0].pc)] });
  A.ev('charity', 'return_interview', A.crec('charity', k2[1]), s + 705, { extra: { status: 'done', child_account: 'Kez picks us up, there\'s vodka and older lads' }, involves: [{ p: A.arec('charity', kez, 'nick'), role: 'associate' }] });
  A.ev('health', 'health_attendance', A.crec('health', k2[2]), s + 901, { summary: 'Intoxication, dropped at ED by male in grey car', indicators: ['alcohol_misuse', 'vehicle_unknown_adults'], involves: [{ vehicle: car }] });
  A.ev('police', 'intelligence', A.crec('police', k2[3]), s + 962, { summary: 'Intel: OATES driving girls to holiday lets in hire car', involves: [{ p: A.arec('police', driver, 'caps'), role: 'suspect' }, { vehicle: car }] });
  A.ev('police', 'intelligence', A.crec('police', k2[4]), s + 1045, { summary: 'Intel: "KEZ" EZZARD books lets on a burner', involves: [{ p: A.arec('police', kez, 'caps'), role: 'suspect' }, { phone: booking }] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k2[5]), s + 1110, { summary: 'Strategy: parties in holiday lets, complex strategy considered', involves: [{ p: A.arec('csc', kez, 'nick'), role: 'suspect' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  A.rel('csc', A.crec('csc', k2[1]), A.arec('csc', kez, 'nick'), 'associate', s + 710, { reliability: 'tentative', note: 'Older male "Kez", surname unknown' });
  g2.kids = k2;
  g2.adultsE = [kez, driver];
  g2.objs = [key('phone', booking), key('vehicle', car), ...lets.map((l) => key('location', l.pc))];
  innocentAt(A, PEN, lets[2].pc, 'Chalet 19, Polglaze Holiday Village', 'Noise complaint against neighbouring chalet, family resident on the site all year');

  // G3 familial: an uncle and his friend; three cousins and a friend of one of them
  const g3 = A.group('g3', 'familial', 'An uncle and his friend abusing three cousins (children of his two sisters, two surnames) and one cousin\'s friend at the grandmother\'s house where the uncle lives; most records are "family" links that look like any large family\'s.');
  const granPc = A.postcode('PL26');
  const granLine = '4 Wheal Rose';
  const uncle = A.adult({ given: 'Darren', family: 'Penrose', sex: 'male', dob: '1979-08-30', pc: granPc, line1: granLine, phone: A.phone(), phoneOn: ['csc', 'police', 'edu'], is_child: false });
  const wayne = A.adult({ given: 'Wayne', family: 'Kitto', sex: 'male', dob: '1977-01-12', pc: A.postcode('PL26'), car: A.reg(), is_child: false });
  const sis = ['Penrose', 'Hocking'];
  const cousins = [];
  for (let i = 0; i < 3; i++) {
    const fam = sis[i === 2 ? 1 : 0];
    const sex = i === 1 ? 'male' : 'female';
    const c = A.child({ given: r.pick(sex === 'female' ? PEN.girls : PEN.boys), family: fam, sex, dob: ymd(s - (11 + i) * 365 - r.int(0, 200)), pc: A.postcode('PL26'), line1: `${r.int(1, 40)} Carn Close`, eth: 'White British' });
    c.school = A.schools[i === 0 ? 1 : 0];
    A.crec('edu', c, { recAt: s - 115 });
    c.inGroup = true;
    cousins.push(c);
  }
  const friend = pickKids(A, 1, { at: s + 300, minAge: 11, maxAge: 14, sex: 'female' })[0];
  const k3 = [...cousins, friend];
  A.ev('edu', 'concern', A.crec('edu', cousins[0]), s + 300, { summary: 'Tired, says stays at Nan\'s with uncle every weekend; uncle collects', indicators: ['isolated'], involves: [{ p: A.arec('edu', uncle), role: 'family' }, { phone: uncle.phone }] });
  A.ev('police', 'note', A.crec('police', friend), s + 420, { summary: 'Welfare check: 12-year-old at 4 Wheal Rose with adult males late, friend of household', involves: [L('4 Wheal Rose', granPc), { p: A.arec('police', wayne, 'caps'), role: 'associate' }, { vehicle: wayne.car }] });
  A.ev('health', 'health_attendance', A.crec('health', cousins[1]), s + 500, { summary: 'Unexplained bruising, brought by uncle', indicators: ['unexplained_injury'], involves: [{ p: A.arec('health', uncle, 'full'), role: 'family' }] });
  A.ev('csc', 'contact_referral', A.crec('csc', cousins[2]), s + 620, { summary: 'School: sexualised behaviour, mentions "Wayne at Nan\'s"', indicators: ['sexualised_behaviour'], involves: [{ p: A.arec('csc', wayne, 'full'), role: 'associate' }, L('Grandmother\'s address', granPc)] });
  for (const c of cousins) A.rel('csc', A.crec('csc', c), A.arec('csc', uncle), 'family', s + 625, { note: 'Maternal uncle; children stay at grandmother\'s at weekends', reliability: 'confirmed' });
  A.ev('police', 'intelligence', A.crec('police', cousins[0]), s + 700, { summary: 'Intel: KITTO and PENROSE sharing images of children; KITTO\'s car at grandmother\'s', involves: [{ p: A.arec('police', uncle, 'caps'), role: 'suspect' }, { p: A.arec('police', wayne, 'caps'), role: 'suspect' }, { vehicle: wayne.car }] });
  A.ev('police', 'disclosure', A.crec('police', friend), s + 880, { summary: 'Disclosure: abused at friend\'s grandmother\'s by friend\'s uncle', involves: [{ p: A.arec('police', uncle, 'caps'), role: 'suspect' }, L('4 Wheal Rose', granPc)] });
  A.ev('csc', 'section47_enquiry', A.crec('csc', cousins[1]), s + 890, { summary: 'S47: intra-familial sexual abuse, all three cousins', involves: [{ p: A.arec('csc', uncle), role: 'suspect' }, { p: A.crec('csc', cousins[0]), role: 'victim' }, { p: A.crec('csc', cousins[2]), role: 'victim' }] });
  g3.kids = k3;
  g3.adultsE = [uncle, wayne];
  g3.objs = [key('phone', uncle.phone), key('vehicle', wayne.car), key('location', granPc)];
  innocentAt(A, PEN, granPc, '6 Wheal Rose', 'Neighbour dispute over parking on Wheal Rose');
  // other large families with uncles and grandparents on family links (benign)
  for (const f of A.families.filter((x) => x.big).slice(0, 4)) {
    const unc = A.adult({ given: r.pick(PEN.maleAdult), family: f.surname, sex: 'male', dob: `19${r.int(70, 85)}-05-0${r.int(1, 9)}`, phone: A.phone(), phoneOn: ['csc'] });
    A.conf('family').adults.push(unc);
    A.conf('family').objects.push({ kind: 'phone', key: unc.phone });
    for (const c of f.kids) A.rel('csc', A.crec('csc', c), A.arec('csc', unc), 'family', s + r.int(100, 900), { note: 'Uncle, supports mum with childcare', reliability: 'confirmed' });
    A.ev('edu', 'note', A.crec('edu', f.kids[0]), s + r.int(100, 900), { summary: 'Uncle on collection list', involves: [{ p: A.arec('edu', unc), role: 'family' }, { phone: unc.phone }] });
  }
  return A;
}

// ---------------------------------------------------------------- rhoswen (North Wales coast)
const RHO = {
  surnames: ['Jones', 'Williams', 'Hughes', 'Roberts', 'Evans', 'Parry', 'Griffiths', 'Owen', 'Pritchard', 'Lloyd', 'Davies', 'Edwards', 'Thomas', 'Morris', 'Kelly', 'Walsh', 'McCormick', 'Taylor', 'Nowak', 'Wright', 'Price', 'Ellis'],
  girls: ['Cerys', 'Ffion', 'Seren', 'Nia', 'Megan', 'Lowri', 'Carys', 'Mali', 'Chloe', 'Kayleigh', 'Tia', 'Lacey', 'Jade', 'Erin', 'Zuzanna'],
  boys: ['Osian', 'Gethin', 'Dylan', 'Elis', 'Rhys', 'Cai', 'Tomos', 'Jac', 'Kyle', 'Bradley', 'Connor', 'Liam', 'Kacper', 'Ioan'],
  femaleAdult: ['Sian', 'Bethan', 'Gwen', 'Nerys', 'Julie', 'Leanne', 'Sharon', 'Dawn', 'Agnieszka', 'Claire'],
  maleAdult: ['Gareth', 'Dafydd', 'Huw', 'Alun', 'Kevin', 'Shaun', 'Gavin', 'Paul', 'Marek', 'Darren'],
  streets: ['Ffordd Las', 'Marine Road', 'Kinmel Avenue', 'Bryn Estyn', 'Stryd Fawr', 'Promenade', 'Abbey Road', 'Ty Gwyn Close', 'Sandy Cove'],
  parks: ['Promenade shelter', 'Skate park, West End', 'Golf links car park', 'Harbour wall'],
  schools: ['Ysgol Uwchradd Rhoswen', 'Rhoswen High School', 'Ysgol Gynradd Glan Morfa', 'Sandy Cove Primary', 'Bryn Estyn Primary'],
  gp: 'Meddygfa Glan y Mor', station: 'Rhoswen railway station', shop: 'Premier Stores, Marine Road', home: 'Tŷ Derwen children\'s home',
  club: 'Rhoswen Town AFC (juniors)', taxi: 'Coastline Taxis', eth: ['White Welsh', 'White British', 'White British', 'White Polish', 'White Irish', 'Mixed'],
};
function rhoswen() {
  const A = new Area({
    code: 'rhoswen', name: 'Rhoswen (North Wales coast: caravan parks, a seaside town and the railway)', from: '2021-04-01', to: '2025-03-31', seed: 202,
    agencies: ['police', 'btp', 'csc', 'health', 'shc', 'edu', 'yjs', 'cps'], outward: ['LL18', 'LL22', 'LL29'], town: 'Rhoswen', capsAgencies: ['police', 'btp'], idFmt: ID,
    phoneStyle: { police: 1, btp: 2, csc: 0, health: 3, shc: 5, edu: 0, yjs: 4, cps: 2 }, ethnicity: true,
  });
  const r = A.r;
  populate(A, 300, RHO);
  const s = A.startDay;
  const L = (name, pc, role) => ({ location: { name, pc }, ...(role ? { role } : {}) });

  // G4 a driver inside the taxi firm: his car is one of the firm's school-transport cars
  const g4 = A.group('g4', 'taxi_driver_in_firm', 'One driver of the benign taxi firm; his car is one of the firm\'s cars on school-transport notes (so it touches many ordinary children), and its other links are night pick-ups of girls; his own mobile (not the firm\'s), and a flat he takes them to. The firm\'s office phone and other cars are confounders.');
  const kev = A.adult({ given: 'Kevin', family: 'Brady', sex: 'male', dob: '1981-03-09', pc: A.postcode('LL18'), line1: 'Flat 6, Kinmel Court', phone: A.phone(), phoneOn: ['police'], is_child: false, noDob: ['btp'] });
  const cab = A.taxi.cars[0]; // the firm's car he drives
  A.conf('taxi_firm').objects = A.conf('taxi_firm').objects.filter((o) => o.key !== cab.replace(/\s/g, ''));
  const flat = { name: 'Flat 6, Kinmel Court', pc: kev.pc };
  const k4 = pickKids(A, 4, { at: s + 300, minAge: 13, maxAge: 16, sex: 'female' });
  A.ev('edu', 'concern', A.crec('edu', k4[0]), s + 210, { summary: 'Seen getting into a Coastline taxi at the gates, not on the transport list', indicators: ['vehicle_unknown_adults'], involves: [{ vehicle: cab }, L(A.taxi.name, A.taxi.pc)] });
  A.ev('police', 'missing_episode', A.crec('police', k4[1]), s + 290, { ended: 1, extra: { missing_from: 'home', risk_grading: 'medium' }, summary: 'Returned home 04:00 in a taxi, says driver "Kev" is a friend', indicators: ['missing', 'older_associates'], involves: [{ vehicle: cab }] });
  A.ev('btp', 'note', A.crec('btp', k4[2]), s + 420, { summary: 'Girl at station late with male taxi driver, BRADY, says he is her uncle', indicators: ['older_associates'], involves: [{ p: A.arec('btp', kev, 'caps'), role: 'associate' }, L(A.station.name, A.station.pc)] });
  A.ev('shc', 'sexual_health', A.crec('shc', k4[1]), s + 470, { summary: 'STI screen; partner "Kev", 40s; phone given as his', indicators: ['sti', 'older_associates'], involves: [{ phone: kev.phone }] });
  A.ev('police', 'missing_episode', A.crec('police', k4[3]), s + 560, { ended: 1, extra: { missing_from: 'care_placement', risk_grading: 'high' }, summary: 'Found at Flat 6 Kinmel Court with adult male', indicators: ['missing'], involves: [{ p: A.arec('police', kev, 'caps'), role: 'found_with' }, L(flat.name, flat.pc, 'found_at')] });
  A.ev('police', 'intelligence', A.crec('police', k4[0]), s + 600, { summary: 'Intel: Coastline driver BRADY using firm car to pick up girls at night; his own mobile', involves: [{ p: A.arec('police', kev, 'caps'), role: 'suspect' }, { vehicle: cab }, { phone: kev.phone }] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k4[2]), s + 640, { summary: 'Strategy: taxi driver, licensing informed', involves: [{ p: A.arec('csc', kev), role: 'suspect' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  A.ev('cps', 'charging_decision', A.crec('cps', k4[1]), s + 900, { extra: { outcome: 'charge', rationale: 'Sexual activity with a child; phone download' }, involves: [{ p: A.arec('cps', kev), role: 'suspect' }] });
  g4.kids = k4;
  g4.adultsE = [kev];
  g4.objs = [key('vehicle', cab), key('phone', kev.phone), key('location', kev.pc)];

  // G5 two tiers: a 19-year-old woman befriends girls; the men are tied to the children mostly through her
  const g5 = A.group('g5', 'two_tier_bridge', 'A 19-year-old woman (a former pupil, looks like any older peer) befriends girls at the school gates and the promenade and takes them to two men at a static caravan on a small site; the men are seen with a child once each, otherwise tied only through her (police associate relationships, her phone in their records) and the caravan\'s postcode.');
  const chan = A.adult({ given: 'Chantelle', family: 'Hughes', nick: 'Chan', sex: 'female', dob: ymd(s - 19 * 365), pc: A.postcode('LL18'), phone: A.phone(), phoneOn: ['police', 'edu', 'yjs'], is_child: false });
  const m1 = A.adult({ given: 'Shaun', family: 'Walsh', sex: 'male', dob: '1985-07-19', pc: A.postcode('LL22'), phone: A.phone(), phoneOn: ['police'], car: A.reg(), is_child: false });
  const m2 = A.adult({ given: 'Marek', family: 'Nowicki', misspelt: 'Novicki', sex: 'male', dob: '1983-12-02', is_child: false });
  const van2 = { name: 'Caravan 3, Morfa Fields (small site)', pc: A.postcode('LL22') };
  const k5 = pickKids(A, 5, { at: s + 500, minAge: 13, maxAge: 16, sex: 'female' });
  A.ev('edu', 'note', A.crec('edu', k5[0]), s + 400, { summary: 'Former pupil Chantelle Hughes hanging around the gates at 3pm, talking to Year 9 girls', involves: [{ p: A.arec('edu', chan), role: 'associate' }, L(k5[0].school.name, k5[0].school.pc)] });
  A.ev('edu', 'concern', A.crec('edu', k5[1]), s + 430, { summary: 'Says she has an older friend "Chan" who takes her to parties', indicators: ['older_associates'], involves: [{ p: A.arec('edu', chan, 'nick'), role: 'associate' }, { phone: chan.phone }] });
  A.ev('police', 'missing_episode', A.crec('police', k5[2]), s + 480, { ended: 1, extra: { missing_from: 'home', risk_grading: 'high' }, summary: 'Found on the promenade with Chantelle HUGHES (19), both intoxicated', indicators: ['missing', 'alcohol_misuse'], involves: [{ p: A.arec('police', chan, 'caps'), role: 'found_with' }] });
  A.rel('police', A.arec('police', chan, 'caps'), A.arec('police', m1, 'caps'), 'associate', s + 520, { reliability: 'tentative', note: 'Intel: HUGHES seen in WALSH\'s car' });
  A.ev('police', 'missing_episode', A.crec('police', k5[3]), s + 610, { ended: 1, extra: { missing_from: 'home', risk_grading: 'high' }, summary: 'Found at caravan on Morfa Fields, adult male present', indicators: ['missing', 'older_associates'], involves: [{ p: A.arec('police', m1, 'caps'), role: 'found_with' }, L(van2.name, van2.pc, 'found_at')] });
  A.ev('shc', 'sexual_health', A.crec('shc', k5[4]), s + 690, { summary: 'Chlamydia; contact phone belongs to "a friend, Chan"', indicators: ['sti'], involves: [{ phone: chan.phone }] });
  A.ev('police', 'intelligence', A.crec('police', k5[0]), s + 720, { summary: 'Intel: NOWICKI and WALSH use caravan 3 Morfa Fields; HUGHES brings girls', involves: [{ p: A.arec('police', m2, 'caps'), role: 'suspect' }, { p: A.arec('police', chan, 'caps'), role: 'suspect' }, L(van2.name, van2.pc)] });
  A.rel('police', A.arec('police', chan, 'caps'), A.arec('police', m2, 'caps'), 'associate', s + 722, { reliability: 'tentative' });
  A.ev('yjs', 'note', A.crec('yjs', k5[2]), s + 760, { summary: 'Says "Chan" lends her phone to the men to text girls', involves: [{ p: A.arec('yjs', chan, 'nick'), role: 'associate' }, { phone: chan.phone }] });
  A.ev('health', 'health_attendance', A.crec('health', k5[4]), s + 800, { summary: 'Overdose; brought by male in blue car who left', indicators: ['self_harm', 'vehicle_unknown_adults'], involves: [{ vehicle: m1.car }] });
  A.ev('police', 'note', A.crec('police', k5[1]), s + 840, { summary: 'Vehicle stop: WALSH driving, two girls in car', involves: [{ p: A.arec('police', m1, 'caps'), role: 'suspect' }, { vehicle: m1.car }, { p: A.crec('police', k5[4]), role: 'associate' }] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k5[3]), s + 860, { summary: 'Complex strategy: young woman recruiting for two men (Marek Novicki, Shaun Walsh)', involves: [{ p: A.arec('csc', chan), role: 'suspect' }, { p: A.arec('csc', m2, 'misspelt'), role: 'suspect' }, { p: A.arec('csc', m1), role: 'suspect' }] });
  g5.kids = k5;
  g5.adultsE = [chan, m1, m2];
  g5.objs = [key('phone', chan.phone), key('vehicle', m1.car), key('location', van2.pc)];
  innocentAt(A, RHO, van2.pc, 'Caravan 1, Morfa Fields', 'Welfare visit to family living in caravan 1 all year');

  // G6 burner rotation: one man, three phones in turn, each tying one or two children
  const g6 = A.group('g6', 'burner_rotation', 'One man who changes phone roughly every year; each phone ties one or two children; he is named only in two late intelligence reports and one BTP stop (capitals, no date of birth) that tie the phones together; his car is seen twice.');
  const hank = A.adult({ given: 'Lee', family: 'Hanley', nick: 'Hanners', sex: 'male', dob: '1988-10-10', pc: A.postcode('LL29'), is_child: false, noDob: ['btp'], car: A.reg() });
  const ph = [A.phone(), A.phone(), A.phone()];
  const k6 = pickKids(A, 5, { at: s + 600, minAge: 13, maxAge: 16 });
  A.ev('edu', 'concern', A.crec('edu', k6[0]), s + 120, { summary: 'Phone confiscated; messages from unknown adult number', indicators: ['concerning_phone_use', 'unknown_callers'], involves: [{ phone: ph[0] }] });
  A.ev('shc', 'sexual_health', A.crec('shc', k6[1]), s + 250, { summary: 'Partner number given, age unknown', indicators: ['sti'], involves: [{ phone: ph[0] }] });
  A.ev('police', 'intelligence', A.crec('police', k6[0]), s + 560, { summary: 'Intel: HANLEY using two numbers to contact girls', involves: [{ p: A.arec('police', hank, 'caps'), role: 'suspect' }, { phone: ph[0] }, { phone: ph[1] }] });
  A.ev('police', 'missing_episode', A.crec('police', k6[2]), s + 500, { ended: 1, extra: { missing_from: 'home', risk_grading: 'medium' }, summary: 'Missing; phone contact with unknown number', indicators: ['missing', 'unknown_callers'], involves: [{ phone: ph[1] }] });
  A.ev('btp', 'note', A.crec('btp', k6[2]), s + 640, { summary: 'Stop at station: adult male with girl, gave name HANLEY, car in station car park', involves: [{ p: A.arec('btp', hank, 'caps'), role: 'associate' }, { vehicle: hank.car }] });
  A.ev('health', 'health_attendance', A.crec('health', k6[3]), s + 900, { summary: 'Assault, texts on phone from adult', indicators: ['unexplained_injury'], involves: [{ phone: ph[2] }] });
  A.ev('edu', 'concern', A.crec('edu', k6[4]), s + 960, { summary: 'Boy selling vapes, adult number in phone', indicators: ['gifts_money'], involves: [{ phone: ph[2] }] });
  A.ev('police', 'note', A.crec('police', k6[4]), s + 1000, { summary: 'Seen getting into car', involves: [{ vehicle: hank.car }] });
  A.ev('police', 'intelligence', A.crec('police', k6[3]), s + 1080, { summary: 'Intel: HANLEY now on new number', involves: [{ p: A.arec('police', hank, 'caps'), role: 'suspect' }, { phone: ph[2] }] });
  g6.kids = k6;
  g6.adultsE = [hank];
  g6.objs = [...ph.map((p) => key('phone', p)), key('vehicle', hank.car)];
  return A;
}

// ---------------------------------------------------------------- severnmouth (Severn estuary suburb)
const SEV = {
  surnames: ['Vowles', 'Bishop', 'Tucker', 'Coles', 'Hill', 'Campbell', 'Brown', 'Clarke', 'Abdi', 'Warsame', 'Hassan', 'Nowak', 'Kowalski', 'Smith', 'Jones', 'Baker', 'Hughes', 'Ali', 'Begum', 'Francis', 'Pearce', 'Harris'],
  girls: ['Kayla', 'Leah', 'Amira', 'Hodan', 'Shanice', 'Maja', 'Lily', 'Sophie', 'Evie', 'Nasra', 'Chantelle', 'Ruby', 'Jasmine', 'Mia'],
  boys: ['Tyler', 'Kaiden', 'Abdirahman', 'Mohamed', 'Jayden', 'Reece', 'Oliver', 'Kuba', 'Leon', 'Ethan', 'Marcus', 'Zak', 'Callum', 'Harvey'],
  femaleAdult: ['Lorraine', 'Tina', 'Kerry', 'Fadumo', 'Marcia', 'Joanne', 'Ewa', 'Stacey', 'Hayley', 'Sam'],
  maleAdult: ['Dean', 'Carl', 'Abdi', 'Winston', 'Piotr', 'Lee', 'Gary', 'Ricky', 'Omar', 'Steve'],
  streets: ['Lawrence Weston Road', 'Long Cross', 'Kings Weston Lane', 'Avonmouth Way', 'Portway', 'Sylvan Way', 'Ridingleaze', 'Barrowmead Drive'],
  parks: ['Blaise woods', 'Shirehampton Rec', 'Portway lay-by', 'Dock gates'],
  schools: ['Severnmouth Academy', 'Oasis Kingsweston College', 'Long Cross Primary', 'Portway Primary'],
  gp: 'Severnmouth Health Centre', station: 'Severnmouth Interchange', shop: 'Cribbs Retail Park', home: 'Barrowmead House children\'s home',
  club: 'Severnmouth Boxing Club', taxi: 'Portway Cars', eth: ['White British', 'White British', 'Somali', 'Black Caribbean', 'White Polish', 'Mixed', 'Pakistani'],
};
function severnmouth() {
  const A = new Area({
    code: 'severnmouth', name: 'Severnmouth (Severn estuary estates and a retail park)', from: '2022-01-01', to: '2024-12-31', seed: 303,
    agencies: ['police', 'csc', 'health', 'edu', 'yjs'], outward: ['BS11', 'BS10', 'BS35'], town: 'Severnmouth', capsAgencies: ['police'], idFmt: ID,
    phoneStyle: { police: 2, csc: 0, health: 1, edu: 3, yjs: 5 }, ethnicity: true,
  });
  const r = A.r;
  populate(A, 175, SEV);
  const s = A.startDay;
  const L = (name, pc, role) => ({ location: { name, pc }, ...(role ? { role } : {}) });

  // G7 shoplifting to order at the retail park (the shop itself is a confounder)
  const g7 = A.group('g7', 'shoplifting_to_order', 'Criminal exploitation: a woman who fences goods waits in her car at the retail park while her 22-year-old son sends children in to steal to order; the retail park (a confounder: security guard on every ordinary shoplifting report) is on nearly every group record; goods found at her home in a warrant.');
  const lor = A.adult({ given: 'Lorraine', family: 'Vowles', sex: 'female', dob: '1978-04-22', pc: A.postcode('BS11'), line1: '31 Ridingleaze', phone: A.phone(), phoneOn: ['police'], car: A.reg(), is_child: false });
  const jord = A.adult({ given: 'Jordan', family: 'Vowles', nick: 'JV', sex: 'male', dob: ymd(s - 22 * 365), pc: lor.pc, line1: lor.line1, phone: A.phone(), phoneOn: ['yjs', 'police'], is_child: false });
  const k7 = pickKids(A, 5, { at: s + 300, minAge: 11, maxAge: 15 });
  const ret = L(A.shop.name, A.shop.pc);
  A.ev('police', 'arrest', A.crec('police', k7[0]), s + 150, { summary: 'Shoplifting at Cribbs Retail Park, £400 of fragrances in a lined bag', outcome: 'Youth caution', involves: [{ p: A.arec('police', A.shopGuard, 'caps'), role: 'witness' }, ret] });
  A.ev('police', 'arrest', A.crec('police', k7[1]), s + 190, { summary: 'Shoplifting at retail park; female in car park drove off when security approached', involves: [{ p: A.arec('police', A.shopGuard, 'caps'), role: 'witness' }, ret, { vehicle: lor.car }] });
  A.ev('yjs', 'youth_justice', A.crec('yjs', k7[0]), s + 220, { summary: 'Referral order; says "JV" gives him lists', indicators: ['older_associates'], involves: [{ p: A.arec('yjs', jord, 'nick'), role: 'associate' }, { phone: jord.phone }] });
  A.ev('police', 'arrest', A.crec('police', k7[2]), s + 330, { summary: 'Shoplifting, phone shows list of items from contact "JV"', involves: [ret, { phone: jord.phone }] });
  A.ev('edu', 'concern', A.crec('edu', k7[3]), s + 360, { summary: 'New designer clothes, says he "works" for a friend\'s mum', indicators: ['gifts_money'], involves: [{ p: A.arec('edu', lor, 'title'), role: 'associate' }] });
  A.ev('police', 'intelligence', A.crec('police', k7[3]), s + 420, { summary: 'Intel: VOWLES (Lorraine) fencing stolen goods from home; children used', involves: [{ p: A.arec('police', lor, 'caps'), role: 'suspect' }, L('31 Ridingleaze', lor.pc), { vehicle: lor.car }] });
  A.ev('police', 'arrest', A.crec('police', k7[4]), s + 470, { summary: 'Shoplifting at Cribbs, male adult JORDAN VOWLES waiting outside', involves: [ret, { p: A.arec('police', jord, 'caps'), role: 'suspect' }] });
  A.ev('police', 'crime_report', A.crec('police', k7[1]), s + 520, { summary: 'Warrant at 31 Ridingleaze: stolen goods, child present (modern slavery, criminal exploitation)', indicators: ['older_associates'], involves: [{ p: A.arec('police', lor, 'caps'), role: 'suspect' }, { p: A.arec('police', jord, 'caps'), role: 'suspect' }, L('31 Ridingleaze', lor.pc)] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k7[4]), s + 530, { summary: 'Strategy: criminal exploitation, NRM referrals for five children', involves: [{ p: A.arec('csc', lor), role: 'suspect' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  g7.kids = k7;
  g7.adultsE = [lor, jord];
  g7.objs = [key('vehicle', lor.car), key('phone', jord.phone), key('location', lor.pc)];
  innocentAt(A, SEV, lor.pc, '29 Ridingleaze', 'Police attended neighbouring house in error during warrant; family spoken to');

  // G8 a former resident of the children's home (a care leaver, 19) and the man he works for
  const g8 = A.group('g8', 'former_resident', 'A care leaver who lived at the children\'s home until 18 (his records there as a child are in the data) comes back for the residents, takes them to his supported-lodgings flat and to an older man, "Dev"; his visits sit among the staff\'s and the home\'s ordinary records.');
  const ty = A.adult({ given: 'Tyler', family: 'Marsh', sex: 'male', dob: ymd(s - 17 * 365 - 200), pc: A.home.pc, line1: A.home.name, phone: A.phone(), phoneOn: ['police', 'csc'], is_child: false });
  ty.is_child = undefined; // his early records are as a child
  const dev = A.adult({ given: 'Devon', family: 'Francis', nick: 'Big Dev', sex: 'male', dob: '1991-09-05', pc: A.postcode('BS10'), is_child: false, car: A.reg() });
  const lodg = { name: 'Supported lodgings, 12B Long Cross', pc: A.postcode('BS11') };
  // Tyler as a resident in 2022 (a child then)
  A.ev('csc', 'looked_after_start', A.arec('csc', ty), s + 10, { summary: `Placed at ${A.home.name}`, involves: [L(A.home.name, A.home.pc)] });
  A.ev('police', 'missing_episode', A.arec('police', ty, 'caps'), s + 60, { ended: 1, extra: { missing_from: 'care_placement', risk_grading: 'low' }, summary: 'Missing from placement', involves: [{ p: A.arec('police', A.homeStaff[0], 'title'), role: 'professional' }, L(A.home.name, A.home.pc)] });
  A.ev('csc', 'note', A.arec('csc', ty), s + 200, { summary: 'Turned 18; moved to supported lodgings', involves: [L(lodg.name, lodg.pc)] });
  const k8 = [...A.residents.filter((c) => !c.inGroup).slice(0, 3), ...pickKids(A, 1, { at: s + 400, minAge: 13, maxAge: 16 })];
  for (const c of k8) c.inGroup = true;
  A.ev('police', 'missing_episode', A.crec('police', k8[0]), s + 320, { ended: 1, extra: { missing_from: 'care_placement', risk_grading: 'medium' }, summary: 'Missing; staff believe with former resident Tyler', indicators: ['missing'], involves: [{ p: A.arec('police', A.homeStaff[1], 'title'), role: 'professional' }, L(A.home.name, A.home.pc), { p: A.arec('police', ty, 'caps'), role: 'associate' }] });
  A.ev('csc', 'note', A.crec('csc', k8[1]), s + 340, { summary: 'Former resident Tyler visiting, staff asked him to leave; he gave his number to residents', involves: [{ p: A.arec('csc', ty), role: 'associate' }, { phone: ty.phone }, L(A.home.name, A.home.pc)] });
  A.ev('police', 'missing_episode', A.crec('police', k8[1]), s + 410, { ended: 1, extra: { missing_from: 'care_placement', risk_grading: 'high' }, summary: 'Found at 12B Long Cross (supported lodgings) with MARSH and an older male', indicators: ['missing', 'drug_misuse'], involves: [{ p: A.arec('police', ty, 'caps'), role: 'found_with' }, L(lodg.name, lodg.pc, 'found_at')] });
  A.ev('health', 'health_attendance', A.crec('health', k8[2]), s + 450, { summary: 'Cannabis intoxication; friend Tyler gave phone number', indicators: ['drug_misuse'], involves: [{ phone: ty.phone }] });
  A.ev('police', 'intelligence', A.crec('police', k8[2]), s + 520, { summary: 'Intel: "BIG DEV" FRANCIS supplying via MARSH to looked-after children; car', involves: [{ p: A.arec('police', dev, 'caps'), role: 'suspect' }, { p: A.arec('police', ty, 'caps'), role: 'suspect' }, { vehicle: dev.car }] });
  A.ev('yjs', 'youth_justice', A.crec('yjs', k8[3]), s + 600, { summary: 'Possession with intent; says works for "Dev"', involves: [{ p: A.arec('yjs', dev, 'nick'), role: 'associate' }] });
  A.ev('police', 'arrest', A.crec('police', k8[3]), s + 580, { summary: 'Arrested with cannabis deal bags near Long Cross; car drove off', involves: [{ vehicle: dev.car }, L(lodg.name, lodg.pc)] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k8[0]), s + 640, { summary: 'Strategy: care leaver drawing residents into supply for an older man', involves: [{ p: A.arec('csc', ty), role: 'suspect' }, { p: A.arec('csc', dev, 'nick'), role: 'suspect' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  g8.kids = k8;
  g8.adultsE = [ty, dev];
  g8.objs = [key('phone', ty.phone), key('vehicle', dev.car), key('location', lodg.pc)];

  // G9 a budget hotel by the motorway: two children from out of the area (police and health only), two local
  const g9 = A.group('g9', 'hotel_out_of_area', 'Two men book rooms at a budget hotel by the motorway junction; two of the children live in other towns and are known here only to the police and the hospital (partial dates of birth, no school record); the hotel also houses homeless families in temporary accommodation, whose children are in no group.');
  const hotel = { name: 'Junction 18 Lodge (budget hotel)', pc: A.postcode('BS11') };
  const booker = A.adult({ given: 'Ashley', family: 'Pryce', sex: 'male', dob: '1987-05-30', phone: A.phone(), phoneOn: ['police'], car: A.reg(), is_child: false });
  const second = A.adult({ given: 'Nathan', family: 'Gould', nick: 'Nate', sex: 'male', dob: '1993-02-11', is_child: false });
  const away = ['Gloucester', 'Swindon'].map((t, i) => {
    const c = A.child({ given: r.pick(SEV.girls), family: r.pick(SEV.surnames), sex: 'female', dob: ymd(s - (14 + i) * 365 - r.int(0, 200)), pc: A.postcode(i ? 'SN1' : 'GL1'), line1: `${r.int(1, 90)} ${r.pick(['Barton Street', 'Station Road', 'Kingshill Road'])}`, townName: t, eth: r.pick(SEV.eth) });
    c.inGroup = true;
    return c;
  });
  const k9 = [...away, ...pickKids(A, 2, { at: s + 700, minAge: 13, maxAge: 16, sex: 'female' })];
  A.ev('police', 'missing_episode', A.crec('police', away[0]), s + 640, { ended: 1, extra: { missing_from: 'other', risk_grading: 'high' }, summary: 'Missing from Gloucester, located at Junction 18 Lodge, room booked by adult male', indicators: ['missing', 'older_associates'], involves: [L(hotel.name, hotel.pc, 'found_at'), { phone: booker.phone }] });
  A.ev('health', 'health_attendance', A.crec('health', away[1], { dup: false }), s + 700, { summary: 'Visitor from Swindon, intoxicated, brought from hotel by ambulance', indicators: ['alcohol_misuse'], involves: [L(hotel.name, hotel.pc)] });
  A.ev('police', 'note', A.crec('police', k9[2]), s + 730, { summary: 'Hotel staff report girl with two men; car in car park', indicators: ['hotspot_location'], involves: [{ p: A.arec('police', second, 'nick'), role: 'associate' }, { vehicle: booker.car }, L(hotel.name, hotel.pc)] });
  A.ev('police', 'intelligence', A.crec('police', k9[3]), s + 800, { summary: 'Intel: PRYCE books rooms at J18 Lodge for parties with girls from out of area', involves: [{ p: A.arec('police', booker, 'caps'), role: 'suspect' }, { vehicle: booker.car }] });
  A.ev('csc', 'strategy_discussion', A.crec('csc', k9[3]), s + 830, { summary: 'Strategy: hotel, notify placing authorities (Gloucestershire, Swindon)', involves: [{ p: A.arec('csc', booker), role: 'suspect' }, { p: A.arec('csc', second), role: 'suspect' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
  A.ev('police', 'missing_episode', A.crec('police', away[1]), s + 870, { ended: 1, extra: { missing_from: 'other', risk_grading: 'high' }, summary: 'Swindon missing person found at J18 Lodge with GOULD', indicators: ['missing'], involves: [{ p: A.arec('police', second, 'caps'), role: 'found_with' }, L(hotel.name, hotel.pc, 'found_at')] });
  g9.kids = k9;
  g9.adultsE = [booker, second];
  g9.objs = [key('phone', booker.phone), key('vehicle', booker.car), key('location', hotel.pc)];
  // families housed at the hotel (temporary accommodation)
  for (let i = 0; i < 3; i++) {
    const surname = r.pick(SEV.surnames);
    const kids = [0, 1].map(() => A.child({ given: r.pick(r.chance(0.5) ? SEV.girls : SEV.boys), family: surname, sex: r.chance(0.5) ? 'female' : 'male', dob: ymd(s - r.int(8, 15) * 365 - r.int(0, 300)), pc: hotel.pc, line1: `Room ${r.int(10, 60)}, Junction 18 Lodge`, eth: r.pick(SEV.eth) }));
    for (const c of kids) {
      c.school = r.pick(A.schools);
      const d = s + r.int(300, 900);
      A.ev('edu', 'note', A.crec('edu', c), d, { summary: 'Family in temporary accommodation at the Lodge; transport arranged', involves: [L(hotel.name, hotel.pc), L(c.school.name, c.school.pc)] });
    }
    A.ev('csc', 'assessment', A.crec('csc', kids[0]), s + r.int(300, 900), { summary: 'Homeless family placed at Junction 18 Lodge', involves: [L(hotel.name, hotel.pc), { p: A.crec('csc', kids[1]), role: 'family' }, { p: A.arec('csc', A.sw), role: 'professional' }] });
    A.innocent.push(...kids.map((c) => c.id));
  }
  return A;
}

// ---------------------------------------------------------------- write
function write(A) {
  const dir = path.join(outRoot, A.code);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { files, records } = A.build();
  const names = [...files.keys()].sort();
  for (const f of names) {
    const eol = f.startsWith('charity') ? '\r\n' : '\n';
    fs.writeFileSync(path.join(dir, f), files.get(f).map((o) => JSON.stringify(o)).join(eol) + eol);
  }
  fs.writeFileSync(path.join(dir, 'agencies.json'), JSON.stringify(A.agencies.map((c) => ({ code: c, name: AGENCY[c][0], kind: AGENCY[c][1] })), null, 2) + '\n');
  const recs = records.map((x) => ({ obj: x.obj, day: x.obj.recorded_at.slice(0, 10) }));
  const groups = A.groups.map((g) => {
    const tg = {
      id: g.id, shape: g.shape, first_visible: null,
      children: g.kids.map((c) => ({ id: c.id })),
      adults: g.adultsE.map((a) => ({ id: a.id, source_records: a.recs.slice() })),
      objects: g.objs, notes: g.notes,
    };
    tg.first_visible = firstVisible(recs, tg, A.childRecords);
    return tg;
  });
  const groupAdults = new Set(A.groups.flatMap((g) => g.adultsE.map((a) => a.id)));
  const groupObjs = new Set(groups.flatMap((g) => g.objects.map((o) => normKey(o.kind, o.key))));
  const confounders = [...A.confs.values()].map((c) => ({
    kind: c.kind,
    adults: c.adults.filter((a) => a.recs.length && !groupAdults.has(a.id)).map((a) => ({ id: a.id, source_records: a.recs.slice() })),
    objects: c.objects.map((o) => key(o.kind, o.key)).filter((o) => !groupObjs.has(normKey(o.kind, o.key))),
  }));
  const truth = {
    area: A.code, name: A.name, period: { from: A.from, to: A.to }, end: A.to, files: names,
    groups, confounders, innocent_at_group_postcodes: A.innocent, child_records: A.childRecords,
    first_visible_rule: 'first recorded_at day on which records join 2+ of the group\'s children and 1+ of its adult records or objects into one connected piece; each child\'s records across agencies are one child, each adult record (agency:source_id) its own node; links from events (subject and involves), relationships (from, to) and a person record\'s phone',
  };
  fs.writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  const lines = [...files.values()].reduce((t, x) => t + x.length, 0);
  console.log(`${A.code}: ${A.children.length} children, ${names.length} files, ${lines} lines, groups ${groups.map((g) => `${g.id}(${g.shape} ${g.adults.length}/${g.objects.length}/${g.children.length} fv ${g.first_visible})`).join(' ')}`);
}

for (const make of [pendarrow, rhoswen, severnmouth]) write(make());
