// Round 4 risk area r4: "Holdmere", a fictional East Riding coastal and farming district (HU/YO
// postcodes: the resort town Sandwick, the port Kelsea, market town Drayford, villages), 600
// children, 2015-04-01 .. 2025-03-31, about 7% later exploited (sexually or criminally).
// Usage: node gen-risk.mjs [OUTDIR]   (default: risk/r4 beside this script)
// Writes IMPORT.sh, years/FY/AGENCY.ndjson, truth.csv, profiles.csv, stats.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, csvLine, nhsNumber, upn, ymd, ymdhm, pad } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(here, 'risk', 'r4'));
const R = rng(80071207);
const DAY = 86400000;
const START = Date.UTC(2015, 3, 1);
const END = Date.UTC(2025, 2, 30, 12); // nothing recorded after 2025-03-30 12:00 (London wall clock)

// ---- agencies: a different mix from a city force + council: a transport police, an early help
// service, a pupil referral unit, an integrated sexual health service, a commissioned return-interview charity
const AGENCIES = [
  ['police', 'Humber and Wolds Police', 'police'],
  ['btp', 'British Transport Police (North Eastern)', 'police'],
  ['csc', 'Holdmere Children and Families', 'childrens_social_care'],
  ['earlyhelp', 'Holdmere Early Help and Family Hubs', 'other'],
  ['ed', 'Kelsea and Sandwick Hospitals NHS Trust (ED and UTC)', 'health'],
  ['ish', 'Holdmere Integrated Sexual Health', 'health'],
  ['school', 'Coast and Wolds Academy Trust', 'education'],
  ['pru', 'Holdmere Pupil Referral Unit', 'education'],
  ['yjs', 'Holdmere Youth Justice Service', 'youth_justice'],
  ['rhi', 'Safe Return East Riding (charity)', 'voluntary'],
];

// ---- names
const GF = ['Olivia', 'Chloe', 'Megan', 'Jessica', 'Lauren', 'Ellie', 'Holly', 'Abbie', 'Courtney', 'Kacey', 'Brooke', 'Mollie', 'Evie', 'Niamh', 'Caitlin', 'Libby', 'Tegan', 'Kayla', 'Paige', 'Amber', 'Freya', 'Millie', 'Lily', 'Georgia', 'Shannon', 'Leah', 'Jasmine', 'Summer', 'Lacey', 'Darcy', 'Isla', 'Keeley', 'Rosie', 'Demi', 'Skye'];
const GM = ['Jack', 'Kyle', 'Liam', 'Charlie', 'Jake', 'Harry', 'Connor', 'Callum', 'Tyler', 'Mason', 'Bradley', 'Lewis', 'Kian', 'Riley', 'Alfie', 'Ethan', 'Jordan', 'Reece', 'Owen', 'Louie', 'Archie', 'Brandon', 'Dylan', 'Logan', 'Jayden', 'Corey', 'Billy', 'Joe', 'Oliver', 'Sam'];
const SUR = ['Johnson', 'Harrison', 'Wilkinson', 'Atkinson', 'Robinson', 'Dixon', 'Walker', 'Wood', 'Thompson', 'Lister', 'Kirby', 'Hudson', 'Dawson', 'Brough', 'Clarkson', 'Pickering', 'Stephenson', 'Foster', 'Leaf', 'Ombler', 'Medforth', 'Harland', 'Sykes', 'Milner', 'Tindall', 'Featherstone', 'Holmes', 'Cook', 'Smith', 'Jackson', 'Taylor', 'Brown', 'Ward', 'Hall', 'Rudd', 'Coates', 'Binnington', 'Stather', 'Megginson', 'Ellerington'];
const EEF = ['Anastasija', 'Elīza', 'Laura', 'Viktorija', 'Gabija', 'Emilija', 'Zuzanna', 'Amelia', 'Ioana', 'Bianca', 'Marta', 'Kristina'];
const EEM = ['Artūrs', 'Dāvis', 'Kristaps', 'Matas', 'Lukas', 'Dominykas', 'Jakub', 'Szymon', 'Andrei', 'Darius', 'Mihai', 'Oskars'];
const EES = ['Bērziņš', 'Kalniņš', 'Ozols', 'Jankauskas', 'Petrauskas', 'Kazlauskas', 'Nowak', 'Wiśniewski', 'Popescu', 'Lungu', 'Vasiļjevs', 'Liepa'];
const NICK = { Olivia: 'Liv', Jessica: 'Jess', Abbie: 'Abs', Mollie: 'Moll', Caitlin: 'Cait', Georgia: 'George', Millie: 'Mills', Jasmine: 'Jaz', Charlie: 'Chaz', Harry: 'H', Callum: 'Cal', Bradley: 'Brad', Lewis: 'Lew', Oliver: 'Ollie', Samuel: 'Sam', Jordan: 'Jord', Kristaps: 'Kris', Dominykas: 'Dom', Jakub: 'Kuba', Anastasija: 'Nastja', Viktorija: 'Vika', Alfie: 'Alf' };
const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const TOWNS = [
  ['Sandwick', 'YO15', ['Promenade', 'Trinity Road', 'Marton Crescent', 'Flamingo Court', 'Cliff Street', 'Hilderthorpe Walk', 'Gypsey Lane']],
  ['Kelsea', 'HU12', ['Dock Street', 'Marsh Lane', 'Station Road', 'Ferry View', 'Humber Terrace', 'Saltings Close']],
  ['Drayford', 'YO25', ['Market Place', 'Beverley Road', 'Wold View', 'Middle Street South', 'Eastgate']],
  ['Rillby', 'HU18', ['Seaside Road', 'Cliff Lane', 'Mill Close']],
  ['Owthorne', 'HU19', ['Queen Street', 'Park Avenue', 'Withernsea Lane']],
  ['Burton Agnes Moor', 'YO25', ['Caravan Park (plot)', 'Farm Cottages', 'Main Street']],
];
function address() {
  const [town, pc, streets] = R.pick(TOWNS);
  const st = R.pick(streets);
  const line1 = st.includes('plot') ? `Plot ${R.int(1, 140)}, Seaview Caravan Park` : st.includes('Cottages') ? `${R.int(1, 6)} ${R.pick(['Low', 'High', 'Manor'])} Farm Cottages` : `${R.int(1, 120)} ${st}`;
  return { line1, town, postcode: `${pc} ${R.int(1, 9)}${R.pick('ABDEFGHJLNPQRSTUWXYZ')}${R.pick('ABDEFGHJLNPQRSTUWXYZ')}` };
}
const phone = () => `07700 900${pad(R.int(0, 999), 3)}`;

