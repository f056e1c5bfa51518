// Writes a generated area's children's social care history as the DfE returns the authority would
// have made (one children in need census and one SSDA903 a year) and its health history as FHIR
// Bundles (one a year), for `threadline demo --write-returns DIR` and for the tests. Pure: objects in,
// file texts out. The episodes, dates and codes a return needs but the area's records do not hold
// (an assessment's authorisation, a placement code) are derived from the records deterministically.
import { createHash } from 'node:crypto'
import { ETHNICITY } from './codes.ts'
import { ETHNIC_CATEGORY, ETHNIC_CATEGORY_EXTENSION, NHS_NUMBER_SYSTEM } from './fhir/fhir.ts'
import { SSDA903_YEARS, TABLES } from './ssda903/codes.ts'

type Obj = Record<string, unknown> & { type: string; agency: string; source_id: string }

export interface ReturnsFiles {
  /** file name → text */
  files: Map<string, string>
  /** The collection years written. */
  years: number[]
}

export interface WriteOptions {
  /** The social care agency's code in the area's records, and its DfE local-authority number. */
  csc: string
  laNumber: string
  health: string
  /** The trust's local patient identifier system (FHIR). */
  patientSystem?: string
  /**
   * Who each record is (`agency:source_id` → person), from a generated area's truth: a census carries
   * the child's UPN, which an authority holds from its schools; without it children are UN1.
   */
  personOf?: Readonly<Record<string, string>>
}

const day = (iso: unknown) => String(iso ?? '').slice(0, 10)
const londonDay = (iso: unknown) => {
  const t = Date.parse(String(iso))
  return Number.isNaN(t) ? day(iso) : new Date(t + 60 * 60 * 1000).toISOString().slice(0, 10)
}
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10)
/** A deterministic number in [0, n) from a key. */
const pick = (key: string, n: number) => parseInt(createHash('sha1').update(key).digest('hex').slice(0, 8), 16) % n

export function writeReturns(objects: readonly Obj[], options: WriteOptions): ReturnsFiles {
  const files = new Map<string, string>()
  const latest = new Map<string, Obj>()
  for (const o of objects) latest.set(`${o.agency}\u0000${o.type}\u0000${o.source_id}`, o)
  const current = [...latest.values()].filter((o) => !o.withdrawn)
  const csc = current.filter((o) => o.agency === options.csc)
  const upns = new Map<string, string>()
  if (options.personOf)
    for (const o of current)
      if (o.type === 'person' && typeof o.upn === 'string') {
        const who = options.personOf[`${o.agency}:${o.source_id}`]
        if (who) upns.set(who, o.upn)
      }
  const people = new Map(
    csc
      .filter((o) => o.type === 'person')
      .map((p) => {
        const upn = options.personOf && upns.get(options.personOf[`${p.agency}:${p.source_id}`] ?? '')
        return [p.source_id, upn && !p.upn ? { ...p, upn } : p]
      }),
  )
  const events = csc
    .filter((o) => o.type === 'event')
    .sort((a, b) => day(a.occurred_at).localeCompare(day(b.occurred_at)))
  const dates = events.map((e) => londonDay(e.occurred_at)).sort()
  if (dates.length === 0) return { files, years: [] }
  const first = Number(dates[0].slice(0, 4)) + (dates[0].slice(5) >= '04-01' ? 1 : 0)
  const last = Number(dates[dates.length - 1].slice(0, 4)) + (dates[dates.length - 1].slice(5) >= '04-01' ? 1 : 0)
  const years: number[] = []
  const byChild = new Map<string, Obj[]>()
  for (const e of events) byChild.set(String(e.subject), [...(byChild.get(String(e.subject)) ?? []), e])
  const episodes = new Map([...byChild].map(([child, list]) => [child, cinEpisodes(child, list)]))
  const care = new Map([...byChild].map(([child, list]) => [child, careEpisodes(child, list, people.get(child))]))
  for (let year = Math.max(first, 2016); year <= Math.min(last, 2025); year++) {
    years.push(year)
    files.set(`cin-census-${year}.xml`, cinXml(year, options.laNumber, people, episodes))
    if ((SSDA903_YEARS as readonly number[]).includes(year))
      for (const [table, text] of ssda903Csv(year, people, care)) files.set(`ssda903-${year}-${table}.csv`, text)
  }
  const health = current.filter((o) => o.agency === options.health)
  for (const year of years) files.set(`fhir-${year}.json`, fhirBundle(year, health, options))
  return { files, years }
}

