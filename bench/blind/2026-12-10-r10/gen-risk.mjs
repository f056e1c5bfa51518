// Round 10 blind risk area "Carnhallow" (fictional West Cornwall mining and holiday coast, TR postcodes).
// Usage: node gen-risk.mjs [OUTDIR]   (default risk/r10 beside this script). Seed 1010101210.
// Writes IMPORT.sh, years/FY/AGENCY.ndjson (import format 1.1 objects only), truth.csv, profiles.csv, stats.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(here, 'risk', 'r10'));
let seed = 1010101210;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed / 4294967296);
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
const H = 3600000, D = 86400000;
// ---- time: "wall" = Date.UTC of the London wall clock
const wall = (y, m, d, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h, mi);
function lastSun(y, m) { const d = new Date(Date.UTC(y, m, 0)); return d.getUTCDate() - d.getUTCDay(); }
function isBstWall(w) { // wall clock in summer time?
  const dt = new Date(w); const y = dt.getUTCFullYear();
  const start = Date.UTC(y, 2, lastSun(y, 3), 2), end = Date.UTC(y, 9, lastSun(y, 10), 1); // wall: 02:00 Mar (after skip), 01:00..01:59 Oct read as BST
  return w >= start && w < end + H;
}
function fix(w) { const dt = new Date(w); const y = dt.getUTCFullYear(); const s = Date.UTC(y, 2, lastSun(y, 3), 1); return w >= s && w < s + H ? w + H : w; }
const p2 = (n) => String(n).padStart(2, '0');
const fmtWall = (w) => { const d = new Date(w); return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:00`; };
const fmtDate = (w) => fmtWall(w).slice(0, 10);
const fmtOffset = (w) => fmtWall(w) + (isBstWall(w) ? '+01:00' : '+00:00');
const fmtZ = (w) => fmtWall(w - (isBstWall(w) ? H : 0)) + 'Z';
const START = wall(2015, 4, 1, 8), CUTOFF = wall(2025, 3, 28, 18);
// ---- ids, names, places
const GN_F = ['Tegan', 'Morwenna', 'Kerensa', 'Demelza', 'Ellie', 'Kayleigh', 'Skye', 'Maisie', 'Jade', 'Lowenna', 'Zuzanna', 'Bianca', 'Ines', 'Shannon', 'Tia', 'Amber', 'Elowen', 'Chantelle', 'Wiktoria', 'Raluca', 'Beatriz', 'Poppy', 'Layla', 'Lily', 'Ruby', 'Chloe', 'Megan', 'Jasmine', 'Holly', 'Isla', 'Evie', 'Courtney', 'Niamh', 'Sophie', 'Leah', 'Mia', 'Kacey', 'Tamsin', 'Jenna', 'Paige'];
const GN_M = ['Jago', 'Kai', 'Tristan', 'Lowen', 'Bryok', 'Tyler', 'Connor', 'Riley', 'Jayden', 'Alfie', 'Mason', 'Kacper', 'Tiago', 'Ionut', 'Reece', 'Harley', 'Brandon', 'Kieran', 'Oskar', 'Leon', 'Deacon', 'Finley', 'Elis', 'Marius', 'Jack', 'Charlie', 'Ethan', 'Liam', 'Callum', 'Josh', 'Morgan', 'Ashton', 'Kyle', 'Nathan', 'Dylan', 'Jamie', 'Corey', 'Ben', 'Archie', 'Luke'];
const FN = ['Trevithick', 'Pascoe', 'Penrose', 'Rowe', 'Nance', 'Tregenza', 'Curnow', 'Jory', 'Hocking', 'Angove', 'Trewhella', 'Polglase', 'Williams', 'Richards', 'Thomas', 'Harvey', 'Eddy', 'Semmens', 'Jenkin', 'Bennetts', 'Kowalski', 'Nowak', 'Popescu', 'Silva', 'Santos', 'Ferreira', 'Smith', 'Jones', 'Brown', 'Taylor', 'Martin', 'Collins', 'Hosking', 'Bray', 'Uren', 'Vivian', 'Chapman', 'Dunstan', 'Oates', 'Hichens', 'Carne', 'Moyle', 'Nicholls', 'Tonkin', 'Berryman'];
const NICK = { Tegan: 'Teg', Morwenna: 'Wenna', Kerensa: 'Ren', Demelza: 'Mel', Kayleigh: 'Kay', Lowenna: 'Lo', Zuzanna: 'Zuza', Wiktoria: 'Wiki', Jasmine: 'Jas', Courtney: 'Court', Jago: 'Jay', Tristan: 'Tris', Kacper: 'Kac', Brandon: 'Bran', Kieran: 'Kez', Marius: 'Mari', Charlie: 'Chaz', Callum: 'Cal', Archie: 'Arch', Finley: 'Fin', Nathan: 'Nate', Deacon: 'Deke' };
const ETH = ['White British', 'White British', 'White British', 'White British', 'White Other', 'White Other', 'Gypsy/Roma', 'Mixed White and Black Caribbean', 'Asian British', 'White Irish'];
const TOWNS = [['Carnhallow', 'TR14'], ['Trevessa', 'TR15'], ['Polgarrow', 'TR16'], ['Hendra Vean', 'TR27'], ['Porthkerris', 'TR26'], ['Chyvean', 'TR14'], ['St Eval Sands', 'TR7']];
const STREETS = ['Wheal Rose', 'Chapel Row', 'Fore Street', 'Trelawney Road', 'Penponds Road', 'Dolcoath Avenue', 'Tolvaddon Close', 'Mount Pleasant', 'Boscawen Street', 'Albert Terrace', 'Harbour View', 'Killivose Road', 'Bosvean Gardens', 'Tregenna Lane', 'Wesley Street', 'Pendarves Road'];
const L = 'ABDEFGHJLNPQRSTUWXYZ';
const postcode = (out) => `${out} ${ri(1, 9)}${L[ri(0, L.length - 1)]}${L[ri(0, L.length - 1)]}`;
function address() { const [town, out] = pick(TOWNS); return { line1: `${ri(1, 120)} ${pick(STREETS)}`, town, postcode: postcode(out) }; }
function nhs() { for (;;) { const d = [9, 9, 9, ...Array.from({ length: 6 }, () => ri(0, 9))]; const s = d.reduce((a, x, i) => a + x * (10 - i), 0); const c = 11 - (s % 11); if (c === 10) continue; return d.join('') + String(c === 11 ? 0 : c); } }
const phone = () => `07700 900${String(ri(0, 999)).padStart(3, '0')}`;
const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
const vrm = () => `${pick(['WK', 'WA', 'WF', 'DK', 'WP'])}${ri(10, 24)} ${LETTERS[ri(0, 22)]}${LETTERS[ri(0, 22)]}${LETTERS[ri(0, 22)]}`;
const HOT = {
  bus: { name: 'Carnhallow bus station', postcode: 'TR14 8AP' }, beach: { name: 'Porthkerris beach car park', postcode: 'TR26 1GH' },
  caravan: { name: 'Gwithian Dunes holiday park', postcode: 'TR27 5BT' }, vape: { name: 'Flat above vape shop, Fore Street, Trevessa', postcode: 'TR15 2BJ' },
  takeaway: { name: 'Kebab house, Cross Street, Carnhallow', postcode: 'TR14 8EX' }, truro: { name: 'Truro railway station', postcode: 'TR1 3HH' },
  plym: { name: 'Plymouth coach station', postcode: 'PL1 1EA' }, bristol: { name: 'Flat, Stapleton Road, Bristol', postcode: 'BS5 0QZ' },
  newquay: { name: 'Holiday flat, Tower Road, Newquay', postcode: 'TR7 1LX' }, skate: { name: 'Trevessa skate park', postcode: 'TR15 3AB' },
};
const NEUTRAL = [{ name: "Grandmother's house, Pool", postcode: 'TR15 3QS' }, { name: 'Friend\'s house, Tuckingmill', postcode: 'TR14 8NE' }, { name: 'Camborne park', postcode: 'TR14 7JP' }, { name: 'Penzance station', postcode: 'TR18 2LT' }, { name: 'Tesco car park, Pool', postcode: 'TR15 3RS' }];
const AG = [
  ['dcpol', 'Devon and Cornwall Police (Carnhallow sector)', 'police'],
  ['kcsc', 'Carnhallow Children\'s Services', 'childrens_social_care'],
  ['kamb', 'South Western Ambulance (Carnhallow ePCR)', 'health'],
  ['ked', 'Treliske Emergency Department', 'health'],
  ['ksh', 'Kernow Sexual Health', 'health'],
  ['kmat', 'Tolvaddon Learning Trust (schools)', 'education'],
  ['kyjs', 'Carnhallow Youth Justice Service', 'youth_justice'],
  ['kcps', 'CPS South West', 'prosecutor'],
  ['klic', 'Carnhallow Council Licensing and Community Safety', 'other'],
  ['cove', 'Cove Trust (return interviews and summer outreach)', 'voluntary'],
];
const ID = {}; const nid = (p) => (ID[p] = (ID[p] ?? 0) + 1);
const lines = []; // {ag, rec (wall), seq, obj, timeStyle}
let SEQ = 0;
const people = []; // agency person records: {ag, sid, key, obj, firstUse}
const personRec = new Map(); // `${ag}|${key}` -> pr (one per agency, except kamb makes one per incident)
// ---- a child or adult
function mkPerson(sex, dob, isChild) {
  const fam = pick(FN);
  return { sex, dob, given: pick(sex === 'female' ? GN_F : GN_M), family: fam, eth: pick(ETH), nhs: nhs(), addr: address(), moved: null, phone: phone(), isChild };
}
function personObj(ag, p, sid, w) {
  const o = { type: 'person', agency: ag, source_id: sid };
  let given = p.given, family = p.family;
  const addr = p.moved && w > p.moved.at ? p.moved.addr : p.addr;
  if (ag === 'dcpol' && chance(0.2)) { given = given.toUpperCase(); family = family.toUpperCase(); }
  if (ag === 'ksh') family = family[0] + '.'; // clinic holds initial of family name
  if (ag === 'kamb' && chance(0.35) && NICK[given]) given = NICK[given];
  o.given_name = given; o.family_name = family;
  if (ag === 'klic' && p.isChild) { if (chance(0.6)) o.date_of_birth = p.dob.slice(0, 4); } // approx age from the officer
  else if (ag === 'kamb') { if (chance(0.5)) o.date_of_birth = p.dob; else if (chance(0.6)) o.date_of_birth = p.dob.slice(0, 4); }
  else if (!(ag === 'cove' && chance(0.25))) o.date_of_birth = p.dob;
  o.sex = ag === 'dcpol' && chance(0.05) ? 'unknown' : p.sex;
  if (!['kamb', 'klic', 'ksh'].includes(ag)) o.ethnicity = p.eth;
  if (['kcsc', 'ked', 'ksh'].includes(ag) && p.isChild && chance(ag === 'kcsc' ? 0.7 : 0.9)) o.nhs_number = p.nhs;
  if (!(ag === 'ksh' && chance(0.5)) && !(ag === 'kamb' && chance(0.5))) {
    const a = { ...addr };
    if (ag === 'kcsc' && p.lac && w > p.lac) { a.line1 = 'Placement address'; a.confidential = true; }
    o.address = a;
  }
  if (['dcpol', 'klic', 'cove'].includes(ag) && chance(0.4)) o.phone = p.phone;
  if (p.alias && ag === 'dcpol') o.other_names = [p.alias];
  return o;
}
function getPerson(ag, p, firstRec, fresh = false) {
  const k = `${ag}|${p.key}`;
  if (!fresh && personRec.has(k)) { const pr = personRec.get(k); if (firstRec < pr.firstUse) pr.firstUse = firstRec; return pr; }
  const pre = { dcpol: 'NOM', kcsc: 'LL', kamb: 'ePCR-PT', ked: 'TRK', ksh: 'KSH', kmat: 'TLT', kyjs: 'YJ', kcps: 'CPS-P', klic: 'LCS', cove: 'CT' }[ag];
  const sid = `${pre}${String(nid(ag + 'p')).padStart(5, '0')}`;
  const pr = { ag, sid, p, firstUse: firstRec };
  if (!fresh) personRec.set(k, pr);
  people.push(pr);
  return pr;
}
const LAG = { dcpol: () => ri(10, 360) * 60000, kcsc: (w) => (w > wall(2020, 3, 20) && w < wall(2020, 12, 1) ? ri(5, 60) : ri(1, 25)) * D + ri(0, 8) * H, kamb: () => ri(40, 200) * 60000, ked: () => ri(5, 90) * 60000, ksh: () => ri(0, 2) * D + ri(1, 6) * H, kmat: () => ri(0, 3) * D + ri(1, 5) * H, kyjs: () => ri(1, 8) * D, kcps: () => ri(0, 2) * D + ri(1, 7) * H, klic: () => ri(3, 20) * D, cove: () => 0 };
function coveBatch(w) { const d = new Date(w); return wall(d.getUTCFullYear(), d.getUTCMonth() + 2, 1, 9, ri(0, 50)); } // month+2 via Date.UTC overflow = 1st of next month
// event: e = {kind, summary, details, indicators, involves, ...}
function ev(ag, p, w, e, recOverride) {
  w = fix(w);
  let rec = recOverride ?? (ag === 'cove' ? coveBatch(w) : w + LAG[ag](w));
  rec = fix(rec);
  if (rec > CUTOFF || w < START) return null;
  const pr = getPerson(ag, p, rec, ag === 'kamb');
  const sid = `${{ dcpol: 'OCC', kcsc: 'EV', kamb: 'ePCR', ked: 'ATT', ksh: 'KSHV', kmat: 'DSL', kyjs: 'YJE', kcps: 'CPSD', klic: 'LCSR', cove: 'CTW' }[ag]}-${String(nid(ag + 'e')).padStart(6, '0')}`;
  const o = { type: 'event', agency: ag, source_id: sid, kind: e.kind, subject: pr.sid, occurred_at: w };
  for (const [k, v] of Object.entries(e)) if (!['kind', 'involvesP', 'endW', 'versions'].includes(k) && v !== undefined) o[k] = v;
  if (e.involvesP) { o.involves = [...(o.involves ?? [])]; for (const [q, role] of e.involvesP) o.involves.push({ person: getPerson(ag, q, rec).sid, role }); }
  if (ag === 'dcpol' && e.kind === 'missing_episode' && e.endW) {
    const endW = fix(e.endW); const rec2 = fix(endW + ri(20, 300) * 60000);
    if (rec < endW && rec2 <= CUTOFF) { lines.push({ ag, rec, seq: SEQ++, obj: { ...o } }); lines.push({ ag, rec: rec2, seq: SEQ++, obj: { ...o, ended_at: endW, outcome: e.outcome2 ?? 'Located' } }); delete o.outcome2; }
    else lines.push({ ag, rec: Math.max(rec, endW + 30 * 60000), seq: SEQ++, obj: { ...o, ended_at: endW } });
    for (const l of lines.slice(-2)) delete l.obj.outcome2;
  } else {
    if (e.endW) o.ended_at = fix(e.endW);
    lines.push({ ag, rec, seq: SEQ++, obj: o });
  }
  if (pr.firstUse > rec) pr.firstUse = rec;
  return { sid, rec, pr };
}
// ---- children
const children = [];
function mkChild(key, sex, dobW) {
  const c = mkPerson(sex, fmtDate(dobW), true); c.key = key; c.dobW = dobW; return c;
}
const adults = [];
function mkAdult(sex, age) { const a = mkPerson(sex, `${2016 - age}-${p2(ri(1, 12))}-${p2(ri(1, 28))}`, false); a.key = `A${adults.length + 1}`; adults.push(a); return a; }
const CSE_ADULTS = Array.from({ length: 8 }, () => { const a = mkAdult('male', ri(22, 48)); a.vrm = vrm(); a.handle = `${pick(['kernow', 'cove', 'dunes', 'tinner', 'westside'])}_${pick(['lad', 'king', 'boy', 'guy'])}${ri(7, 99)}`; a.hot = pick(['vape', 'takeaway', 'caravan', 'newquay', 'beach']); a.alias = chance(0.5) ? pick(['Kez', 'Big Dave', 'Taff', 'Smithy', 'Tinner', 'Bossy']) : null; return a; });
const CCE_ADULTS = Array.from({ length: 6 }, () => { const a = mkAdult('male', ri(19, 35)); a.vrm = vrm(); a.line = pick(['Bristol', 'Plymouth', 'London', 'Birmingham']); a.linePhone = phone(); a.hot = pick(['bus', 'truro', 'plym', 'bristol', 'skate']); a.alias = pick(['Ghost', 'Dubz', 'K-Dot', 'Smokes', 'Ace', 'Rico']); return a; });
const UNCLES = Array.from({ length: 12 }, () => mkAdult('male', ri(25, 60)));
const ind = (arr, p = 0.5) => (chance(p) ? arr : undefined);
// sign library: returns list of [agency, kindFactory]
function signs(c, type, adult, quiet) {
  const hot = HOT[adult.hot];
  const S = [];
  const pol = (w) => ev('dcpol', c, w, { kind: 'missing_episode', summary: `MFH ${c.given.toUpperCase()} ${c.family.toUpperCase()} REPORTED BY ${c.lacNow ? 'CARER' : 'MOTHER'}`, missing_from: c.lacNow ? 'care_placement' : 'home', risk_grading: pick(['medium', 'medium', 'high']), last_seen: pick(['Town centre', 'Getting into a dark car', 'Bus station', 'With older males']), involves: chance(0.6) ? [{ location: { ...hot, role: 'found_at' } }] : undefined, involvesP: chance(0.3) ? [[adult, 'found_with']] : undefined, indicators: ind(['missing', type === 'cse' ? 'older_associates' : 'hotspot_location'], 0.45), endW: w + ri(6, 70) * H, outcome: 'Open', outcome2: 'Located by patrol' });
  if (!quiet) {
    S.push((w) => { const r = pol(w); const st = chance(0.75) ? 'done' : 'declined'; if (r && chance(0.7)) ev('cove', c, w + ri(3, 7) * D, { kind: 'return_interview', episode: `dcpol:${r.sid}`, status: st, reason: st === 'declined' ? 'YP did not want to speak to a worker' : undefined, child_account: st === 'declined' ? undefined : type === 'cse' ? pick(['Was at a mate\'s. Some older ones were there, they had drink.', 'Dont want to say who I was with. They look after me.', 'Just went to Newquay, someone paid for the train.']) : pick(['Went Truro with some people. Was sound.', 'I owe someone, thats all Im saying.', 'Stayed in a flat, dont know whose.']) }); return r; });
    S.push((w) => pol(w));
    S.push((w) => ev('kamb', c, w, { kind: 'health_attendance', summary: type === 'cse' ? `Pt found heavily intoxicated at ${hot.name}; males on scene left on arrival` : 'Pt found semi-conscious in bus shelter, suspected cannabis and unknown substance', involves: [{ location: { ...hot } }], indicators: [type === 'cse' ? 'alcohol_misuse' : 'drug_misuse'] }));
    S.push((w) => ev('kcsc', c, w, { kind: 'contact_referral', summary: type === 'cse' ? 'Police notification: found in company of adult male, not known to family' : 'School concern: new clothes, cash, two phones; absent Fridays', details: 'MASH RAG amber. Referral recorded from backlog.', indicators: ind([type === 'cse' ? 'older_associates' : 'gifts_money'], 0.3) }));
    S.push((w) => ev('klic', c, w, { kind: 'concern', summary: type === 'cse' ? `Licensed driver reported young girl collected from school by adult in ${adult.vrm}` : `Youth seen making short visits to vehicles at the rank`, involves: [{ vehicle: adult.vrm }, { location: { ...hot } }] }));
    S.push((w) => ev('dcpol', c, w, { kind: 'intelligence', summary: type === 'cse' ? `INT: SUBJ SEEN IN VEH ${adult.vrm.replace(' ', '')} WITH OLDER MALE` : `INT: SUBJ LINKED TO ${adult.line.toUpperCase()} LINE, ${adult.alias}`, involves: [{ vehicle: adult.vrm }, ...(type === 'cce' ? [{ phone: adult.linePhone }] : [])], involvesP: chance(0.5) ? [[adult, 'associate']] : undefined, indicators: ind([type === 'cse' ? 'vehicle_unknown_adults' : 'older_associates']) }));
    if (type === 'cse') {
      S.push((w) => ev('ksh', c, w, { kind: 'sexual_health', summary: 'Attended walk-in; STI screen. Declined to name partner.', indicators: ind(['sti'], 0.5) }));
      S.push((w) => ev('kcsc', c, w, { kind: 'strategy_discussion', summary: 'Strategy discussion: concerns re older male, threshold for s47 not met', outcome: 'Single-agency follow-up' }));
      S.push((w) => ev('kmat', c, w, { kind: 'note', summary: 'DSL: new phone and expensive nails, says from a "friend" who picks her up in his car', indicators: ind(['gifts_money'], 0.3), involves: chance(0.4) ? [{ online: adult.handle + '@snapchat' }] : undefined }));
      S.push((w) => ev('cove', c, w, { kind: 'concern', summary: 'Summer outreach: seen at the dunes late with older males handing out drink', involves: [{ location: { ...HOT.caravan } }] }));
      S.push((w) => ev('ked', c, w, { kind: 'health_attendance', summary: 'Attended with unexplained bruising to wrists; accompanied by adult male who left', indicators: ind(['unexplained_injury'], 0.5) }));
    } else {
      S.push((w) => ev('kyjs', c, w, { kind: 'youth_justice', summary: 'Out of court disposal: possession of cannabis; asset: money and phones unexplained' }));
      S.push((w) => ev('dcpol', c, w, { kind: 'arrest', summary: `ARR PWITS, FOUND AT ${hot.name.toUpperCase()}, 2 PHONES`, involves: [{ phone: adult.linePhone }, { location: { ...hot } }] }));
      S.push((w) => ev('kmat', c, w, { kind: 'school_exclusion', summary: 'Fixed-term exclusion: found with large amount of cash and a knife', indicators: ind(['school_disengagement'], 0.3) }));
      S.push((w) => ev('ked', c, w, { kind: 'health_attendance', summary: 'Laceration to hand, says fell; seen by police later that night' }));
    }
  }
  // quiet signs
  S.push((w) => absenceHT(c, w, ri(8, 20), 'Unauthorised sessions, mostly Fridays and afternoons'));
  S.push((w) => ev('kamb', c, w, { kind: 'health_attendance', summary: 'Pt found asleep in bus shelter 03:10, not intoxicated, says waiting for a lift; declined conveyance' }));
  S.push((w) => ev('klic', c, w, { kind: 'note', summary: 'Operator log: taxi from school to Trevessa paid in advance by an adult account; passenger appeared young', involves: [{ location: { ...hot } }] }));
  S.push((w) => ev('kmat', c, w, { kind: 'note', summary: type === 'cse' ? 'Tutor: tired, withdrawn, stopped PE' : 'Tutor: two phones, falling asleep in class' }));
  return S;
}
// school absence: one event per half-term, re-sent weekly as sessions accrue (Friday 17:xx)
function absenceHT(c, w, total, why) {
  { const d = new Date(w); w = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 8, 50); }
  const first = ev('kmat', c, w, { kind: 'school_absence', summary: `Unauthorised absence this half-term: ${Math.min(4, total)} sessions`, details: why }, fix(nextFri(w)));
  if (!first) return null;
  let n = Math.min(4, total); let r = first.rec;
  const base = lines.at(-1).obj;
  while (n < total) { n = Math.min(total, n + ri(2, 5)); r += 7 * D; if (r > CUTOFF) break; lines.push({ ag: 'kmat', rec: fix(r), seq: SEQ++, obj: { ...base, summary: `Unauthorised absence this half-term: ${n} sessions`, details: why } }); }
  return first;
}
function nextFri(w) { const d = new Date(w); const add = (5 - d.getUTCDay() + 7) % 7 || 7; return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + add, 17, ri(0, 40)); }
// ---- exploited children
const INT = [...Array(9).fill('strong'), ...Array(13).fill('medium'), ...Array(10).fill('subtle'), ...Array(6).fill('oneagency'), ...Array(4).fill('late'), ...Array(3).fill('none')];
shuffle(INT);
const profiles = [];
const truthEx = new Map();
let k = 0;
for (let i = 0; i < 45; i++) {
  const type = i % 45 < 25 ? 'cse' : 'cce';
  const sex = type === 'cse' ? (chance(0.84) ? 'female' : 'male') : (chance(0.78) ? 'male' : 'female');
  const T = fix(wall(2016, 7, 1) + Math.floor(rnd() * (wall(2024, 9, 1) - wall(2016, 7, 1))) + ri(8, 20) * H);
  const ageT = 12.5 + rnd() * 5;
  const dobW = T - Math.floor(ageT * 365.25 * D); const dd = new Date(dobW);
  const c = mkChild(`C${String(++k).padStart(3, '0')}`, sex, Date.UTC(dd.getUTCFullYear(), dd.getUTCMonth(), dd.getUTCDate()));
  const intensity = INT[i];
  const adult = type === 'cse' ? CSE_ADULTS[i % 8] : CCE_ADULTS[i % 6];
  c.type = type; c.intensity = intensity; c.T = T; c.adult = adult;
  if (chance(0.25)) c.moved = { at: T - ri(60, 700) * D, addr: address() };
  children.push(c);
  profiles.push([c.key, 1, `${intensity}-${type}`, sex, c.dob]);
  // background
  if (intensity !== 'oneagency') {
    if (chance(0.4)) ev('kcsc', c, T - ri(800, 2500) * D, { kind: 'contact_referral', summary: pick(['Neglect concern from health visitor', 'Domestic incident notification', 'Parental alcohol misuse, school concern']), indicators: ind(['family_breakdown'], 0.3) });
    if (chance(0.3)) ev('dcpol', c, T - ri(300, 1500) * D, { kind: 'concern', summary: 'DOMESTIC: CHILD PRESENT. OP ENCOMPASS SENT', indicators: ind(['domestic_abuse_at_home'], 0.4) });
    if (chance(0.2)) { c.lac = T - ri(60, 360) * D; ev('kcsc', c, c.lac, { kind: 'looked_after_start', summary: 'Accommodated s20, placement in Trevessa' }); c.lacNow = true; }
  }
  const S = signs(c, type, adult, false);
  const quiet = S.slice(-4);
  let plan = [];
  const loud = S.slice(0, -4);
  if (intensity === 'strong') { const span = ri(270, 900); const n = ri(6, 11); const nMiss = ri(3, 6); for (let j = 0; j < nMiss; j++) plan.push([0, T - Math.floor(span * D * Math.pow((nMiss - j) / nMiss, 1.6)) + ri(0, 5) * D]); for (let j = 0; j < n - nMiss; j++) plan.push([ri(1, loud.length - 1), T - ri(10, span) * D]); }
  else if (intensity === 'medium') { const span = ri(120, 540); const nMiss = ri(1, 3); for (let j = 0; j < nMiss; j++) plan.push([j === 0 ? 0 : 1, T - ri(20, span) * D]); for (let j = 0; j < ri(2, 4); j++) plan.push([ri(2, loud.length - 1), T - ri(15, span) * D]); }
  else if (intensity === 'subtle') { for (let j = 0; j < ri(1, 3); j++) plan.push([loud.length + ri(0, 3), T - ri(30, 400) * D]); }
  else if (intensity === 'late') { for (let j = 0; j < ri(2, 4); j++) plan.push([ri(0, loud.length - 1), T - ri(14, 84) * D]); }
  else if (intensity === 'oneagency') {
    const ag = pick(type === 'cse' ? ['klic', 'kamb', 'cove', 'ksh', 'kmat'] : ['klic', 'kmat', 'kyjs', 'kamb']);
    c.oneAg = ag;
    for (let j = 0; j < ri(3, 6); j++) plan.push([`one:${ag}`, T - ri(20, 500) * D]);
  }
  for (const [si, w] of plan) {
    if (typeof si === 'string') oneAgencySign(c, si.slice(4), w, type, adult);
    else (si < loud.length ? loud[si] : quiet[si - loud.length])(w);
  }
  // the exploitation record
  let r;
  const how = pick(type === 'cse' ? ['crime', 'crime', 'strat'] : ['crime', 'strat', 'nrm']);
  if (how === 'crime') r = ev('dcpol', c, T, { kind: 'crime_report', summary: type === 'cse' ? 'CSE: SEXUAL ACTIVITY WITH A CHILD / ARRANGING CHILD SEX OFFENCE' : 'MODERN SLAVERY: CHILD CRIMINAL EXPLOITATION (COUNTY LINES)', involvesP: [[adult, 'suspect']], involves: [{ vehicle: adult.vrm }] });
  else if (how === 'strat') r = ev('kcsc', c, T, { kind: 'strategy_discussion', summary: type === 'cse' ? 'Strategy meeting: child is being sexually exploited; s47 to commence' : 'Strategy meeting: child is being criminally exploited by a county line; NRM referral', outcome: 'Section 47 enquiry' }, T + ri(2, 30) * H);
  else r = ev('kyjs', c, T, { kind: 'concern', summary: 'NRM referral submitted: child criminal exploitation, county lines (Plymouth)' }, T + ri(1, 3) * D);
  truthEx.set(c.key, r.rec);
  // afterwards
  if (chance(0.6)) ev('kcps', c, T + ri(60, 300) * D, { kind: 'charging_decision', outcome: pick(['charge', 'no_further_action', 'further_evidence_needed']), rationale: 'Reviewed on full file', involvesP: [[adult, 'suspect']] });
  if (chance(0.5)) ev('kcsc', c, T + ri(20, 60) * D, { kind: 'cp_plan_start', summary: 'Child protection plan: risk outside the home' });
  if (chance(0.5)) { const wm = T + ri(10, 200) * D; ev('dcpol', c, wm, { kind: 'missing_episode', summary: 'MFH', missing_from: c.lacNow ? 'care_placement' : 'home', risk_grading: 'high', endW: wm + ri(8, 40) * H, outcome: 'Open', outcome2: 'Found at address of concern' }); }
}
function oneAgencySign(c, ag, w, type, adult) {
  if (ag === 'klic') ev('klic', c, w, { kind: 'concern', summary: pick([`Girl/boy approx ${Math.round((w - c.dobW) / (365.25 * D))} seen getting into private hire ${adult.vrm} outside school, driver not the licensed driver`, 'Operator reports account paying for late-night fares for a young passenger to the holiday park', `CCTV at the rank: young person handed envelope by driver of ${adult.vrm}`]), involves: [{ vehicle: adult.vrm }] });
  else if (ag === 'kamb') ev('kamb', c, w, { kind: 'health_attendance', summary: pick(['Pt intoxicated at Porthkerris beach car park at 02:00, older males on scene', 'Pt found at holiday park, unknown tablets taken, adult who called 999 gave false name', 'Pt in distress on coast path, said she had been left there by a friend\'s boyfriend']), involves: [{ location: { ...HOT[adult.hot] } }] });
  else if (ag === 'cove') ev('cove', c, w, { kind: 'concern', summary: pick(['Outreach: seen with men in their 30s at the dunes after midnight', 'Outreach: YP says a man gives her lifts and vapes', 'Outreach: YP asked worker for a morning-after pill, would not say who with']) });
  else if (ag === 'ksh') ev('ksh', c, w, { kind: 'sexual_health', summary: pick(['EHC request, partner "older", declined to say age', 'STI screen positive; partner details withheld', 'Attended with adult male who answered for her']) });
  else if (ag === 'kmat') ev('kmat', c, w, { kind: 'note', summary: pick(['DSL: collected at the gate by an adult not on the contacts list', 'DSL: large sums of cash and a second phone', 'DSL: very tired, said was up all night "working"', 'DSL: peers say she has an older boyfriend with a car']) });
  else if (ag === 'kyjs') ev('kyjs', c, w, { kind: 'youth_justice', summary: pick(['Referral order meeting: mentions travelling to Plymouth with "mates"', 'Missed appointment, said had to go and see someone about money he owes', 'Worker noticed new trainers, cash and a cracked phone buzzing constantly']) });
}
// ---- never exploited
const NEG = [['ordinary', 160], ['neglect', 40], ['offending', 40], ['residential', 25], ['beachparty', 30], ['lifeguard', 15], ['seasonalwork', 25], ['schooltaxi', 15], ['selfharm', 30], ['domestic', 25], ['samesexhealth', 25], ['sibling', 15], ['friend', 10], ['youngcarer', 15], ['autistic', 15], ['asb', 20]];
const ex = children.slice();
for (const [prof, n] of NEG) for (let i = 0; i < n; i++) {
  const sex = chance(0.5) ? 'female' : 'male';
  const dobW = wall(2000, 1, 1) + Math.floor(rnd() * (wall(2013, 12, 31) - wall(2000, 1, 1))); const dd = new Date(dobW);
  const c = mkChild(`C${String(++k).padStart(3, '0')}`, prof === 'samesexhealth' ? 'female' : sex, Date.UTC(dd.getUTCFullYear(), dd.getUTCMonth(), dd.getUTCDate()));
  if (prof === 'sibling' || prof === 'friend') { const e = pick(ex); if (prof === 'sibling') { c.family = e.family; c.addr = e.addr; } c.rel = e; }
  if (chance(0.2)) c.moved = { at: wall(2016, 1, 1) + Math.floor(rnd() * 8 * 365 * D), addr: address() };
  children.push(c);
  profiles.push([c.key, 0, prof, c.sex, c.dob]);
  negative(c, prof);
}
function ageW(c, a) { return c.dobW + Math.floor(a * 365.25 * D) + ri(8, 20) * H; }
function inWin(w) { return w > START && w < CUTOFF - 10 * D; }
function tAt(c, a0, a1) { for (let t = 0; t < 20; t++) { const w = ageW(c, a0 + rnd() * (a1 - a0)); if (inWin(w)) return w; } return null; }
function summerNight(c, a0, a1) { for (let t = 0; t < 30; t++) { const w = tAt(c, a0, a1); if (!w) return null; const m = new Date(w).getUTCMonth(); if (m >= 5 && m <= 8) { const d = new Date(w); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), ri(21, 23), ri(0, 59)); } } return null; }
function E(ag, c, w, e, rec) { if (w) return ev(ag, c, w, e, rec); return null; }
function negative(c, prof) {
  const many = (n, f) => { for (let i = 0; i < n; i++) f(i); };
  if (prof === 'ordinary') { many(ri(1, 3), () => { const w = tAt(c, 5, 17); const r = rnd(); if (r < 0.3) E('ked', c, w, { kind: 'health_attendance', summary: pick(['Sprained ankle, football', 'Asthma exacerbation', 'Fall from bike', 'Allergic reaction'])}); else if (r < 0.55) absenceHT(c, w ?? START - 1, ri(2, 6), 'Term-time holiday, fine issued'); else if (r < 0.7) E('dcpol', c, w, { kind: 'crime_report', summary: 'ROBBERY OF PHONE BY PEERS, VICTIM' }); else if (r < 0.85) E('kamb', c, w, { kind: 'health_attendance', summary: 'Fall at playground, conveyed with parent' }); else E('kmat', c, w, { kind: 'note', summary: 'Parent meeting re friendship issues' }); }); }
  if (prof === 'neglect') { const w = tAt(c, 3, 12); E('kcsc', c, w, { kind: 'contact_referral', summary: 'Neglect: home conditions, school concern', indicators: ind(['family_breakdown'], 0.3) }); if (w) { E('kcsc', c, w + ri(20, 40) * D, { kind: 'assessment', outcome: 'Child in need plan' }); if (chance(0.5)) { E('kcsc', c, w + ri(60, 120) * D, { kind: 'section47_enquiry', summary: 'Neglect, s47' }); E('kcsc', c, w + ri(130, 160) * D, { kind: 'cp_plan_start', summary: 'CP plan: neglect' }); } many(ri(1, 3), (i) => absenceHT(c, w + ri(30, 700) * D, ri(6, 18), 'Late and absent, parent not engaging')); } }
  if (prof === 'offending') { many(ri(2, 4), () => { const w = tAt(c, 13, 17.5); E('dcpol', c, w, { kind: 'arrest', summary: pick(['ARR: SHOPLIFTING, TESCO POOL', 'ARR: CRIMINAL DAMAGE, BUS SHELTER', 'ARR: ASSAULT ON PEER AFTER SCHOOL', 'ARR: THEFT OF PEDAL CYCLE']) }); if (w && chance(0.6)) { E('kyjs', c, w + ri(10, 40) * D, { kind: 'youth_justice', summary: pick(['Referral order', 'Youth caution and programme', 'Triage: restorative work']) }); } if (w && chance(0.3)) E('dcpol', c, w + D, { kind: 'charge', summary: 'CHARGED, YOUTH COURT' }); }); if (chance(0.5)) E('kmat', c, tAt(c, 13, 16), { kind: 'school_exclusion', summary: 'Fixed-term exclusion: fighting' }); }
  if (prof === 'residential') { const w0 = tAt(c, 12, 15); if (!w0) return; c.lac = w0; c.lacNow = true; E('kcsc', c, w0, { kind: 'looked_after_start', summary: 'Residential placement, Polgarrow children\'s home' }); many(ri(4, 10), () => { const w = w0 + ri(10, 700) * D; const d = new Date(w); const ww = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 22, ri(0, 59)); const r = E('dcpol', c, ww, { kind: 'missing_episode', summary: 'MFC, NOT BACK BY CURFEW, HOME STAFF REPORT', missing_from: 'care_placement', risk_grading: pick(['low', 'medium', 'no_apparent_risk']), last_seen: 'Leaving the home on foot', involves: [{ location: { ...pick(NEUTRAL), role: 'found_at' } }], endW: ww + ri(2, 6) * H, outcome: 'Open', outcome2: 'Returned by self' }); if (r && chance(0.6)) E('cove', c, ww + 2 * D, { kind: 'return_interview', episode: `dcpol:${r.sid}`, status: 'done', child_account: 'Was at my mate\'s, lost track of time. Want to see my mum more.' }); }); E('kcsc', c, w0 + ri(100, 300) * D, { kind: 'strategy_discussion', summary: 'Strategy: repeated late returns; no exploitation indicators found, placement plan', outcome: 'No further action under s47' }); }
  if (prof === 'beachparty') { many(ri(1, 3), () => { const w = summerNight(c, 14, 17.8); const r = rnd(); if (r < 0.45) E('kamb', c, w && w + 3 * H, { kind: 'health_attendance', summary: 'Pt intoxicated at beach party with school friends, friends\' parent on scene', involves: [{ location: { ...HOT.beach } }], indicators: ['alcohol_misuse'] }); else if (r < 0.75) E('dcpol', c, w, { kind: 'note', summary: 'DISPERSAL: GROUP OF YOUTHS DRINKING ON BEACH, ALL SENT HOME', involves: [{ location: { ...HOT.beach } }], indicators: ind(['staying_out_late', 'alcohol_misuse'], 0.4) }); else E('cove', c, w, { kind: 'note', summary: 'Summer outreach: group of Year 11s at the dunes, friendly, given water and bus times', involves: [{ location: { ...HOT.caravan } }] }); }); }
  if (prof === 'lifeguard') { many(ri(2, 4), () => { const w = summerNight(c, 11, 17); E('kamb', c, w && w - 10 * H, { kind: 'health_attendance', summary: pick(['Surf club: board strike to head, conveyed', 'Weever fish sting, lifeguard on scene', 'Cold water shock, training session', 'Dislocated shoulder, surf competition']) }); }); }
  if (prof === 'seasonalwork') { const w = tAt(c, 8, 15); if (w) { E('kmat', c, w, { kind: 'education_change', summary: 'Left roll: family moved for season work at holiday park' }); E('kmat', c, w + ri(120, 200) * D, { kind: 'education_change', summary: 'Rejoined roll' }); absenceHT(c, w + ri(200, 400) * D, ri(8, 16), 'Family working at holiday park, child minding siblings'); if (chance(0.4)) E('kcsc', c, w + ri(30, 300) * D, { kind: 'contact_referral', summary: 'Housing: family in static caravan over winter, overcrowding' }); } }
  if (prof === 'schooltaxi') { many(ri(2, 4), () => E('klic', c, tAt(c, 8, 16), { kind: 'note', summary: pick(['School transport contract check: driver DBS current, passenger assistant present', 'Complaint: taxi late to school, child upset', 'Route change: new driver for contract, introduced to family']), involves: [{ vehicle: vrm() }] })); E('kmat', c, tAt(c, 8, 14), { kind: 'note', summary: 'EHCP annual review: autism, transport continues' }); }
  if (prof === 'selfharm') { many(ri(2, 4), () => { const w = tAt(c, 12, 17.5); E('ked', c, w, { kind: 'self_harm', summary: pick(['Overdose of paracetamol, CAMHS liaison', 'Cuts to forearm, CAMHS referral', 'Ligature attempt, admitted']), indicators: ind(['self_harm'], 0.5) }); if (w && chance(0.5)) E('kamb', c, w - 2 * H, { kind: 'health_attendance', summary: 'Pt taken overdose at home, mother called 999' }); }); absenceHT(c, tAt(c, 12, 16) ?? START - 1, ri(10, 25), 'Anxiety-based absence, CAMHS involved'); }
  if (prof === 'domestic') { many(ri(1, 3), () => { const w = tAt(c, 4, 15); E('dcpol', c, w, { kind: 'concern', summary: 'DOMESTIC: CHILD PRESENT. OP ENCOMPASS SENT', indicators: ind(['domestic_abuse_at_home'], 0.5) }); if (w) E('kmat', c, w + 12 * H, { kind: 'note', summary: 'Operation Encompass notification received, key adult informed' }); if (w && chance(0.5)) E('kcsc', c, w, { kind: 'contact_referral', summary: 'DA notification from police' }); }); }
  if (prof === 'samesexhealth') { many(ri(1, 3), () => E('ksh', c, tAt(c, 16, 17.9), { kind: 'sexual_health', summary: pick(['Contraception review, partner same age, no concerns', 'STI screen negative, partner 17, Fraser competent', 'Pill check']) })); if (chance(0.2)) E('ksh', c, tAt(c, 17, 17.9), { kind: 'pregnancy', summary: 'Pregnancy confirmed, partner 18, supportive family, midwife referral' }); }
  if (prof === 'sibling') { const e = c.rel; E('kcsc', c, e.T + ri(5, 40) * D, { kind: 'assessment', summary: 'Sibling assessment following sister/brother\'s exploitation', outcome: 'No further action' }); if (chance(0.5)) absenceHT(c, e.T + ri(10, 80) * D, ri(4, 10), 'Family upheaval'); }
  if (prof === 'friend') { const e = c.rel; const w = e.T - ri(30, 200) * D; const r = E('dcpol', c, w, { kind: 'missing_episode', summary: 'MFH, BELIEVED WITH FRIEND', missing_from: 'home', risk_grading: 'medium', involves: [{ location: { ...HOT[e.adult.hot], role: 'found_at' } }], endW: w + ri(5, 20) * H, outcome: 'Open', outcome2: 'Found with friend' }); if (r) { E('cove', c, w + 2 * D, { kind: 'return_interview', episode: `dcpol:${r.sid}`, status: 'done', child_account: 'Went with my mate. Never going again, it was weird and my mum went mad.' }); E('kcsc', c, w + 5 * D, { kind: 'strategy_discussion', summary: 'Strategy: single episode with peer; no indicators of exploitation for this child', outcome: 'No further action' }); } }
  if (prof === 'youngcarer') { E('kcsc', c, tAt(c, 9, 14), { kind: 'assessment', summary: 'Young carer assessment: mum MS', outcome: 'Young carers service' }); many(ri(2, 4), () => absenceHT(c, tAt(c, 9, 16) ?? START - 1, ri(6, 14), 'Caring for mum, late most days')); }
  if (prof === 'autistic') { many(ri(2, 4), () => { const w = tAt(c, 11, 17); const r = E('dcpol', c, w, { kind: 'missing_episode', summary: 'MFH, AUTISTIC, HIGH RISK, NO PHONE', missing_from: pick(['home', 'school']), risk_grading: 'high', last_seen: 'Walking towards station', involves: [{ location: { ...pick([HOT.truro, HOT.bus, NEUTRAL[3]]), role: 'found_at' } }], indicators: ind(['missing'], 0.3), endW: w && w + ri(3, 9) * H, outcome: 'Open', outcome2: 'Found alone at station looking at trains' }); if (r && chance(0.5)) E('cove', c, w + ri(1, 3) * D, { kind: 'return_interview', episode: `dcpol:${r.sid}`, ...(chance(0.5) ? { status: 'done', child_account: 'I wanted to see the trains at Truro.' } : { status: 'not_held', reason: 'Parent and school SENCO agreed a familiar adult would talk with the child instead' }) }); }); E('ked', c, tAt(c, 11, 16), { kind: 'health_attendance', summary: 'Meltdown at school, head injury against wall' }); }
  if (prof === 'asb') { many(ri(1, 3), () => E('klic', c, tAt(c, 13, 17), { kind: 'concern', summary: pick(['ASB: youths drinking in Camborne park, warning letter to parents', 'ASB: skateboarding in shopping precinct, warning', 'Community safety: group of teens at the skate park after dark, dispersed']), involves: [{ location: { ...pick([HOT.skate, NEUTRAL[2], NEUTRAL[4]]) } }] })); if (chance(0.4)) E('dcpol', c, tAt(c, 13, 17), { kind: 'note', summary: 'STOP CHECK: YOUTHS IN PARK, NO OFFENCES' }); }
}
// a few relationships from social care: claimed partner for some CSE children; uncles for hard negatives are in police stop checks
for (const c of children.filter((x) => x.type === 'cse' && x.intensity !== 'none' && x.intensity !== 'oneagency')) if (chance(0.35)) {
  const w = c.T - ri(20, 200) * D; const rec = fix(w + ri(1, 20) * D);
  if (w > START && rec < c.T) { const a = getPerson('kcsc', c, rec), b = getPerson('kcsc', c.adult, rec); lines.push({ ag: 'kcsc', rec, seq: SEQ++, obj: { type: 'relationship', agency: 'kcsc', source_id: `REL-${nid('rel')}`, from: a.sid, to: b.sid, kind: 'claimed_partner', since: fmtDate(w - 60 * D), reliability: 'tentative', note: 'Child describes him as her boyfriend; he is an adult' } }); }
}
// hard negatives: children seen getting into an uncle's car (police stop check, school log)
for (const c of children.filter((x) => !x.T).slice(0, 400)) if (chance(0.03)) { const u = pick(UNCLES); const w = tAt(c, 12, 16); if (w) { E('dcpol', c, w, { kind: 'note', summary: `STOP CHECK VEH ${u.vrm ??= vrm()}: DRIVER IS UNCLE OF PASSENGER, NO CONCERNS`, involves: [{ vehicle: u.vrm }], involvesP: [[u, 'family']] }); E('kmat', c, w + 2 * D, { kind: 'note', summary: 'Collected by uncle (on contacts list) in a car' }); } }
// a withdrawal: a few police intelligence logs entered on the wrong nominal and withdrawn
let withdrawn = 0;
// police intelligence logs keyed twice by the intelligence unit: the duplicate is withdrawn days later
for (const l of lines.filter((x) => x.ag === 'dcpol' && x.obj.kind === 'intelligence' && x.rec < CUTOFF - 40 * D).slice(0, 12)) {
  const dup = { ...l.obj, source_id: `OCC-${String(nid('dcpole')).padStart(6, '0')}` };
  const r1 = fix(l.rec + ri(3, 50) * 60000), r2 = fix(l.rec + ri(2, 20) * D);
  lines.push({ ag: 'dcpol', rec: r1, seq: SEQ++, obj: dup });
  lines.push({ ag: 'dcpol', rec: r2, seq: SEQ++, obj: { type: 'event', agency: 'dcpol', source_id: dup.source_id, withdrawn: true, reason: 'Duplicate entry of the same intelligence log' } });
  withdrawn++;
}
// ---- persons: emit each agency record 5-30 minutes before its first use; dcpol persons re-sent when the child moves
for (const pr of people) {
  const rec = fix(pr.firstUse - ri(5, 30) * 60000);
  lines.push({ ag: pr.ag, rec, seq: -1, obj: personObj(pr.ag, pr.p, pr.sid, rec), person: true });
  if (pr.p.moved && pr.ag !== 'kamb' && pr.p.moved.at > rec && pr.p.moved.at < CUTOFF && ['dcpol', 'kcsc', 'kmat'].includes(pr.ag)) {
    const r2 = fix(pr.p.moved.at + ri(1, 30) * D);
    if (r2 < CUTOFF) lines.push({ ag: pr.ag, rec: r2, seq: -1, obj: personObj(pr.ag, pr.p, pr.sid, r2), person: true });
  }
}
// ---- serialise
const FY = (w) => { const d = new Date(w); const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1; return `${y}-${String(y + 1).slice(2)}`; };
lines.sort((a, b) => a.rec - b.rec || a.seq - b.seq);
fs.rmSync(OUT, { recursive: true, force: true });
const files = new Map();
for (const l of lines) {
  const o = { ...l.obj };
  const police = l.ag === 'dcpol';
  for (const f of ['occurred_at', 'ended_at']) if (typeof o[f] === 'number') o[f] = police ? fmtZ(o[f]) : fmtWall(o[f]);
  o.recorded_at = police ? fmtOffset(l.rec) : fmtWall(l.rec);
  if (o.involves) o.involves = o.involves.map((x) => (x.location && x.location.role ? { location: { name: x.location.name, postcode: x.location.postcode }, role: x.location.role } : x.location ? { location: { name: x.location.name, postcode: x.location.postcode } } : x));
  const f = `years/${FY(l.rec)}/${l.ag}.ndjson`;
  if (!files.has(f)) files.set(f, []);
  files.get(f).push(JSON.stringify(o));
}
for (const [f, ls] of files) { fs.mkdirSync(path.join(OUT, path.dirname(f)), { recursive: true }); fs.writeFileSync(path.join(OUT, f), ls.join('\n') + '\n'); }
const fys = [...new Set([...files.keys()].map((f) => f.split('/')[1]))].sort();
const sh = ['#!/bin/sh', '# Loads "Carnhallow" (round 10) into Threadline. THREADLINE_CLI names the command (default: threadline).', 'set -e', 'cd "$(dirname "$0")"', 'CLI=${THREADLINE_CLI:-threadline}', '$CLI migrate'];
for (const [c, n, kd] of AG) sh.push(`$CLI agencies add ${c} --name "${n}" --kind ${kd} >/dev/null`);
for (const fy of fys) sh.push(`$CLI import ${[...files.keys()].filter((f) => f.split('/')[1] === fy).sort((a, b) => (a.includes('/dcpol.') ? 0 : 1) - (b.includes('/dcpol.') ? 0 : 1) || a.localeCompare(b)).join(' ')} >/dev/null`);
fs.writeFileSync(path.join(OUT, 'IMPORT.sh'), sh.join('\n') + '\n', { mode: 0o755 });
// truth
const tr = ['person_key,agency,source_id,exploited,first_exploitation_recorded_at'];
const byKey = new Map(children.map((c) => [c.key, c]));
const truthRows = people.filter((pr) => pr.p.isChild).sort((a, b) => a.p.key.localeCompare(b.p.key) || a.ag.localeCompare(b.ag) || a.sid.localeCompare(b.sid));
for (const pr of truthRows) { const c = byKey.get(pr.p.key); tr.push([c.key, pr.ag, pr.sid, c.T ? 1 : 0, c.T ? fmtWall(truthEx.get(c.key)) : ''].join(',')); }
fs.writeFileSync(path.join(OUT, 'truth.csv'), tr.join('\n') + '\n');
const withRec = new Set(truthRows.map((p) => p.p.key));
fs.writeFileSync(path.join(OUT, 'profiles.csv'), ['person_key,exploited,profile_or_intensity,sex,date_of_birth', ...profiles.filter((p) => withRec.has(p[0])).map((p) => p.join(','))].join('\n') + '\n');
const stats = { children: children.length, children_with_records: withRec.size, exploited: 45, lines: lines.length, person_versions: lines.filter((l) => l.person).length, withdrawals: withdrawn, files: files.size, by_intensity: {}, by_agency: {} };
for (const c of children) if (c.T) stats.by_intensity[`${c.intensity}-${c.type}`] = (stats.by_intensity[`${c.intensity}-${c.type}`] ?? 0) + 1;
for (const l of lines) stats.by_agency[l.ag] = (stats.by_agency[l.ag] ?? 0) + 1;
fs.writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n');
console.error(`wrote ${OUT}: ${lines.length} lines in ${files.size} files; ${withRec.size} children with records`);
