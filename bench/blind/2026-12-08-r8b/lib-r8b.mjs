// Shared model for the r8b blind sets (people set o, linkage area e2). No dependencies.
// Everything is fictional: names from common-name lists, identifiers random with valid check
// digits/letters, phones in Ofcom's drama ranges, street names with made-up numbers and units.

export function makeRng(seed) {
  let a = seed >>> 0
  const r = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1))
  const pick = (arr) => arr[Math.floor(r() * arr.length)]
  const ch = (p) => r() < p
  const zipf = (arr, s = 1.1) => {
    let tot = 0
    const w = arr.map((_, i) => (tot += 1 / Math.pow(i + 1, s)))
    const x = r() * tot
    return arr[w.findIndex((c) => c >= x)]
  }
  const wpick = (obj) => {
    const e = Object.entries(obj)
    const tot = e.reduce((s, [, v]) => s + v, 0)
    let x = r() * tot
    for (const [k, v] of e) if ((x -= v) <= 0) return k
    return e[e.length - 1][0]
  }
  const shuffle = (arr) => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1))
      ;[arr[i], arr[j]] = [arr[j], arr[i]]
    }
    return arr
  }
  return { r, int, pick, ch, zipf, wpick, shuffle }
}

// ---------- identifiers ----------
export function nhsCheck(d9) {
  let s = 0
  for (let i = 0; i < 9; i++) s += Number(d9[i]) * (10 - i)
  const c = 11 - (s % 11)
  return c === 11 ? 0 : c === 10 ? null : c
}
export const nhsValid = (n) => {
  const d = String(n).replace(/\s/g, '')
  return /^\d{10}$/.test(d) && nhsCheck(d.slice(0, 9)) === Number(d[9])
}
export function newNhs(R, used) {
  for (;;) {
    const d9 = String(R.int(4, 7)) + String(R.int(0, 99999999)).padStart(8, '0')
    const c = nhsCheck(d9)
    if (c === null) continue
    const n = d9 + c
    if (used.has(n)) continue
    used.add(n)
    return n
  }
}
// a mistyped NHS number: two adjacent digits swapped, or one digit changed; `valid` asks for one
// that still passes the check (an import refuses a failing one)
export function mistypeNhs(R, n, valid) {
  for (let k = 0; k < 60; k++) {
    const d = n.split('')
    if (R.ch(0.5)) {
      const i = R.int(0, 8)
      ;[d[i], d[i + 1]] = [d[i + 1], d[i]]
    } else d[R.int(0, 9)] = String(R.int(0, 9))
    const m = d.join('')
    if (m === n) continue
    if (!valid || nhsValid(m)) return m
  }
  return null
}
export const fmtNhs = (R, n) => (R.ch(0.35) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n)

const UPN_L = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upnFor(la, school, year2, serial) {
  const body = `${la}${school}${year2}${String(serial).padStart(3, '0')}`
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i + 2)
  return UPN_L[s % 23] + body
}
export function upnValid(u) {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(u)) return false
  let s = 0
  for (let i = 1; i < 13; i++) s += (/\d/.test(u[i]) ? Number(u[i]) : UPN_L.indexOf(u[i])) * (i + 1)
  return UPN_L[s % 23] === u[0]
}
export function newPnc(R, used) {
  for (;;) {
    const yy = String(R.int(14, 24))
    const ser = String(R.int(100000, 999999))
    const L = 'ZABCDEFGHJKLMNPQRTUVWXY'[Number(yy + ser) % 23]
    const p = `${yy}/${ser}${L}`
    if (!used.has(p)) {
      used.add(p)
      return p
    }
  }
}

export function phonePools(R) {
  const mob = R.shuffle(Array.from({ length: 1000 }, (_, i) => `07700 900${String(i).padStart(3, '0')}`))
  const ldn = R.shuffle(Array.from({ length: 1000 }, (_, i) => `020 7946 0${String(i).padStart(3, '0')}`))
  const gen = R.shuffle(Array.from({ length: 1000 }, (_, i) => `01632 960${String(i).padStart(3, '0')}`))
  return { mob, ldn, gen }
}
export function fmtPhone(R, p) {
  if (!p) return ''
  const d = p.replace(/\s/g, '')
  const x = R.r()
  if (x < 0.55) return p
  if (x < 0.8) return d
  if (x < 0.92 && d.startsWith('07')) return `+44 ${d.slice(1, 5)} ${d.slice(5)}`
  if (d.startsWith('07')) return `+44${d.slice(1)}`
  return `(${d.slice(0, 3)}) ${d.slice(3, 7)} ${d.slice(7)}`
}

