// Checks risk/r9 (or the folder given) against docs/import-format.md (1.4) and the layout score-risk.mjs reads.
// Usage: node check-risk.mjs [AREA]   Exit 1 on any problem.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AREA = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r9'));
const problems = [];
const bad = (m) => { if (problems.length < 50) problems.push(m); else if (problems.length === 50) problems.push('...'); };

const KINDS = 'concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' ');
const INDS = 'staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' ');
const ROLES = 'suspect victim witness associate family professional found_at found_with'.split(' ');
const RELK = 'family parent carer lives_with associate peer claimed_partner professional'.split(' ');
const AKINDS = 'police childrens_social_care health education prosecutor youth_justice voluntary other'.split(' ');
const END = '2025-03-28T23:59:59';

// IMPORT.sh
const sh = fs.readFileSync(path.join(AREA, 'IMPORT.sh'), 'utf8');
const agencies = new Set();
for (const m of sh.matchAll(/agencies add (\S+) --name "[^"]+" --kind (\S+)/g)) { agencies.add(m[1]); if (!AKINDS.includes(m[2])) bad(`IMPORT.sh: kind ${m[2]}`); }
const imported = [...sh.matchAll(/import ((?:years\/\S+ ?)+)/g)].flatMap((m) => m[1].trim().split(' '));
if (!/\$CLI migrate/.test(sh)) bad('IMPORT.sh: no migrate');

function lastSunMarch(y) { const d = new Date(Date.UTC(y, 3, 0)); return d.getUTCDate() - d.getUTCDay(); }
function checkTime(s, what) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/.exec(s ?? '');
  if (!m) return bad(`${what}: not a London wall-clock time: ${s}`);
  const [y, mo, d, h] = m.slice(1).map(Number);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || h > 23) bad(`${what}: no such time ${s}`);
  if (mo === 3 && d === lastSunMarch(y) && h === 1) bad(`${what}: in the skipped hour ${s}`);
  if (y < 1900 || y > 2100) bad(`${what}: year ${s}`);
}
function checkDate(s, what, partial) {
  if (partial && /^\d{4}(-\d\d)?$/.test(s)) return;
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s ?? '');
  if (!m) return bad(`${what}: not a date ${s}`);
  const dt = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (dt.getUTCDate() !== +m[3] || dt.getUTCMonth() !== +m[2] - 1) bad(`${what}: no such date ${s}`);
}
const nhsOk = (n) => { const d = n.replace(/ /g, ''); if (!/^\d{10}$/.test(d)) return false; const sum = [...d.slice(0, 9)].reduce((a, x, i) => a + +x * (10 - i), 0); const c = 11 - (sum % 11); return c !== 10 && (c === 11 ? 0 : c) === +d[9]; };
const PC = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$/i;
const fyOf = (s) => { const y = +s.slice(0, 4), mo = +s.slice(5, 7); const fy = mo >= 4 ? y : y - 1; return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`; };
function noNumbers(o, what, skip = new Set(['source_id', 'subject', 'from', 'to', 'person'])) {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' && !skip.has(k)) bad(`${what}: number in ${k}`);
    if (v && typeof v === 'object') noNumbers(v, what, skip);
  }
}

const persons = new Map(); // agency:source_id -> person
const events = new Map();
const eventRec = new Map(); // agency:source_id -> [recorded_at]
let n = 0;
const counts = {};
const files = [];
for (const fy of fs.readdirSync(path.join(AREA, 'years')).sort()) for (const f of fs.readdirSync(path.join(AREA, 'years', fy)).sort()) files.push(`years/${fy}/${f}`);
for (const f of files) if (!imported.includes(f)) bad(`${f} not imported by IMPORT.sh`);
for (const f of imported) if (!files.includes(f)) bad(`IMPORT.sh imports ${f}, which does not exist`);
// read in import order (as IMPORT.sh does)
for (const f of imported) {
  const lines = fs.readFileSync(path.join(AREA, f), 'utf8').split('\n').filter((l) => l.trim());
  let prev = '';
  lines.forEach((l, i) => {
    const w = `${f}:${i + 1}`;
    let o;
    try { o = JSON.parse(l); } catch { return bad(`${w}: not JSON`); }
    n++;
    if (!agencies.has(o.agency)) bad(`${w}: agency ${o.agency} not registered`);
    if (!f.endsWith(`/${o.agency}.ndjson`)) bad(`${w}: agency ${o.agency} in the wrong file`);
    if (typeof o.source_id !== 'string' || !o.source_id) bad(`${w}: source_id`);
    checkTime(o.recorded_at, `${w} recorded_at`);
    if (o.recorded_at > END) bad(`${w}: recorded_at after ${END}`);
    if (o.recorded_at < prev) bad(`${w}: not in recorded_at order`);
    prev = o.recorded_at;
    if (fyOf(o.recorded_at) !== f.split('/')[1]) bad(`${w}: recorded_at ${o.recorded_at} outside ${f.split('/')[1]}`);
    noNumbers(o, w);
    for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/.test(v)) bad(`${w}: control character in ${k}`);
    const key = `${o.agency}:${o.source_id}`;
    counts[o.type] = (counts[o.type] ?? 0) + 1;
    if (o.type === 'person') {
      if (!o.given_name && !o.family_name) bad(`${w}: person without a name`);
      if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) bad(`${w}: sex ${o.sex}`);
      if (o.date_of_birth) checkDate(o.date_of_birth, `${w} date_of_birth`, true);
      if (o.nhs_number && (!nhsOk(o.nhs_number) || !o.nhs_number.startsWith('999'))) bad(`${w}: NHS number ${o.nhs_number}`);
      if (o.address?.postcode && !PC.test(o.address.postcode)) bad(`${w}: postcode ${o.address.postcode}`);
      if (o.phone && !/^07700 900\d{3}$/.test(o.phone)) bad(`${w}: phone ${o.phone}`);
      if (typeof o.is_child !== 'boolean') bad(`${w}: is_child`);
      persons.set(key, o);
    } else if (o.type === 'event') {
      if (o.withdrawn) { if (!events.has(key)) bad(`${w}: withdrawal of an event never sent`); return; }
      if (!KINDS.includes(o.kind)) bad(`${w}: kind ${o.kind}`);
      if (!persons.has(`${o.agency}:${o.subject}`)) bad(`${w}: subject ${o.subject} not sent before`);
      checkTime(o.occurred_at, `${w} occurred_at`);
      if (o.occurred_at > o.recorded_at) bad(`${w}: occurred after recorded`);
      if (o.ended_at) { checkTime(o.ended_at, `${w} ended_at`); if (o.ended_at < o.occurred_at) bad(`${w}: ended before it began`); if (o.ended_at > o.recorded_at) bad(`${w}: ended after it was recorded`); }
      for (const x of o.indicators ?? []) if (!INDS.includes(x)) bad(`${w}: indicator ${x}`);
      for (const v of o.involves ?? []) {
        if (v.role && !ROLES.includes(v.role)) bad(`${w}: role ${v.role}`);
        if (v.person && !persons.has(`${o.agency}:${v.person}`)) bad(`${w}: involves ${v.person} not sent before`);
        if (v.vehicle && !/^[A-Z]{2}\d{2} [A-Z]{3}$/.test(v.vehicle)) bad(`${w}: vehicle ${v.vehicle}`);
        if (v.phone && !/^07700 900\d{3}$/.test(v.phone)) bad(`${w}: phone ${v.phone}`);
        if (v.location && (!v.location.name || !PC.test(v.location.postcode))) bad(`${w}: location`);
      }
      if (o.kind === 'missing_episode') {
        if (o.missing_from && !['home', 'care_placement', 'school', 'other'].includes(o.missing_from)) bad(`${w}: missing_from`);
        if (o.risk_grading && !['no_apparent_risk', 'low', 'medium', 'high'].includes(o.risk_grading)) bad(`${w}: risk_grading`);
      }
      if (o.kind === 'return_interview') {
        if (!['done', 'declined', 'not_held'].includes(o.status)) bad(`${w}: status`);
        if (o.status !== 'done' && !o.reason) bad(`${w}: reason missing`);
        if (o.episode && !events.has(o.episode)) bad(`${w}: episode ${o.episode} not sent before`);
        else if (o.episode && events.get(o.episode).kind !== 'missing_episode') bad(`${w}: episode is not a missing episode`);
      }
      if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) bad(`${w}: outcome ${o.outcome}`);
      events.set(key, o);
      if (!eventRec.has(key)) eventRec.set(key, []);
      eventRec.get(key).push(o.recorded_at);
    } else if (o.type === 'relationship') {
      if (!RELK.includes(o.kind)) bad(`${w}: relationship kind`);
      if (o.reliability && !['confirmed', 'tentative', 'unconfirmed'].includes(o.reliability)) bad(`${w}: reliability`);
      for (const r of [o.from, o.to]) if (!persons.has(`${o.agency}:${r}`)) bad(`${w}: ${r} not sent before`);
    } else bad(`${w}: type ${o.type}`);
  });
}
// truth
const tl = fs.readFileSync(path.join(AREA, 'truth.csv'), 'utf8').trim().split('\n');
if (tl.shift() !== 'person_key,agency,source_id,exploited,first_exploitation_recorded_at') bad('truth.csv header');
const truthRec = new Set();
const kids = new Map();
for (const l of tl) {
  const [k, ag, sid, ex, tx] = l.split(',');
  const p = persons.get(`${ag}:${sid}`);
  if (!p) bad(`truth ${l}: no such person record`);
  else if (!p.is_child) bad(`truth ${l}: not a child's record`);
  if (truthRec.has(`${ag}:${sid}`)) bad(`truth ${l}: record listed twice`);
  truthRec.add(`${ag}:${sid}`);
  if (!kids.has(k)) kids.set(k, { ex, tx, recs: [] });
  const K = kids.get(k);
  if (K.ex !== ex || K.tx !== tx) bad(`truth ${k}: rows disagree`);
  K.recs.push(`${ag}:${sid}`);
  if (ex === '1') checkTime(tx, `truth ${k}`); else if (tx) bad(`truth ${k}: never exploited with a time`);
}
for (const [key, p] of persons) if (p.is_child && !truthRec.has(key)) bad(`${key}: a child's record missing from truth.csv`);
// each exploited child's time is the recorded_at of one of its events
const evBySubject = new Map();
for (const [key, e] of events) { const s = `${e.agency}:${e.subject}`; if (!evBySubject.has(s)) evBySubject.set(s, []); evBySubject.get(s).push(...eventRec.get(key)); }
let ex = 0;
for (const [k, K] of kids) if (K.ex === '1') {
  ex++;
  if (!K.recs.some((r) => (evBySubject.get(r) ?? []).includes(K.tx))) bad(`truth ${k}: ${K.tx} is no event's recorded_at`);
}
// profiles
const pl = fs.readFileSync(path.join(AREA, 'profiles.csv'), 'utf8').trim().split('\n');
if (pl.shift() !== 'person_key,exploited,profile_or_intensity,sex,date_of_birth') bad('profiles.csv header');
for (const l of pl) { const [k, e] = l.split(','); if (!kids.has(k)) bad(`profiles ${k}: not in truth`); else if (kids.get(k).ex !== e) bad(`profiles ${k}: exploited differs`); }
if (pl.length !== kids.size) bad(`profiles.csv has ${pl.length} children, truth ${kids.size}`);
console.log(`${AREA}: ${n} lines in ${files.length} files (${Object.entries(counts).map(([a, b]) => `${b} ${a}`).join(', ')}); ${kids.size} children, ${ex} exploited (${((100 * ex) / kids.size).toFixed(1)}%)`);
if (problems.length) { console.log(`${problems.length} problem(s):\n` + problems.join('\n')); process.exit(1); }
console.log('no problems found');
