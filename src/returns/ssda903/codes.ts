// The SSDA903 (children looked after) return's tables and code lists. Sources: the DfE's SSDA903
// guides and the column and code lists of the DfE-commissioned validator (docs/returns/ssda903.md).
import { codeList } from '../codes.ts'

/** Each table's columns, as the CSV files head them. */
export const TABLES: Readonly<Record<string, readonly string[]>> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  SocialWorker: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
}

/** Tables read in this order (people first), and why the rest are not imported. */
export const IMPORTED_TABLES = ['Header', 'Episodes', 'Missing', 'Reviews'] as const
export const NOT_IMPORTED: Readonly<Record<string, string>> = {
  UASC: 'UASC status has no field in the agency-record format (the census factor 9A carries it)',
  OC2: 'health and outcome measures of children looked after for a year are not safeguarding events',
  OC3: "care leavers' activity and accommodation are not safeguarding events",
  AD1: 'adoption decisions are not safeguarding events',
  PlacedAdoption: 'adoption placements are not safeguarding events',
  PrevPerm: 'previous permanence arrangements are not safeguarding events',
  SocialWorker: "the child's social worker changes are staff records (the format has no worker yet)",
}

export const SEX_903 = codeList('sex (SEX)', [
  ['1', 'Male'],
  ['2', 'Female'],
])

export const REASON_NEW_EPISODE = codeList('reason for new episode (RNE)', [
  ['S', 'Started to be looked after'],
  ['L', 'Change of legal status only'],
  ['P', 'Change of placement and carer(s) only'],
  ['T', 'Change of both legal status and placement and carer(s) at the same time'],
  ['B', 'Change of placement but same carer(s)'],
  ['U', 'Change of legal status and placement but same carer(s)'],
])

