// In-process replay of bench/blind/2026-12-06/language-risk/score-risk.mjs on a generated risk area: the
// same counts (every quarter end 2016-03-31..2025-03-31, band >= 2; recall before the first exploitation
// record, false flags at any quarter end, median lead from the first flagged quarter end), computed with
// the pure rules (deriveEvidence + trajectory) over the area's NDJSON, events grouped by truth.csv (that
// is, perfect linkage). Minutes instead of the scorer's 35-50: for comparing instrument versions side by
// side; the scorer on a loaded database stays the figure of record.
//   node --import tsx bench/risk-replay.ts AREA [AREA...] [--instrument 1.4.0,1.5.0] [--misses] [--false]
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { validateRecord } from '../src/records/validate.ts'
import type { EventRecord, PersonRecord } from '../src/records/types.ts'
import { deriveEvidence, isAdultOn, type EvidenceEvent, type Evidence } from '../src/risk/evidence.ts'
import { trajectory } from '../src/risk/trajectory.ts'
import * as seraf from '../src/risk/seraf-cse.ts'
import type { Instrument } from '../src/risk/instrument.ts'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const opt = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const INSTRUMENT_VERSIONS: Record<string, Instrument> = Object.fromEntries(
  Object.values(seraf)
    .filter((v): v is Instrument => typeof v === 'object' && v !== null && 'items' in v)
    .map((i) => [i.version, i]),
)
const versions = (opt('--instrument') ?? '1.4.0').split(',')
const areas = args.filter(
  (a, i) =>
    !a.startsWith('--') && !['--instrument', '--extra-rule', '--band2', '--extra-age-rule'].includes(args[i - 1]),
)

/** London wall clock (no offset) to epoch ms, as the scorer does. */
function londonToMs(s: string): number {
  if (/[zZ]|[+-]\d\d:\d\d$/.test(s)) return Date.parse(s)
  const guess = Date.parse(s + 'Z')
  const y = new Date(guess).getUTCFullYear()
  const lastSun = (m: number) => {
    const d = new Date(Date.UTC(y, m + 1, 0))
    return Date.UTC(y, m, d.getUTCDate() - d.getUTCDay(), 1)
  }
  const bst = guess - 3600000 >= lastSun(2) && guess - 3600000 < lastSun(9)
  return guess - (bst ? 3600000 : 0)
}

const quarters: string[] = []
for (let y = 2016; y <= 2025; y++)
  for (const md of ['03-31', '06-30', '09-30', '12-31']) if (`${y}-${md}` <= '2025-03-31') quarters.push(`${y}-${md}`)
const quarterMs = quarters.map((q) => londonToMs(`${q}T23:59:00`))

interface Kid {
  key: string
  exploited: boolean
  tx: number | null
  profile: string
  dob: string | null
  events: EvidenceEvent[]
}

