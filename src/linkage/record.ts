// The person as the linkage engine sees it: a few identifying fields, raw as an agency wrote them.
// Everything is optional except the id, because agencies hold very different subsets.
import type { PersonRecord } from '../records/types.ts'

export interface LinkageRecord {
  id: string
  given_name?: string
  family_name?: string
  /** aliases and previous names, e.g. a family name before a change */
  other_names?: string[]
  /** YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY; impossible dates are kept as data */
  date_of_birth?: string
  sex?: string
  /** free text first line, e.g. "12 Canal Street"; house number and street are read from it */
  address_line?: string
  /** structured alternatives to address_line, used when a source has them (FEBRL) */
  house_number?: string
  street?: string
  town?: string
  postcode?: string
  phone?: string
  nhs_number?: string
  /** another identifier shared across sources (a UPN, FEBRL's soc_sec_id); compared exactly or with one typo */
  identifier?: string
  /** a PNC id: not compared, but two different ones are two people (incremental.ts) */
  pnc_id?: string
  /** the agency's word that the person was a child (or an adult) when it recorded them */
  is_child?: boolean
  /** when the agency recorded the record (ISO): the time `is_child` speaks of */
  recorded_at?: string
}

/** An imported agency person record as a linkage record, keyed `agency:source_id`. */
export function linkageRecordFromPerson(person: PersonRecord): LinkageRecord {
  const address = person.address
  return {
    id: `${person.agency}:${person.source_id}`,
    given_name: person.given_name,
    family_name: person.family_name,
    other_names: person.other_names,
    date_of_birth: person.date_of_birth,
    sex: person.sex,
    address_line: [address?.line1, address?.line2].filter(Boolean).join(', ') || undefined,
    town: address?.town,
    postcode: address?.postcode,
    phone: person.phone,
    nhs_number: person.nhs_number,
    identifier: person.upn,
    pnc_id: person.pnc_id,
    is_child: person.is_child,
    recorded_at: person.recorded_at,
  }
}
