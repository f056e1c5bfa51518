// Checks risk/r8 against the published import format (docs/import-format.md, 1.4) and the layout
// score-risk.mjs reads, without the product. Usage: node check-risk.mjs [AREA] (default risk/r8).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const AREA = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r8'));
const errors = [];
const err = (m) => errors.length < 50 && errors.push(m);

const sh = fs.readFileSync(path.join(AREA, 'IMPORT.sh'), 'utf8');
const agencies = new Set([...sh.matchAll(/agencies add (\S+) --name "[^"]+" --kind (police|childrens_social_care|health|education|prosecutor|youth_justice|voluntary|other)\n/g)].map((m) => m[1]));
const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '));
const IND = new Set('staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' '));
const ROLES = new Set('suspect victim witness associate family professional found_at found_with'.split(' '));
const REL = new Set('family parent carer lives_with associate peer claimed_partner professional'.split(' '));
const TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/;
const PC = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;
const VRM = /^[A-Z]{2}\d\d [A-Z]{3}$/;
function lastSun(y) {
  const d = new Date(Date.UTC(y, 3, 0));
  return Date.UTC(y, 2, d.getUTCDate() - d.getUTCDay());
}
function time(v, where) {
  const m = TIME.exec(v ?? '');
  if (!m) return err(`${where}: not a London wall-clock time: ${v}`);
  const ms = Date.parse(v + 'Z');
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== v) return err(`${where}: invalid time ${v}`);
  const ls = lastSun(Number(m[1]));
  if (ms >= ls + 3600000 && ms < ls + 7200000) err(`${where}: skipped hour ${v}`);
  if (m[4] === '24') err(`${where}: hour 24`);
  return ms;
}
function nhsOk(s) {
  const d = s.replace(/ /g, '');
  if (!/^\d{10}$/.test(d)) return false;
  const sum = [...d.slice(0, 9)].reduce((a, x, i) => a + Number(x) * (10 - i), 0);
  let c = 11 - (sum % 11);
  if (c === 11) c = 0;
  return c !== 10 && c === Number(d[9]);
}
function texts(o, where, depth = 1) {
  if (depth > 16) err(`${where}: nesting`);
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (!(k === 'restricted' || k === 'is_child' || k === 'confidential' || k === 'withdrawn')) err(`${where}: ${k} is not text`);
    } else if (typeof v === 'string') {
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/.test(v)) err(`${where}: control char in ${k}`);
      if (!['summary', 'details', 'outcome', 'last_seen', 'rationale', 'note', 'reason', 'child_account'].includes(k) && (v.length > 1000 || /[\t\n\r]/.test(v))) err(`${where}: ${k} too long or has a line break`);
    } else if (v && typeof v === 'object') texts(v, `${where}.${k}`, depth + 1);
  }
}

