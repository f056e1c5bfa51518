// The real people and places of the synthetic town, before any agency writes about them.
import type { School } from './agencies.ts'
import type { PersonRole } from './area-types.ts'

export interface Home {
  line1: string
  postcode: string
}

export type Need = 'domestic_abuse' | 'substance_misuse' | 'mental_health' | 'family_breakdown' | 'neglect'

/** How this person's records differ across agencies beyond case and spacing (linkage tests only). */
export type HardVariant = 'spelling' | 'familiar_form' | 'day_month_swapped' | 'year_only'

export interface Person {
  id: string
  role: PersonRole
  given: string
  family: string
  sex: 'female' | 'male'
  dob: string
  dobMs: number
  nhs?: string
  upn?: string
  school?: School
  pnc?: string
  home: Home
  mobile?: string
  landline?: string
  ethnicity?: string
  nationality?: string
  disability?: string
  /** Another spelling of the given or family name that some agency uses. */
  givenVariant?: string
  familyVariant?: string
  hard?: HardVariant
  household?: Family
}

export interface Family {
  id: string
  carers: Person[]
  children: Person[]
  home: Home
  needs: Need[]
  /** When the family's needs are visible to agencies (ms). */
  needsFrom: number
  needsTo: number
}

export interface Place {
  name: string
  /** Other names agencies write for the same place. */
  aliases: string[]
  postcode: string
}
