// Checks an area's own instrument (JSON from a file or the database) before anything is scored with it.
// Every problem is reported at once, with where it is, so the author can fix the file in one go.
import { EVIDENCE_CODES } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import { LATEST_FROM_AGE } from './settings.ts'

export type ValidationResult = { ok: true; instrument: Instrument } | { ok: false; errors: string[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** Words a band label must not use: a score never declares a child safe. */
const REASSURING = /\b(safe|no risk|low risk|not at risk)\b/i

export function validateInstrument(value: unknown): ValidationResult {
  const errors: string[] = []
  if (!isObject(value)) return { ok: false, errors: ['an instrument must be a JSON object'] }
  for (const key of ['id', 'version', 'name', 'description', 'source'] as const) {
    if (!isText(value[key])) errors.push(`${key} must be a non-empty string`)
  }
  if (isText(value.id) && !/^[a-z0-9][a-z0-9._-]*$/.test(value.id))
    errors.push(`id "${value.id}" may use only a-z, 0-9, ".", "_" and "-"`)

  const domains = checkDomains(value.domains, errors)
  const itemCodes = checkItems(value.items, domains, errors)
  checkBands(value.bands, errors)
  checkAgeRules(value.ageRules, domains, itemCodes, errors)
  if (value.patternRules !== undefined) checkPatternRules(value.patternRules, domains, itemCodes, errors)
  if (value.readsFollowUps !== undefined && typeof value.readsFollowUps !== 'boolean')
    errors.push('readsFollowUps, when given, must be true or false')
  if (value.readsPlainWording !== undefined && typeof value.readsPlainWording !== 'boolean')
    errors.push('readsPlainWording, when given, must be true or false')
  if (value.readsOlderPartners !== undefined && typeof value.readsOlderPartners !== 'boolean')
    errors.push('readsOlderPartners, when given, must be true or false')

  if (!isWhole(value.reassessMonths) || value.reassessMonths === 0)
    errors.push('reassessMonths must be a whole number of months ≥ 1')
  if (value.readsRecordWords !== undefined && typeof value.readsRecordWords !== 'boolean')
    errors.push('readsRecordWords, when given, must be true or false')
  if (value.readsExplanations !== undefined && typeof value.readsExplanations !== 'boolean')
    errors.push('readsExplanations, when given, must be true or false')
  if (value.ages !== undefined) {
    const a = value.ages
    if (!isObject(a) || !isWhole(a.from) || !isWhole(a.to) || a.from > a.to)
      errors.push('ages must be {"from": years, "to": years} with from ≤ to')
    else if (a.from > LATEST_FROM_AGE) errors.push(`ages.from must be ${LATEST_FROM_AGE} or younger (${a.from} given)`)
    else if (a.to > 17) errors.push(`ages.to must be 17 or younger: the instrument screens children (${a.to} given)`)
  }
  return errors.length ? { ok: false, errors } : { ok: true, instrument: value as unknown as Instrument }
}

/** The domains items belong to: each with a code and a label, no code twice. Gives the codes. */
function checkDomains(list: unknown, errors: string[]): Set<string> {
  const domains = new Set<string>()
  if (!Array.isArray(list) || list.length === 0) errors.push('domains must be a non-empty list')
  else
    list.forEach((d, i) => {
      if (!isObject(d) || !isText(d.code) || !isText(d.label)) errors.push(`domains[${i}] needs a code and a label`)
      else if (domains.has(d.code)) errors.push(`domains[${i}]: code "${d.code}" is used twice`)
      else domains.add(d.code)
    })
  return domains
}

/** The items: each with a code, a label, a domain, evidence codes Threadline knows and windows of weights. Gives the codes. */
function checkItems(list: unknown, domains: Set<string>, errors: string[]): Set<string> {
  const itemCodes = new Set<string>()
  const known = new Set(EVIDENCE_CODES)
  if (!Array.isArray(list) || list.length === 0) errors.push('items must be a non-empty list')
  else
    list.forEach((it, i) => {
      const at = `items[${i}]`
      if (!isObject(it)) return void errors.push(`${at} must be an object`)
      const name = isText(it.code) ? `${at} "${it.code}"` : at
      if (!isText(it.code)) errors.push(`${at} needs a code`)
      else if (itemCodes.has(it.code)) errors.push(`${name}: code is used twice`)
      else itemCodes.add(it.code)
      if (!isText(it.label)) errors.push(`${name} needs a label`)
      if (!isText(it.domain) || !domains.has(it.domain))
        errors.push(`${name}: domain "${String(it.domain)}" is not one of the domains`)
      if (!Array.isArray(it.evidence))
        errors.push(`${name}: evidence must be a list of evidence codes (empty for items only a practitioner adds)`)
      else
        for (const code of it.evidence) {
          if (typeof code !== 'string' || !known.has(code)) {
            errors.push(
              `${name}: evidence "${String(code)}" is not an indicator Threadline knows (${EVIDENCE_CODES.join(', ')})`,
            )
          }
        }
      if (it.explanation !== undefined && !isText(it.explanation))
        errors.push(
          `${name}: explanation, when given, must be a non-empty string (why the item counts, in plain words)`,
        )
      if (
        it.underAgeAtEvidence !== undefined &&
        !(isWhole(it.underAgeAtEvidence) && it.underAgeAtEvidence > 0 && it.underAgeAtEvidence <= 18)
      ) {
        errors.push(`${name}: underAgeAtEvidence must be a whole number of years from 1 to 18`)
      }
      if (!Array.isArray(it.weights) || it.weights.length === 0)
        return void errors.push(`${name}: weights must be a non-empty list`)
      checkWeights(name, it.weights, errors)
    })
  return itemCodes
}

/** An item's weights: windows of months that do not overlap, each with its points. */
function checkWeights(name: string, weights: unknown[], errors: string[]): void {
  const spans: [number, number][] = []
  weights.forEach((w, k) => {
    const wat = `${name}.weights[${k}]`
    if (!isObject(w)) return void errors.push(`${wat} must be an object`)
    if (!isWhole(w.fromMonths)) errors.push(`${wat}.fromMonths must be a whole number of months ≥ 0`)
    if (w.toMonths !== null && !isWhole(w.toMonths))
      errors.push(`${wat}.toMonths must be a whole number of months, or null for the child's whole life`)
    if (typeof w.points !== 'number' || !Number.isFinite(w.points) || w.points < 0)
      errors.push(`${wat}.points must be a number ≥ 0`)
    if (isWhole(w.fromMonths) && (w.toMonths === null || isWhole(w.toMonths))) {
      const to = w.toMonths === null ? Infinity : w.toMonths
      if (to <= w.fromMonths) errors.push(`${wat}: toMonths must be after fromMonths`)
      else {
        for (const [f, t] of spans)
          if (w.fromMonths < t && f < to) errors.push(`${wat} overlaps another window of the item`)
        spans.push([w.fromMonths, to])
      }
    }
  })
}

/** The bands: numbered 1 to 4 once each, none labelled as safe, starting at rising scores. */
function checkBands(list: unknown, errors: string[]): void {
  const bandNumbers: number[] = []
  if (!Array.isArray(list)) errors.push('bands must be a list')
  else {
    list.forEach((b, i) => {
      const at = `bands[${i}]`
      if (!isObject(b)) return void errors.push(`${at} must be an object`)
      if (!isWhole(b.band)) errors.push(`${at}.band must be a whole number`)
      else bandNumbers.push(b.band)
      if (!isText(b.label)) errors.push(`${at} needs a label`)
      else if (REASSURING.test(b.label))
        errors.push(`${at}: label "${b.label}" must not say a child is safe (say "no identified risk")`)
      if (!isText(b.action)) errors.push(`${at} needs the action the band requires`)
      if (!isWhole(b.minScore)) errors.push(`${at}.minScore must be a whole number ≥ 0`)
    })
    const numbers = [...bandNumbers].sort((a, b) => a - b).join(',')
    if (numbers !== '1,2,3,4')
      errors.push(`bands must be numbered 1, 2, 3 and 4 once each (found ${numbers || 'none'})`)
    else {
      const byNumber = [...(list as { band: number; minScore: number }[])].sort((a, b) => a.band - b.band)
      if (byNumber[0].minScore !== 0) errors.push('band 1 must start at score 0')
      for (let k = 1; k < byNumber.length; k++) {
        if (!(byNumber[k].minScore > byNumber[k - 1].minScore))
          errors.push(`band ${byNumber[k].band} must start at a higher score than band ${byNumber[k - 1].band}`)
      }
    }
  }
}

/** The age rules: each naming the domains or items (of this instrument) that make it fire. */
function checkAgeRules(list: unknown, domains: Set<string>, itemCodes: Set<string>, errors: string[]): void {
  if (!Array.isArray(list)) errors.push('ageRules must be a list (empty for none)')
  else
    list.forEach((r, i) => {
      const at = `ageRules[${i}]`
      if (!isObject(r)) return void errors.push(`${at} must be an object`)
      if (!isText(r.id)) errors.push(`${at} needs an id`)
      if (!isText(r.description)) errors.push(`${at} needs a description`)
      if (!isWhole(r.underAge) || r.underAge === 0 || r.underAge > 18)
        errors.push(`${at}.underAge must be a whole number of years from 1 to 18`)
      if (!isWhole(r.minBand) || r.minBand < 1 || r.minBand > 4) errors.push(`${at}.minBand must be a band from 1 to 4`)
      const ds = r.domains ?? []
      const is = r.items ?? []
      if (!Array.isArray(ds) || !Array.isArray(is) || ds.length + is.length === 0)
        errors.push(`${at} must name the domains or items that make it fire`)
      else {
        for (const d of ds)
          if (!domains.has(d as string)) errors.push(`${at}: domain "${String(d)}" is not one of the domains`)
        for (const c of is)
          if (!itemCodes.has(c as string)) errors.push(`${at}: item "${String(c)}" is not one of the items`)
      }
    })
}

/** Pattern rules (1.4.0): what counts, within how many months, how many items from how many agencies, the band. */
function checkPatternRules(list: unknown, domains: Set<string>, itemCodes: Set<string>, errors: string[]): void {
  if (!Array.isArray(list)) return void errors.push('patternRules, when given, must be a list')
  list.forEach((r, i) => {
    const at = `patternRules[${i}]`
    if (!isObject(r)) return void errors.push(`${at} must be an object`)
    if (!isText(r.id)) errors.push(`${at} needs an id`)
    if (!isText(r.description)) errors.push(`${at} needs a description`)
    if (!isWhole(r.withinMonths) || r.withinMonths === 0)
      errors.push(`${at}.withinMonths must be a whole number of months ≥ 1`)
    if (!isWhole(r.minItems) || r.minItems < 1) errors.push(`${at}.minItems must be a whole number ≥ 1`)
    if (!isWhole(r.minAgencies) || r.minAgencies === 0) errors.push(`${at}.minAgencies must be a whole number ≥ 1`)
    if (!isWhole(r.minBand) || r.minBand < 1 || r.minBand > 4) errors.push(`${at}.minBand must be a band from 1 to 4`)
    const ds = r.domains ?? []
    const is = r.items ?? []
    const except = r.exceptItems ?? []
    if (!Array.isArray(ds) || !Array.isArray(is) || !Array.isArray(except) || ds.length + is.length === 0)
      return void errors.push(
        `${at} must name the domains or items that count (and exceptItems, when given, as a list)`,
      )
    for (const d of ds)
      if (!domains.has(d as string)) errors.push(`${at}: domain "${String(d)}" is not one of the domains`)
    for (const c of [...is, ...except])
      if (!itemCodes.has(c as string)) errors.push(`${at}: item "${String(c)}" is not one of the items`)
  })
}
