#!/usr/bin/env node
// partnership/p2: "Fellbeck", a small rural area (Dales villages and two market towns), 60 children,
// 2023-04-01 to 2026-03-31. Seed 62071207. Usage: node gen-partnership-p2.mjs [outdir]
import { generatePartnership, quarters } from './partnership-lib.mjs'
import { person, filler } from './partnership-common.mjs'
import { fromLondon, londonDate, H, MIN, DAY } from './lib.mjs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, 'partnership', 'p2')

const groups = [
  { name: 'white_british', w: 84, ethnicity: 'White British',
    girls: ['Ellie', 'Megan', 'Lily', 'Freya', 'Poppy', 'Chloe', 'Isla', 'Hannah', 'Amber', 'Courtney', 'Jessica', 'Bethany', 'Kayleigh', 'Summer', 'Evie', 'Molly', 'Libby', 'Abigail', 'Niamh', 'Rosie', 'Tilly', 'Demi'],
    boys: ['Jack', 'Harry', 'Alfie', 'Charlie', 'Tyler', 'Callum', 'Kyle', 'Ryan', 'Ethan', 'Reece', 'Jake', 'Lewis', 'Oliver', 'Thomas', 'Josh', 'Liam', 'Archie'],
    families: ['Metcalfe', 'Alderson', 'Harker', 'Raw', 'Kearton', 'Hutchinson', 'Dinsdale', 'Thwaite', 'Calvert', 'Pratt', 'Blades', 'Tennant', 'Lambert', 'Sunter', 'Bainbridge', 'Fawcett', 'Outhwaite', 'Scarr', 'Brennand', 'Iveson', 'Spensley', 'Guy', 'Peacock', 'Hird', 'Allen', 'Smith', 'Robinson', 'Wood', 'Atkinson', 'Wilson'] },
  { name: 'polish', w: 8, ethnicity: 'White - Polish',
    girls: ['Zuzanna', 'Julia', 'Wiktoria', 'Natalia', 'Oliwia'], boys: ['Jakub', 'Kacper', 'Szymon', 'Mateusz'],
    families: ['Nowak', 'Kowalczyk', 'Wójcik', 'Lewandowski', 'Zielińska', 'Mazur'] },
  { name: 'traveller', w: 8, ethnicity: 'White Irish Traveller',
    girls: ['Bridget', 'Margaret', 'Kathleen', 'Shannon', 'Mary'], boys: ['Patrick', 'Johnny', 'Michael', 'Martin', 'Tommy'],
    families: ['Lee', 'Price', 'Boswell', 'Lowther', 'McDonagh', 'Ward'] },
]
const nicknames = { Jessica: ['Jess'], Bethany: ['Beth'], Abigail: ['Abbie', 'Abi'], Hannah: ['Han'], Kayleigh: ['Kay'], Thomas: ['Tom', 'Tommy'], Joshua: ['Josh'], Oliver: ['Ollie'], Charlie: ['Chaz'], Callum: ['Cal'], Harry: ['H'], Margaret: ['Maggie', 'Peggy'], Kathleen: ['Kathy', 'Kat'], Bridget: ['Bridie'], Patrick: ['Paddy'], Michael: ['Mikey'], Zuzanna: ['Zuza'], Wiktoria: ['Vicky'], Jakub: ['Kuba'], Mateusz: ['Matt'], Rosie: ['Ro'], Libby: ['Lib'], Natalia: ['Nat'] }

