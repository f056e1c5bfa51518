// Evidence: the dated facts a risk score is built from, each tied to the agency event that shows it.
// Gathered from every agency's events: the indicators the agency sent, plus what Threadline derives
// from the event's kind and what it involves, so an agency that sends no indicators still counts.
import { INDICATORS, type EventKind, type EventRecord, type Involvement } from '../records/types.ts'
import { isAdultOn, isoFromDay, londonDay, parseInstant, type Day } from '../calendar/index.ts'

export { isAdultOn }
import { assessedExploitation, isSexualOffence, planCategory, subjectIsSuspect } from '../records/offences.ts'
import {
  explanation,
  knownPlace as knownPlaceIn,
  MISSING_ONLY_SIGNS,
  wordSigns,
  type WordSign,
  noConcernFound,
} from './record-words.ts'
import { readWithFollowUps, type Explaining } from './follow-ups.ts'

/** Evidence codes: the format's indicators and the ones only Threadline derives. */
export const DERIVED_ONLY_CODES = [
  'substance_misuse',
  'disclosure',
  'sexual_offence_victim',
  'offence_against_child',
  'cp_plan_sexual_abuse',
  'cp_plan',
  'assessed_exploitation',
  'missing_with_signs',
  'missing_known_place',
] as const
export const EVIDENCE_CODES: readonly string[] = [...INDICATORS, ...DERIVED_ONLY_CODES]

/** What an evidence item is derived from: the agency's own indicator, the event's kind or content, or something it involves. */
export type EvidenceBasis = 'indicator' | 'kind' | 'content' | 'involvement'

export interface Evidence {
  code: string
  /** The London date the event happened (from occurred_at). */
  date: string
  occurredAt: string
  /** When Threadline could first know it: the event's recorded_at (or, for a hotspot, when the place became one). */
  recordedAt: string
  /** agency:source_id of the event. */
  eventRef: string
  agency: string
  kind: EventKind
  restricted: boolean
  basis: EvidenceBasis
  /** What it was derived from, for the reader ("missing_episode", "vehicle AB12CDE"). */
  detail?: string | undefined
  /** When this version of the event stopped counting (withdrawn or replaced); absent while current. */
  validUntil?: string | undefined
  // Numbers for the scoring loops, computed once here.
  day: Day
  recordedMs: number
  untilMs: number
}

/** The parts of a normalised event the risk rules read. `recorded_at` must be filled in (the received time when the agency sent none). */
export type EvidenceEvent = Pick<
  EventRecord,
  'agency' | 'source_id' | 'kind' | 'occurred_at' | 'indicators' | 'involves' | 'restricted'
> &
  Partial<Pick<EventRecord, 'subject' | 'outcome' | 'summary' | 'details' | 'extra'>> & {
    recorded_at: string | Date
    /** When this version stopped counting: withdrawn, or replaced by a re-sent version (which comes as its own event). */
    valid_until?: string | Date | null
    /**
     * The child named in the event's `involves` as its victim, not its subject (an arrest or charge of an
     * adult for an offence against the child): such an event shows only what was done to the child.
     */
    childAsVictim?: boolean
  }

