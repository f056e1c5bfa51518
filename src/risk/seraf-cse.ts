// The instrument Threadline ships: modelled on SERAF (Sexual Exploitation Risk Assessment Framework),
// for sexual exploitation only. Plain data: an area's own version has the same shape (validateInstrument).
import type { Instrument } from './instrument.ts'

const lifetime = [{ fromMonths: 0, toMonths: null, points: 1 }]
const moderate = [{ fromMonths: 0, toMonths: 6, points: 1 }]
// Significant: 5 if within 6 months, 1 if 6 to 12 months ago, 6 if both.
const significant = [
  { fromMonths: 0, toMonths: 6, points: 5 },
  { fromMonths: 6, toMonths: 12, points: 1 },
]

/** Version 1.1.0, as shipped before 1.2.0: kept so that its arithmetic (and screenings made with it) can be checked. */
export const serafCse110: Instrument = {
  id: 'seraf-cse',
  version: '1.1.0',
  name: 'Child sexual exploitation screening (SERAF model)',
  description:
    "Scores vulnerabilities over the child's life and moderate and significant indicators by how recent they are. " +
    'A score prompts a professional to look; it supports professional judgement and never declares a child safe.',
  source:
    "Modelled on SERAF, the Sexual Exploitation Risk Assessment Framework (Barnardo's Cymru / All Wales Child " +
    "Protection Procedures), as summarised in Threadline's domain notes: vulnerabilities 1 point each over the " +
    "child's life; moderate indicators 1 point within 6 months; significant indicators 5 points within 6 months, " +
    '1 point 6 to 12 months ago, 6 if both; categories 1 to 4; under 13 with any significant indicator at least ' +
    'category 3; reassess at least every 3 months. Version 1.1.0 adds the evidence of sexual abuse agencies record ' +
    '(disclosures, sexual offences against the child, sexual-abuse plans, exploitation found at assessment: at ' +
    'least category 3) and applies from age 10 to 17.',
  domains: [
    { code: 'vulnerability', label: 'Vulnerabilities', description: "Counted once each over the child's whole life." },
    { code: 'moderate', label: 'Moderate indicators', description: 'Present now or in the past 6 months.' },
    { code: 'significant', label: 'Significant indicators', description: 'Within 6 months, or 6 to 12 months ago.' },
  ],
  items: [
    // vulnerabilities
    {
      code: 'abuse_or_neglect_at_home',
      label: 'Abuse or neglect at home',
      domain: 'vulnerability',
      // a child protection plan for neglect, physical or emotional abuse (a sexual-abuse plan is an indicator)
      evidence: ['cp_plan'],
      weights: lifetime,
    },
    {
      code: 'family_breakdown',
      label: 'Family breakdown',
      domain: 'vulnerability',
      evidence: ['family_breakdown'],
      weights: lifetime,
    },
    {
      code: 'domestic_abuse_at_home',
      label: 'Domestic abuse at home',
      domain: 'vulnerability',
      evidence: ['domestic_abuse_at_home'],
      weights: lifetime,
    },
    {
      code: 'parental_substance_misuse_or_mental_ill_health',
      label: 'Parental substance misuse or mental ill-health',
      domain: 'vulnerability',
      evidence: ['substance_misuse_at_home', 'parental_mental_health'],
      weights: lifetime,
    },
    {
      code: 'low_self_esteem',
      label: 'Low self-esteem',
      domain: 'vulnerability',
      evidence: ['low_self_esteem'],
      weights: lifetime,
    },
    { code: 'isolated', label: 'Isolated', domain: 'vulnerability', evidence: ['isolated'], weights: lifetime },
    {
      code: 'looked_after',
      label: 'Looked after (in care)',
      domain: 'vulnerability',
      evidence: ['looked_after'],
      weights: lifetime,
    },
    {
      code: 'unsuitable_accommodation',
      label: 'Unsuitable accommodation',
      domain: 'vulnerability',
      evidence: [],
      weights: lifetime,
    },
    {
      code: 'no_nurturing_adult',
      label: 'No positive relationship with a nurturing adult',
      domain: 'vulnerability',
      evidence: [],
      weights: lifetime,
    },
    // moderate indicators
    {
      code: 'staying_out_late',
      label: 'Staying out late',
      domain: 'moderate',
      evidence: ['staying_out_late'],
      weights: moderate,
    },
    {
      code: 'unknown_callers',
      label: 'Unknown callers',
      domain: 'moderate',
      evidence: ['unknown_callers'],
      weights: moderate,
    },
    {
      code: 'concerning_phone_or_internet_use',
      label: 'Concerning phone or internet use',
      domain: 'moderate',
      evidence: ['concerning_phone_use', 'concerning_internet_use'],
      weights: moderate,
    },
    { code: 'self_harm', label: 'Self-harm', domain: 'moderate', evidence: ['self_harm'], weights: moderate },
    {
      code: 'school_disengagement',
      label: 'School exclusion or unexplained absence',
      domain: 'moderate',
      evidence: ['school_disengagement'],
      weights: moderate,
    },
    {
      code: 'disclosure_withdrawn',
      label: 'Disclosure later withdrawn',
      domain: 'moderate',
      evidence: ['disclosure_withdrawn'],
      weights: moderate,
    },
    { code: 'sti', label: 'Sexually transmitted infection', domain: 'moderate', evidence: ['sti'], weights: moderate },
    {
      code: 'pregnancy',
      label: 'Pregnancy or termination',
      domain: 'moderate',
      evidence: ['pregnancy'],
      weights: moderate,
    },
    {
      code: 'peers_exploited',
      label: 'Peers involved in exploitation',
      domain: 'moderate',
      evidence: ['peers_exploited'],
      weights: moderate,
    },
    {
      code: 'drug_or_alcohol_misuse',
      label: 'Drug or alcohol misuse',
      domain: 'moderate',
      evidence: ['drug_misuse', 'alcohol_misuse', 'substance_misuse'],
      weights: moderate,
    },
    {
      code: 'unexplained_injury',
      label: 'Unexplained injury',
      domain: 'moderate',
      evidence: ['unexplained_injury'],
      weights: moderate,
    },
    {
      code: 'sexualised_behaviour',
      label: 'Sexualised behaviour',
      domain: 'moderate',
      evidence: ['sexualised_behaviour'],
      weights: moderate,
    },
    // significant indicators
    {
      code: 'vehicle_unknown_adults',
      label: 'Getting into cars with unknown adults',
      domain: 'significant',
      evidence: ['vehicle_unknown_adults'],
      weights: significant,
    },
    {
      code: 'gifts_money',
      label: 'Gifts or money from unknown sources',
      domain: 'significant',
      evidence: ['gifts_money'],
      weights: significant,
    },
    { code: 'missing', label: 'Going missing', domain: 'significant', evidence: ['missing'], weights: significant },
    {
      code: 'hotspot_location',
      label: 'Seen at places known for exploitation',
      domain: 'significant',
      evidence: ['hotspot_location'],
      weights: significant,
    },
    {
      code: 'older_associates',
      label: 'Older "boyfriend" or older associates',
      domain: 'significant',
      evidence: ['older_associates'],
      weights: significant,
    },
    // 1.1.0: the evidence of sexual abuse that agencies record, which a professional would count
    {
      code: 'disclosure',
      label: 'A disclosure of abuse or exploitation (to any agency)',
      domain: 'significant',
      evidence: ['disclosure'],
      weights: significant,
    },
    {
      code: 'sexual_offence_victim',
      label: 'A sexual offence reported against the child, or an adult arrested or charged for one',
      domain: 'significant',
      evidence: ['sexual_offence_victim'],
      weights: significant,
    },
    {
      code: 'offence_against_child',
      label: 'An adult arrested or charged for another offence against the child',
      domain: 'moderate',
      evidence: ['offence_against_child'],
      weights: moderate,
    },
    {
      code: 'sexual_abuse_plan',
      label: 'A child protection plan for sexual abuse',
      domain: 'significant',
      evidence: ['cp_plan_sexual_abuse'],
      weights: significant,
    },
    {
      code: 'assessed_exploitation',
      label: 'Sexual or criminal exploitation, trafficking or gangs found at an assessment',
      domain: 'significant',
      evidence: ['assessed_exploitation'],
      weights: significant,
    },
    {
      code: 'sexual_activity_under_13',
      label: 'A child under 13 in sexual activity',
      domain: 'significant',
      evidence: ['sti', 'pregnancy'],
      weights: significant,
      underAgeAtEvidence: 13,
    },
  ],
  bands: [
    {
      band: 1,
      label: 'no identified risk',
      minScore: 0,
      action:
        'No action required by the screening. This is not a finding that the child is safe: professional judgement ' +
        'and any concern still lead.',
    },
    {
      band: 2,
      label: 'mild',
      minScore: 6,
      action:
        "Discuss with your safeguarding lead; consider a referral to children's social care; share with the " +
        'agencies involved and reassess within 3 months.',
    },
    {
      band: 3,
      label: 'moderate',
      minScore: 11,
      action: "Refer to children's social care (MASH); a multi-agency strategy discussion is expected.",
    },
    {
      band: 4,
      label: 'significant',
      minScore: 16,
      action:
        "Refer to children's social care (MASH) today; a strategy discussion and child protection enquiry are expected.",
    },
  ],
  ageRules: [
    {
      id: 'under-13-significant',
      description: 'A child under 13 with any significant indicator is at least moderate (band 3).',
      underAge: 13,
      domains: ['significant'],
      minBand: 3,
    },
    {
      id: 'evidence-of-sexual-abuse',
      description:
        'A child with a disclosure, a sexual offence reported against them, a sexual-abuse protection plan or ' +
        'exploitation found at assessment is at least moderate (band 3), whatever the other indicators.',
      underAge: 18,
      items: ['disclosure', 'sexual_offence_victim', 'sexual_abuse_plan', 'assessed_exploitation'],
      minBand: 3,
    },
  ],
  reassessMonths: 3,
  ages: { from: 10, to: 17 },
}

