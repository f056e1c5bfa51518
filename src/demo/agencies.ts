// The agencies of the synthetic area: the partners of one local safeguarding partnership.
import type { AgencyKind } from '../vocabulary/agency-kinds.ts'

export interface DemoAgency {
  code: string
  name: string
  kind: AgencyKind
  contact: string
}

export interface School extends DemoAgency {
  /** DfE establishment number used in the school's UPNs. */
  establishment: string
  /** Where the school is, as a place children are seen at. */
  postcode: string
}

export const POLICE: DemoAgency = {
  code: 'police',
  name: 'Calderbrook Division, Greater Pennine Police',
  kind: 'police',
  contact: 'Public Protection Unit, 0161 496 0900',
}
export const CSC: DemoAgency = {
  code: 'csc',
  name: "Calderbrook Children's Social Care",
  kind: 'childrens_social_care',
  contact: 'Multi-Agency Safeguarding Hub, 0161 496 0901',
}
export const HEALTH: DemoAgency = {
  code: 'health',
  name: 'Calderbrook Health NHS Trust',
  kind: 'health',
  contact: 'Named Nurse for Safeguarding, 0161 496 0902',
}
export const CPS: DemoAgency = {
  code: 'cps',
  name: 'Crown Prosecution Service, North West',
  kind: 'prosecutor',
  contact: 'Rape and Serious Sexual Offences Unit, 0161 496 0903',
}
export const YJS: DemoAgency = {
  code: 'yjs',
  name: 'Calderbrook Youth Justice Service',
  kind: 'youth_justice',
  contact: 'Duty Officer, 0161 496 0904',
}
export const CHARITY: DemoAgency = {
  code: 'charity',
  name: 'Safe Steps Young People’s Project',
  kind: 'voluntary',
  contact: 'Project Manager, 0161 496 0905',
}

export const SCHOOLS: School[] = [
  {
    code: 'oakfield',
    name: 'Oakfield High School',
    kind: 'education',
    contact: 'Designated Safeguarding Lead, 0161 496 0906',
    establishment: '4001',
    postcode: 'OL11 3PX',
  },
  {
    code: 'stmarys',
    name: "St Mary's RC High School",
    kind: 'education',
    contact: 'Designated Safeguarding Lead, 0161 496 0907',
    establishment: '4602',
    postcode: 'OL12 6HT',
  },
  {
    code: 'canalside',
    name: 'Canalside Academy',
    kind: 'education',
    contact: 'Designated Safeguarding Lead, 0161 496 0908',
    establishment: '4103',
    postcode: 'OL16 2WB',
  },
]

export const DEMO_AGENCIES: DemoAgency[] = [POLICE, CSC, HEALTH, ...SCHOOLS, CPS, YJS, CHARITY]
