#!/usr/bin/env node
// Risk area r2 for score-risk.mjs (bench/blind/2026-12-06/language-risk/score-risk.mjs): ~700 children
// over ten years (2015-04-01 .. 2025-03-31) in a fictional West Midlands district, about 7% later
// sexually exploited, the rest with many hard negatives. Writes risk/r2/{IMPORT.sh, truth.csv,
// profiles.csv, stats.json, years/FY/AGENCY.ndjson}. Usage: node gen-risk-r2.mjs [OUTDIR]
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as L from './lib.mjs'
import * as N from './names.mjs'
import { GROUPS } from './groups-c2.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const OUT = path.resolve(process.argv[2] ?? path.join(HERE, 'risk', 'r2'))
const R = L.rng(70061206)
const NCHILD = 700
const START = L.dateFrom('2015-04-01')
const END = L.dateFrom('2025-03-25')

const AGENCIES = {
  police: ['West Mercia and Severn Police', 'police'], csc: ['Severnvale Children\'s Services', 'childrens_social_care'],
  health: ['Severnvale Hospitals (ED and paediatrics)', 'health'], sexhealth: ['Severnvale Integrated Sexual Health', 'health'],
  school: ['Severnvale schools and the inclusion service', 'education'], yjs: ['Severnvale Youth Justice Service', 'youth_justice'],
  charity: ['Compass Young People (missing and return service)', 'voluntary'], cps: ['CPS West Midlands', 'prosecutor'],
}
const HOME_TOWNS = [
  { town: 'Kidderford', out: ['DY10', 'DY11'], streets: ['Comberton Road', 'Marlpool Lane', 'Chester Road North', 'Birchen Coppice', 'Habberley Road', 'Stourport Road', 'Sutton Park Road'] },
  { town: 'Stourley', out: ['DY13'], streets: ['Lickhill Road', 'Walshes Meadow', 'Minster Road', 'Burlish Crescent'] },
  { town: 'Bewford', out: ['DY12'], streets: ['Load Street', 'Wyre Hill', 'Cleobury Road'] },
]
const OTHER_TOWNS = ['Wolverbury', 'Dudhampton', 'West Bromley', 'Walsford', 'Brierley Heath', 'Smethwell', 'Telbridge', 'Worcesterfield']
const HOTSPOTS = [
  { name: 'Kebab House, Worcester Street', postcode: 'DY10 1EL' }, { name: 'Star Taxis office, Mill Street', postcode: 'DY11 6XA' },
  { name: 'Premier Stay Hotel, Wolverbury ring road', postcode: 'WV2 1AX' }, { name: 'Flat above the barbers, Dudhampton High Street', postcode: 'DY1 1PQ' },
  { name: 'Car park behind Weavers Wharf', postcode: 'DY10 1AZ' }, { name: 'Shisha lounge, West Bromley', postcode: 'B70 7HJ' },
  { name: 'Brinton Park', postcode: 'DY11 6BN' }, { name: 'Riverside flats, Walsford', postcode: 'WS1 2DR' },
]
const INNOCENT_PLACES = ['McDonald\'s, Crossley Retail Park', 'Brinton Park skate park', 'Kidderford bus station', 'the cinema at Crossley', 'Bewford riverside', 'Stourley leisure centre', 'a friend\'s house on Habberley Road', 'Kidderford railway station']

// ---------------------------------------------------------------- people
const children = []
const adults = []
let nAdult = 0
function makeAddr() {
  const t = R.pick(HOME_TOWNS)
  return { line1: `${R.int(1, 160)} ${R.pick(t.streets)}`, town: t.town, postcode: L.postcode(R, R.pick(t.out)) }
}
function makeAdult(sex, role, extra = {}) {
  const age = R.int(19, 46)
  const g = sex === 'male' ? R.pick(['Mohammed', 'Shaz', 'Kamran', 'Daz', 'Lee', 'Tariq', 'Ryan', 'Kyle', 'Adnan', 'Jason', 'Mark', 'Imran', 'Wayne', 'Florin', 'Bogdan', 'Dean', 'Connor', 'Aaron', 'Jamal', 'Stephen']) : R.pick(['Kelly', 'Michelle', 'Sam', 'Lisa', 'Tanya', 'Kerry'])
  const f = R.pick(['Hussain', 'Walsh', 'Pritchard', 'Ahmed', 'Bibby', 'Mahmood', 'Cartwright', 'Dobbs', 'Ali', 'Parry', 'Nowicki', 'Popa', 'Grainger', 'Shah', 'Hodgkiss', 'Lowe', 'Evans', 'Bashir', 'Tolley', 'Rashid'])
  const a = { key: `A${++nAdult}`, given: g, family: f, sex, role, ageAt2020: age, dob: L.ymd(L.randDate(R, `${2020 - age}-01-01`, `${2020 - age}-12-28`)), phone: L.phone(R), vehicle: R.chance(0.6) ? `${R.pick(['BX', 'YK', 'FN', 'DY', 'WR', 'VK', 'OU'])}${R.int(10, 24)} ${R.pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''))}${R.pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''))}${R.pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''))}` : null, ...extra }
  adults.push(a)
  return a
}
// a pool of adults of concern, some shared between several exploited children (a network)
const CONCERN = Array.from({ length: 18 }, () => makeAdult(R.chance(0.92) ? 'male' : 'female', 'concern'))

const EXPLOITED_SHARE = 0.07
const NEG_PROFILES = [
  ['ordinary', 30], ['missing_to_parent', 6], ['lac_residential', 7], ['placement_breakdown', 4], ['same_age_partner', 5],
  ['autism_wandering', 3], ['missing_with_friends', 7], ['sexual_health_16_17', 6], ['exclusions', 5], ['drug_alcohol', 5],
  ['self_harm', 5], ['neglect_domestic_abuse', 9], ['youth_offending', 4], ['picked_up_by_relative', 2], ['older_sibling_network', 2],
]
const EXP_INTENSITY = [['strong', 30], ['medium', 25], ['subtle', 25], ['late', 12], ['none', 8]]
function wpick(list) {
  let x = R.next() * list.reduce((a, b) => a + b[1], 0)
  for (const [k, w] of list) if ((x -= w) <= 0) return k
  return list[0][0]
}

for (let i = 0; i < NCHILD; i++) {
  const exploited = R.chance(EXPLOITED_SHARE)
  const sex = exploited ? (R.chance(0.8) ? 'female' : 'male') : R.chance(0.5) ? 'female' : 'male'
  let given, family, nicks = [], ethnicity = 'White British'
  const g = R.next()
  if (g < 0.72) {
    const tab = sex === 'female' ? N.EN_GIRLS : N.EN_BOYS
    given = R.zipf(Object.keys(tab), 0.7)
    nicks = tab[given] ?? []
    family = R.zipf([...N.C1_SURNAMES.slice(20), 'Bradley', 'Jukes', 'Hodgetts', 'Lench', 'Pardoe', 'Tolley', 'Bissell', 'Nock', 'Cox', 'Price'], 0.5)
  } else {
    const grp = R.pick(['pakistani', 'polish', 'romanian', 'caribbean', 'bangladeshi'])
    const F = GROUPS[grp].family(R)
    const c = GROUPS[grp].child(R, sex, F)
    given = c.callsMiddle ? c.middle : c.given
    family = c.family
    nicks = c.nicks ?? []
    ethnicity = GROUPS[grp].ethnicity
  }
  const dob = L.randDate(R, '1999-06-01', '2011-12-31')
  const profile = exploited ? wpick(EXP_INTENSITY) : wpick(NEG_PROFILES)
  children.push({ key: `K${String(i + 1).padStart(4, '0')}`, given, family, nicks, sex, dob, ethnicity, exploited, profile, addr: makeAddr(), moved: R.chance(0.3) ? makeAddr() : null, nhs: L.nhsNumber(R), upn: L.upn(R, 885), phone: L.phone(R), events: [], recs: {}, disability: profile === 'autism_wandering' ? 'Autism spectrum condition' : undefined })
}

