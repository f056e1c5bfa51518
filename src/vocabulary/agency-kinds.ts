// The kinds of agency that protect children in an area, as the import format names them
// (docs/import-format.md): each agency registered in Threadline is one of these.
export const AGENCY_KINDS = [
  'police',
  'childrens_social_care',
  'health',
  'education',
  'prosecutor',
  'youth_justice',
  'voluntary',
  'other',
] as const
export type AgencyKind = (typeof AGENCY_KINDS)[number]
/** Whether a word is one of the agency kinds (for what an administrator typed or a setting names). */
export const isAgencyKind = (value: string): value is AgencyKind => (AGENCY_KINDS as readonly string[]).includes(value)