// ---------- names ----------
const F = (s) => s // marker
export const COMM = {
  wb: {
    label: 'White British',
    m: ['Jack', 'Harry', 'Oliver', 'Charlie', 'Thomas', 'George', 'Alfie', 'Riley', 'Jayden', 'Kyle', 'Connor', 'Callum', 'Tyler', 'Mason', 'Ethan', 'Lewis', 'Daniel', 'Joshua', 'Archie', 'Reece', 'Frankie', 'Billy'],
    f: ['Olivia', 'Amelia', 'Emily', 'Jessica', 'Chloe', 'Ellie', 'Lily', 'Sophie', 'Grace', 'Ruby', 'Mia', 'Leah', 'Courtney', 'Shannon', 'Kayleigh', 'Megan', 'Charlotte', 'Holly', 'Lacey', 'Paige', 'Tia', 'Demi'],
    adm: ['Lee', 'Dean', 'Wayne', 'Craig', 'Darren', 'Jason', 'Mark', 'Paul', 'Stephen', 'Gary', 'Daniel', 'Thomas'],
    adf: ['Kelly', 'Lisa', 'Donna', 'Stacey', 'Michelle', 'Emma', 'Sarah', 'Gemma', 'Leanne', 'Nicola', 'Hayley', 'Claire'],
    sur: ['Smith', 'Jones', 'Brown', 'Taylor', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Baker', 'Turner', 'Cooper', 'Hill'],
  },
  bd: {
    label: 'Bangladeshi',
    m: ['Mohammed', 'Muhammad', 'Abdul', 'Mahfuz', 'Rahim', 'Shahid', 'Imran', 'Sabbir', 'Tanvir', 'Rubel', 'Jamal', 'Ayaan', 'Ibrahim', 'Yusuf', 'Rayhan', 'Sadiq', 'Zakir', 'Hamid'],
    f: ['Fatima', 'Ayesha', 'Sumaiya', 'Tasnim', 'Nusrat', 'Sadia', 'Maryam', 'Jannat', 'Tahmina', 'Ruksana', 'Anika', 'Safa', 'Halima', 'Nafisa', 'Rahima', 'Jamila'],
    adm: ['Abdul', 'Mohammed', 'Shahid', 'Jamal', 'Mizanur', 'Anwar', 'Habibur', 'Shamsul', 'Kamal', 'Abul'],
    adf: ['Rokeya', 'Shirin', 'Nazma', 'Rehana', 'Shahana', 'Salma', 'Rina', 'Shilpi', 'Farida', 'Jahanara'],
    sur: ['Miah', 'Uddin', 'Ahmed', 'Rahman', 'Islam', 'Hussain', 'Ali', 'Khan', 'Hoque', 'Chowdhury', 'Akhtar', 'Alam', 'Sheikh', 'Karim', 'Haque', 'Rashid'],
    femSur: ['Begum', 'Khatun', 'Bibi', 'Akter'],
    pet: ['Rintu', 'Shumi', 'Tutul', 'Babu', 'Mithu', 'Pinky', 'Dolly', 'Bappi', 'Munna', 'Moni', 'Rupa', 'Shanto', 'Lucky', 'Putul'],
  },
  pk: {
    label: 'Pakistani',
    m: ['Muhammad', 'Usman', 'Bilal', 'Hamza', 'Zain', 'Ali', 'Hassan', 'Hussain', 'Adam', 'Ibrahim', 'Abdullah', 'Haris', 'Umar', 'Zakariya', 'Faisal', 'Arslan', 'Ayaan'],
    f: ['Aisha', 'Zainab', 'Maryam', 'Hafsa', 'Hira', 'Iqra', 'Sana', 'Amna', 'Khadija', 'Mehwish', 'Alishba', 'Noor', 'Eman', 'Anaya', 'Zara'],
    adm: ['Mohammed', 'Tariq', 'Zahid', 'Khalid', 'Shahzad', 'Imran', 'Asif', 'Nadeem', 'Javed', 'Rizwan'],
    adf: ['Nasreen', 'Shazia', 'Rubina', 'Samina', 'Farzana', 'Kausar', 'Saima', 'Tahira', 'Nighat', 'Rukhsana'],
    sur: ['Khan', 'Hussain', 'Ahmed', 'Akhtar', 'Iqbal', 'Mahmood', 'Shah', 'Butt', 'Chaudhry', 'Rehman', 'Aslam', 'Javed', 'Riaz', 'Mirza', 'Qureshi', 'Malik'],
    femSur: ['Bibi', 'Begum', 'Kausar', 'Akhtar'],
    pet: ['Guddu', 'Pappu', 'Bunty', 'Chotu', 'Gudiya', 'Sonu', 'Bubbly', 'Nannu', 'Pinky', 'Mani'],
  },
  so: {
    label: 'Somali',
    m: ['Mohamed', 'Abdi', 'Abdirahman', 'Ahmed', 'Hassan', 'Ismail', 'Yusuf', 'Abdullahi', 'Omar', 'Mukhtar', 'Liban', 'Zakariye', 'Hamza', 'Bashir'],
    f: ['Hodan', 'Amina', 'Fadumo', 'Hibo', 'Sahra', 'Ayan', 'Ifrah', 'Nasra', 'Ikran', 'Hamdi', 'Fartun', 'Sagal', 'Muna', 'Hani'],
    adm: ['Mohamed', 'Abdi', 'Ali', 'Hassan', 'Ahmed', 'Osman', 'Jama', 'Farah', 'Warsame', 'Nur', 'Aden', 'Yusuf', 'Hersi', 'Dahir'],
    adf: ['Fadumo', 'Hawa', 'Khadra', 'Asha', 'Halimo', 'Sahra', 'Maryan', 'Faiza', 'Deqa', 'Ubah'],
    sur: ['Ali', 'Mohamed', 'Hassan', 'Ahmed', 'Abdi', 'Osman', 'Jama', 'Farah', 'Warsame', 'Nur', 'Aden', 'Yusuf', 'Hersi', 'Dahir', 'Egal', 'Ismail'],
  },
  ar: {
    label: 'Arab',
    m: ['Mohammad', 'Ahmad', 'Omar', 'Khaled', 'Yousef', 'Abdulrahman', 'Mahmoud', 'Hamza', 'Ali', 'Karim', 'Tariq', 'Ibrahim', 'Adam'],
    f: ['Fatima', 'Aya', 'Rania', 'Layla', 'Noor', 'Sara', 'Huda', 'Rahaf', 'Mariam', 'Yasmin', 'Lujain', 'Hala'],
    adm: ['Mohammad', 'Ahmad', 'Khaled', 'Mahmoud', 'Hussein', 'Walid', 'Samir', 'Nabil', 'Bassam', 'Fadi'],
    adf: ['Fatima', 'Rania', 'Huda', 'Amal', 'Samira', 'Nadia', 'Reem', 'Manal', 'Ghada', 'Suha'],
    sur: ['Al-Hassan', 'Al-Ali', 'Abdullah', 'Al-Khatib', 'Haddad', 'Al-Ahmad', 'Hamdan', 'Abdel-Rahman', 'Al-Masri', 'Saleh', 'Darwish', 'Al-Jaber', 'Nasser'],
  },
  pl: {
    label: 'Polish',
    m: ['Jakub', 'Kacper', 'Szymon', 'Filip', 'Jan', 'Mateusz', 'Bartosz', 'Łukasz', 'Wojciech', 'Michał', 'Piotr', 'Dawid', 'Wiktor', 'Oskar'],
    f: ['Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Wiktoria', 'Natalia', 'Aleksandra', 'Oliwia', 'Magdalena', 'Amelia', 'Lena'],
    adm: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Marcin', 'Grzegorz', 'Łukasz', 'Michał', 'Andrzej', 'Rafał'],
    adf: ['Małgorzata', 'Katarzyna', 'Agnieszka', 'Anna', 'Joanna', 'Monika', 'Ewa', 'Beata', 'Dorota', 'Justyna'],
    sur: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Mazur', 'Krawczyk', 'Jankowski'],
  },
  ro: {
    label: 'Romanian',
    m: ['Andrei', 'Ștefan', 'Alexandru', 'Ionuț', 'Mihai', 'Gabriel', 'Florin', 'Răzvan', 'Cristian', 'Marius', 'David', 'Darius', 'Denis'],
    f: ['Andreea', 'Ioana', 'Maria', 'Elena', 'Mădălina', 'Alexandra', 'Bianca', 'Denisa', 'Roxana', 'Ana-Maria', 'Georgiana', 'Florentina', 'Larisa'],
    adm: ['Ion', 'Gheorghe', 'Constantin', 'Vasile', 'Nicolae', 'Marian', 'Costel', 'Florin', 'Dumitru', 'Petru'],
    adf: ['Maria', 'Elena', 'Mihaela', 'Daniela', 'Florica', 'Nicoleta', 'Rodica', 'Cristina', 'Gabriela', 'Violeta'],
    sur: ['Popa', 'Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Stoica', 'Constantin', 'Munteanu', 'Rădulescu', 'Lăcătuș', 'Căldăraru', 'Gheorghe', 'Marin', 'Tudor', 'Dinu', 'Șerban'],
  },
  ie: {
    label: 'Irish',
    m: ['Patrick', 'Seán', 'Michael', 'John', 'Martin', 'Thomas', 'Christopher', 'Daniel', 'Oisín', 'Ciarán', 'Cian', 'Tiernan', 'Bernard'],
    f: ['Siobhán', 'Niamh', 'Bridget', 'Mary', 'Kathleen', 'Aoife', 'Caoimhe', 'Róisín', 'Margaret', 'Shauna', 'Nora', 'Eileen'],
    adm: ['Patrick', 'John', 'Michael', 'Martin', 'James', 'Thomas', 'Christopher', 'Joseph', 'Francis', 'Edward'],
    adf: ['Mary', 'Bridget', 'Kathleen', 'Margaret', 'Ann', 'Helen', 'Teresa', 'Josephine', 'Sinéad', 'Nora'],
    sur: ["O'Brien", 'Ward', 'McDonagh', 'Murphy', "O'Connor", 'Doherty', 'Kelly', 'Joyce', "O'Sullivan", 'McCarthy', 'Connors', 'Quinn', 'Maughan', 'Ó Súilleabháin'],
  },
  ng: {
    label: 'Nigerian',
    m: ['Oluwaseun', 'Oluwatobi', 'Chukwuemeka', 'Babatunde', 'Olumide', 'Ayodeji', 'Chinedu', 'Emmanuel', 'David', 'Daniel', 'Samuel', 'Tobiloba', 'Ikechukwu', 'Oluwaseyi'],
    f: ['Oluwadamilola', 'Temitope', 'Chiamaka', 'Adaeze', 'Folasade', 'Precious', 'Blessing', 'Favour', 'Oluwafunmilayo', 'Chioma', 'Ifeoluwa', 'Adenike', 'Temitayo'],
    adm: ['Olusegun', 'Adewale', 'Chukwudi', 'Emeka', 'Oluwole', 'Babatunde', 'Uchenna', 'Kayode', 'Femi', 'Samuel'],
    adf: ['Funmilayo', 'Ngozi', 'Yetunde', 'Bukola', 'Chinwe', 'Abimbola', 'Nkechi', 'Omolara', 'Grace', 'Ronke'],
    sur: ['Adeyemi', 'Okafor', 'Okonkwo', 'Adebayo', 'Oladipo', 'Eze', 'Nwosu', 'Ogunleye', 'Balogun', 'Afolabi', 'Obi', 'Okeke', 'Adewale', 'Oyelaran'],
  },
}

// spelling and transliteration variants (both ways)
const VAR_GROUPS = [
  ['Mohammed', 'Muhammad', 'Mohammad', 'Mohamed', 'Mohamad', 'Muhammed', 'Mohd', 'Md'],
  ['Mohamed', 'Maxamed', 'Mohammed', 'Mahamed'],
  ['Ahmed', 'Ahmad', 'Axmed'],
  ['Abdi', 'Cabdi'],
  ['Hassan', 'Hasan', 'Xasan'],
  ['Hussain', 'Hussein', 'Hossain', 'Husain'],
  ['Abdirahman', 'Abdurahman', 'Cabdiraxmaan', 'Abdulrahman'],
  ['Abdulrahman', 'Abdul Rahman', 'Abdelrahman', 'Abdul-Rahman'],
  ['Fadumo', 'Faduma', 'Fatuma'],
  ['Sahra', 'Sahro', 'Zahra'],
  ['Omar', 'Umar', 'Cumar'],
  ['Ismail', 'Ismaciil', 'Ismael'],
  ['Hodan', 'Hodaan'],
  ['Ayan', 'Ayaan'],
  ['Yusuf', 'Yousef', 'Youssef', 'Yusef', 'Yuusuf'],
  ['Khaled', 'Khalid'],
  ['Mahmoud', 'Mahmud', 'Mehmood', 'Mahmood'],
  ['Layla', 'Laila', 'Leila'],
  ['Aisha', 'Ayesha', 'Aysha', 'Aishah'],
  ['Fatima', 'Fatimah', 'Fathima'],
  ['Maryam', 'Mariam', 'Mariyam'],
  ['Zakariya', 'Zakaria', 'Zakariye', 'Zakariyya'],
  ['Sumaiya', 'Sumaya', 'Sumaiyah'],
  ['Jannat', 'Jannath'],
  ['Tasnim', 'Tasneem'],
  ['Rayhan', 'Raihan', 'Rehan'],
  ['Khadija', 'Khadijah', 'Khadeeja'],
  ['Hafsa', 'Hafsah'],
  ['Zainab', 'Zaynab'],
  ['Usman', 'Osman', 'Uthman'],
  ['Ibrahim', 'Ebrahim', 'Ibraheem'],
  ['Nur', 'Nuur', 'Noor'],
  ['Osman', 'Cusmaan', 'Usman'],
  ['Aden', 'Aadan', 'Adan'],
  ['Jama', 'Jaamac'],
  ['Farah', 'Faarax'],
  ['Dahir', 'Daahir', 'Tahir'],
  ['Chowdhury', 'Choudhury', 'Chaudhry', 'Choudhry', 'Chowdhry'],
  ['Rahman', 'Rehman', 'Rahaman'],
  ['Uddin', 'Udin', 'Uddeen'],
  ['Miah', 'Mia', 'Meah'],
  ['Hoque', 'Haque', 'Hoq', 'Huq'],
  ['Akhtar', 'Akhter', 'Akter'],
  ['Al-Hassan', 'Alhassan', 'Al Hassan', 'El-Hassan'],
  ['Al-Ali', 'Alali', 'Al Ali'],
  ['Al-Khatib', 'Alkhatib', 'Al Khatib', 'El Khatib'],
  ['Al-Ahmad', 'Alahmad', 'Al Ahmad'],
  ['Al-Masri', 'Almasri', 'El-Masri'],
  ['Al-Jaber', 'Aljaber', 'Al Jaber'],
  ['Abdel-Rahman', 'Abdelrahman', 'Abdul Rahman', 'Abdulrahman'],
  ['Saleh', 'Salih', 'Salah'],
  ['Darwish', 'Darweesh'],
  ['Kacper', 'Kasper'],
  ['Wiktoria', 'Victoria', 'Viktoria'],
  ['Wiktor', 'Viktor'],
  ['Oskar', 'Oscar'],
  ['Filip', 'Phillip'],
  ['Ionuț', 'Ionut', 'Ionuţ'],
  ['Ștefan', 'Stefan', 'Ştefan'],
  ['Răzvan', 'Razvan'],
  ['Mădălina', 'Madalina'],
  ['Ana-Maria', 'Anamaria', 'Ana Maria'],
  ['Georgiana', 'Georgianna'],
  ['Lăcătuș', 'Lacatus', 'Lăcătuş'],
  ['Căldăraru', 'Caldararu'],
  ['Rădulescu', 'Radulescu'],
  ['Șerban', 'Serban', 'Şerban'],
  ['Seán', 'Sean', 'Shaun', 'Shawn'],
  ['Siobhán', 'Siobhan', 'Shivaun'],
  ['Oisín', 'Oisin', 'Osheen'],
  ['Ciarán', 'Ciaran', 'Kieran'],
  ['Róisín', 'Roisin', 'Rosheen'],
  ['Caoimhe', 'Keeva', 'Caoimh'],
  ['Aoife', 'Eefa', 'Aoiffe'],
  ['Sinéad', 'Sinead', 'Shinead'],
  ["O'Brien", 'OBrien', 'O Brien', 'O’Brien', 'Obrien'],
  ["O'Connor", 'OConnor', 'O Connor', "O'Conner"],
  ["O'Sullivan", 'OSullivan', 'O Sullivan'],
  ['McDonagh', 'Mc Donagh', 'MacDonagh', 'McDonough', 'McDonogh'],
  ['McCarthy', 'MacCarthy', 'Mc Carthy'],
  ['Maughan', 'Maughn', 'Mahon'],
  ['Connors', 'Connor', "O'Connors"],
  ['Ó Súilleabháin', 'O Suilleabhain', "O'Sullivan"],
  ['Chukwuemeka', 'Chukwuemaka'],
  ['Oluwadamilola', 'Oluwadamilala', 'Damilola'],
  ['Oluwafunmilayo', 'Oluwafunmilola'],
  ['Adeyemi', 'Adeyemmi'],
  ['Ogunleye', 'Ogunlaye'],
  ['Folasade', 'Folashade'],
  ['Kayleigh', 'Kayley', 'Kaylee', 'Kayleigh-Ann'],
  ['Jayden', 'Jaden', 'Jaiden'],
  ['Callum', 'Calum'],
  ['Lacey', 'Lacie'],
  ['Reece', 'Rhys', 'Reese'],
]
export const VARS = new Map()
for (const g of VAR_GROUPS) for (const n of g) VARS.set(n, [...new Set([...(VARS.get(n) || []), ...g.filter((x) => x !== n)])])

// nicknames and short forms; `odd` ones are a family's own, found in no list
export const NICK = {
  Jack: ['Jacky'], Harry: ['Haz', 'H'], Oliver: ['Ollie', 'Olly'], Charlie: ['Chaz'], Thomas: ['Tom', 'Tommy'], George: ['Georgie'], Alfie: ['Alf'],
  Daniel: ['Dan', 'Danny'], Joshua: ['Josh'], Archie: ['Arch'], Callum: ['Cal'], Frankie: ['Frank'], Billy: ['Bill'],
  Olivia: ['Liv', 'Livvy'], Amelia: ['Millie', 'Amy'], Emily: ['Em', 'Emmy'], Jessica: ['Jess', 'Jessie'], Charlotte: ['Lottie', 'Charlie'],
  Sophie: ['Soph'], Megan: ['Meg'], Courtney: ['Court'], Shannon: ['Shan'], Kayleigh: ['Kay'],
  Mohammed: ['Mo', 'Mohi'], Muhammad: ['Mo'], Mohammad: ['Mo', 'Hamoudi'], Mohamed: ['Mo', 'Moha'], Abdul: ['Abs'], Ibrahim: ['Ibby', 'Ibi'],
  Abdullah: ['Abdi', 'Dula'], Abdirahman: ['Abdi', 'Rahman'], Abdulrahman: ['Abdi', 'Aboud'], Abdullahi: ['Abdi', 'Lahi'],
  Hamza: ['Hamz'], Usman: ['Uzzy'], Bilal: ['Billy'], Zakariya: ['Zak', 'Zaki'], Zakariye: ['Zak'], Haris: ['Harry'], Faisal: ['Fez'],
  Yusuf: ['Yus'], Yousef: ['Joe', 'Yusi'], Ismail: ['Izzy'], Omar: ['Omi'], Khaled: ['Khal'], Mahmoud: ['Hamoud'],
  Fatima: ['Fati', 'Tima'], Ayesha: ['Ayu'], Aisha: ['Aish'], Maryam: ['Mari'], Khadija: ['Dija'], Zainab: ['Zee', 'Zainy'], Sumaiya: ['Sumi'],
  Amina: ['Ami'], Fadumo: ['Fadi'], Sahra: ['Sah'], Ifrah: ['Ifi'], Hodan: ['Hodo'], Mariam: ['Mimi'], Layla: ['Lulu'],
  Jakub: ['Kuba', 'Kubuś', 'Jake'], Kacper: ['Kacperek'], Szymon: ['Szymek', 'Simon'], Jan: ['Janek', 'John'], Mateusz: ['Mati', 'Matt'], Bartosz: ['Bartek', 'Bart'],
  Łukasz: ['Luke', 'Łukasz'], Wojciech: ['Wojtek', 'Voytek'], Michał: ['Michael', 'Misiek'], Piotr: ['Peter', 'Piotrek'], Dawid: ['David'], Wiktor: ['Wiki'],
  Zuzanna: ['Zuzia', 'Zuza', 'Susie'], Zofia: ['Zosia', 'Sophie'], Hanna: ['Hania'], Wiktoria: ['Wiki', 'Vicky'], Aleksandra: ['Ola', 'Alex'], Natalia: ['Nati', 'Natka'],
  Magdalena: ['Magda', 'Madzia'], Małgorzata: ['Gosia', 'Małgosia'], Katarzyna: ['Kasia', 'Kate'], Agnieszka: ['Aga', 'Agnes'], Oliwia: ['Oli'],
  Alexandru: ['Alex', 'Sandu'], Ionuț: ['Nuțu', 'John'], Ștefan: ['Fane', 'Steve'], Gabriel: ['Gabi'], Cristian: ['Cristi', 'Chris'], Andrei: ['Andy'],
  Mihai: ['Mike'], Marius: ['Mari'], Mădălina: ['Mădă', 'Madi'], Georgiana: ['Gina'], Florentina: ['Flori'], Alexandra: ['Alex', 'Sandra'], Ioana: ['Ioanuța'],
  Andreea: ['Andy', 'Deea'], Bianca: ['Bibi'], Denisa: ['Deni'], Roxana: ['Roxy'], Larisa: ['Lari'],
  Patrick: ['Paddy', 'Pat', 'Packie'], Michael: ['Mick', 'Mikey'], John: ['Johnny', 'Jonjo'], Martin: ['Marty'], Christopher: ['Christy', 'Chris'],
  Bridget: ['Bridie', 'Biddy'], Margaret: ['Peggy', 'Maggie'], Kathleen: ['Kathy', 'Kit'], Mary: ['Mamie'], Bernard: ['Barney'], Cian: ['Keane'],
  Oluwaseun: ['Seun', 'Shaun'], Oluwatobi: ['Tobi', 'Toby'], Chukwuemeka: ['Emeka', 'Meka'], Babatunde: ['Tunde', 'Baba'], Olumide: ['Mide'],
  Ayodeji: ['Deji', 'Ayo'], Chinedu: ['Nedu'], Ikechukwu: ['Ike'], Tobiloba: ['Tobi', 'Loba'], Oluwaseyi: ['Seyi'], Emmanuel: ['Manny', 'Emma'],
  Samuel: ['Sam', 'Sammy'], David: ['Dave'],
  Oluwadamilola: ['Dami', 'Lola', 'Damilola'], Temitope: ['Tope', 'Temi'], Chiamaka: ['Amaka', 'Chi'], Adaeze: ['Ada', 'Daze'], Folasade: ['Sade', 'Fola'],
  Oluwafunmilayo: ['Funmi', 'Funmilayo'], Ifeoluwa: ['Ife'], Adenike: ['Nike'], Temitayo: ['Tayo', 'Temi'], Precious: ['Presh'], Favour: ['Fave'],
}
// pet names a family uses, in no nickname list
export const ODD_PET = ['Bobo', 'Chiku', 'Tuts', 'Nunu', 'Didi', 'Zizi', 'Bub', 'Pip', 'Boo', 'Dinky', 'Sonny', 'Tink', 'Bean', 'Moo', 'Coco', 'Peanut', 'Baby', 'Junior']

// pairs of distinct names that look alike (twins and siblings who are two children)
export const SIMILAR = {
  wb: [['Kyle', 'Kylie', 'm', 'f'], ['Aiden', 'Aidan', 'm', 'm'], ['Ella', 'Ellie', 'f', 'f'], ['Jayden', 'Jaden', 'm', 'm'], ['Daniel', 'Danielle', 'm', 'f'], ['Louis', 'Louise', 'm', 'f'], ['Charlie', 'Charlotte', 'm', 'f'], ['Lacey', 'Lucy', 'f', 'f'], ['Tyler', 'Tyla', 'm', 'f']],
  bd: [['Rahim', 'Rahima', 'm', 'f'], ['Jamal', 'Jamila', 'm', 'f'], ['Sumaiya', 'Sumaya', 'f', 'f'], ['Tanvir', 'Tanveer', 'm', 'm'], ['Nafisa', 'Nafisah', 'f', 'f'], ['Sabbir', 'Shabbir', 'm', 'm']],
  pk: [['Hassan', 'Hussain', 'm', 'm'], ['Zain', 'Zainab', 'm', 'f'], ['Ali', 'Alia', 'm', 'f'], ['Haris', 'Hareem', 'm', 'f'], ['Hamza', 'Hamzah', 'm', 'm'], ['Amna', 'Amina', 'f', 'f']],
  so: [['Abdi', 'Abdirahman', 'm', 'm'], ['Hodan', 'Hodo', 'f', 'f'], ['Ayan', 'Ayaan', 'f', 'm'], ['Hamdi', 'Hamda', 'f', 'f'], ['Liban', 'Libaan', 'm', 'm']],
  ar: [['Yousef', 'Yousra', 'm', 'f'], ['Karim', 'Karima', 'm', 'f'], ['Rania', 'Rana', 'f', 'f'], ['Omar', 'Amr', 'm', 'm'], ['Hala', 'Hana', 'f', 'f']],
  pl: [['Wiktor', 'Wiktoria', 'm', 'f'], ['Jan', 'Janina', 'm', 'f'], ['Kacper', 'Kasper', 'm', 'm'], ['Oliwia', 'Oliwer', 'f', 'm'], ['Julia', 'Julian', 'f', 'm']],
  ro: [['Andrei', 'Andreea', 'm', 'f'], ['Gabriel', 'Gabriela', 'm', 'f'], ['Florin', 'Florentina', 'm', 'f'], ['Ionuț', 'Ioana', 'm', 'f'], ['Denis', 'Denisa', 'm', 'f'], ['Darius', 'Dariana', 'm', 'f']],
  ie: [['Patrick', 'Patricia', 'm', 'f'], ['Martin', 'Martina', 'm', 'f'], ['Seán', 'Shauna', 'm', 'f'], ['Michael', 'Michaela', 'm', 'f'], ['John', 'Joan', 'm', 'f']],
  ng: [['Oluwaseun', 'Oluwaseyi', 'm', 'm'], ['Temitope', 'Temitayo', 'f', 'f'], ['Chinedu', 'Chinenye', 'm', 'f'], ['Adebayo', 'Adebola', 'm', 'f'], ['Tobi', 'Tobiloba', 'm', 'm'], ['Ifeoluwa', 'Ifeoma', 'f', 'f']],
}

export function deaccent(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .replace(/’/g, "'")
}
export function cedilla(s) {
  return s.replace(/Ș/g, 'Ş').replace(/ș/g, 'ş').replace(/Ț/g, 'Ţ').replace(/ț/g, 'ţ')
}
export function femSur(comm, sur) {
  if (comm === 'pl') return sur.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka')
  return sur
}
export function mascSur(sur) {
  return sur.replace(/ska$/, 'ski').replace(/cka$/, 'cki')
}

export function typo(R, s) {
  if (!s || s.length < 3) return s
  const i = R.int(1, s.length - 2)
  const x = R.r()
  if (x < 0.3) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) // transpose
  if (x < 0.55) return s.slice(0, i) + s.slice(i + 1) // drop
  if (x < 0.8) return s.slice(0, i) + s[i] + s.slice(i) // double
  const keys = 'aeiouynmrlst'
  return s.slice(0, i) + R.pick(keys.split('')) + s.slice(i + 1) // substitute
}

