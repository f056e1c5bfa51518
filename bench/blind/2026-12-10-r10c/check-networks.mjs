#!/usr/bin/env node
// Checks round 10c's network areas: import format 1.1 (fields, enumerations, identifiers, times,
// references), file layout, truth consistency, and re-derives each group's first_visible from the
// files alone (its own implementation, not the generator's).
// Usage: node check-networks.mjs [DIR]   (default: networks/ beside this script)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, 'networks'));
const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '));
const ROLES = new Set(['suspect', 'victim', 'witness', 'associate', 'family', 'professional', 'found_at', 'found_with']);
const REL = new Set(['family', 'parent', 'carer', 'lives_with', 'associate', 'peer', 'claimed_partner', 'professional']);
const IND = new Set('staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' '));
const AG_KINDS = new Set(['police', 'childrens_social_care', 'health', 'education', 'prosecutor', 'youth_justice', 'voluntary', 'other']);
const PC = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})$/;
const DAYMS = 86400000;
const day = (s) => Math.floor(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAYMS);

let errors = 0;
const err = (m) => {
  errors++;
  if (errors <= 40) console.error(m);
};
const nhsOk = (n) => {
  const d = n.replace(/\s/g, '');
  if (!/^\d{10}$/.test(d)) return false;
  const s = [...d.slice(0, 9)].reduce((t, x, i) => t + Number(x) * (10 - i), 0);
  let c = 11 - (s % 11);
  if (c === 11) c = 0;
  return c !== 10 && c === Number(d[9]);
};
const phoneD = (p) => {
  let d = String(p).replace(/\D/g, '');
  if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2);
  return d;
};
const nk = (kind, k) => (kind === 'phone' ? `phone:${phoneD(k)}` : kind === 'online' ? `online:${k.trim().toLowerCase()}` : `${kind}:${String(k).replace(/\s+/g, '').toUpperCase()}`);
function checkTime(where, v, field) {
  const m = TIME.exec(v ?? '');
  if (!m) return err(`${where}: ${field} "${v}" is not a local ISO time`);
  if (m[1] === '24' || Number(m[1]) > 23) err(`${where}: ${field} hour 24`);
  if (Number.isNaN(Date.parse(v + 'Z'))) err(`${where}: ${field} not a date`);
  // the skipped hour: last Sunday of March 01:00-01:59
  const d = new Date(v.slice(0, 10) + 'T00:00:00Z');
  if (d.getUTCMonth() === 2 && d.getUTCDay() === 0 && d.getUTCDate() >= 25 && m[1] === '01') err(`${where}: ${field} in the hour the clocks skip`);
}

