// The link facts that link analysis reads, and what it answers. A link fact is one involvement of one
// event: the event's subject (a child or an adult, after linkage) tied to a person or object by an agency.

export const MEMBER_KINDS = ['person', 'vehicle', 'phone', 'online', 'location'] as const
export type MemberKind = (typeof MEMBER_KINDS)[number]

/** A time as stored (ISO 8601 with offset) or as a Date. */
export type Instant = string | Date

export interface LinkFact {
  /** The entity id of the event's subject: a child, or an adult (an arrest, intelligence about him). */
  personEntityId: string
  memberKind: MemberKind
  /**
   * person: entity id; vehicle: registration in capitals without spaces; phone: digits only;
   * online: handle as written; location: postcode in capitals without spaces.
   */
  memberKey: string
  agency: string
  /** 'agency:source_id' of the event: involvements of one event tie to each other through it. */
  eventRef: string
  /** suspect, victim, witness, associate, family, professional, found_with, found_at... or absent. */
  role?: string | null
  reliability?: string | null
  occurredAt: Instant
  recordedAt: Instant
  restricted?: boolean
  /** How the agency wrote an object in this event ('AB12 CDE', 'Takeaway, Drake St'), for labels. */
  display?: string | null
  /** What the event was (`concern`, `note`, ...); absent when not known (read as a sign of concern). */
  eventKind?: string | null
  /** The exploitation risk indicators the agency saw in the event (import format `indicators`). */
  indicators?: readonly string[] | null
}

/** Which entity ids are children. People who are not children are adults. */
export interface Population {
  children: ReadonlySet<string>
  adults?: ReadonlySet<string>
}

/** A recorded relationship between two people (family, parent, carer, lives_with...). */
export interface PersonRelationship {
  from: string
  to: string
  /** family, parent, carer, lives_with (kin: innocent links); associate, claimed_partner, peer (links). */
  kind: string
  recordedAt: Instant
  /** When it began ('since'), if known. */
  since?: Instant
  agency?: string
  /** 'agency:source_id' of the relationship record. */
  ref?: string
  reliability?: string | null
}

export interface MemberRef {
  kind: MemberKind
  key: string
}

export type NetworkStatus = 'suggested' | 'confirmed' | 'dismissed'

export interface NetworkDecision {
  networkId: string
  outcome: 'confirmed' | 'dismissed'
  reason: string
  /** Who decided, by the email they sign in with (the CLI's contract column). */
  decidedBy: string
  /** Who decided, by name, for pages (names, never emails, for people on pages). */
  decidedByName?: string
  decidedAt: Instant
  /** The members the analyst saw; new members since then raise the network again as a suggestion. */
  members: MemberRef[]
}

/** A suggested network: for an analyst to confirm or dismiss. Association is not fact. */
export interface Network {
  id: string
  status: NetworkStatus
  /** Child entity ids, sorted. */
  children: string[]
  /** Adults and objects around the children (never the children themselves), sorted by kind then key. */
  members: MemberRef[]
  agencies: string[]
  /** Recorded times (Europe/London ISO) of the first and last link that supports the network. */
  first_seen: string
  last_seen: string
  /** The events whose links support it, for a timeline ('agency:source_id'). */
  eventRefs: string[]
  /** The decision that set the status, when there is one. */
  decision?: NetworkDecision
  /**
   * Adults suggested only because they were recently tied to two unconnected children, with nothing else
   * on record (suggest.ts `provisionalDays`), and when they leave the suggestion unless corroborated.
   */
  provisional?: { member: MemberRef; until: string }[]
}