// ---------------------------------------------------------------- events
const ageAt = (c, d) => L.ageOn(c.dob, d)
const at = (c, age, jitter = 180) => L.addDays(c.dob, Math.round(age * 365.25) + R.int(-jitter, jitter))
const inWindow = (d) => d >= START && d <= END
const hour = (d, lo, hi) => L.addHours(d, R.int(lo, hi))
const day = (d) => {
  const x = new Date(d)
  x.setUTCHours(0, 0, 0, 0)
  return x
}
const fmtAge = (c, d) => ageAt(c, d)
function ev(c, agency, kind, when, summary, details, extra = {}) {
  if (!inWindow(when)) return null
  const e = { agency, kind, when, summary, details, ...extra }
  c.events.push(e)
  return e
}
const ind = (p, list) => (R.chance(p) ? { indicators: list } : {})
const pickN = (arr, n) => R.shuffle(arr).slice(0, n)

// --- text pools (agency wording, deliberately uneven)
const T = {
  ordinaryHealth: [['Attended ED: injury to ankle playing football', 'X-ray NAD, soft tissue injury, advice given'], ['ED attendance: asthma', 'Mild exacerbation, salbutamol, discharged with GP follow up'], ['Attended minor injuries: dog bite to hand', 'Cleaned and dressed, tetanus up to date'], ['Paediatric ED: head injury, fell off scooter', 'GCS 15 throughout, discharged with head injury advice'], ['Seen in ED with abdominal pain', 'Likely constipation, discharged'], ['ED: allergic reaction to peanuts at a party', 'Antihistamine, observed 4 hours, discharged, EpiPen prescribed']],
  ordinarySchool: [['Attendance below 90% this term', 'Mostly illness (tonsillitis), mum has phoned in each time'], ['Pastoral: falling out with friendship group', 'Supported by head of year, resolved'], ['Unauthorised absence: term-time holiday', '8 sessions, penalty notice considered'], ['Year 9 options meeting', 'Parent attended, no concerns']],
}

function background(c) {
  const n = R.int(1, 3)
  for (let i = 0; i < n; i++) {
    const d = at(c, R.int(8, 17), 180)
    const [s, det] = R.pick(T.ordinaryHealth)
    ev(c, 'health', 'health_attendance', hour(d, 9, 22), s, det)
  }
  if (R.chance(0.5)) {
    const [s, det] = R.pick(T.ordinarySchool)
    ev(c, 'school', R.chance(0.5) ? 'school_absence' : 'note', hour(at(c, R.int(11, 15)), 9, 15), s, det)
  }
}

function missing(c, when, o) {
  // o: {from, hours, foundAt, foundWith:[persons], lastSeen, reportedBy, grading, summary, details, indicators, vehicles, agency}
  const e = ev(c, o.agency ?? 'police', 'missing_episode', when, o.summary, o.details, {
    ended: L.addHours(when, o.hours), missing_from: o.from, risk_grading: o.grading, last_seen: o.lastSeen, reported_by: o.reportedBy,
    involves: [...(o.foundAt ? [{ location: o.foundAt, role: 'found_at' }] : []), ...(o.foundWith ?? []).map((a) => ({ adult: a, role: 'found_with' })), ...(o.vehicles ?? []).map((v) => ({ vehicle: v }))],
    ...(o.indicators ? { indicators: o.indicators } : {}),
  })
  if (!e) return null
  // return interview by the charity (most), some declined, some never
  const r = R.next()
  if (r < 0.65) {
    const delay = R.chance(0.75) ? R.int(12, 70) : R.int(73, 240)
    ev(c, 'charity', 'return_interview', L.addHours(e.ended, delay), 'Return home interview', o.riDetails ?? 'Independent return interview completed', { status: 'done', child_account: o.account, episodeOf: e })
  } else if (r < 0.8) ev(c, 'charity', 'return_interview', L.addHours(e.ended, R.int(20, 90)), 'Return home interview offered', 'Young person did not want to talk to us', { status: 'declined', reason: R.pick(['Young person declined, said "nothing to say"', 'Declined; said she was fine and had already spoken to her carer', 'Refused to come to the door']), episodeOf: e })
  return e
}

