#!/usr/bin/env node
// Checks what gen-networks.mjs wrote against the import format (docs/import-format.md, 1.1 objects)
// and the truth shape score-networks.mjs reads. Usage: node check-networks.mjs [NETWORKS_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(process.argv[2] ?? path.join(HERE, 'networks'));
const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '));
const IND = new Set('staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' '));
const ROLES = new Set(['suspect', 'victim', 'witness', 'associate', 'family', 'professional', 'found_at', 'found_with']);
const REL = new Set(['family', 'parent', 'carer', 'lives_with', 'associate', 'peer', 'claimed_partner', 'professional']);
const AGK = new Set(['police', 'childrens_social_care', 'health', 'education', 'prosecutor', 'youth_justice', 'voluntary', 'other']);
const PC = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const DAY = 86400000;
const toDay = (s) => Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY;
const nhsOk = (n) => { const d = n.replace(/\s/g, ''); if (!/^\d{10}$/.test(d)) return false; const s = [...d.slice(0, 9)].reduce((t, x, i) => t + Number(x) * (10 - i), 0); let c = 11 - (s % 11); if (c === 11) c = 0; return c !== 10 && c === Number(d[9]) && d.startsWith('999'); };
const upnOk = (u) => /^[A-Z]\d{12}$/.test(u) && 'ABCDEFGHJKLMNPQRTUVWXYZ'[[...u.slice(1)].reduce((t, ch, i) => t + Number(ch) * (i + 2), 0) % 23] === u[0];
const phoneDigits = (p) => { let d = String(p).replace(/\D/g, ''); if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2); return d; };
const norm = (kind, key) => kind === 'phone' ? phoneDigits(key) : kind === 'online' ? String(key).toLowerCase() : String(key).replace(/\s+/g, '').toUpperCase();

