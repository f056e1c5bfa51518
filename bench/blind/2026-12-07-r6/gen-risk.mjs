#!/usr/bin/env node
// risk/r6: "Brackenfield", a fictional Midlands new town, 520 children born 2001-2012, records
// 2015-04-01 to 2025-03-20. Seed 96071207. Usage: node gen-risk.mjs [outdir]
// Layout as score-risk.mjs reads it (see README): IMPORT.sh, years/FY/AGENCY.ndjson, truth.csv,
// profiles.csv, stats.json.
import { rng, nhsNumber, upn, phone, fmt, londonDate, fromLondon, H, MIN, DAY, csvLine, writeOut } from './lib.mjs'
import { dirname, join } from 'node:path'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, 'risk', 'r6')
const r = rng(96071207)
rmSync(join(out, 'years'), { recursive: true, force: true }) // no stale files from an earlier run
const START = fromLondon(2015, 4, 1, 9)
const END = fromLondon(2025, 3, 20, 17)

const AG = [['bpol', 'Brackenfield Police', 'police'], ['bcs', 'Brackenfield Children\'s Services', 'childrens_social_care'], ['ed', 'Brackenfield General ED', 'health'], ['shs', 'Brackenfield Sexual Health', 'health'], ['gp', 'Canalside GP Group', 'health'], ['mat', 'Kestrel Academy Trust', 'education'], ['yjs', 'Brackenfield Youth Justice', 'youth_justice'], ['ygc', 'Brackenfield Youth Guidance Centre', 'voluntary'], ['hsg', 'Brackenfield Homes', 'other']]
const LAG = { bpol: [0.2, 8], bcs: [24, 14 * 24], ed: [1, 4], shs: [1, 10], gp: [4, 48], mat: [8, 5 * 24], yjs: [24, 7 * 24], ygc: [24, 10 * 24], hsg: [72, 20 * 24] }
const GIRLS = ['Lacey', 'Kaitlyn', 'Demi-Leigh', 'Harmony', 'Jorja', 'Macy', 'Lola', 'Phoebe', 'Aimee', 'Charlotte', 'Nadia', 'Sana', 'Zara', 'Ruby', 'Kiera', 'Eden', 'Faith', 'Amber', 'Ellie-May', 'Bethany', 'Chanel', 'Ivy', 'Roksana', 'Oyinda', 'Gabriela', 'Sophie', 'Mollie', 'Aleksandra']
const BOYS = ['Mason', 'Tyler', 'Kayden', 'Reece', 'Brandon', 'Jaxon', 'Kieran', 'Ashley', 'Connor', 'Ibrahim', 'Rayan', 'Kamil', 'Tobias', 'Femi', 'Ruben', 'Leon', 'Dominic', 'Jamie', 'Sonny', 'Aarav', 'Luca', 'Oskar', 'Eli', 'Mikey']
const FAMS = ['Bradshaw', 'Cotterill', 'Pickering', 'Wheatley', 'Marsden', 'Hollis', 'Garside', 'Tomlinson', 'Bancroft', 'Oakley', 'Redfern', 'Sowerby', 'Chowdhury', 'Mirza', 'Nowicki', 'Adebayo', 'Okoro', 'Stanciu', 'Gill', 'Sandhu', 'Brennan', 'Foley', 'Kirby', 'Cartwright', 'Whitehouse', 'Bolton', 'Kaur', 'Dunne', 'Yates', 'Pearce', 'Mills', 'Archer']
const STREETS = ['Heron Way', 'Lockkeeper Close', 'Sandpiper Road', 'Wharf Lane', 'Kingfisher Drive', 'Furnace Row', 'Pit Lane', 'Brindley Court', 'Quarry Bank', 'Coventry Road', 'The Parade', 'Osprey Walk']
const PCS = ['NN17 1', 'NN17 2', 'NN18 0', 'NN18 8', 'NN18 9']
const L = 'ABDEFGHJLNPQRSTUWXYZ'
const HOT = [{ name: 'Motorway services lorry park, J16', postcode: 'NN18 7SH' }, { name: 'Flat above the vape shop, The Parade', postcode: 'NN17 1PA' }, { name: 'Canal towpath under the rail bridge', postcode: 'NN17 2TB' }, { name: 'Riverside retail park car park', postcode: 'NN18 8RP' }, { name: 'Budget hotel by the ring road', postcode: 'NN18 9HR' }, { name: 'House on Furnace Row known for parties', postcode: 'NN17 2FR' }]
const ADULTS = [] // adults of concern
for (let i = 0; i < 14; i++) ADULTS.push({ key: `A${i + 1}`, given: r.pick(['Dean', 'Kane', 'Rizwan', 'Arron', 'Lee', 'Marcel', 'Shane', 'Tariq', 'Ryan', 'Dale', 'Jermaine', 'Vlad', 'Scott', 'Jason']), family: r.pick(FAMS), dob: `${r.int(1975, 2001)}-0${r.int(1, 9)}-1${r.int(0, 9)}`, phone: phone(r), vrm: `${r.pick(['FD', 'KX', 'YR', 'BN', 'WU'])}${r.int(10, 24)} ${r.pick(L)}${r.pick(L)}${r.pick(L)}`, handle: `${r.pick(['bigman', 'uncle', 'cashking', 'sweetz', 'trapstar', 'vibes'])}${r.int(10, 99)}@snapchat` })