const NEG = {
  ordinary(c) {},
  missing_to_parent(c) {
    const dad = makeAdult('male', 'parent', { given: R.pick(['Paul', 'Craig', 'Darren', 'Marek', 'Steve']), family: c.family, ageAt2020: R.int(33, 50) })
    dad.dob = L.ymd(L.randDate(R, `${2020 - dad.ageAt2020}-01-01`, `${2020 - dad.ageAt2020}-12-28`))
    const sep = at(c, R.int(10, 14), 200)
    ev(c, 'police', 'concern', hour(sep, 18, 23), 'Domestic: verbal argument between separated parents at handover', `Child present. Parents separated recently, dispute over contact arrangements. No offences, DASH standard.`, ind(0.5, ['family_breakdown']))
    ev(c, 'school', 'note', hour(L.addDays(sep, 20), 9, 15), 'Pastoral note: unsettled since parents split', `${c.given} tearful in form time, says she wants to live with dad. Mum aware. School counsellor offered.`.replace('she', c.sex === 'male' ? 'he' : 'she'))
    const n = R.int(2, 6)
    let d = L.addDays(sep, R.int(30, 120))
    for (let i = 0; i < n; i++) {
      const town = R.pick(OTHER_TOWNS)
      missing(c, hour(d, 15, 21), {
        from: 'home', hours: R.int(3, 20), grading: R.pick(['low', 'low', 'medium']), reportedBy: 'Mother',
        summary: R.pick(['Missing from home, located at father\'s address', 'MFH - found safe and well at dad\'s', 'Reported missing by mum after not coming home from school']),
        details: R.pick([`Took the train to ${town} to see father without telling mother. Father phoned police once she arrived. Ongoing family court proceedings.`, `Left home after row with mum about contact. Located at father's flat in ${town}, father unaware mum had reported. Words of advice re letting mum know.`, `Went to dad's after school instead of home. Dad did not let mum know until 22:00. No concerns about dad's address; parents to sort out contact through solicitors.`]).replace(/she/g, c.sex === 'male' ? 'he' : 'she'),
        foundWith: [dad], foundAt: { name: `Father's address, ${town}` }, account: R.pick(['I just wanted to see my dad, mum won\'t let me', 'I hate living with mum\'s boyfriend, dad\'s is better', 'I told my sister where I was going']),
        indicators: R.chance(0.4) ? ['missing', 'family_breakdown'] : undefined,
      })
      d = L.addDays(d, R.int(15, 150))
    }
    if (R.chance(0.5)) ev(c, 'csc', 'contact_referral', hour(L.addDays(sep, R.int(60, 200)), 9, 16), 'Contact: repeated missing to father\'s address', 'Information and advice; parents signposted to mediation. No further action by CSC.', ind(0.3, ['family_breakdown']))
  },
  lac_residential(c) {
    const start = at(c, R.int(11, 14), 200)
    const la = ev(c, 'csc', 'looked_after_start', hour(start, 10, 17), 'Accommodated under section 20', R.pick(['Mother unable to manage behaviour; family breakdown.', 'Parental mental ill-health; no family members able to care.', 'Foster placement ended at carers\' request; moved to residential home.']), ind(0.6, ['looked_after', 'family_breakdown']))
    if (!la) return
    ev(c, 'csc', 'placement_move', hour(L.addDays(start, R.int(30, 200)), 10, 17), 'Placement move to residential children\'s home', `Moved to ${R.pick(['Oak Lodge', 'The Willows', 'Birchfield House', 'Severn View'])} residential home (4 beds).`)
    const n = R.int(5, 18)
    let d = L.addDays(start, R.int(40, 120))
    for (let i = 0; i < n && d < END; i++) {
      const kind = R.next()
      const place = R.pick(INNOCENT_PLACES)
      missing(c, hour(d, 19, 23), {
        from: 'care_placement', hours: kind < 0.6 ? R.int(1, 5) : R.int(6, 20), grading: R.pick(['no_apparent_risk', 'low', 'low', 'medium']), reportedBy: 'Residential staff',
        summary: R.pick(['Missing from care home, not back by curfew', 'MFC - failed to return by 22:00 curfew', 'Absent from placement, returned of own accord', 'Reported missing by staff per missing protocol']),
        details: R.pick([`Staff reported per protocol when not back by 22:00. Returned at ${R.int(23, 24) % 24 || '00'}:${R.pick(['15', '30', '45'])} with another young person from the home. Had been at ${place}.`, `Went to see mum on the estate, mum rang the home. Staff collected. Mum and ${c.given} get on better now.`, `Out with two residents from the home, came back after curfew. Smelled of cannabis. No concerns about who they were with.`, `Staff believe ${c.given} was at ${place} with school friends; came back by taxi the home paid for.`, `Known to be at girlfriend's/boyfriend's house (same age, year 10). Staff spoke to parent there.`]),
        foundAt: R.chance(0.5) ? { name: place } : undefined, account: R.pick(['I was with my mates, it\'s boring at the home', 'I went to my mum\'s', 'We lost track of time at the park', 'I don\'t like the new staff']),
        indicators: R.chance(0.5) ? ['missing', 'looked_after'] : R.chance(0.3) ? ['staying_out_late'] : undefined,
      })
      d = L.addDays(d, R.int(6, 60))
    }
    if (R.chance(0.4)) ev(c, 'health', 'substance_misuse', hour(at(c, 15, 200), 10, 20), 'Cannabis use reported by placement', 'Referred to young people\'s substance service (Switch). Says smokes at weekends with friends from school.', ind(0.3, ['drug_misuse']))
    if (R.chance(0.3)) ev(c, 'health', 'self_harm', hour(at(c, 14, 200), 19, 23), 'Superficial cuts to forearm', 'Seen in ED, dressed, CAMHS liaison. Upset about contact with mum being cancelled.', ind(0.3, ['self_harm']))
    ev(c, 'csc', 'strategy_discussion', hour(L.addDays(start, R.int(200, 500)), 10, 16), 'Strategy meeting: frequent missing from care', 'No evidence of exploitation identified by police or the home; missing linked to curfew and wanting to see family. Risk assessed as low. Plan: flexible curfew, family time increased.')
  },
  placement_breakdown(c) {
    const start = at(c, R.int(9, 13), 200)
    ev(c, 'csc', 'looked_after_start', hour(start, 10, 17), 'Looked after: interim care order', 'Neglect; placed with foster carers out of area.', ind(0.5, ['looked_after']))
    let d = L.addDays(start, R.int(60, 300))
    for (let k = 0; k < R.int(2, 4); k++) {
      ev(c, 'csc', 'placement_move', hour(d, 10, 17), 'Placement ended at carers\' request', R.pick(['Carers gave notice citing aggressive behaviour.', 'Carers retiring; planned move.', 'Placement disruption after incident with carers\' own child.']))
      const m = L.addDays(d, R.int(3, 40))
      missing(c, hour(m, 16, 22), {
        from: 'care_placement', hours: R.int(4, 30), grading: R.pick(['low', 'medium']), reportedBy: 'Foster carer',
        summary: 'Missing from new foster placement', details: `Left new placement and made own way back to ${R.pick(HOME_TOWNS).town} to friends from old school. Found at friend's house, friend's mum had fed them.`,
        foundAt: { name: `Friend's house, ${R.pick(HOME_TOWNS).town}` }, account: 'I want to go back to my old school, I don\'t know anyone here', indicators: R.chance(0.4) ? ['missing'] : undefined,
      })
      d = L.addDays(d, R.int(150, 400))
    }
    if (R.chance(0.5)) ev(c, 'school', 'school_absence', hour(L.addDays(start, 200), 9, 14), 'Attendance 72% after placement move', 'Long journey to school by taxi; transport issues being sorted by virtual school.', ind(0.3, ['school_disengagement']))
  },
  same_age_partner(c) {
    const age = R.int(14, 16)
    const d0 = at(c, age, 150)
    const pg = c.sex === 'female' ? R.pick(['Josh', 'Kieran', 'Ethan', 'Bailey', 'Reece']) : R.pick(['Chloe', 'Ellie', 'Mia', 'Jade'])
    const n = R.int(2, 5)
    let d = d0
    for (let i = 0; i < n; i++) {
      missing(c, hour(d, 20, 23), {
        from: 'home', hours: R.int(8, 14), grading: 'low', reportedBy: R.pick(['Mother', 'Father', 'Step-father']),
        summary: R.pick(['Missing overnight, found at partner\'s home', 'Stayed out overnight without permission', 'MFH: located at boyfriend\'s address', 'MFH: located at girlfriend\'s address'].filter((s) => (c.sex === 'female' ? !s.includes('girlfriend') : !s.includes('boyfriend')))),
        details: R.pick([`${c.given} stayed at ${pg}'s house overnight. ${pg} is also ${age}, same year at school; ${pg}'s parents were home and did not realise ${c.given}'s mum didn't know.`, `Parents reported when ${c.given} didn't come home. Located at partner's house (${pg}, ${age}). Both in year ${age - 4}. Parents spoken to, no concerns about the household.`, `Went to ${pg}'s after a row about a curfew. ${pg} (same age) and family well known to school. Returned in the morning.`]),
        foundAt: { name: `${pg}'s family home, ${R.pick(HOME_TOWNS).town}` }, account: R.pick(['Mum won\'t let me see him so I just went', 'We fell asleep watching a film', 'I didn\'t think she\'d call the police']),
        indicators: R.chance(0.3) ? ['missing', 'staying_out_late'] : undefined,
      })
      d = L.addDays(d, R.int(20, 120))
    }
    if (age + 1 >= 16) ev(c, 'sexhealth', 'sexual_health', hour(at(c, 16, 60), 10, 17), 'Contraception consultation', `Attended with partner's knowledge for contraception. Partner same age (16), relationship 10 months. Fraser competent, no safeguarding concerns identified on screening tool.`)
  },
  autism_wandering(c) {
    const n = R.int(3, 8)
    let d = at(c, R.int(9, 12), 150)
    ev(c, 'health', 'note', hour(L.addDays(d, -200), 10, 15), 'Diagnosis: autism spectrum condition', 'Confirmed by community paediatrics. Known to wander when overwhelmed; loves trains.')
    for (let i = 0; i < n && d < END; i++) {
      const place = R.pick(['Kidderford railway station', 'the canal towpath near Caldwall lock', 'Severn Valley Railway station', 'the bus station', 'Tesco car park'])
      missing(c, hour(d, 8, 19), {
        from: R.pick(['home', 'school', 'home']), hours: R.int(1, 6), grading: 'high', reportedBy: R.pick(['Mother', 'School SENCo']),
        summary: R.pick(['Vulnerable missing child: autistic, wandered from home', 'Missing from school: left site during lunch', 'High risk missing (ASC), found safe']),
        details: `${c.given} has autism and no sense of danger near roads. Found at ${place} watching trains/buses, calm, did not understand why people were worried. Graded high due to vulnerability.`,
        foundAt: { name: place }, account: 'I wanted to see the 14:10 train', indicators: R.chance(0.3) ? ['missing'] : undefined,
      })
      d = L.addDays(d, R.int(30, 300))
    }
    ev(c, 'school', 'note', hour(at(c, 12), 9, 15), 'EHCP annual review', 'Wandering plan updated; key adult at transitions; gate fob changed.')
  },
  missing_with_friends(c) {
    let d = at(c, R.int(13, 15), 150)
    for (let i = 0; i < R.int(2, 5); i++) {
      const place = R.pick(INNOCENT_PLACES)
      missing(c, hour(d, 21, 23), {
        from: 'home', hours: R.int(2, 9), grading: R.pick(['no_apparent_risk', 'low']), reportedBy: R.pick(['Mother', 'Father', 'Grandmother']),
        summary: R.pick(['Late home, phone off', 'Missing from home - out with friends', 'Failed to return home by agreed time']),
        details: R.pick([`Out with school friends at ${place}, phone battery died. Walked home at 01:00.`, `At a sleepover at a friend's that mum had not agreed to. Friend's mum confirmed all the girls were there.`, `Went to a house party for a classmate's 15th. Came home with friends at 02:00, slightly drunk. Parents of the party host were present.`, `Playing Fortnite at a mate's house, lost track of time and didn't answer calls.`]),
        foundAt: R.chance(0.5) ? { name: place } : undefined, account: R.pick(['My phone died, I\'m sorry', 'I was at Ellie\'s, everyone was there', 'Mum overreacts']), indicators: R.chance(0.45) ? ['staying_out_late'] : undefined,
      })
      d = L.addDays(d, R.int(30, 200))
    }
  },
  sexual_health_16_17(c) {
    const d = at(c, 16.4, 100)
    ev(c, 'sexhealth', 'sexual_health', hour(d, 10, 17), R.pick(['Sexual health clinic: contraception', 'C-card registration and condoms', 'Chlamydia screen (routine)']), `${fmtAge(c, d)} years old. Partner ${R.pick(['16', '17', 'also 17', '18, at the same sixth form'])}, relationship of several months, no coercion on screening (Spotting the Signs completed, score 0).`)
    if (R.chance(0.5)) ev(c, 'sexhealth', 'sexual_health', hour(L.addDays(d, R.int(60, 300)), 10, 17), 'Chlamydia positive, treated', 'Partner notified and treated. Same partner (17). No safeguarding concerns.', ind(0.2, ['sti']))
    if (c.sex === 'female' && R.chance(0.25)) ev(c, 'health', 'pregnancy', hour(L.addDays(d, R.int(200, 400)), 10, 16), 'Pregnancy booked with midwife', `Aged 17, partner 18, living with her mum, planned pregnancy, good family support. Routine care.`)
  },
  exclusions(c) {
    let d = at(c, R.int(12, 14), 150)
    for (let i = 0; i < R.int(2, 4); i++) {
      ev(c, 'school', 'school_exclusion', hour(d, 10, 14), R.pick(['Fixed-term exclusion, 3 days', 'Suspension: 2 days', 'Fixed-term exclusion: 5 days']), R.pick(['Fight with another pupil on the field.', 'Persistent disruption and refusing to hand in phone.', 'Swearing at a member of staff.', 'Vaping in the toilets, third time.']), ind(0.3, ['school_disengagement']))
      d = L.addDays(d, R.int(40, 160))
    }
    if (R.chance(0.5)) ev(c, 'school', 'education_change', hour(d, 10, 14), 'Managed move to alternative provision', 'Moved to the Pupil Referral Unit, part-time timetable initially. Assessed for ADHD.')
    if (R.chance(0.4)) ev(c, 'school', 'school_absence', hour(L.addDays(d, 60), 9, 14), 'Attendance 64% at AP', 'Poor sleep, gaming late; mum struggling to get him/her up. Attendance officer involved.', ind(0.3, ['school_disengagement']))
  },
  drug_alcohol(c) {
    const d = at(c, R.int(14, 16), 150)
    ev(c, 'health', 'health_attendance', hour(d, 22, 23), 'ED: alcohol intoxication', R.pick([`Brought in by ambulance from a house party, drank vodka with friends the same age. Parents attended. Discharged next morning.`, `Intoxicated after a school-leavers party at the park. Friends called ambulance. Parents collected.`]), ind(0.4, ['alcohol_misuse']))
    ev(c, 'health', 'substance_misuse', hour(L.addDays(d, R.int(20, 200)), 10, 16), 'Referral to young people\'s drug and alcohol service', R.pick(['Smokes cannabis most evenings with friends, buys through a friend from school. Motivated to cut down.', 'Using cannabis and occasionally ketamine at weekends with peers. Harm reduction work.']), ind(0.4, ['drug_misuse']))
    if (R.chance(0.4)) ev(c, 'police', 'intelligence', hour(L.addDays(d, R.int(30, 200)), 18, 22), 'Stop and search: small amount of cannabis', 'Searched with two friends in Brinton Park, small amount of cannabis, community resolution.')
  },
  self_harm(c) {
    let d = at(c, R.int(12, 16), 150)
    for (let i = 0; i < R.int(1, 4); i++) {
      ev(c, 'health', 'self_harm', hour(d, 17, 23), R.pick(['Self-harm: superficial cuts', 'Overdose of paracetamol (12 tablets)', 'Self-harm disclosed to school nurse']), R.pick(['Low mood, exam stress, bullied online by classmates. CAMHS referral.', 'Told nurse she has been cutting since last year; linked to anxiety and grief after grandad died.', 'Medically fit; CAMHS assessment next day. Lives with supportive parents.']), ind(0.5, ['self_harm', 'low_self_esteem']))
      d = L.addDays(d, R.int(40, 250))
    }
    ev(c, 'school', 'note', hour(d, 9, 15), 'Pastoral support plan', 'Isolated in class, eats lunch in the library. Referral to school counsellor.', ind(0.3, ['isolated']))
  },
  neglect_domestic_abuse(c) {
    let d = at(c, R.int(8, 12), 200)
    for (let i = 0; i < R.int(1, 4); i++) {
      ev(c, 'police', 'concern', hour(d, 19, 23), 'Domestic abuse incident, child present', R.pick(['Mother assaulted by partner, children upstairs. DASH high. Partner arrested.', 'Argument between parents, both intoxicated. Child called 999.', 'Ex-partner attended the address in breach of bail; children present.']), ind(0.5, ['domestic_abuse_at_home']))
      d = L.addDays(d, R.int(60, 300))
    }
    ev(c, 'csc', 'contact_referral', hour(d, 9, 16), 'Referral: neglect and domestic abuse', 'Home conditions poor, mum misusing alcohol, child often late and hungry at school.', ind(0.5, ['substance_misuse_at_home', 'domestic_abuse_at_home']))
    ev(c, 'csc', 'assessment', hour(L.addDays(d, 35), 9, 16), 'Child and family assessment', 'Outcome: child in need plan.', { outcome: 'child in need plan' })
    if (R.chance(0.4)) {
      ev(c, 'csc', 'section47_enquiry', hour(L.addDays(d, 100), 10, 16), 'Section 47 enquiry: neglect', 'Threshold met for ICPC.')
      ev(c, 'csc', 'cp_plan_start', hour(L.addDays(d, 120), 10, 16), 'Child protection plan: neglect', 'Category neglect.')
    }
    ev(c, 'school', 'school_absence', hour(L.addDays(d, 60), 9, 14), 'Persistent absence', 'Attendance 78%. Often late, says mum was asleep.', ind(0.3, ['school_disengagement']))
  },
  youth_offending(c) {
    let d = at(c, R.int(13, 15), 150)
    ev(c, 'police', 'arrest', hour(d, 16, 22), R.pick(['Arrested: shoplifting from Sports Direct with two friends', 'Arrested: criminal damage to bus shelter', 'Arrested: assault on another youth at the bus station']), 'Interviewed with appropriate adult (mum).')
    ev(c, 'yjs', 'youth_justice', hour(L.addDays(d, 40), 10, 16), 'Youth caution / triage', 'Assessment: peer influence, boredom, poor attendance. 12 sessions.')
    for (let i = 0; i < R.int(1, 3); i++) {
      missing(c, hour(L.addDays(d, R.int(20, 400)), 21, 23), {
        from: 'home', hours: R.int(3, 10), grading: 'low', reportedBy: 'Mother', summary: 'Missing: out late with peers', details: 'Out with same group of lads from the estate, came home at 03:00. Believed to have been in the park drinking.', account: 'We were just out, nothing happened', indicators: R.chance(0.5) ? ['staying_out_late'] : undefined,
      })
    }
    if (R.chance(0.6)) ev(c, 'school', 'school_exclusion', hour(L.addDays(d, 90), 10, 14), 'Fixed-term exclusion: fighting', '5 days.', ind(0.3, ['school_disengagement']))
    if (R.chance(0.5)) ev(c, 'health', 'substance_misuse', hour(L.addDays(d, 60), 10, 16), 'Cannabis use', 'Referred by YJS to substance service.', ind(0.3, ['drug_misuse']))
  },
  picked_up_by_relative(c) {
    const d = at(c, R.int(11, 14), 150)
    const uncle = makeAdult('male', 'relative', { family: c.family })
    ev(c, 'school', 'concern', hour(d, 15, 16), 'Collected from school by an adult not on the contact list', `Adult male in a car collected ${c.given} at 15:20. Office rang mum who confirmed it was ${c.given}'s uncle (her brother) helping out while she is in hospital. Contact list updated.`, { involves: [{ adult: uncle, role: 'family' }, ...(uncle.vehicle ? [{ vehicle: uncle.vehicle }] : [])] })
    if (R.chance(0.5)) ev(c, 'school', 'note', hour(L.addDays(d, 30), 10, 14), 'New phone noticed', `${c.given} has a new iPhone; mum says it was a birthday present from the grandparents. No concerns.`)
  },
  older_sibling_network(c) {
    const d = at(c, R.int(13, 15), 150)
    ev(c, 'police', 'intelligence', hour(d, 12, 18), 'Intelligence: sibling linked to adults of concern', `Older sister (19) is in a relationship with a man known to police. No information that ${c.given} is involved or has contact with him. For awareness.`)
    ev(c, 'csc', 'contact_referral', hour(L.addDays(d, 20), 10, 16), 'Contact: sibling\'s associations', 'Parents protective, aware, have changed routines. NFA for this child; universal services.')
  },
}