export interface DerivationContext {
  /**
   * Is this involved person an adult on this date? `person` is the `agency:source_id` of the person record.
   * Unknown (undefined) derives nothing: association is never assumed.
   */
  isAdult?: (person: string, occurredAt: string) => boolean | undefined
  /**
   * Locations known for exploitation (tied to several children), by location key, with the time each became
   * known as one. Evidence from such a place counts from the later of the event's recorded_at and that time.
   */
  hotspots?: ReadonlyMap<string, string | Date>
  /**
   * Read the signs a record's own words show (record-words.ts) as evidence: the instrument says so
   * (`readsRecordWords`, from 1.2.0), so an older version scores what it always did.
   */
  readWords?: boolean
  /**
   * Weigh what a record's own words explain (`readsExplanations`, from 1.3.0): a sign the record
   * explains (the adult confirmed as family or a known adult, a possession's source confirmed, no
   * exploitation concern found) does not count; a missing child found alone at a familiar place or at a
   * parent's home went to a known place, whatever the police grading (which weighs the child's own
   * vulnerability); and 1.3.0's further ways of writing the signs count.
   */
  readExplanations?: boolean
  /**
   * Read each record with the records around it (`readsFollowUps`, from 1.4.0; follow-ups.ts): a follow-up
   * explaining a sign within 30 days answers it, one missing episode recorded by two agencies counts once,
   * a missing record that finds no concern of exploitation accounts for the episode, and a party house is a
   * place of concern.
   */
  readFollowUps?: boolean
  /**
   * The signs and explanations as records also word them (`readsPlainWording`, from 1.5.0; decision
   * 0065): a known adult named through whose relative they are ("the child's uncle"), family who cannot
   * account for a possession as the ones asking, a cost paid by someone unnamed, possession of drugs.
   */
  readPlainWording?: boolean
  /**
   * A partner or boyfriend described as older or as an adult (`readsOlderPartners`, from 1.6.0; decision
   * 0073), read with the plain wording.
   */
  readOlderPartners?: boolean
}

const FROM_KIND: Partial<Record<EventKind, string>> = {
  missing_episode: 'missing',
  sexual_health: 'sti',
  pregnancy: 'pregnancy',
  termination: 'pregnancy',
  self_harm: 'self_harm',
  substance_misuse: 'substance_misuse',
  disclosure_withdrawn: 'disclosure_withdrawn',
  disclosure: 'disclosure',
  school_absence: 'school_disengagement',
  school_exclusion: 'school_disengagement',
  looked_after_start: 'looked_after',
  placement_move: 'looked_after',
}

/** Roles in which an adult tied to a child's event is an "older associate". */
const ASSOCIATE_ROLES = new Set(['suspect', 'associate', 'found_with'])

function fromInvolvement(
  inv: Involvement,
  event: EvidenceEvent,
  context: DerivationContext,
): { code: string; detail: string; knownFrom?: number } | undefined {
  switch (inv.kind) {
    case 'vehicle':
      return { code: 'vehicle_unknown_adults', detail: `vehicle ${inv.key}` }
    case 'phone':
      return { code: 'unknown_callers', detail: `phone ${inv.key}` }
    case 'online':
      return { code: 'concerning_internet_use', detail: `online ${inv.key}` }
    case 'person': {
      if (!inv.role || !ASSOCIATE_ROLES.has(inv.role)) return undefined
      const ref = inv.person.includes(':') ? inv.person : `${event.agency}:${inv.person}`
      if (context.isAdult?.(ref, event.occurred_at) !== true) return undefined
      return { code: 'older_associates', detail: `adult ${ref} (${inv.role})` }
    }
    case 'location': {
      const since = context.hotspots?.get(inv.key)
      if (since === undefined) return undefined
      return { code: 'hotspot_location', detail: `place ${inv.key}`, knownFrom: parseInstant(since) }
    }
  }
}

/** Kinds whose content (offence, plan category, assessment factors) may show something. */
export const READ_CONTENT: ReadonlySet<EventKind> = new Set([
  'crime_report',
  'arrest',
  'charge',
  'cp_plan_start',
  'assessment',
])

/**
 * What an event's content shows: a sexual offence reported with the child as its subject (not its
 * suspect); an adult arrested or charged for an offence against the child (the child named as victim:
 * an arrest of the child is not a sign of abuse); a protection plan by category; exploitation found at
 * an assessment. A non-sexual offence or a neglect plan counts as what it is, never as sexual abuse.
 */