const itemsOf110 = serafCse110.items

/**
 * Version 1.2.0: going missing weighs by what the episode shows. A missing episode with signs of
 * exploitation (found with an adult, in a car, at a place of concern, given gifts, drink or drugs, hurt,
 * graded high risk, or the child will not say where or with whom) stays a significant indicator; a
 * missing episode that shows none (to family, friends or known places) is a moderate one. Looked-after
 * status stays a vulnerability, never evidence of exploitation. The record's own words count as evidence
 * of the indicators they describe ("found in a car with an older male"), not only the indicators an
 * agency ticked.
 */
export const serafCse120: Instrument = {
  ...serafCse110,
  version: '1.2.0',
  readsRecordWords: true,
  description:
    serafCse110.description +
    " From 1.2.0 the records' own words count, and going missing weighs by what the episode shows.",
  source:
    serafCse110.source +
    ' Version 1.2.0 reads the signs of exploitation in the words of every record (summaries, notes, the ' +
    "child's account at a return interview), and splits going missing: with signs of exploitation a " +
    'significant indicator, without them a moderate one (most children who go missing go to family, ' +
    'friends or known places).',
  items: itemsOf110.flatMap((item) =>
    item.code !== 'missing'
      ? [item]
      : [
          {
            ...item,
            label: 'Going missing (where the child was is not recorded)',
            explanation:
              'A missing episode whose record does not say where the child was or why they went. Still a ' +
              'significant indicator, as in SERAF.',
          },
          {
            code: 'missing_with_signs',
            label: 'Going missing with signs of exploitation',
            domain: 'significant',
            explanation:
              'A missing episode (or the return interview after it) whose record shows a sign of exploitation: ' +
              'found with an adult or in a car, at an address of concern, a hotel or another town, given gifts, ' +
              'drink or drugs, returned hurt or intoxicated, graded high risk, or the child will not say where ' +
              'or with whom they were.',
            evidence: ['missing_with_signs'],
            weights: item.weights,
          },
          {
            code: 'missing_known_place',
            label: 'Going missing to family, friends or a known place',
            domain: 'moderate',
            explanation:
              'A missing episode whose record says the child was with family or friends or at a known place, or ' +
              'went after a row at home (or that the police graded no apparent or low risk), and shows no sign of ' +
              'exploitation. A moderate indicator: most such children are not being exploited, but repeated ' +
              'episodes still call for a plan.',
            evidence: ['missing_known_place'],
            weights: [{ fromMonths: 0, toMonths: 6, points: 1 }],
          },
        ],
  ),
}

