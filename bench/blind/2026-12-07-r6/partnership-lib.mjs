// The partnership-area engine shared by gen-partnership-p2.mjs and gen-partnership-p3.mjs.
// Builds a model of children, their real missing episodes and return interviews, writes each agency's
// records as import format 1.1-1.4 NDJSON (records/fyYYYY/AGENCY.ndjson by the financial year of
// recorded_at), IMPORT.sh, truth.csv, children.csv and truth-quarters.csv (computed from the model).
import { rng, nhsNumber, upn, pncId, phone, H, MIN, DAY, londonDate, londonParts, fromLondon, fmt, csvLine, writeOut } from './lib.mjs'
import { join } from 'node:path'
import { rmSync } from 'node:fs'

const pad = (n) => String(n).padStart(2, '0')

export function quarters(from, to) {
  const out = []
  let [y, m] = from.split('-').map(Number)
  for (;;) {
    const s = `${y}-${pad(m)}-01`
    if (s > to) break
    const em = m + 2
    const last = new Date(Date.UTC(y, em, 0)).getUTCDate()
    out.push([s, `${y}-${pad(em)}-${pad(last)}`])
    m += 3
    if (m > 12) { m -= 12; y++ }
  }
  return out
}
function fyOf(ms) {
  const d = londonDate(ms)
  const y = Number(d.slice(0, 4)), mo = Number(d.slice(5, 7))
  return mo >= 4 ? y : y - 1
}
function addYears(dob, n) { return `${Number(dob.slice(0, 4)) + n}${dob.slice(4)}` }

