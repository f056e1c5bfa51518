// Checks risk/r10 (or the folder given) against import format 1.1 and the layout score-risk.mjs reads.
// Usage: node check-risk.mjs [AREA]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const AREA = path.resolve(process.argv[2] ?? path.join(here, 'risk', 'r10'));
const errs = [];
const err = (m) => { if (errs.length < 50) errs.push(m); else if (errs.length === 50) errs.push('...'); };
const AGENCIES = new Set(['dcpol', 'kcsc', 'kamb', 'ked', 'ksh', 'kmat', 'kyjs', 'kcps', 'klic', 'cove']);
const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '));
const IND = new Set('staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' '));
const ROLES = new Set(['suspect', 'victim', 'witness', 'associate', 'family', 'professional', 'found_with']);
const RELK = new Set(['family', 'parent', 'carer', 'lives_with', 'associate', 'peer', 'claimed_partner', 'professional']);
const PC = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}$/i;
const VRM = /^[A-Z]{2}[0-9]{2} ?[A-Z]{3}$/;
function nhsOk(s) { const d = s.replace(/ /g, ''); if (!/^\d{10}$/.test(d)) return false; const sum = [...d.slice(0, 9)].reduce((a, x, i) => a + Number(x) * (10 - i), 0); const c = 11 - (sum % 11); return c !== 10 && (c === 11 ? 0 : c) === Number(d[9]); }
function lastSunUtc(y, m) { const d = new Date(Date.UTC(y, m + 1, 0)); return Date.UTC(y, m, d.getUTCDate() - d.getUTCDay(), 1); }
function toMs(s, where) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(Z|[+-]\d\d:\d\d)?$/.exec(s);
  if (!m) { err(`${where}: bad time ${s}`); return NaN; }
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  const w = Date.UTC(y, mo - 1, d, h, mi, se);
  if (h > 23 || new Date(w).getUTCDate() !== d) err(`${where}: impossible time ${s}`);
  if (y < 1900 || y > 2100) err(`${where}: year ${s}`);
  if (m[7] === 'Z') return w;
  if (m[7]) { const sg = m[7][0] === '+' ? 1 : -1; return w - sg * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4))) * 60000; }
  const ls = lastSunUtc(y, 2);
  if (w >= ls && w < ls + 3600000) err(`${where}: time in the skipped hour ${s}`);
  const g = w - 3600000; const bst = g >= lastSunUtc(y, 2) && g < lastSunUtc(y, 9);
  return w - (bst ? 3600000 : 0);
}
const isText = (v) => typeof v === 'string' && v.trim() !== '' && !/[\t\n\r\u2028\u2029]/.test(v);
const sh = fs.readFileSync(path.join(AREA, 'IMPORT.sh'), 'utf8');
const files = [];
for (const l of sh.split('\n')) { const m = /^\$CLI import (.*) >\/dev\/null$/.exec(l); if (m) files.push(...m[1].split(' ')); }
const added = [...sh.matchAll(/agencies add (\S+) --name "[^"]+" --kind (police|childrens_social_care|health|education|prosecutor|youth_justice|voluntary|other)/g)].map((m) => m[1]);
if (added.length !== 10 || added.some((a) => !AGENCIES.has(a))) err('IMPORT.sh agencies');
const persons = new Map(); // ag:sid -> latest person obj
const events = new Map(); // ag:sid -> {subject, recs: [...]}
const childEventRecs = new Map();
let n = 0, maxRec = 0;
const CUTOFF = toMs('2025-03-28T23:59:00', 'cutoff');
for (const f of files) {
  const fy = f.split('/')[1]; const ag = path.basename(f, '.ndjson');
  const text = fs.readFileSync(path.join(AREA, f), 'utf8');
  let prev = 0;
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const where = `${f}:${i + 1}`; n++;
    let o; try { o = JSON.parse(line); } catch { return err(`${where}: not JSON`); }
    if (o.agency !== ag) err(`${where}: agency ${o.agency}`);
    if (!['person', 'event', 'relationship'].includes(o.type)) err(`${where}: type ${o.type} (1.1 only)`);
    if (!isText(o.source_id)) err(`${where}: source_id`);
    const rec = toMs(o.recorded_at ?? '', `${where} recorded_at`);
    if (rec < prev) err(`${where}: not in recorded_at order`);
    prev = rec; if (rec > CUTOFF) err(`${where}: recorded after 2025-03-28`);
    maxRec = Math.max(maxRec, rec);
    const lw = new Date(rec + 3600000 * (o.recorded_at.endsWith('+01:00') || (!/[Z+]/.test(o.recorded_at.slice(19)) && false) ? 1 : 0));
    const yy = Number(o.recorded_at.slice(0, 4)), mm = Number(o.recorded_at.slice(5, 7));
    const fyy = mm >= 4 ? yy : yy - 1; if (fy !== `${fyy}-${String(fyy + 1).slice(2)}`) err(`${where}: in FY file ${fy}`);
    void lw;
    for (const [k, v] of Object.entries(o)) if (typeof v === 'number') err(`${where}: number in ${k}`);
    const key = `${ag}:${o.source_id}`;
    if (o.withdrawn) { if (!events.has(key)) err(`${where}: withdrawal of unknown ${key}`); else events.get(key).withdrawn = true; return; }
    if (o.type === 'person') {
      if (!isText(o.given_name ?? '') && !isText(o.family_name ?? '')) err(`${where}: no name`);
      if (o.date_of_birth && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(o.date_of_birth)) err(`${where}: dob`);
      if (!['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${where}: sex`);
      if (o.nhs_number && !nhsOk(o.nhs_number)) err(`${where}: nhs ${o.nhs_number}`);
      if (o.address?.postcode && !PC.test(o.address.postcode)) err(`${where}: postcode ${o.address.postcode}`);
      persons.set(key, o);
    } else if (o.type === 'relationship') {
      if (!persons.has(`${ag}:${o.from}`) || !persons.has(`${ag}:${o.to}`)) err(`${where}: relationship to a person not yet sent`);
      if (!RELK.has(o.kind)) err(`${where}: rel kind`);
      if (o.reliability && !['confirmed', 'tentative', 'unconfirmed'].includes(o.reliability)) err(`${where}: reliability`);
    } else {
      if (!KINDS.has(o.kind)) err(`${where}: kind ${o.kind}`);
      if (!persons.has(`${ag}:${o.subject}`)) err(`${where}: subject ${o.subject} not yet sent`);
      const occ = toMs(o.occurred_at ?? '', `${where} occurred_at`);
      if (occ > rec) err(`${where}: occurred after recorded`);
      if (o.ended_at) { const e = toMs(o.ended_at, `${where} ended_at`); if (e < occ || e > rec) err(`${where}: ended_at outside occurred..recorded`); }
      for (const x of o.indicators ?? []) if (!IND.has(x)) err(`${where}: indicator ${x}`);
      for (const x of o.involves ?? []) {
        if (x.person !== undefined) { if (!persons.has(`${ag}:${x.person}`)) err(`${where}: involves person not yet sent`); if (!ROLES.has(x.role)) err(`${where}: role ${x.role}`); }
        else if (x.vehicle !== undefined) { if (!VRM.test(x.vehicle)) err(`${where}: vrm ${x.vehicle}`); }
        else if (x.phone !== undefined) { if (!/^07700 900\d{3}$/.test(x.phone)) err(`${where}: phone`); }
        else if (x.online !== undefined) { if (!isText(x.online)) err(`${where}: online`); }
        else if (x.location) { if (!PC.test(x.location.postcode)) err(`${where}: location postcode`); if (x.role && x.role !== 'found_at') err(`${where}: location role`); }
        else err(`${where}: involves entry`);
      }
      if (o.kind === 'missing_episode') {
        if (o.missing_from && !['home', 'care_placement', 'school', 'other'].includes(o.missing_from)) err(`${where}: missing_from`);
        if (o.risk_grading && !['no_apparent_risk', 'low', 'medium', 'high'].includes(o.risk_grading)) err(`${where}: risk_grading`);
      }
      if (o.kind === 'return_interview') {
        if (!['done', 'declined', 'not_held'].includes(o.status)) err(`${where}: status`);
        if (o.status !== 'done' && !isText(o.reason ?? '')) err(`${where}: reason missing`);
        if (o.episode) { if (!events.has(o.episode)) err(`${where}: episode ${o.episode} not yet sent`); else { const ep = events.get(o.episode); if (ep.subjectKey && persons.get(ep.subjectKey)?.family_name?.toLowerCase() !== persons.get(`${ag}:${o.subject}`)?.family_name?.toLowerCase() && persons.get(`${ag}:${o.subject}`)?.family_name) err(`${where}: episode of another child?`); } }
      }
      if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${where}: charging outcome`);
      events.set(key, { subjectKey: `${ag}:${o.subject}` });
      const sk = `${ag}:${o.subject}`;
      if (!childEventRecs.has(sk)) childEventRecs.set(sk, new Set());
      childEventRecs.get(sk).add(rec);
    }
  });
}
// truth
const tl = fs.readFileSync(path.join(AREA, 'truth.csv'), 'utf8').trim().split('\n');
if (tl.shift() !== 'person_key,agency,source_id,exploited,first_exploitation_recorded_at') err('truth header');
const truthKeys = new Set(); const kids = new Map();
for (const l of tl) {
  const [k, ag, sid, ex, tx] = l.split(',');
  const key = `${ag}:${sid}`;
  if (truthKeys.has(key)) err(`truth: duplicate ${key}`); truthKeys.add(key);
  if (!persons.has(key)) err(`truth: ${key} is not a person record`);
  if (!kids.has(k)) kids.set(k, { ex, tx, recs: [] });
  const kd = kids.get(k); if (kd.ex !== ex || kd.tx !== tx) err(`truth: ${k} inconsistent`);
  kd.recs.push(key);
}
for (const [key, o] of persons) if (!truthKeys.has(key)) { const y = Number((o.date_of_birth ?? '1990').slice(0, 4)); if (y > 1999) err(`person ${key} born ${o.date_of_birth} not in truth`); }
let nex = 0;
for (const [k, kd] of kids) {
  if (kd.ex === '1') {
    nex++;
    const t = toMs(kd.tx, `truth ${k}`);
    if (!kd.recs.some((r) => childEventRecs.get(r)?.has(t))) err(`truth: ${k} first exploitation time is no event's recorded_at`);
    if (t <= toMs('2016-03-31T23:59:59', 'q')) err(`truth: ${k} exploited before the first quarter end`);
  } else if (kd.tx) err(`truth: ${k} never exploited with a time`);
}
const pl = fs.readFileSync(path.join(AREA, 'profiles.csv'), 'utf8').trim().split('\n').slice(1);
for (const l of pl) { const [k, ex] = l.split(','); if (!kids.has(k) || kids.get(k).ex !== ex) err(`profiles: ${k}`); }
if (pl.length !== kids.size) err('profiles count');
console.log(`${n} lines in ${files.length} files; ${persons.size} person records; ${kids.size} children in truth, ${nex} exploited`);
if (errs.length) { console.log(errs.join('\n')); process.exit(1); }
console.log('ok');