/**
 * Version 1.3.0: what a record's own words explain weighs as a practitioner weighs it (decision 0042). A
 * sign the same record explains (the driver later confirmed as the child's uncle, mum aware; a phone
 * mum confirms was a present from the grandparents; no exploitation concern found) does not count. A
 * missing child found alone at a familiar place, or at a separated parent's home, went to a known place
 * even when the police graded the episode high for the child's own vulnerability. And the signs as
 * practitioners also write them count: arriving home in taxis nobody in the family pays for, talking to
 * adult men online, collected from school in the day by someone the record does not name.
 */
export const serafCse130: Instrument = {
  ...serafCse120,
  version: '1.3.0',
  readsExplanations: true,
  description:
    serafCse120.description +
    ' From 1.3.0 a sign the record itself explains (confirmed as family or a known adult) does not count.',
  source:
    serafCse120.source +
    ' Version 1.3.0 weighs what the records explain: a sign the same record explains (an adult confirmed as ' +
    'family or a known adult, a possession whose source a parent or employer confirms, no exploitation concern ' +
    "found) does not count, and a missing child found alone at a familiar place or at a parent's home went to a " +
    "known place whatever the police grading (which weighs the child's own vulnerability).",
}

/**
 * Version 1.4.0 (decision 0058): the records read together, as a practitioner reads a multi-agency
 * chronology. Three different indicators recorded by two or more agencies within 6 months make a child
 * at least mild (band 2): each agency may hold only a moderate indicator, and the picture is what no one
 * agency saw (the Rochdale finding). And a record is read with the records around it: a follow-up that
 * explains a sign within 30 days answers it, one missing episode recorded by two agencies counts once,
 * and a missing record that itself finds no concern of exploitation accounts for a high police grading.
 */
