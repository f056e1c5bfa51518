// Nunjucks filters: dates in Europe/London as people read them, and the domain's codes in words.
import type { Environment } from 'nunjucks'
import { DateTime } from 'luxon'
import { ZONE } from '../config/clock.ts'
import { spokenDate, spokenTime } from './date-time.ts'

export const KIND_LABELS: Record<string, string> = {
  concern: 'Safeguarding concern',
  contact_referral: 'Contact or referral',
  assessment: 'Child and family assessment',
  strategy_discussion: 'Strategy discussion',
  section47_enquiry: 'Section 47 enquiry',
  cp_conference: 'Child protection conference',
  cp_plan_start: 'Child protection plan started',
  cp_plan_end: 'Child protection plan ended',
  looked_after_start: 'Became looked after',
  looked_after_end: 'Stopped being looked after',
  placement_move: 'Placement move',
  missing_episode: 'Missing episode',
  return_interview: 'Return home interview',
  crime_report: 'Crime report (victim)',
  arrest: 'Arrest',
  charge: 'Charge',
  charging_decision: 'Charging decision',
  police_nfa: 'Police: no further action',
  intelligence: 'Intelligence',
  disclosure: 'Disclosure',
  disclosure_withdrawn: 'Disclosure withdrawn',
  health_attendance: 'Unscheduled care attendance',
  sexual_health: 'Sexual health',
  pregnancy: 'Pregnancy',
  termination: 'Termination of pregnancy',
  self_harm: 'Self-harm',
  substance_misuse: 'Substance misuse',
  school_absence: 'Unexplained school absence',
  school_exclusion: 'School exclusion',
  education_change: 'Change of education',
  youth_justice: 'Youth justice',
  note: 'Note',
  // recorded in Threadline (risk/mash-chronology.ts)
  mash_decision: 'MASH decision',
  mash_allocation: 'Allocation by the MASH',
}

export function label(code: string | null | undefined): string {
  if (!code) return ''
  return KIND_LABELS[code] ?? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
}

const toDateTime = (value: unknown) =>
  value instanceof Date ? DateTime.fromJSDate(value) : typeof value === 'string' ? DateTime.fromISO(value) : null

export function registerFilters(env: Environment): void {
  env.addFilter('dateTime', (value: unknown) => {
    const d = toDateTime(value)
    return d?.isValid ? spokenTime(d.toJSDate()) : ''
  })
  env.addFilter('date', (value: unknown) =>
    value instanceof Date || typeof value === 'string' ? spokenDate(value) : '',
  )
  env.addFilter('isoDate', (value: unknown) => {
    const d = toDateTime(value)
    return d?.isValid ? d.setZone(ZONE).toISODate() : ''
  })
  env.addFilter('label', label)
  env.addFilter('nhs', (value: string | null) =>
    value && value.length === 10 ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : (value ?? ''),
  )
}