// ---- time helpers: Date objects whose UTC fields are London wall-clock values
const T = (ms) => new Date(ms);
function safeHour(d) {
  // never write a wall-clock time in 01:00-01:59 (the hour London skips in March)
  if (d.getUTCHours() === 1) d = new Date(d.getTime() + 3600000);
  return d;
}
function officeTime(ms) {
  let d = new Date(ms);
  const dow = d.getUTCDay();
  if (dow === 6) d = new Date(ms + 2 * DAY);
  if (dow === 0) d = new Date(ms + DAY);
  const base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return base + (8 * 60 + R.int(30, 9 * 60 + 20)) * 60000;
}
function at(dayMs, h0, h1) {
  const base = Date.UTC(T(dayMs).getUTCFullYear(), T(dayMs).getUTCMonth(), T(dayMs).getUTCDate());
  let h = R.int(h0, h1) % 24;
  if (h === 1) h = 2;
  return base + h * 3600000 + R.int(0, 59) * 60000;
}
// recording delay by agency: the way each one writes up
function recordedAt(agency, occ) {
  let r;
  switch (agency) {
    case 'police': r = occ + R.int(20, 60 * 9) * 60000; break;
    case 'btp': r = occ + R.int(60, 60 * 30) * 60000; break;
    case 'ed': r = occ + R.int(5, 240) * 60000; break;
    case 'ish': r = officeTime(occ + R.int(0, 2) * DAY); break;
    case 'csc': r = officeTime(occ + R.int(1, 12) * DAY); break; // batch write-ups, often a week late
    case 'earlyhelp': r = officeTime(occ + R.int(2, 21) * DAY); break;
    case 'school': r = officeTime(occ + R.int(0, 6) * DAY); break;
    case 'pru': r = officeTime(occ + R.int(0, 3) * DAY); break;
    case 'yjs': r = officeTime(occ + R.int(1, 8) * DAY); break;
    case 'rhi': r = officeTime(occ + R.int(1, 9) * DAY); break;
    default: r = occ + DAY;
  }
  if (r < occ) r = occ + 3600000;
  return safeHour(T(r)).getTime();
}

// ---- adults of concern (police / csc person records)
const adults = [];
const ADULT_FIRST = ['Dean', 'Wayne', 'Lee', 'Craig', 'Shane', 'Darren', 'Jason', 'Nathan', 'Ricky', 'Adam', 'Stuart', 'Gary', 'Kamil', 'Marius', 'Tomasz', 'Aaron', 'Jamie', 'Mark'];
const VEH = () => `${R.pick(['YK', 'YJ', 'YA', 'YF', 'YS', 'HN', 'NA'])}${pad(R.int(5, 23))} ${R.pick('ABCDEFGHJKLMNOPRSTUVWXYZ')}${R.pick('ABCDEFGHJKLMNOPRSTUVWXYZ')}${R.pick('ABCDEFGHJKLMNOPRSTUVWXYZ')}`;
for (let i = 0; i < 16; i++) {
  adults.push({ id: i, given: R.pick(ADULT_FIRST), family: R.pick(SUR), dob: `${R.int(1978, 2001)}-${pad(R.int(1, 12))}-${pad(R.int(1, 28))}`, vehicle: VEH(), phone: phone(), nick: R.pick(['Tats', 'Deano', 'Big L', 'Skinny', 'Rico', 'Gaz', 'Polo', 'Snap', 'Benji', 'Zed', 'Moggy', 'K', 'Dizzy', 'Bomber', 'Stu', 'Slim']), online: `${R.pick(['dnb', 'wavy', 'lil', 'real', 'the'])}_${R.pick(['king', 'rico', 'boss', 'smoke', 'gaz', 'moneyman'])}${R.int(10, 99)}@snapchat` });
}
const HOTSPOTS = [
  { name: 'Seaview Caravan Park, chalet 14', postcode: 'YO15 3QY' },
  { name: 'Bus station, Sandwick', postcode: 'YO15 2AD' },
  { name: 'Kelsea Docks car park', postcode: 'HU12 8EB' },
  { name: 'Flat above the vape shop, Quay Road', postcode: 'YO15 2AP' },
  { name: 'Premier Inn, Hull Marina', postcode: 'HU1 2DH' },
  { name: 'Doncaster railway station', postcode: 'DN1 1PE' },
  { name: 'Chicken shop, Anlaby Road, Hull', postcode: 'HU3 2SH' },
  { name: 'Address on Hessle Road, Hull', postcode: 'HU3 4AY' },
  { name: 'Scarborough railway station', postcode: 'YO11 1TN' },
  { name: 'Amusement arcade, South Marine Drive', postcode: 'YO15 3NS' },
];
const SAFE_PLACES = [
  { name: "Friend's house, Rillby", postcode: 'HU18 1QA' },
  { name: 'Skate park, Drayford', postcode: 'YO25 6TX' },
  { name: "Grandparents' home, Kelsea", postcode: 'HU12 9JP' },
  { name: 'Beach huts, North Sands', postcode: 'YO15 1AR' },
  { name: 'McDonalds, Drayford', postcode: 'YO25 6UX' },
];

// ---- children
const N = 600;
const children = [];
const PROFILES_NEG = [
  ['ordinary', 122], ['neglect_cp', 60], ['looked_after_missing', 42], ['self_harm_camhs', 40], ['one_missing', 50],
  ['youth_justice', 38], ['sexual_health_16_17', 32], ['substance_peers', 24], ['missing_to_parent', 22],
  ['autism_wandering', 14], ['sibling_of_exploited', 14], ['migrant_extended_absence', 20], ['older_peer_partner_assessed', 12],
  ['excluded_pru', 18], ['domestic_abuse_home', 22], ['benign_adult_contact', 16], ['friend_of_exploited', 12],
];
const INTENS = [['strong', 10], ['medium', 12], ['subtle', 9], ['late', 6], ['none', 5]];
const nExpl = 42;
for (let i = 0; i < N; i++) {
  const exploited = i < nExpl;
  const ee = R.chance(0.17);
  let sex;
  let kind = null;
  if (exploited) {
    kind = R.chance(0.62) ? 'cse' : 'cce';
    sex = kind === 'cse' ? (R.chance(0.88) ? 'female' : 'male') : R.chance(0.8) ? 'male' : 'female';
  } else sex = R.chance(0.5) ? 'female' : 'male';
  const given = ee ? R.pick(sex === 'female' ? EEF : EEM) : R.pick(sex === 'female' ? GF : GM);
  const family = ee ? R.pick(EES) : R.pick(SUR);
  const dobMs = Date.UTC(R.int(1999, 2011), R.int(0, 11), R.int(1, 28));
  children.push({
    key: `HM${String(i + 1).padStart(4, '0')}`, i, exploited, kind, sex, given, family, ee,
    middle: R.chance(0.4) ? R.pick(sex === 'female' ? ['Rose', 'Louise', 'Grace', 'Mae', 'Jane'] : ['James', 'John', 'Lee', 'Thomas', 'Paul']) : null,
    dobMs, dob: ymd(T(dobMs)), nhs: nhsNumber(R), upn: upn(R, '811'), addr: address(), addr2: R.chance(0.4) ? address() : null,
    phone: R.chance(0.6) ? phone() : null, events: [], profile: null,
  });
}
// assign intensities / profiles
{
  const ex = children.filter((c) => c.exploited);
  let k = 0;
  for (const [p, n] of INTENS) for (let j = 0; j < n && k < ex.length; j++) ex[k++].profile = p;
  const neg = R.shuffle(children.filter((c) => !c.exploited));
  k = 0;
  for (const [p, n] of PROFILES_NEG) for (let j = 0; j < n && k < neg.length; j++) neg[k++].profile = p;
  while (k < neg.length) neg[k++].profile = 'ordinary';
}
const ageAt = (c, ms) => (ms - c.dobMs) / (365.25 * DAY);
const msAtAge = (c, a) => c.dobMs + a * 365.25 * DAY;