export function generatePartnership(cfg, outDir) {
  const r = rng(cfg.seed)
  rmSync(join(outDir, 'records'), { recursive: true, force: true }) // no stale files from an earlier run
  const cap = Date.parse(cfg.lastRecordedAt) // no recorded_at after this
  const P0 = fromLondon(...cfg.from.split('-').map(Number), 0)
  const P1 = fromLondon(...cfg.to.split('-').map(Number), 0) + DAY
  const records = [] // {agency, obj, at, sortKey, fy}
  const push = (agency, obj, at, opts = {}) => {
    if (at > cap) throw new Error(`recorded_at after cap ${obj.source_id}`)
    obj.recorded_at = fmt(at, cfg.recordedFmt ? cfg.recordedFmt(r) : 'Z')
    records.push({ agency, obj, at, sortKey: opts.sortKey ?? at, fy: opts.fy ?? fyOf(at), seq: records.length })
  }

  // ---------- children ----------
  const children = []
  const used = new Set()
  for (let i = 0; i < cfg.nChildren; i++) {
    const sex = r.chance(0.58) ? 'female' : 'male'
    const grp = r.weighted(cfg.groups.map((g) => [g, g.w]))
    let given, family
    do {
      given = r.pick(sex === 'female' ? grp.girls : grp.boys)
      family = r.pick(grp.families)
    } while (used.has(given + ' ' + family))
    used.add(given + ' ' + family)
    const nick = (cfg.nicknames[given] && r.chance(0.7)) ? r.pick(cfg.nicknames[given]) : null
    const street = r.pick(cfg.streets)
    const place = r.pick(cfg.places)
    const addr = { line1: `${r.int(1, 140)} ${street}`, town: place.town, postcode: `${place.pc} ${r.int(1, 9)}${r.pick('ABDEFGHJLNPQRSTUWXYZ')}${r.pick('ABDEFGHJLNPQRSTUWXYZ')}` }
    children.push({ id: `${cfg.prefix}C${String(i + 1).padStart(4, '0')}`, sex, given, family, nick, grp: grp.name, addr, nhs: nhsNumber(r), upn: upn(r, cfg.la), phone: r.chance(0.6) ? phone(r) : null, eps: [], agencies: new Set(), ethnicity: grp.ethnicity })
  }
  cfg.assignDobs(r, children)

  // ---------- episodes ----------
  let epSeq = 0
  const mkEp = (c, start, end, extra = {}) => {
    const e = { n: ++epSeq, child: c, start, end, open: end == null, corr: null, csc: null, cscOnly: false, withdrawn: false, interviews: [], fmt: cfg.pickFmt(r), ...extra }
    c.eps.push(e)
    return e
  }
  const randomDuration = () => r.weighted([[() => r.int(60, 360) * MIN, 40], [() => r.int(6 * 60, 24 * 60) * MIN, 35], [() => r.int(24, 96) * H + r.int(0, 59) * MIN, 20], [() => r.int(96, 240) * H, 5]])()
  const randomStart = (lo, hi) => {
    for (;;) {
      const day = lo + Math.floor(r.next() * (hi - lo))
      const p = londonParts(day)
      const hh = r.weighted([[r.int(15, 23), 75], [r.int(0, 14), 25]])
      const ms = fromLondon(p.y, p.mo, p.d, hh, r.int(0, 59))
      if (ms != null) return ms
    }
  }
  cfg.episodes({ r, children, mkEp, randomDuration, randomStart, P0, P1, H, MIN, DAY })

  // no overlaps for a child: drop any episode overlapping an earlier one (keeps the model consistent)
  for (const c of children) {
    c.eps.sort((a, b) => a.start - b.start)
    const kept = []
    for (const e of c.eps) {
      const prev = kept[kept.length - 1]
      if (prev && (prev.open || prev.end + 30 * MIN > e.start)) {
        if (e.keep && !prev.keep) { kept.pop(); kept.push(e); continue }
        continue
      }
      kept.push(e)
    }
    c.eps = kept
  }

  // csc copies, csc-only episodes, corrections, withdrawals
  for (const c of children) {
    for (const e of c.eps) cfg.decorate({ r, c, e, H, MIN, DAY })
  }

  // ---------- interviews ----------
  let riSeq = 0
  for (const c of children) {
    c.eps.forEach((e, idx) => {
      if (e.open || e.withdrawn) return
      const plan = e.plan ?? r.weighted(cfg.interviewPlans(e))
      const nextEvent = idx + 1 < c.eps.length ? c.eps[idx + 1].start : Infinity
      const add = (kind, at, status, extra = {}) => {
        const agency = extra.agency ?? cfg.interviewAgency(r, e)
        const iv = { n: ++riSeq, agency, at, status, versions: null, ...extra }
        // reference or not: without a reference only if no other episode of the child starts or ends
        // between the return and the interview (then "the child's latest return before it" is this one)
        const safe = at < nextEvent && at >= Math.max(e.end, e.csc ? e.csc.end : 0)
        iv.ref = !safe || r.chance(cfg.pRef) || iv.forceRef ? (e.csc && !e.cscOnly && r.chance(cfg.pRefCsc) ? 'csc' : (e.cscOnly ? 'csc' : 'police')) : null
        if (e.cscOnly && iv.ref === 'police') iv.ref = 'csc'
        e.interviews.push(iv)
        return iv
      }
      const end = e.end
      switch (plan) {
        case 'none': break
        case 'done': add('done', end + r.int(120, 71 * 60) * MIN, 'done'); break
        case 'exact72': add('done', end + 72 * H, 'done'); break
        case 'late72_01': add('done', end + 72 * H + MIN, 'done'); break
        case 'late': add('done', end + r.int(73 * 60, 400 * 60) * MIN, 'done'); break
        case 'declined': add('declined', end + r.int(4 * 60, 60 * 60) * MIN, 'declined', { reason: r.pick(cfg.declineReasons) }); break
        case 'declined_then_done': {
          const d1 = r.int(4 * 60, 30 * 60)
          add('declined', end + d1 * MIN, 'declined', { reason: r.pick(cfg.declineReasons) })
          add('done', end + (r.chance(0.5) ? r.int(d1 + 120, 71 * 60) : r.int(75 * 60, 200 * 60)) * MIN, 'done')
          break
        }
        case 'not_held': add('not_held', end + r.int(72 * 60, 150 * 60) * MIN, 'not_held', { reason: r.pick(cfg.notHeldReasons) }); break
        case 'done_followup': {
          const d1 = r.int(120, 70 * 60)
          add('done', end + d1 * MIN, 'done')
          add('done', end + r.int(100 * 60, 300 * 60) * MIN, 'done', { followup: true })
          break
        }
        case 'resent_to_done': {
          // first sent as declined, then the same interview object re-sent as held (the child changed her mind)
          const iv = add('done', end + r.int(20 * 60, 70 * 60) * MIN, 'done')
          iv.firstDeclined = { reason: r.pick(cfg.declineReasons) }
          break
        }
        default:
          if (typeof plan === 'function') plan({ add, e, r, H, MIN })
          else throw new Error('plan ' + plan)
      }
    })
  }

  // ---------- write records ----------
  const personIds = {} // agency -> child.id -> source_id
  const truthRows = []
  const personSeq = {}
  const personFor = (agency, c) => {
    personIds[agency] ??= {}
    if (!personIds[agency][c.id]) {
      personSeq[agency] = (personSeq[agency] ?? 0) + 1
      personIds[agency][c.id] = `${cfg.personPrefix[agency]}${String(personSeq[agency] + cfg.personOffset).padStart(5, '0')}`
      truthRows.push([agency, personIds[agency][c.id], c.id, 1])
      c.agencies.add(agency)
    }
    return personIds[agency][c.id]
  }
  const firstAt = {} // agency|child -> earliest recorded_at of an event
  const noteAt = (agency, c, at) => {
    const k = agency + '|' + c.id
    if (firstAt[k] == null || at < firstAt[k]) firstAt[k] = at
  }
  const events = []
  const ev = (agency, c, obj, at, opts) => {
    obj.subject = personFor(agency, c)
    noteAt(agency, c, at)
    events.push([agency, { type: 'event', agency, ...obj }, at, opts])
  }
  const clampAt = (at, floor) => Math.max(floor, Math.min(at, cap - r.int(60, 600) * MIN))

  for (const c of children) {
    for (const e of c.eps) {
      const pid = `ME-${String(e.n + cfg.eventOffset).padStart(6, '0')}`
      e.policeId = pid
      const base = { kind: 'missing_episode', missing_from: e.from ?? r.pick(['home', 'home', 'care_placement', 'care_placement', 'other']), risk_grading: r.pick(['low', 'medium', 'medium', 'high']), reported_by: e.reportedBy ?? r.pick(cfg.reporters) }
      if (!e.cscOnly) {
        const f = e.fmt
        const v1at = Math.min(e.start + r.int(15, 120) * MIN, cap - H)
        const last = r.pick(cfg.lastSeen)
        ev('police', c, { source_id: pid, ...base, occurred_at: fmt(e.start, f), last_seen: last, summary: e.adult ? `Missing person report (adult): ${c.given} ${c.family}` : `Missing child report: ${c.given} not returned`, recorded_by: `PC ${r.int(1000, 9999)}` }, v1at)
        if (!e.open) {
          const endShown = e.corr ? e.corr.wrongEnd : e.end
          const v2at = clampAt(Math.max(e.end, endShown) + r.int(20, 360) * MIN, Math.max(e.end, endShown) + MIN)
          const v2 = { source_id: pid, ...base, occurred_at: fmt(e.start, f), ended_at: fmt(endShown, f), last_seen: last, summary: `Missing child report: ${c.given} returned`, outcome: r.pick(cfg.outcomes), recorded_by: `PC ${r.int(1000, 9999)}` }
          if (e.corr) {
            const v3at = clampAt(v2at + r.int(1, 20) * DAY + r.int(0, 600) * MIN, v2at + H)
            const v3 = { ...v2, ended_at: fmt(e.end, e.corr.fmt ?? f), summary: `Missing child report: ${c.given} returned (return time corrected)` }
            ev('police', c, v3, v3at)
            // backfill order: the earlier version written after the correction, in the correction's file
            if (e.corr.backfill) ev('police', c, v2, v2at, { sortKey: v3at + 1, fy: fyOf(v3at) })
            else ev('police', c, v2, v2at)
            e.lastAt = v3at
          } else {
            ev('police', c, v2, v2at)
            e.lastAt = v2at
          }
        }
        if (e.withdrawn) {
          ev('police', c, { source_id: pid, withdrawn: true, reason: 'Duplicate report entered in error' }, clampAt((e.lastAt ?? v1at) + r.int(2, 10) * DAY, (e.lastAt ?? v1at) + H))
        }
      }
      if (e.csc) {
        const cid = `CSM-${String(e.n + cfg.eventOffset).padStart(6, '0')}`
        e.cscId = cid
        const at = clampAt((e.csc.end ?? e.start) + r.int(6, 72) * H, (e.csc.end ?? e.start) + MIN)
        const o = { source_id: cid, kind: 'missing_episode', missing_from: e.csc.from ?? 'care_placement', occurred_at: fmt(e.csc.start, e.csc.fmt), summary: e.cscOnly ? 'Absent from placement, not reported to police (carers knew where)' : 'Missing from placement (also reported to police)', recorded_by: r.pick(cfg.cscWorkers) }
        if (e.csc.end != null) o.ended_at = fmt(e.csc.end, e.csc.fmt)
        ev('csc', c, o, at)
      }
      for (const iv of e.interviews) {
        const id = `RI-${String(iv.n + cfg.eventOffset).padStart(6, '0')}`
        const o = { source_id: id, kind: 'return_interview', occurred_at: fmt(iv.at, iv.fmt ?? cfg.pickFmt(r)), status: iv.status }
        if (iv.ref) o.episode = iv.ref === 'csc' ? `csc:${e.cscId ?? `CSM-${String(e.n + cfg.eventOffset).padStart(6, '0')}`}` : `police:${e.policeId}`
        if (iv.reason) o.reason = iv.reason
        if (iv.status === 'done') o.child_account = r.pick(cfg.childAccounts)
        o.recorded_by = r.pick(cfg.interviewers[iv.agency])
        const late = iv.lateRecord || r.chance(cfg.pRecordedLate)
        let at = late ? iv.at + r.int(21, 56) * DAY : iv.at + r.int(1, 48) * H
        at = clampAt(at, iv.at + MIN)
        if (iv.firstDeclined) {
          const first = { ...o, status: 'declined', reason: iv.firstDeclined.reason, occurred_at: fmt(iv.at - r.int(3, 15) * H, cfg.pickFmt(r)) }
          delete first.child_account
          const at1 = clampAt(iv.at - 2 * H, iv.at - 3 * H)
          ev(iv.agency, c, first, at1)
          at = Math.max(at, at1 + H)
        }
        iv.recAt = at
        ev(iv.agency, c, o, at)
      }
    }
    cfg.filler?.({ r, c, ev, P0, P1, cap, H, MIN, DAY, fmt })
  }

  // persons: one version at the agency's first record of the child (a day before), some re-sent later
  for (const c of children) {
    for (const agency of c.agencies) {
      const sid = personIds[agency][c.id]
      const at = Math.max(firstAt[agency + '|' + c.id] - r.int(1, 36) * H, P0 - 400 * DAY)
      const p = cfg.person(r, agency, c)
      push(agency, { type: 'person', agency, source_id: sid, ...p }, at)
    }
  }
  for (const [agency, obj, at, opts] of events) push(agency, obj, at, opts)

  // ---------- files ----------
  const files = {}
  for (const rec of records) {
    const k = `fy${rec.fy}/${rec.agency}.ndjson`
    ;(files[k] ??= []).push(rec)
  }
  const fys = [...new Set(records.map((x) => x.fy))].sort()
  for (const [k, recs] of Object.entries(files)) {
    recs.sort((a, b) => a.sortKey - b.sortKey || a.seq - b.seq)
    writeOut(join(outDir, 'records', k), recs.map((x) => JSON.stringify(x.obj)).join('\n') + '\n')
  }
  const lastAt = Math.max(...records.map((x) => x.at))
  let sh = `#!/usr/bin/env bash\n# ${cfg.title}: migrate, register the agencies, import each financial year's files in order.\n# Needs THREADLINE_CLI (e.g. "node bin/threadline.js") and "now" on or after ${new Date(lastAt).toISOString()}.\nset -euo pipefail\nD="$(cd "$(dirname "$0")" && pwd)"\n$THREADLINE_CLI migrate\n`
  for (const [code, name, kind] of cfg.agencies) sh += `$THREADLINE_CLI agencies add ${code} --name "${name}" --kind ${kind}\n`
  for (const fy of fys) {
    const fl = cfg.agencies.map((a) => `fy${fy}/${a[0]}.ndjson`).filter((f) => files[f]).map((f) => `"$D/records/${f}"`)
    sh += `$THREADLINE_CLI import ${fl.join(' ')}\n`
  }
  writeOut(join(outDir, 'IMPORT.sh'), sh)

  truthRows.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1))
  writeOut(join(outDir, 'truth.csv'), [csvLine(['agency', 'source_id', 'person_id', 'is_child']), ...truthRows.map(csvLine)].join('\n') + '\n')
  writeOut(join(outDir, 'children.csv'), [csvLine(['person_id', 'given_name', 'family_name', 'known_as', 'sex', 'date_of_birth', 'town']), ...children.map((c) => csvLine([c.id, c.given, c.family, c.nick ?? '', c.sex, c.dob, c.addr.town]))].join('\n') + '\n')

  // ---------- truth from the model ----------
  const qs = quarters(cfg.from, cfg.to)
  const rows = qs.map((q) => ({ q, ended: 0, within: 0, all: 0, allWithin: 0 }))
  const stats = { children: children.length, childrenWithEpisodes: 0, episodes: 0, open: 0, withdrawn: 0, cscCopies: 0, cscMinutesApart: 0, cscOnly: 0, corrected: 0, adultEpisodes: 0, interviews: 0, counted: 0, countedWithin: 0, notCountedOutside: 0 }
  for (const c of children) {
    if (c.eps.length) stats.childrenWithEpisodes++
    const b18 = addYears(c.dob, 18)
    for (const e of c.eps) {
      stats.episodes++
      if (e.open) stats.open++
      if (e.withdrawn) { stats.withdrawn++; continue }
      if (e.csc && !e.cscOnly) { stats.cscCopies++; if (e.csc.start !== e.start || e.csc.end !== e.end) stats.cscMinutesApart++ }
      if (e.cscOnly) stats.cscOnly++
      if (e.corr) stats.corrected++
      stats.interviews += e.interviews.length
      if (e.open) continue
      const ends = [e.end]
      if (e.csc && e.csc.end != null) ends.push(e.csc.end)
      const within = ends.map((end) => e.interviews.some((iv) => iv.status === 'done' && iv.at >= end && iv.at - end <= 72 * H))
      if (within.some((w) => w !== within[0])) throw new Error(`ambiguous 72h for episode ${e.n}`)
      const dates = new Set(ends.map(londonDate))
      if (dates.size > 1) throw new Error(`ambiguous return date for episode ${e.n}`)
      const d = londonDate(e.end)
      const child = londonDate(e.start) < b18
      if (!child) stats.adultEpisodes++
      const row = rows.find((x) => x.q[0] <= d && d <= x.q[1])
      if (!row) { stats.notCountedOutside++; continue }
      row.all++
      if (within[0]) row.allWithin++
      if (!child) continue
      row.ended++
      stats.counted++
      if (within[0]) { row.within++; stats.countedWithin++ }
    }
  }
  writeOut(join(outDir, 'truth-quarters.csv'), [csvLine(['period_start', 'period_end', 'missing_episodes_ended', 'episodes_with_interview_within_72h']), ...rows.map((x) => csvLine([x.q[0], x.q[1], x.ended, x.within]))].join('\n') + '\n')
  if (cfg.writeAllAges) writeOut(join(outDir, 'truth-quarters-all-ages.csv'), [csvLine(['period_start', 'period_end', 'missing_episodes_ended', 'episodes_with_interview_within_72h']), ...rows.map((x) => csvLine([x.q[0], x.q[1], x.all, x.allWithin]))].join('\n') + '\n')
  stats.lastRecordedAt = new Date(lastAt).toISOString()
  stats.records = records.length
  stats.files = Object.keys(files).length
  stats.quarters = rows.map((x) => `${x.q[0]} ${x.ended}/${x.within}`)
  writeOut(join(outDir, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
  return { children, stats }
}