function loadArea(dir: string) {
  const sh = readFileSync(join(dir, 'IMPORT.sh'), 'utf8')
  const agencies = new Set([...sh.matchAll(/agencies add (\S+)/g)].map((m) => m[1]))
  const truthLines = readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split('\n')
  const head = truthLines.shift()!.split(',')
  const byRecord = new Map<string, string>()
  const kids = new Map<string, Kid>()
  for (const l of truthLines) {
    const v = l.split(',')
    const r = Object.fromEntries(head.map((h, i) => [h, v[i]]))
    byRecord.set(`${r.agency}:${r.source_id}`, r.person_key)
    if (!kids.has(r.person_key))
      kids.set(r.person_key, {
        key: r.person_key,
        exploited: r.exploited === '1',
        tx: r.first_exploitation_recorded_at ? londonToMs(r.first_exploitation_recorded_at) : null,
        profile: '',
        dob: null,
        events: [],
      })
  }
  try {
    const pl = readFileSync(join(dir, 'profiles.csv'), 'utf8').trim().split('\n')
    const ph = pl.shift()!.split(',')
    for (const l of pl) {
      const r = Object.fromEntries(ph.map((h, i) => [h, l.split(',')[i]]))
      const k = kids.get(r.person_key)
      if (k) k.profile = r.profile_or_intensity
    }
  } catch {
    // no profiles
  }
  const persons = new Map<string, PersonRecord>()
  const latest = new Map<string, EvidenceEvent>()
  const all: { rec: EventRecord; e: EvidenceEvent }[] = []
  for (const fy of readdirSync(join(dir, 'years')).sort())
    for (const f of readdirSync(join(dir, 'years', fy)).sort())
      for (const line of readFileSync(join(dir, 'years', fy, f), 'utf8').split('\n')) {
        if (!line.trim()) continue
        const v = validateRecord(JSON.parse(line), { agencies })
        if (!v.ok) continue
        const r = v.record
        const key = `${r.agency}:${r.source_id}`
        if (r.type === 'person') {
          persons.set(key, r as PersonRecord)
          continue
        }
        if (r.type !== 'event') continue
        const prev = latest.get(key)
        if (prev && prev.valid_until == null) prev.valid_until = r.recorded_at
        if ((r as { withdrawn?: boolean }).withdrawn) {
          latest.delete(key)
          continue
        }
        const ev = r as EventRecord
        const e: EvidenceEvent = {
          agency: ev.agency,
          source_id: ev.source_id,
          kind: ev.kind,
          occurred_at: ev.occurred_at,
          indicators: ev.indicators,
          involves: ev.involves,
          restricted: ev.restricted,
          // a line without recorded_at is known when it happened (the replay has no import time)
          recorded_at: ev.recorded_at ?? ev.occurred_at,
          subject: ev.subject,
          outcome: ev.outcome,
          summary: ev.summary,
          details: ev.details,
          extra: ev.extra,
        }
        latest.set(key, e)
        all.push({ rec: ev, e })
      }
  for (const { rec, e } of all) {
    const child = byRecord.get(`${rec.agency}:${rec.subject}`)
    if (child) kids.get(child)!.events.push(e)
    if (['crime_report', 'arrest', 'charge'].includes(rec.kind))
      for (const inv of rec.involves)
        if (inv.kind === 'person' && inv.role === 'victim' && inv.person !== rec.subject) {
          const v = byRecord.get(inv.person.includes(':') ? inv.person : `${rec.agency}:${inv.person}`)
          if (v) kids.get(v)!.events.push({ ...e, childAsVictim: true })
        }
  }
  for (const [ref, p] of persons) {
    const k = byRecord.get(ref)
    if (!k) continue
    const kid = kids.get(k)!
    if (p.date_of_birth && (!kid.dob || p.date_of_birth.length > kid.dob.length)) kid.dob = p.date_of_birth
  }
  const isAdult = (ref: string, occurredAt: string) => {
    const p = persons.get(ref)
    return p ? isAdultOn(p.date_of_birth ?? undefined, occurredAt, p.is_child ?? undefined) : undefined
  }
  return { kids: [...kids.values()], isAdult }
}

