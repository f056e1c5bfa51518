// The published guidance the shipped rules rest on, named once so that every finding can cite it.
// Every shipped rule cites the national guidance (The Children's Society, Victim Support and the
// NPCC) first, then what else it rests on; a finding names guidance, never one of our own files.
export const SOURCES = {
  taskforce2024:
    'CSE Taskforce, The Children\'s Society and NAPAC, "Child exploitation and abuse: an appropriate language guide" (2024)',
  tcs: 'The Children\'s Society, Victim Support and NPCC, "Appropriate language: child exploitation" (guidance for professionals on child sexual and criminal exploitation)',
  hmicfrs:
    'HMICFRS, inspection of the police response to group-based child sexual exploitation (2023): forces to eradicate victim-blaming language',
  rochdale:
    'Rochdale Borough Safeguarding Children Board, serious case review (2013): records said victims made "lifestyle choices"',
  dfe2017:
    'DfE, "Child sexual exploitation: definition and a guide for practitioners" (2017): a child cannot consent to their own abuse',
  soa2003:
    'Sexual Offences Act 2003: ss. 5-8 (a child under 13 cannot consent: rape and assault of a child under 13), ss. 9-15 (sexual offences against a child under 16)',
  ukcis:
    'UK Council for Internet Safety, guidance on avoiding victim-blaming language and behaviours when supporting children (online abuse and image sharing)',
  missing2014: 'DfE, "Statutory guidance on children who run away or go missing from home or care" (2014)',
  countyLines:
    'Home Office, "Criminal exploitation of children and vulnerable adults: county lines" guidance: children who are criminally exploited are victims',
  worcs2022:
    'Herefordshire and Worcestershire Health and Care NHS Trust, "Child exploitation appropriate language guide" (2022)',
} as const

/**
 * The guidance the lexicon was built from: what a finding cites when its rule is no longer known
 * (a finding kept from an older lexicon, or from an area's rule since removed).
 */
export const LEXICON_GUIDANCE = SOURCES.tcs

export const cite = (...keys: (keyof typeof SOURCES)[]): string =>
  ['tcs' as const, ...keys.filter((k) => k !== 'tcs')].map((k) => SOURCES[k]).join('; ')