let errors = 0;
const err = (m) => { errors++; if (errors <= 50) console.error(m); };
const areas = fs.readdirSync(ROOT).filter((d) => fs.existsSync(path.join(ROOT, d, 'truth.json'))).sort();
if (!areas.length) { console.error(`no areas under ${ROOT}`); process.exit(1); }
let totalGroups = 0;
for (const a of areas) {
  const dir = path.join(ROOT, a);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const agencies = JSON.parse(fs.readFileSync(path.join(dir, 'agencies.json'), 'utf8'));
  const codes = new Set(agencies.map((x) => x.code));
  for (const x of agencies) if (!x.code || !x.name || !AGK.has(x.kind)) err(`${a}: agencies.json bad entry ${JSON.stringify(x)}`);
  for (const k of ['area', 'name', 'period', 'end', 'files', 'groups', 'confounders', 'child_records', 'first_visible_rule']) if (!(k in truth)) err(`${a}: truth lacks ${k}`);
  const now = toDay(truth.end) + 60;
  const onDisk = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
  if (JSON.stringify(onDisk) !== JSON.stringify([...truth.files].sort())) err(`${a}: truth.files differs from the folder`);
  const persons = new Map(); // agency:sid -> person
  const events = new Map();
  const refs = [];
  const objKeys = new Set();
  const edges = []; // for an independent first-visible bound: [day, nodes]
  let n = 0;
  for (const f of truth.files) {
    const m = /^(.+)-(\d{4})\.ndjson$/.exec(f);
    if (!m || !codes.has(m[1])) err(`${a}/${f}: name is not <agency>-<year>.ndjson of a known agency`);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      n++;
      const at = `${a}/${f}:${i + 1}`;
      let o;
      try { o = JSON.parse(line); } catch { err(`${at}: not JSON`); return; }
      if (o.agency !== m[1]) err(`${at}: agency ${o.agency} in file of ${m[1]}`);
      if (!o.source_id || !o.type) err(`${at}: no type/source_id`);
      if (!TIME.test(o.recorded_at ?? '')) err(`${at}: recorded_at ${o.recorded_at}`);
      else {
        if (o.recorded_at.slice(0, 4) !== m[2]) err(`${at}: recorded_at ${o.recorded_at} in file of ${m[2]}`);
        if (toDay(o.recorded_at) >= now) err(`${at}: recorded_at after THREADLINE_NOW`);
        if (o.recorded_at.slice(11, 13) === '01') err(`${at}: recorded_at in the hour the clocks may skip`);
      }
      const key = `${o.agency}:${o.source_id}`;
      if (o.type === 'person') {
        if (!o.given_name && !o.family_name) err(`${at}: person without a name`);
        if (o.nhs_number && !nhsOk(o.nhs_number)) err(`${at}: nhs_number ${o.nhs_number}`);
        if (o.upn && !upnOk(o.upn)) err(`${at}: upn ${o.upn}`);
        if (o.address?.postcode && !PC.test(o.address.postcode)) err(`${at}: postcode ${o.address.postcode}`);
        if (o.date_of_birth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date_of_birth)) err(`${at}: date_of_birth`);
        if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${at}: sex`);
        if (o.phone && !/^07700900\d{3}$/.test(phoneDigits(o.phone))) err(`${at}: phone ${o.phone} outside the drama range`);
        persons.set(key, o);
      } else if (o.type === 'event') {
        if (o.withdrawn) { if (!events.has(key)) err(`${at}: withdrawal of an event not sent before`); return; }
        if (!KINDS.has(o.kind)) err(`${at}: kind ${o.kind}`);
        if (!TIME.test(o.occurred_at ?? '')) err(`${at}: occurred_at`);
        else if (o.occurred_at.slice(11, 13) === '01') err(`${at}: occurred_at in the hour the clocks may skip`);
        if (o.occurred_at > o.recorded_at) err(`${at}: occurred after recorded`);
        if (o.ended_at && o.ended_at < o.occurred_at) err(`${at}: ended before it began`);
        for (const x of o.indicators ?? []) if (!IND.has(x)) err(`${at}: indicator ${x}`);
        if (o.kind === 'return_interview' && o.status && o.status !== 'done' && !o.reason) err(`${at}: return interview ${o.status} without reason`);
        if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${at}: outcome`);
        if (o.risk_grading && !['no_apparent_risk', 'low', 'medium', 'high'].includes(o.risk_grading)) err(`${at}: risk_grading`);
        if (o.missing_from && !['home', 'care_placement', 'school', 'other'].includes(o.missing_from)) err(`${at}: missing_from`);
        refs.push([at, `${o.agency}:${o.subject}`]);
        const nodes = [`p:${o.agency}:${o.subject}`];
        for (const x of o.involves ?? []) {
          if (x.role && !ROLES.has(x.role)) err(`${at}: role ${x.role}`);
          if (x.person) { refs.push([at, `${o.agency}:${x.person}`]); nodes.push(`p:${o.agency}:${x.person}`); }
          else if (x.phone) { if (!/^07700900\d{3}$/.test(phoneDigits(x.phone))) err(`${at}: phone ${x.phone}`); objKeys.add(`phone:${phoneDigits(x.phone)}`); nodes.push(`o:phone:${phoneDigits(x.phone)}`); }
          else if (x.vehicle) { if (!/^[A-Z]{2}\d{2}[A-Z]{3}$/.test(norm('vehicle', x.vehicle))) err(`${at}: vehicle ${x.vehicle}`); objKeys.add(`vehicle:${norm('vehicle', x.vehicle)}`); nodes.push(`o:vehicle:${norm('vehicle', x.vehicle)}`); }
          else if (x.online) { objKeys.add(`online:${norm('online', x.online)}`); nodes.push(`o:online:${norm('online', x.online)}`); }
          else if (x.location) { if (x.location.postcode) { if (!PC.test(x.location.postcode)) err(`${at}: location postcode`); objKeys.add(`location:${norm('location', x.location.postcode)}`); nodes.push(`o:location:${norm('location', x.location.postcode)}`); } }
          else err(`${at}: involves item of no known kind`);
        }
        edges.push([toDay(o.recorded_at), nodes]);
        events.set(key, o);
      } else if (o.type === 'relationship') {
        if (!REL.has(o.kind)) err(`${at}: relationship kind ${o.kind}`);
        if (o.reliability && !['confirmed', 'tentative', 'unconfirmed'].includes(o.reliability)) err(`${at}: reliability`);
        refs.push([at, `${o.agency}:${o.from}`], [at, `${o.agency}:${o.to}`]);
        edges.push([toDay(o.recorded_at), [`p:${o.agency}:${o.from}`, `p:${o.agency}:${o.to}`]]);
      } else err(`${at}: type ${o.type}`);
    });
  }
  for (const [at, r] of refs) if (!persons.has(r)) err(`${at}: reference ${r} never sent`);
  // truth against the data
  for (const [r, c] of Object.entries(truth.child_records)) if (!persons.has(r)) err(`${a}: child record ${r} (${c}) not in the data`);
  const childIds = new Set(Object.values(truth.child_records));
  const adultRecs = new Set();
  for (const g of truth.groups) {
    totalGroups++;
    for (const k of ['id', 'shape', 'first_visible', 'children', 'adults', 'objects']) if (!(k in g)) err(`${g.id}: lacks ${k}`);
    if (g.children.length < 2) err(`${g.id}: fewer than 2 children`);
    for (const c of g.children) if (!childIds.has(c.id)) err(`${g.id}: child ${c.id} has no record`);
    for (const ad of g.adults) for (const r of ad.source_records) { if (!persons.has(r)) err(`${g.id}: ${r} not in the data`); if (truth.child_records[r]) err(`${g.id}: adult record ${r} is a child record`); adultRecs.add(r); }
    for (const o of g.objects) if (!objKeys.has(`${o.kind}:${norm(o.kind, o.key)}`)) err(`${g.id}: object ${o.kind} ${o.key} not in the data`);
    if (!g.first_visible || g.first_visible < truth.period.from || g.first_visible > truth.end) err(`${g.id}: first_visible ${g.first_visible} outside the period`);
    // independent bound: with every record (group's or not) the group's pieces cannot join later than truth says
    const rec2child = truth.child_records;
    const mine = new Set([...g.children.map((c) => `c:${c.id}`), ...g.adults.flatMap((ad) => ad.source_records.map((r) => `p:${r}`)), ...g.objects.map((o) => `o:${o.kind}:${norm(o.kind, o.key)}`)]);
    const parent = new Map();
    const find = (x) => { while (parent.get(x) !== x) x = parent.get(x); return x; };
    let fv = null;
    const sorted = [...edges].sort((p, q) => p[0] - q[0]);
    for (let i = 0; i < sorted.length && !fv; i++) {
      const ns = sorted[i][1].map((x) => (x.startsWith('p:') && rec2child[x.slice(2)] ? `c:${rec2child[x.slice(2)]}` : x)).filter((x) => mine.has(x));
      for (const x of ns) if (!parent.has(x)) parent.set(x, x);
      for (const x of ns.slice(1)) parent.set(find(x), find(ns[0]));
      if (i + 1 < sorted.length && sorted[i + 1][0] === sorted[i][0]) continue;
      const comp = new Map();
      for (const x of parent.keys()) { const r = find(x); const c = comp.get(r) ?? [0, 0]; c[x.startsWith('c:') ? 0 : 1]++; comp.set(r, c); }
      if ([...comp.values()].some(([k, m]) => k >= 2 && m >= 1)) fv = new Date(sorted[i][0] * DAY).toISOString().slice(0, 10);
    }
    if (fv !== g.first_visible) err(`${g.id}: first_visible ${g.first_visible} but its members' records join on ${fv}`);
  }
  for (const cf of truth.confounders) for (const ad of cf.adults) for (const r of ad.source_records) { if (!persons.has(r)) err(`${a}: confounder ${cf.kind} ${r} not in the data`); if (adultRecs.has(r)) err(`${a}: ${r} is both a group adult and a confounder`); }
  const kids = childIds.size;
  const years = new Set(truth.files.map((f) => f.slice(-11, -7)));
  console.log(`${a}: ${kids} children, ${agencies.length} agencies, ${truth.files.length} files over ${years.size} years, ${n} lines, ${truth.groups.length} groups (${truth.groups.map((g) => g.shape).join(', ')}), ${truth.confounders.length} confounder kinds`);
  if (kids < 150 || kids > 400) err(`${a}: ${kids} children, outside 150-400`);
  if (agencies.length < 5 || agencies.length > 9) err(`${a}: ${agencies.length} agencies`);
}
console.log(`${areas.length} areas, ${totalGroups} groups; ${errors ? `${errors} problems` : 'no problems'}`);
process.exit(errors ? 1 : 0);