const median = (a: number[]) => {
  if (!a.length) return NaN
  const s = [...a].sort((x, y) => x - y)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export interface ReplayResult {
  area: string
  version: string
  caught: number
  eligible: number
  falseFlags: number
  never: number
  leadDays: number
  missed: Record<string, number>
}

export function replay(
  dir: string,
  instrument: Instrument,
  loaded = loadArea(dir),
  show = { misses: false, falses: false },
): ReplayResult {
  const { kids, isAdult } = loaded
  const start = londonToMs('2016-03-31T23:59:59')
  let caught = 0
  let eligible = 0
  let falseFlags = 0
  let never = 0
  const leads: number[] = []
  const missed: Record<string, number> = {}
  for (const k of kids) {
    const evidence = deriveEvidence(k.events, {
      isAdult,
      readWords: instrument.readsRecordWords === true,
      readExplanations: instrument.readsExplanations === true,
      readFollowUps: instrument.readsFollowUps === true,
      readPlainWording: instrument.readsPlainWording === true,
      readOlderPartners: instrument.readsOlderPartners === true,
    })
    const t = trajectory(instrument, evidence, k.dob)
    const flagged = quarterMs.map((ms) => t.at(ms).band >= 2)
    if (k.exploited) {
      if (!k.tx || k.tx <= start) continue
      eligible++
      const first = quarterMs.findIndex((ms, i) => flagged[i] && ms < k.tx!)
      if (first >= 0) {
        caught++
        leads.push((k.tx - quarterMs[first]) / 86400000)
      } else {
        const lastQ = Math.max(...quarterMs.filter((ms) => ms < k.tx!), -Infinity)
        const signs = evidence.filter((e) => e.recordedMs < k.tx! && INDICATOR_CODES(instrument).has(e.code))
        const bandLater = t.points.some((p) => +p.at < k.tx! && p.band >= 2)
        const why =
          signs.length === 0 ? 'none' : bandLater || signs.every((e) => e.recordedMs > lastQ) ? 'late' : 'under'
        missed[why] = (missed[why] ?? 0) + 1
        if (show.misses) explain(k, evidence, t, `MISSED (${why})`)
      }
    } else {
      never++
      if (flagged.some(Boolean)) {
        falseFlags++
        if (show.falses) explain(k, evidence, t, `FALSE at ${quarters[flagged.indexOf(true)]}`)
      }
    }
  }
  return {
    area: basename(dir),
    version: instrument.version,
    caught,
    eligible,
    falseFlags,
    never,
    leadDays: median(leads),
    missed,
  }
}

/** Codes of the instrument's moderate and significant items (not lifelong vulnerabilities). */
function INDICATOR_CODES(instrument: Instrument): Set<string> {
  return new Set(instrument.items.filter((i) => i.domain !== 'vulnerability').flatMap((i) => i.evidence))
}

function explain(k: Kid, evidence: Evidence[], t: ReturnType<typeof trajectory>, what: string) {
  const until = k.tx ?? Infinity
  const maxBefore = Math.max(0, ...t.points.filter((p) => +p.at < until).map((p) => p.score))
  console.log(
    `\n== ${what} ${k.key} ${k.profile} dob ${k.dob} tx ${k.tx ? new Date(k.tx).toISOString().slice(0, 10) : '-'} max score before ${maxBefore}`,
  )
  const ev = new Map<string, string[]>()
  for (const e of evidence) {
    const list = ev.get(e.eventRef) ?? []
    list.push(e.code)
    ev.set(e.eventRef, list)
  }
  for (const e of [...k.events].sort((a, b) => +new Date(a.recorded_at) - +new Date(b.recorded_at))) {
    if (+new Date(e.recorded_at) >= until) break
    const ref = `${e.agency}:${e.source_id}`
    const codes = ev.get(ref)?.join(',') ?? ''
    const txt = [e.summary, e.details, e.outcome, e.extra?.child_account, e.extra?.last_seen, e.extra?.risk_grading]
      .filter(Boolean)
      .join(' | ')
    console.log(
      `  ${String(e.occurred_at).slice(0, 10)} ${e.agency.padEnd(8)} ${e.kind.padEnd(18)} [${(e.indicators ?? []).join(',')}] {${codes}} ${e.childAsVictim ? '(victim) ' : ''}${txt.slice(0, 220)}`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const dir of areas) {
    const loaded = loadArea(dir)
    for (const v of versions) {
      let instrument = INSTRUMENT_VERSIONS[v]
      if (!instrument) throw new Error(`no instrument ${v}`)
      const band2 = opt('--band2')
      if (band2)
        instrument = {
          ...instrument,
          version: `${instrument.version}+band2>=${band2}`,
          bands: instrument.bands.map((b) => (b.band === 2 ? { ...b, minScore: Number(band2) } : b)),
        }
      const ageRule = opt('--extra-age-rule')
      if (ageRule)
        instrument = {
          ...instrument,
          version: `${instrument.version}+age`,
          ageRules: [...instrument.ageRules, JSON.parse(ageRule)],
        }
      const extra = opt('--extra-rule')
      if (extra)
        instrument = {
          ...instrument,
          version: `${v}+rule`,
          patternRules: [...(instrument.patternRules ?? []), JSON.parse(extra)],
        }
      const r = replay(dir, instrument, loaded, { misses: flag('--misses'), falses: flag('--false') })
      console.log(
        `${r.area} ${r.version}: flagged early ${r.caught}/${r.eligible} ${((100 * r.caught) / r.eligible).toFixed(1)}%, false ${r.falseFlags}/${r.never} ${((100 * r.falseFlags) / r.never).toFixed(1)}%, median lead ${r.leadDays.toFixed(0)} d; missed ${JSON.stringify(r.missed)}`,
      )
    }
  }
}
