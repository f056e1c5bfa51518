// Shared helpers for the blind evaluation generators (no npm dependencies).
// Written without reading Threadline's source: only the published format and CLI docs.

export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const R = {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    // weighted pick: first items more common (Zipf-like)
    zipf: (arr, s = 1.0) => {
      let tot = 0
      for (let i = 0; i < arr.length; i++) tot += 1 / Math.pow(i + 1, s)
      let x = next() * tot
      for (let i = 0; i < arr.length; i++) {
        x -= 1 / Math.pow(i + 1, s)
        if (x <= 0) return arr[i]
      }
      return arr[arr.length - 1]
    },
    shuffle: (arr) => {
      const a = arr.slice()
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[a[i], a[j]] = [a[j], a[i]]
      }
      return a
    },
  }
  return R
}

// ---- identifiers ----
export function nhsNumber(R) {
  for (;;) {
    const d = []
    d.push(R.int(4, 7)) // realistic NHS numbers start 4..7 for England
    for (let i = 1; i < 9; i++) d.push(R.int(0, 9))
    let s = 0
    for (let i = 0; i < 9; i++) s += d[i] * (10 - i)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    d.push(c)
    return d.join('')
  }
}
export function nhsSpaced(n) {
  return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
}
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upn(R, la, estab, year2) {
  const body = `${la}${estab}${year2}${String(R.int(0, 999)).padStart(3, '0')}` // 12 chars
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i + 2)
  return UPN_LETTERS[s % 23] + body
}
const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY'
export function pncId(R, year) {
  const yy = String(year % 100).padStart(2, '0')
  const serial = String(R.int(1, 999999)).padStart(6, '0')
  const n = Number(yy + serial.padStart(7, '0'))
  return `${yy}/${serial}${PNC_LETTERS[n % 23]}`
}