function fromContent(event: EvidenceEvent): { code: string; detail: string } | undefined {
  switch (event.kind) {
    case 'crime_report': {
      if (event.childAsVictim)
        return {
          code: isSexualOffence(event) ? 'sexual_offence_victim' : 'offence_against_child',
          detail: 'crime report, the child as victim',
        }
      return !subjectIsSuspect(event) && isSexualOffence(event)
        ? { code: 'sexual_offence_victim', detail: 'crime report of a sexual offence' }
        : undefined
    }
    case 'arrest':
    case 'charge':
      if (!event.childAsVictim) return undefined
      return isSexualOffence(event)
        ? { code: 'sexual_offence_victim', detail: `${event.kind} for a sexual offence against the child` }
        : { code: 'offence_against_child', detail: `${event.kind} for an offence against the child` }
    case 'cp_plan_start': {
      const category = planCategory(event)
      return category === 'sexual_abuse'
        ? { code: 'cp_plan_sexual_abuse', detail: 'child protection plan: sexual abuse' }
        : { code: 'cp_plan', detail: `child protection plan${category === 'other' ? '' : ' (category not given)'}` }
    }
    case 'assessment':
      return assessedExploitation(event)
        ? { code: 'assessed_exploitation', detail: 'exploitation found at assessment' }
        : undefined
    default:
      return undefined
  }
}

/**
 * Codes that, seen in a missing episode (sent as an indicator, derived from what it involves or read in
 * its words), make it a missing episode with signs of exploitation: the child was with an adult, in a
 * car, at a place of concern, given gifts, drink or drugs, came back hurt, or will not say where or with
 * whom. Staying out late, being looked after or missing school do not: they are true of most children
 * who go missing to family, friends and known places.
 */
const MISSING_SIGNS: ReadonlySet<string> = new Set([
  'vehicle_unknown_adults',
  'older_associates',
  'gifts_money',
  'hotspot_location',
  'unknown_callers',
  'concerning_phone_use',
  'concerning_internet_use',
  'alcohol_misuse',
  'drug_misuse',
  'unexplained_injury',
  'sexualised_behaviour',
  'peers_exploited',
  'sti',
  ...MISSING_ONLY_SIGNS,
])

/** Signs about who the child was with or what they were given: a record's own explanation answers them (1.3.0). */
export const EXPLAINED: ReadonlySet<string> = new Set([
  'vehicle_unknown_adults',
  'older_associates',
  'gifts_money',
  'unknown_callers',
])

const isMissing = (event: EvidenceEvent) => event.kind === 'missing_episode' || !!event.indicators?.includes('missing')

/** The record's words a rule may read: summary, details, outcome and the kind's own text fields. */
function wordsOf(event: EvidenceEvent): (string | undefined)[] {
  const extra = event.extra ?? {}
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return [event.summary, event.details, event.outcome, text(extra.child_account), text(extra.last_seen)]
}

/**
 * Where a missing child was, when the record accounts for it with no sign of exploitation: its words
 * (family, friends, a known place, a row at home), a family member found with the child, or the police's
 * own grading of the episode as no apparent risk or low risk.
 */
function knownPlace(event: EvidenceEvent, from13: boolean, from14 = false): string | null {
  const words = knownPlaceIn([event.summary, event.details, event.outcome], from13, from14)
  if (words !== null) return `the record says "${words}"`
  const finding = from14 ? noConcernFound(event.summary, event.details, event.outcome) : null
  if (finding !== null) return `the record says "${finding}"`
  if ((event.involves ?? []).some((i) => i.kind === 'person' && i.role === 'family')) return 'found with family'
  const grading = event.extra?.risk_grading
  if (grading === 'no_apparent_risk' || grading === 'low')
    return `graded ${grading === 'low' ? 'low risk' : 'no apparent risk'} by the police`
  return null
}

const SIGN_NAMES: Record<string, string> = {
  place_of_concern: 'a place of concern',
  will_not_say: 'will not say where or with whom',
}

function mayShowSomething(event: EvidenceEvent, context: DerivationContext): boolean {
  if (context.readWords) return true
  if (event.indicators && event.indicators.length > 0) return true
  if (FROM_KIND[event.kind] !== undefined || READ_CONTENT.has(event.kind)) return true
  for (const inv of event.involves ?? []) {
    if (inv.kind === 'vehicle' || inv.kind === 'phone' || inv.kind === 'online') return true
    if (inv.kind === 'person' && inv.role && ASSOCIATE_ROLES.has(inv.role) && context.isAdult) return true
    if (inv.kind === 'location' && context.hotspots?.has(inv.key)) return true
  }
  return false
}