// ---- children in need census -------------------------------------------------------------------

interface Episode {
  referral: string
  source: string
  need: string
  closure?: string
  reason?: string
  nfa: boolean
  assessments: { start: string; authorised: string; factors: string[] }[]
  s47: { start: string; icpc?: string }[]
  plans: { start: string; end?: string; category: string; reviews: string[] }[]
}

const SOURCE_BY_WORD: [RegExp, string][] = [
  [/school/i, '2A'],
  [/police/i, '6'],
  [/health|hospital|nurse/i, '3E'],
]
const FACTORS_BY_WORD: [RegExp, string][] = [
  [/substance|drug/i, '2B'],
  [/alcohol/i, '1B'],
  [/mental health/i, '4B'],
  [/domestic/i, '3B'],
  [/neglect/i, '16A'],
  [/missing|absen/i, '10A'],
  [/older males|exploitation|sexual/i, '11A'],
  [/family breakdown/i, '20'],
]

function cinEpisodes(child: string, list: Obj[]): Episode[] {
  const out: Episode[] = []
  let open: Episode | null = null
  for (const e of list) {
    const d = londonDay(e.occurred_at)
    const summary = String(e.summary ?? '')
    if (e.kind === 'contact_referral' || !open) {
      if (open && !open.closure) close(open, addDays(d, -1), 'RC7')
      open = {
        referral: d,
        source:
          SOURCE_BY_WORD.find(([re]) => re.test(summary))?.[1] ??
          ['1A', '2A', '3A', '5A', '6', '8'][pick(child + d, 6)],
        need: /neglect/i.test(summary) ? 'N1' : /family/i.test(summary) ? 'N5' : 'N4',
        nfa: false,
        assessments: [],
        s47: [],
        plans: [],
      }
      out.push(open)
      open.need = open.need ?? 'N4'
      if (e.kind === 'contact_referral') {
        ;(open as Episode & { words?: string }).words = summary
        continue
      }
    }
    if (open.closure && d > open.closure) open.closure = undefined
    if (e.kind === 'assessment') {
      const words = (open as Episode & { words?: string }).words ?? ''
      const factors = [...new Set(FACTORS_BY_WORD.filter(([re]) => re.test(words + ' ' + summary)).map(([, f]) => f))]
      open.assessments.push({
        start: d,
        authorised: addDays(d, 5 + pick(child + d, 30)),
        factors: factors.length ? factors : ['21'],
      })
      const outcome = String(e.outcome ?? '')
      if (/no further action/i.test(outcome)) close(open, addDays(d, 6), 'RC8')
      else if (/early help/i.test(outcome)) close(open, addDays(d, 6), 'RC9')
    } else if (e.kind === 'section47_enquiry') open.s47.push({ start: d })
    else if (e.kind === 'cp_conference') {
      const s = open.s47[open.s47.length - 1]
      if (s && !s.icpc) s.icpc = d
    } else if (e.kind === 'cp_plan_start')
      open.plans.push({
        start: d,
        category: /sexual|exploit/i.test(summary) ? 'SAB' : /neglect/i.test(summary) ? 'NEG' : 'EMO',
        reviews: [],
      })
    else if (e.kind === 'cp_plan_end') {
      const plan = open.plans.find((p) => !p.end)
      if (plan) {
        plan.end = d
        for (let r = addDays(plan.start, 90); r < d; r = addDays(r, 182)) plan.reviews.push(r)
      }
    }
  }
  for (const ep of out) {
    if (!ep.closure) {
      const lastDate = [
        ep.referral,
        ...ep.assessments.map((a) => a.authorised),
        ...ep.plans.map((p) => p.end ?? p.start),
      ]
        .sort()
        .pop() as string
      const anyOpenPlan = ep.plans.some((p) => !p.end)
      if (!anyOpenPlan) close(ep, addDays(lastDate, 60), 'RC7')
    }
    ep.nfa = ep.reason === 'RC8' && ep.assessments.length === 0
  }
  return out
}