// ---------------------------------------------------------------- exploited children
const SIGNS = {
  older_boyfriend(c, d, ad) {
    const txt = R.pick([`Mum says ${c.given} has a "boyfriend" called ${ad.given} who is "about 20" and drives. She won't say where she met him.`, `Carer overheard ${c.given} on the phone to "${ad.given}", says he is her boyfriend and is 19. Carer thinks he is older.`, `Friends at school say ${c.given} is going out with someone who has left college and has a car.`])
    return [R.pick(['school', 'csc', 'charity']), 'concern', d, R.pick(['Concern: older boyfriend', 'Reports of older "boyfriend"', 'Possible relationship with adult male']), txt, { involves: [{ adult: ad, role: 'associate' }], ...ind(0.5, ['older_associates']), rel: ad }]
  },
  gifts(c, d) {
    return ['school', 'note', d, R.pick(['New phone and expensive clothes', 'Unexplained gifts', 'Has money she cannot account for']), R.pick([`${c.given} has a new phone (second one this term) and Nike trainers; family on universal credit, mum doesn't know where they came from.`, `Seen with £50 notes in the canteen. Says "a friend" gave it her.`, `Has had her nails and eyelashes done and a new coat; says her "mate's cousin" paid.`]), ind(0.4, ['gifts_money'])]
  },
  pickup_school(c, d, ad) {
    return ['school', 'concern', d, R.pick(['Picked up from school by unknown adult in car', 'Seen getting into a car outside school', 'Collected at the gate by an older male']), `${c.given} got into a ${R.pick(['silver', 'black', 'white'])} ${R.pick(['Audi', 'BMW', 'Toyota Prius', 'Vauxhall Astra'])} at 15:15, driven by a man in his ${R.pick(['20s', '30s'])}. Not on contact list. Reg noted by staff.`, { involves: [{ adult: ad, role: 'associate' }, ...(ad.vehicle ? [{ vehicle: ad.vehicle }] : [])], ...ind(0.5, ['vehicle_unknown_adults']) }]
  },
  taxi(c, d, ad) {
    return [R.pick(['csc', 'charity']), 'note', d, R.pick(['Arrived home by taxi late at night', 'Taxis being paid for by unknown person']), `Carer says ${c.given} came home at 02:30 in a ${R.pick(['Star Taxis', 'A2B', 'private hire'])} cab, already paid. She would not say who booked it.`, { involves: [{ location: HOTSPOTS[1] }], ...ind(0.4, ['staying_out_late', 'vehicle_unknown_adults']) }]
  },
  missing_other_town(c, d, ad) {
    const town = R.pick(OTHER_TOWNS)
    const hs = R.pick(HOTSPOTS)
    return ['police', 'missing_episode', d, R.pick(['Missing from home, found in another town', 'MFH: located at an address in ' + town, 'Missing overnight, located by patrols']), R.pick([`Found at a flat in ${town} at 04:00 with two adult males who gave false names. Intoxicated. Would not say how she got there.`, `Located at ${hs.name}. Said she'd been "with friends". Officers noted adult males leaving as they arrived.`, `Returned by a man who dropped her off at the end of the road; she said it was "a mate's brother". Second time this month.`]), { missing: { from: R.pick(['home', 'care_placement']), hours: R.int(8, 40), grading: R.pick(['medium', 'high', 'medium']), foundAt: hs, foundWith: R.chance(0.5) ? [ad] : [], vehicles: R.chance(0.4) && ad.vehicle ? [ad.vehicle] : [], account: R.pick(['I was with my friends', 'I don\'t want to talk about it', 'Nothing happened, stop asking', 'I stayed at my boyfriend\'s']) }, ...ind(0.5, ['missing', 'hotspot_location']) }]
  },
  missing_short(c, d, ad) {
    return ['police', 'missing_episode', d, 'Missing from home', R.pick(['Not home by 22:00, returned at 03:00, would not say where.', 'Left after school; phone off. Returned next morning, tired, new phone.', 'Reported by carer. Returned of own accord, said she was at a mate\'s.']), { missing: { from: R.pick(['home', 'care_placement', 'home']), hours: R.int(4, 16), grading: R.pick(['low', 'medium']), account: R.pick(['Just out', 'At a friend\'s', 'Don\'t know']) }, ...ind(0.4, ['missing']) }]
  },
  associates_intel(c, d, ad) {
    return ['police', 'intelligence', d, R.pick(['Intelligence: seen with adult males', 'Intel: child in company of known adults', 'Partner intelligence: concerns re associations']), R.pick([`${c.given} seen in the front seat of a car with ${ad.given} ${ad.family} (age ${ad.ageAt2020 + Number(d.toISOString().slice(0, 4)) - 2020}) outside ${R.pick(HOTSPOTS).name}.`, `Youth worker reports ${c.given} hangs around ${R.pick(HOTSPOTS).name} where older men give the girls vapes and lifts.`, `${c.given} is friends with a girl already known to be exploited; both seen with the same adults.`]), { involves: [{ adult: ad, role: 'associate' }, ...(ad.vehicle ? [{ vehicle: ad.vehicle }] : []), { location: R.pick(HOTSPOTS) }], ...ind(0.5, ['older_associates']) }]
  },
  phone(c, d, ad) {
    return [R.pick(['csc', 'school', 'charity']), 'note', d, R.pick(['Second phone found', 'Constant messaging from unknown numbers', 'Secretive phone use']), `Mum found a second phone in ${c.given}'s bag with numbers saved under first names only; ${c.given} became very angry when asked. One number rings late at night.`, { involves: [{ phone: ad.phone }], ...ind(0.5, ['concerning_phone_use', 'unknown_callers']) }]
  },
  online(c, d, ad) {
    return ['school', 'concern', d, 'Online contact with adult', `Friend told staff ${c.given} is talking on Snapchat to a man "in his 20s" who sends her money for top-ups.`, { involves: [{ online: `${ad.given.toLowerCase()}${R.int(10, 99)}@snapchat` }], ...ind(0.5, ['concerning_internet_use']) }]
  },
  sexhealth_young(c, d) {
    return ['sexhealth', 'sexual_health', d, R.pick(['Attended for emergency contraception', 'STI screen', 'Walk-in: requesting pregnancy test']), `${fmtAge(c, d)}-year-old attended alone. Vague about partner, said "he's older". ${R.chance(0.5) ? 'Chlamydia positive.' : 'Spotting the Signs proforma partly completed; declined to answer some questions.'}`, ind(0.3, ['sti'])]
  },
  ed_intox(c, d) {
    return ['health', 'health_attendance', d, 'ED: intoxicated young person', `Brought in at 03:00 by "a friend" who left before staff could take details. Heavily intoxicated, bruising to upper arms she couldn't explain.`, ind(0.4, ['alcohol_misuse', 'unexplained_injury'])]
  },
  absence(c, d) {
    return ['school', 'school_absence', d, R.pick(['Attendance dropped to 61%', 'Truanting after registration', 'Missing lessons, leaving site at lunch']), R.pick([`Registered then left site at lunch on ${R.int(4, 12)} occasions this half term. Seen getting into a car on one.`, 'Attendance fallen from 96% to 61% since September; mum says she leaves for school.']), ind(0.4, ['school_disengagement'])]
  },
  disclosure_withdrawn(c, d, ad) {
    return ['police', 'disclosure_withdrawn', d, 'Withdrew account given to officer', `${c.given} had told a PCSO that "one of them" hurt her; at ABE stage said she made it up and wants nothing to do with police.`, ind(0.5, ['disclosure_withdrawn'])]
  },
  self_harm(c, d) {
    return ['health', 'self_harm', d, 'Self-harm', 'Cuts to thighs. Wouldn\'t say what is upsetting her. CAMHS referral.', ind(0.3, ['self_harm'])]
  },
  peers(c, d) {
    return ['charity', 'note', d, 'Peer group concern', `${c.given} has started spending time with two girls already open to the exploitation team.`, ind(0.4, ['peers_exploited'])]
  },
  behaviour_change(c, d) {
    return [R.pick(['school', 'csc']), 'note', d, R.pick(['Change in behaviour', 'Withdrawn and tired']), R.pick(['Very tired in lessons, has dropped her old friends, and wears make-up and clothes that are new.', 'Angry and secretive at home; mum says she is "not herself".']), {}]
  },
  vulnerability(c, d) {
    return [R.pick(['police', 'csc']), R.pick(['concern', 'contact_referral']), d, R.pick(['Domestic abuse at home', 'Referral: family breakdown', 'Mother\'s mental health']), R.pick(['Mum\'s partner arrested for assault on mum; child present.', 'Parents separated, child moving between homes, mum depressed.', 'Mum sectioned; child staying with a family friend.']), ind(0.5, [R.pick(['domestic_abuse_at_home', 'family_breakdown', 'parental_mental_health'])])]
  },
}
const STRONG_SIGNS = ['older_boyfriend', 'gifts', 'pickup_school', 'taxi', 'missing_other_town', 'associates_intel', 'phone', 'sexhealth_young', 'ed_intox', 'absence', 'disclosure_withdrawn', 'self_harm', 'peers', 'missing_short', 'online']
const SUBTLE_SIGNS = ['gifts', 'pickup_school', 'taxi', 'phone', 'online', 'behaviour_change', 'older_boyfriend', 'absence']