export const LEGAL_STATUS = codeList('legal status (LS)', [
  ['C1', 'Interim care order'],
  ['C2', 'Full care order'],
  ['D1', 'Freeing order granted'],
  ['E1', 'Placement order granted'],
  ['V2', 'Single period of accommodation under section 20'],
  ['V3', 'Accommodated under an agreed series of short-term breaks, when individual episodes are recorded'],
  ['V4', 'Accommodated under an agreed series of short-term breaks, when agreements are recorded'],
  ['L1', 'Under police protection and in local authority accommodation'],
  ['L2', 'Emergency protection order'],
  ['L3', 'Under child assessment order and in local authority accommodation'],
  ['J1', 'Remanded to local authority accommodation or to youth detention accommodation'],
  ['J2', 'Placed in local authority accommodation under PACE'],
  ['J3', 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement'],
])

export const CATEGORY_OF_NEED = codeList('category of need (CIN)', [
  ['N1', 'Abuse or neglect'],
  ['N2', "Child's disability"],
  ['N3', 'Parental illness or disability'],
  ['N4', 'Family in acute stress'],
  ['N5', 'Family dysfunction'],
  ['N6', 'Socially unacceptable behaviour'],
  ['N7', 'Low income'],
  ['N8', 'Absent parenting'],
])

export const PLACEMENT = codeList('placement type (PLACE)', [
  ['A3', 'Placed for adoption with parental consent with current foster carer(s)'],
  ['A4', 'Placed for adoption with parental consent not with current foster carer(s)'],
  ['A5', 'Placed for adoption with placement order with current foster carer(s)'],
  ['A6', 'Placed for adoption with placement order not with current foster carer(s)'],
  ['H5', 'Semi-independent or supported accommodation'],
  ['K1', "Secure children's home"],
  ['K2', "Children's home"],
  ['K3', "Children's home (code added in 2024-25)"],
  ['P1', 'Placed with own parent(s) or other person(s) with parental responsibility'],
  ['P2', 'Independent living (flat, lodgings, bedsit, B&B or with friends)'],
  ['P3', 'Residential employment'],
  ['R1', 'Residential care home'],
  ['R2', 'NHS or health trust or other establishment providing medical or nursing care'],
  ['R3', 'Family centre or mother and baby unit'],
  ['R5', 'Young offender institution or prison'],
  ['S1', 'Residential school'],
  ['T0', 'Temporary placement: all types of temporary move'],
  ['T1', 'Temporary period in hospital'],
  ['T2', 'Temporary absence on holiday'],
  ['T3', 'Temporary accommodation while the foster carer(s) are on holiday'],
  ['T4', 'Temporary accommodation of seven days or less'],
  ['U1', 'Foster placement with relative or friend: long term'],
  ['U2', 'Foster placement with relative or friend who is also an approved adopter'],
  ['U3', 'Foster placement with relative or friend: not long term'],
  ['U4', 'Foster placement with other foster carer: long term'],
  ['U5', 'Foster placement with other foster carer who is also an approved adopter'],
  ['U6', 'Foster placement with other foster carer: not long term'],
  ['Z1', 'Other placement'],
])

export const PLACEMENT_PROVIDER = codeList('placement provider (PLACE_PROVIDER)', [
  ['PR0', 'Parent(s) or other person(s) with parental responsibility'],
  ['PR1', 'Own provision by the local authority'],
  ['PR2', 'Other local authority provision'],
  ['PR3', 'Other public provision'],
  ['PR4', 'Private provision'],
  ['PR5', 'Voluntary or third sector provision'],
])

export const REASON_CEASED = codeList('reason episode ceased (REC)', [
  ['X1', 'Episode ceased and a new one began on the same day'],
  ['E11', 'Adopted: application unopposed'],
  ['E12', 'Adopted: consent dispensed with by the court'],
  ['E2', 'Died'],
  ['E3', 'Care taken over by another local authority in the UK'],
  ['E4A', 'Returned home as part of the care planning process'],
  ['E4B', 'Returned home not as part of the care planning process'],
  ['E13', 'Left care to live with parent(s) or relative(s) without parental responsibility'],
  ['E41', 'Residence or child arrangements order granted'],
  ['E43', 'Special guardianship order made to former foster carer(s)'],
  ['E44', 'Special guardianship order made to other carer(s)'],
  ['E45', 'Special guardianship order made to former foster carer(s) who are relatives or friends'],
  ['E46', 'Special guardianship order made to former foster carer(s) other than relatives or friends'],
  ['E47', 'Special guardianship order made to carer(s), not former foster carers, who are relatives or friends'],
  ['E48', 'Special guardianship order made to carer(s), not former foster carers, other than relatives or friends'],
  ['E5', 'Moved into independent living with formal advice and support'],
  ['E6', 'Moved into independent living without formal advice and support'],
  ['E7', 'Transferred to residential care funded by adult social care'],
  ['E8', 'Period of being looked after ceased for any other reason'],
  ['E9', 'Sentenced to custody'],
  ['E14', 'Accommodation on remand ended'],
  ['E15', 'Age assessment found the child was 18 or over'],
  ['E16', 'Child moved abroad'],
  ['E17', 'Aged 18 or over and remained with current carers (staying put)'],
])

export const REASON_PLACE_CHANGE = codeList('reason for placement change (REASON_PLACE_CHANGE)', [
  ['CARPL', 'Change to or implementation of the care plan'],
  ['CLOSE', 'Resignation or closure of the provision'],
  ['ALLEG', 'Allegation (section 47)'],
  ['STAND', 'Standards of care concern'],
  ['APPRR', 'Approval removed'],
  ['CREQB', "Carer requested the placement end because of the child's behaviour"],
  ['CREQO', 'Carer requested the placement end for another reason'],
  ['CHILD', 'Child requested the placement end'],
  ['LAREQ', 'Responsible or area authority requested the placement end'],
  ['PLACE', 'Change in the status of the placement only'],
  ['CUSTOD', 'Custody arrangement'],
  ['OTHER', 'Other'],
])

export const REVIEW_CODE = codeList('participation in review (REVIEW_CODE)', [
  ['PN0', 'Child aged under 4 at the time of the review'],
  ['PN1', 'Child attended and spoke for themself'],
  ['PN2', 'Child attended and an advocate spoke for them'],
  ['PN3', 'Child attended and conveyed their view without words'],
  ['PN4', 'Child attended but did not convey their view'],
  ['PN5', 'Child did not attend and briefed an advocate'],
  ['PN6', 'Child did not attend and conveyed their view by a facilitative medium'],
  ['PN7', 'Child did not attend and their view was not conveyed'],
])

export const MISSING_OR_AWAY = codeList('missing or away (MISSING)', [
  ['M', 'Missing from placement'],
  ['A', 'Away from placement without authorisation'],
])

export const MOTHER = codeList('mother (MOTHER)', [
  ['0', 'No'],
  ['1', 'Yes'],
])

/** Placement codes valid in a collection year (K3 from 2024-25). */
export function placementCodes(year: number): string[] {
  return PLACEMENT.order.filter((c) => c !== 'K3' || year >= 2025)
}

/** The collection years read: the same layout since 2016-17, with K3 from 2024-25. */
export const SSDA903_YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const