const kids = []
const profiles = [
  ...Array(10).fill('online-first'), ...Array(6).fill('boy-cse'), ...Array(8).fill('peer-introduced'), ...Array(6).fill('distant-placement'), ...Array(8).fill('cce-exclusion'), ...Array(6).fill('family-linked'),
]
const never = [['ordinary', 180], ['young-carer', 30], ['uasc-relatives', 25], ['takeaway-job', 25], ['gaming-online', 20], ['bereaved-self-harm', 25], ['left-home-after-conflict', 20], ['chronic-illness', 20], ['neglect-cp', 40], ['yj-ordinary', 30], ['same-age-relationship', 25], ['sibling-of-exploited', 20], ['friend-of-exploited', 16]]
for (const p of profiles) kids.push({ profile: p, exploited: true })
for (const [p, n] of never) for (let i = 0; i < n; i++) kids.push({ profile: p, exploited: false })
r.shuffle(kids)
kids.forEach((k, i) => {
  k.key = `K${String(i + 1).padStart(4, '0')}`
  const boyBias = { 'boy-cse': 1, 'cce-exclusion': 0.85, 'yj-ordinary': 0.7, 'gaming-online': 0.75, 'takeaway-job': 0.6, 'uasc-relatives': 0.8 }[k.profile] ?? 0.45
  k.sex = r.chance(boyBias) ? 'male' : 'female'
  k.given = r.pick(k.sex === 'female' ? GIRLS : BOYS)
  k.family = r.pick(FAMS)
  k.dob = `${r.int(2001, 2012)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
  k.dobMs = Date.UTC(+k.dob.slice(0, 4), +k.dob.slice(5, 7) - 1, +k.dob.slice(8, 10))
  k.addr = { line1: `${r.int(1, 160)} ${r.pick(STREETS)}`, town: 'Brackenfield', postcode: `${r.pick(PCS)}${r.pick(L)}${r.pick(L)}` }
  k.nhs = nhsNumber(r); k.upn = upn(r, 941); k.phone = r.chance(0.5) ? phone(r) : null
  k.nick = { Aleksandra: 'Ola', Charlotte: 'Lottie', Bethany: 'Beth', Dominic: 'Dom', Tobias: 'Toby', Oyinda: 'Yinda', 'Ellie-May': 'Ellie', Brandon: 'Bran' }[k.given] ?? null
})
const ageAt = (k, years) => k.dobMs + years * 365.25 * DAY
// a time when the child is between two ages, inside the window
const within = (k, a0, a1) => { const lo = Math.max(START, ageAt(k, a0)), hi = Math.min(END - 30 * DAY, ageAt(k, a1)); return lo < hi ? lo + r.next() * (hi - lo) : START + r.next() * (END - 30 * DAY - START) }
const clampT = (t) => Math.max(START + r.int(0, 48) * H, Math.min(t, END - r.int(24, 400) * H))

const recs = [] // {agency, obj, at}
const persons = {} // agency|key -> sid
const pseq = {}
const truth = []
function pid(agency, k) {
  const kk = agency + '|' + k.key
  if (!persons[kk]) {
    pseq[agency] = (pseq[agency] ?? 0) + 1
    persons[kk] = { sid: `${agency.toUpperCase()}-${String(pseq[agency] * 7 + 1000)}`, first: Infinity, k }
    if (!k.isAdult) truth.push({ k, agency, sid: persons[kk].sid })
  }
  return persons[kk]
}
let eseq = 0
function ev(agency, k, kind, t, o = {}) {
  t = clampT(t)
  const p = pid(agency, k)
  const [lo, hi] = LAG[agency]
  const at = Math.min((o.endDur != null ? t + o.endDur : t) + Math.round((lo + r.next() * (hi - lo)) * 60) * MIN, END)
  p.first = Math.min(p.first, at)
  const f = agency === 'bpol' ? (r.chance(0.5) ? 'Z' : 'offset') : r.chance(0.85) ? 'local' : 'Z'
  const obj = { type: 'event', agency, source_id: `${agency.toUpperCase()}E${++eseq}`, kind, subject: p.sid, occurred_at: fmt(t, f), ...o, recorded_at: fmt(at, 'Z') }
  if (o.endDur != null) { delete obj.endDur; obj.ended_at = fmt(t + o.endDur, f) }
  recs.push({ agency, obj, at })
  return { obj, at, t }
}
const inv = (a, role = 'associate') => {
  const out = []
  if (r.chance(0.5)) out.push({ phone: a.phone })
  if (r.chance(0.4)) out.push({ vehicle: a.vrm })
  if (r.chance(0.3)) out.push({ online: a.handle })
  return out
}
const missing = (k, t, o = {}) => {
  const m = ev('bpol', k, 'missing_episode', t, { endDur: r.int(3, 40) * H, missing_from: o.from ?? 'home', risk_grading: o.grade ?? r.pick(['low', 'medium']), summary: o.summary ?? 'Reported missing by carer', ...(o.involves ? { involves: o.involves } : {}) })
  if (r.chance(0.55)) ev('ygc', k, 'return_interview', m.t + r.int(20, 90) * H, { episode: `bpol:${m.obj.source_id}`, status: 'done', child_account: o.account ?? r.pick(['Said she was with friends', 'Said he went for a walk to clear his head', 'Did not want to say']) })
  else if (r.chance(0.5)) ev('ygc', k, 'return_interview', m.t + r.int(20, 90) * H, { episode: `bpol:${m.obj.source_id}`, status: 'declined', reason: 'Child declined' })
  return m
}
const adultRecs = new Set()
function adultPerson(agency, a) {
  const kk = agency + '|' + a.key
  if (!adultRecs.has(kk)) {
    adultRecs.add(kk)
    const ak = { key: a.key, isAdult: true }
    const p = pid(agency, ak)
    recs.push({ agency, obj: { type: 'person', agency, source_id: p.sid, given_name: a.given, family_name: a.family, date_of_birth: a.dob, sex: 'male', phone: a.phone, is_child: false }, at: START - DAY, adult: true })
  }
  return persons[kk].sid
}

const stats = { children: kids.length, exploited: 0, never: 0, events: 0 }
for (const k of kids) {
  // a background ordinary life
  if (r.chance(0.5)) ev('ed', k, 'health_attendance', within(k, 8, 16), { summary: r.pick(['Wrist injury, fall from trampoline', 'Asthma attack', 'Head injury playing football', 'Allergic reaction']) })
  if (r.chance(0.35)) ev('mat', k, 'school_absence', within(k, 11, 16), { summary: 'Absence not explained by parent', details: `${r.int(2, 6)} sessions` })
  if (k.exploited) {
    stats.exploited++
    const a = r.pick(ADULTS)
    // first exploitation record: between June 2016 and December 2024, at age 12.5-17.5
    let tx
    for (let g = 0; g < 50; g++) {
      tx = ageAt(k, 12.5 + r.next() * 5)
      if (tx > Date.UTC(2016, 5, 1) && tx < Date.UTC(2024, 11, 15)) break
      k.dob = `${Number(k.dob.slice(0, 4)) + (tx <= Date.UTC(2016, 5, 1) ? 1 : -1)}${k.dob.slice(4)}`
      k.dobMs = Date.UTC(+k.dob.slice(0, 4), +k.dob.slice(5, 7) - 1, +k.dob.slice(8, 10))
    }
    const quiet = r.chance(0.2)
    const span = (quiet ? r.int(20, 90) : r.int(120, 700)) * DAY
    const sign = (f) => f(tx - span + r.next() * (span - 3 * DAY))
    const n = quiet ? r.int(1, 2) : r.int(4, 9)
    const p = k.profile
    const pool = {
      'online-first': [
        (t) => ev('mat', k, 'concern', t, { summary: 'Web filter alert: searches about meeting people from apps; deleted history', indicators: ['concerning_internet_use'] }),
        (t) => ev('bcs', k, 'note', t, { summary: 'Mum says a second phone found under the mattress; messages from "a friend from Insta"', indicators: ['concerning_phone_use', 'unknown_callers'], involves: [{ online: a.handle }] }),
        (t) => ev('mat', k, 'concern', t, { summary: 'Sexualised comments in PSHE; new designer bag, says it was a present', indicators: ['sexualised_behaviour', 'gifts_money'] }),
        (t) => ev('gp', k, 'note', t, { summary: 'Poor sleep, on phone through the night, low mood', indicators: ['low_self_esteem'] }),
        (t) => missing(k, t, { summary: 'Missing after school; phone switched off', involves: inv(a) }),
      ],
      'boy-cse': [
        (t) => ev('mat', k, 'concern', t, { summary: 'Has cash and a new PlayStation, says an older friend gave it him', indicators: ['gifts_money', 'older_associates'] }),
        (t) => ev('ed', k, 'health_attendance', t, { summary: 'Brought in intoxicated from the retail park by an adult who left', indicators: ['alcohol_misuse'], involves: [{ location: HOT[3], role: 'found_at' }] }),
        (t) => ev('shs', k, 'sexual_health', t, { summary: 'STI test, will not name contacts', indicators: ['sti'] }),
        (t) => missing(k, t, { summary: 'Missing overnight; seen getting into a car at the services', grade: 'medium', involves: [{ location: HOT[0], role: 'found_at' }, ...inv(a)] }),
        (t) => ev('bpol', k, 'intelligence', t, { summary: 'Boy seen repeatedly in a car with an older male at the lorry park', involves: [{ vehicle: a.vrm }, { location: HOT[0] }] }),
      ],
      'peer-introduced': [
        (t) => ev('mat', k, 'concern', t, { summary: 'Now spends break times with an older girl who is known to be exploited', indicators: ['peers_exploited'] }),
        (t) => ev('bcs', k, 'note', t, { summary: 'Carer says she is out until 2am at weekends', indicators: ['staying_out_late'] }),
        (t) => missing(k, t, { summary: 'Missing with a friend; found at a party house', grade: 'high', involves: [{ location: HOT[5], role: 'found_at' }] }),
        (t) => ev('ed', k, 'health_attendance', t, { summary: 'Alcohol intoxication, 15, brought by friends', indicators: ['alcohol_misuse'] }),
        (t) => ev('ygc', k, 'note', t, { summary: 'Youth worker: new older "friends" collect her in a car from the youth club', indicators: ['older_associates', 'vehicle_unknown_adults'], involves: [{ vehicle: a.vrm }] }),
      ],
      'distant-placement': [
        (t) => ev('bcs', k, 'looked_after_start', t, { summary: 'Accommodated after family breakdown', indicators: ['family_breakdown', 'looked_after'] }),
        (t) => ev('bcs', k, 'placement_move', t, { summary: 'Moved to a residential placement 90 miles away (no local beds)' }),
        (t) => missing(k, t, { from: 'care_placement', summary: 'Missing from out-of-area placement; found back in Brackenfield', grade: 'high', involves: [{ location: HOT[1], role: 'found_at' }, ...inv(a)] }),
        (t) => ev('bcs', k, 'note', t, { summary: 'Staff: she gets train tickets bought for her online', indicators: ['gifts_money', 'unknown_callers'] }),
      ],
      'cce-exclusion': [
        (t) => ev('mat', k, 'school_exclusion', t, { summary: 'Permanent exclusion; placed at the pupil referral unit', indicators: ['school_disengagement'] }),
        (t) => ev('bpol', k, 'arrest', t, { summary: 'Arrested in possession of a bladed article and cash', indicators: ['drug_misuse'] }),
        (t) => ev('ed', k, 'health_attendance', t, { summary: 'Cut to the hand, account does not fit the injury', indicators: ['unexplained_injury'] }),
        (t) => missing(k, t, { summary: 'Missing 3 days; found in a flat in another county with cash and two phones', grade: 'high', involves: inv(a) }),
        (t) => ev('yjs', k, 'youth_justice', t, { summary: 'Referral order; mentions owing someone money', indicators: ['older_associates'] }),
      ],
      'family-linked': [
        (t) => ev('bpol', k, 'concern', t, { summary: 'Domestic abuse incident at home; child present', indicators: ['domestic_abuse_at_home'] }),
        (t) => ev('hsg', k, 'concern', t, { summary: 'Neighbours report men coming and going at night from the family\'s flat', indicators: ['substance_misuse_at_home'], involves: [{ vehicle: a.vrm }] }),
        (t) => ev('mat', k, 'concern', t, { summary: 'Child says a friend of her mum\'s boyfriend gives her lifts and vapes', indicators: ['older_associates', 'gifts_money'] }),
        (t) => ev('bcs', k, 'contact_referral', t, { summary: 'Referral: parental substance misuse', indicators: ['substance_misuse_at_home'] }),
      ],
    }[p]
    for (let i = 0; i < n; i++) sign(r.pick(pool))
    // the first exploitation record
    let first
    if (p === 'cce-exclusion') first = ev('yjs', k, 'concern', tx, { summary: 'NRM referral made: child criminally exploited (county lines)', indicators: ['older_associates'] })
    else if (p === 'boy-cse' || p === 'distant-placement') first = ev('bcs', k, 'strategy_discussion', tx, { summary: 'Strategy discussion', outcome: 'Child is being sexually exploited; section 47 enquiry' })
    else first = ev('bpol', k, 'crime_report', tx, { summary: p === 'online-first' ? 'Online grooming and sexual exploitation of a child by an adult' : 'Child sexual exploitation', involves: [{ person: adultPerson('bpol', a), role: 'suspect' }] })
    k.firstAt = first.at
    // after: a little follow-up
    if (r.chance(0.7)) ev('bcs', k, 'strategy_discussion', first.t + r.int(2, 20) * DAY, { summary: 'Strategy discussion after exploitation identified', outcome: 'Section 47; safety plan' })
  } else {
    stats.never++
    const p = k.profile
    const t0 = () => within(k, 10, 17)
    const rep = (n, f) => { for (let i = 0; i < n; i++) f(t0()) }
    switch (p) {
      case 'ordinary': break
      case 'young-carer': rep(r.int(2, 4), (t) => ev(r.pick(['mat', 'bcs']), k, r.pick(['school_absence', 'note']), t, { summary: 'Late and tired; cares for mum (bipolar disorder) and a younger brother; out late collecting prescriptions', indicators: r.chance(0.5) ? ['parental_mental_health', 'staying_out_late'] : ['parental_mental_health'] })); ev('bcs', k, 'assessment', t0(), { summary: 'Young carer assessment', outcome: 'Young carers service; no safeguarding concern' }); break
      case 'uasc-relatives': { const t = within(k, 15, 16.5); ev('bcs', k, 'looked_after_start', t, { summary: 'Unaccompanied asylum-seeking child', indicators: ['looked_after'] }); rep(r.int(1, 3), (x) => missing(k, Math.max(x, t + 10 * DAY), { from: 'care_placement', summary: 'Missing from placement; found at a cousin\'s house in London', account: 'Went to see my cousin and my uncle' })); break }
      case 'takeaway-job': rep(r.int(1, 3), (t) => ev('bpol', k, 'note', t, { summary: 'Stopped walking home at 00:30 near the takeaway where he works; had £40 wages; parents aware', indicators: ['staying_out_late'] })); break
      case 'gaming-online': ev('mat', k, 'concern', t0(), { summary: 'Web filter alert: chats with adults on a gaming platform', indicators: ['concerning_internet_use'] }); ev('bcs', k, 'assessment', t0(), { summary: 'Assessment after school concern', outcome: 'Plays in an online esports league with a coach; parents supervise; no further action' }); break
      case 'bereaved-self-harm': rep(r.int(1, 3), (t) => ev('ed', k, 'self_harm', t, { summary: 'Superficial cuts after dad\'s death; CAMHS referral', indicators: ['self_harm'] })); break
      case 'left-home-after-conflict': rep(r.int(1, 3), (t) => missing(k, t, { summary: 'Left home after an argument about coming out; found at a school friend\'s', account: 'Mum and I argued; I went to Jess\'s' })); ev('bcs', k, 'assessment', t0(), { summary: 'Family support assessment', outcome: 'Family mediation; no exploitation concerns', indicators: ['family_breakdown'] }); break
      case 'chronic-illness': rep(r.int(3, 6), (t) => ev('ed', k, 'health_attendance', t, { summary: 'Type 1 diabetes, high blood sugar' })); break
      case 'neglect-cp': { const t = t0(); ev('bcs', k, 'contact_referral', t, { summary: 'Neglect: poor home conditions' }); ev('bcs', k, 'section47_enquiry', t + 5 * DAY, { summary: 'S47 neglect' }); ev('bcs', k, 'cp_plan_start', t + 20 * DAY, { summary: 'CP plan, neglect' }); break }
      case 'yj-ordinary': rep(r.int(1, 2), (t) => ev('yjs', k, 'youth_justice', t, { summary: r.pick(['Shoplifting: youth caution', 'Criminal damage to a bus shelter: referral order', 'Theft of a bike: community resolution']) })); break
      case 'same-age-relationship': ev('shs', k, 'sexual_health', within(k, 16.2, 17.9), { summary: 'Contraception; partner same age at college; Fraser/Spotting-the-signs done, no concerns' }); break
      case 'sibling-of-exploited': ev('bcs', k, 'note', t0(), { summary: 'Sibling of a child subject to an exploitation plan; seen, no concerns' }); break
      case 'friend-of-exploited': { const t = t0(); missing(k, t, { summary: 'Missing with a friend for one night; found at a party house', involves: [{ location: HOT[5], role: 'found_at' }] }); ev('bcs', k, 'strategy_discussion', t + 3 * DAY, { summary: 'Strategy discussion', outcome: 'No evidence she is being exploited; friend is; monitor' }); break }
    }
  }
}

// persons: each agency's own record, sent minutes before its first record of the child
for (const p of Object.values(persons)) {
  if (p.k.isAdult) continue
  const k = p.k
  const o = { type: 'person', agency: Object.keys(persons).find((x) => persons[x] === p).split('|')[0], source_id: p.sid, given_name: k.given, family_name: k.family, date_of_birth: k.dob, sex: k.sex, address: { ...k.addr } }
  if (o.agency === 'ygc') { if (k.nick) o.given_name = k.nick; if (r.chance(0.3)) delete o.date_of_birth; delete o.address; if (k.phone) o.phone = k.phone }
  if (o.agency === 'bpol' && r.chance(0.15)) o.family_name = o.family_name.toUpperCase()
  if (['ed', 'gp', 'shs'].includes(o.agency)) o.nhs_number = k.nhs
  if (o.agency === 'mat') o.upn = k.upn
  if (o.agency === 'shs' && r.chance(0.4)) delete o.family_name
  recs.push({ agency: o.agency, obj: o, at: p.first - r.int(2, 30) * MIN })
}
for (const x of recs) if (x.obj.type === 'person') x.obj.recorded_at = fmt(x.at, 'Z')
stats.events = recs.filter((x) => x.obj.type === 'event').length
stats.persons = recs.filter((x) => x.obj.type === 'person').length

const fyOf = (ms) => { const d = londonDate(ms); const y = +d.slice(0, 4); const s = +d.slice(5, 7) >= 4 ? y : y - 1; return `${s}-${String((s + 1) % 100).padStart(2, '0')}` }
const files = {}
for (const x of recs) (files[`${fyOf(x.at)}/${x.agency}.ndjson`] ??= []).push(x)
for (const [f, xs] of Object.entries(files)) { xs.sort((a, b) => a.at - b.at); writeOut(join(out, 'years', f), xs.map((x) => JSON.stringify(x.obj)).join('\n') + '\n') }
const fys = [...new Set(Object.keys(files).map((f) => f.split('/')[0]))].sort()
let sh = '#!/bin/sh\n# risk/r6 "Brackenfield": migrate, register the agencies, import each financial year in order.\nset -e\nD=$(cd "$(dirname "$0")" && pwd)\n$THREADLINE_CLI migrate\n'
for (const [c, n, kd] of AG) sh += `$THREADLINE_CLI agencies add ${c} --name "${n}" --kind ${kd}\n`
for (const fy of fys) sh += `$THREADLINE_CLI import ${AG.map((a) => `${fy}/${a[0]}.ndjson`).filter((f) => files[f]).map((f) => `"$D/years/${f}"`).join(' ')}\n`
writeOut(join(out, 'IMPORT.sh'), sh)
truth.sort((a, b) => (a.k.key + a.agency < b.k.key + b.agency ? -1 : 1))
writeOut(join(out, 'truth.csv'), [csvLine(['person_key', 'agency', 'source_id', 'exploited', 'first_exploitation_recorded_at']), ...truth.map((t) => csvLine([t.k.key, t.agency, t.sid, t.k.exploited ? 1 : 0, t.k.exploited ? fmt(t.k.firstAt, 'local').replace(/\+0\d:00$/, '') : '']))].join('\n') + '\n')
writeOut(join(out, 'profiles.csv'), [csvLine(['person_key', 'exploited', 'profile_or_intensity', 'sex', 'date_of_birth']), ...[...kids].sort((a, b) => (a.key < b.key ? -1 : 1)).map((k) => csvLine([k.key, k.exploited ? 1 : 0, k.profile, k.sex, k.dob]))].join('\n') + '\n')
stats.inTruth = new Set(truth.map((t) => t.k.key)).size
stats.lastRecordedAt = new Date(Math.max(...recs.map((x) => x.at))).toISOString()
writeOut(join(out, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
console.log(JSON.stringify(stats))