// ---------- dates ----------
export const pad = (n) => String(n).padStart(2, '0')
export function randDate(R, y0, y1) {
  const y = R.int(y0, y1),
    m = R.int(1, 12),
    dm = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${y}-${pad(m)}-${pad(R.int(1, dm))}`
}
export function addDays(d, n) {
  const t = new Date(d + 'T00:00:00Z')
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}
export const yearOf = (d) => Number(d.slice(0, 4))

// ---------- places ----------
export const ABBR = [
  [/ Road\b/, ' Rd'],
  [/ Street\b/, ' St'],
  [/ Avenue\b/, ' Ave'],
  [/ Lane\b/, ' Ln'],
  [/ Grove\b/, ' Gr'],
  [/ Gardens\b/, ' Gdns'],
  [/ Close\b/, ' Cl'],
  [/ Crescent\b/, ' Cres'],
]
const UNIT = 'ABDEFGHJLNPQRSTUWXYZ'
export function makeStreets(R, list) {
  // list: [street, district]
  return list.map(([name, district]) => ({ name, district, sector: R.int(1, 9) }))
}
export function newAddress(R, streets, used) {
  for (;;) {
    const st = R.pick(streets)
    const no = R.int(1, 240)
    const flat = R.ch(0.25) ? R.int(1, 24) : 0
    const pc = `${st.district} ${st.sector}${R.pick(UNIT.split(''))}${R.pick(UNIT.split(''))}`
    const line1 = flat ? `Flat ${flat}, ${no} ${st.name}` : `${no} ${st.name}`
    if (used.has(line1)) continue
    used.add(line1)
    return { line1, postcode: pc, district: st.district, flat, no, street: st.name }
  }
}
export function writeLine(R, a, style = {}) {
  let s = a.line1
  if (a.flat && R.ch(0.3)) s = R.ch(0.5) ? `${a.flat}/${a.no} ${a.street}` : `${a.no} ${a.street} Flat ${a.flat}`
  if (a.flat && R.ch(style.dropFlat || 0.1)) s = `${a.no} ${a.street}`
  if (R.ch(style.abbr ?? 0.3)) for (const [re, to] of ABBR) s = s.replace(re, to)
  if (R.ch(style.typo ?? 0.03)) s = typo(R, s)
  if (R.ch(style.upper ?? 0)) s = s.toUpperCase()
  return s
}
export function writePostcode(R, pc, style = {}) {
  if (R.ch(style.district ?? 0)) return pc.split(' ')[0]
  let s = pc
  if (R.ch(style.typo ?? 0.02)) {
    const [o, i] = pc.split(' ')
    s = `${o} ${R.ch(0.5) ? String((Number(i[0]) % 9) + 1) + i.slice(1) : i[0] + i[2] + i[1]}`
  }
  if (R.ch(style.nospace ?? 0.15)) s = s.replace(' ', '')
  if (R.ch(style.lower ?? 0.05)) s = s.toLowerCase()
  return s
}

// ---------- CSV ----------
export function csvCell(v) {
  const s = v == null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
export const csvRow = (a) => a.map(csvCell).join(',')

// ---------- population ----------
// cfg: { mix, streets, birthFrom, birthTo, yearFrom, yearTo, la, households, hard: {twins, namesake,
//        simSib, common, surnameChange, dbl}, moves }
export function buildPopulation(R, cfg) {
  const people = [],
    households = []
  const usedNhs = new Set(),
    usedAddr = new Set(),
    usedPnc = new Set()
  const pools = phonePools(R)
  const takeMob = () => pools.mob.pop()
  const takeLand = () => (R.ch(0.7) ? pools.ldn.pop() : pools.gen.pop())
  let upnSerial = 100
  const schools = Array.from({ length: 14 }, () => String(R.int(2000, 2999)))
  const newUpn = (dob) => upnFor(cfg.la, R.pick(schools), String(Math.min(99, (yearOf(dob) + 4) % 100)).padStart(2, '0'), upnSerial++ % 1000)
  let pidN = 0
  const C = COMM

  function given(comm, sex, avoid = []) {
    const L = sex === 'm' ? C[comm].m : C[comm].f
    for (let k = 0; k < 20; k++) {
      const g = R.zipf(L, 0.9)
      if (!avoid.includes(g)) return g
    }
    return R.pick(L)
  }
  function middleFor(comm, sex, g) {
    if (comm === 'wb' && R.ch(0.55)) return given(comm, sex, [g])
    if ((comm === 'bd' || comm === 'pk') && sex === 'm' && /^(Mohammed|Muhammad|Mohammad|Abdul)$/.test(g)) return given(comm, sex, ['Mohammed', 'Muhammad', 'Abdul', g])
    if ((comm === 'bd' || comm === 'pk') && R.ch(0.2)) return given(comm, sex, [g])
    if (comm === 'ng' && R.ch(0.7)) return R.pick((sex === 'm' ? ['Oluwaseun', 'Chukwuemeka', 'Oluwatobi', 'Ayomide', 'Chidi', 'Olamide'] : ['Oluwadamilola', 'Adaeze', 'Temitope', 'Ifeoluwa', 'Chinyere', 'Omotola']).filter((x) => x !== g))
    if ((comm === 'ie' || comm === 'pl' || comm === 'ro') && R.ch(0.3)) return given(comm, sex, [g])
    if (comm === 'ar' || comm === 'so') return '' // father's name follows in the family name
    return ''
  }
  function person(h, role, sex, o = {}) {
    const p = {
      pid: `${cfg.prefix}${String(++pidN).padStart(5, '0')}`,
      hh: h.hid,
      comm: h.comm,
      role,
      sex,
      isChild: role === 'child',
      cases: [],
      ...o,
    }
    if (!p.given) p.given = role === 'child' ? given(h.comm, sex) : R.zipf(sex === 'm' ? C[h.comm].adm : C[h.comm].adf, 0.9)
    if (p.middle === undefined) p.middle = role === 'child' ? middleFor(h.comm, sex, p.given) : ''
    p.nhs = newNhs(R, usedNhs)
    h.members.push(p)
    people.push(p)
    return p
  }
  function household(comm, opt = {}) {
    const h = { hid: `H${households.length + 1}`, comm, members: [], addrs: [], cases: [] }
    households.push(h)
    const S = opt.surname || R.zipf(C[comm].sur, 1.0)
    h.surname = S
    // addresses
    h.addrs.push({ from: 0, a: newAddress(R, cfg.streets, usedAddr) })
    const mv = R.ch((comm === 'ro' || comm === 'ie' ? 0.75 : 0.45) * (cfg.moves ?? 1)) ? R.int(1, comm === 'ro' || comm === 'ie' ? 3 : 2) : 0
    const years = R.shuffle(Array.from({ length: cfg.yearTo - cfg.yearFrom }, (_, i) => cfg.yearFrom + 1 + i)).slice(0, mv).sort()
    for (const y of years) h.addrs.push({ from: y, a: newAddress(R, cfg.streets, usedAddr) })
    h.landline = R.ch(0.35) ? takeLand() : null
    // parents
    const father = opt.noFather ? null : R.ch(0.75) || opt.father ? person(h, 'father', 'm', opt.fatherGiven ? { given: opt.fatherGiven } : {}) : null
    const mother = person(h, 'mother', 'f')
    if (father) {
      father.family = comm === 'so' ? R.zipf(C.so.sur) : S
      father.dob = randDate(R, cfg.birthFrom - 38, cfg.birthFrom - 22)
      father.mobile = R.ch(0.7) ? takeMob() : null
    }
    mother.dob = randDate(R, cfg.birthFrom - 34, cfg.birthFrom - 19)
    mother.mobile = R.ch(0.9) ? takeMob() : null
    if (comm === 'bd' || comm === 'pk') mother.family = R.ch(0.6) ? R.pick(C[comm].femSur) : S
    else if (comm === 'so' || comm === 'ar') mother.family = R.ch(0.75) ? R.zipf(C[comm].sur) : S
    else if (comm === 'pl') mother.family = femSur('pl', R.ch(0.85) ? S : R.zipf(C.pl.sur))
    else mother.family = R.ch(0.8) ? S : R.zipf(C[comm].sur)
    if (mother.family === father?.family && comm === 'so') mother.family = R.zipf(C.so.sur)
    h.father = father
    h.mother = mother
    // children
    const n = opt.nChildren ?? R.int(1, 4)
    let d = randDate(R, cfg.birthFrom, cfg.birthTo)
    const kids = []
    for (let i = 0; i < n; i++) {
      if (i > 0) d = addDays(d, R.int(330, 1300))
      if (yearOf(d) > cfg.birthTo) break
      const sex = R.ch(0.5) ? 'm' : 'f'
      const k = person(h, 'child', sex, { given: given(comm, sex, kids.map((x) => x.given)) })
      k.dob = d
      kids.push(k)
    }
    h.kids = kids
    for (const k of kids) setChildFamily(h, k)
    return h
  }
  function setChildFamily(h, k) {
    const S = h.surname
    if (h.comm === 'so') {
      k.family = h.father ? h.father.given : R.zipf(C.so.sur)
      k.altFamily = h.father ? `${h.father.given} ${h.father.family}` : null
    } else if (h.comm === 'pl') k.family = k.sex === 'f' ? femSur('pl', S) : S
    else if ((h.comm === 'bd' || h.comm === 'pk') && k.sex === 'f' && R.ch(0.3)) k.family = R.pick(C[h.comm].femSur)
    else k.family = S
  }
  const finish = (h) => {
    for (const k of h.kids) {
      k.upn = newUpn(k.dob)
      if (yearOf(k.dob) <= cfg.birthTo - 4 && R.ch(0.55)) k.mobile = takeMob()
      if ((k.comm === 'so' || k.comm === 'ro' || k.comm === 'ar') && R.ch(0.12)) {
        k.placeholder = `${yearOf(k.dob)}-01-01`
        k.cases.push('placeholder-dob')
      }
    }
  }

  const H = cfg.hard
  const comms = () => R.wpick(cfg.mix)
  // twins
  for (let i = 0; i < H.twins; i++) {
    const comm = comms()
    const h = household(comm, { nChildren: R.int(1, 3) })
    const kind = i % 3 === 0 ? 'similar' : i % 3 === 1 ? 'initial' : 'plain'
    let g1, g2, s1, s2
    if (kind === 'similar') {
      ;[g1, g2, s1, s2] = R.pick(SIMILAR[comm])
    } else {
      for (let k = 0; k < 50; k++) {
        s1 = R.ch(0.5) ? 'm' : 'f'
        s2 = R.ch(0.5) ? 'm' : 'f'
        g1 = given(comm, s1)
        const L = (s2 === 'm' ? C[comm].m : C[comm].f).filter((x) => x !== g1 && deaccent(x) !== deaccent(g1))
        const same = L.filter((x) => deaccent(x)[0] === deaccent(g1)[0])
        g2 = kind === 'initial' && same.length ? R.pick(same) : R.pick(L)
        if (kind !== 'initial' || same.length) break
      }
    }
    const t0 = h.kids[0]
    t0.given = g1
    t0.sex = s1
    t0.middle = middleFor(comm, s1, g1)
    const t1 = person(h, 'child', s2, { given: g2, dob: t0.dob })
    t1.middle = middleFor(comm, s2, g2)
    setChildFamily(h, t0)
    setChildFamily(h, t1)
    if (comm === 'pl') t1.family = s2 === 'f' ? femSur('pl', h.surname) : h.surname
    h.kids.push(t1)
    t0.twin = t1.pid
    t1.twin = t0.pid
    for (const t of [t0, t1]) t.cases.push(`twin-${kind}`)
    finish(h)
  }
  // parent and child of one name
  for (let i = 0; i < H.namesake; i++) {
    const comm = comms()
    const h = household(comm, { father: true })
    const girl = i % 5 === 4
    const k = h.kids[0]
    if (girl) {
      k.sex = 'f'
      k.given = h.mother.given
      k.family = h.mother.family
      h.mother.cases.push('namesake-parent')
    } else {
      k.sex = 'm'
      k.given = h.father.given
      k.family = h.father.family
      if (comm === 'so') k.family = h.father.family // named in full after the father
      k.altFamily = null
      h.father.cases.push('namesake-parent')
    }
    k.middle = R.ch(0.4) ? middleFor(comm, k.sex, k.given) : ''
    k.cases.push('namesake-parent')
    if (R.ch(0.4)) k.nick = 'Junior'
    finish(h)
  }
  // similar-named siblings
  for (let i = 0; i < H.simSib; i++) {
    const comm = comms()
    const h = household(comm, { nChildren: R.int(2, 4) })
    if (h.kids.length < 2) {
      finish(h)
      continue
    }
    const [g1, g2, s1, s2] = R.pick(SIMILAR[comm])
    ;[h.kids[0].given, h.kids[0].sex, h.kids[1].given, h.kids[1].sex] = [g1, s1, g2, s2]
    for (const k of h.kids.slice(0, 2)) {
      k.middle = middleFor(comm, k.sex, k.given)
      setChildFamily(h, k)
      k.cases.push('similar-sibling')
    }
    finish(h)
  }
  // brothers with one first name (Mohammed X Miah, Mohammed Y Miah)
  for (let i = 0; i < (H.sameFirst || 0); i++) {
    const comm = R.pick(['bd', 'pk'])
    const h = household(comm, { nChildren: R.int(2, 3) })
    if (h.kids.length < 2) {
      finish(h)
      continue
    }
    const first = comm === 'bd' ? 'Mohammed' : 'Muhammad'
    const mids = R.shuffle(C[comm].m.filter((x) => !/^(Mohammed|Muhammad|Mohammad|Abdul)$/.test(x)))
    for (const [j, k] of h.kids.slice(0, 2).entries()) {
      k.sex = 'm'
      k.given = first
      k.middle = mids[j]
      setChildFamily(h, k)
      k.cases.push('brothers-one-first-name')
    }
    finish(h)
  }
  // common full names born close together
  const COMMON = {
    bd: [['Mohammed', 'Miah', 'm'], ['Fatima', 'Begum', 'f'], ['Abdul', 'Rahman', 'm']],
    pk: [['Muhammad', 'Khan', 'm'], ['Aisha', 'Hussain', 'f'], ['Hamza', 'Ahmed', 'm']],
    so: [['Mohamed', 'Ali', 'm'], ['Hodan', 'Mohamed', 'f'], ['Abdi', 'Hassan', 'm']],
    ar: [['Mohammad', 'Al-Hassan', 'm'], ['Fatima', 'Abdullah', 'f']],
    pl: [['Jakub', 'Nowak', 'm'], ['Zuzanna', 'Nowak', 'f']],
    ro: [['Andrei', 'Popa', 'm'], ['Maria', 'Popescu', 'f']],
    ie: [['Patrick', 'Ward', 'm'], ['Bridget', 'McDonagh', 'f']],
    ng: [['David', 'Adeyemi', 'm'], ['Precious', 'Okafor', 'f']],
    wb: [['Jack', 'Smith', 'm'], ['Olivia', 'Jones', 'f'], ['Charlie', 'Brown', 'm']],
  }
  const commonList = Object.entries(COMMON).flatMap(([c, l]) => l.map((x) => [c, ...x]))
  R.shuffle(commonList)
  for (let i = 0; i < H.common; i++) {
    const [comm, g, fam, sex] = commonList[i % commonList.length]
    const base = randDate(R, cfg.birthFrom + 1, cfg.birthTo - 1)
    const n = R.int(3, 5)
    for (let j = 0; j < n; j++) {
      const famName = comm === 'bd' && sex === 'f' ? R.pick(C.bd.sur) : fam
      const h = household(comm, comm === 'so' ? { father: true, fatherGiven: fam } : { surname: comm === 'bd' && sex === 'f' ? famName : fam })
      const k = h.kids[R.int(0, h.kids.length - 1)]
      k.given = g
      k.sex = sex
      k.dob = addDays(base, R.int(-75, 75))
      k.middle = R.ch(0.5) ? middleFor(comm, sex, g) : ''
      k.family = fam
      if (comm === 'pl' && sex === 'f') k.family = fam
      k.cases.push(`common-name:${g} ${fam}`)
      // keep siblings at least 10 months from the common child
      for (const o of h.kids) if (o !== k && Math.abs(Date.parse(o.dob) - Date.parse(k.dob)) < 300 * 864e5) o.dob = addDays(k.dob, o.dob < k.dob ? -400 : 400)
      finish(h)
    }
  }
  // surname change on a mother's marriage
  for (let i = 0; i < H.surnameChange; i++) {
    const comm = R.pick(['wb', 'wb', 'ie', 'pl', 'ro', 'ng'])
    const h = household(comm, { noFather: true, nChildren: R.int(1, 3) })
    const y = R.int(cfg.yearFrom + 1, cfg.yearTo - 1)
    let S2 = R.zipf(C[comm].sur)
    if (S2 === h.surname) S2 = R.pick(C[comm].sur.filter((x) => x !== h.surname))
    h.change = { year: y, from: h.surname, to: S2 }
    for (const p of [h.mother, ...h.kids]) {
      p.famHist = [
        { from: 0, family: p.family },
        { from: y, family: p === h.mother || p.sex === 'f' ? femSur(comm, S2) : S2 },
      ]
      p.cases.push('surname-change')
    }
    finish(h)
  }
  // double-barrelled
  for (let i = 0; i < H.dbl; i++) {
    const comm = R.pick(['wb', 'wb', 'wb', 'ie', 'ng'])
    const a = R.zipf(C[comm].sur),
      b = R.pick(C[comm].sur.filter((x) => x !== a))
    const h = household(comm, { surname: `${a}-${b}` })
    h.dbl = [a, b]
    for (const k of h.kids) k.cases.push('double-barrelled')
    if (h.father) h.father.cases.push('double-barrelled')
    finish(h)
  }
  // ordinary households
  while (people.length < cfg.targetPeople) finish(household(comms()))

  for (const h of households) {
    // newborn carrying the mother's NHS number (health's first record)
    const y = h.kids[h.kids.length - 1]
    if (y && yearOf(y.dob) >= cfg.birthTo - 2 && R.ch(0.35)) {
      y.motherNhs = h.mother.nhs
      y.cases.push('mothers-nhs-number')
    }
    for (const p of h.members) if (!p.famHist) p.famHist = [{ from: 0, family: p.family }]
  }
  return { people, households, usedPnc, takeMob }
}
export const famAt = (p, y) => p.famHist.filter((f) => f.from <= y).pop().family
export const addrAt = (h, y) => h.addrs.filter((a) => a.from <= y).pop().a

// ---------- how an agency writes a person ----------
// st: an agency's style (probabilities); y: the year the agency knew the person in; strict: the
// import format (valid dates and identifiers only) rather than the link CSV (anything goes).
export function renderPerson(R, p, h, st, y, strict) {
  const tags = []
  const other = []
  let g = p.given,
    fam = famAt(p, y)
  // surname change: agencies keep the old name, write the new, or both joined
  if (h.change && y >= h.change.year && p.famHist.length > 1) {
    const old = p.famHist[0].family
    const x = R.r()
    if (x < (st.lagName ?? 0.3)) (fam = old), tags.push('old-surname')
    else if (x < (st.lagName ?? 0.3) + 0.15) (fam = `${old}-${fam}`), tags.push('both-surnames')
    else if (R.ch(0.4)) other.push(`${p.given} ${old}`)
  }
  if (h.dbl && fam.includes('-')) {
    const x = R.r()
    if (x < 0.22) (fam = h.dbl[0]), tags.push('dbl-first-half')
    else if (x < 0.4) (fam = h.dbl[1]), tags.push('dbl-second-half')
    else if (x < 0.52) (fam = h.dbl.join(' ')), tags.push('dbl-space')
    else if (x < 0.58) (fam = h.dbl.join('')), tags.push('dbl-joined')
  }
  if (p.altFamily && R.ch(0.45)) (fam = p.altFamily), tags.push('somali-full-family')
  if (p.comm === 'pl' && p.sex === 'f' && R.ch(0.12)) (fam = mascSur(fam)), tags.push('masculine-surname')
  // given name
  const nickList = [...(NICK[g] || []), ...(p.nick ? [p.nick] : [])]
  if (p.middle && R.ch(st.middleInGiven ?? 0.15)) (g = `${g} ${p.middle}`), tags.push('middle-in-given')
  else if (p.middle && (p.comm === 'bd' || p.comm === 'pk' || p.comm === 'ng') && R.ch(st.knownAs ?? 0.25))
    (g = p.middle), tags.push('known-by-middle'), st.nickOther && other.push(p.given)
  else if (nickList.length && R.ch(st.nick ?? 0.1)) {
    const n = R.pick(nickList)
    if (R.ch(st.nickOther ?? 0)) other.push(n), tags.push('nick-in-other')
    else (g = n), tags.push('nickname')
  } else if (R.ch(st.pet ?? 0) && p.isChild) {
    const pet = p.petName || (p.petName = p.comm === 'bd' || p.comm === 'pk' ? R.pick(COMM[p.comm].pet) : R.pick(ODD_PET))
    g = pet
    tags.push('pet-name')
  }
  if (p.middle && g === p.given && R.ch(st.middleOther ?? 0.1)) other.push(`${p.given} ${p.middle} ${fam}`)
  if (VARS.has(g) && R.ch(st.variant ?? 0.15)) (g = R.pick(VARS.get(g))), tags.push('given-variant')
  if (VARS.has(fam) && R.ch(st.variant ?? 0.15)) (fam = R.pick(VARS.get(fam))), tags.push('family-variant')
  if (R.ch(st.deacc ?? 0.4)) {
    const a = deaccent(g),
      b = deaccent(fam)
    if (a !== g || b !== fam) tags.push('accents-dropped')
    ;(g = a), (fam = b)
  } else if (p.comm === 'ro' && R.ch(0.4)) (g = cedilla(g)), (fam = cedilla(fam))
  if (R.ch(st.typo ?? 0.04)) R.ch(0.5) ? (g = typo(R, g)) : (fam = typo(R, fam)), tags.push('typo')
  if (R.ch(st.initial ?? 0)) (g = g[0]), tags.push('initial-only')
  if (R.ch(st.upper ?? 0)) fam = fam.toUpperCase()
  if (R.ch(st.famMissing ?? 0)) (fam = ''), tags.push('no-family-name')
  else if (R.ch(st.famInitial ?? 0)) (fam = fam[0]), tags.push('family-initial')
  if (R.ch(st.swap ?? 0.015) && fam) ([g, fam] = [fam, g]), tags.push('names-swapped')
  // date of birth
  let dob = p.dob
  if (p.placeholder && R.ch(st.placeholder ?? 0.5)) (dob = p.placeholder), tags.push('placeholder-1-jan')
  const [Y, M, D] = dob.split('-').map(Number)
  const x = R.r()
  const d = st.dob || {}
  let c = 0
  if (x < (c += d.missing ?? 0.03)) (dob = ''), tags.push('no-dob')
  else if (x < (c += d.year ?? 0.01)) (dob = String(Y)), tags.push('dob-year')
  else if (x < (c += d.ym ?? 0.01)) (dob = `${Y}-${pad(M)}`), tags.push('dob-year-month')
  else if (x < (c += d.swap ?? 0.02) && D <= 12 && D !== M) (dob = `${Y}-${pad(D)}-${pad(M)}`), tags.push('day-month-swapped')
  else if (x < (c += d.typo ?? 0.02)) {
    const k = R.int(0, 2)
    let dd = k === 0 ? Math.min(28, D + R.pick([-10, -1, 1, 10].filter((v) => D + v >= 1))) : D
    let yy = k === 1 ? Y + R.pick([-1, 1]) : Y
    let mm = k === 2 ? ((M + R.pick([0, 10])) % 12) + 1 : M
    if (!strict && k === 0 && R.ch(0.2)) dd = 31 // impossible day
    dob = `${yy}-${pad(mm)}-${pad(dd)}`
    if (strict && new Date(Date.UTC(yy, mm - 1, dd)).getUTCDate() !== dd) dob = `${yy}-${pad(mm)}-01`
    tags.push('dob-typo')
  }
  if (!strict && /^\d{4}-\d\d-\d\d$/.test(dob)) {
    const f = R.r()
    if (f < (st.fmtCompact ?? 0)) dob = dob.replace(/-/g, '')
    else if (f < (st.fmtCompact ?? 0) + (st.fmtSlash ?? 0)) dob = `${dob.slice(8)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`
  }
  // sex
  let sex = p.sex === 'm' ? 'male' : 'female'
  if (R.ch(st.sexMissing ?? 0.05)) (sex = strict ? null : ''), tags.push('no-sex')
  else if (R.ch(st.sexWrong ?? 0.005)) (sex = sex === 'male' ? 'female' : 'male'), tags.push('sex-wrong')
  if (!strict && sex && R.ch(st.sexShort ?? 0)) sex = sex[0].toUpperCase()
  // address: the one known at y, or an older one when the agency lags
  let ay = y
  if (R.ch(st.lagAddr ?? 0.15) && h.addrs.length > 1) (ay = y - R.int(1, 4)), tags.push('old-address')
  const a = addrAt(h, ay)
  if (ay !== y && addrAt(h, y) === a) tags.pop()
  let line = '',
    pc = ''
  const xa = R.r()
  if (xa < (st.addrMissing ?? 0.05)) tags.push('no-address')
  else if (xa < (st.addrMissing ?? 0.05) + (st.pcOnly ?? 0)) pc = writePostcode(R, a.postcode, { district: st.district ?? 0 })
  else {
    line = writeLine(R, a, { upper: st.addrUpper ?? 0, abbr: st.abbr })
    pc = R.ch(st.pcMissing ?? 0.05) ? '' : writePostcode(R, a.postcode, { district: st.district ?? 0, nospace: st.nospace })
  }
  // phone
  let phone = ''
  const ph = st.phone || {}
  const xp = R.r()
  if (p.isChild) {
    if (p.mobile && xp < (ph.own ?? 0.1)) phone = p.mobile
    else if (xp < (ph.own ?? 0.1) + (ph.parent ?? 0.3)) phone = h.mother.mobile || h.landline || ''
    else if (xp < (ph.own ?? 0.1) + (ph.parent ?? 0.3) + (ph.land ?? 0.05)) phone = h.landline || ''
  } else if (xp < (ph.adult ?? 0.5)) phone = p.mobile || h.landline || ''
  phone = fmtPhone(R, phone)
  // NHS number
  let nhs = ''
  if (R.ch(st.nhs ?? 0)) {
    nhs = p.nhs
    if (p.motherNhs && R.ch(st.motherNhs ?? 0)) (nhs = p.motherNhs), tags.push('mothers-nhs')
    else if (R.ch(st.nhsTypo ?? 0.01)) {
      const m = mistypeNhs(R, nhs, strict)
      if (m) (nhs = m), tags.push('nhs-mistyped')
    }
    else if (p.twinObj && R.ch(st.twinNhs ?? 0)) (nhs = p.twinObj.nhs), tags.push('twin-nhs')
    nhs = fmtNhs(R, nhs)
  }
  return { given: g, family: fam, other, dob, sex, line, pc, phone, nhs, tags, addr: a }
}