interface Found {
  code: string
  basis: EvidenceBasis
  detail: string | undefined
  knownFrom: number
}

/**
 * Reading the words (instrument 1.2.0 on), a missing episode is one of three: with signs of
 * exploitation; to family, friends or a known place (and no sign); or neither, where the child was
 * not being recorded (still "going missing"). A return interview whose words show a sign counts too.
 * The event's `missing` code is replaced (or the sign added) in `codes`.
 */
function classifyMissing(
  event: EvidenceEvent,
  codes: Found[],
  words: WordSign[],
  recordedMs: number,
  from13: boolean,
  from14 = false,
): void {
  const returned = event.kind === 'return_interview'
  if (!returned && !isMissing(event)) return
  const signs: Found[] = codes.filter((f) => MISSING_SIGNS.has(f.code))
  for (const w of words)
    if ((MISSING_ONLY_SIGNS as readonly string[]).includes(w.code))
      signs.push({
        code: w.code,
        basis: 'content',
        detail: `the record says "${w.words}"`,
        knownFrom: recordedMs,
      })
  // From 1.3.0 a high grading is a sign only while the record does not account for where the child was:
  // graded high for the child's own vulnerability (autism, age, health), found alone at a familiar place.
  const accounted = from13 && !returned && signs.length === 0 && knownPlace(event, true, from14) !== null
  if (!returned && event.extra?.risk_grading === 'high' && !accounted)
    signs.push({
      code: 'high',
      basis: 'content',
      detail: 'graded high risk by the police',
      knownFrom: recordedMs,
    })
  const missing = codes.findIndex((f) => f.code === 'missing')
  const place = returned || signs.length > 0 ? null : knownPlace(event, from13, from14)
  if (signs.length > 0) {
    const what = [
      ...new Set(
        signs.map((f) =>
          (f.detail ?? SIGN_NAMES[f.code] ?? f.code.replaceAll('_', ' ')).replace(/^the record says /, ''),
        ),
      ),
    ]
    const found: Found = {
      code: 'missing_with_signs',
      basis: 'content',
      detail: `${returned ? 'return interview' : 'missing episode'} with signs of exploitation: ${what.join(', ')}`,
      knownFrom: Math.min(...signs.map((f) => f.knownFrom)),
    }
    if (missing >= 0) codes.splice(missing, 1, found)
    else codes.push(found)
  } else if (place !== null && missing >= 0) {
    codes.splice(missing, 1, {
      code: 'missing_known_place',
      basis: 'content',
      detail: place,
      knownFrom: codes[missing].knownFrom,
    })
  }
}

