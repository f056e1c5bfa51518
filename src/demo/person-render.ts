// How each agency writes a person: its own fields, its own habits of case and spacing, and (for
// linkage test areas) its own spelling or date of birth.
import type { DemoAgency } from './agencies.ts'
import type { Rng } from './prng.ts'
import { TOWN } from './identifiers.ts'
import type { Person } from './world.ts'

const ETHNICITY_RECORDED: Record<string, number> = {
  police: 0.5,
  childrens_social_care: 0.85,
  health: 0.7,
  education: 0.95,
  prosecutor: 0.3,
  youth_justice: 0.8,
  voluntary: 0.6,
}

/** The name and date of birth an agency records, before its habits of case and spacing. */
export function recordedIdentity(
  agency: DemoAgency,
  p: Person,
): { given: string; family: string; dob: string; otherNames?: string[] } {
  const variantName = `${p.givenVariant ?? p.given} ${p.familyVariant ?? p.family}`
  const hasVariant = p.givenVariant !== undefined || p.familyVariant !== undefined
  const otherNames = hasVariant && (agency.kind === 'police' || agency.kind === 'voluntary') ? [variantName] : undefined
  let { given, family, dob } = { given: p.given, family: p.family, dob: p.dob }
  // harder differences live in agencies without NHS numbers, as they do in practice
  if (p.hard === 'spelling' && (agency.kind === 'police' || agency.kind === 'voluntary')) {
    given = p.givenVariant ?? given
    family = p.familyVariant ?? family
  } else if (p.hard === 'familiar_form' && agency.kind === 'voluntary') {
    given = p.givenVariant ?? given
  } else if (p.hard === 'day_month_swapped' && agency.kind === 'police') {
    dob = `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`
  } else if (p.hard === 'year_only' && (agency.kind === 'voluntary' || agency.kind === 'prosecutor')) {
    dob = dob.slice(0, 4)
  }
  return { given, family, dob, otherNames: otherNames?.filter((n) => n !== `${given} ${family}`) }
}

export function renderPerson(agency: DemoAgency, p: Person, rng: Rng): Record<string, unknown> {
  const id = recordedIdentity(agency, p)
  let given = id.given
  let family = id.family
  // habits that the exact rule forgives: case, spacing and punctuation
  if (agency.kind === 'police') family = family.toUpperCase()
  else if (agency.kind === 'prosecutor') {
    given = given.toUpperCase()
    family = family.toUpperCase()
  } else if (agency.kind === 'voluntary' && rng.chance(0.3)) {
    given = given.toLowerCase()
    family = family.toLowerCase()
  } else if (agency.kind === 'childrens_social_care' && rng.chance(0.15)) family = `${family} `
  else if (agency.kind === 'health' && rng.chance(0.1)) given = ` ${given}`
  const o: Record<string, unknown> = { given_name: given, family_name: family }
  if (id.otherNames?.length) o.other_names = id.otherNames
  o.date_of_birth = id.dob
  o.sex = p.sex
  const isChild = p.role === 'child'
  if (p.nhs) {
    if (agency.kind === 'health')
      o.nhs_number = rng.chance(0.5) ? `${p.nhs.slice(0, 3)} ${p.nhs.slice(3, 6)} ${p.nhs.slice(6)}` : p.nhs
    else if (agency.kind === 'childrens_social_care' && rng.chance(0.8)) o.nhs_number = p.nhs
  }
  if (p.upn && agency.kind === 'education' && p.school?.code === agency.code) o.upn = p.upn
  if (p.pnc && agency.kind === 'police') o.pnc_id = p.pnc
  const postcode =
    agency.kind === 'voluntary'
      ? p.home.postcode.toLowerCase()
      : agency.kind === 'education'
        ? p.home.postcode.replace(' ', '')
        : p.home.postcode
  if (agency.kind !== 'prosecutor') o.address = { line1: p.home.line1, town: TOWN, postcode }
  if (
    p.mobile &&
    (agency.kind === 'police' || agency.kind === 'voluntary' || (agency.kind === 'education' && !isChild))
  )
    o.phone = p.mobile
  else if (p.landline && (agency.kind === 'health' || agency.kind === 'education')) o.phone = p.landline
  const recorded = (ETHNICITY_RECORDED[agency.kind] ?? 0.5) * (p.role === 'group_adult' ? 0.6 : 1)
  if (p.ethnicity && rng.chance(recorded)) {
    o.ethnicity = p.ethnicity
    if (p.nationality && rng.chance(0.7)) o.nationality = p.nationality
  }
  if (agency.kind === 'education' || agency.kind === 'childrens_social_care' || agency.kind === 'health') {
    if (p.disability) o.disability = p.disability
    else if (rng.chance(0.4)) o.disability = rng.chance(0.2) ? 'not_recorded' : 'none'
  }
  if (agency.kind === 'childrens_social_care' || agency.kind === 'education' || agency.kind === 'voluntary')
    o.is_child = isChild
  return o
}
