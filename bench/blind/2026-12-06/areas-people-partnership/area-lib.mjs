// Generator of one linkage evaluation area (agency NDJSON files per year + IMPORT.sh + truth.csv).
// Used by area-z1.mjs and area-z2.mjs with their own seed and profile.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  rng, nhsNumber, nhsSpaced, upn, pncId, ymd, pad, wall, addH, addD, randDate, typo, stripAccents,
  swapDayMonth, NICK, TRANSLIT, SURNAME_VARIANTS,
} from './lib.mjs'

export const CULTURES = {
  british: {
    m: ['Jack', 'Oliver', 'Harry', 'Charlie', 'Thomas', 'James', 'William', 'Joshua', 'Daniel', 'Callum', 'Kyle', 'Jayden', 'Connor', 'Liam', 'Bradley', 'Lewis', 'Ryan', 'Alfie', 'Tyler', 'Mason', 'Riley', 'Jamie', 'Nathan', 'Joseph', 'Samuel', 'Ethan', 'Reece', 'Brandon', 'Kieran', 'Jordan', 'Luke', 'Matthew', 'Leo', 'Archie', 'Frederick', 'Theodore', 'Harrison', 'Michael', 'Anthony', 'Christopher'],
    f: ['Olivia', 'Amelia', 'Emily', 'Jessica', 'Lily', 'Chloe', 'Ellie', 'Sophie', 'Grace', 'Ruby', 'Mia', 'Megan', 'Chantelle', 'Courtney', 'Jade', 'Shannon', 'Kayleigh', 'Paige', 'Bethany', 'Abigail', 'Charlotte', 'Isabelle', 'Rebecca', 'Holly', 'Amber', 'Leah', 'Niamh', 'Evie', 'Poppy', 'Katie', 'Lauren', 'Demi', 'Tegan', 'Caitlin', 'Elizabeth', 'Samantha', 'Danielle', 'Zoë', 'Chloë', 'Renée'],
    s: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Wood', 'Thompson', 'Robinson', 'Wright', 'Green', 'Hall', 'Hughes', 'Clarke', 'Jackson', 'Holmes', 'Shaw', 'Lee', 'Harrison', 'Turner', 'Barker', 'Sutcliffe', 'Greenwood', 'Ackroyd', 'Crowther', 'Haigh', 'Hirst', 'Marsden', 'Firth', 'Whiteley', 'Ramsden', 'Booth', 'Priestley', 'Lister', 'Bottomley', 'Heaton', 'Mitchell', 'Pickles', 'Sykes', 'Kershaw'],
    mid: ['James', 'John', 'Lee', 'Mae', 'Rose', 'Louise', 'Marie', 'Jane', 'Paul', 'David'],
  },
  pakistani: {
    m: ['Muhammad', 'Mohammed', 'Ali', 'Hamza', 'Ibrahim', 'Zain', 'Ayaan', 'Bilal', 'Usman', 'Imran', 'Adnan', 'Haris', 'Faisal', 'Rehan', 'Zakariya', 'Yusuf', 'Umar', 'Abdullah', 'Saad', 'Haider', 'Danyal', 'Rayyan'],
    f: ['Aisha', 'Fatima', 'Maryam', 'Zainab', 'Hafsa', 'Aleena', 'Anaya', 'Khadija', 'Sana', 'Iqra', 'Amna', 'Hira', 'Mahnoor', 'Noor', 'Safiya', 'Sumaiya', 'Ayesha', 'Inaya', 'Alisha', 'Zara', 'Samina', 'Nadia'],
    s: ['Khan', 'Hussain', 'Ali', 'Ahmed', 'Akhtar', 'Iqbal', 'Mahmood', 'Shah', 'Bibi', 'Rashid', 'Mirza', 'Chaudhry', 'Butt', 'Qureshi', 'Riaz', 'Aslam', 'Anwar', 'Javed', 'Malik', 'Siddiqui'],
    motherSurname: ['Begum', 'Bibi', 'Akhtar', 'Kausar'],
    mid: ['Ali', 'Hassan', 'Ahmed', 'Zain', 'Noor'],
  },
  bangladeshi: {
    m: ['Mohammed', 'Abdul', 'Rahim', 'Sayed', 'Shahid', 'Mizanur', 'Rumel', 'Tanvir', 'Ishaq', 'Arif', 'Jamal', 'Rayhan'],
    f: ['Fatema', 'Sumaiya', 'Tasnim', 'Nusrat', 'Shirin', 'Rukshana', 'Afia', 'Jannat', 'Mariam', 'Tahmina', 'Sadia'],
    s: ['Uddin', 'Miah', 'Rahman', 'Islam', 'Ahmed', 'Hoque', 'Choudhury', 'Ali', 'Hussain', 'Khatun', 'Begum', 'Chowdhury'],
    motherSurname: ['Begum', 'Khatun', 'Bibi'],
    mid: ['Rahman', 'Uddin', 'Ali', 'Hossain'],
  },
  somali: {
    m: ['Abdirahman', 'Abdullahi', 'Mohamed', 'Ahmed', 'Hassan', 'Omar', 'Yusuf', 'Abdi', 'Ismail', 'Mustafa', 'Khalid', 'Hamza'],
    f: ['Hodan', 'Fadumo', 'Amina', 'Ayaan', 'Hibo', 'Sagal', 'Ifrah', 'Nimco', 'Deeqa', 'Layla', 'Khadija', 'Safiya'],
    s: ['Mohamed', 'Ali', 'Hassan', 'Abdi', 'Farah', 'Osman', 'Warsame', 'Jama', 'Nur', 'Ahmed', 'Ibrahim', 'Yusuf', 'Hussein', 'Abdullahi'],
    twoPart: true,
  },
  arabic: {
    m: ['Yusuf', 'Omar', 'Khalid', 'Mustafa', 'Ahmed', 'Tariq', 'Rashid', 'Ibrahim', 'Adam', 'Karim', 'Sami', 'Hassan'],
    f: ['Mariam', 'Layla', 'Noor', 'Yasmin', 'Amira', 'Fatima', 'Huda', 'Salma', 'Rania', 'Lina', 'Aisha', 'Zainab'],
    s: ['Al-Hassan', 'Al-Sayed', 'Haddad', 'Mansour', 'Abdullah', 'Saleh', 'Khalil', 'Nasser', 'Hamdan', 'El-Amin', 'Youssef', 'Darwish'],
  },
  polish: {
    m: ['Jakub', 'Kacper', 'Szymon', 'Filip', 'Mateusz', 'Łukasz', 'Dominik', 'Wojciech', 'Michał', 'Bartosz', 'Oskar', 'Aleksander'],
    f: ['Zuzanna', 'Julia', 'Zofia', 'Maja', 'Natalia', 'Katarzyna', 'Aleksandra', 'Wiktoria', 'Weronika', 'Oliwia', 'Małgorzata', 'Hanna'],
    s: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski'],
    feminine: true,
  },
  romanian: {
    m: ['Andrei', 'Mihai', 'Alexandru', 'Ionuț', 'Gabriel', 'Florin', 'Cristian', 'Darius'],
    f: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Alexandra', 'Bianca', 'Daria', 'Roxana'],
    s: ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Constantin', 'Stoica', 'Lungu', 'Rostaș', 'Căldăraru'],
  },
  ukrainian: {
    m: ['Oleksandr', 'Dmytro', 'Andriy', 'Maksym', 'Bohdan', 'Artem', 'Danylo'],
    f: ['Sofiia', 'Anastasiia', 'Yana', 'Kateryna', 'Daryna', 'Viktoriia', 'Polina'],
    s: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Oliynyk'],
  },
  traveller: {
    m: ['Patrick', 'John', 'Michael', 'Martin', 'Johnny', 'Thomas', 'Christy', 'Bernard', 'Jimmy', 'Francie'],
    f: ['Bridget', 'Mary', 'Margaret', 'Kathleen', 'Nora', 'Ellen', 'Winnie', 'Bridie', 'Josie', 'Helen'],
    s: ['McDonagh', 'Ward', 'Joyce', 'Maughan', 'Stokes', "O'Reilly", 'Connors', 'McGinley', 'Doherty', 'Delaney', 'Cash', 'Collins'],
    namesakeHigh: true,
  },
  irish: {
    m: ['Seán', 'Cian', 'Oisín', 'Darragh', 'Conor', 'Padraig', 'Ciarán'],
    f: ['Siobhán', 'Aoife', 'Niamh', 'Caoimhe', 'Róisín', 'Saoirse', 'Orla'],
    s: ["O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Ryan', "O'Sullivan", 'Walsh', 'Doyle', 'McCarthy', 'Gallagher'],
  },
  westafrican: {
    m: ['Oluwaseun', 'Chukwuemeka', 'Tobi', 'David', 'Samuel', 'Emmanuel', 'Daniel', 'Oluwadamilare', 'Kwame', 'Tyrone'],
    f: ['Precious', 'Blessing', 'Favour', 'Adaeze', 'Chioma', 'Temitope', 'Grace', 'Abena', 'Esther', 'Jermaine'],
    s: ['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Adebayo', 'Oyelaran', 'Campbell', 'Williams', 'Johnson', 'Asante'],
  },
}
const FEM = (s) => s.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka')

const STREET_KIND = ['Street', 'Road', 'Lane', 'Avenue', 'Close', 'Terrace', 'Way', 'Court', 'Grove', 'Drive']

export function generateArea(cfg) {
  const R = rng(cfg.seed)
  const out = cfg.out
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const AG = ['police', 'csc', 'health', 'school', 'charity', 'housing', 'yjs', 'cps']

  // ---------- places ----------
  const streets = []
  for (let i = 0; i < cfg.streets.length; i++)
    streets.push({ name: cfg.streets[i] + ' ' + R.pick(STREET_KIND), pc: R.pick(cfg.postcodeOut) })
  const pcIn = () => `${R.int(1, 9)}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${R.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}`
  const mkAddr = () => {
    const st = R.pick(streets)
    const flat = R.chance(0.15) ? `Flat ${R.int(1, 12)}, ` : ''
    return { line1: `${flat}${R.int(1, 180)} ${st.name}`, town: cfg.town, postcode: `${st.pc} ${pcIn()}` }
  }
  const schools = cfg.schools.map((n, i) => ({ name: n, estab: String(2000 + R.int(0, 7999)).padStart(4, '0') }))

  // ---------- people ----------
  let pid = 0
  const people = [] // {id, child, given, middle, family, familyParts, sex, dob, dobKnown, nhs, upn, pnc, culture, addrHist, phone}
  const families = []
  const newPerson = (o) => {
    const p = { id: `${cfg.prefix}${String(++pid).padStart(5, '0')}`, ...o }
    people.push(p)
    return p
  }
  function givenFor(C, sex, avoid = []) {
    for (let k = 0; k < 20; k++) {
      const g = R.zipf(C[sex === 'female' ? 'f' : 'm'], 0.7)
      if (!avoid.includes(g)) return g
    }
    return R.pick(C[sex === 'female' ? 'f' : 'm'])
  }
  const nChildrenTarget = cfg.children
  let nChildren = 0
  const yearsFrom = cfg.years[0], yearsTo = cfg.years[cfg.years.length - 1]
  while (nChildren < nChildrenTarget) {
    const cult = pickWeighted(R, cfg.cultures)
    const C = CULTURES[cult]
    let fam = R.zipf(C.s, 0.8)
    const famParts = C.twoPart ? [R.pick(C.s), fam] : null // somali: father's name + grandfather's name
    const hyph = !C.twoPart && cult === 'british' && R.chance(0.12) ? `${fam}-${R.pick(C.s.filter((x) => x !== fam))}` : null
    // address history: 1..3 addresses with move dates
    const addrHist = [{ from: '1990-01-01', addr: mkAddr() }]
    const moves = R.chance(0.45) ? R.int(1, 2) : 0
    for (let m = 0; m < moves; m++) addrHist.push({ from: ymd(randDate(R, yearsFrom - 1, yearsTo - 1)), addr: mkAddr() })
    addrHist.sort((a, b) => (a.from < b.from ? -1 : 1))
    const phone = `07700 900${String(R.int(0, 999)).padStart(3, '0')}`
    const motherDob = randDate(R, 1972, 1992)
    const mother = newPerson({
      child: false, sex: 'female', culture: cult,
      given: givenFor(C, 'female'),
      family: C.motherSurname && R.chance(0.6) ? R.pick(C.motherSurname) : C.feminine ? FEM(fam) : famParts ? R.pick(C.s) : fam,
      dob: ymd(motherDob), addrHist, phone, nhs: nhsNumber(R),
    })
    const hasFather = R.chance(0.6)
    const father = hasFather
      ? newPerson({
          child: false, sex: 'male', culture: cult, given: famParts ? famParts[0] : givenFor(C, 'male'),
          family: famParts ? famParts[1] : fam, dob: ymd(randDate(R, 1965, 1990)), addrHist,
          phone: `07700 900${String(R.int(0, 999)).padStart(3, '0')}`, nhs: nhsNumber(R),
          pnc: R.chance(0.35) ? pncId(R, R.int(2000, 2015)) : null,
        })
      : null
    const nkids = R.zipf([1, 2, 3, 4], 1.1)
    const kids = []
    let lastDob = randDate(R, Math.max(motherDob.getUTCFullYear() + 17, 2003), 2008)
    for (let k = 0; k < nkids; k++) {
      const twin = k > 0 && R.chance(cfg.twinRate)
      const dobD = twin ? kids[k - 1]._dobD : k === 0 ? lastDob : addD(lastDob, R.int(330, 1500))
      if (dobD.getUTCFullYear() > 2016) break
      lastDob = dobD
      const sex = twin && R.chance(0.5) ? kids[k - 1].sex : R.chance(0.5) ? 'female' : 'male'
      let given
      const namesakeP = C.namesakeHigh ? 0.25 : 0.05
      if (k === 0 && sex === 'male' && father && !famParts && R.chance(namesakeP)) given = father.given
      else if (k === 0 && sex === 'female' && R.chance(namesakeP * 0.6)) given = mother.given
      else if (sex === 'male' && (cult === 'pakistani' || cult === 'bangladeshi') && R.chance(0.35)) given = R.pick(['Muhammad', 'Mohammed'])
      else given = givenFor(C, sex, kids.map((x) => x.given))
      const middle = (cult === 'pakistani' || cult === 'bangladeshi') && given.match(/^M[uo]hamm/) ? givenFor(C, sex, [given]) : R.chance(0.35) && C.mid ? R.pick(C.mid) : null
      const family = hyph && R.chance(0.8) ? hyph : C.feminine && sex === 'female' ? FEM(fam) : fam
      const kid = newPerson({
        child: true, sex, culture: cult, given, middle, family,
        familyParts: famParts ? [famParts[0], famParts[1]] : null, // somali child: [father's given, grandfather]
        dob: ymd(dobD), _dobD: dobD, addrHist, nhs: nhsNumber(R),
        upn: null, pnc: null, phone: R.chance(0.5) ? `07700 900${String(R.int(0, 999)).padStart(3, '0')}` : null,
        placeholderDob: cfg.placeholderRate && R.chance(cfg.placeholderRate),
        twin: twin ? kids[k - 1].id : null, school: R.pick(schools),
      })
      if (famParts) kid.family = father ? `${father.given} ${father.family}` : `${R.pick(C.m)} ${famParts[1]}`, (kid.familyParts = kid.family.split(' '))
      if (twin) kids[k - 1].twin = kid.id
      kid.upn = upn(R, cfg.la, kid.school.estab, pad((dobD.getUTCFullYear() + 5) % 100))
      kids.push(kid)
      nChildren++
    }
    families.push({ cult, mother, father, kids, addrHist })
  }

  // suspects: adults of concern, some shared across children
  const suspects = []
  for (let i = 0; i < Math.round(cfg.children / 8); i++) {
    const cult = pickWeighted(R, cfg.cultures)
    const C = CULTURES[cult]
    suspects.push(
      newPerson({
        child: false, sex: R.chance(0.88) ? 'male' : 'female', culture: cult,
        given: null, family: R.zipf(C.s, 0.8), dob: ymd(randDate(R, 1975, 2004)),
        addrHist: [{ from: '1990-01-01', addr: mkAddr() }], pnc: R.chance(0.7) ? pncId(R, R.int(2005, 2020)) : null,
        phone: `07700 900${String(R.int(0, 999)).padStart(3, '0')}`,
        vehicle: R.chance(0.4) ? `${R.pick(['YK', 'YA', 'BD', 'MA', 'BN', 'LS'])}${R.int(10, 24)} ${'ABCDEFGHJKLMNPRSTUVWXYZ'[R.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[R.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[R.int(0, 22)]}` : null,
      }),
    )
    const s = suspects[suspects.length - 1]
    s.given = givenFor(C, s.sex)
  }

  // ---------- agency records ----------
  const counters = Object.fromEntries(AG.map((a) => [a, { p: 0, e: 0, r: 0 }]))
  const pfx = { police: 'PN', csc: 'LL', health: 'RX', school: 'SIMS', charity: 'CH', housing: 'HSG', yjs: 'YOT', cps: 'CPS' }
  const newSid = (a) => `${pfx[a]}${String(++counters[a].p + (a === 'police' ? 40000 : 1000)).padStart(6, '0')}`
  const newEid = (a) => `${pfx[a]}-E${String(++counters[a].e + 100).padStart(6, '0')}`
  const lines = new Map() // year -> agency -> [obj]
  const emit = (year, agency, obj) => {
    if (!lines.has(year)) lines.set(year, new Map())
    const m = lines.get(year)
    if (!m.has(agency)) m.set(agency, [])
    m.get(agency).push(obj)
  }
  const truth = [] // agency, source_id, person_id, is_child
  const recOf = new Map() // `${agency}|${personId}` -> [sid...] (main first)

  const addrAt = (p, dateStr) => {
    let a = p.addrHist[0].addr
    for (const h of p.addrHist) if (h.from <= dateStr) a = h.addr
    return a
  }
  const oldAddr = (p, dateStr) => {
    let prev = null, a = p.addrHist[0].addr
    for (const h of p.addrHist) if (h.from <= dateStr) (prev = a), (a = h.addr)
    return prev && prev !== a ? prev : a
  }

  // agency style -> how a person is written
  const STY = {
    police: { nick: 0.3, typo: 0.05, translit: 0.3, accent: 0.9, dob: { exact: 0.82, missing: 0.08, swap: 0.04, typo: 0.03, jan1: 0.03 }, middle: 0.1, addr: 0.85, old: 0.15, swapNames: 0.02 },
    csc: { nick: 0.02, typo: 0.02, translit: 0.12, accent: 0.3, dob: { exact: 0.95, missing: 0.01, swap: 0.02, typo: 0.02 }, middle: 0.5, addr: 0.97, old: 0.05, swapNames: 0.01 },
    health: { nick: 0.01, typo: 0.02, translit: 0.15, accent: 0.4, dob: { exact: 0.96, missing: 0.0, swap: 0.02, typo: 0.02 }, middle: 0.6, addr: 0.97, old: 0.3, swapNames: 0.02 },
    school: { nick: 0.03, typo: 0.015, translit: 0.1, accent: 0.2, dob: { exact: 0.97, swap: 0.015, typo: 0.015 }, middle: 0.3, addr: 0.95, old: 0.12, swapNames: 0.01 },
    charity: { nick: 0.55, typo: 0.06, translit: 0.35, accent: 0.7, dob: { exact: 0.4, ym: 0.12, y: 0.13, missing: 0.3, swap: 0.05 }, middle: 0, addr: 0.35, old: 0.2, swapNames: 0.03 },
    housing: { nick: 0.1, typo: 0.04, translit: 0.25, accent: 0.95, dob: { exact: 0.35, missing: 0.6, swap: 0.03, jan1: 0.02 }, middle: 0, addr: 1, old: 0.0, swapNames: 0.03 },
    yjs: { nick: 0.05, typo: 0.02, translit: 0.15, accent: 0.6, dob: { exact: 0.95, swap: 0.03, typo: 0.02 }, middle: 0.3, addr: 0.95, old: 0.1, swapNames: 0.01 },
    cps: { nick: 0.08, typo: 0.04, translit: 0.2, accent: 1, dob: { exact: 0.85, missing: 0.1, swap: 0.03, typo: 0.02 }, middle: 0.1, addr: 0.3, old: 0.2, swapNames: 0.02 },
  }
  const pickDobStyle = (d) => {
    let x = R.next()
    for (const [k, v] of Object.entries(d)) if ((x -= v) <= 0) return k
    return 'exact'
  }
  function renderPerson(agency, p, atStr, fixed) {
    // fixed: the agency's per-record choices, made once at record creation so re-sends are stable
    const S = STY[agency]
    const o = { type: 'person', agency, source_id: fixed.sid }
    o.given_name = fixed.given
    o.family_name = fixed.family
    if (fixed.dob) o.date_of_birth = fixed.dob
    o.sex = fixed.sex
    if (fixed.nhs) o.nhs_number = fixed.nhs
    if (fixed.upn) o.upn = fixed.upn
    if (fixed.pnc) o.pnc_id = fixed.pnc
    if (fixed.addrMode) {
      const a = fixed.addrMode === 'old' ? oldAddr(p, atStr) : addrAt(p, atStr)
      o.address = agency === 'charity' ? (R.chance(0.5) ? { postcode: a.postcode } : { line1: a.line1, postcode: a.postcode }) : { ...a }
      if (agency === 'police' && fixed.pcLower) o.address.postcode = a.postcode.toLowerCase().replace(' ', '')
      if (agency === 'police' || agency === 'housing' || agency === 'cps') o.address.line1 = stripAccents(o.address.line1)
    }
    if (fixed.phone) o.phone = fixed.phone
    if (fixed.ethnicity) o.ethnicity = fixed.ethnicity
    if (fixed.is_child != null) o.is_child = fixed.is_child
    if (fixed.other_names) o.other_names = fixed.other_names
    return o
  }
  function chooseFixed(agency, p, opts = {}) {
    const S = STY[agency]
    const C = CULTURES[p.culture]
    let given = p.given
    const tv = TRANSLIT[given]
    if (tv && R.chance(S.translit)) given = R.pick(tv)
    const nk = NICK[p.given]
    let other_names = null
    if (nk && R.chance(S.nick)) {
      const n = R.pick(nk)
      if (agency === 'police' && R.chance(0.4)) other_names = [n]
      else given = n
    }
    if (R.chance(S.accent)) given = stripAccents(given)
    if (p.middle && R.chance(S.middle)) given = `${given} ${p.middle}`
    let family = p.family
    if (p.familyParts) {
      // two-part (Somali) family name written as both parts, the last, or the first
      const k = R.next()
      family = k < 0.45 ? p.familyParts.join(' ') : k < 0.75 ? p.familyParts[1] : p.familyParts[0]
      if (agency === 'police' && R.chance(0.2)) given = `${given} ${p.familyParts[0]}`, (family = p.familyParts[1])
    }
    if (family.includes('-') && !family.startsWith('Al-') && !family.startsWith('El-')) {
      const k = R.next()
      const [a, b] = family.split('-')
      family = k < 0.55 ? family : k < 0.75 ? a : k < 0.85 ? b : `${a} ${b}`
    }
    if (family.match(/^(Al|El)-/) && R.chance(0.5)) family = R.chance(0.5) ? family.replace('-', ' ') : family.slice(3)
    const sv = SURNAME_VARIANTS[family]
    if (sv && R.chance(S.translit)) family = R.pick(sv)
    if (R.chance(S.accent)) family = stripAccents(family)
    if (R.chance(S.typo)) R.chance(0.5) ? (given = typo(R, given)) : (family = typo(R, family))
    if (agency === 'police' && R.chance(0.15)) family = family.toUpperCase()
    if (R.chance(S.swapNames)) [given, family] = [family, given]
    let dob = p.dob
    let st = pickDobStyle(S.dob)
    if (p.placeholderDob && (agency === 'health' || agency === 'police' || agency === 'housing' || R.chance(0.3))) st = 'jan1'
    if (opts.adult && agency === 'housing') st = R.chance(0.55) ? 'missing' : 'exact'
    if (st === 'missing') dob = null
    else if (st === 'swap') dob = swapDayMonth(dob) || dob
    else if (st === 'typo') {
      const [y, m, d] = dob.split('-')
      const nd = Math.min(28, Math.max(1, Number(d) + R.pick([-1, 1, 10, -10])))
      dob = R.chance(0.5) ? `${y}-${m}-${pad(nd)}` : `${Number(y) + R.pick([-1, 1])}-${m}-${d}`
    } else if (st === 'ym') dob = dob.slice(0, 7)
    else if (st === 'y') dob = dob.slice(0, 4)
    else if (st === 'jan1') dob = `${Number(dob.slice(0, 4)) + (R.chance(0.3) ? R.pick([-1, 1]) : 0)}-01-01`
    const f = { given, family, dob, sex: R.chance(agency === 'charity' ? 0.2 : 0.03) ? undefined : p.sex }
    if (agency === 'health' && p.nhs && R.chance(0.97)) f.nhs = R.chance(0.4) ? nhsSpaced(p.nhs) : p.nhs
    if (agency === 'csc' && p.nhs && R.chance(0.45)) f.nhs = p.nhs
    if (agency === 'yjs' && p.nhs && R.chance(0.2)) f.nhs = p.nhs
    if (p.child && p.upn && agency === 'school' && R.chance(0.96)) f.upn = p.upn
    if (p.child && p.upn && agency === 'csc' && R.chance(0.4)) f.upn = p.upn
    if (p.child && p.upn && agency === 'yjs' && R.chance(0.3)) f.upn = p.upn
    if (p.pnc && (agency === 'police' ? R.chance(0.8) : agency === 'yjs' ? R.chance(0.85) : agency === 'cps' ? R.chance(0.6) : false)) f.pnc = p.pnc
    if (R.chance(S.addr)) f.addrMode = R.chance(S.old) ? 'old' : 'current'
    f.pcLower = R.chance(0.2)
    if (p.phone && (agency === 'charity' ? R.chance(0.7) : agency === 'police' ? R.chance(0.3) : agency === 'housing' ? R.chance(0.5) : false)) f.phone = p.phone
    if ((agency === 'csc' || agency === 'school') && R.chance(0.7)) f.ethnicity = cfg.ethnicityLabel[p.culture]
    if (p.child && (agency === 'csc' || agency === 'school' || agency === 'yjs' || ((agency === 'charity' || agency === 'housing') && !f.dob))) f.is_child = true
    if (!p.child && agency === 'housing') f.is_child = false
    if (other_names) f.other_names = other_names
    f.sid = newSid(agency)
    return f
  }
  // the record(s) an agency holds for a person, created on first contact
  const recs = new Map()
  function recFor(agency, p, atStr, opts = {}) {
    const k = `${agency}|${p.id}`
    let r = recs.get(k)
    if (!r || (opts.allowDup && R.chance(cfg.dupRate))) {
      const fixed = chooseFixed(agency, p, opts)
      const nr = { fixed, p, sentVersions: new Set() }
      truth.push([agency, fixed.sid, p.id, p.child ? 1 : 0])
      if (!r) recs.set(k, (r = nr))
      else return nr
    }
    return r
  }
  function sendPerson(agency, rec, at, year) {
    const atStr = ymd(at)
    const o = renderPerson(agency, rec.p, atStr, rec.fixed)
    const key = `${year}`
    if (rec.sentVersions.has(key)) return
    rec.sentVersions.add(key)
    o.recorded_at = wall(addH(at, -2))
    emit(year, agency, o)
  }
  function event(agency, rec, kind, at, extra = {}, recordLagH = 6) {
    const year = at.getUTCFullYear()
    const endAt = extra.ended_at ? new Date(extra.ended_at + 'Z') : at
    if (addH(endAt, recordLagH) > cfg.lastRecorded) return null
    sendPerson(agency, rec, at, year)
    const eid = extra.source_id || newEid(agency)
    delete extra.source_id
    const e = { type: 'event', agency, source_id: eid, kind, subject: rec.fixed.sid, occurred_at: wall(at), ...extra }
    const rAt = addH(e.ended_at ? new Date(e.ended_at + 'Z') : at, recordLagH)
    e.recorded_at = wall(rAt > cfg.lastRecorded ? cfg.lastRecorded : rAt)
    if (rAt > cfg.lastRecorded) return null
    emit(year, agency, e)
    return eid
  }

  // ---------- life courses ----------
  const yearsOk = (p) => cfg.years.filter((y) => y - Number(p.dob.slice(0, 4)) >= 0 && y - Number(p.dob.slice(0, 4)) <= 17)
  const tAt = (y, h0 = 8, h1 = 22) => {
    const d = randDate(R, y, y)
    const last = new Date(Date.UTC(cfg.lastRecorded.getUTCFullYear(), 11, 10))
    const dd = d > last ? addD(last, -R.int(0, 40)) : d
    return new Date(dd.getTime() + R.int(h0, h1) * 3600000 + R.int(0, 59) * 60000)
  }
  const summaries = {
    concern: ['Concern raised about presentation and unexplained injury', 'Seen with older males in a car near the shops', 'Disclosed not feeling safe at home', 'Staff concerned about new phone and money', 'Reported staying out late with unknown adults'],
    contact_referral: ['Referral from school: neglect concerns', 'Police notification following DA incident at home', 'Referral from health visitor', 'Anonymous referral regarding supervision'],
    note: ['Drop-in session attended', 'Home visit, no answer', 'Spoke to mum on phone', 'Outreach contact in town centre'],
  }
  const kidsAll = families.flatMap((f) => f.kids.map((k) => ({ k, f })))
  for (const { k, f } of kidsAll) {
    const ys = yearsOk(k)
    if (!ys.length) continue
    const riskLevel = R.zipf([0, 1, 2, 3], 0.9) // 0 universal services only ... 3 high risk
    const has = {
      health: R.chance(0.9),
      school: R.chance(0.85) && ys.some((y) => y - Number(k.dob.slice(0, 4)) >= 5),
      csc: riskLevel >= 1 ? R.chance(0.85) : R.chance(0.2),
      police: riskLevel >= 2 ? R.chance(0.9) : R.chance(0.2),
      charity: riskLevel >= 2 ? R.chance(0.6) : R.chance(0.08),
      housing: R.chance(0.3),
      yjs: riskLevel >= 3 ? R.chance(0.5) : R.chance(0.02),
      cps: false,
    }
    if (!Object.values(has).some(Boolean)) has.health = true
    if (has.yjs) k.pnc = pncId(R, R.pick(ys))
    const pickY = (minAge = 0) => R.pick(ys.filter((y) => y - Number(k.dob.slice(0, 4)) >= minAge).concat(ys).slice(0, Math.max(1, ys.length)))
    const schoolYears = ys.filter((y) => y - Number(k.dob.slice(0, 4)) >= 5)
    const teenYears = ys.filter((y) => y - Number(k.dob.slice(0, 4)) >= 11)
    const busyYears = teenYears.length ? teenYears : ys
    if (has.health) {
      const n = R.int(1, 3)
      for (let i = 0; i < n; i++) {
        const rec = recFor('health', k, '', { allowDup: i > 0 })
        const y = R.pick(ys)
        const kind = riskLevel >= 2 && R.chance(0.4) ? R.pick(['self_harm', 'sexual_health', 'substance_misuse', 'concern']) : 'health_attendance'
        event('health', rec, kind, tAt(y, 0, 23), { summary: kind === 'health_attendance' ? R.pick(['ED attendance: fall', 'ED attendance: asthma', 'Minor injuries unit: wrist', 'Walk-in centre: laceration']) : 'Attendance of concern', ...(kind === 'sexual_health' ? { restricted: true } : {}) })
      }
    }
    if (has.school && schoolYears.length) {
      const rec = recFor('school', k, '')
      const n = R.int(1, 2 + riskLevel)
      for (let i = 0; i < n; i++) {
        const y = R.pick(schoolYears)
        const kind = riskLevel >= 1 ? R.pick(['school_absence', 'school_absence', 'concern', 'school_exclusion']) : R.pick(['school_absence', 'concern'])
        event('school', rec, kind, tAt(y, 8, 15), { summary: kind === 'school_absence' ? `Unexplained absence, ${R.int(2, 14)} sessions` : kind === 'concern' ? R.pick(summaries.concern) : 'Fixed-term exclusion', recorded_by: k.school.name })
      }
    }
    if (has.csc) {
      const rec = recFor('csc', k, '', { allowDup: true })
      const y = R.pick(busyYears)
      const t0 = tAt(y)
      event('csc', rec, 'contact_referral', t0, { summary: R.pick(summaries.contact_referral) })
      if (riskLevel >= 1 && R.chance(0.7)) event('csc', rec, 'assessment', addD(t0, R.int(5, 40)), { outcome: R.pick(['No further action', 'Child in need plan', 'Strategy discussion']) })
      if (riskLevel >= 2 && R.chance(0.6)) event('csc', rec, 'strategy_discussion', addD(t0, R.int(2, 20)), { summary: 'Multi-agency strategy discussion' })
      if (riskLevel >= 3 && R.chance(0.5)) event('csc', rec, 'section47_enquiry', addD(t0, R.int(3, 25)), {})
      if (riskLevel >= 3 && R.chance(0.25)) event('csc', rec, 'looked_after_start', addD(t0, R.int(30, 200)), { summary: 'Accommodated under s20' })
      // parents known to CSC
      for (const par of [f.mother, f.father].filter(Boolean)) {
        if (!R.chance(par === f.mother ? 0.8 : 0.45)) continue
        const pr = recFor('csc', par, '')
        sendPerson('csc', pr, t0, t0.getUTCFullYear())
        const rid = `${pfx.csc}-R${String(++counters.csc.r).padStart(6, '0')}`
        emit(t0.getUTCFullYear(), 'csc', { type: 'relationship', agency: 'csc', source_id: rid, from: pr.fixed.sid, to: rec.fixed.sid, kind: 'parent', reliability: 'confirmed', recorded_at: wall(t0) })
      }
    }
    // missing episodes
    const episodes = []
    if (has.police) {
      const rec = recFor('police', k, '', { allowDup: true })
      const nMiss = riskLevel >= 2 && teenYears.length ? R.zipf([0, 1, 2, 3, 5, 8], 0.6) : 0
      for (let i = 0; i < nMiss; i++) {
        const y = R.pick(teenYears)
        const start = tAt(y, 17, 23)
        const end = addH(start, R.int(3, 70))
        const sus = R.chance(0.25) ? R.pick(suspects) : null
        const involves = []
        if (R.chance(0.4)) involves.push({ location: { name: R.pick(cfg.hotspots), postcode: mkAddr().postcode }, role: 'found_at' })
        if (sus) {
          const sr = recFor('police', sus, '', { adult: true })
          sendPerson('police', sr, start, y)
          involves.push({ person: sr.fixed.sid, role: 'found_with' })
          if (sus.vehicle && R.chance(0.5)) involves.push({ vehicle: sus.vehicle })
        }
        const eid = event('police', rec, 'missing_episode', start, {
          ended_at: wall(end), missing_from: riskLevel >= 3 && R.chance(0.4) ? 'care_placement' : 'home',
          risk_grading: R.pick(['low', 'medium', 'medium', 'high']), summary: 'Reported missing by carer',
          ...(involves.length ? { involves } : {}), indicators: ['missing', ...(sus ? ['older_associates'] : [])],
        }, 3)
        if (eid) episodes.push({ eid, start, end })
        if (eid && has.csc && R.chance(0.3)) {
          const crec = recs.get(`csc|${k.id}`)
          event('csc', crec, 'missing_episode', start, { ended_at: wall(end), missing_from: 'home', summary: 'Missing episode notified by police' }, 20)
        }
      }
      const nOther = R.int(riskLevel >= 2 ? 1 : 1, 1 + riskLevel)
      for (let i = 0; i < nOther; i++) {
        const y = R.pick(busyYears)
        const rec = recFor('police', k, '', { allowDup: true })
        const kind = R.pick(riskLevel >= 2 ? ['crime_report', 'intelligence', 'concern', 'arrest'] : ['crime_report', 'concern'])
        const t = tAt(y)
        const ex = { summary: kind === 'crime_report' ? R.pick(['Assault', 'Theft of phone', 'Sexual assault', 'Harassment online']) : kind === 'arrest' ? R.pick(['Possession with intent', 'Shoplifting', 'Criminal damage']) : R.pick(summaries.concern) }
        if (kind === 'crime_report' && R.chance(0.5)) {
          const sus = R.pick(suspects)
          const sr = recFor('police', sus, '', { adult: true })
          sendPerson('police', sr, t, y)
          ex.involves = [{ person: sr.fixed.sid, role: 'suspect' }]
          const eid = event('police', rec, kind, t, ex)
          // prosecutor decision on the crime, or a police NFA
          if (eid && R.chance(0.55) && k.dob.slice(0, 4) <= String(y)) {
            const td = addD(t, R.int(20, 200))
            if (R.chance(0.6)) {
              const crec = recFor('cps', k, '')
              const csr = recFor('cps', sus, '', { adult: true })
              sendPerson('cps', csr, td, td.getUTCFullYear())
              event('cps', crec, 'charging_decision', td, { outcome: R.pick(['charge', 'no_further_action', 'further_evidence_needed']), rationale: 'Review of evidential stage', involves: [{ person: csr.fixed.sid, role: 'suspect' }] })
            } else event('police', rec, 'police_nfa', td, { outcome: 'No further action', rationale: 'Victim does not support prosecution' })
          }
        } else event('police', rec, kind, t, ex)
      }
      // domestic incident involving the father (namesake risk)
      if (f.father && R.chance(0.25)) {
        const fr = recFor('police', f.father, '', { adult: true })
        const t = tAt(R.pick(ys))
        sendPerson('police', fr, t, t.getUTCFullYear())
        event('police', rec, 'concern', t, { summary: 'Child present at domestic incident', involves: [{ person: fr.fixed.sid, role: 'suspect' }], indicators: ['domestic_abuse_at_home'] })
      }
    }
    if (has.charity) {
      const rec = recFor('charity', k, '', { allowDup: true })
      for (const ep of episodes) {
        const r = R.next()
        if (r < 0.15) continue // never interviewed
        const when = addH(ep.end, r < 0.6 ? R.int(6, 70) : R.int(73, 300))
        const ex = { status: R.chance(0.85) ? 'done' : 'declined', summary: 'Return home interview' }
        if (ex.status === 'declined') ex.reason = 'Young person did not want to talk'
        else ex.child_account = R.pick(['Said she was at a friend\'s house', 'Would not say who he was with', 'Was picked up by older lads in a car', 'Went to town with friends, phone died'])
        if (R.chance(0.5)) ex.episode = `police:${ep.eid}`
        event('charity', rec, 'return_interview', when, ex, 48)
      }
      const n = R.int(1, 3)
      for (let i = 0; i < n; i++) event('charity', recFor('charity', k, '', { allowDup: true }), R.pick(['note', 'concern', 'note']), tAt(R.pick(busyYears), 10, 20), { summary: R.pick(summaries.note.concat(summaries.concern)) })
    }
    if (has.housing) {
      const rec = recFor('housing', k, '')
      const t = tAt(R.pick(ys), 9, 16)
      event('housing', rec, R.pick(['note', 'concern']), t, { summary: R.pick(['Household member on tenancy', 'ASB complaint: young people at address', 'Damp and mould visit: children in household', 'Homelessness application: dependent child']) })
      for (const par of [f.mother, f.father].filter(Boolean)) {
        if (!R.chance(0.85)) continue
        const pr = recFor('housing', par, '', { adult: true })
        sendPerson('housing', pr, t, t.getUTCFullYear())
        const rid = `${pfx.housing}-R${String(++counters.housing.r).padStart(6, '0')}`
        emit(t.getUTCFullYear(), 'housing', { type: 'relationship', agency: 'housing', source_id: rid, from: pr.fixed.sid, to: rec.fixed.sid, kind: 'lives_with', recorded_at: wall(t) })
      }
    }
    if (has.yjs && teenYears.length) {
      const rec = recFor('yjs', k, '')
      const n = R.int(1, 3)
      for (let i = 0; i < n; i++) event('yjs', rec, 'youth_justice', tAt(R.pick(teenYears), 9, 17), { summary: R.pick(['Referral order', 'Out of court disposal', 'Youth rehabilitation order', 'Triage assessment']) })
    }
  }

  // ---------- write ----------
  mkdirSync(join(out, 'records'), { recursive: true })
  const importLines = []
  for (const y of [...lines.keys()].sort()) {
    const dir = join(out, 'records', String(y))
    mkdirSync(dir, { recursive: true })
    const files = []
    for (const a of AG) {
      const ls = lines.get(y).get(a)
      if (!ls || !ls.length) continue
      // persons first, then events and relationships, each in recorded order
      ls.sort((x, z) => (x.type === 'person') - (z.type === 'person') || 0)
      const firstUse = new Map()
      for (const x of ls) if (x.type === 'event') for (const sid of [x.subject, ...(x.involves || []).map((i) => i.person).filter(Boolean)]) if (!firstUse.has(sid) || x.occurred_at < firstUse.get(sid)) firstUse.set(sid, x.occurred_at)
      for (const x of ls) if (x.type === 'relationship') for (const sid of [x.from, x.to]) if (!firstUse.has(sid) || x.recorded_at < firstUse.get(sid)) firstUse.set(sid, x.recorded_at)
      for (const x of ls) if (x.type === 'person' && firstUse.has(x.source_id)) { const t = wall(addH(new Date(firstUse.get(x.source_id) + 'Z'), -2)); if (t < x.recorded_at) x.recorded_at = t }
      const persons = ls.filter((x) => x.type === 'person').sort((x, z) => (x.recorded_at < z.recorded_at ? -1 : 1))
      const rest = ls.filter((x) => x.type !== 'person').sort((x, z) => (x.recorded_at < z.recorded_at ? -1 : 1))
      writeFileSync(join(dir, `${a}.ndjson`), persons.concat(rest).map((x) => JSON.stringify(x)).join('\n') + '\n')
      files.push(`"$DIR/records/${y}/${a}.ndjson"`)
    }
    importLines.push(`$CLI import ${files.join(' ')}`)
  }
  const agNames = {
    police: ['police', `${cfg.town} Police`], csc: ['childrens_social_care', `${cfg.town} Children's Social Care`],
    health: ['health', `${cfg.town} Hospitals NHS Trust`], school: ['education', `${cfg.town} Schools (MIS extract)`],
    charity: ['voluntary', cfg.charity], housing: ['other', `${cfg.town} Homes (housing)`],
    yjs: ['youth_justice', `${cfg.town} Youth Justice Service`], cps: ['prosecutor', 'Crown Prosecution Service (area)'],
  }
  const sh = [
    '#!/bin/sh',
    `# ${cfg.title}: import every agency's records, year by year (generated by gen/${cfg.script}).`,
    '# THREADLINE_CLI is the command to run Threadline, e.g. "node /path/to/bin/threadline.js".',
    'set -e',
    'DIR=$(cd "$(dirname "$0")" && pwd)',
    'CLI=${THREADLINE_CLI:-threadline}',
    '$CLI migrate',
    ...AG.map((a) => `$CLI agencies add ${a} --name "${agNames[a][1]}" --kind ${agNames[a][0]} >/dev/null`),
    ...importLines.map((l) => l + ' >/dev/null'),
    '',
  ]
  writeFileSync(join(out, 'IMPORT.sh'), sh.join('\n'), { mode: 0o755 })
  writeFileSync(join(out, 'truth.csv'), 'agency,source_id,person_id,is_child\n' + truth.map((r) => r.join(',')).join('\n') + '\n')
  // stats
  const byAg = {}
  for (const r of truth) byAg[r[0]] = byAg[r[0]] || [0, 0], byAg[r[0]][r[3] ? 0 : 1]++
  let nEv = 0, nP = 0
  for (const m of lines.values()) for (const ls of m.values()) for (const x of ls) x.type === 'person' ? nP++ : nEv++
  const kidsWithRecs = new Set(truth.filter((r) => r[3]).map((r) => r[2])).size
  const stats = { children: kidsWithRecs, adults: new Set(truth.filter((r) => !r[3]).map((r) => r[2])).size, person_records: truth.length, per_agency_child_adult: byAg, lines_person_versions: nP, lines_events_relationships: nEv, years: [...lines.keys()].sort() }
  writeFileSync(join(out, 'stats.json'), JSON.stringify(stats, null, 2) + '\n')
  console.log(JSON.stringify(stats))
}

function pickWeighted(R, list) {
  let tot = list.reduce((s, [, w]) => s + w, 0)
  let x = R.next() * tot
  for (const [k, w] of list) if ((x -= w) <= 0) return k
  return list[list.length - 1][0]
}