let net = 0
function exploit(c) {
  // first exploitation record: recorded while the child is 12-17
  let tx
  for (let t = 0; t < 50; t++) {
    tx = L.addDays(c.dob, Math.round(R.int(12, 17) * 365.25 + R.int(0, 330)))
    if (tx > L.dateFrom('2016-06-01') && tx < L.dateFrom('2025-02-20')) break
  }
  tx = hour(tx, 9, 17)
  c.tx = tx
  const ad = R.chance(0.75) ? CONCERN[Math.floor(Math.pow(R.next(), 1.6) * CONCERN.length)] : makeAdult('male', 'concern')
  c.adult = ad
  net++
  let plan = []
  const p = c.profile
  const span = { strong: [180, 720], medium: [120, 540], subtle: [90, 500], late: [15, 90], none: [0, 0] }[p]
  const nSigns = { strong: R.int(6, 11), medium: R.int(3, 5), subtle: R.int(2, 3), late: R.int(2, 4), none: 0 }[p]
  const pool = p === 'subtle' ? SUBTLE_SIGNS : STRONG_SIGNS
  for (let i = 0; i < nSigns; i++) {
    const back = R.int(span[0] ? 7 : 0, span[1])
    plan.push([R.pick(pool), L.addDays(tx, -back)])
  }
  if (p === 'strong') for (let i = 0; i < R.int(2, 5); i++) plan.push([R.chance(0.5) ? 'missing_other_town' : 'missing_short', L.addDays(tx, -R.int(10, 360))])
  if (p === 'medium' && R.chance(0.6)) plan.push(['missing_short', L.addDays(tx, -R.int(10, 300))])
  if (p !== 'none' && R.chance(0.5)) plan.push(['vulnerability', L.addDays(tx, -R.int(400, 1500))])
  if (R.chance(0.25)) {
    // looked after some time before
    const d = L.addDays(tx, -R.int(150, 900))
    ev(c, 'csc', 'looked_after_start', hour(d, 10, 16), 'Accommodated', R.pick(['Family breakdown; mum asked for her to be accommodated.', 'Emergency placement after domestic abuse at home.']), ind(0.5, ['looked_after']))
  }
  for (const [sign, d0] of plan) {
    const base = day(d0)
    const d = hour(base, 9, 16)
    const [agency, kind, when, summary, details, extra] = SIGNS[sign](c, d, ad)
    const ex = extra ?? {}
    if (kind === 'missing_episode') {
      const m = ex.missing
      missing(c, hour(base, 17, 23), { from: m.from, hours: m.hours, grading: m.grading, reportedBy: m.from === 'care_placement' ? 'Residential staff' : 'Mother', summary, details, foundAt: m.foundAt, foundWith: m.foundWith, vehicles: m.vehicles, account: m.account, indicators: ex.indicators })
    } else {
      const e = ev(c, agency, kind, when, summary, details, { involves: ex.involves, ...(ex.indicators ? { indicators: ex.indicators } : {}) })
      if (e && ex.rel) e.relTo = ex.rel
    }
  }
  // the exploitation record itself (police crime report or social care strategy discussion)
  const age = ageAt(c, tx)
  const hs = R.pick(HOTSPOTS)
  if (R.chance(0.6)) {
    ev(c, 'police', 'crime_report', tx, R.pick([`Child sexual exploitation: sexual activity with a child (${age})`, `Rape of a child ${age < 13 ? 'under 13' : 'under 16'} - CSE context`, `Sexual exploitation of a ${age}-year-old by adult males`, `Trafficking within UK for sexual exploitation (${age})`]), `${c.given} disclosed to ${R.pick(['her teacher', 'a youth worker', 'her social worker', 'officers'])} that ${ad.given} and other men had sexually abused her at ${hs.name} and other addresses, after giving her alcohol, cannabis and lifts. ABE interview arranged.`, { involves: [{ adult: ad, role: 'suspect' }, { location: hs }, ...(ad.vehicle ? [{ vehicle: ad.vehicle }] : [])], exploitation: true })
    ev(c, 'csc', 'strategy_discussion', L.addDays(tx, R.int(1, 3)), 'Strategy discussion following CSE disclosure', 'Section 47 to be initiated. Safety plan.', {})
  } else {
    ev(c, 'csc', 'strategy_discussion', tx, 'Strategy discussion: child sexual exploitation confirmed', `Multi-agency information shows ${c.given} (${age}) is being sexually exploited by ${ad.given} ${ad.family} and associates; evidence from phone downloads and her account to her social worker. Section 47 and CSE risk plan.`, { involves: [{ adult: ad, role: 'suspect' }], exploitation: true })
    ev(c, 'police', 'crime_report', L.addDays(tx, R.int(2, 10)), `CSE: sexual offences against a child (${age})`, 'Crime recorded following strategy discussion.', { involves: [{ adult: ad, role: 'suspect' }] })
  }
  const later = L.addDays(tx, R.int(60, 300))
  if (R.chance(0.6)) ev(c, 'cps', 'charging_decision', later, 'Charging decision', R.pick(['Charge authorised: sexual activity with a child; controlling child sexual exploitation.', 'Further evidence needed: phone downloads outstanding.']), { outcome: R.pick(['charge', 'further_evidence_needed']), involves: [{ adult: ad, role: 'suspect' }] })
  ev(c, 'csc', 'cp_plan_start', L.addDays(tx, R.int(20, 40)), 'Child protection plan', 'Category: sexual abuse (CSE).', {})
}