/** One evidence item per (event, code): the agency's own indicator wins over a derived one. */
export function deriveEvidence(events: Iterable<EvidenceEvent>, context: DerivationContext = {}): Evidence[] {
  const out: Evidence[] = []
  const explaining: Explaining[] = []
  for (const event of events) {
    // Most events (attendances, notes, assessments) show nothing: skip them before parsing any time.
    if (!mayShowSomething(event, context)) continue
    const occurredMs = parseInstant(event.occurred_at)
    const recordedMs = parseInstant(event.recorded_at)
    const untilMs = event.valid_until == null ? Infinity : parseInstant(event.valid_until)
    if (untilMs <= recordedMs) continue
    const day = londonDay(occurredMs)
    // Few codes per event: a small list, not a map.
    const codes: Found[] = []
    for (const code of event.indicators ?? [])
      if (!codes.some((f) => f.code === code))
        codes.push({ code, basis: 'indicator', detail: undefined, knownFrom: recordedMs })
    const kindCode = event.childAsVictim ? undefined : FROM_KIND[event.kind]
    if (kindCode && !codes.some((f) => f.code === kindCode))
      codes.push({ code: kindCode, basis: 'kind', detail: event.kind, knownFrom: recordedMs })
    const content = READ_CONTENT.has(event.kind) ? fromContent(event) : undefined
    if (content && !codes.some((f) => f.code === content.code))
      codes.push({ code: content.code, basis: 'content', detail: content.detail, knownFrom: recordedMs })
    for (const inv of event.involves ?? []) {
      const d = fromInvolvement(inv, event, context)
      if (!d) continue
      const knownFrom = Math.max(recordedMs, d.knownFrom ?? recordedMs)
      const had = codes.find((f) => f.code === d.code)
      if (!had) codes.push({ code: d.code, basis: 'involvement', detail: d.detail, knownFrom })
      else if (had.basis === 'involvement' && knownFrom < had.knownFrom)
        Object.assign(had, { detail: d.detail, knownFrom })
    }
    const from13 = context.readExplanations === true
    const texts = wordsOf(event)
    const from14 = from13 && context.readFollowUps === true
    const from15 = from14 && context.readPlainWording === true
    const from16 = from15 && context.readOlderPartners === true
    const words: WordSign[] = context.readWords && !event.childAsVictim ? wordSigns(texts, from13, from15, from16) : []
    for (const w of words) {
      if ((MISSING_ONLY_SIGNS as readonly string[]).includes(w.code) || codes.some((f) => f.code === w.code)) continue
      codes.push({ code: w.code, basis: 'content', detail: `the record says "${w.words}"`, knownFrom: recordedMs })
    }
    const explains = from13 ? explanation(texts, from14, from15) : null
    if (explains !== null) {
      for (let i = codes.length - 1; i >= 0; i--) if (EXPLAINED.has(codes[i].code)) codes.splice(i, 1)
      if (from14) explaining.push({ eventRef: `${event.agency}:${event.source_id}`, day, recordedMs, words: explains })
    }
    if (context.readWords) classifyMissing(event, codes, words, recordedMs, from13, from14)
    const occurredAt = typeof event.occurred_at === 'string' ? event.occurred_at : new Date(occurredMs).toISOString()
    const recordedAt = typeof event.recorded_at === 'string' ? event.recorded_at : new Date(recordedMs).toISOString()
    const eventRef = `${event.agency}:${event.source_id}`
    const date = isoFromDay(day)
    const validUntil = untilMs === Infinity ? undefined : new Date(untilMs).toISOString()
    for (const f of codes) {
      if (f.knownFrom >= untilMs) continue
      out.push({
        code: f.code,
        date,
        occurredAt,
        recordedAt: f.knownFrom === recordedMs ? recordedAt : new Date(f.knownFrom).toISOString(),
        eventRef,
        agency: event.agency,
        kind: event.kind,
        restricted: event.restricted,
        basis: f.basis,
        detail: f.detail,
        validUntil,
        day,
        recordedMs: f.knownFrom,
        untilMs,
      })
    }
  }
  return context.readExplanations && context.readFollowUps ? readWithFollowUps(out, explaining, EXPLAINED) : out
}

/**
 * Locations tied to at least `minChildren` different children, each with the time it became one (the
 * recorded_at of the event that brought the count to `minChildren`). Input: each event with its child.
 */
export function findHotspots(
  events: Iterable<{ child: string; recorded_at: string | Date; involves: Involvement[] }>,
  minChildren = 3,
): Map<string, string> {
  const sightings = new Map<string, { child: string; at: number }[]>()
  for (const e of events) {
    for (const inv of e.involves ?? []) {
      if (inv.kind !== 'location') continue
      let list = sightings.get(inv.key)
      if (!list) sightings.set(inv.key, (list = []))
      list.push({ child: e.child, at: parseInstant(e.recorded_at) })
    }
  }
  const out = new Map<string, string>()
  for (const [key, list] of sightings) {
    list.sort((a, b) => a.at - b.at)
    const children = new Set<string>()
    for (const s of list) {
      children.add(s.child)
      if (children.size >= minChildren) {
        out.set(key, new Date(s.at).toISOString())
        break
      }
    }
  }
  return out
}
