#!/usr/bin/env node
// Validates what gen-people-p.mjs and gen-area-e3.mjs wrote against docs/cli.md (the person CSV `link` reads),
// docs/import-format.md (1.4) and the truth shapes the two linkage scorers read. Exit 1 on any problem.
// Usage: node check-r9b.mjs [PEOPLE_DIR] [AREA_DIR]   (defaults: ./people, ./areas/e3)
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nhsValid, upnValid } from './lib-r9b.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const peopleDir = process.argv[2] || join(here, 'people')
const areaDir = process.argv[3] || join(here, 'areas', 'e3')
const problems = []
const bad = (m) => problems.length < 200 && problems.push(m)

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
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
const realDate = (s) => {
  const d = new Date(s + 'T00:00:00Z')
  return !isNaN(d) && d.toISOString().slice(0, 10) === s
}

// ---------- people set p ----------
{
  const rows = parseCsv(readFileSync(join(peopleDir, 'p.csv'), 'utf8'))
  const head = rows[0].join(',')
  if (head !== 'record_id,given_name,family_name,other_names,date_of_birth,sex,address_line,town,postcode,phone,nhs_number') bad(`p.csv header: ${head}`)
  const ids = new Set()
  let dobs = { iso: 0, compact: 0, uk: 0, partial: 0, empty: 0 }
  for (const r of rows.slice(1)) {
    if (r.length !== 11) bad(`p.csv: ${r[0]} has ${r.length} cells`)
    if (!r[0] || ids.has(r[0])) bad(`p.csv: id ${r[0]} missing or repeated`)
    ids.add(r[0])
    if (!r[1] && !r[2]) bad(`p.csv: ${r[0]} has no name`)
    const d = r[4]
    if (!d) dobs.empty++
    else if (/^\d{4}-\d{2}-\d{2}$/.test(d)) dobs.iso++
    else if (/^\d{8}$/.test(d)) dobs.compact++
    else if (/^\d{2}\/\d{2}\/\d{4}$/.test(d)) dobs.uk++
    else if (/^\d{4}(-\d{2})?$/.test(d)) dobs.partial++
    else bad(`p.csv: ${r[0]} date_of_birth "${d}" in no form link reads`)
    if (r[10] && !/^999/.test(r[10].replace(/\s/g, ''))) bad(`p.csv: ${r[0]} NHS number outside the 999 range`)
    for (const c of r) if (/[\t\r\u2028\u2029]/.test(c) || /^[=@]/.test(c)) bad(`p.csv: ${r[0]} cell ${JSON.stringify(c)}`)
  }
  const pairs = parseCsv(readFileSync(join(peopleDir, 'p.truth-pairs.csv'), 'utf8'))
  if (pairs[0].join(',') !== 'id_a,id_b') bad('p.truth-pairs.csv header')
  const cl = parseCsv(readFileSync(join(peopleDir, 'p.truth-clusters.csv'), 'utf8'))
  const pid = new Map(cl.slice(1).map((x) => [x[0], x[1]]))
  if (pid.size !== ids.size) bad(`p.truth-clusters.csv has ${pid.size} records, p.csv ${ids.size}`)
  const byP = new Map()
  for (const [id, p] of pid) {
    if (!ids.has(id)) bad(`truth-clusters: ${id} not in p.csv`)
    byP.set(p, (byP.get(p) || 0) + 1)
  }
  let expect = 0
  for (const n of byP.values()) expect += (n * (n - 1)) / 2
  const seen = new Set()
  for (const [a, b] of pairs.slice(1)) {
    if (!ids.has(a) || !ids.has(b)) bad(`truth pair ${a},${b}: unknown id`)
    if (pid.get(a) !== pid.get(b)) bad(`truth pair ${a},${b}: two people`)
    const k = a < b ? a + ' ' + b : b + ' ' + a
    if (seen.has(k)) bad(`truth pair ${k} repeated`)
    seen.add(k)
  }
  if (seen.size !== expect) bad(`truth pairs ${seen.size}, clusters imply ${expect}`)
  console.log(`people p: ${ids.size} records, ${byP.size} people, ${seen.size} true pairs; dates ${JSON.stringify(dobs)}`)
}