const seqs = {};
const nx = (a) => (seqs[a] = (seqs[a] ?? 0) + 1);
const yy = (ms) => String(T(ms).getUTCFullYear() % 100).padStart(2, '0');
const sid = {
  police: (ms) => `HW/${yy(ms)}/${String(nx('police') * 7 + R.int(0, 6)).padStart(6, '0')}`,
  btp: (ms) => `BTP-${T(ms).getUTCFullYear()}-${String(nx('btp')).padStart(5, '0')}`,
  csc: () => `LCS-EV-${100000 + nx('csc')}`,
  earlyhelp: () => `EH${String(nx('earlyhelp')).padStart(5, '0')}`,
  ed: () => `ATT${String(40000000 + nx('ed') * 13).padStart(8, '0')}`,
  ish: () => `ISH-${nx('ish')}`,
  school: () => `CWAT-${nx('school')}`,
  pru: () => `PRU-${nx('pru')}`,
  yjs: () => `YJ${nx('yjs')}`,
  rhi: (ms) => `SR-${T(ms).getUTCFullYear()}-${nx('rhi')}`,
};
const INDICATOR_RATE = { police: 0.18, btp: 0.35, csc: 0.45, earlyhelp: 0.6, ed: 0.1, ish: 0.3, school: 0.05, pru: 0.2, yjs: 0.25, rhi: 0.35 };
function ev(c, agency, kind, occMs, fields = {}, inds = []) {
  if (occMs < START || occMs > END) return null;
  const occ = safeHour(T(occMs)).getTime();
  const rec = recordedAt(agency, occ);
  if (rec > END) return null;
  const o = { type: 'event', agency, source_id: sid[agency](occ), kind, subject: null, occurred_at: ymdhm(T(occ)), ...fields };
  if (o.ended_at_ms != null) {
    o.ended_at = ymdhm(safeHour(T(o.ended_at_ms)));
    delete o.ended_at_ms;
  }
  if (inds.length && R.chance(INDICATOR_RATE[agency])) o.indicators = [...new Set(inds)];
  o.recorded_at = ymdhm(safeHour(T(Math.max(rec, occ + 60000))));
  const e = { c, agency, o, rec: Date.parse(o.recorded_at + 'Z'), occ };
  c.events.push(e);
  return e;
}
const dayIn = (a, b) => a + R.next() * (b - a);

// ------ signs before exploitation (and shared with hard negatives in milder forms)
function missingEpisode(c, dayMs, opts = {}) {
  const from = opts.from ?? (c.lac ? 'care_placement' : 'home');
  const start = at(dayMs, opts.h0 ?? 19, opts.h1 ?? 23);
  const hours = opts.hours ?? R.int(3, 40);
  const place = opts.place ?? R.pick(SAFE_PLACES);
  const involves = [{ location: place, role: 'found_at' }];
  if (opts.adult) involves.push({ person: `HWP-A${opts.adult.id}`, role: 'found_with' });
  if (opts.vehicle) involves.push({ vehicle: opts.vehicle });
  const grading = opts.grading ?? R.weighted([['low', 4], ['medium', 4], ['high', 1], ['no_apparent_risk', 1]]);
  const summary = opts.summary ?? R.pick([
    `Reported missing by ${from === 'care_placement' ? 'staff' : R.pick(['mum', 'dad', 'nan', 'carer'])}; ${R.pick(['returned of own accord', 'located by officers', 'found by family', 'walked back in'])}`,
    `MFH ${from === 'care_placement' ? 'from placement' : 'from home address'}, ${R.pick(['traced', 'found safe and well', 'returned'])} after ${hours} hrs`,
    `Missing person report, ${R.pick(['last seen leaving school', 'did not return after tea', 'left after an argument', 'not back by curfew'])}`,
  ]);
  const e = ev(c, 'police', 'missing_episode', start, {
    ended_at_ms: start + hours * 3600000, missing_from: from, risk_grading: grading,
    reported_by: from === 'care_placement' ? 'Residential staff' : (c.reporter ??= R.pick(['Mother', 'Mother', 'Father', 'Grandmother', 'Step-father', 'Aunt'])),
    last_seen: R.pick(['Getting on the 121 bus', 'Outside the arcade', 'Leaving the school gates', 'In the park with friends', 'Walking towards the station']),
    summary, involves, details: opts.details,
  }, opts.inds ?? ['missing']);
  if (!e) return null;
  // return interview by the charity
  const roll = R.next();
  const back = start + hours * 3600000;
  if (roll < (opts.riDone ?? 0.6)) {
    ev(c, 'rhi', 'return_interview', at(back + R.int(1, 5) * DAY, 9, 18), { episode: `police:${e.o.source_id}`, status: 'done', child_account: opts.account ?? R.pick(['Said she was just with mates', 'Went to see friends, phone died', 'Did not want to say where', "I just needed to get out of the house", 'Was at the beach with people from school', "Don't want to talk about it"]), summary: 'Return conversation completed' }, opts.riInds ?? []);
  } else if (roll < 0.8) ev(c, 'rhi', 'return_interview', at(back + R.int(1, 8) * DAY, 9, 18), { episode: `police:${e.o.source_id}`, status: 'declined', reason: R.pick(['Young person did not want to speak to a worker', 'Parent declined on child\'s behalf', 'Refused at the door']) });
  else if (roll < 0.9) ev(c, 'rhi', 'return_interview', at(back + R.int(4, 16) * DAY, 9, 17), { episode: `police:${e.o.source_id}`, status: 'not_held', reason: R.pick(['Referral received late', 'Could not make contact within timescale', 'Worker capacity']) });
  return e;
}
function absence(c, dayMs, sessions, extra = '') {
  return ev(c, 'school', 'school_absence', at(dayMs, 9, 15), { summary: `Unauthorised absence: ${sessions} sessions in the last four weeks${extra}`, details: `Attendance ${R.int(55, 88)}% this term. ${R.pick(['Letter sent home.', 'EWO informed.', 'Phone calls unanswered.', 'Mum says illness, no evidence.', 'Truanting suspected after registration.'])}` }, ['school_disengagement']);
}
const pickAdult = () => R.pick(adults);