const areas = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'truth.json'))).sort();
if (!areas.length) err(`no areas under ${root}`);
for (const a of areas) {
  const dir = path.join(root, a);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const agencies = JSON.parse(fs.readFileSync(path.join(dir, 'agencies.json'), 'utf8'));
  const codes = new Set(agencies.map((x) => x.code));
  for (const x of agencies) if (!AG_KINDS.has(x.kind) || !x.name) err(`${a}: agency ${x.code} kind ${x.kind}`);
  if (agencies.length < 5 || agencies.length > 9) err(`${a}: ${agencies.length} agencies`);
  const endDay = day(truth.end);
  const years = (day(truth.period.to) - day(truth.period.from)) / 365.25;
  if (years < 2.9 || years > 5.05) err(`${a}: period of ${years.toFixed(1)} years`);
  const onDisk = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
  if (JSON.stringify(onDisk) !== JSON.stringify([...truth.files].sort())) err(`${a}: files on disk differ from truth.files`);
  const persons = new Map();
  const records = [];
  for (const f of truth.files) {
    const m = /^([a-z]+)-(\d{4})\.ndjson$/.exec(f);
    if (!m || !codes.has(m[1])) err(`${a}/${f}: bad file name or agency`);
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/);
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const w = `${a}/${f}:${i + 1}`;
      let o;
      try {
        o = JSON.parse(l);
      } catch {
        return err(`${w}: not JSON`);
      }
      if (o.agency !== m[1]) err(`${w}: agency ${o.agency} in ${m[1]}'s file`);
      if (!o.source_id) err(`${w}: no source_id`);
      checkTime(w, o.recorded_at, 'recorded_at');
      if (o.recorded_at?.slice(0, 4) !== m[2]) err(`${w}: recorded ${o.recorded_at} in the ${m[2]} file`);
      if (day(o.recorded_at) > endDay + 45) err(`${w}: recorded more than 45 days after the end`);
      records.push({ o, w });
      if (o.type === 'person') {
        if (!o.given_name && !o.family_name) err(`${w}: person without a name`);
        if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${w}: sex`);
        if (o.nhs_number && !nhsOk(o.nhs_number)) err(`${w}: nhs_number ${o.nhs_number}`);
        if (o.address?.postcode && !PC.test(o.address.postcode.trim())) err(`${w}: postcode ${o.address.postcode}`);
        if (o.date_of_birth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date_of_birth)) err(`${w}: dob`);
        if (o.date_of_birth?.length === 10 && Number.isNaN(Date.parse(o.date_of_birth))) err(`${w}: dob not a date`);
        const k = `${o.agency}:${o.source_id}`;
        if (!persons.has(k)) persons.set(k, o.recorded_at);
      } else if (o.type === 'event') {
        if (o.withdrawn) return;
        if (!KINDS.has(o.kind)) err(`${w}: kind ${o.kind}`);
        checkTime(w, o.occurred_at, 'occurred_at');
        if (o.ended_at) checkTime(w, o.ended_at, 'ended_at');
        if (o.ended_at && o.ended_at < o.occurred_at) err(`${w}: ended before it began`);
        if (o.occurred_at > o.recorded_at) err(`${w}: recorded before it happened`);
        for (const x of o.indicators ?? []) if (!IND.has(x)) err(`${w}: indicator ${x}`);
        for (const x of o.involves ?? []) {
          if (x.role && !ROLES.has(x.role)) err(`${w}: role ${x.role}`);
          if (x.location?.postcode && !PC.test(x.location.postcode.trim())) err(`${w}: location postcode`);
          if (x.phone && !/^07700900\d{3}$/.test(phoneD(x.phone))) err(`${w}: phone outside the drama range ${x.phone}`);
        }
        if (o.missing_from && !['home', 'care_placement', 'school', 'other'].includes(o.missing_from)) err(`${w}: missing_from`);
        if (o.risk_grading && !['no_apparent_risk', 'low', 'medium', 'high'].includes(o.risk_grading)) err(`${w}: risk_grading`);
        if (o.kind === 'return_interview' && ['declined', 'not_held'].includes(o.status) && !o.reason) err(`${w}: reason`);
        if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${w}: outcome`);
      } else if (o.type === 'relationship') {
        if (!REL.has(o.kind)) err(`${w}: relationship kind ${o.kind}`);
      } else err(`${w}: type ${o.type}`);
    });
  }
  // references resolve to persons of the same agency, sent no later than the reference
  for (const { o, w } of records) {
    if (o.withdrawn) continue;
    const refs = o.type === 'event' ? [o.subject, ...(o.involves ?? []).filter((x) => x.person != null).map((x) => x.person)] : o.type === 'relationship' ? [o.from, o.to] : [];
    for (const r of refs) {
      const t = persons.get(`${o.agency}:${r}`);
      if (!t) err(`${w}: reference ${o.agency}:${r} to no person`);
      else if (t > o.recorded_at) err(`${w}: person ${o.agency}:${r} recorded after the reference`);
    }
  }
  // truth
  const childIds = new Set(Object.values(truth.child_records));
  if (childIds.size < 150 || childIds.size > 350) err(`${a}: ${childIds.size} children`);
  for (const k of Object.keys(truth.child_records)) if (!persons.has(k)) err(`${a}: child record ${k} not in the files`);
  if (truth.groups.length < 2 || truth.groups.length > 4) err(`${a}: ${truth.groups.length} groups`);
  const seenChild = new Set();
  const objectsSeen = new Set();
  for (const { o } of records) {
    if (o.type === 'person' && o.phone) objectsSeen.add(nk('phone', o.phone));
    for (const x of o.involves ?? []) {
      if (x.phone) objectsSeen.add(nk('phone', x.phone));
      if (x.vehicle) objectsSeen.add(nk('vehicle', x.vehicle));
      if (x.location?.postcode) objectsSeen.add(nk('location', x.location.postcode));
      if (x.online) objectsSeen.add(nk('online', x.online));
    }
  }
  const groupAdults = new Set();
  for (const g of truth.groups) {
    for (const c of g.children) {
      if (!childIds.has(c.id)) err(`${a}/${g.id}: child ${c.id} has no record`);
      if (seenChild.has(c.id)) err(`${a}/${g.id}: child ${c.id} in two groups`);
      seenChild.add(c.id);
    }
    for (const ad of g.adults) {
      groupAdults.add(ad.id);
      for (const r of ad.source_records) {
        if (!persons.has(r)) err(`${a}/${g.id}: adult record ${r} not in the files`);
        if (truth.child_records[r]) err(`${a}/${g.id}: adult record ${r} is a child record`);
      }
    }
    for (const ob of g.objects) if (!objectsSeen.has(nk(ob.kind, ob.key))) err(`${a}/${g.id}: object ${ob.kind} ${ob.key} in no record`);
    const fv = rederive(g, records, truth.child_records);
    if (fv !== g.first_visible) err(`${a}/${g.id}: first_visible ${g.first_visible}, re-derived ${fv}`);
  }
  for (const c of truth.innocent_at_group_postcodes) if (seenChild.has(c)) err(`${a}: innocent child ${c} is in a group`);
  for (const cf of truth.confounders) for (const ad of cf.adults) if (groupAdults.has(ad.id)) err(`${a}: confounder adult ${ad.id} is in a group`);
  console.log(`${a}: ${records.length} lines, ${persons.size} person records, ${childIds.size} children, ${truth.groups.length} groups (${truth.groups.map((g) => `${g.shape} ${g.first_visible}`).join(', ')})`);
}