export const serafCse140: Instrument = {
  ...serafCse130,
  version: '1.4.0',
  readsFollowUps: true,
  description:
    serafCse130.description +
    ' From 1.4.0 three different indicators from two or more agencies within 6 months make a child at least ' +
    "mild (band 2), and a record is read with the follow-ups and the other agencies' records of the same episode.",
  source:
    serafCse130.source +
    ' Version 1.4.0 adds a multi-agency pattern (three different indicators from two or more agencies within ' +
    '6 months: at least category 2, the category whose action is to discuss with the safeguarding lead and ' +
    'share with the agencies involved), reads a follow-up that explains a sign within 30 days as answering it, ' +
    'counts one missing episode recorded by two agencies once, and reads a missing record that itself finds ' +
    'no concern of exploitation as accounting for a high police grading.',
  patternRules: [
    {
      id: 'multi-agency-pattern',
      description:
        'Three or more different indicators, recorded by two or more agencies, within 6 months: at least mild ' +
        '(band 2), whatever their points. Each agency may hold only a moderate sign; together they are a pattern.',
      domains: ['moderate', 'significant'],
      // a missing episode whose record says the child was with family, friends or at a known place
      exceptItems: ['missing_known_place'],
      withinMonths: 6,
      minItems: 3,
      minAgencies: 2,
      minBand: 2,
    },
  ],
}