const persons = new Map(); // agency:sid -> {rec, obj}
const firstRef = new Map();
const eventsByPerson = new Map();
let n = 0;
const fyOf = (ms) => {
  const d = new Date(ms);
  const fy = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
};
const imported = [...sh.matchAll(/years\/(\S+)\/\*\.ndjson/g)].map((m) => m[1]);
const years = fs.readdirSync(path.join(AREA, 'years')).sort();
if (JSON.stringify(imported) !== JSON.stringify(years)) err(`IMPORT.sh imports ${imported} but years/ holds ${years}`);
const all = [];
for (const fy of years) {
  for (const f of fs.readdirSync(path.join(AREA, 'years', fy)).sort()) {
    const agency = f.replace(/\.ndjson$/, '');
    if (!agencies.has(agency)) err(`${fy}/${f}: agency not registered`);
    const lines = fs.readFileSync(path.join(AREA, 'years', fy, f), 'utf8').split('\n');
    let prev = 0;
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const where = `${fy}/${f}:${i + 1}`;
      n++;
      let o;
      try {
        o = JSON.parse(l);
      } catch {
        return err(`${where}: not JSON`);
      }
      if (o.agency !== agency) err(`${where}: agency ${o.agency}`);
      if (typeof o.source_id !== 'string' || !o.source_id) err(`${where}: source_id`);
      texts(o, where);
      const rec = time(o.recorded_at, `${where} recorded_at`);
      if (rec < prev) err(`${where}: out of recorded_at order`);
      prev = rec;
      if (fyOf(rec) !== fy) err(`${where}: in ${fy} but recorded ${o.recorded_at}`);
      if (rec > Date.parse('2025-03-30T00:00:00Z')) err(`${where}: recorded after 2025-03-29`);
      all.push({ o, rec, where });
    });
  }
}
all.sort((a, b) => a.rec - b.rec);
const ref = (agency, sid, rec, where) => {
  const k = `${agency}:${sid}`;
  const p = persons.get(k);
  if (!p || p.rec > rec) err(`${where}: dangling reference ${k}`);
};
let nev = 0;
for (const { o, rec, where } of all) {
  if (o.type === 'person') {
    if (!o.given_name && !o.family_name) err(`${where}: no name`);
    if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${where}: sex`);
    if (o.date_of_birth && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(o.date_of_birth)) err(`${where}: dob ${o.date_of_birth}`);
    if (o.date_of_birth?.length === 10 && new Date(o.date_of_birth + 'T00:00:00Z').toISOString().slice(0, 10) !== o.date_of_birth) err(`${where}: dob not a date ${o.date_of_birth}`);
    if (o.nhs_number && !nhsOk(o.nhs_number)) err(`${where}: nhs ${o.nhs_number}`);
    if (o.address?.postcode && !PC.test(o.address.postcode)) err(`${where}: postcode ${o.address.postcode}`);
    if (!persons.has(`${o.agency}:${o.source_id}`)) persons.set(`${o.agency}:${o.source_id}`, { rec, obj: o });
  } else if (o.type === 'event') {
    nev++;
    if (!KINDS.has(o.kind)) err(`${where}: kind ${o.kind}`);
    ref(o.agency, o.subject, rec, where);
    const occ = time(o.occurred_at, `${where} occurred_at`);
    if (o.ended_at && time(o.ended_at, `${where} ended_at`) < occ) err(`${where}: ended before occurred`);
    if (occ > rec) err(`${where}: occurred after recorded`);
    for (const i of o.indicators ?? []) if (!IND.has(i)) err(`${where}: indicator ${i}`);
    for (const x of o.involves ?? []) {
      if (x.role && !ROLES.has(x.role)) err(`${where}: role ${x.role}`);
      if (x.person) ref(o.agency, x.person, rec, where);
      if (x.vehicle && !VRM.test(x.vehicle)) err(`${where}: vehicle ${x.vehicle}`);
      if (x.location && (!x.location.name || !PC.test(x.location.postcode))) err(`${where}: location`);
      if (x.phone && !/^07700 900\d{3}$/.test(x.phone)) err(`${where}: phone`);
    }
    if (o.missing_from && !['home', 'care_placement', 'school', 'other'].includes(o.missing_from)) err(`${where}: missing_from`);
    if (o.risk_grading && !['no_apparent_risk', 'low', 'medium', 'high'].includes(o.risk_grading)) err(`${where}: risk_grading`);
    if (o.kind === 'return_interview') {
      if (!['done', 'declined', 'not_held'].includes(o.status)) err(`${where}: status`);
      if (o.status !== 'done' && !o.reason) err(`${where}: reason required`);
      if (o.episode && !/^tpol:\S+$/.test(o.episode)) err(`${where}: episode`);
    }
    if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${where}: charging outcome`);
    const k = `${o.agency}:${o.subject}`;
    if (!eventsByPerson.has(k)) eventsByPerson.set(k, []);
    eventsByPerson.get(k).push(o);
  } else if (o.type === 'relationship') {
    ref(o.agency, o.from, rec, where);
    ref(o.agency, o.to, rec, where);
    if (!REL.has(o.kind)) err(`${where}: relationship kind`);
    if (o.reliability && !['confirmed', 'tentative', 'unconfirmed'].includes(o.reliability)) err(`${where}: reliability`);
  } else err(`${where}: type ${o.type}`);
}
// truth
const tl = fs.readFileSync(path.join(AREA, 'truth.csv'), 'utf8').trim().split('\n');
if (tl.shift() !== 'person_key,agency,source_id,exploited,first_exploitation_recorded_at') err('truth header');
const keys = new Map();
for (const l of tl) {
  const [key, agency, sid, ex, first] = l.split(',');
  if (!persons.has(`${agency}:${sid}`)) err(`truth: ${agency}:${sid} is not a person record`);
  if (persons.get(`${agency}:${sid}`)?.obj.is_child === false) err(`truth: ${agency}:${sid} is an adult`);
  if (!keys.has(key)) keys.set(key, { ex, first, recs: [] });
  const K = keys.get(key);
  if (K.ex !== ex || K.first !== first) err(`truth: ${key} rows disagree`);
  K.recs.push(`${agency}:${sid}`);
}
let exploited = 0;
for (const [key, K] of keys) {
  if (K.ex === '1') {
    exploited++;
    const evs = K.recs.flatMap((r) => eventsByPerson.get(r) ?? []);
    if (!evs.some((e) => e.recorded_at === K.first)) err(`truth: ${key} first exploitation time matches no event of the child`);
  } else if (K.first) err(`truth: ${key} never exploited but has a time`);
}
const childPersons = [...persons.values()].filter((p) => p.obj.is_child !== false).length;
if (childPersons !== tl.length) err(`truth has ${tl.length} rows but there are ${childPersons} child person records`);
console.log(`${n} lines (${persons.size} persons, ${nev} event versions), ${keys.size} children in truth, ${exploited} exploited (${((100 * exploited) / keys.size).toFixed(1)}%)`);
if (errors.length) {
  console.log(errors.join('\n'));
  process.exit(1);
}
console.log('ok');
