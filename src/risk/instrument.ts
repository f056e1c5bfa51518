// A risk screening instrument is configuration, not code: an area may load its own version (as JSON)
// and every score records the id and version it was computed with.

/** A recency window, in calendar months back from the moment of scoring. `toMonths: null` = the child's whole life. */
export interface RecencyWindow {
  fromMonths: number
  toMonths: number | null
  points: number
}

export interface InstrumentItem {
  code: string
  label: string
  domain: string
  /**
   * Evidence codes that show this item: the import format's indicators and the codes Threadline derives
   * (see EVIDENCE_CODES). Empty for items only a practitioner can add (no record shows them).
   */
  evidence: string[]
  /** Points per window in which at least one piece of evidence falls; an item's points are their sum. */
  weights: RecencyWindow[]
  /** Only evidence from before the child's Nth birthday counts (e.g. sexual activity of a child under 13). */
  underAgeAtEvidence?: number
  /** Why the item counts, in plain words for the practitioner reading the child's page. */
  explanation?: string
}

export interface InstrumentDomain {
  code: string
  label: string
  description?: string
}

export interface Band {
  /** 1 to 4: the numbers are part of the command line's contract; only labels and actions are the area's. */
  band: number
  label: string
  minScore: number
  /** The action this band requires of the professional who sees it. */
  action: string
}

export interface AgeRule {
  id: string
  description: string
  /** Fires while the child is younger than this many years at the moment of scoring. */
  underAge: number
  /** Fires when any item of these domains, or any of these items, scores. */
  domains?: string[]
  items?: string[]
  /** The band is at least this while the rule fires. */
  minBand: number
}

/**
 * A pattern across agencies (from 1.4.0): several different indicators, recorded by more than one
 * agency, within a few months of each other make the band at least `minBand`, whatever their points. Each
 * agency may hold only a moderate indicator; together they are the picture no single agency saw.
 */
export interface PatternRule {
  id: string
  description: string
  /** Indicators of these domains, or these items, count. */
  domains?: string[]
  items?: string[]
  /** Items of those domains that do not count (a missing episode to a known place: the record accounts for it). */
  exceptItems?: string[]
  /** Evidence counts while it happened within this many months of the moment of scoring (and was recorded by then). */
  withinMonths: number
  /** At least this many different items ... */
  minItems: number
  /** ... shown by at least this many different agencies. */
  minAgencies: number
  /** The band is at least this while the pattern holds. */
  minBand: number
}

export interface Instrument {
  id: string
  version: string
  name: string
  description: string
  /** Where the instrument's structure comes from, for the reader of a score. */
  source: string
  domains: InstrumentDomain[]
  items: InstrumentItem[]
  bands: Band[]
  ageRules: AgeRule[]
  /** A screening is due again this many months after it was signed. */
  reassessMonths: number
  /**
   * The ages the instrument applies to, from the `from`th birthday to the day before the (`to` + 1)th.
   * Outside them a child is band 1 with the reason given (`outsideAgesLabel`), never scored. Absent: 10 to 17.
   * THREADLINE_RISK_FROM_AGE may lower `from` (never raise it).
   */
  ages?: { from: number; to: number }
  /**
   * The signs of exploitation in the records' own words (summaries, notes, a child's account) count as
   * evidence of the indicators they describe (src/risk/record-words.ts). Absent: only the indicators
   * agencies send and what Threadline derives from kinds, contents and involvements (versions before 1.2.0).
   */
  readsRecordWords?: boolean
  /**
   * From 1.3.0 (with `readsRecordWords`): what a record's own words explain weighs as a practitioner weighs it.
   * A sign the record explains (the adult confirmed as family or a known adult, a possession's source
   * confirmed, no exploitation concern found) does not count; a missing child found alone at a familiar
   * place or at a parent's home went to a known place whatever the police grading; and more ways of
   * writing the signs count (src/risk/record-words.ts). Absent: as 1.2.0.
   */
  readsExplanations?: boolean
  /** From 1.4.0: patterns across agencies that set a floor under the band (PatternRule). Absent: none. */
  patternRules?: PatternRule[]
  /**
   * From 1.4.0 (with `readsExplanations`): a record is read with the records around it, as a practitioner
   * reads a chronology. A follow-up within 30 days that explains a sign (the driver confirmed as an uncle)
   * answers the earlier record's sign from when it was recorded; one missing episode recorded by two
   * agencies counts once, as the record that says more shows it; a missing record that itself finds no
   * concern of exploitation accounts for a high police grading. Absent: as 1.3.0.
   */
  readsFollowUps?: boolean
  /**
   * From 1.5.0 (with `readsFollowUps`): the signs and explanations as records also word them (decision
   * 0065): a known adult named through whose relative they are ("the man is the child's uncle", "mum's
   * partner"), family or staff who cannot account for a possession or a lift read as the ones asking, a
   * cost paid by someone the record does not name, an offence of possessing drugs as drug misuse. Absent:
   * as 1.4.0.
   */
  readsPlainWording?: boolean
  /**
   * From 1.6.0 (with `readsPlainWording`): a partner or boyfriend the record describes as older or as an
   * adult ("Partner described as \"older\"") is an older "boyfriend" (decision 0073). Absent: as 1.5.0.
   */
  readsOlderPartners?: boolean
}

/** The ages an instrument applies to when it does not say (the shipped one says so too). */
export const DEFAULT_AGES = { from: 10, to: 17 } as const