// ---- dates ----
export const pad = (n) => String(n).padStart(2, '0')
export const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
export function randDate(R, y0, y1) {
  const a = Date.UTC(y0, 0, 1),
    b = Date.UTC(y1, 11, 31)
  return new Date(a + Math.floor(R.next() * (b - a + 1) / 86400000) * 86400000)
}
// local London wall-clock string (no offset) from a UTC-ish Date used as a wall clock
export const wall = (d) =>
  `${ymd(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
export const addH = (d, h) => new Date(d.getTime() + h * 3600000)
export const addD = (d, n) => new Date(d.getTime() + n * 86400000)

// ---- string corruption ----
const KEYB = { a: 'sq', e: 'wr', i: 'uo', o: 'ip', n: 'mb', m: 'n', r: 'et', s: 'ad', t: 'ry', l: 'k', h: 'gj', c: 'xv', y: 'tu', u: 'yi', d: 'sf', k: 'jl', b: 'vn', g: 'fh', p: 'o' }
export function typo(R, s) {
  if (!s || s.length < 3) return s
  const i = R.int(1, s.length - 2)
  const k = R.int(0, 3)
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) // transpose
  if (k === 1) return s.slice(0, i) + s.slice(i + 1) // delete
  if (k === 2) return s.slice(0, i) + s[i] + s.slice(i) // double
  const c = s[i].toLowerCase()
  const rep = KEYB[c] ? R.pick(KEYB[c].split('')) : 'e'
  return s.slice(0, i) + (s[i] === c ? rep : rep.toUpperCase()) + s.slice(i + 1)
}
export function stripAccents(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
}
export const cap = (s) => s.replace(/(^|[\s'-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase())
export function swapDayMonth(dob) {
  const [y, m, d] = dob.split('-')
  if (Number(d) > 12 || d === m) return null
  return `${y}-${d}-${m}`
}

// ---- names ----
// given-name variants: nicknames / diminutives (hand-written, UK usage) and transliterations
export const NICK = {
  William: ['Will', 'Billy', 'Liam'], Thomas: ['Tom', 'Tommy'], James: ['Jim', 'Jimmy', 'Jamie'],
  Joseph: ['Joe', 'Joey'], Daniel: ['Dan', 'Danny'], Jack: ['Jackie'], Samuel: ['Sam', 'Sammy'],
  Benjamin: ['Ben', 'Benji'], Alexander: ['Alex', 'Xander'], Matthew: ['Matt', 'Matty'],
  Christopher: ['Chris', 'Kit'], Michael: ['Mike', 'Mikey', 'Mick'], Nathan: ['Nate'],
  Callum: ['Cal'], Joshua: ['Josh'], Jayden: ['Jay'], Kyle: ['Ky'], Bradley: ['Brad'],
  Anthony: ['Tony', 'Ant'], Robert: ['Rob', 'Bobby', 'Robbie'], Richard: ['Rich', 'Ricky'],
  Steven: ['Steve', 'Stevie'], Charles: ['Charlie'], Oliver: ['Ollie'], Harrison: ['Harry'],
  Frederick: ['Freddie', 'Fred'], Alfie: ['Alf'], Archibald: ['Archie'], Theodore: ['Theo', 'Teddy'],
  Elizabeth: ['Beth', 'Libby', 'Lizzie'], Rebecca: ['Becky', 'Becca'], Jessica: ['Jess', 'Jessie'],
  Katherine: ['Kate', 'Katie', 'Kath'], Catherine: ['Cath', 'Cathy', 'Kate'], Charlotte: ['Lottie', 'Charlie'],
  Samantha: ['Sam', 'Sammie'], Victoria: ['Vicky', 'Tori'], Abigail: ['Abbie', 'Abi'],
  Olivia: ['Liv', 'Livvy'], Amelia: ['Millie', 'Mia'], Isabella: ['Bella', 'Izzy'], Isabelle: ['Izzy', 'Issy'],
  Gabrielle: ['Gabby'], Natasha: ['Tasha'], Danielle: ['Dani'], Stephanie: ['Steph'],
  Jennifer: ['Jenny', 'Jen'], Margaret: ['Maggie', 'Peggy'], Eleanor: ['Ellie', 'Nell'], Ellie: ['Elle'],
  Courtney: ['Court'], Chantelle: ['Chanty'], Shannon: ['Shan'], Kayleigh: ['Kay'],
  Patrick: ['Paddy', 'Pat'], Bridget: ['Biddy', 'Bridie'], Michaela: ['Mikki'], Johnny: ['John'],
  Muhammad: ['Mo', 'Moe'], Mohammed: ['Mo'], Abdullah: ['Abdul'], Abdirahman: ['Abdi'], Abdullahi: ['Abdi'],
  Ibrahim: ['Ibby', 'Ibi'], Zainab: ['Zee'], Fatima: ['Fati'], Yusuf: ['Yus'], Hamza: ['Hamz'],
  Katarzyna: ['Kasia', 'Kasha'], Zofia: ['Zosia'], Aleksandra: ['Ola', 'Ala'], Małgorzata: ['Gosia'],
  Jakub: ['Kuba'], Łukasz: ['Luke'], Wojciech: ['Wojtek'], Oleksandr: ['Sasha'], Aleksander: ['Olek'],
  Dominik: ['Dom'], Natalia: ['Nat'], Weronika: ['Ronnie'], Mateusz: ['Matt'],
  Tyrone: ['Ty'], Jermaine: ['Maine'], Oluwaseun: ['Seun'], Oluwadamilare: ['Dami'], Chukwuemeka: ['Emeka'],
}
export const TRANSLIT = {
  Muhammad: ['Mohammed', 'Mohammad', 'Mohamed', 'Muhammed', 'Mohamad'],
  Mohammed: ['Muhammad', 'Mohammad', 'Mohamed'],
  Ahmed: ['Ahmad', 'Ahmet'], Yusuf: ['Yousef', 'Youssef', 'Yusef'], Hussain: ['Hussein', 'Husain', 'Hossain'],
  Aisha: ['Ayesha', 'Aysha', 'Aishah'], Fatima: ['Fatimah', 'Fatema'], Mariam: ['Maryam', 'Miriam'],
  Khadija: ['Khadijah', 'Khadeeja'], Zainab: ['Zaynab', 'Zeinab'], Hamza: ['Hamzah'], Omar: ['Umar', 'Omer'],
  Abdirahman: ['Abdulrahman', 'Abdi Rahman', 'Abdurahman'], Abdullahi: ['Abdallahi'],
  Ibrahim: ['Ebrahim', 'Ibraheem'], Hassan: ['Hasan'], Sumaiya: ['Sumaya', 'Sumayyah'], Safiya: ['Safiyyah', 'Safia'],
  Layla: ['Leila', 'Laila'], Yasmin: ['Yasmine', 'Jasmin'], Amira: ['Ameera'], Noor: ['Nur'],
  Mustafa: ['Mostafa', 'Mustapha'], Khalid: ['Khaled'], Tariq: ['Tarik'], Rashid: ['Rasheed'],
  Oleksandr: ['Aleksandr', 'Alexander', 'Olexandr'], Dmytro: ['Dmitri', 'Dmitry'], Andriy: ['Andrii', 'Andrey'],
  Katarzyna: ['Katarzina', 'Katherine'], Wojciech: ['Voytek'], Mihai: ['Mihail'], Ionuț: ['Ionut'],
  Siobhán: ['Siobhan', 'Shivaun'], Aoife: ['Eefa'], Niamh: ['Neve', 'Neeve'], Caoimhe: ['Keeva'],
  Zoë: ['Zoe'], Chloë: ['Chloe'], Renée: ['Renee'], Łukasz: ['Lukasz'], Zuzanna: ['Zuzana'],
  Begum: ['Bibi'],
}
export const SURNAME_VARIANTS = {
  Hussain: ['Hussein', 'Husain', 'Hossain'], Mohammed: ['Muhammad', 'Mohamed'], Ahmed: ['Ahmad'],
  Chaudhry: ['Choudhury', 'Chowdhury', 'Chaudhary'], Rahman: ['Rehman'], Iqbal: ['Ikbal'], Mahmood: ['Mahmud', 'Mehmood'],
  Siddiqui: ['Siddiqi'], Qureshi: ['Kureshi'], Abdullahi: ['Abdallahi'], Farah: ['Farrah'],
  Kowalski: ['Kowalsky'], Kowalska: ['Kowalski'], Wiśniewska: ['Wisniewska'], Wiśniewski: ['Wisniewski'],
  Lewandowski: ['Lewandowsky'], Nowak: ['Novak'], Kovalenko: ['Kowalenko'], Shevchenko: ['Shevchenco'],
  McDonagh: ['McDonough', 'MacDonagh', 'Mcdonagh'], McGinley: ['Mcginley'], "O'Reilly": ['OReilly', 'Reilly'],
  "O'Brien": ['OBrien', 'O Brien'], Ward: ['Warde'], Joyce: ['Joice'], Maughan: ['Mahon', 'Maughen'],
  Stokes: ['Stoakes'], Macdonald: ['McDonald', 'MacDonald'], Thomson: ['Thompson'], Thompson: ['Thomson'],
  Brown: ['Browne'], Clarke: ['Clark'], Clark: ['Clarke'], Smyth: ['Smith'], Grey: ['Gray'],
  Popescu: ['Popesku'], Ionescu: ['Ionesku'], Nguyen: ['Nguyễn'],
}

export function csvCell(v) {
  if (v == null) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