// ---------- area e3 ----------
{
  const KINDS = 'concern contact_referral assessment strategy_discussion section47_enquiry cp_conference cp_plan_start cp_plan_end looked_after_start looked_after_end placement_move missing_episode return_interview crime_report arrest charge charging_decision police_nfa intelligence disclosure disclosure_withdrawn health_attendance sexual_health pregnancy termination self_harm substance_misuse school_absence school_exclusion education_change youth_justice note'.split(' ')
  const ROLES = 'suspect victim witness associate family professional found_at found_with'.split(' ')
  const REL = 'family parent carer lives_with associate peer claimed_partner professional'.split(' ')
  const IND = 'staying_out_late missing unknown_callers concerning_phone_use concerning_internet_use gifts_money older_associates vehicle_unknown_adults hotspot_location alcohol_misuse drug_misuse sti pregnancy self_harm unexplained_injury school_disengagement sexualised_behaviour peers_exploited disclosure_withdrawn family_breakdown domestic_abuse_at_home substance_misuse_at_home parental_mental_health looked_after isolated low_self_esteem'.split(' ')
  const AG = ['police', 'csc', 'health', 'school', 'cps', 'charity', 'yjs', 'hsg']
  const sh = readFileSync(join(areaDir, 'IMPORT.sh'), 'utf8')
  for (const a of AG) if (!sh.includes(`agencies add ${a} `)) bad(`IMPORT.sh does not register ${a}`)
  const objs = []
  for (const y of readdirSync(areaDir).filter((d) => /^\d{4}$/.test(d)).sort())
    for (const f of readdirSync(join(areaDir, y)).sort()) {
      if (!sh.includes(`${y}/${f}`)) bad(`IMPORT.sh does not import ${y}/${f}`)
      const lines = readFileSync(join(areaDir, y, f), 'utf8').split('\n')
      lines.forEach((l, i) => {
        if (!l) return
        let o
        try {
          o = JSON.parse(l)
        } catch {
          return bad(`${y}/${f}:${i + 1} not JSON`)
        }
        o._where = `${y}/${f}:${i + 1}`
        if (!o.recorded_at || o.recorded_at.slice(0, 4) !== y) bad(`${o._where}: recorded_at ${o.recorded_at} not in ${y}`)
        if (o.recorded_at > '2024-12-20T23:59:59') bad(`${o._where}: recorded_at after 2024-12-20`)
        if (`${o.agency}.ndjson` !== f) bad(`${o._where}: agency ${o.agency} in ${f}`)
        objs.push(o)
      })
    }
  const persons = new Map(),
    events = new Map()
  const key = (o) => `${o.agency}:${o.source_id}`
  for (const o of objs) if (o.type === 'person') persons.set(key(o), o)
  for (const o of objs) if (o.type === 'event') events.set(key(o), o)
  const time = (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(s) && realDate(s.slice(0, 10)) && s.slice(11, 13) !== '24' && !(s.slice(11, 13) === '01' && /-03-(2[5-9]|3[01])$/.test(s.slice(0, 10)))
  const texty = (o, fields) => {
    for (const f of fields) if (o[f] != null && typeof o[f] !== 'string') bad(`${o._where}: ${f} is not text`)
  }
  const evBySubject = new Map()
  for (const o of objs) {
    if (!AG.includes(o.agency) || !o.source_id || typeof o.source_id !== 'string') bad(`${o._where}: agency/source_id`)
    for (const t of Object.values(o)) if (typeof t === 'string' && /[\u0000-\u0008\u000b-\u001f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(t)) bad(`${o._where}: control character`)
    if (!time(o.recorded_at)) bad(`${o._where}: recorded_at ${o.recorded_at}`)
    if (o.type === 'person') {
      texty(o, ['given_name', 'family_name', 'date_of_birth', 'sex', 'ethnicity', 'nationality', 'nhs_number', 'upn', 'pnc_id', 'phone'])
      if (!o.given_name && !o.family_name) bad(`${o._where}: no name`)
      if (o.date_of_birth && !(/^\d{4}(-\d{2})?$/.test(o.date_of_birth) || realDate(o.date_of_birth))) bad(`${o._where}: dob ${o.date_of_birth}`)
      if (o.sex && !['female', 'male', 'other', 'unknown'].includes(o.sex)) bad(`${o._where}: sex ${o.sex}`)
      if (o.nhs_number && (!nhsValid(o.nhs_number) || !o.nhs_number.startsWith('999'))) bad(`${o._where}: nhs ${o.nhs_number}`)
      if (o.upn && !upnValid(o.upn)) bad(`${o._where}: upn ${o.upn}`)
      if (o.address?.postcode && !/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(o.address.postcode.trim())) bad(`${o._where}: postcode ${o.address.postcode}`)
      if (o.other_names && !Array.isArray(o.other_names)) bad(`${o._where}: other_names not a list`)
    } else if (o.type === 'event') {
      if (!KINDS.includes(o.kind)) bad(`${o._where}: kind ${o.kind}`)
      if (!persons.has(`${o.agency}:${o.subject}`)) bad(`${o._where}: subject ${o.subject} never sent`)
      if (!time(o.occurred_at)) bad(`${o._where}: occurred_at ${o.occurred_at}`)
      if (o.ended_at && (!time(o.ended_at) || o.ended_at < o.occurred_at)) bad(`${o._where}: ended_at ${o.ended_at}`)
      if (o.recorded_at < o.occurred_at) bad(`${o._where}: recorded before it happened`)
      for (const i of o.involves || []) {
        if (i.person && !persons.has(`${o.agency}:${i.person}`)) bad(`${o._where}: involves ${i.person} never sent`)
        if (i.role && !ROLES.includes(i.role)) bad(`${o._where}: role ${i.role}`)
      }
      for (const i of o.indicators || []) if (!IND.includes(i)) bad(`${o._where}: indicator ${i}`)
      if (o.kind === 'return_interview') {
        if (o.status && !['done', 'declined', 'not_held'].includes(o.status)) bad(`${o._where}: status`)
        if (o.status && o.status !== 'done' && !o.reason) bad(`${o._where}: no reason`)
        if (o.episode && !events.has(o.episode)) bad(`${o._where}: episode ${o.episode} never sent`)
      }
      if (o.kind === 'charging_decision' && !['charge', 'no_further_action', 'further_evidence_needed'].includes(o.outcome)) bad(`${o._where}: outcome`)
      if (o.kind === 'missing_episode' && !o.ended_at) bad(`${o._where}: missing episode without ended_at`)
      evBySubject.set(`${o.agency}:${o.subject}`, (evBySubject.get(`${o.agency}:${o.subject}`) || 0) + 1)
    } else if (o.type === 'relationship') {
      if (!persons.has(`${o.agency}:${o.from}`) || !persons.has(`${o.agency}:${o.to}`)) bad(`${o._where}: relationship end never sent`)
      if (!REL.includes(o.kind)) bad(`${o._where}: relationship kind ${o.kind}`)
    } else bad(`${o._where}: type ${o.type}`)
  }
  // truth
  const t = readFileSync(join(areaDir, 'truth.csv'), 'utf8').trim().split('\n')
  if (t[0] !== 'agency,source_id,person_id,is_child,cases') bad(`truth.csv header ${t[0]}`)
  const truth = new Map()
  for (const l of t.slice(1)) {
    const [a, s, p, c] = l.split(',')
    if (truth.has(`${a}:${s}`)) bad(`truth.csv: ${a}:${s} twice`)
    if (!['0', '1'].includes(c)) bad(`truth.csv: ${a}:${s} is_child ${c}`)
    truth.set(`${a}:${s}`, { p, child: c === '1' })
  }
  for (const k of persons.keys()) if (!truth.has(k)) bad(`person ${k} not in truth.csv`)
  for (const k of truth.keys()) if (!persons.has(k)) bad(`truth.csv ${k} is no person sent`)
  const byChild = new Map()
  let childRecs = 0
  for (const [k, v] of truth) {
    const o = persons.get(k)
    if (!o) continue
    if (v.child) {
      childRecs++
      byChild.set(v.p, (byChild.get(v.p) || 0) + 1)
      if (!evBySubject.get(k)) bad(`child record ${k} holds no event`)
      if (o.is_child === false) bad(`child record ${k} says is_child false`)
      if (o.date_of_birth && o.date_of_birth.length === 10 && o.date_of_birth < '2007-02-01') bad(`child record ${k} is 18 by 2025-01-31`)
    } else if (o.is_child !== false) bad(`adult record ${k} without is_child false`)
  }
  let pairs = 0
  for (const n of byChild.values()) pairs += (n * (n - 1)) / 2
  console.log(`area e3: ${objs.length} objects (${events.size} events), ${persons.size} person records, ${byChild.size} children in ${childRecs} records, ${persons.size - childRecs} adult records, ${pairs} true child pairs`)
}
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log('ok')