// union-find over the group's children (one node per child), adult records (one per record) and objects
function rederive(g, records, childRecords) {
  const kids = new Set(g.children.map((c) => c.id));
  const recs = new Set(g.adults.flatMap((x) => x.source_records));
  const objs = new Set(g.objects.map((o) => nk(o.kind, o.key)));
  const nodeOf = (ag, sid) => {
    const k = `${ag}:${sid}`;
    if (kids.has(childRecords[k])) return 'C' + childRecords[k];
    return recs.has(k) ? 'A' + k : null;
  };
  const obj = (kind, v) => (objs.has(nk(kind, v)) ? nk(kind, v) : null);
  const byDay = new Map();
  for (const { o } of records) {
    if (o.withdrawn) continue;
    let ns = [];
    if (o.type === 'event') {
      ns.push(nodeOf(o.agency, o.subject));
      for (const x of o.involves ?? []) ns.push(x.person != null ? nodeOf(o.agency, x.person) : x.phone ? obj('phone', x.phone) : x.vehicle ? obj('vehicle', x.vehicle) : x.online ? obj('online', x.online) : x.location?.postcode ? obj('location', x.location.postcode) : null);
    } else if (o.type === 'relationship') ns = [nodeOf(o.agency, o.from), nodeOf(o.agency, o.to)];
    else if (o.phone && obj('phone', o.phone)) ns = [nodeOf(o.agency, o.source_id), obj('phone', o.phone)];
    ns = [...new Set(ns.filter(Boolean))];
    if (ns.length < 2) continue;
    const d = o.recorded_at.slice(0, 10);
    if (!byDay.has(d)) byDay.set(d, []);
    byDay.get(d).push(ns);
  }
  const up = {};
  const f = (x) => (up[x] === undefined ? (up[x] = x) : up[x] === x ? x : (up[x] = f(up[x])));
  for (const d of [...byDay.keys()].sort()) {
    for (const ns of byDay.get(d)) for (const n of ns.slice(1)) up[f(ns[0])] = f(n);
    const comp = {};
    for (const x of Object.keys(up)) {
      const r = f(x);
      comp[r] ??= [0, 0];
      comp[r][x.startsWith('C') ? 0 : 1]++;
    }
    if (Object.values(comp).some(([c, o]) => c >= 2 && o >= 1)) return d;
  }
  return null;
}

if (errors) {
  console.error(`${errors} problem(s)`);
  process.exit(1);
}
console.log('ok');