function exploitedTimeline(c) {
  // when: child aged 12.5-17.4 and inside 2016-06 .. 2025-02
  const lo = Math.max(msAtAge(c, 12.5), Date.UTC(2016, 5, 1));
  const hi = Math.min(msAtAge(c, 17.4), Date.UTC(2025, 1, 20));
  if (hi <= lo) {
    // reshape the date of birth so the child is the right age in the window
    const t = dayIn(Date.UTC(2017, 0, 1), Date.UTC(2024, 11, 1));
    c.dobMs = t - dayIn(12.6, 17.2) * 365.25 * DAY;
    c.dobMs = Date.UTC(T(c.dobMs).getUTCFullYear(), T(c.dobMs).getUTCMonth(), R.int(1, 28));
    c.dob = ymd(T(c.dobMs));
    return exploitedTimeline(c);
  }
  const tx = dayIn(lo, hi);
  const a = c.kind === 'cse' || R.chance(0.3) ? pickAdult() : pickAdult();
  c.adult = a;
  const lead = { strong: [270, 900], medium: [120, 540], subtle: [90, 720], late: [14, 95], none: [0, 0] }[c.profile];
  const L = R.int(lead[0], lead[1]) * DAY;
  const from = tx - L;
  const cse = c.kind === 'cse';
  const she = c.sex === 'female' ? 'she' : 'he';
  const her = c.sex === 'female' ? 'her' : 'his';
  // sign menu
  const signs = [];
  const nSigns = { strong: R.int(7, 12), medium: R.int(3, 6), subtle: R.int(2, 3), late: R.int(2, 4), none: 0 }[c.profile];
  const nMissing = { strong: R.int(3, 7), medium: R.int(1, 3), subtle: 0, late: R.int(0, 2), none: 0 }[c.profile];
  // escalating missing: gaps shrink towards tx
  for (let m = 0; m < nMissing; m++) {
    const f = 1 - Math.pow((m + 1) / (nMissing + 1), R.chance(0.5) ? 0.6 : 1.5);
    const d = tx - f * L - R.int(1, 10) * DAY;
    const withAdult = m >= nMissing / 2 && R.chance(0.55);
    signs.push(() => missingEpisode(c, d, {
      hours: R.int(8, 70), grading: R.weighted([['medium', 5], ['high', 3], ['low', 2]]),
      place: withAdult || R.chance(0.4) ? R.pick(HOTSPOTS) : R.pick(SAFE_PLACES), adult: withAdult ? a : null, vehicle: withAdult && R.chance(0.4) ? a.vehicle : null,
      inds: withAdult ? ['missing', 'older_associates', 'hotspot_location'] : ['missing'],
      summary: withAdult ? R.pick([`Missing overnight; found in a flat in ${R.pick(['Hull', 'Sandwick', 'Kelsea'])} with an adult male`, 'Located in a vehicle with an adult male after ANPR hit', `Found at ${R.pick(HOTSPOTS).name} with older males`]) : undefined,
      riDone: 0.45, account: R.pick(['Was with a friend, won\'t say who', 'Said she stayed at a mate\'s', 'Nothing happened', 'Just chilling with older lads', 'I\'m fine, stop asking']),
      riInds: withAdult ? ['older_associates'] : [],
    }));
  }
  const menu = cse
    ? ['absence', 'older_bf', 'gifts', 'ish', 'ed_intox', 'intel', 'car', 'online', 'disclosure', 'selfharm', 'peers', 'earlyhelp_change', 'taxi', 'csc_referral']
    : ['absence', 'btp_found', 'intel', 'arrest_possession', 'gifts', 'phones', 'ed_injury', 'exclusion', 'peers', 'earlyhelp_change', 'car', 'csc_referral', 'yjs'];
  const quiet = ['gifts', 'online', 'taxi', 'earlyhelp_change', 'phones', 'car', 'absence'];
  for (let s = 0; s < nSigns; s++) {
    const kind = c.profile === 'subtle' ? R.pick(quiet.filter((q) => menu.includes(q))) : R.pick(menu);
    const d = c.profile === 'late' ? tx - R.int(5, L / DAY) * DAY : tx - R.next() * L;
    signs.push(() => sign(c, kind, d, a, she, her));
  }
  for (const f of R.shuffle(signs)) f();
  // earlier family vulnerabilities for some
  if (R.chance(0.45)) {
    const d = dayIn(Math.max(START, msAtAge(c, 8)), from - 60 * DAY);
    if (d > START) ev(c, 'csc', 'contact_referral', at(d, 9, 16), { summary: R.pick(['Domestic abuse notification, children present', 'Neglect concerns raised by school: hygiene, food', 'Mum\'s mental health deteriorating, children caring']), outcome: R.pick(['Early help', 'Child and family assessment', 'NFA - signposted']) }, ['domestic_abuse_at_home', 'family_breakdown', 'parental_mental_health']);
  }
  if (R.chance(0.2)) {
    const d = dayIn(from - 400 * DAY, from);
    ev(c, 'csc', 'looked_after_start', at(d, 10, 17), { summary: 'Accommodated under s20, placed in residential home in Sandwick', outcome: 'Placement: residential' }, ['looked_after']);
    c.lac = true;
  }
  // the first exploitation record
  let first;
  if (cse) {
    if (R.chance(0.6)) first = ev(c, 'police', 'crime_report', tx, { summary: R.pick(['Child sexual exploitation: sexual activity with a child, multiple suspects', 'Rape of a child under 16 - CSE flagged', 'CSE: child abused at address in Hull by adult males', 'Sexual exploitation of a child - paying for sexual services of a child']), details: `Victim ${c.given}. Suspect ${a.given} ${a.family}. CSE marker applied.`, involves: [{ person: `HWP-A${a.id}`, role: 'suspect' }], recorded_by: `DC ${R.int(1000, 9999)}` }, ['older_associates']);
    else first = ev(c, 'csc', 'strategy_discussion', tx, { summary: 'Strategy discussion: child sexual exploitation', outcome: R.pick(['Threshold met: child is being sexually exploited; s47 to start', 'Agreed child is a victim of CSE; CP enquiry and disruption plan', 'Conclusion: sexually exploited by adult male(s); s47']) });
  } else {
    const r = R.next();
    if (r < 0.45) first = ev(c, 'police', 'crime_report', tx, { summary: R.pick(['Modern slavery: child criminally exploited to supply class A (county lines)', 'Child criminal exploitation - trafficked to Scarborough to sell drugs', 'MSA s2 human trafficking: child used to run drugs between Hull and the coast']), involves: [{ person: `HWP-A${a.id}`, role: 'suspect' }], recorded_by: `DS ${R.int(1000, 9999)}` }, ['older_associates', 'drug_misuse']);
    else if (r < 0.8) first = ev(c, 'csc', 'strategy_discussion', tx, { summary: 'Strategy meeting: child criminal exploitation', outcome: R.pick(['Child is being criminally exploited (county lines); NRM referral to be made', 'Agreed CCE: child trafficked to run drugs; s47']) });
    else first = ev(c, 'yjs', 'concern', tx, { summary: 'NRM referral made: child criminally exploited', details: 'Positive reasonable grounds decision expected; YJS, police and social care agree the child is a victim of criminal exploitation.' }, ['older_associates']);
  }
  if (!first) throw new Error('exploitation record outside the window');
  c.first = first;
  // what came after (no effect on scoring)
  ev(c, 'csc', 'section47_enquiry', tx + R.int(2, 10) * DAY, { summary: 'Section 47 enquiry following exploitation', outcome: 'Continue under CP' });
  if (R.chance(0.5)) missingEpisode(c, tx + R.int(10, 120) * DAY, { grading: 'high', place: R.pick(HOTSPOTS) });
}

