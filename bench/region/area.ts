// The regional benchmark's area (issue 20): N children with their families (parents, brothers and
// sisters, the adults around them) and about 33 events a child over ten years from eight agencies, in
// the agency record format (docs/import-format.md; only what 1.1 defines), written to two files per
// agency (its person records and relationships, then its events) as it is generated, a family at a
// time, so that the area is never held in memory. Each agency records a child its own way (a familiar
// form of the given name, a misspelt or upper-case family name, a partial or mistyped date of birth,
// its own identifiers or none), so linkage has work to do. Deterministic: the same options give the
// same files. Only a small sample of children (for the load: whom to open, search and record about)
// and the counts are kept.
import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { createRng, type Rng } from '../../src/demo/prng.ts'
import {
  FAMILY_NAMES,
  FAMILY_VARIANTS,
  FEMALE_NAMES,
  GIVEN_VARIANTS,
  MALE_NAMES,
  STREETS,
} from '../../src/demo/names.ts'
import { nhsCheckDigit, upnCheckLetter } from '../../src/demo/identifiers.ts'

export interface RegionAgency {
  code: string
  name: string
  kind: string
}

/** The eight agencies of the region's partnership. */
export const REGION_AGENCIES: RegionAgency[] = [
  { code: 'csc', name: "Region Children's Social Care", kind: 'childrens_social_care' },
  { code: 'police', name: 'Region Police', kind: 'police' },
  { code: 'health', name: 'Region Health NHS Trust', kind: 'health' },
  { code: 'schools', name: 'Region Schools', kind: 'education' },
  { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' },
  { code: 'yjs', name: 'Region Youth Justice Service', kind: 'youth_justice' },
  { code: 'charity', name: 'Safe Steps Young People’s Project', kind: 'voluntary' },
  { code: 'camhs', name: 'Region CAMHS and Sexual Health Service', kind: 'health' },
]

export interface AreaSpec {
  children: number
  seed?: string
  /** The last day of the records (YYYY-MM-DD); the area covers the ten years before it. */
  end: string
  dir: string
}

/** A child the load opens, searches for and records about (its records as each agency knows them). */
export interface SampleChild {
  given: string
  family: string
  dob: string
  /** `agency:source_id` of each of its person records */
  records: string[]
  /** `agency:source_id` of the police's missing episodes about it */
  episodes: string[]
}

export interface AreaCounts {
  children: number
  adults: number
  families: number
  persons: Record<string, number>
  events: Record<string, number>
  relationships: Record<string, number>
  /** the files in the order they are imported: every agency's people first, then the events */
  files: { agency: string; part: 'people' | 'events'; path: string }[]
  sample: SampleChild[]
}

const DAY = 86_400_000
const YEAR = 365.25 * DAY
const MEAN_EVENTS = 33

/** Events each agency records about a child it knows, relative to the others (about 33 in all). */
const EVENT_WEIGHT: Record<string, number> = {
  schools: 11,
  health: 8,
  csc: 5,
  police: 4,
  camhs: 2,
  charity: 1.5,
  yjs: 1,
  cps: 0.5,
}
/** How likely each agency is to know a child (health and schools know nearly all). */
const KNOWS: Record<string, number> = {
  health: 1,
  schools: 0.95,
  csc: 0.45,
  police: 0.4,
  camhs: 0.18,
  charity: 0.12,
  yjs: 0.06,
  cps: 0.04,
}
const KINDS: Record<string, (readonly [string, number])[]> = {
  schools: [
    ['school_absence', 8],
    ['concern', 2],
    ['school_exclusion', 0.5],
    ['note', 1],
    ['education_change', 0.1],
  ],
  health: [
    ['health_attendance', 8],
    ['concern', 0.6],
    ['self_harm', 0.3],
    ['substance_misuse', 0.2],
    ['note', 1],
  ],
  csc: [
    ['contact_referral', 3],
    ['assessment', 2],
    ['strategy_discussion', 0.6],
    ['section47_enquiry', 0.4],
    ['cp_conference', 0.2],
    ['note', 2],
    ['concern', 1],
  ],
  police: [
    ['concern', 3],
    ['missing_episode', 2],
    ['crime_report', 1],
    ['intelligence', 0.6],
    ['note', 1],
  ],
  camhs: [
    ['note', 3],
    ['self_harm', 1],
    ['sexual_health', 1],
    ['concern', 1],
  ],
  charity: [
    ['note', 3],
    ['concern', 1],
  ],
  yjs: [
    ['youth_justice', 3],
    ['note', 1],
  ],
  cps: [['charging_decision', 1]],
}
const INDICATORS = [
  'staying_out_late',
  'missing',
  'older_associates',
  'concerning_phone_use',
  'gifts_money',
  'alcohol_misuse',
  'drug_misuse',
  'school_disengagement',
  'family_breakdown',
  'domestic_abuse_at_home',
]
const SUMMARIES: Record<string, string[]> = {
  school_absence: ['Absent without explanation', 'Left school at lunchtime', 'Late and absent for the afternoon'],
  school_exclusion: ['Fixed-term exclusion for fighting', 'Excluded for two days after an incident'],
  health_attendance: [
    'Attended the emergency department',
    'Minor injury unit attendance',
    'Seen by the GP out of hours',
  ],
  concern: ['Concern raised about the child', 'Worries shared by staff', 'Concern about the home'],
  contact_referral: ['Contact received from a partner agency', 'Referral from the school'],
  assessment: ['Child and family assessment completed', 'Assessment: needs met by universal services'],
  strategy_discussion: ['Strategy discussion held with police and health'],
  section47_enquiry: ['Section 47 enquiry begun'],
  cp_conference: ['Initial child protection conference'],
  missing_episode: ['Reported missing from home', 'Did not come home overnight'],
  crime_report: ['Victim of an assault', 'Victim of a theft'],
  intelligence: ['Intelligence about associates'],
  self_harm: ['Self-harm, treated and discharged'],
  substance_misuse: ['Attended intoxicated'],
  sexual_health: ['Clinic attendance'],
  youth_justice: ['Youth justice intervention reviewed'],
  charging_decision: ['Charging decision made'],
  education_change: ['Moved to alternative provision'],
  note: ['Recorded observation', 'Phone call with the family', 'Home visit'],
}

const iso = (ms: number) => new Date(ms).toISOString()
const day = (ms: number) => iso(ms).slice(0, 10)

/** Writes lines to the agencies' files, flushing each when its buffer is large (and waiting on a full stream). */
class Files {
  private streams = new Map<string, WriteStream>()
  private buffers = new Map<string, string[]>()
  private sizes = new Map<string, number>()
  constructor(readonly dir: string) {}
  path(agency: string, part: 'people' | 'events') {
    return join(this.dir, `${agency}-${part}.ndjson`)
  }
  add(agency: string, part: 'people' | 'events', object: Record<string, unknown>) {
    const key = `${agency}-${part}`
    const line = JSON.stringify(object) + '\n'
    const buffer = this.buffers.get(key) ?? []
    buffer.push(line)
    this.buffers.set(key, buffer)
    this.sizes.set(key, (this.sizes.get(key) ?? 0) + line.length)
  }
  async flush(force = false) {
    for (const [key, buffer] of this.buffers) {
      if (!force && (this.sizes.get(key) ?? 0) < 1 << 20) continue
      let stream = this.streams.get(key)
      if (!stream) {
        stream = createWriteStream(join(this.dir, `${key}.ndjson`))
        this.streams.set(key, stream)
      }
      const ok = stream.write(buffer.join(''))
      this.buffers.set(key, [])
      this.sizes.set(key, 0)
      if (!ok) await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
    }
  }
  async close() {
    await this.flush(true)
    await Promise.all(
      [...this.streams.values()].map(
        (s) => new Promise<void>((resolve, reject) => s.end((e?: Error) => (e ? reject(e) : resolve()))),
      ),
    )
  }
}

interface Person {
  given: string
  family: string
  dob: number
  sex: 'female' | 'male'
  nhs?: string
  upn?: string
  postcode: string
  line1: string
  /** this person's record at each agency that knows them: agency → source_id */
  records: Map<string, string>
}

/** Generates the area into `spec.dir` (which must exist): the counts, the file list and a sample of children. */
export async function writeRegionArea(spec: AreaSpec): Promise<AreaCounts> {
  const rng = createRng(spec.seed ?? 'threadline-region')
  const end = Date.parse(`${spec.end}T18:00:00Z`)
  const start = end - 10 * YEAR
  const files = new Files(spec.dir)
  const counts: AreaCounts = {
    children: 0,
    adults: 0,
    families: 0,
    persons: {},
    events: {},
    relationships: {},
    files: [],
    sample: [],
  }
  const next = new Map<string, number>()
  const sourceId = (agency: string, prefix: string) => {
    const key = `${agency}:${prefix}`
    const n = (next.get(key) ?? 0) + 1
    next.set(key, n)
    return `${prefix}${n}`
  }
  let nhsSerial = 0
  const nhs = () => {
    // the fictitious 999 range, in order (a number whose check digit is 10 is skipped)
    for (;;) {
      const nine = `999${String(nhsSerial++ % 1_000_000).padStart(6, '0')}`
      const check = nhsCheckDigit(nine)
      if (check !== null) return `${nine}${check}`
    }
  }
  let upnSerial = 0
  const upn = () => {
    const twelve = `999${String(upnSerial++).padStart(9, '0')}`
    return `${upnCheckLetter(twelve)}${twelve}`
  }
  const sampleEvery = Math.max(1, Math.floor(spec.children / 2000))

  /** The person as `agency` records them: its own spelling, identifiers and completeness. */
  const personRecord = (r: Rng, agency: string, p: Person, isChild: boolean) => {
    const id = sourceId(agency, agency === 'health' ? 'RCH' : agency === 'schools' ? 'PUP' : 'P-')
    p.records.set(agency, id)
    let given = p.given
    let family = p.family
    let dob: string | undefined = day(p.dob)
    const familiar = GIVEN_VARIANTS[p.given]
    if (familiar && ['schools', 'charity', 'police', 'yjs'].includes(agency) && r.chance(0.25)) given = r.pick(familiar)
    const spelt = FAMILY_VARIANTS[p.family]
    if (spelt && agency !== 'health' && r.chance(0.08)) family = r.pick(spelt)
    if (agency === 'police' && r.chance(0.1)) family = family.toUpperCase()
    if (r.chance(0.03)) family = family.slice(0, -1) // a letter lost
    if (agency === 'charity' && r.chance(0.3)) dob = dob.slice(0, 4)
    else if (agency === 'police' && r.chance(0.05)) dob = dob.slice(0, 7)
    else if (r.chance(0.02)) dob = `${dob.slice(0, 8)}${String(1 + ((Number(dob.slice(8)) + 9) % 28)).padStart(2, '0')}`
    if (!isChild && agency !== 'csc' && r.chance(0.3)) dob = undefined
    const o: Record<string, unknown> = {
      type: 'person',
      agency,
      source_id: id,
      recorded_at: iso(Math.max(start - 30 * DAY, p.dob + DAY)),
      given_name: given,
      family_name: family,
      ...(dob ? { date_of_birth: dob } : {}),
      sex: p.sex,
      ...(isChild ? { is_child: true } : {}),
    }
    if (p.nhs && (agency === 'health' || agency === 'camhs' || (agency === 'csc' && r.chance(0.6))))
      o.nhs_number = p.nhs
    if (p.upn && agency === 'schools') o.upn = p.upn
    if (agency !== 'cps' && r.chance(agency === 'charity' ? 0.5 : 0.9))
      o.address = { line1: p.line1, town: 'Region', postcode: p.postcode }
    files.add(agency, 'people', o)
    counts.persons[agency] = (counts.persons[agency] ?? 0) + 1
    return id
  }
  const event = (agency: string, o: Record<string, unknown>, at: number, r: Rng) => {
    const recorded = Math.min(end, at + r.int(1, 72) * 3_600_000)
    files.add(agency, 'events', {
      type: 'event',
      agency,
      source_id: sourceId(agency, 'E-'),
      recorded_at: iso(recorded),
      occurred_at: iso(at),
      ...o,
    })
    counts.events[agency] = (counts.events[agency] ?? 0) + 1
  }
  const relationship = (agency: string, from: string, to: string, kind: string) => {
    files.add(agency, 'people', {
      type: 'relationship',
      agency,
      source_id: sourceId(agency, 'R-'),
      from,
      to,
      kind,
      reliability: 'confirmed',
    })
    counts.relationships[agency] = (counts.relationships[agency] ?? 0) + 1
  }

  while (counts.children < spec.children) {
    const f = counts.families++
    const r = rng.fork(`family-${f}`)
    const family = r.pick(FAMILY_NAMES)
    const postcode = `OL${1 + (f % 16)} ${r.int(1, 9)}${r.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}${r.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}`
    const line1 = `${r.int(1, 240)} ${r.pick(STREETS)}`
    const adult = (sex: 'female' | 'male', surname: string): Person => ({
      given: r.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES),
      family: surname,
      dob: end - r.between(28, 55) * YEAR,
      sex,
      postcode,
      line1,
      records: new Map(),
    })
    const mother = adult('female', family)
    const father = r.chance(0.7) ? adult('male', r.chance(0.6) ? family : r.pick(FAMILY_NAMES)) : null
    const around = r.chance(0.3) ? adult('male', r.pick(FAMILY_NAMES)) : null // a partner, an uncle, a lodger
    const size = Math.min(
      spec.children - counts.children,
      r.weighted([
        [1, 35],
        [2, 35],
        [3, 20],
        [4, 10],
      ] as const),
    )
    const kids: Person[] = []
    for (let k = 0; k < size; k++) {
      const sex = r.chance(0.5) ? 'female' : 'male'
      kids.push({
        given: r.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES),
        family: r.chance(0.9) ? family : (father?.family ?? family),
        dob: end - r.between(0.5, 17.9) * YEAR,
        sex,
        nhs: nhs(),
        postcode,
        line1,
        records: new Map(),
      })
    }
    const adults = [mother, father, around].filter((a): a is Person => a !== null)
    counts.adults += adults.length
    // which agencies know each child; the adults are known where their children are
    const known = kids.map((c) => {
      const age = (end - c.dob) / YEAR
      return Object.keys(KNOWS).filter(
        (a) =>
          r.chance(KNOWS[a]) &&
          (a !== 'schools' || age >= 5) &&
          (a !== 'yjs' || age >= 11) &&
          (a !== 'camhs' || age >= 8) &&
          (a !== 'cps' || age >= 8),
      )
    })
    for (let k = 0; k < kids.length; k++) {
      if (known[k].includes('schools')) kids[k].upn = upn()
      for (const a of known[k]) personRecord(r, a, kids[k], true)
    }
    const adultAgencies = new Set(known.flat().filter((a) => a === 'csc' || a === 'police' || a === 'health'))
    for (const a of adultAgencies)
      for (const p of adults) if (p === mother || r.chance(0.6)) personRecord(r, a, p, false)
    for (const a of adultAgencies)
      for (const p of [mother, father])
        for (const c of kids)
          if (p && p.records.has(a) && c.records.has(a) && (a === 'csc' || r.chance(0.3)))
            relationship(a, p.records.get(a)!, c.records.get(a)!, 'parent')
    // the events: about 33 a child over the years it has lived of the ten
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k]
      const from = Math.max(start, c.dob + 30 * DAY)
      const total = Math.max(1, Math.round(r.between(0.6, 1.4) * MEAN_EVENTS))
      const weights = known[k].map((a) => [a, EVENT_WEIGHT[a]] as const)
      const episodes: string[] = []
      for (let e = 0; e < total; e++) {
        const agency = r.weighted(weights)
        const kind = r.weighted(KINDS[agency])
        const at = Math.round(r.between(from, end - DAY) / 60_000) * 60_000
        const o: Record<string, unknown> = {
          kind,
          subject: c.records.get(agency),
          summary: r.pick(SUMMARIES[kind]),
        }
        if (r.chance(0.08)) o.indicators = [r.pick(INDICATORS)]
        if (kind === 'missing_episode') {
          o.ended_at = iso(at + r.int(2, 40) * 3_600_000)
          o.missing_from = 'home'
          o.risk_grading = r.pick(['low', 'medium', 'high'])
          o.indicators = ['missing']
        }
        if (kind === 'charging_decision') o.outcome = r.pick(['charge', 'no_further_action'])
        if (kind === 'crime_report' && around?.records.has('police') && r.chance(0.3))
          o.involves = [{ person: around.records.get('police'), role: 'suspect' }]
        event(agency, o, at, r)
        if (kind === 'missing_episode') episodes.push(`police:E-${next.get('police:E-')}`)
      }
      if (counts.children % sampleEvery === 0 && counts.sample.length < 2000)
        counts.sample.push({
          given: c.given,
          family: c.family,
          dob: day(c.dob),
          records: [...c.records].map(([a, id]) => `${a}:${id}`),
          episodes,
        })
      counts.children++
    }
    // the home as the police know it
    if (mother.records.has('police') && r.chance(0.25)) {
      const o: Record<string, unknown> = {
        kind: 'concern',
        subject: mother.records.get('police'),
        summary: 'Domestic incident at the home',
        indicators: ['domestic_abuse_at_home'],
      }
      if (father?.records.has('police')) o.involves = [{ person: father.records.get('police'), role: 'suspect' }]
      event('police', o, Math.round(r.between(start, end - DAY) / 60_000) * 60_000, r)
    }
    if (f % 64 === 0) await files.flush()
  }
  await files.close()
  for (const part of ['people', 'events'] as const)
    for (const a of REGION_AGENCIES)
      if ((part === 'people' ? counts.persons : counts.events)[a.code])
        counts.files.push({ agency: a.code, part, path: files.path(a.code, part) })
  return counts
}
