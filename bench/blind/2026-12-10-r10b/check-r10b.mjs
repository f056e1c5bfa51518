#!/usr/bin/env node
// Validates people set q and linkage area e4 against the published contracts and their truth.
// Usage: node check-r10b.mjs [PEOPLE_DIR] [AREA_DIR]   (defaults: people/ and areas/e4 beside this script)
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nhsValid, upnValid, realDate } from './lib-r10b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const pdir = process.argv[2] || join(here, 'people')
const adir = process.argv[3] || join(here, 'areas', 'e4')
const errs = []
const err = (m) => {
  if (errs.length < 50) console.error(m)
  errs.push(m)
}
function parseCsv(text) {
  const rows = []
  let row = [],
    cell = '',
    q = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else q = false
      } else cell += c
    } else if (c === '"') q = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}
// ---------- people q ----------
{
  const rows = parseCsv(readFileSync(join(pdir, 'q.csv'), 'utf8'))
  const head = rows[0].join(',')
  if (head !== 'record_id,given_name,family_name,other_names,date_of_birth,sex,address_line,town,postcode,phone,nhs_number') err('q: header')
  const ids = new Set()
  for (const r of rows.slice(1)) {
    if (r.length !== 11) err(`q: ${r[0]} has ${r.length} cells`)
    if (ids.has(r[0])) err(`q: duplicate ${r[0]}`)
    ids.add(r[0])
    if (r[10] && !nhsValid(r[10])) err(`q: ${r[0]} NHS number fails its check`)
    if (!r[1] && !r[2]) err(`q: ${r[0]} has no name`)
    if (/^[=+\-@]/.test(r[1] + r[2])) err(`q: ${r[0]} formula-like name`)
  }
  const cl = parseCsv(readFileSync(join(pdir, 'q.truth-clusters.csv'), 'utf8')).slice(1)
  const by = new Map()
  for (const c of cl) {
    if (!ids.has(c[0])) err(`q: truth names ${c[0]}, not in q.csv`)
    if (!by.has(c[1])) by.set(c[1], [])
    by.get(c[1]).push(c[0])
  }
  if (cl.length !== ids.size) err(`q: ${cl.length} truth rows for ${ids.size} records`)
  const want = new Set()
  for (const v of by.values())
    for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) want.add(v[i] < v[j] ? `${v[i]},${v[j]}` : `${v[j]},${v[i]}`)
  const got = readFileSync(join(pdir, 'q.truth-pairs.csv'), 'utf8').trim().split('\n').slice(1)
  if (got.length !== want.size || got.some((x) => !want.has(x))) err('q: truth pairs are not the pairs of the truth clusters')
  console.log(`people q: ${ids.size} records, ${by.size} people, ${got.length} true pairs`)
}
// ---------- area e4 ----------
{
  const KINDS = new Set('concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' '))
  const IND = new Set('staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' '))
  const ROLES = new Set('suspect victim witness associate family professional found_at found_with'.split(' '))
  const PC = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i
  const skipped = (t) => {
    // last Sunday of March, 01:00-01:59
    const y = +t.slice(0, 4)
    let d = 31
    while (new Date(Date.UTC(y, 2, d)).getUTCDay() !== 0) d--
    return t.slice(0, 10) === `${y}-03-${String(d).padStart(2, '0')}` && t.slice(11, 13) === '01'
  }
  const dateOk = (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) && (s.length < 10 ? +s.slice(0, 4) >= 1900 && (s.length === 4 || (+s.slice(5, 7) >= 1 && +s.slice(5, 7) <= 12)) : realDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)))
  const timeOk = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(s) && dateOk(s.slice(0, 10)) && +s.slice(11, 13) < 24 && !skipped(s)
  const persons = new Map(),
    events = new Map(),
    refs = [],
    eps = []
  let n = 0
  for (const y of readdirSync(adir).filter((d) => /^\d{4}$/.test(d)).sort())
    for (const f of readdirSync(join(adir, y)).sort()) {
      const lines = readFileSync(join(adir, y, f), 'utf8').split('\n').filter(Boolean)
      lines.forEach((l, i) => {
        n++
        const at = `${y}/${f}:${i + 1}`
        let o
        try {
          o = JSON.parse(l)
        } catch {
          return err(`${at}: not JSON`)
        }
        if (!o.agency || !o.source_id || !o.type) err(`${at}: framing`)
        if (o.agency !== f.replace('.ndjson', '')) err(`${at}: agency ${o.agency} in ${f}`)
        if (!timeOk(o.recorded_at)) err(`${at}: recorded_at ${o.recorded_at}`)
        if (o.recorded_at.slice(0, 4) !== y || o.recorded_at.slice(0, 10) > '2024-12-20') err(`${at}: recorded_at ${o.recorded_at} outside its file's year or late`)
        for (const [k, v] of Object.entries(o)) if (typeof v === 'number') err(`${at}: ${k} is a number`)
        if (o.type === 'person') {
          if (!o.given_name && !o.family_name) err(`${at}: no name`)
          if (o.date_of_birth !== undefined && !dateOk(o.date_of_birth)) err(`${at}: date_of_birth ${o.date_of_birth}`)
          if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) err(`${at}: sex`)
          if (o.nhs_number && !nhsValid(o.nhs_number)) err(`${at}: nhs_number`)
          if (o.upn && !upnValid(o.upn)) err(`${at}: upn`)
          if (o.address && o.address.postcode && !PC.test(o.address.postcode)) err(`${at}: postcode ${o.address.postcode}`)
          for (const k of ['given_name', 'family_name']) if (o[k] && (/[\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(o[k]) || o[k].length > 200)) err(`${at}: ${k}`)
          const key = `${o.agency}:${o.source_id}`
          if (!persons.has(key)) persons.set(key, [])
          persons.get(key).push(o)
        } else if (o.type === 'event') {
          if (!KINDS.has(o.kind)) err(`${at}: kind ${o.kind}`)
          if (!timeOk(o.occurred_at)) err(`${at}: occurred_at`)
          if (o.ended_at && (!timeOk(o.ended_at) || o.ended_at < o.occurred_at)) err(`${at}: ended_at`)
          if (o.kind === 'missing_episode' && !o.ended_at) err(`${at}: missing episode without ended_at`)
          if (o.recorded_at < o.occurred_at) err(`${at}: recorded before it happened`)
          for (const x of o.indicators || []) if (!IND.has(x)) err(`${at}: indicator ${x}`)
          for (const v of o.involves || []) {
            if (v.role && !ROLES.has(v.role)) err(`${at}: role ${v.role}`)
            if (v.person) refs.push([at, `${o.agency}:${v.person}`])
          }
          if (o.kind === 'return_interview') {
            if (!['done', 'declined', 'not_held'].includes(o.status)) err(`${at}: status`)
            if (o.status !== 'done' && !o.reason) err(`${at}: reason`)
            if (o.episode) eps.push([at, o.episode])
          }
          if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) err(`${at}: outcome`)
          refs.push([at, `${o.agency}:${o.subject}`])
          const k = `${o.agency}:${o.subject}`
          events.set(k, (events.get(k) || 0) + 1)
          events.set(`ev:${o.agency}:${o.source_id}`, o)
        } else if (o.type === 'relationship') {
          if (!['family', 'parent', 'carer', 'lives_with', 'associate', 'peer', 'claimed_partner', 'professional'].includes(o.kind)) err(`${at}: relationship kind`)
          refs.push([at, `${o.agency}:${o.from}`], [at, `${o.agency}:${o.to}`])
        } else err(`${at}: type ${o.type}`)
      })
    }
  for (const [at, k] of refs) if (!persons.has(k)) err(`${at}: reference to ${k}, never sent`)
  for (const [at, k] of eps) if (!events.has(`ev:${k}`) || events.get(`ev:${k}`).kind !== 'missing_episode') err(`${at}: episode ${k} not a missing episode sent`)
  const truth = readFileSync(join(adir, 'truth.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
  const seen = new Set()
  let kids = 0
  for (const [a, s, pid, c] of truth) {
    const k = `${a}:${s}`
    if (seen.has(k)) err(`truth: ${k} twice`)
    seen.add(k)
    if (!persons.has(k)) err(`truth: ${k} not sent`)
    if (c === '1') {
      kids++
      if (!events.get(k)) err(`truth: child record ${k} holds no event`)
      for (const o of persons.get(k) || []) {
        const d = o.date_of_birth
        if (d && d.length === 10 && d !== '1900-01-01' && d <= '2007-01-31') err(`truth: child record ${k} is 18 by 2025-01-31 (${d})`)
        if (d && d.length === 10 && d !== '1900-01-01' && o.is_child === false) err(`truth: child ${k} is_child false`)
      }
    } else for (const o of persons.get(k) || []) if (o.is_child !== false) err(`truth: adult ${k} without is_child false`)
  }
  for (const k of persons.keys()) if (!seen.has(k)) err(`truth: ${k} missing`)
  console.log(`area e4: ${n} objects, ${persons.size} person records (${kids} of children), ${truth.length} truth rows`)
}
if (errs.length) {
  console.error(`${errs.length} problems`)
  process.exit(1)
}
console.log('ok')