function sign(c, kind, d, a, she, her) {
  switch (kind) {
    case 'absence': return absence(c, d, R.int(6, 30), R.chance(0.4) ? '; seen at the gates being collected at lunchtime' : '');
    case 'older_bf':
      if (R.chance(0.5)) ev(c, 'earlyhelp', 'note', at(d, 10, 17), { summary: `Talks about an older friend "${a.nick}" who has a car`, details: `${c.given} says ${she} is seeing someone older; would not give his age.` }, ['older_associates']);
      else ev(c, 'school', 'concern', at(d, 9, 16), { summary: `DSL log: ${c.given} telling friends about a boyfriend who is 'about 20'`, details: 'Seen getting into a silver car after school.' }, ['older_associates', 'vehicle_unknown_adults']);
      return;
    case 'gifts': return ev(c, R.pick(['earlyhelp', 'school', 'rhi']), 'note', at(d, 9, 17), { summary: R.pick(['New trainers and a designer bag, no explanation', 'Has a lot of cash, says a friend gave it', 'Nails and hair done, family cannot afford this', 'New iPhone, says from cousin']) }, ['gifts_money']);
    case 'phones': return ev(c, 'police', 'intelligence', at(d, 10, 22), { summary: 'Stop search: two phones found, one a cheap handset receiving constant calls', involves: [{ phone: a.phone }] }, ['concerning_phone_use', 'unknown_callers']);
    case 'ish': return ev(c, 'ish', 'sexual_health', at(d, 9, 17), { summary: R.pick(['EHC requested', 'STI screen: chlamydia positive, treated', 'Attended with older male who waited outside', 'Pregnancy test requested; Fraser assessment not met']), details: `Age ${Math.floor(ageAt(c, d))}.` }, ['sti', 'older_associates']);
    case 'ed_intox': return ev(c, 'ed', 'health_attendance', at(d, 20, 27), { summary: R.pick(['Intoxicated, brought in by ambulance from the seafront', 'Alcohol intoxication, bruising to arms, vague history', 'Found collapsed in town centre; drank vodka given by older friends']) }, ['alcohol_misuse', 'unexplained_injury']);
    case 'ed_injury': return ev(c, 'ed', 'health_attendance', at(d, 18, 27), { summary: R.pick(['Laceration to hand, says fell', 'Facial injuries, says assaulted by unknown youths', 'Stab wound to thigh, reluctant to explain']) }, ['unexplained_injury']);
    case 'intel': return ev(c, 'police', 'intelligence', at(d, 9, 23), { summary: R.pick([`Intel: ${c.given} seen regularly with ${a.given} ${a.family} (known for supplying drugs)`, `${c.given} seen in vehicle ${a.vehicle} at the docks late evening`, `Associating with adults at a flat on Quay Road, believed used for parties`]), involves: [{ person: `HWP-A${a.id}`, role: 'associate' }, ...(R.chance(0.5) ? [{ vehicle: a.vehicle }] : [])] }, ['older_associates', 'hotspot_location']);
    case 'car': return ev(c, 'police', 'concern', at(d, 16, 23), { summary: `Stop check: ${c.given} passenger in ${a.vehicle}, driver an adult male`, involves: [{ vehicle: a.vehicle }, { person: `HWP-A${a.id}`, role: 'associate' }] }, ['vehicle_unknown_adults']);
    case 'taxi': return ev(c, 'earlyhelp', 'note', at(d, 10, 17), { summary: 'Arriving home in taxis; mum does not know who pays' }, ['vehicle_unknown_adults', 'gifts_money']);
    case 'online': return ev(c, 'school', 'concern', at(d, 9, 16), { summary: `Friend reports ${c.given} talks to men on Snapchat`, involves: [{ online: a.online }] }, ['concerning_internet_use']);
    case 'disclosure': {
      const e = ev(c, 'csc', 'disclosure', at(d, 10, 17), { summary: `${c.given} told teacher a man at a party touched ${her === 'her' ? 'her' : 'him'}`, details: 'Referral from school DSL.' });
      if (e) ev(c, 'csc', 'disclosure_withdrawn', e.occ + R.int(3, 20) * DAY, { summary: `${c.given} now says nothing happened` }, ['disclosure_withdrawn']);
      return e;
    }
    case 'selfharm': return ev(c, 'ed', 'self_harm', at(d, 15, 26), { summary: R.pick(['Superficial cuts to forearm', 'Overdose of paracetamol, 12 tablets', 'Ligature, found by carer']) }, ['self_harm']);
    case 'peers': return ev(c, R.pick(['csc', 'school', 'police']), 'note', at(d, 9, 17), { summary: `Friendship group includes ${c.sex === 'female' ? 'girls' : 'boys'} already known to the exploitation panel` }, ['peers_exploited']);
    case 'earlyhelp_change': return ev(c, 'earlyhelp', 'note', at(d, 10, 17), { summary: R.pick(['Family hub worker: behaviour at home much worse, secretive with phone', 'Mum reports staying out till 2am, will not say where', 'Withdrawn, dropped out of football, new older friends']) }, ['staying_out_late', 'concerning_phone_use']);
    case 'csc_referral': return ev(c, 'csc', 'contact_referral', at(d, 9, 16), { summary: R.pick(['Referral from school: worried about older associates', 'Contact from police: child found with adults', 'Referral from ED after intoxication']), outcome: R.pick(['Early help', 'NFA - already open to early help', 'Child and family assessment']) }, ['older_associates']);
    case 'btp_found': return ev(c, 'btp', 'concern', at(d, 7, 23), { summary: R.pick(['Found at Doncaster station without ticket, travelling alone, large sum of cash', 'Stopped on the train to Scarborough with an adult who paid for tickets', 'Found on platform at Hull Paragon late evening, would not give address']), involves: [{ location: R.pick(HOTSPOTS) }] }, ['hotspot_location', 'gifts_money']);
    case 'arrest_possession': {
      const e = ev(c, 'police', 'arrest', at(d, 12, 23), { summary: R.pick(['Arrested: possession with intent to supply (crack cocaine, wraps)', 'Arrested: possession of cannabis and a knife', 'Arrested in an address in Scarborough with class A']), involves: [{ location: R.pick(HOTSPOTS) }] }, ['drug_misuse']);
      return e;
    }
    case 'exclusion': return ev(c, 'school', 'school_exclusion', at(d, 10, 15), { summary: R.pick(['Fixed-term exclusion: 5 days, drugs on site', 'Fixed-term exclusion for fighting', 'Permanent exclusion: carrying a blade']) }, ['school_disengagement']);
    case 'yjs': return ev(c, 'yjs', 'youth_justice', at(d, 10, 16), { summary: 'Referral order for possession; worker concerned about who is supplying' }, ['drug_misuse', 'older_associates']);
  }
}