for (const c of children) {
  background(c)
  if (c.exploited) exploit(c)
  else NEG[c.profile](c)
}

// ---------------------------------------------------------------- records
const PREFIX = { police: 'WMS/', csc: 'SV', health: 'RX', sexhealth: 'ISH', school: 'SCH', yjs: 'YJS', charity: 'CYP', cps: 'URN' }
const sidCount = {}
const nextSid = (agency) => (sidCount[agency] = (sidCount[agency] ?? R.int(10000, 60000)) + R.int(1, 17))
const objects = []
const push = (o) => objects.push(o)
const fyOf = (iso) => {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const s = m >= 4 ? y : y - 1
  return `${s}-${String((s + 1) % 100).padStart(2, '0')}`
}
const lag = (agency, kind) => {
  if (agency === 'police' && kind === 'missing_episode') return R.int(1, 8)
  if (agency === 'charity') return R.int(2, 24 * 5)
  if (agency === 'school') return R.int(1, 24 * 4)
  if (agency === 'sexhealth') return R.int(1, 6)
  return R.int(1, 48)
}
function personRecord(c, agency, firstRec) {
  if (c.recs[agency]) return c.recs[agency]
  const source_id = `${PREFIX[agency]}${nextSid(agency)}`
  c.recs[agency] = source_id
  let given = c.given
  if (c.nicks.length && R.chance(agency === 'charity' ? 0.5 : agency === 'police' ? 0.2 : 0.03)) given = R.pick(c.nicks)
  if (R.chance(0.03)) given = L.typo(R, given)
  const o = { type: 'person', agency, source_id, given_name: given, family_name: R.chance(0.03) ? L.typo(R, c.family) : c.family, sex: c.sex, is_child: true }
  let dob = L.ymd(c.dob)
  dob = L.dobVariant(R, dob, agency === 'charity' ? { missing: 0.2, partialMonth: 0.1, swap: 0.03 } : { swap: 0.02, offDay: 0.01 })
  if (dob) o.date_of_birth = dob
  if (['health', 'sexhealth'].includes(agency) || (agency === 'csc' && R.chance(0.6))) o.nhs_number = c.nhs
  if (agency === 'school' || (agency === 'csc' && R.chance(0.5))) o.upn = c.upn
  if (['csc', 'school', 'health'].includes(agency)) o.ethnicity = c.ethnicity
  if (c.disability && ['health', 'school', 'csc'].includes(agency)) o.disability = c.disability
  if (agency !== 'cps' && R.chance(0.9)) o.address = { ...(c.moved && firstRec > '2020' ? c.moved : c.addr) }
  if (R.chance(0.5)) o.phone = c.phone
  o.recorded_at = firstRec
  push(o)
  return source_id
}
function adultRecord(a, agency, firstRec) {
  a.recs ??= {}
  if (a.recs[agency]) return a.recs[agency]
  const source_id = `${PREFIX[agency]}${nextSid(agency)}`
  a.recs[agency] = source_id
  const o = { type: 'person', agency, source_id, given_name: a.given, family_name: a.family, sex: a.sex, date_of_birth: a.dob, is_child: false, recorded_at: firstRec }
  if (a.phone && R.chance(0.6)) o.phone = a.phone
  push(o)
  return source_id
}
// agencies' wording above is written of a girl; for a boy the pronouns change
function boyText(t) {
  if (!t) return t
  return t
    .replace(/\bherself\b/g, 'himself')
    .replace(/\bshe\b/g, 'he')
    .replace(/\bShe\b/g, 'He')
    .replace(/\bher\b(?=\s*(?:[.,;:!?)]|$|and\b|at\b|to\b|by\b|that\b|vapes\b|money\b|lifts\b|off\b|up\b|home\b|for\b|in\b))/g, 'him')
    .replace(/\bher\b/g, 'his')
    .replace(/\bHer\b/g, 'His')
    .replace(/\bgirlfriend\b/g, 'girlfriend')
}
const minusMin = (iso, m) => L.iso(new Date(Date.parse(iso + 'Z') - m * 60000))
const truth = []
let evn = 0
// when each event is recorded; a person record is sent just before the first event its agency records
// about that person (children and adults alike)
const adultFirst = new Map()
for (const c of children) {
  c.events.sort((a, b) => a.when - b.when)
  c.first = {}
  for (const e of c.events) {
    const base = e.ended ?? e.when
    // police and hospitals record within hours; offices (school, social care, charity, YJS, CPS) in working hours days later
    let recD
    if (e.exploitation) recD = L.addHours(base, R.int(1, 6))
    else if (['police', 'health', 'sexhealth'].includes(e.agency)) recD = L.addHours(base, lag(e.agency, e.kind))
    else {
      recD = hour(day(L.addDays(base, R.int(0, e.agency === 'charity' ? 5 : 3))), 9, 17)
      if (recD <= base) recD = L.addHours(base, R.int(1, 3))
    }
    e.rec = L.iso(recD)
    if (e.rec > '2025-03-31T12:00:00') continue
    if (!c.first[e.agency] || e.rec < c.first[e.agency]) c.first[e.agency] = e.rec
    for (const a of [...(e.involves ?? []).filter((x) => x?.adult).map((x) => x.adult), ...(e.relTo ? [e.relTo] : [])]) {
      const k = `${a.key}|${e.agency}`
      if (!adultFirst.has(k) || e.rec < adultFirst.get(k)) adultFirst.set(k, e.rec)
    }
  }
}
const adultRec = (a, agency) => adultRecord(a, agency, minusMin(adultFirst.get(`${a.key}|${agency}`), 2))
for (const c of children) {
  for (const e of c.events) {
    const rec = e.rec
    if (rec > '2025-03-31T12:00:00') continue
    const subject = personRecord(c, e.agency, minusMin(c.first[e.agency], 5))
    const source_id = `${e.agency.toUpperCase()}-E${++evn}`
    e.source_id = source_id
    const o = { type: 'event', agency: e.agency, source_id, kind: e.kind, subject, occurred_at: L.iso(e.when), summary: c.sex === 'male' ? boyText(e.summary) : e.summary, details: c.sex === 'male' ? boyText(e.details) : e.details }
    if (e.child_account && c.sex === 'male') e.child_account = boyText(e.child_account)
    if (e.ended) o.ended_at = L.iso(e.ended)
    for (const k of ['missing_from', 'risk_grading', 'last_seen', 'reported_by', 'status', 'reason', 'child_account', 'outcome']) if (e[k]) o[k] = e[k]
    if (e.kind === 'return_interview' && e.episodeOf?.source_id && e.episodeOf.agency === 'police' && R.chance(0.5)) o.episode = `police:${e.episodeOf.source_id}`
    if (e.indicators) o.indicators = e.indicators
    const inv = []
    for (const x of e.involves ?? []) {
      if (!x) continue
      if (x.adult) inv.push({ person: adultRec(x.adult, e.agency), role: x.role })
      else inv.push(x)
    }
    if (inv.length) o.involves = inv
    if (e.agency === 'sexhealth' || e.kind === 'intelligence') o.restricted = true
    o.recorded_by = { police: 'PC ' + R.int(1000, 9999), csc: 'SW', health: 'ED', sexhealth: 'ISH nurse', school: 'DSL', yjs: 'YJS officer', charity: 'RHI worker', cps: 'Reviewing lawyer' }[e.agency]
    o.recorded_at = rec
    push(o)
    if (e.exploitation && (!c.txRec || rec < c.txRec)) c.txRec = rec
    if (e.relTo && R.chance(0.5)) push({ type: 'relationship', agency: e.agency, source_id: `REL-${source_id}`, from: subject, to: adultRec(e.relTo, e.agency), kind: 'claimed_partner', reliability: 'tentative', note: 'Child describes him as her boyfriend; he is an adult', recorded_at: rec })
  }
  for (const [agency, sid] of Object.entries(c.recs)) truth.push([c.key, agency, sid, c.exploited ? 1 : 0, c.txRec ?? ''])
}

