#!/usr/bin/env node
// Checks what gen-networks.mjs wrote against the published import format (docs/import-format.md,
// 1.1 objects) and the truth shape score-networks.mjs reads. Does not run Threadline.
// Usage: node check-networks.mjs [OUTDIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(here, 'networks'));
const KINDS = 'concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' ');
const ROLES = 'suspect victim witness associate family professional found_at found_with'.split(' ');
const IND = 'staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' ');
const RELK = 'family parent carer lives_with associate peer claimed_partner professional'.split(' ');
const AGK = 'police childrens_social_care health education prosecutor youth_justice voluntary other'.split(' ');
const PC = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][ABD-HJLNP-UW-Z]{2})$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const nhsOk = (s) => {
  const d = s.replace(/\s/g, '');
  if (!/^\d{10}$/.test(d)) return false;
  let t = 0;
  for (let i = 0; i < 9; i++) t += Number(d[i]) * (10 - i);
  let c = 11 - (t % 11);
  if (c === 11) c = 0;
  return c !== 10 && c === Number(d[9]);
};
const normPhone = (p) => { let d = String(p).replace(/\D/g, ''); if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2); return d; };
let bad = 0;
const err = (m) => { if (bad++ < 40) console.error(m); };
for (const area of fs.readdirSync(OUT).sort()) {
  const dir = path.join(OUT, area);
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const agencies = JSON.parse(fs.readFileSync(path.join(dir, 'agencies.json'), 'utf8'));
  const codes = new Set(agencies.map((a) => a.code));
  for (const a of agencies) if (!AGK.includes(a.kind)) err(`${area}: agency kind ${a.kind}`);
  const now = Date.parse(truth.end + 'T00:00:00Z') + 60 * 86400000;
  const ids = new Set();
  const persons = new Set();
  const refs = [];
  const seen = { vehicle: new Set(), phone: new Set(), online: new Set(), location: new Set() };
  let n = 0;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort();
  if (JSON.stringify(files) !== JSON.stringify([...truth.files].sort())) err(`${area}: files differ from truth.files`);
  for (const f of files) {
    const ag = f.replace(/-\d{4}\.ndjson$/, '');
    const year = f.match(/-(\d{4})\.ndjson$/)[1];
    if (!codes.has(ag)) err(`${area}/${f}: agency not in agencies.json`);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      n++;
      const where = `${area}/${f}:${i + 1}`;
      let o;
      try { o = JSON.parse(line); } catch { return err(`${where}: not JSON`); }
      if (o.agency !== ag) err(`${where}: agency ${o.agency}`);
      if (typeof o.source_id !== 'string' || !o.source_id) err(`${where}: source_id`);
      const key = `${o.type}:${o.source_id}:${ag}`;
      if (ids.has(key)) err(`${where}: duplicate ${key}`);
      ids.add(key);
      if (!TIME.test(o.recorded_at)) err(`${where}: recorded_at ${o.recorded_at}`);
      if (o.recorded_at.slice(0, 4) !== year) err(`${where}: recorded_at outside file year`);
      if (Date.parse(o.recorded_at + 'Z') > now - 86400000) err(`${where}: recorded_at after THREADLINE_NOW`);
      for (const [k, v] of Object.entries(o)) if (typeof v === 'number') err(`${where}: number in ${k}`);
      if (o.type === 'person') {
        persons.add(`${ag}:${o.source_id}`);
        if (!o.given_name && !o.family_name) err(`${where}: no name`);
        if (o.date_of_birth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date_of_birth)) err(`${where}: dob`);
        if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${where}: sex`);
        if (o.nhs_number && !nhsOk(o.nhs_number)) err(`${where}: nhs ${o.nhs_number}`);
        if (o.address?.postcode && !PC.test(o.address.postcode.toUpperCase().replace(/\s+/, ' '))) err(`${where}: postcode ${o.address.postcode}`);
        for (const k of ['given_name', 'family_name']) if (o[k] !== undefined && typeof o[k] !== 'string') err(`${where}: ${k}`);
      } else if (o.type === 'event') {
        if (!KINDS.includes(o.kind)) err(`${where}: kind ${o.kind}`);
        if (!TIME.test(o.occurred_at)) err(`${where}: occurred_at`);
        if (o.occurred_at.slice(0, 10) > o.recorded_at.slice(0, 10)) err(`${where}: occurred after recorded`);
        refs.push([`${ag}:${o.subject}`, where]);
        for (const x of o.indicators ?? []) if (!IND.includes(x)) err(`${where}: indicator ${x}`);
        if (o.kind === 'return_interview' && o.status && o.status !== 'done' && !o.reason) err(`${where}: reason`);
        if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${where}: outcome`);
        for (const v of o.involves ?? []) {
          if (v.role && !ROLES.includes(v.role)) err(`${where}: role ${v.role}`);
          if (v.person) refs.push([`${ag}:${v.person}`, where]);
          else if (v.vehicle) seen.vehicle.add(v.vehicle.replace(/\s+/g, '').toUpperCase());
          else if (v.phone) seen.phone.add(normPhone(v.phone));
          else if (v.online) seen.online.add(v.online.toLowerCase());
          else if (v.location) {
            if (!PC.test(v.location.postcode.toUpperCase().replace(/\s+/, ' ').replace(/^(\S+?)(\d[A-Z]{2})$/, '$1 $2'))) err(`${where}: location postcode ${v.location.postcode}`);
            seen.location.add(v.location.postcode.replace(/\s+/g, '').toUpperCase());
          } else err(`${where}: involves ${JSON.stringify(v)}`);
        }
      } else if (o.type === 'relationship') {
        if (!RELK.includes(o.kind)) err(`${where}: rel kind`);
        if (!['confirmed', 'tentative', 'unconfirmed'].includes(o.reliability)) err(`${where}: reliability`);
        refs.push([`${ag}:${o.from}`, where], [`${ag}:${o.to}`, where]);
      } else err(`${where}: type ${o.type}`);
    });
    const crlf = text.includes('\r\n');
    if (crlf && /\n(?<!\r\n)/.test(text.replace(/\r\n/g, ''))) err(`${area}/${f}: mixed line ends`);
  }
  for (const [r, w] of refs) if (!persons.has(r)) err(`${w}: reference ${r} never sent`);
  // truth
  const groupMembers = new Set();
  const groupKids = new Set();
  for (const g of truth.groups) {
    if (!g.first_visible || g.first_visible < truth.period.from || g.first_visible > truth.end) err(`${area} ${g.id}: first_visible ${g.first_visible}`);
    if (g.children.length < 2 || g.adults.length + g.objects.length < 1) err(`${area} ${g.id}: too small`);
    for (const c of g.children) { if (groupKids.has(c.id)) err(`${area}: child ${c.id} in two groups`); groupKids.add(c.id); }
    for (const a of g.adults) { for (const r of a.source_records) if (!persons.has(r)) err(`${area} ${g.id}: adult record ${r} missing`); groupMembers.add(a.id); }
    for (const o of g.objects) { if (!seen[o.kind].has(o.key.toLowerCase() === o.key && o.kind === 'online' ? o.key : o.key.toUpperCase())) err(`${area} ${g.id}: object ${o.kind} ${o.key} never in a record`); groupMembers.add(`${o.kind}:${o.key}`); }
  }
  for (const cf of truth.confounders) {
    for (const a of cf.adults) { if (groupMembers.has(a.id)) err(`${area}: confounder adult ${a.id} in a group`); for (const r of a.source_records) if (!persons.has(r)) err(`${area} ${cf.kind}: record ${r} missing`); }
    for (const o of cf.objects) if (groupMembers.has(`${o.kind}:${o.key}`)) err(`${area}: confounder object ${o.key} in a group`);
  }
  for (const r of Object.keys(truth.child_records)) if (!persons.has(r)) err(`${area}: child record ${r} never sent`);
  const kidsPerAgency = {};
  for (const r of Object.keys(truth.child_records)) kidsPerAgency[r.split(':')[0]] = (kidsPerAgency[r.split(':')[0]] ?? 0) + 1;
  console.log(`${area}: ${n} lines in ${files.length} files, ${persons.size} persons, ${new Set(Object.values(truth.child_records)).size} children; ${truth.groups.length} groups, ${truth.confounders.length} confounder kinds; child records by agency ${JSON.stringify(kidsPerAgency)}`);
}
console.log(bad ? `${bad} problems` : 'no problems found');
process.exit(bad ? 1 : 0);