const Q = quarters('2023-04-01', '2026-03-31')
const cfg = {
  title: 'partnership/p2 "Fellbeck" (rural, 60 children, FY2023-FY2025)',
  seed: 62071207, prefix: 'P2-', la: 815, from: '2023-04-01', to: '2026-03-31',
  lastRecordedAt: '2026-05-31T12:00:00Z', nChildren: 60, groups, nicknames,
  streets: ['Main Street', 'Church Lane', 'Low Row', 'Market Place', 'Station Road', 'Back Lane', 'Fell View', 'Beck Side', 'Garth Close', 'Mill Lane', 'Swale Terrace', 'Moor Road'],
  places: [{ town: 'Fellbeck', pc: 'DL8' }, { town: 'Fellbeck', pc: 'DL8' }, { town: 'Askrigg Bridge', pc: 'DL8' }, { town: 'Keldthwaite', pc: 'DL11' }, { town: 'Harkerside', pc: 'DL11' }, { town: 'Thornby Market', pc: 'DL10' }, { town: 'Thornby Market', pc: 'DL10' }],
  agencies: [['police', 'Fellbeck and Dales Police', 'police'], ['csc', 'Fellbeck Council Children and Families', 'childrens_social_care'], ['health', 'Dales Community Health', 'health'], ['school', 'Fellbeck Schools Partnership', 'education'], ['charity', 'Dales Runaways Project', 'voluntary'], ['charity2', 'Wensley Young People\'s Trust', 'voluntary']],
  personPrefix: { police: 'FDP-', csc: 'FCC', health: 'DCH', school: 'FSP', charity: 'DRP', charity2: 'WYP' }, personOffset: 300, eventOffset: 7000,
  reporters: ['foster carer', 'parent', 'residential home staff', 'grandparent', 'school'],
  lastSeen: ['Bus shelter on Market Place', 'Leaving the farm on a bike', 'At the chip shop in Thornby Market', 'Walking towards the A684', 'Getting into a car at the lay-by', 'At a friend\'s caravan'],
  outcomes: ['Returned home', 'Found by officers at a friend\'s address', 'Returned to placement by taxi', 'Found at Thornby Market bus station', 'Walked back to the farm'],
  cscWorkers: ['SW Hutchinson', 'SW Raw', 'EDT Calvert', 'Personal adviser Tennant'],
  declineReasons: ['Child declined to speak to a worker', 'Child said she did not want another interview', 'Parent declined on the child\'s behalf; child not seen', 'Child refused to come to the door'],
  notHeldReasons: ['Child moved placement out of area before it could be held', 'Worker unavailable (snow, roads closed)', 'Could not contact family by phone'],
  childAccounts: ['Said she stayed with a friend in the village', 'Said he was at the quarry with older lads', 'Would not say where she went', 'Said he slept in a barn', 'Said a man from Thornby gave her a lift', 'Said she was upset after an argument at home'],
  interviewers: { charity: ['Runaways worker Dinsdale', 'Runaways worker Fawcett'], charity2: ['Youth worker Iveson', 'Youth worker Scarr'], csc: ['SW Hutchinson', 'SW Raw', 'Personal adviser Tennant'] },
  pRef: 0.5, pRefCsc: 0.6, pRecordedLate: 0.3, writeAllAges: true,
  pickFmt: (r) => r.weighted([['local', 70], ['Z', 20], ['offset', 10]]),
  person, filler,
  assignDobs(r, children) {
    const d = (y, m, dd) => `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
    children.forEach((c, i) => {
      if (i < 6) c.dob = d(2005 + Math.floor(i / 3), [7, 11, 9, 5, 9, 12][i], r.int(1, 28)) // turn 18 between 2023-07 and 2024-12
      else c.dob = d(r.int(2008, 2013), r.int(1, 12), r.int(1, 28))
      if (c.dob >= '2008-01-01' && c.dob < '2008-07-01') c.dob = '2009' + c.dob.slice(4)
    })
  },
  episodes({ r, children, mkEp, randomDuration, randomStart, P0, P1 }) {
    // 6 children turning 18 in the period: episodes before and after the birthday
    children.slice(0, 6).forEach((c, i) => {
      c.lac = true
      const b = c.dob.replace(/^\d{4}/, String(Number(c.dob.slice(0, 4)) + 18)).split('-').map(Number)
      const bday = fromLondon(b[0], b[1], b[2], 0)
      for (let k = r.int(1, 3); k > 0; k--) { const s = randomStart(Math.max(P0, bday - 200 * DAY), bday - 2 * DAY); mkEp(c, s, s + randomDuration()) }
      for (let k = r.int(1, 2); k > 0; k--) { const s = randomStart(bday + DAY, Math.min(P1, bday + 150 * DAY)); mkEp(c, s, s + randomDuration(), { adult: true, reportedBy: 'supported lodgings provider', from: 'other' }) }
      if (i === 2) {
        // starts the evening before the 18th birthday, returns on the birthday: counted (a child when missing)
        mkEp(c, bday - 2 * H, bday + 9 * H, { keep: true, plan: 'done' })
      }
    })
    // 22 more children with episodes; the rest have none
    const idx = r.shuffle(children.slice(6).map((_, i) => i + 6)).slice(0, 22)
    for (const i of idx) {
      const c = children[i]
      c.lac = r.chance(0.5)
      const n = r.weighted([[1, 45], [2, 30], [3, 15], [r.int(4, 6), 10]])
      for (let k = 0; k < n; k++) { const s = randomStart(P0 - 12 * DAY, P1 - 3 * DAY); mkEp(c, s, s + randomDuration()) }
    }
    // returns corrected after they were first sent, four of them across a quarter's edge
    const pool = idx.map((i) => children[i])
    Q.slice(1, 9).forEach((q, k) => {
      const c = pool[k * 2]
      const [y, m, dd] = q[0].split('-').map(Number)
      const edge = fromLondon(y, m, dd, 0)
      const end = k % 2 === 0 ? edge - r.int(15, 50) * MIN : edge + r.int(20, 90) * MIN
      const wrongEnd = k % 2 === 0 ? end + r.int(70, 150) * MIN : end - r.int(120, 200) * MIN
      const e = mkEp(c, end - r.int(5, 30) * H, end, { keep: true, corr: { wrongEnd, backfill: k === 3 || k === 6 } })
      if (k < 4) e.corr.wrongEnd = k % 2 === 0 ? edge + r.int(30, 120) * MIN : edge - r.int(20, 100) * MIN // crosses the quarter edge
      // interviews timed from the first (wrong) return: 70 h after it is 72 h+ after the true one, or the reverse
      if (k === 0) e.plan = ({ add, e }) => add('done', e.corr.wrongEnd + 70 * H + 30 * MIN, 'done', { forceRef: true })
      if (k === 1) e.plan = ({ add, e }) => add('done', e.corr.wrongEnd + 73 * H + 30 * MIN, 'done', { forceRef: true })
    })
    // the period's last days: interviews held in early April, recorded in May
    for (const c of pool.slice(3, 6)) {
      const end = P1 - r.int(1, 4) * DAY - r.int(1, 10) * H
      mkEp(c, end - r.int(3, 20) * H, end, { keep: true, plan: ({ add, e }) => add('done', e.end + r.int(20, 70) * H, 'done', { lateRecord: true }) })
    }
    // returned at 23:30 UTC on 31 March 2026, which is 00:30 on 1 April in London: outside the period
    mkEp(pool[7], Date.UTC(2026, 2, 31, 17, 0), Date.UTC(2026, 2, 31, 23, 30), { keep: true, fmt: 'Z', plan: 'done' })
    // two reports withdrawn (entered against the wrong child); they are not episodes
    for (const c of pool.slice(17, 19)) { const s = randomStart(P0 + 30 * DAY, P1 - 40 * DAY); mkEp(c, s, s + 4 * H, { withdrawn: true }) }
  },
  decorate({ r, c, e }) {
    if (e.withdrawn || e.adult) return
    if (!c.lac) return
    if (!e.corr && r.chance(0.1)) {
      // absent from placement, recorded by social care only
      e.cscOnly = true
      e.csc = { start: e.start, end: e.end, fmt: 'local', from: 'care_placement' }
      return
    }
    if (!r.chance(0.65)) return
    if (e.corr || e.open) { e.csc = { start: e.start, end: e.end, fmt: e.fmt === 'local' ? 'Z' : 'local' }; return }
    if (r.chance(0.55)) {
      // the placement's record: times a few minutes from the police report's
      const ds = r.pick([-1, 1]) * r.int(3, 12) * MIN
      let de = r.pick([-1, 1]) * r.int(3, 12) * MIN
      if (londonDate(e.end + de) !== londonDate(e.end)) de = -de
      e.csc = { start: e.start + ds, end: e.end + de, fmt: r.chance(0.7) ? 'local' : 'Z' }
      e.minutesApart = true
    } else e.csc = { start: e.start, end: e.end, fmt: e.fmt === 'local' ? (r.chance(0.5) ? 'Z' : 'offset') : 'local' }
  },
  interviewPlans(e) {
    return [['none', 12], ['done', 40], ['exact72', e.minutesApart ? 0 : 3], ['late72_01', e.minutesApart ? 0 : 2], ['late', 12], ['declined', 9], ['declined_then_done', 5], ['not_held', 5], ['done_followup', 4], ['resent_to_done', 6]]
  },
  interviewAgency(r, e) {
    if (e.adult) return 'csc'
    return r.weighted([['charity', 45], ['csc', 30], ['charity2', 25]])
  },
}

const { stats } = generatePartnership(cfg, out)
console.log(JSON.stringify(stats))
