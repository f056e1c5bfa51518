#!/usr/bin/env node
// partnership/p3: "Irwell Cross", a large city area, 500 children, 2022-04-01 to 2026-03-31 (FY2022-FY2025).
// Seed 73071207. Usage: node gen-partnership-p3.mjs [outdir]
import { generatePartnership, quarters } from './partnership-lib.mjs'
import { person, filler } from './partnership-common.mjs'
import { fromLondon, bstStart, bstEnd, H, MIN, DAY } from './lib.mjs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] ?? join(here, 'partnership', 'p3')

const groups = [
  { name: 'white_british', w: 40, ethnicity: 'White British',
    girls: ['Chantelle', 'Jade', 'Kelsey', 'Shannon', 'Paige', 'Lacey', 'Tia', 'Leah', 'Caitlin', 'Brooke', 'Holly', 'Danielle', 'Millie', 'Ruby', 'Scarlett', 'Ella', 'Grace', 'Sophie', 'Lauren', 'Kirsty', 'Mia', 'Harriet'],
    boys: ['Kai', 'Connor', 'Jordan', 'Brandon', 'Declan', 'Mason', 'Jayden', 'Riley', 'Owen', 'Bradley', 'Nathan', 'Dylan', 'Luke', 'George', 'Alfie', 'Sam', 'Kieran', 'Aaron', 'Finley'],
    families: ['Hughes', 'Ogden', 'Kershaw', 'Lomax', 'Schofield', 'Greenhalgh', 'Brierley', 'Crossley', 'Whitworth', 'Butterworth', 'Holt', 'Pollitt', 'Barlow', 'Ramsden', 'Fletcher', 'Walsh', 'Jones', 'Taylor', 'Brown', 'Davies', 'Evans', 'Roberts', 'Walker', 'Wright', 'Hall', 'Clarke', 'Jackson', 'Mellor', 'Shaw', 'Heywood'] },
  { name: 'pakistani', w: 15, ethnicity: 'Asian or Asian British - Pakistani',
    girls: ['Aisha', 'Maryam', 'Zainab', 'Hafsa', 'Iqra', 'Amina', 'Sana', 'Hira', 'Anaya', 'Noor'], boys: ['Mohammed', 'Muhammad', 'Ibrahim', 'Hamza', 'Bilal', 'Usman', 'Zain', 'Ayaan', 'Haris', 'Adam'],
    families: ['Khan', 'Hussain', 'Akhtar', 'Iqbal', 'Mahmood', 'Rashid', 'Shah', 'Butt', 'Riaz', 'Ahmed', 'Aslam', 'Javed'] },
  { name: 'black_african', w: 12, ethnicity: 'Black or Black British - African',
    girls: ['Chiamaka', 'Adaeze', 'Blessing', 'Favour', 'Hodan', 'Ayan', 'Ifeoma', 'Precious', 'Deka'], boys: ['Chinedu', 'Tobi', 'Emeka', 'David', 'Abdirahman', 'Mustafe', 'Samuel', 'Daniel', 'Tunde'],
    families: ['Okafor', 'Adeyemi', 'Nwosu', 'Eze', 'Balogun', 'Mohamud', 'Farah', 'Warsame', 'Osei', 'Mensah', 'Abdi'] },
  { name: 'black_caribbean', w: 6, ethnicity: 'Black or Black British - Caribbean',
    girls: ['Shanice', 'Tanisha', 'Keisha', 'Jada', 'Aaliyah'], boys: ['Tyrese', 'Jerome', 'Marcus', 'Andre', 'Malachi'],
    families: ['Campbell', 'Bailey', 'Reid', 'Thomas', 'Francis', 'Grant', 'Morgan'] },
  { name: 'bangladeshi', w: 5, ethnicity: 'Asian or Asian British - Bangladeshi',
    girls: ['Tahmina', 'Sumaiya', 'Ruksana', 'Fahima'], boys: ['Rahim', 'Shahid', 'Abdul', 'Sabbir'],
    families: ['Begum', 'Miah', 'Uddin', 'Rahman', 'Islam', 'Ali'] },
  { name: 'mixed', w: 8, ethnicity: 'Mixed - White and Black Caribbean',
    girls: ['Imani', 'Layla', 'Kiara', 'Amelia', 'Nia'], boys: ['Reuben', 'Elijah', 'Isaac', 'Tyler'],
    families: ['Lewis', 'Robinson', 'Williams', 'Johnson', 'Simpson', 'Harris'] },
  { name: 'roma', w: 5, ethnicity: 'Gypsy/Roma',
    girls: ['Denisa', 'Alexandra', 'Ramona', 'Bianca', 'Lenuța'], boys: ['Florin', 'Marian', 'Ionuț', 'Vasile', 'Denis'],
    families: ['Lăcătuș', 'Stoica', 'Dumitru', 'Rostas', 'Caldararu', 'Balogová'] },
  { name: 'polish', w: 4, ethnicity: 'White - Polish',
    girls: ['Maja', 'Zofia', 'Amelia', 'Lena'], boys: ['Filip', 'Antoni', 'Dawid', 'Michał'],
    families: ['Kamińska', 'Wiśniewski', 'Dąbrowski', 'Kaczmarek', 'Pawlak'] },
  { name: 'vietnamese', w: 3, ethnicity: 'Asian - Vietnamese',
    girls: ['Linh', 'Thao', 'Mai'], boys: ['Minh', 'Duc', 'Tuan'], families: ['Nguyen', 'Tran', 'Pham', 'Le'] },
  { name: 'arab', w: 2, ethnicity: 'Arab',
    girls: ['Rania', 'Yasmin'], boys: ['Omar', 'Yousef', 'Khalid'], families: ['Al-Sayed', 'Haddad', 'Mansour'] },
]
const nicknames = { Chantelle: ['Chan'], Danielle: ['Dani'], Kirsty: ['Kirst'], Harriet: ['Hattie'], Bradley: ['Brad'], Nathan: ['Nate'], Kieran: ['Kie'], Mohammed: ['Mo'], Muhammad: ['Mo', 'Hamad'], Ibrahim: ['Ibby'], Abdirahman: ['Abdi'], Chinedu: ['Nedu'], Chiamaka: ['Amaka'], Adaeze: ['Daze'], Tobi: ['Tobs'], Samuel: ['Sam'], Daniel: ['Danny'], Alexandra: ['Alex'], Michał: ['Michal', 'Mike'], Elijah: ['Eli'], Tunde: ['Tee'], Abdul: ['Abs'], Zainab: ['Zee'], Aaliyah: ['Liyah'] }