function negativeTimeline(c) {
  const lo = Math.max(START, msAtAge(c, 10));
  const hi = Math.min(END - 10 * DAY, msAtAge(c, 17.8));
  if (hi <= lo) return;
  const when = () => dayIn(lo, hi);
  const p = c.profile;
  // background for everyone: a few ordinary things
  if (R.chance(0.5)) ev(c, 'ed', 'health_attendance', at(when(), 10, 21), { summary: R.pick(['Wrist injury playing rugby', 'Asthma attack', 'Fell off bike, grazes', 'Abdominal pain, discharged', 'Sprained ankle at trampoline park', 'Dog bite']) });
  if (R.chance(0.35)) absence(c, when(), R.int(2, 8));
  switch (p) {
    case 'ordinary': break;
    case 'neglect_cp': {
      const d0 = when();
      ev(c, 'csc', 'contact_referral', at(d0, 9, 16), { summary: R.pick(['School concerned: child hungry and unkempt', 'Police DA notification', 'Health visitor concerns about home conditions']) }, ['domestic_abuse_at_home', 'substance_misuse_at_home', 'family_breakdown']);
      ev(c, 'csc', 'assessment', at(d0 + R.int(10, 40) * DAY, 9, 16), { outcome: 'Neglect; s47 recommended' }, ['substance_misuse_at_home']);
      ev(c, 'csc', 'section47_enquiry', at(d0 + R.int(42, 60) * DAY, 9, 16), { outcome: 'Substantiated, ICPC' });
      ev(c, 'csc', 'cp_conference', at(d0 + R.int(62, 80) * DAY, 9, 16), { outcome: 'CP plan: neglect' });
      ev(c, 'csc', 'cp_plan_start', at(d0 + R.int(62, 80) * DAY, 9, 16), { summary: 'Category: neglect' });
      ev(c, 'csc', 'cp_plan_end', at(d0 + R.int(300, 600) * DAY, 9, 16), { summary: 'Stepped down to CIN' });
      if (R.chance(0.5)) absence(c, d0 + R.int(-60, 200) * DAY, R.int(8, 24));
      break;
    }
    case 'looked_after_missing': {
      const d0 = when();
      c.lac = true;
      ev(c, 'csc', 'looked_after_start', at(d0, 10, 17), { summary: 'Placed in residential children\'s home, Sandwick', outcome: 'Care order' }, ['looked_after', 'family_breakdown']);
      const n = R.int(4, 14);
      for (let m = 0; m < n; m++) missingEpisode(c, d0 + R.int(20, 540) * DAY, { from: 'care_placement', hours: R.int(2, 9), grading: R.weighted([['low', 6], ['no_apparent_risk', 2], ['medium', 2]]), place: R.pick(SAFE_PLACES), summary: R.pick(['Not back by 22:00 curfew; returned 23:40', 'Went to see mum without permission, returned by taxi arranged by staff', 'Out with friends from the home at the arcade, back by midnight', 'Left after a row with staff, back after 3 hours']), account: R.pick(['Went to my mum\'s', 'Just at the park with my mates', 'Lost track of time', 'Staff were doing my head in']) });
      if (R.chance(0.6)) ev(c, 'csc', 'strategy_discussion', at(d0 + R.int(100, 400) * DAY, 9, 16), { summary: 'Strategy discussion: repeat missing from placement', outcome: R.pick(['No evidence of exploitation; missing linked to wanting family time; contact plan revised', 'No exploitation concerns identified; curfew agreed with young person']) });
      if (R.chance(0.5)) ev(c, 'csc', 'placement_move', at(d0 + R.int(200, 500) * DAY, 10, 17), { summary: 'Move to foster placement in Drayford' });
      break;
    }
    case 'self_harm_camhs': {
      const n = R.int(1, 4);
      for (let m = 0; m < n; m++) ev(c, 'ed', 'self_harm', at(when(), 15, 26), { summary: R.pick(['Cuts to forearm, referred to CAMHS', 'Overdose of sertraline, admitted to paediatrics', 'Superficial scratches, low mood, exam stress']) }, ['self_harm', 'low_self_esteem']);
      if (R.chance(0.5)) ev(c, 'school', 'concern', at(when(), 9, 15), { summary: 'Low mood, isolated at lunchtimes, referred to school counsellor' }, ['isolated', 'low_self_esteem']);
      if (R.chance(0.3)) absence(c, when(), R.int(10, 30), '; anxiety-based school avoidance');
      break;
    }
    case 'one_missing': missingEpisode(c, when(), { hours: R.int(2, 14), grading: R.pick(['low', 'no_apparent_risk', 'medium']), summary: R.pick(['Did not come home after a party; found asleep at a friend\'s', 'Ran off after an argument with mum over phone use', 'Missed the last bus home from Hull and phone died']), riDone: 0.8 }); break;
    case 'youth_justice': {
      const n = R.int(1, 3);
      for (let m = 0; m < n; m++) {
        const d = when();
        ev(c, 'police', 'arrest', at(d, 14, 23), { summary: R.pick(['Arrested: shoplifting (alcohol) with peers', 'Arrested: criminal damage to bus shelter', 'Arrested: common assault at school', 'Arrested: theft of a pedal cycle']) });
        ev(c, 'yjs', 'youth_justice', at(d + R.int(20, 60) * DAY, 10, 16), { summary: R.pick(['Out of court disposal: youth caution, 3 sessions', 'Referral order 6 months', 'Triage: restorative work']) });
      }
      if (R.chance(0.4)) ev(c, 'police', 'concern', at(when(), 20, 24), { summary: 'Group of youths drinking at the skate park, dispersed' }, ['alcohol_misuse', 'staying_out_late']);
      break;
    }
    case 'sexual_health_16_17': {
      const lo2 = Math.max(lo, msAtAge(c, 16));
      if (lo2 < hi) for (let m = 0, n = R.int(1, 3); m < n; m++) ev(c, 'ish', 'sexual_health', at(dayIn(lo2, hi), 9, 17), { summary: R.pick(['Contraception: pill started', 'Chlamydia positive, partner notified (same age)', 'LARC fitted', 'Routine screen, all negative', 'Condoms and advice, partner is in the same college year']) }, ['sti']);
      break;
    }
    case 'substance_peers': {
      ev(c, 'ed', 'health_attendance', at(when(), 21, 26), { summary: 'Alcohol intoxication after a house party, friends called ambulance' }, ['alcohol_misuse']);
      if (R.chance(0.6)) ev(c, 'school', 'concern', at(when(), 9, 15), { summary: 'Smelled of cannabis in period 1; parents informed' }, ['drug_misuse']);
      if (R.chance(0.4)) ev(c, 'earlyhelp', 'note', at(when(), 10, 17), { summary: 'Youth worker: experimenting with cannabis with school friends; no adults involved' }, ['drug_misuse']);
      break;
    }
    case 'missing_to_parent': {
      const n = R.int(1, 4);
      const d0 = when();
      for (let m = 0; m < n; m++) missingEpisode(c, d0 + m * R.int(10, 80) * DAY, { hours: R.int(12, 60), grading: 'medium', place: { name: "Father's address, Goole", postcode: 'DN14 5QR' }, summary: 'Went to separated father\'s address in Goole by train without telling mum', account: 'I wanted to see my dad' });
      break;
    }
    case 'autism_wandering': {
      const n = R.int(2, 6);
      for (let m = 0; m < n; m++) missingEpisode(c, when(), { h0: 15, h1: 22, hours: R.int(1, 6), grading: 'high', place: R.pick([{ name: 'Sandwick railway station', postcode: 'YO15 2QA' }, { name: 'Kelsea Docks car park', postcode: 'HU12 8EB' }, { name: 'Beach huts, North Sands', postcode: 'YO15 1AR' }]), summary: 'Autistic, wandered off; found watching the trains / the sea', account: 'Likes trains' });
      break;
    }
    case 'sibling_of_exploited': {
      ev(c, 'csc', 'assessment', at(when(), 9, 16), { summary: 'Sibling assessment after older sister sexually exploited', outcome: 'No exploitation concerns for this child; family support' }, ['family_breakdown']);
      if (R.chance(0.5)) absence(c, when(), R.int(6, 14), '; upset by family events');
      if (R.chance(0.4)) ev(c, 'earlyhelp', 'note', at(when(), 10, 17), { summary: 'Worried about sibling; attends young carers group' }, ['peers_exploited']);
      break;
    }
    case 'migrant_extended_absence': {
      absence(c, when(), R.int(20, 40), '; family in Latvia/Lithuania for extended visit');
      if (R.chance(0.6)) ev(c, 'school', 'education_change', at(when(), 9, 15), { summary: 'Left roll: family moved for seasonal work, returned next term' });
      if (R.chance(0.3)) ev(c, 'earlyhelp', 'concern', at(when(), 10, 17), { summary: 'Overcrowded caravan, parents working night shifts at the factory' }, ['isolated']);
      break;
    }
    case 'older_peer_partner_assessed': {
      const lo2 = Math.max(lo, msAtAge(c, 16.2));
      if (lo2 >= hi) break;
      const d = dayIn(lo2, hi);
      ev(c, 'school', 'concern', at(d, 9, 15), { summary: 'Sixth form: student talks about a 19-year-old boyfriend from college' }, ['older_associates']);
      ev(c, 'csc', 'contact_referral', at(d + R.int(2, 14) * DAY, 9, 16), { summary: 'Referral re 19-year-old partner', outcome: 'Known to family, met at college, no exploitation concerns; NFA' });
      if (R.chance(0.5)) ev(c, 'ish', 'sexual_health', at(d + R.int(10, 90) * DAY, 9, 17), { summary: 'Contraception review; partner 19, relationship assessed as healthy' }, ['sti']);
      break;
    }
    case 'excluded_pru': {
      const d = when();
      ev(c, 'school', 'school_exclusion', at(d, 10, 15), { summary: R.pick(['Permanent exclusion: persistent disruption', 'Permanent exclusion: assault on a member of staff']) }, ['school_disengagement']);
      ev(c, 'pru', 'education_change', at(d + R.int(5, 30) * DAY, 9, 15), { summary: 'Admitted to PRU, part-time timetable' });
      for (let m = 0, n = R.int(1, 4); m < n; m++) ev(c, 'pru', 'school_absence', at(d + R.int(30, 300) * DAY, 9, 15), { summary: `Attendance ${R.int(40, 75)}% this half term` }, ['school_disengagement']);
      break;
    }
    case 'benign_adult_contact': {
      // signs that look like grooming and turn out not to be: a relative's car, a phone from grandparents
      const d = when();
      const uncle = VEH();
      ev(c, 'police', 'concern', at(d, 16, 22), { summary: `Stop check: ${c.given} passenger in ${uncle}, driver an adult male (28)`, details: R.pick(['Driver later confirmed as maternal uncle; mum aware.', 'Driver is step-brother, 28, lives at the home address.', 'Enquiries: driver is a family friend collecting her from work, parents aware.']), involves: [{ vehicle: uncle }] }, ['vehicle_unknown_adults']);
      if (R.chance(0.7)) ev(c, R.pick(['school', 'earlyhelp']), 'note', at(d + R.int(-90, 90) * DAY, 9, 16), { summary: R.pick(['New iPhone; mum confirms it was a birthday present from grandparents', 'Designer trainers, paid for by dad who works offshore', 'Cash from a weekend job at the amusements, confirmed with employer']) }, ['gifts_money']);
      if (R.chance(0.5)) missingEpisode(c, d + R.int(-200, 200) * DAY, { hours: R.int(3, 12), grading: 'medium', place: R.pick(SAFE_PLACES), summary: 'Late home from a party; found at a friend\'s', riDone: 0.8 });
      if (R.chance(0.3)) ev(c, 'csc', 'contact_referral', at(d + R.int(3, 20) * DAY, 9, 16), { summary: 'Police referral: seen in a car with an adult', outcome: 'Adult is a relative; no exploitation concerns; NFA' });
      break;
    }
    case 'friend_of_exploited': {
      const d = when();
      ev(c, R.pick(['school', 'csc']), 'note', at(d, 9, 16), { summary: `Close friend of a ${c.sex === 'female' ? 'girl' : 'boy'} open to the exploitation panel; no concerns about this child at present`, details: 'Parents spoken to; child has a curfew and good support at home.' }, ['peers_exploited']);
      if (R.chance(0.6)) missingEpisode(c, d + R.int(5, 120) * DAY, { hours: R.int(4, 20), grading: R.pick(['medium', 'high']), place: R.pick(HOTSPOTS), summary: 'Missing with a friend; found at the arcade with other teenagers', account: 'I went because my mate was going, nothing happened', riDone: 0.9 });
      if (R.chance(0.4)) ev(c, 'csc', 'strategy_discussion', at(d + R.int(20, 150) * DAY, 9, 16), { summary: 'Strategy discussion: peer of exploited child', outcome: 'No evidence this child is being exploited; safety plan with parents; close' });
      if (R.chance(0.4)) absence(c, d + R.int(-60, 200) * DAY, R.int(4, 12));
      break;
    }
    case 'domestic_abuse_home': {
      for (let m = 0, n = R.int(1, 4); m < n; m++) ev(c, 'police', 'concern', at(when(), 18, 26), { summary: 'Domestic incident at home, child present; Operation Encompass notification sent' }, ['domestic_abuse_at_home']);
      ev(c, 'earlyhelp', 'assessment', at(when(), 10, 17), { outcome: 'Early help plan: family support worker' }, ['domestic_abuse_at_home', 'parental_mental_health']);
      if (R.chance(0.3)) missingEpisode(c, when(), { hours: R.int(2, 10), grading: 'low', place: { name: "Grandparents' home, Kelsea", postcode: 'HU12 9JP' }, summary: 'Left the house during an argument, found at nan\'s' });
      break;
    }
  }
}