function close(ep: Episode, date: string, reason: string): void {
  ep.closure = date < ep.referral ? ep.referral : date
  ep.reason = reason
}

function cinXml(year: number, la: string, people: Map<string, Obj>, episodes: Map<string, Episode[]>): string {
  const start = `${year - 1}-04-01`
  const end = `${year}-03-31`
  const x: string[] = []
  for (const [child, list] of episodes) {
    const p = people.get(child)
    const inYear = list.filter((e) => e.referral <= end && (!e.closure || e.closure >= start))
    if (inYear.length === 0 || !p) continue
    const upn = typeof p.upn === 'string' ? p.upn : undefined
    const sex = p.sex === 'male' ? '1' : p.sex === 'female' ? '2' : '0'
    x.push('<Child><ChildIdentifiers>')
    x.push(el('LAchildID', child), el('UPN', upn), upn ? '' : el('UPNunknown', 'UN1'))
    x.push(
      el(
        'PersonBirthDate',
        typeof p.date_of_birth === 'string' && p.date_of_birth.length === 10 ? p.date_of_birth : undefined,
      ),
    )
    x.push(year >= 2025 ? el('Sex', sex === '1' ? 'M' : sex === '2' ? 'F' : 'U') : el('GenderCurrent', sex))
    x.push('</ChildIdentifiers><ChildCharacteristics>')
    x.push(el('Ethnicity', ethnicityCode(p.ethnicity)))
    const disability = p.disability === 'none' ? 'NONE' : typeof p.disability === 'string' ? 'DDA' : undefined
    if (disability) x.push(`<Disabilities><Disability>${disability}</Disability></Disabilities>`)
    x.push('</ChildCharacteristics>')
    for (const e of inYear) x.push(...cinDetailsXml(e, year, end))
    x.push('</Child>\n')
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection>' +
    `<Year>${year}</Year><ReferenceDate>${end}</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel>` +
    `<LEA>${la}</LEA><SoftwareCode>Threadline demo</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo>` +
    `</Source></Header>\n<Children>\n${x.join('')}</Children></Message>\n`
  )
}

