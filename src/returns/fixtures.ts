// Returns written by hand for the tests: a census from its parts, an SSDA903 table from its rows.
import { TABLES } from './ssda903/codes.ts'

export function census(year: number, children: string, options: { la?: string[]; root?: string } = {}): string {
  const sources = (options.la ?? ['354']).map((la) => `<Source><SourceLevel>L</SourceLevel><LEA>${la}</LEA></Source>`)
  const root = options.root ?? 'Message'
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root}><Header><CollectionDetails><Collection>CIN</Collection>` +
    `<Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>${sources.join('')}</Header>\n` +
    `<Children>\n${children}</Children></${root}>\n`
  )
}

export function child(
  id: string,
  o: {
    ethnicity?: string
    disabilities?: string[]
    gender?: string
    sex?: string
    dob?: string
    upn?: string
    episodes?: string
  } = {},
): string {
  const gender = o.sex !== undefined ? `<Sex>${o.sex}</Sex>` : `<GenderCurrent>${o.gender ?? '2'}</GenderCurrent>`
  const dis = o.disabilities
    ? `<Disabilities>${o.disabilities.map((d) => `<Disability>${d}</Disability>`).join('')}</Disabilities>`
    : ''
  return (
    `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID>${o.upn ? `<UPN>${o.upn}</UPN>` : ''}` +
    `<PersonBirthDate>${o.dob ?? '2008-04-02'}</PersonBirthDate>${gender}</ChildIdentifiers>` +
    `<ChildCharacteristics><Ethnicity>${o.ethnicity ?? 'WBRI'}</Ethnicity>${dis}</ChildCharacteristics>` +
    (o.episodes ?? episode({})) +
    '</Child>\n'
  )
}

export function episode(o: {
  referral?: string
  source?: string
  need?: string
  closure?: string
  reason?: string
  assessments?: string
  s47?: string
  plans?: string
  cinPlans?: string
}): string {
  return (
    `<CINdetails><CINreferralDate>${o.referral ?? '2020-05-01'}</CINreferralDate>` +
    `<ReferralSource>${o.source ?? '6'}</ReferralSource>${o.need ? `<PrimaryNeedCode>${o.need}</PrimaryNeedCode>` : ''}` +
    (o.closure
      ? `<CINclosureDate>${o.closure}</CINclosureDate><ReasonForClosure>${o.reason ?? 'RC7'}</ReasonForClosure>`
      : '') +
    (o.assessments ?? '') +
    (o.cinPlans ?? '') +
    (o.s47 ?? '') +
    '<ReferralNFA>0</ReferralNFA>' +
    (o.plans ?? '') +
    '</CINdetails>'
  )
}

export const assessment = (start: string, authorised: string | null, factors: string[]) =>
  `<Assessments><AssessmentActualStartDate>${start}</AssessmentActualStartDate>` +
  (authorised ? `<AssessmentAuthorisationDate>${authorised}</AssessmentAuthorisationDate>` : '') +
  (factors.length
    ? `<FactorsIdentifiedAtAssessment>${factors.map((f) => `<AssessmentFactors>${f}</AssessmentFactors>`).join('')}</FactorsIdentifiedAtAssessment>`
    : '') +
  '</Assessments>'

export const plan = (start: string, end: string | null, initial: string, latest: string, reviews: string[] = []) =>
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}` +
  `<InitialCategoryOfAbuse>${initial}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>${latest}</LatestCategoryOfAbuse>` +
  `<NumberOfPreviousCPP>0</NumberOfPreviousCPP>` +
  (reviews.length ? `<Reviews>${reviews.map((r) => `<CPPreviewDate>${r}</CPPreviewDate>`).join('')}</Reviews>` : '') +
  '</ChildProtectionPlans>'

export const csv = (table: string, rows: string[][]) =>
  [TABLES[table].join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n'
