// Decisions about serious harm are always open to challenge. A "no further action" is put to every
// agency working with the child, whatever the band arithmetic says, when it is:
//  - about a sexual offence (the decision's own words: its offence, outcome, summary or details), or
//  - on a child who, on what had been recorded by then, was the subject of a crime report of a sexual
//    offence before the decision (not as its suspect), had a child protection plan in force on the
//    day of the decision, or had made a disclosure (before or after the decision; a disclosure later
//    withdrawn still counts: children often retract under pressure, and the review saw it).
// Version 1.1 files carry an offence and a plan's category only in free text (`outcome`, `summary`,
// `details`); the optional `offence` field is read where an agency sends it. Pure code.
import { knownAsOf, parseTime, type RecordedEvent } from '../missing/index.ts'
import { isSexualOffence, namesSexualOffence, subjectIsSuspect } from '../records/offences.ts'

export type SeriousHarmCode = 'sexual_offence' | 'protection_plan' | 'disclosure'

export interface SeriousHarmFact {
  code: SeriousHarmCode
  /** When it happened (a plan: when it started). */
  at: Date
  /** A plan's end, if one was recorded. */
  until?: Date | null
  source: string
}

/** The events the facts come from. */
export const SERIOUS_HARM_KINDS = ['crime_report', 'cp_plan_start', 'cp_plan_end', 'disclosure']

/** The facts of serious harm about each child, as known at `asOf` (every version, recorded by then). */
export function seriousHarmFacts(versions: readonly RecordedEvent[], asOf: Date): Map<string, SeriousHarmFact[]> {
  const byChild = new Map<string, SeriousHarmFact[]>()
  const add = (child: string, fact: SeriousHarmFact) => {
    const list = byChild.get(child) ?? []
    list.push(fact)
    byChild.set(child, list)
  }
  const known = knownAsOf(versions, asOf)
  const planEnds = new Map<string, Date[]>()
  for (const k of known) {
    const e = k.current.event
    const at = parseTime(e.occurred_at)
    if (!at) continue
    if (e.kind === 'cp_plan_end') planEnds.set(k.current.childId, [...(planEnds.get(k.current.childId) ?? []), at])
  }
  for (const k of known) {
    const e = k.current.event
    const at = parseTime(e.occurred_at)
    if (!at) continue
    const child = k.current.childId
    if (e.kind === 'crime_report' && isSexualOffence(e) && !subjectIsSuspect(e))
      add(child, { code: 'sexual_offence', at, source: k.key })
    else if (e.kind === 'disclosure') add(child, { code: 'disclosure', at, source: k.key })
    else if (e.kind === 'cp_plan_start') {
      const end = (planEnds.get(child) ?? []).filter((d) => +d >= +at).sort((a, b) => +a - +b)[0] ?? null
      add(child, { code: 'protection_plan', at, until: end, source: k.key })
    }
  }
  return byChild
}

const MESSAGES: Record<SeriousHarmCode, string> = {
  sexual_offence: 'no further action on a sexual offence against a child',
  protection_plan: 'no further action on a child with a child protection plan',
  disclosure: 'no further action on a child who has made a disclosure',
}

/**
 * Why a no-further-action decided at `decidedAt` (its own words in `decisionTexts`) is a decision about
 * serious harm, or null. A plan counts when in force on the day; a sexual offence when reported before
 * the decision; a disclosure at any time up to the moment asked about.
 */
export function seriousHarmReason(
  decidedAt: Date,
  decisionTexts: readonly (string | null | undefined)[],
  facts: readonly SeriousHarmFact[],
): { codes: SeriousHarmCode[]; message: string } | null {
  const codes = new Set<SeriousHarmCode>()
  if (namesSexualOffence(...decisionTexts)) codes.add('sexual_offence')
  for (const f of facts) {
    if (f.code === 'sexual_offence' && +f.at <= +decidedAt) codes.add(f.code)
    if (f.code === 'protection_plan' && +f.at <= +decidedAt && (!f.until || +f.until > +decidedAt)) codes.add(f.code)
    if (f.code === 'disclosure') codes.add(f.code)
  }
  if (!codes.size) return null
  const list = [...codes].sort()
  return { codes: list, message: list.map((c) => MESSAGES[c]).join('; ') }
}