/**
 * Version 1.5.0 (decision 0065): the signs and explanations as records also word them, found by
 * classifying every miss and false flag of five areas written by others. A known adult named through
 * whose relative they are ("Checked with parent: the man is the child's uncle"), family or staff who
 * cannot account for a possession read as the ones asking ("new clothes the family cannot explain"), a
 * cost paid by someone the record does not name, and an offence of possessing drugs as drug misuse.
 * And one significant indicator makes a child at least mild (band 2, rule `any-significant`): SERAF's
 * arithmetic gives one 5 points, one short of band 2, so a child whose only sign was a car with unknown
 * adults or an older "boyfriend" was "no identified risk" until a second sign came.
 */
export const serafCse150: Instrument = {
  ...serafCse140,
  version: '1.5.0',
  readsPlainWording: true,
  patternRules: [
    ...(serafCse140.patternRules ?? []),
    {
      id: 'any-significant',
      description:
        'Any significant indicator within 12 months: at least mild (band 2). SERAF gives one 5 points, one short ' +
        'of band 2; one such sign is enough to discuss with the safeguarding lead, as under 13 it is enough for ' +
        'band 3.',
      domains: ['significant'],
      withinMonths: 12,
      minItems: 1,
      minAgencies: 1,
      minBand: 2,
    },
  ],
  description:
    serafCse140.description +
    ' From 1.5.0 the records are read as they are also worded (a known adult named as "the child\'s uncle", ' +
    'a possession the family cannot explain, a cost paid by someone unnamed, possession of drugs), and any ' +
    'significant indicator makes a child at least mild (category 2).',
  source:
    serafCse140.source +
    ' Version 1.5.0 reads a known adult named through whose relative they are ("the child\'s uncle", "mum\'s ' +
    'partner"), family or staff who cannot account for a possession or a lift as the ones asking rather than ' +
    'the ones giving, a cost paid in advance by someone the record does not name as gifts or money from an ' +
    'unknown source, and an offence of possessing drugs as drug misuse; and any one significant indicator ' +
    'within 12 months makes a child at least category 2 (discuss with the safeguarding lead), as under 13 it ' +
    'makes a child category 3.',
}

/**
 * Version 1.6.0 (decision 0073): SERAF's older "boyfriend" as a sexual-health record words it (a partner
 * described as "older" or as an adult), and association with peers known to be exploited together with
 * drink or drugs within 6 months at least mild (band 2): the way a child is drawn in through friends
 * (peer introduction), two moderate signs that SERAF's arithmetic scores 2 points and 1.4.0's multi-agency
 * pattern needs a third for.
 */
export const serafCse: Instrument = {
  ...serafCse150,
  version: '1.6.0',
  readsOlderPartners: true,
  patternRules: [
    ...(serafCse150.patternRules ?? []),
    {
      id: 'exploited-peers-and-substances',
      description:
        'Friends or peers known to be exploited, and drug or alcohol misuse, within 6 months: at least mild ' +
        '(band 2). Exploitation often reaches a child through friends already drawn in, with drink or drugs ' +
        'as the currency; the two together are worth discussing with the safeguarding lead.',
      items: ['peers_exploited', 'drug_or_alcohol_misuse'],
      withinMonths: 6,
      minItems: 2,
      minAgencies: 1,
      minBand: 2,
    },
  ],
  description:
    serafCse150.description +
    ' From 1.6.0 a partner described as older or as an adult is an older "boyfriend", and peers known to be ' +
    'exploited together with drug or alcohol misuse make a child at least mild (category 2).',
  source:
    serafCse150.source +
    ' Version 1.6.0 reads a partner or boyfriend the record describes as older or as an adult (as a ' +
    'sexual-health record words it) as an older "boyfriend", and makes peers known to be exploited together ' +
    'with drug or alcohol misuse within 6 months at least category 2.',
}