const Q = quarters('2022-04-01', '2026-03-31')
const edges = [...Q.map((q) => q[0]), '2026-04-01']
const cfg = {
  title: 'partnership/p3 "Irwell Cross" (city, 500 children, FY2022-FY2025)',
  seed: 73071207, prefix: 'P3-', la: 352, from: '2022-04-01', to: '2026-03-31',
  lastRecordedAt: '2026-05-31T12:00:00Z', nChildren: 500, groups, nicknames,
  streets: ['Cheetham Road', 'Elm Street', 'Brunswick Walk', 'Ladybarn Lane', 'Cromwell Avenue', 'Victoria Parade', 'Moss Lane East', 'Rochdale Old Road', 'Clarence Street', 'Peel Terrace', 'Stamford Close', 'Hulme Way', 'Ardwick Green North', 'Gorton Place', 'Denton Row', 'Irk Vale Drive'],
  places: [{ town: 'Irwell Cross', pc: 'M8' }, { town: 'Irwell Cross', pc: 'M9' }, { town: 'Irwell Cross', pc: 'M13' }, { town: 'Irwell Cross', pc: 'M14' }, { town: 'Irwell Cross', pc: 'M16' }, { town: 'Irwell Cross', pc: 'M18' }, { town: 'Irwell Cross', pc: 'M40' }],
  agencies: [['police', 'Irwell Cross Police', 'police'], ['csc', 'Irwell Cross City Council Children\'s Services', 'childrens_social_care'], ['health', 'Irwell Cross NHS Foundation Trust', 'health'], ['school', 'Irwell Cross Education', 'education'], ['charity', 'Safe Return Irwell', 'voluntary']],
  personPrefix: { police: 'ICP', csc: 'LCS-', health: 'H', school: 'ED', charity: 'SR' }, personOffset: 10000, eventOffset: 40000,
  reporters: ['residential home staff', 'foster carer', 'mother', 'father', 'supported accommodation staff', 'school'],
  lastSeen: ['Piccadilly Gardens', 'Outside the Arndale', 'At the shisha lounge on Wilmslow Road', 'Getting into a taxi on Cheetham Hill Road', 'Victoria station', 'With older males at the park', 'Leaving the children\'s home by the back gate'],
  outcomes: ['Returned to the children\'s home', 'Found by officers in a flat in Ardwick', 'Found at a takeaway on Wilmslow Road', 'Returned home by taxi', 'Found at Victoria station by BTP', 'Walked into the police station'],
  cscWorkers: ['SW Okafor', 'SW Lomax', 'SW Rashid', 'EDT Kershaw', 'Residential manager Holt'],
  declineReasons: ['Child declined', 'Child said she was tired of being asked the same questions', 'Child walked out before the interview started', 'Parent refused the worker entry'],
  notHeldReasons: ['No worker available within the time', 'Child went missing again before it could be held', 'Family moved out of area', 'Could not locate the child'],
  childAccounts: ['Said she was at a party in a flat, would not say whose', 'Said he was with friends in town', 'Said an older man bought her food and vodka', 'Said he was made to hold a bag for someone', 'Would not speak about it', 'Said she stayed at her cousin\'s in Oldham', 'Said they went to Blackpool on the train'],
  interviewers: { charity: ['Return worker Mellor', 'Return worker Adeyemi', 'Return worker Schofield', 'Return worker Iqbal'], csc: ['SW Okafor', 'SW Lomax', 'SW Rashid'] },
  pRef: 0.55, pRefCsc: 0.4, pRecordedLate: 0.1,
  pickFmt: (r) => r.weighted([['local', 65], ['Z', 22], ['offset', 13]]),
  person, filler,
  assignDobs(r, children) {
    for (const c of children) c.dob = `${r.int(2008, 2014)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    for (const c of children) if (c.dob < '2008-06-01') c.dob = '2009' + c.dob.slice(4) // under 18 on every day up to May 2026
  },
  episodes({ r, children, mkEp, randomDuration, randomStart, P0, P1 }) {
    const order = r.shuffle(children.map((_, i) => i))
    const withEps = order.slice(0, 320).map((i) => children[i])
    const without = order.slice(320).map((i) => children[i])
    for (const c of withEps) {
      c.lac = r.chance(0.35)
      const n = r.weighted([[1, 40], [r.int(2, 3), 30], [r.int(4, 8), 22], [r.int(9, 15), 8]])
      for (let k = 0; k < n; k++) { const s = randomStart(P0 - 15 * DAY, P1 - DAY); mkEp(c, s, s + randomDuration()) }
    }
    // very many episodes for a few children: bursts of short episodes, two in a day at times
    for (const c of withEps.slice(0, 7)) {
      c.lac = true
      c.eps.length = 0
      const q = Q[r.int(0, Q.length - 2)]
      const [y, m, d] = q[0].split('-').map(Number)
      let t = fromLondon(y, m, d, 12) + r.int(0, 20) * DAY
      const n = r.int(25, 70)
      for (let k = 0; k < n && t < P1 - 5 * DAY; k++) {
        const s = t + r.weighted([[r.int(3, 8), 35], [r.int(9, 48), 45], [r.int(49, 200), 20]]) * H
        const e = s + r.int(60, 14 * 60) * MIN
        mkEp(c, s, e)
        t = e
      }
    }
    // returns at the quarters' edges, London date decided by BST/GMT
    const pool = withEps.slice(7)
    let pi = 0
    for (const edge of edges) {
      const [y, m, d] = edge.split('-').map(Number)
      const em = fromLondon(y, m, d, 0)
      for (let k = 0; k < 8; k++) {
        let off = r.int(-100, 100)
        if (off === 0) off = 1
        const end = em + off * MIN
        mkEp(pool[pi++ % pool.length], end - r.int(2, 30) * H, end, { keep: true, tag: 'edge', fmt: r.weighted([['Z', 50], ['offset', 25], ['local', 25]]) })
      }
      // a UTC time just before midnight: next day in London under BST, same day under GMT
      const z = Date.UTC(y, m - 1, d - 1, 23, r.int(1, 59))
      mkEp(pool[pi++ % pool.length], z - r.int(3, 20) * H, z, { keep: true, tag: 'edge', fmt: 'Z' })
    }
    // interviews at exactly 72 elapsed hours across each clock change
    for (let y = 2022; y <= 2026; y++) {
      for (const change of [bstStart(y), bstEnd(y)]) {
        if (change < P0 || change > P1) continue
        const variants = [
          ['local', 72 * 60], ['local', 72 * 60 + 1], ['local', 72 * 60 - 1], ['Z', 72 * 60],
          ['wall', 0], ['wall', -60], ['wall', 60],
        ]
        for (const [how, mins] of variants) {
          const end = change - r.int(6, 60) * H - r.int(0, 59) * MIN
          const c = pool[pi++ % pool.length]
          mkEp(c, end - r.int(2, 20) * H, end, { keep: true, tag: 'clock', fmt: 'local', plan: ({ add, e }) => {
            // 'wall': the same wall-clock time three days later (+/- an hour), which is not 72 elapsed hours
            const at = how === 'wall' ? e.end + 72 * H + (change === bstStart(new Date(change).getUTCFullYear()) ? -H : H) + mins * MIN : e.end + mins * MIN
            add('done', at, 'done', { fmt: how === 'Z' ? 'Z' : 'local' })
          } })
        }
      }
    }
    // still open at the end (no return), and returned after the period
    for (const c of without.slice(0, 16)) {
      const s = randomStart(P1 - (c === without[0] ? 300 : 70) * DAY, P1 - 2 * H)
      mkEp(c, s, null, { keep: true })
    }
    for (const c of without.slice(16, 26)) {
      const s = randomStart(P1 - 6 * DAY, P1 - 2 * H)
      mkEp(c, s, P1 + r.int(3, 200) * H, { keep: true })
    }
    // one started before the period and returned in it; one returned the day before it began
    mkEp(without[26], P0 - 9 * DAY, P0 + 3 * DAY + 5 * H, { keep: true })
    mkEp(without[27], P0 - 3 * DAY, P0 - 50 * MIN, { keep: true })
    // corrected returns (latest version counts) and withdrawn reports
    for (const c of pool.slice(200, 212)) {
      const s = randomStart(P0 + 20 * DAY, P1 - 30 * DAY)
      const end = s + r.int(3, 40) * H
      mkEp(c, s, end, { keep: true, corr: { wrongEnd: end + r.pick([-1, 1]) * r.int(2, 30) * H, backfill: r.chance(0.3) } })
    }
    for (const c of pool.slice(220, 223)) { const s = randomStart(P0 + 30 * DAY, P1 - 40 * DAY); mkEp(c, s, s + 5 * H, { withdrawn: true }) }
  },
  decorate({ r, c, e }) {
    if (e.withdrawn || !c.lac || e.corr) return
    if (r.chance(0.3)) e.csc = { start: e.start, end: e.end, fmt: r.chance(0.4) ? (e.fmt === 'local' ? 'Z' : 'local') : e.fmt }
  },
  interviewPlans() {
    return [['none', 14], ['done', 44], ['exact72', 2], ['late72_01', 2], ['late', 13], ['declined', 8], ['declined_then_done', 4], ['not_held', 6], ['done_followup', 4], ['resent_to_done', 3]]
  },
  interviewAgency(r) { return r.chance(0.75) ? 'charity' : 'csc' },
}

const { stats, children } = generatePartnership(cfg, out)
const eps = children.flatMap((c) => c.eps)
console.error(JSON.stringify({ edge: eps.filter((e) => e.tag === 'edge').length, clock: eps.filter((e) => e.tag === 'clock').length, corrected: eps.filter((e) => e.corr).length }))
console.log(JSON.stringify(stats))