/** One element of a census, or nothing when its value is not known. */
function el(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${value}</${name}>`
}

/** One episode of need as the census's CINdetails, with what of it happened by the end of the year. */
function cinDetailsXml(e: Episode, year: number, end: string): string[] {
  const x: string[] = []
  const upTo = (d: string | undefined) => (d && d <= end ? d : undefined)
  x.push(
    '<CINdetails>',
    el('CINreferralDate', e.referral),
    el('ReferralSource', year < 2023 && e.source === '5D' ? '5A' : e.source),
  )
  x.push(el('PrimaryNeedCode', e.need))
  const closure = upTo(e.closure)
  if (closure)
    x.push(el('CINclosureDate', closure), el('ReasonForClosure', year < 2023 && e.reason === 'RC9' ? 'RC8' : e.reason))
  for (const a of e.assessments.filter((a) => a.start <= end)) {
    const factors = a.factors.map((f) => (f === '24A' && year < 2022 ? '20' : f))
    x.push(
      '<Assessments>',
      el('AssessmentActualStartDate', a.start),
      el('AssessmentAuthorisationDate', upTo(a.authorised)),
    )
    if (upTo(a.authorised))
      x.push(
        `<FactorsIdentifiedAtAssessment>${factors.map((f) => el('AssessmentFactors', f)).join('')}</FactorsIdentifiedAtAssessment>`,
      )
    x.push('</Assessments>')
  }
  for (const s of e.s47.filter((s) => s.start <= end))
    x.push(
      '<Section47>',
      el('S47ActualStartDate', s.start),
      el('DateOfInitialCPC', upTo(s.icpc)),
      el('ICPCnotRequired', '0'),
      '</Section47>',
    )
  x.push(el('ReferralNFA', e.nfa ? '1' : '0'))
  for (const plan of e.plans.filter((p) => p.start <= end)) {
    const planEnd = upTo(plan.end)
    x.push('<ChildProtectionPlans>', el('CPPstartDate', plan.start), el('CPPendDate', planEnd))
    x.push(
      el('InitialCategoryOfAbuse', plan.category),
      el('LatestCategoryOfAbuse', plan.category),
      el('NumberOfPreviousCPP', '0'),
    )
    const reviews = plan.reviews.filter((r) => r <= end)
    if (reviews.length > 0) x.push(`<Reviews>${reviews.map((r) => el('CPPreviewDate', r)).join('')}</Reviews>`)
    x.push('</ChildProtectionPlans>')
  }
  x.push('</CINdetails>')
  return x
}

function ethnicityCode(label: unknown): string {
  const found = Object.entries(ETHNICITY.codes).find(([, l]) => l.toLowerCase() === String(label ?? '').toLowerCase())
  if (found) return found[0]
  return label ? 'OOTH' : 'NOBT'
}

// ---- SSDA903 ------------------------------------------------------------------------------------

interface CareEpisode {
  start: string
  rne: string
  place: string
  postcode?: string
  end?: string
  rec?: string
}

function careEpisodes(
  child: string,
  list: Obj[],
  person: Obj | undefined,
): { episodes: CareEpisode[]; missing: { start: string; end?: string }[] } {
  const episodes: CareEpisode[] = []
  const missing: { start: string; end?: string }[] = []
  const home = (person?.address as { postcode?: string } | undefined)?.postcode
  for (const e of list) {
    const d = londonDay(e.occurred_at)
    const summary = String(e.summary ?? '')
    const previous = episodes[episodes.length - 1]
    if (e.kind === 'looked_after_start' || (e.kind === 'placement_move' && previous && !previous.end)) {
      if (previous && !previous.end) {
        previous.end = d
        previous.rec = 'X1'
      }
      const away = /out of the area/i.test(summary)
      episodes.push({
        start: d,
        rne: e.kind === 'looked_after_start' ? 'S' : 'P',
        place: /residential/i.test(summary) ? 'K2' : ['U4', 'U6', 'U3'][pick(child + d, 3)],
        postcode: away ? 'M1 1AE' : home,
      })
    } else if (e.kind === 'looked_after_end' && previous && !previous.end) {
      previous.end = d
      previous.rec = /home/i.test(summary) ? 'E4A' : 'E8'
    } else if (e.kind === 'missing_episode' && episodes.length > 0) {
      missing.push({ start: d, end: e.ended_at ? londonDay(e.ended_at) : undefined })
    }
  }
  for (const ep of episodes) if (ep.end && ep.end < ep.start) ep.end = ep.start
  return { episodes, missing }
}

function ssda903Csv(
  year: number,
  people: Map<string, Obj>,
  care: Map<string, { episodes: CareEpisode[]; missing: { start: string; end?: string }[] }>,
): [string, string][] {
  const start = `${year - 1}-04-01`
  const end = `${year}-03-31`
  const rows: Record<string, string[][]> = { Header: [], Episodes: [], Missing: [] }
  const dmy = (d: string | undefined) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '')
  for (const [child, c] of care) {
    const p = people.get(child)
    const eps = c.episodes.filter((e) => e.start <= end && (!e.end || e.end >= start))
    if (!p || eps.length === 0 || typeof p.date_of_birth !== 'string' || p.date_of_birth.length !== 10) continue
    const home = (p.address as { postcode?: string } | undefined)?.postcode
    rows.Header.push([
      child,
      p.sex === 'male' ? '1' : '2',
      dmy(p.date_of_birth),
      ethnicityCode(p.ethnicity),
      String(p.upn ?? 'UN1'),
      '0',
      '',
    ])
    for (const e of eps) {
      const ended = e.end && e.end <= end
      rows.Episodes.push([
        child,
        dmy(e.start),
        e.rne,
        'V2',
        'N1',
        e.place,
        'PR1',
        ended ? dmy(e.end) : '',
        ended ? (e.rec ?? 'E8') : '',
        ended && e.rec === 'X1' ? 'CARPL' : '',
        home ?? '',
        e.postcode ?? '',
        '',
      ])
    }
    for (const m of c.missing.filter((m) => m.start >= start && m.start <= end))
      rows.Missing.push([child, dmy(p.date_of_birth), 'M', dmy(m.start), m.end && m.end <= end ? dmy(m.end) : ''])
  }
  return Object.entries(rows).map(([table, list]) => [
    table,
    [TABLES[table].join(','), ...list.map((r) => r.map(csvCell).join(','))].join('\n') + '\n',
  ])
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

// ---- FHIR ---------------------------------------------------------------------------------------

const SNOMED = 'http://snomed.info/sct'
const FHIR_KIND: Record<string, { cls: string; code?: [string, string] }> = {
  health_attendance: { cls: 'EMER' },
  self_harm: { cls: 'EMER', code: ['248062006', 'Self-injurious behaviour'] },
  sexual_health: { cls: 'AMB', code: ['8098009', 'Sexually transmitted infectious disease'] },
  substance_misuse: { cls: 'EMER', code: ['25702006', 'Alcohol intoxication'] },
  pregnancy: { cls: 'AMB', code: ['77386006', 'Pregnancy'] },
  termination: { cls: 'AMB', code: ['386639001', 'Termination of pregnancy'] },
}

function fhirBundle(year: number, health: Obj[], options: WriteOptions): string {
  const start = `${year - 1}-04-01`
  const end = `${year}-03-31`
  const system = options.patientSystem ?? 'https://trust.example.nhs.uk/Id/patient-number'
  const events = health.filter(
    (o) => o.type === 'event' && londonDay(o.occurred_at) >= start && londonDay(o.occurred_at) <= end,
  )
  const patients = new Map(health.filter((o) => o.type === 'person').map((p) => [p.source_id, p]))
  const used = new Set(events.map((e) => String(e.subject)))
  const entries: string[] = []
  for (const id of used) {
    const p = patients.get(id)
    if (!p) continue
    const address = p.address as { line1?: string; town?: string; postcode?: string } | undefined
    const ethnic = Object.entries(ETHNIC_CATEGORY).find(([, l]) => l === p.ethnicity)?.[0]
    const resource: Record<string, unknown> = {
      resourceType: 'Patient',
      id,
      meta: { lastUpdated: p.recorded_at },
      identifier: [
        { system, value: id },
        ...(p.nhs_number ? [{ system: NHS_NUMBER_SYSTEM, value: String(p.nhs_number).replace(/\s/g, '') }] : []),
      ],
      name: [
        { use: 'official', family: String(p.family_name ?? '').trim(), given: [String(p.given_name ?? '').trim()] },
      ],
      gender: p.sex,
      birthDate: p.date_of_birth,
    }
    if (ethnic)
      resource.extension = [
        {
          url: ETHNIC_CATEGORY_EXTENSION,
          valueCodeableConcept: {
            coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland', code: ethnic }],
          },
        },
      ]
    if (address)
      resource.address = [
        { use: 'home', line: [address.line1].filter(Boolean), city: address.town, postalCode: address.postcode },
      ]
    entries.push(JSON.stringify({ fullUrl: `urn:uuid:patient-${id}`, resource }))
  }
  for (const e of events) {
    const map = FHIR_KIND[String(e.kind)]
    if (map) {
      const resource: Record<string, unknown> = {
        resourceType: 'Encounter',
        id: e.source_id,
        meta: { lastUpdated: e.recorded_at },
        identifier: [{ system: 'https://trust.example.nhs.uk/Id/attendance', value: e.source_id }],
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: map.cls },
        subject: { reference: `urn:uuid:patient-${String(e.subject)}` },
        period: { start: e.occurred_at, end: e.ended_at },
        reasonCode: [
          {
            text: e.summary,
            ...(map.code ? { coding: [{ system: SNOMED, code: map.code[0], display: map.code[1] }] } : {}),
          },
        ],
      }
      entries.push(JSON.stringify({ resource }))
    } else if (e.kind === 'concern') {
      const resource = {
        resourceType: 'Flag',
        id: e.source_id,
        meta: { lastUpdated: e.recorded_at },
        identifier: [{ system: 'https://trust.example.nhs.uk/Id/alert', value: e.source_id }],
        status: 'active',
        code: { text: `Safeguarding concern: ${String(e.summary ?? '')}` },
        subject: { reference: `urn:uuid:patient-${String(e.subject)}` },
        period: { start: e.occurred_at },
      }
      entries.push(JSON.stringify({ resource }))
    }
  }
  return `{"resourceType":"Bundle","type":"collection","timestamp":"${end}T23:00:00Z","entry":[\n${entries.join(',\n')}\n]}\n`
}