for (const c of children) {
  if (c.exploited) exploitedTimeline(c);
  else negativeTimeline(c);
}

// ---- person records: each agency that recorded an event holds a record of the child, sent just before its first event
const PREFIX = { police: 'HWP-', btp: 'BTP-P', csc: 'LCS', earlyhelp: 'EHP', ed: 'MRN', ish: 'ISHC', school: 'STU', pru: 'PRUP', yjs: 'YJP', rhi: 'SRYP' };
const objects = [];
const truth = [];
let pseq = 1000;
function personFor(c, agency, firstRec) {
  const id = `${PREFIX[agency]}${++pseq}`;
  let given = c.given;
  let family = c.family;
  if (c.ee && ['police', 'btp', 'rhi', 'earlyhelp'].includes(agency) && R.chance(0.5)) {
    given = strip(given);
    family = strip(family);
  }
  if (['rhi', 'earlyhelp', 'btp'].includes(agency) && NICK[c.given] && R.chance(0.4)) given = NICK[c.given];
  if (agency === 'police' && R.chance(0.25)) {
    given = given.toUpperCase();
    family = family.toUpperCase();
  }
  if (['ed', 'ish'].includes(agency) && c.middle && R.chance(0.6)) given = `${given} ${c.middle}`;
  let dob = c.dob;
  if (agency === 'btp' && R.chance(0.3)) dob = dob.slice(0, 4);
  if (agency === 'rhi' && R.chance(0.15)) dob = null;
  if (agency === 'police' && R.chance(0.04)) dob = `${dob.slice(0, 5)}${dob.slice(8, 10)}-${dob.slice(5, 7)}`.replace(/-(\d\d)-(\d\d)$/, (m, a, b) => (Number(a) <= 12 ? `-${a}-${b}` : `-${b}-${a}`));
  const addrAt = c.addr2 && firstRec > Date.UTC(2020, 0, 1) ? c.addr2 : c.addr;
  const p = { type: 'person', agency, source_id: id, given_name: given, family_name: family, sex: c.sex };
  if (dob) p.date_of_birth = dob;
  if (['ed', 'ish'].includes(agency) || (agency === 'csc' && R.chance(0.5))) p.nhs_number = c.nhs;
  if (['school', 'pru'].includes(agency) || (agency === 'csc' && R.chance(0.3))) p.upn = c.upn;
  if (agency !== 'btp' || R.chance(0.5)) p.address = { ...addrAt };
  if (c.lac && agency === 'csc') p.address = { ...addrAt, confidential: true };
  if (c.phone && ['police', 'rhi', 'earlyhelp'].includes(agency) && R.chance(0.5)) p.phone = c.phone;
  if (c.ee) p.nationality = R.pick(['Latvian', 'Lithuanian', 'Polish', 'Romanian']);
  p.is_child = true;
  p.recorded_at = ymdhm(T(firstRec - R.int(2, 30) * 60000));
  if (/T01:/.test(p.recorded_at)) p.recorded_at = ymdhm(T(firstRec - (T(firstRec).getUTCMinutes() + 61) * 60000));
  return p;
}
for (const c of children) {
  c.events.sort((a, b) => a.rec - b.rec);
  const ids = {};
  for (const e of c.events) {
    if (!ids[e.agency]) {
      const p = personFor(c, e.agency, e.rec);
      ids[e.agency] = p.source_id;
      objects.push({ o: p, rec: Date.parse(p.recorded_at + 'Z') });
      truth.push({ person_key: c.key, agency: e.agency, source_id: p.source_id, exploited: c.exploited ? 1 : 0, first: c.first ? c.first.o.recorded_at : '' });
    }
    e.o.subject = ids[e.agency];
    objects.push({ o: e.o, rec: e.rec });
  }
}
// adults of concern: police records before the first police event naming them
const adultFirst = new Map();
for (const { o, rec } of objects) for (const inv of o.involves ?? []) if (inv.person?.startsWith('HWP-A')) {
  const id = inv.person;
  if (!adultFirst.has(id) || adultFirst.get(id) > rec) adultFirst.set(id, rec);
}
for (const a of adults) {
  const id = `HWP-A${a.id}`;
  if (!adultFirst.has(id)) continue;
  objects.push({ o: { type: 'person', agency: 'police', source_id: id, given_name: a.given, family_name: a.family, other_names: [a.nick], date_of_birth: a.dob, sex: 'male', phone: a.phone, is_child: false, recorded_at: ymdhm(T(adultFirst.get(id) - 7200000)) }, rec: adultFirst.get(id) - 7200000 });
}
// ---- write
fs.rmSync(OUT, { recursive: true, force: true });
const fyOf = (ms) => {
  const d = T(ms);
  const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
};
const files = new Map();
objects.sort((a, b) => a.rec - b.rec || (a.o.type === 'person' ? -1 : 1));
for (const { o, rec } of objects) {
  const k = `${fyOf(rec)}/${o.agency}`;
  if (!files.has(k)) files.set(k, []);
  files.get(k).push(JSON.stringify(o));
}
const fys = [...new Set([...files.keys()].map((k) => k.split('/')[0]))].sort();
for (const [k, lines] of files) {
  fs.mkdirSync(path.join(OUT, 'years', k.split('/')[0]), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'years', `${k}.ndjson`), lines.join('\n') + '\n');
}
let sh = '#!/bin/sh\n# Loads risk area r4 with the CLI named by THREADLINE_CLI (default: threadline).\nset -e\ncd "$(dirname "$0")"\nCLI=${THREADLINE_CLI:-threadline}\n$CLI migrate\n';
for (const [code, name, kind] of AGENCIES) sh += `$CLI agencies add ${code} --name "${name}" --kind ${kind}\n`;
for (const fy of fys) {
  const fl = [...files.keys()].filter((k) => k.startsWith(fy + '/')).sort().map((k) => `years/${k}.ndjson`);
  sh += `$CLI import ${fl.join(' ')}\n`;
}
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh, { mode: 0o755 });
fs.writeFileSync(path.join(OUT, 'truth.csv'), ['person_key,agency,source_id,exploited,first_exploitation_recorded_at', ...truth.map((t) => csvLine([t.person_key, t.agency, t.source_id, t.exploited, t.first]))].join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'profiles.csv'), ['person_key,exploited,profile_or_intensity,sex,date_of_birth', ...children.map((c) => csvLine([c.key, c.exploited ? 1 : 0, c.exploited ? `${c.profile}-${c.kind}` : c.profile, c.sex, c.dob]))].join('\n') + '\n');
const inTruth = new Set(truth.map((t) => t.person_key));
const stats = {
  seed: 80071207, children: N, children_in_truth: inTruth.size, exploited: children.filter((c) => c.exploited).length,
  exploited_by_kind: { cse: children.filter((c) => c.kind === 'cse').length, cce: children.filter((c) => c.kind === 'cce').length },
  never_exploited_in_truth: children.filter((c) => !c.exploited && inTruth.has(c.key)).length,
  objects: objects.length, persons: objects.filter((x) => x.o.type === 'person').length, events: objects.filter((x) => x.o.type === 'event').length,
  child_person_records: truth.length, adults_of_concern: adultFirst.size,
  by_profile: Object.fromEntries([...new Set(children.map((c) => (c.exploited ? `exploited:${c.profile}` : c.profile)))].sort().map((p) => [p, children.filter((c) => (c.exploited ? `exploited:${c.profile}` : c.profile) === p).length])),
  never_with_missing: children.filter((c) => !c.exploited && c.events.some((e) => e.o.kind === 'missing_episode')).length,
};
fs.writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n');
console.error(JSON.stringify(stats));