// write
fs.rmSync(path.join(OUT, 'years'), { recursive: true, force: true })
const files = new Map()
objects.sort((a, b) => (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0))
for (const o of objects) {
  const k = `${fyOf(o.recorded_at)}/${o.agency}`
  if (!files.has(k)) files.set(k, [])
  files.get(k).push(JSON.stringify(o))
}
for (const [k, lines] of files) L.writeFileMk(path.join(OUT, 'years', `${k}.ndjson`), lines.join('\n') + '\n')
const fys = [...new Set([...files.keys()].map((k) => k.split('/')[0]))].sort()
const sh = ['#!/bin/sh', '# Risk area r2: written by gen-risk-r2.mjs. Needs THREADLINE_CLI (e.g. "node /path/to/bin/threadline.js").', 'set -e', 'cd "$(dirname "$0")"', '$THREADLINE_CLI migrate']
for (const [code, [name, kind]] of Object.entries(AGENCIES)) sh.push(`$THREADLINE_CLI agencies add ${code} --name "${name.replace(/"/g, '')}" --kind ${kind} >/dev/null`)
for (const fy of fys) sh.push(`$THREADLINE_CLI import years/${fy}/*.ndjson >/dev/null`)
L.writeFileMk(path.join(OUT, 'IMPORT.sh'), sh.join('\n') + '\n')
L.writeFileMk(path.join(OUT, 'truth.csv'), 'person_key,agency,source_id,exploited,first_exploitation_recorded_at\n' + truth.map((r) => r.join(',')).join('\n') + '\n')
L.writeFileMk(path.join(OUT, 'profiles.csv'), 'person_key,exploited,profile_or_intensity,sex,date_of_birth\n' + children.map((c) => [c.key, c.exploited ? 1 : 0, c.profile, c.sex, L.ymd(c.dob)].join(',')).join('\n') + '\n')
const ex = children.filter((c) => c.exploited)
const stats = {
  seed: 70061206, children: children.length, exploited: ex.length, exploited_with_record_in_window: ex.filter((c) => c.txRec).length,
  objects: objects.length, persons: objects.filter((o) => o.type === 'person').length, events: objects.filter((o) => o.type === 'event').length, relationships: objects.filter((o) => o.type === 'relationship').length,
  by_profile: Object.fromEntries([...new Set(children.map((c) => `${c.exploited ? 'exploited' : 'never'}:${c.profile}`))].sort().map((k) => [k, children.filter((c) => `${c.exploited ? 'exploited' : 'never'}:${c.profile}` === k).length])),
  never_exploited_with_missing_episode: children.filter((c) => !c.exploited && c.events.some((e) => e.kind === 'missing_episode')).length,
  never_exploited_with_3plus_missing: children.filter((c) => !c.exploited && c.events.filter((e) => e.kind === 'missing_episode').length >= 3).length,
  adults_of_concern_shared: CONCERN.filter((a) => ex.filter((c) => c.adult === a).length > 1).length,
}
L.writeFileMk(path.join(OUT, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
