// Person records and background events shared by the two partnership areas.
import { DAY, H, MIN, fmt, isoDate } from './lib.mjs'

const spaced = (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`

export function person(r, agency, c) {
  const p = {}
  const formal = c.given
  if (agency === 'police') {
    p.given_name = c.nick && r.chance(0.25) ? c.nick : formal
    p.family_name = r.chance(0.15) ? c.family.toUpperCase() : c.family
    if (!r.chance(0.05)) p.date_of_birth = c.dob
    p.sex = c.sex
    p.address = r.chance(0.5) ? { ...c.addr } : { line1: c.addr.line1, postcode: c.addr.postcode.toLowerCase().replace(' ', '') }
    if (c.phone && r.chance(0.5)) p.phone = c.phone
    if (c.nick && !p.given_name.startsWith(c.nick) && r.chance(0.4)) p.other_names = [c.nick]
  } else if (agency === 'csc') {
    p.given_name = formal
    p.family_name = c.family
    p.date_of_birth = c.dob
    p.sex = c.sex
    p.ethnicity = c.ethnicity
    if (r.chance(0.6)) p.nhs_number = c.nhs
    if (r.chance(0.3)) p.upn = c.upn
    p.address = { ...c.addr }
  } else if (agency === 'health') {
    p.given_name = formal
    p.family_name = c.family
    p.date_of_birth = c.dob
    p.sex = c.sex
    if (r.chance(0.95)) p.nhs_number = r.chance(0.4) ? spaced(c.nhs) : c.nhs
    p.address = { ...c.addr }
  } else if (agency === 'school') {
    p.given_name = formal
    p.family_name = c.family
    p.date_of_birth = c.dob
    p.sex = c.sex
    p.upn = c.upn
    p.ethnicity = c.ethnicity
    p.address = { ...c.addr }
  } else {
    // charities: known-as names, partial dates of birth, phones, postcode only
    p.given_name = c.nick && r.chance(0.55) ? c.nick : formal
    p.family_name = c.family
    const x = r.next()
    if (x < 0.5) p.date_of_birth = c.dob
    else if (x < 0.7) p.date_of_birth = c.dob.slice(0, 7)
    else if (x < 0.8) p.date_of_birth = c.dob.slice(0, 4)
    if (c.phone && r.chance(0.7)) p.phone = c.phone
    if (r.chance(0.5)) p.address = { postcode: c.addr.postcode }
    if (r.chance(0.6)) p.sex = c.sex
  }
  p.is_child = true
  return p
}

// A few ordinary records around each child so that the area is not only missing episodes.
export function filler({ r, c, ev, P0, P1, cap }) {
  let k = 0
  const when = () => {
    for (;;) {
      const t = P0 + Math.floor(r.next() * (P1 - P0 - 20 * DAY))
      const p = new Date(t)
      if (p.getUTCDay() !== 0 && p.getUTCDay() !== 6) return t - (t % H) + 9 * H
    }
  }
  const id = (a) => `${a.toUpperCase().slice(0, 2)}X-${c.id.replace(/[^0-9]/g, '')}-${++k}`
  if (r.chance(0.9)) {
    for (let i = r.int(0, 3); i > 0; i--) {
      const t = when()
      ev('school', c, { source_id: id('school'), kind: 'school_absence', occurred_at: fmt(t, 'local'), summary: 'Unexplained absence', details: `${r.int(2, 9)} sessions missed` }, t + r.int(2, 30) * H)
    }
  }
  if (r.chance(0.8)) {
    for (let i = r.int(0, 2); i > 0; i--) {
      const t = when() + r.int(0, 12) * H
      ev('health', c, { source_id: id('health'), kind: 'health_attendance', occurred_at: fmt(t, 'local'), summary: r.pick(['Minor injury unit attendance', 'ED attendance, fall', 'Out-of-hours GP, asthma', 'ED attendance, intoxicated']) }, t + r.int(2, 48) * H)
    }
  }
  if (c.eps.length && r.chance(0.6)) {
    const t = when()
    ev('csc', c, { source_id: id('csc'), kind: 'contact_referral', occurred_at: fmt(t, 'local'), summary: 'Referral from police after repeated missing episodes' }, t + r.int(1, 20) * H)
  }
  if (c.eps.length > 2 && r.chance(0.5)) {
    const t = when()
    ev('police', c, { source_id: id('police'), kind: 'concern', occurred_at: fmt(t, 'local'), summary: 'Seen late at night with older youths near the bus station', indicators: ['staying_out_late', 'older_associates'] }, t + r.int(1, 20) * H)
  }
}
