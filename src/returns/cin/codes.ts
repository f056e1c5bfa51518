// The children in need census's code lists, by collection year (named by the year it ends: 2023 is
// 1 April 2022 to 31 March 2023). Sources: the DfE's CIN census XML schemas for 2015-16 to 2023-24
// and the 2024-25 business and technical specification (docs/returns/cin-census.md lists them).
import { codeList, type CodeList } from '../codes.ts'

/** The collection years this adapter reads. */
export const CIN_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const

export const REFERRAL_SOURCE = codeList('referral source', [
  ['1A', 'Individual: family member, relative or carer'],
  ['1B', 'Individual: acquaintance (including neighbours and child minders)'],
  ['1C', 'Individual: self'],
  ['1D', 'Individual: other (including strangers)'],
  ['2A', 'Schools'],
  ['2B', 'Education services'],
  ['3A', 'Health services: general practitioner (GP)'],
  ['3B', 'Health services: health visitor'],
  ['3C', 'Health services: school nurse'],
  ['3D', 'Health services: other primary health services'],
  ['3E', 'Health services: A&E (accident and emergency department)'],
  ['3F', 'Health services: other (for example hospice)'],
  ['4', 'Housing: local authority housing or housing association'],
  ['5A', 'LA services: social care (for example adult social care)'],
  ['5B', 'LA services: other internal (for example youth offending, excluding housing)'],
  ['5C', "LA services: external (for example another local authority's adult social care)"],
  ['5D', 'LA services: early help'],
  ['6', 'Police'],
  ['7', 'Other legal agency (courts, probation, immigration, CAFCASS or prison)'],
  ['8', "Other (children's centres, independent agency providers or voluntary organisations)"],
  ['9', 'Anonymous'],
  ['10', 'Unknown'],
])

export const PRIMARY_NEED = codeList('primary need', [
  ['N1', 'Abuse or neglect'],
  ['N2', "Child's disability"],
  ['N3', 'Parental disability or illness'],
  ['N4', 'Family in acute stress'],
  ['N5', 'Family dysfunction'],
  ['N6', 'Socially unacceptable behaviour'],
  ['N7', 'Low income'],
  ['N8', 'Absent parenting'],
  ['N9', 'Cases other than children in need'],
  ['N0', 'Not stated'],
])

export const REASON_FOR_CLOSURE = codeList('reason for closure', [
  ['RC1', 'Adopted'],
  ['RC2', 'Died'],
  ['RC3', 'Child arrangements order'],
  ['RC4', 'Special guardianship order'],
  ['RC5', 'Transferred to services of another local authority'],
  ['RC6', 'Transferred to adult social care services'],
  ['RC7', 'Services ceased for any other reason, including child no longer in need'],
  ['RC8', 'Case closed after assessment, no further action'],
  ['RC9', 'Case closed after assessment, referred to early help'],
])

export const CATEGORY_OF_ABUSE = codeList('category of abuse', [
  ['NEG', 'Neglect'],
  ['PHY', 'Physical abuse'],
  ['SAB', 'Sexual abuse'],
  ['EMO', 'Emotional abuse'],
  ['MUL', 'Multiple/not recommended'],
])

export const ASSESSMENT_FACTORS = codeList('factors identified at the end of assessment', [
  ['1A', 'Alcohol misuse by the child'],
  ['1B', 'Alcohol misuse by the parent(s) or carer(s)'],
  ['1C', 'Alcohol misuse by another person living in the household'],
  ['2A', 'Drug misuse by the child'],
  ['2B', 'Drug misuse by the parent(s) or carer(s)'],
  ['2C', 'Drug misuse by another person living in the household'],
  ['3A', 'Domestic violence: the child is the subject'],
  ['3B', "Domestic violence: the child's parent(s) or carer(s) are the subject"],
  ['3C', 'Domestic violence: another person in the household is the subject'],
  ['4A', 'Mental health of the child'],
  ['4B', 'Mental health of the parent(s) or carer(s)'],
  ['4C', 'Mental health of another person in the family or household'],
  ['5A', "The child's learning disability"],
  ['5B', "The parent(s)' or carer(s)' learning disability"],
  ['5C', "Another family or household member's learning disability"],
  ['6A', 'Physical disability or illness of the child'],
  ['6B', 'Physical disability or illness of the parent(s) or carer(s)'],
  ['6C', 'Physical disability or illness of another person in the family or household'],
  ['7A', 'Young carer'],
  ['8B', 'Privately fostered: overseas children who intend to return'],
  ['8C', 'Privately fostered: overseas children who intend to stay'],
  ['8D', 'Privately fostered: UK children in educational placements'],
  ['8E', 'Privately fostered: UK children making alternative family arrangements'],
  ['8F', 'Privately fostered: other'],
  ['9A', 'Unaccompanied asylum-seeking child'],
  ['10A', 'Going or being missing'],
  ['11A', 'Child sexual exploitation'],
  ['12A', 'Trafficking'],
  ['13A', 'Gangs'],
  ['14A', 'Socially unacceptable behaviour'],
  ['15A', 'Self-harm'],
  ['16A', 'Abuse or neglect: neglect'],
  ['17A', 'Abuse or neglect: emotional abuse'],
  ['18A', 'Abuse or neglect: physical abuse'],
  ['18B', 'Abuse or neglect: physical abuse (child on child)'],
  ['18C', 'Abuse or neglect: physical abuse (adult on child)'],
  ['19A', 'Abuse or neglect: sexual abuse'],
  ['19B', 'Abuse or neglect: sexual abuse (child on child)'],
  ['19C', 'Abuse or neglect: sexual abuse (adult on child)'],
  ['20', 'Other'],
  ['21', 'No factors identified'],
  ['22A', 'Female genital mutilation'],
  ['23A', 'Abuse linked to faith or belief'],
  ['24A', 'Child criminal exploitation'],
])

export const GENDER_CURRENT = codeList('gender (GenderCurrent)', [
  ['0', 'Not recorded or unborn'],
  ['1', 'Male'],
  ['2', 'Female'],
  ['9', 'Indeterminate'],
])

export const SEX = codeList('sex (Sex)', [
  ['F', 'Female'],
  ['M', 'Male'],
  ['U', 'Unknown'],
])

export const YES_NO = codeList('yes/no', [
  ['0', 'No'],
  ['1', 'Yes'],
  ['false', 'No'],
  ['true', 'Yes'],
  ['FALSE', 'No'],
  ['TRUE', 'Yes'],
])

/** One year's edition of the lists that changed between years. */
export interface CinEdition {
  year: number
  referralSources: string[]
  closureReasons: string[]
  factors: string[]
  /** CINPlanDates (children in need plans) were collected from 2021-22. */
  cinPlans: boolean
}

const all = (list: CodeList) => [...list.order]

export function cinEdition(year: number): CinEdition {
  const factors = all(ASSESSMENT_FACTORS).filter((code) => {
    if (code === '18A' || code === '19A') return year <= 2020 // split by who harmed the child from 2020-21
    if (/^1[89][BC]$/.test(code)) return year >= 2021
    if (code === '24A') return year >= 2022 // child criminal exploitation, from 2021-22
    return true
  })
  return {
    year,
    referralSources: all(REFERRAL_SOURCE).filter((c) => c !== '5D' || year >= 2023),
    closureReasons: all(REASON_FOR_CLOSURE).filter((c) => c !== 'RC9' || year >= 2023),
    factors,
    cinPlans: year >= 2022,
  }
}

/** Which factors are exploitation risk the instrument reads, and which 1.1 indicators others give. */
export const FACTOR_INDICATORS: Readonly<Record<string, string>> = {
  '1A': 'alcohol_misuse',
  '2A': 'drug_misuse',
  '1B': 'substance_misuse_at_home',
  '1C': 'substance_misuse_at_home',
  '2B': 'substance_misuse_at_home',
  '2C': 'substance_misuse_at_home',
  '3A': 'domestic_abuse_at_home',
  '3B': 'domestic_abuse_at_home',
  '3C': 'domestic_abuse_at_home',
  '4B': 'parental_mental_health',
  '10A': 'missing',
  '15A': 'self_harm',
}

/** The exploitation factors carried for the risk instrument (format 1.3 `factors`). */
export const EXPLOITATION_FACTORS = ['10A', '11A', '12A', '13A', '24A'] as const
