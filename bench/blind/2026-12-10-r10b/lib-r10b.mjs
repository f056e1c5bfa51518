// Shared by gen-people-q.mjs and gen-area-e4.mjs (round r10b). No dependencies; fixed seeds.
// Everything is fictional: names drawn Zipf-wise per community, NHS numbers in the 999 range with a
// valid modulus-11 check digit, UPNs with a valid check letter, phones in Ofcom's drama range.

export class R {
  constructor(seed) {
    this.a = seed >>> 0
  }
  next() {
    let t = (this.a = (this.a + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), 1 | t)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(a, b) {
    return a + Math.floor(this.next() * (b - a + 1))
  }
  pick(a) {
    return a[Math.floor(this.next() * a.length)]
  }
  chance(p) {
    return this.next() < p
  }
  zipf(a, s = 1) {
    let tot = 0
    for (let i = 0; i < a.length; i++) tot += 1 / Math.pow(i + 1, s)
    let x = this.next() * tot
    for (let i = 0; i < a.length; i++) {
      x -= 1 / Math.pow(i + 1, s)
      if (x <= 0) return a[i]
    }
    return a[a.length - 1]
  }
  shuffle(a) {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[a[i], a[j]] = [a[j], a[i]]
    }
    return a
  }
}

// ---------- identifiers ----------
export function nhsNumber(r, used) {
  for (;;) {
    const d = [9, 9, 9]
    for (let i = 0; i < 6; i++) d.push(r.int(0, 9))
    let s = 0
    for (let i = 0; i < 9; i++) s += d[i] * (10 - i)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    const n = d.join('') + c
    if (used.has(n)) continue
    used.add(n)
    return n
  }
}
export function nhsValid(n) {
  const d = n.replace(/\s/g, '')
  if (!/^\d{10}$/.test(d)) return false
  let s = 0
  for (let i = 0; i < 9; i++) s += +d[i] * (10 - i)
  let c = 11 - (s % 11)
  if (c === 11) c = 0
  return c !== 10 && c === +d[9]
}
// a mistyped NHS number that still passes the check (two digits transposed), or null
export function nhsTransposed(r, n) {
  for (let k = 0; k < 12; k++) {
    const i = r.int(3, 7)
    const d = n.split('')
    if (d[i] === d[i + 1]) continue
    ;[d[i], d[i + 1]] = [d[i + 1], d[i]]
    const m = d.join('')
    if (nhsValid(m)) return m
  }
  return null
}
const UPNL = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upn(r, la, used) {
  for (;;) {
    const body = String(la) + String(r.int(1000, 7999)) + String(r.int(10, 24)) + String(r.int(0, 999)).padStart(3, '0')
    let s = 0
    for (let i = 0; i < 12; i++) s += +body[i] * (i + 2)
    const u = UPNL[s % 23] + body
    if (used.has(u)) continue
    used.add(u)
    return u
  }
}
export function upnValid(u) {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(u)) return false
  if (/[A-Z]$/.test(u)) return UPNL.includes(u[0]) // temporary UPN
  let s = 0
  const body = u.slice(1)
  for (let i = 0; i < 12; i++) s += +body[i] * (i + 2)
  return UPNL[s % 23] === u[0]
}
const PNCL = 'ZABCDEFGHJKLMNPQRTUVWXY'
export function pnc(r, yy) {
  const serial = r.int(100000, 999999)
  const n = Number(String(yy).padStart(2, '0') + String(serial).padStart(7, '0'))
  return `${String(yy).padStart(2, '0')}/${serial}${PNCL[n % 23]}`
}

// ---------- dates ----------
export const pad = (n, w = 2) => String(n).padStart(w, '0')
export const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
export const D = (s) => new Date(s + 'T00:00:00Z')
export const addDays = (s, n) => ymd(new Date(D(s).getTime() + n * 86400000))
export function randDate(r, y0, y1) {
  const a = Date.UTC(y0, 0, 1),
    b = Date.UTC(y1, 11, 31)
  return ymd(new Date(a + Math.floor(r.next() * ((b - a) / 86400000 + 1)) * 86400000))
}
export function realDate(y, m, d) {
  const x = new Date(Date.UTC(y, m - 1, d))
  return x.getUTCFullYear() === y && x.getUTCMonth() === m - 1 && x.getUTCDate() === d
}
// Bikram Sambat, roughly: +56 years 8 months 17 days (the conversion an agency copied from a citizenship certificate)
export function toBS(s) {
  const d = D(s)
  let y = d.getUTCFullYear() + 56,
    m = d.getUTCMonth() + 1 + 8,
    dd = d.getUTCDate() + 17
  if (dd > 30) {
    dd -= 30
    m++
  }
  if (m > 12) {
    m -= 12
    y++
  }
  if (dd > 28 && m === 2) dd = 28
  return `${y}-${pad(m)}-${pad(dd)}`
}

// ---------- names ----------
export const COMM = {
  wb: {
    label: 'White British',
    m: ['Oliver', 'Jack', 'Harry', 'George', 'Charlie', 'Thomas', 'James', 'William', 'Alfie', 'Joshua', 'Riley', 'Jacob', 'Daniel', 'Samuel', 'Joseph', 'Mason', 'Lewis', 'Ethan', 'Freddie', 'Archie', 'Tyler', 'Kieran', 'Callum', 'Liam', 'Connor', 'Toby', 'Reece'],
    f: ['Olivia', 'Amelia', 'Isla', 'Emily', 'Ava', 'Lily', 'Jessica', 'Sophie', 'Chloe', 'Grace', 'Ella', 'Ellie', 'Evie', 'Poppy', 'Charlotte', 'Isabella', 'Megan', 'Lauren', 'Holly', 'Katie', 'Abigail', 'Ruby', 'Millie', 'Freya', 'Mia', 'Zoë'],
    am: ['Paul', 'Mark', 'David', 'Lee', 'Darren', 'Wayne', 'Craig', 'Stuart', 'Gary', 'Dean', 'Jason', 'Richard', 'Steven', 'Anthony'],
    af: ['Sarah', 'Claire', 'Emma', 'Kelly', 'Lisa', 'Nicola', 'Donna', 'Gemma', 'Joanne', 'Stacey', 'Kerry', 'Michelle', 'Rebecca', 'Samantha'],
    fam: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Wright', 'Robinson', 'Godden', 'Hogben', 'Pilcher', 'Brenchley', 'Ashdown', 'Kemp', 'Friend', 'Pay', 'Wood', 'Thompson', 'Walker', 'Edwards', 'Hughes', 'Green', 'Hall', 'Clarke', 'Bailey', 'Finn', 'Marsh', 'Sharp', 'Epps', 'Goodban', 'Fagg', 'Spain', 'Tapsell', 'Wellard'],
  },
  np: {
    label: 'Nepali (Gurkha families)',
    m: ['Bikash', 'Prakash', 'Sujan', 'Anish', 'Bishal', 'Roshan', 'Suman', 'Dipesh', 'Sandesh', 'Aayush', 'Pratik', 'Kiran', 'Sujal', 'Niraj'],
    f: ['Sunita', 'Anita', 'Sabina', 'Srijana', 'Pooja', 'Asmita', 'Rojina', 'Sarita', 'Bina', 'Manisha', 'Aashika', 'Prakriti', 'Kusum', 'Samjhana'],
    am: ['Dil', 'Hari', 'Bhim', 'Tek', 'Man', 'Krishna', 'Ram', 'Chandra', 'Yam', 'Padam', 'Khem', 'Bal'],
    af: ['Sita', 'Gita', 'Maya', 'Devi', 'Laxmi', 'Kamala', 'Durga', 'Bimala', 'Parbati', 'Tara'],
    fam: ['Gurung', 'Rai', 'Limbu', 'Magar', 'Pun', 'Thapa', 'Tamang', 'Ghale', 'Shrestha', 'Ale', 'Sherpa', 'Thapa Magar'],
  },
  hk: {
    label: 'Hong Kong Chinese (BN(O) arrivals)',
    m: ['Tsz Kin', 'Ka Ho', 'Chun Hei', 'Hei Long', 'Tsz Lok', 'Ka Lok', 'Chi Hin', 'Chun Yu', 'Ho Yin', 'Wai Kit', 'Tsz Hin', 'Ka Chun'],
    f: ['Wing Yan', 'Hoi Ching', 'Ka Yan', 'Tsz Ching', 'Man Yi', 'Wing Sum', 'Hoi Yan', 'Ka Wai', 'Tsz Yu', 'Sum Yi', 'Wing Tung', 'Hiu Tung'],
    am: ['Kwok Wai', 'Chi Ming', 'Siu Keung', 'Wai Man', 'Kin Wah', 'Chun Kit'],
    af: ['Mei Ling', 'Siu Wai', 'Lai Ping', 'Suk Yee', 'Wai Ling', 'Yuk Kwan'],
    em: ['Ethan', 'Ryan', 'Jason', 'Marcus', 'Ivan', 'Kelvin', 'Lucas', 'Aaron', 'Hayden', 'Isaac', 'Jayden', 'Oscar'],
    ef: ['Chloe', 'Hailey', 'Kayla', 'Natalie', 'Michelle', 'Vivian', 'Cherry', 'Yuki', 'Jasmine', 'Catherine', 'Hazel', 'Zoe'],
    eam: ['Kenneth', 'Raymond', 'Alan', 'Eric', 'Tony', 'Wilson', 'Patrick', 'Stephen'],
    eaf: ['Winnie', 'Carmen', 'Iris', 'Fanny', 'Mandy', 'Joyce', 'Queenie', 'Connie'],
    fam: ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ho', 'Leung', 'Ng', 'Lam', 'Tsang', 'Yip', 'Kwok', 'Choi', 'Mak'],
  },
  ua: {
    label: 'Ukrainian (Homes for Ukraine)',
    m: ['Oleksandr', 'Maksym', 'Artem', 'Dmytro', 'Mykyta', 'Andrii', 'Ivan', 'Danylo', 'Serhii', 'Mykhailo', 'Bohdan', 'Yurii'],
    f: ['Sofiia', 'Anastasiia', 'Yuliia', 'Viktoriia', 'Kateryna', 'Daria', 'Anna', 'Polina', 'Solomiia', 'Veronika', 'Alina', 'Mariia'],
    am: ['Oleh', 'Vasyl', 'Volodymyr', 'Ihor', 'Taras', 'Roman', 'Viktor', 'Serhii'],
    af: ['Olena', 'Iryna', 'Tetiana', 'Nataliia', 'Oksana', 'Svitlana', 'Liudmyla', 'Yuliia'],
    fam: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Kovalchuk', 'Lysenko', 'Marchenko', 'Savchenko', 'Moroz', 'Kovalskyi', 'Savytskyi', 'Tkachuk'],
  },
  af: {
    label: 'Afghan (ARAP/ACRS resettlement)',
    m: ['Mohammad', 'Ahmad', 'Abdullah', 'Mustafa', 'Omid', 'Farhad', 'Jawad', 'Sohail', 'Bilal', 'Hamid', 'Naveed', 'Rahmatullah', 'Mohammad Ali', 'Ahmad Shah'],
    f: ['Fatima', 'Zahra', 'Maryam', 'Sahar', 'Mursal', 'Parisa', 'Marwa', 'Shabnam', 'Nazanin', 'Hadia', 'Madina', 'Khadija'],
    am: ['Mohammad', 'Abdul Wahid', 'Gul Ahmad', 'Naqibullah', 'Abdul Rahim', 'Nasir', 'Zabihullah', 'Abdul Qadir'],
    af: ['Fariba', 'Gulalai', 'Nasima', 'Roya', 'Shakila', 'Malalai', 'Zarghuna', 'Bibi Gul'],
    fam: ['Ahmadi', 'Mohammadi', 'Hakimi', 'Rahimi', 'Noori', 'Sultani', 'Ahmadzai', 'Stanikzai', 'Safi', 'Hashimi', 'Karimi', 'Popal'],
  },
  ta: {
    label: 'Sri Lankan Tamil',
    m: ['Tharshan', 'Kajan', 'Kajanan', 'Thuvarakan', 'Kirushanthan', 'Sajeevan', 'Piranavan', 'Mathuran', 'Abinash', 'Niroshan', 'Kishoth', 'Sanjeev', 'Thanushan', 'Vithushan'],
    f: ['Abinaya', 'Thuvaraka', 'Kajani', 'Sharmila', 'Nivetha', 'Tharsika', 'Piriyanka', 'Mathumitha', 'Keerthana', 'Sowmiya', 'Janani', 'Thanushika'],
    am: ['Sivakumar', 'Rajkumar', 'Thavarajah', 'Kanagaratnam', 'Jeyakumar', 'Sritharan', 'Balachandran', 'Yogarajah', 'Nagendran', 'Sivanesan'],
    af: ['Vasanthi', 'Jeyanthi', 'Thayalini', 'Kalaivani', 'Sivaranjini', 'Tharmila', 'Kohila', 'Mathivathani'],
    fam: ['Murugesu', 'Rasiah', 'Kandiah', 'Selvarajah', 'Ponnambalam', 'Sinnathurai', 'Arumugam', 'Velupillai'],
  },
  gh: {
    label: 'Ghanaian (Akan)',
    m: ['Emmanuel', 'Samuel', 'Daniel', 'Joseph', 'Nana', 'Prince', 'Michael', 'Isaac', 'Benjamin', 'Caleb', 'Jeremiah', 'Richmond'],
    f: ['Gifty', 'Priscilla', 'Comfort', 'Blessing', 'Grace', 'Abigail', 'Vanessa', 'Nana', 'Josephine', 'Princess', 'Jennifer', 'Mavis'],
    am: ['Kwame', 'Kofi', 'Emmanuel', 'Francis', 'Stephen', 'Isaac', 'Eric', 'Kwabena'],
    af: ['Akosua', 'Comfort', 'Agnes', 'Felicia', 'Rita', 'Abena', 'Mercy', 'Georgina'],
    fam: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah', 'Agyeman', 'Addo', 'Amoah', 'Darko', 'Ofori', 'Acheampong', 'Opoku', 'Sarpong'],
  },
  go: {
    label: 'Goan (via Portugal)',
    m: ['Savio', 'Joel', 'Ryan', 'Aaron', 'Dylan', 'Nathan', 'Jude', 'Glenn', 'Clinton', 'Anselm', 'João', 'Ethan'],
    f: ['Sharon', 'Flavia', 'Melanie', 'Leanne', 'Shania', 'Alisha', 'Bianca', 'Joanna', 'Celina', 'Inês', 'Precilla', 'Sonia'],
    am: ['Agnelo', 'Rosario', 'Joaquim', 'Cajetan', 'Menino', 'Domnic', 'Francis', 'Savio'],
    af: ['Precilla', 'Philomena', 'Ermelinda', 'Conceição', 'Rosy', 'Maria', 'Fatima', 'Lourdes'],
    fam: ["D'Souza", 'Fernandes', "D'Costa", 'Rodrigues', 'Pereira', 'Gomes', "D'Mello", 'Menezes', 'Noronha', 'Furtado', "D'Silva", 'Colaco'],
  },
}
// community shares of households
export const MIX = [
  ['wb', 44],
  ['np', 11],
  ['hk', 8],
  ['ua', 8],
  ['af', 7],
  ['ta', 8],
  ['gh', 8],
  ['go', 6],
]
export const ARRIVAL = { hk: [2021, 2023], ua: [2022, 2023], af: [2021, 2023] }

const NICK = {
  Oliver: ['Ollie'], Harry: ['Haz'], Thomas: ['Tom', 'Tommy'], James: ['Jamie', 'Jim'], William: ['Will', 'Billy'],
  Charlie: ['Chaz'], Joshua: ['Josh'], Jacob: ['Jake'], Daniel: ['Dan', 'Danny'], Samuel: ['Sam', 'Sammy'],
  Joseph: ['Joe', 'Joey'], Freddie: ['Fred', 'Frederick'], Archie: ['Arch'], Callum: ['Cal'], Alfie: ['Alf'],
  Kieran: ['Kie'], Connor: ['Con'], Tyler: ['Ty'], Olivia: ['Liv', 'Livvy'], Amelia: ['Millie', 'Mia'],
  Emily: ['Em', 'Emmie'], Jessica: ['Jess', 'Jessie'], Sophie: ['Soph', 'Sophia'], Charlotte: ['Lottie', 'Charlie'],
  Isabella: ['Bella', 'Izzy'], Abigail: ['Abbie', 'Abi'], Katie: ['Kate', 'Katherine'], Ellie: ['Eleanor', 'Elle'],
  Evie: ['Eve'], Megan: ['Meg'], Lauren: ['Loz'], Millie: ['Amelia'], Rebecca: ['Becky', 'Bex'], Samantha: ['Sam'],
  David: ['Dave'], Richard: ['Rich', 'Rick'], Nicola: ['Nicky'], Joanne: ['Jo'], Michelle: ['Shell'], Steven: ['Steve'],
  Anthony: ['Tony'], Stuart: ['Stu'], 'Zoë': ['Zoe'],
}
const ALT = {
  // transliterations and spellings (given)
  Bikash: ['Bikas', 'Vikash'], Prakash: ['Parkash'], Sujan: ['Sujen'], Bishal: ['Vishal', 'Bisal'], Roshan: ['Rosan'],
  Suman: ['Sumon'], Dipesh: ['Deepesh'], Sunita: ['Suneeta'], Anita: ['Aneeta'], Srijana: ['Shrijana', 'Sirjana'],
  Pooja: ['Puja'], Sarita: ['Saritha'], Manisha: ['Maneesha'], Aashika: ['Ashika'], Kusum: ['Kushum'], Asmita: ['Ashmita'],
  Samjhana: ['Samjana'], Prakriti: ['Prakirti'], Laxmi: ['Lakshmi'], Parbati: ['Parvati'], Bimala: ['Vimala'],
  Oleksandr: ['Olexandr', 'Aleksandr', 'Alexander'], Dmytro: ['Dmitro', 'Dmitry'], Andrii: ['Andriy', 'Andrey'],
  Serhii: ['Serhiy', 'Sergey'], Mykhailo: ['Mykhaylo', 'Mikhail'], Yurii: ['Yuriy', 'Yuri'], Mykyta: ['Nikita', 'Mikita'],
  Danylo: ['Danilo', 'Daniil'], Maksym: ['Maksim', 'Maxim', 'Max'], Artem: ['Artyom', 'Artiom'], Bohdan: ['Bogdan'],
  Sofiia: ['Sofia', 'Sofiya'], Anastasiia: ['Anastasia', 'Anastasiya'], Yuliia: ['Yulia', 'Julia'],
  Viktoriia: ['Viktoria', 'Victoria'], Kateryna: ['Katerina', 'Ekaterina'], Daria: ['Dariia', 'Darya'],
  Solomiia: ['Solomiya', 'Solomia'], Mariia: ['Maria', 'Mariya'], Veronika: ['Veronica'], Anna: ['Hanna', 'Ganna'],
  Oleh: ['Oleg'], Vasyl: ['Vasiliy', 'Vasily'], Volodymyr: ['Vladimir', 'Volodimir'], Ihor: ['Igor'], Olena: ['Elena', 'Olena'],
  Iryna: ['Irina'], Tetiana: ['Tatiana', 'Tetyana'], Nataliia: ['Natalia', 'Natalya'], Oksana: ['Oxana'],
  Svitlana: ['Svetlana'], Liudmyla: ['Lyudmila', 'Ludmila'],
  Mohammad: ['Muhammad', 'Mohammed', 'Mohamad'], Ahmad: ['Ahmed'], Mustafa: ['Mostafa'], Omid: ['Umid', 'Omeed'],
  Farhad: ['Farhaad'], Jawad: ['Javad'], Sohail: ['Suhail'], Hamid: ['Hameed'], Naveed: ['Navid'],
  Rahmatullah: ['Rahmat Ullah', 'Rahmatulla'], Fatima: ['Fatema', 'Fatimah'], Zahra: ['Zahara', 'Zohra'], Maryam: ['Mariam'],
  Marwa: ['Marva'], Shabnam: ['Shabnum'], Hadia: ['Hadiya'], Madina: ['Medina'], Khadija: ['Khadijah', 'Khadeja'],
  'Mohammad Ali': ['Muhammad Ali', 'Mohammadali', 'Ali'], 'Ahmad Shah': ['Ahmadshah', 'Ahmed Shah'],
  'Abdul Wahid': ['Abdulwahid', 'Wahid'], 'Gul Ahmad': ['Gulahmad'], 'Abdul Rahim': ['Abdulrahim', 'Rahim'],
  'Abdul Qadir': ['Abdul Kadir', 'Qadir'], Naqibullah: ['Naqibulla', 'Naqib'], Zabihullah: ['Zabiullah', 'Zabih'],
  Tharshan: ['Tharsan', 'Darshan'], Kajan: ['Gajan'], Kajanan: ['Gajanan'], Kirushanthan: ['Krishanthan', 'Kirushanth'],
  Piranavan: ['Pranavan'], Sajeevan: ['Sajivan'], Thuvarakan: ['Thuvaragan'], Niroshan: ['Nirosan'],
  Abinaya: ['Apinaya', 'Abinaja'], Thuvaraka: ['Thuvaraga'], Nivetha: ['Niveda'], Piriyanka: ['Priyanka'],
  Sowmiya: ['Soumiya', 'Sowmya'], Keerthana: ['Kirthana'], Tharsika: ['Darsika'], Thanushan: ['Dhanushan'],
  Vithushan: ['Vithusan'], Sivakumar: ['Sivakumaran'], Jeyakumar: ['Jayakumar'], Jeyanthi: ['Jayanthi'],
  Joaquim: ['Joachim'], Precilla: ['Priscilla'], Domnic: ['Dominic'], 'Conceição': ['Conceicao'], Philomena: ['Filomena'],
  'João': ['Joao', 'John'], 'Inês': ['Ines'], Richmond: ['Richie'], Priscilla: ['Precilla'],
}
const FALT = {
  Melnyk: ['Melnik'], Boiko: ['Boyko'], Kovalchuk: ['Kovalczuk', "Koval'chuk"], Tkachuk: ['Tkatchuk'], Lysenko: ['Lisenko'],
  Kovalskyi: ['Kovalskiy', 'Kovalsky', 'Kowalski'], Kovalska: ['Kovalskaya', 'Kowalska'], Savytskyi: ['Savitsky', 'Savytskiy'],
  Savytska: ['Savitskaya', 'Savytskaia'], Noori: ['Nuri'], Hashimi: ['Hashemi'], Ahmadzai: ['Ahmadzay', 'Ahmedzai'],
  Karimi: ['Kareemi'], Mohammadi: ['Muhammadi', 'Mohammedi'], Ahmadi: ['Ahmedi'], Stanikzai: ['Stanekzai'],
  "D'Souza": ['DSouza', 'Dsouza', 'De Souza', 'D Souza', 'Souza'], "D'Costa": ['DCosta', 'Da Costa', 'DaCosta', 'Costa'],
  "D'Mello": ['DMello', 'De Mello', 'Demello', 'Mello'], "D'Silva": ['DSilva', 'Da Silva', 'De Silva', 'Silva'],
  Fernandes: ['Fernandez'], Rodrigues: ['Rodriguez'], Pereira: ['Periera'], Gomes: ['Gomez'], Menezes: ['Menezies'],
  Colaco: ['Colaço', 'Collaco'], Agyeman: ['Agyemang'], Acheampong: ['Achampong'], Owusu: ['Owusu-Ansah'],
  Cheung: ['Chung'], Tsang: ['Tsang'], Leung: ['Liang'], Ng: ['Ng'], 'Thapa Magar': ['Thapamagar', 'Magar', 'Thapa'],
  Shrestha: ['Shresta', 'Srestha'], Tamang: ['Tamang'], Gurung: ['Gurang'], Sinnathurai: ['Sinnadurai'],
  Velupillai: ['Veluppillai'], Selvarajah: ['Selvaraja'], Kandiah: ['Kanthiah'],
}
export const DAYNAME = {
  // Akan day names by weekday (0 Sunday)
  m: [['Kwasi', 'Kwesi', 'Akwasi'], ['Kwadwo', 'Kojo', 'Kodwo'], ['Kwabena', 'Kobina', 'Ebo'], ['Kwaku', 'Kweku'], ['Yaw', 'Ekow'], ['Kofi', 'Fiifi', 'Koffi'], ['Kwame', 'Kwamena', 'Ato']],
  f: [['Akosua', 'Esi'], ['Adwoa', 'Adjoa'], ['Abena', 'Araba'], ['Akua', 'Ekua'], ['Yaa', 'Aba'], ['Afua', 'Efua', 'Afia'], ['Ama', 'Amma']],
}
export const PET = {
  np: { m: ['Kanchha', 'Sanu', 'Babu', 'Bhai'], f: ['Kanchhi', 'Nani', 'Sanu', 'Maiya'] },
  hk: { m: ['Ah Ho', 'Siu Ming'], f: ['Ah Yan', 'Mui Mui'] },
  ua: { m: ['Sasha', 'Dima', 'Vanya', 'Misha', 'Bodia', 'Yura', 'Max'], f: ['Sonia', 'Nastia', 'Yulia', 'Vika', 'Katia', 'Dasha', 'Polia'] },
  ta: { m: ['Thambi', 'Raja', 'Kutti'], f: ['Thangachi', 'Chellam', 'Kutti'] },
  gh: { m: ['Kobby', 'Fiifi', 'Paa Kwesi'], f: ['Adjoa', 'Maame', 'Efya'] },
  af: { m: ['Jan', 'Agha'], f: ['Gul', 'Jana'] },
}
export const UA_PET_OF = { Oleksandr: 'Sasha', Dmytro: 'Dima', Ivan: 'Vanya', Mykhailo: 'Misha', Bohdan: 'Bodia', Yurii: 'Yura', Maksym: 'Max', Sofiia: 'Sonia', Anastasiia: 'Nastia', Viktoriia: 'Vika', Kateryna: 'Katia', Daria: 'Dasha', Polina: 'Polia', Mariia: 'Masha', Andrii: 'Andriiko', Artem: 'Tema', Danylo: 'Danya', Yuliia: 'Yulia', Anna: 'Ania', Solomiia: 'Solia', Veronika: 'Nika', Alina: 'Alinka', Serhii: 'Serhiyko', Mykyta: 'Nikitos' }

export const altGiven = (g) => ALT[g] || []
export const altFamily = (f) => FALT[f] || []
export const nicks = (g) => NICK[g] || []
export const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1)

export function typo(r, s) {
  if (s.length < 4) return s
  const i = r.int(1, s.length - 2)
  const k = r.int(0, 3)
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) // transpose
  if (k === 1) return s.slice(0, i) + s.slice(i + 1) // drop
  if (k === 2) return s.slice(0, i) + s[i] + s.slice(i) // double
  const v = 'aeiou'
  if (v.includes(s[i])) return s.slice(0, i) + r.pick(v.replace(s[i], '').split('')) + s.slice(i + 1)
  return s.slice(0, i) + s.slice(i + 1)
}

// ---------- places ----------
export const PLACES = {
  q: {
    town: 'Brookhythe',
    districts: ['CT19', 'CT20', 'CT21', 'TN24', 'TN25'],
    towns: { CT19: 'Brookhythe', CT20: 'Brookhythe', CT21: 'Sandling Minnis', TN24: 'Wyebourne', TN25: 'Wyebourne' },
    streets: ['Shorncliffe Rise', 'Martello Walk', 'Dymchurch Lane', 'Sandgate Row', 'Cheriton Fields', 'Tontine Close', 'Harbour Steps', 'Bouverie Mews', 'Lympne View', 'Seabrook Crescent', 'Radnor Way', 'Castle Hill Drive', 'Hawkinge Road', 'Pent Valley Close', 'Enbrook Gardens', 'Coolinge Street', 'Downs Court', 'Risborough Lane', 'Brockhill Road', 'Saltwood Green', 'Canal Bank', 'Hythe Hill', 'Barrack Road', 'Gurkha Way', 'Kingsnorth Place', 'Stour Meadow', 'Bybrook Road', 'Willesborough Lees'],
    sites: ['Flat {n}, Tontine House', 'Room {n}, Bayview Hotel', 'Flat {n}, Pent Court'],
  },
  e4: {
    town: 'Wantsum Sands',
    districts: ['CT9', 'CT10', 'CT11', 'CT12'],
    towns: { CT9: 'Wantsum Sands', CT10: 'Wantsum Sands', CT11: 'Pegwell Quay', CT12: 'Minster Marsh' },
    streets: ['Northdown Parade', 'Cliftonville Row', 'Dane Park Road', 'Harbour Parade', 'Albion Street', 'Wantsum Walk', 'Pegwell Close', 'Newington Way', 'Millmead Road', 'Tivoli Park', 'Arlington Gardens', 'Ethelbert Crescent', 'Marine Terrace', 'Kent Terrace', 'Ramsgate Road', 'Nethercourt Hill', 'Grange Road', 'Salmestone Rise', 'Dumpton Lane', 'Monkton Marsh Lane', 'Sevenscore Close', 'Hengist Way', 'Cecil Square'],
    sites: ['Flat {n}, Arlington House', 'Room {n}, Nayland Rock Hotel', 'Flat {n}, Invicta House'],
  },
}
const PCL = 'ABDEFGHJLNPQRSTUWXYZ'
export function newAddress(r, pl, usedPc) {
  const dist = r.pick(pl.districts)
  let pc
  for (;;) {
    pc = `${dist} ${r.int(1, 9)}${r.pick(PCL)}${r.pick(PCL)}`
    if (!usedPc || !usedPc.has(pc) || r.chance(0.3)) break
  }
  if (usedPc) usedPc.add(pc)
  return { line1: `${r.int(1, 140)} ${r.pick(pl.streets)}`, town: pl.towns[dist], postcode: pc }
}
export function phone(r, used) {
  for (;;) {
    const p = `07700 900${String(r.int(0, 999)).padStart(3, '0')}`
    if (!used.has(p)) {
      used.add(p)
      return p
    }
    if (used.size > 990) return p
  }
}
export function phoneForm(r, p) {
  const d = p.replace(/\s/g, '')
  const k = r.int(0, 5)
  if (k === 0) return d
  if (k === 1) return '+44 ' + d.slice(1, 5) + ' ' + d.slice(5)
  if (k === 2) return d.slice(0, 5) + '-' + d.slice(5)
  if (k === 3) return '(' + d.slice(0, 5) + ') ' + d.slice(5, 8) + ' ' + d.slice(8)
  return p
}
export function postcodeForm(r, pc) {
  const k = r.int(0, 9)
  if (k === 0) return pc.replace(' ', '')
  if (k === 1) return pc.toLowerCase()
  if (k === 2) return pc.split(' ')[0] // district only
  return pc
}

// ---------- population ----------
// A population of households with hard cases planted. opts: { seed, place, households, yearFrom, yearTo,
// childBirth: [y0, y1], clusterNames, extraHard }
export function population(opts) {
  const r = new R(opts.seed)
  const pl = PLACES[opts.place]
  const usedNhs = new Set(),
    usedPh = new Set(),
    usedPc = new Set()
  const people = [],
    households = []
  let pidN = 0
  const [cy0, cy1] = opts.childBirth
  const yearTo = opts.yearTo
  const commOf = () => {
    let tot = 0
    for (const [, w] of MIX) tot += w
    let x = r.next() * tot
    for (const [c, w] of MIX) if ((x -= w) <= 0) return c
    return 'wb'
  }
  function person(h, role, sex, dob, extra = {}) {
    const c = COMM[h.comm]
    const adult = role !== 'child'
    let given
    if (adult) given = r.zipf(sex === 'm' ? c.am : c.af, 0.8)
    else given = r.zipf(sex === 'm' ? c.m : c.f, 0.9)
    const p = {
      pid: `${opts.place.toUpperCase()}-P${String(++pidN).padStart(5, '0')}`,
      hid: h.hid,
      comm: h.comm,
      role,
      sex,
      given,
      middle: null,
      family: h.family,
      famHist: [],
      dob,
      nhs: nhsNumber(r, usedNhs),
      cases: [],
      ...extra,
    }
    decorate(p, h)
    people.push(p)
    h.members.push(p)
    return p
  }
  function decorate(p, h) {
    // community naming conventions: random draws kept, resolved when rendered (a hard case may change sex or name later)
    const c = p.comm
    if (r.chance(c === 'ua' ? 0.6 : 0.3)) p.petR = r.next()
    if (c === 'np') {
      if (p.role !== 'child' || r.chance(0.3)) p.npMiddle = true
      if (p.role !== 'child' && r.chance(0.5)) p.bsDob = true // documents carry a Bikram Sambat date
    } else if (c === 'hk') {
      if (r.chance(0.85)) p.engR = r.next()
    } else if (c === 'ua') {
      if (p.family === 'Kovalskyi' && p.sex === 'f') p.family = 'Kovalska'
      if (p.family === 'Savytskyi' && p.sex === 'f') p.family = 'Savytska'
      if (p.role === 'child') p.fatherGiven = h.fatherGiven
    } else if (c === 'af') {
      if (p.role !== 'child' && r.chance(0.35)) p.singleName = true // one name only on his or her documents
      if (r.chance(0.6)) p.jan1 = true // a 1 January date of birth on the Tazkira
    } else if (c === 'go') {
      if (r.chance(0.4)) p.middle = r.pick(['Xavier', 'Agnelo', 'Maria', 'José', 'Francis', 'Rosario'])
    } else if (c === 'wb') {
      if (r.chance(0.3)) p.midR = r.next()
    }
  }
  function newHousehold(comm, opt = {}) {
    const c = COMM[comm]
    const h = {
      hid: `${opts.place.toUpperCase()}-H${String(households.length + 1).padStart(4, '0')}`,
      comm,
      family: opt.family || r.zipf(c.fam, 0.9),
      addrs: [],
      phone: phone(r, usedPh),
      members: [],
      arrival: null,
    }
    if (ARRIVAL[comm]) h.arrival = r.int(ARRIVAL[comm][0], Math.min(ARRIVAL[comm][1], yearTo))
    const y0 = h.arrival || opts.yearFrom - 2
    h.addrs.push({ from: y0, ...newAddress(r, pl, usedPc) })
    let nMoves = r.chance(0.55) ? 0 : r.chance(0.6) ? 1 : r.int(2, 3)
    if (comm === 'ua' || comm === 'af') nMoves = Math.max(nMoves, r.chance(0.8) ? 1 : 0) // from a host, a hotel to a home
    for (let i = 0; i < nMoves; i++) {
      const last = h.addrs[h.addrs.length - 1].from
      if (last >= yearTo) break
      h.addrs.push({ from: r.int(last + 1, yearTo), ...newAddress(r, pl, usedPc) })
    }
    if ((comm === 'af' || comm === 'ua') && h.addrs.length > 1 && r.chance(0.5)) {
      const a = h.addrs[0]
      a.line1 = r.pick(pl.sites).replace('{n}', r.int(1, 60))
      h.bridging = true
    }
    households.push(h)
    return h
  }
  function addFamily(comm, opt = {}) {
    const h = newHousehold(comm, opt)
    const nKids = opt.kids ?? (r.chance(0.3) ? 1 : r.chance(0.55) ? 2 : r.int(3, 4))
    const firstDob = opt.firstDob || randDate(r, cy0, cy1)
    const motherDob = addDays(firstDob, -r.int(19, 38) * 365 - r.int(0, 364))
    const fatherDob = addDays(motherDob, -r.int(-2, 8) * 365 - r.int(0, 364))
    const hasFather = comm === 'ua' ? r.chance(0.25) : r.chance(opt.fatherP ?? 0.6)
    if (hasFather || comm === 'ua') h.fatherGiven = r.zipf(COMM[comm].am, 0.8)
    const mother = person(h, 'mother', 'f', motherDob)
    if (comm === 'gh' || (comm === 'ta' && r.chance(0.5))) mother.family = r.zipf(COMM[comm].fam, 0.9) // keeps her own
    let father = null
    if (hasFather) {
      father = person(h, 'father', 'm', fatherDob)
      father.given = h.fatherGiven
      if (comm === 'ta') {
        // the children's family name is the father's given name
        father.family = r.zipf(COMM.ta.fam, 0.9)
        h.family = father.given
        if (r.chance(0.5)) mother.family = father.given
      }
    } else if (comm === 'ta') {
      h.family = r.zipf(COMM.ta.am, 0.8)
    }
    if (opt.adultsOnly) return h
    let dob = firstDob
    const kids = []
    for (let i = 0; i < nKids; i++) {
      if (i > 0) dob = addDays(dob, r.int(1, 5) * 365 + r.int(-150, 150))
      if (dob > `${cy1 + 1}-08-31`) break
      const sex = r.chance(0.5) ? 'm' : 'f'
      kids.push(person(h, 'child', sex, dob))
    }
    return { h, mother, father, kids }
  }
  opts.build({ r, addFamily, newHousehold, person, people, households, pl, usedNhs, usedPh })
  return { people, households, r }
}

// household state in a year
export function addrAt(h, y) {
  let a = h.addrs[0]
  for (const x of h.addrs) if (x.from <= y) a = x
  return a
}
export function familyAt(p, y) {
  let f = p.family
  for (const x of p.famHist) if (x.year <= y) f = x.family
  return f
}
export function prevFamilies(p, y) {
  const out = []
  let f = p.family
  for (const x of p.famHist)
    if (x.year <= y) {
      out.push(f)
      f = x.family
    }
  return out
}
export function ageAt(p, y) {
  return y - Number(p.dob.slice(0, 4))
}

// ---------- rendering a person as one agency writes them ----------
// st: the agency's habits. Returns { given, family, other[], dob (string as the agency holds it, maybe
// partial; '' unknown), dobForm, sex, addr, phone, nhs, tags[] }. strict: only valid dates (NDJSON).
export function render(r, p, h, y, st, strict = false) {
  const tags = []
  const c = p.comm
  p = { ...p }
  if (c === 'wb' && p.midR != null) {
    const l = p.sex === 'm' ? ['James', 'John', 'Lee', 'Michael', 'Alan', 'Peter'] : ['Louise', 'Marie', 'Jane', 'Rose', 'May', 'Ann']
    p.middle = l[Math.floor(p.midR * l.length)]
  }
  if (c === 'np') p.middle = p.npMiddle ? (p.sex === 'm' ? 'Bahadur' : 'Kumari') : null
  if (c === 'hk') {
    const l = p.role === 'child' ? (p.sex === 'm' ? COMM.hk.em : COMM.hk.ef) : p.sex === 'm' ? COMM.hk.eam : COMM.hk.eaf
    p.english = p.englishFixed || (p.engR != null ? l[Math.floor(p.engR * l.length)] : null)
  }
  if (c === 'gh') {
    const l = DAYNAME[p.sex][D(p.dob).getUTCDay()]
    p.dayName = l[0]
    p.dayAlt = l.slice(1)
  }
  if (c === 'ua') {
    p.pet = p.petR != null ? UA_PET_OF[p.given] || null : null
    const fg = p.fatherGiven ? (p.fatherGiven.endsWith('ii') ? p.fatherGiven.slice(0, -1) : p.fatherGiven) : null
    p.patronymic = fg ? fg + (p.sex === 'm' ? (fg.endsWith('i') ? 'iovych' : 'ovych') : fg.endsWith('i') ? 'ivna' : 'ivna') : null
  } else if (p.petR != null && PET[c]) p.pet = PET[c][p.sex][Math.floor(p.petR * PET[c][p.sex].length)]
  let given = p.given,
    family = familyAt(p, y),
    other = []
  let sex = p.sex === 'm' ? 'male' : 'female'
  const child = p.role === 'child'
  // surname after a change: some agencies keep the old one
  const prev = prevFamilies(p, y)
  if (prev.length) {
    if (r.chance(st.keepOld ?? 0.3)) {
      family = prev[prev.length - 1]
      tags.push('old_surname')
    } else if (r.chance(0.5)) other.push(`${p.given} ${prev[prev.length - 1]}`)
  }
  // chosen name (trans young people)
  if (p.chosen && y >= p.chosen.from && (st.chosen || (p.chosen.legal && y >= p.chosen.legal))) {
    given = p.chosen.given
    sex = p.chosen.sex
    tags.push('chosen_name')
    if (r.chance(0.4)) other.push(p.given)
  }
  const known = st.known ?? 0
  if (!tags.includes('chosen_name')) {
    if (c === 'wb' && nicks(given).length && r.chance(known)) {
      given = r.pick(nicks(given))
      tags.push('nickname')
    } else if (c === 'hk') {
      const g = p.given
      if (p.english && r.chance(known + 0.1)) {
        given = r.chance(0.6) ? p.english : `${p.english} ${g}`
        tags.push('english_name')
        if (r.chance(0.4)) other.push(g)
      } else {
        const k = r.int(0, 5)
        if (k === 0) given = g.replace(' ', '-')
        else if (k === 1) given = g.replace(' ', '')
        else if (k === 2) given = g.split(' ').map((x, i) => (i ? x.toLowerCase() : x)).join('-')
        if (p.english && r.chance(0.4)) other.push(p.english)
        if (r.chance(st.swap ?? 0.08)) {
          ;[given, family] = [family, given]
          tags.push('order_swapped')
        }
      }
    } else if (c === 'gh' && child) {
      const k = r.next()
      if (k < known * 0.6) {
        given = p.dayName
        tags.push('day_name')
        other.push(p.given)
      } else if (k < 0.3) {
        given = `${p.given} ${r.chance(0.7) ? p.dayName : r.pick(p.dayAlt.length ? p.dayAlt : [p.dayName])}`
        tags.push('with_day_name')
      } else if (r.chance(0.5)) other.push(r.chance(0.7) ? p.dayName : r.pick(p.dayAlt.length ? p.dayAlt : [p.dayName]))
    } else if (altGiven(given).length && r.chance(st.translit ?? 0.3)) {
      given = r.pick(altGiven(given))
      tags.push('spelling')
    }
  }
  if (p.pet && r.chance(st.pet ?? 0.1)) {
    if (r.chance(0.5)) {
      other.push(given)
      given = p.pet
      tags.push('pet_name_given')
    } else {
      other.push(p.pet)
      tags.push('pet_name_other')
    }
  }
  // middle names, patronymics
  if (p.middle && c !== 'gh') {
    const k = r.next()
    if (c === 'np' && k < 0.35) {
      given = `${given} ${k < 0.1 ? p.middle[0] : p.middle}`
      tags.push('middle_in_given')
    } else if (c === 'np' && k < 0.45) {
      given = given + p.middle.toLowerCase()
      tags.push('middle_joined')
    } else if (k < 0.2) {
      given = `${given} ${p.middle}`
      tags.push('middle_in_given')
    } else if (k < 0.45) other.push(p.middle)
  }
  if (p.patronymic && r.chance(st.patronymic ?? 0.2)) {
    if (r.chance(0.5)) other.push(p.patronymic)
    else {
      given = `${given} ${p.patronymic}`
      tags.push('patronymic_in_given')
    }
  }
  // family-name conventions
  if (c === 'ta' && child && r.chance(st.initial ?? 0.15)) {
    other.push(`${family[0]}. ${given}`)
    if (r.chance(0.5)) {
      family = `${family[0]}.`
      tags.push('initial_family')
    }
  }
  if (c === 'ta' && !child && p.role === 'mother' && r.chance(0.2)) {
    family = h.fatherGiven || family
    tags.push('husband_given_as_family')
  }
  if (c === 'af' && p.singleName) {
    if (st.fnu) {
      if (r.chance(0.6)) family = 'LNU'
      else {
        family = given
        given = 'FNU'
      }
      tags.push('fnu_lnu')
    } else if (r.chance(0.5)) {
      family = ''
      tags.push('single_name')
    }
  }
  if (c === 'ua' && r.chance(st.translit ?? 0.3) && altFamily(family).length) {
    family = r.pick(altFamily(family))
    tags.push('family_spelling')
  } else if (c !== 'ua' && altFamily(family).length && r.chance((st.translit ?? 0.3) * 0.8)) {
    family = r.pick(altFamily(family))
    tags.push('family_spelling')
  }
  if (p.dbl && family.includes('-')) {
    const [a, b] = family.split('-')
    const k = r.int(0, 5)
    if (k === 1) family = `${a} ${b}`
    else if (k === 2) family = a + b.toLowerCase()
    else if (k === 3) family = a
    else if (k === 4) family = b
    if (k) tags.push('double_barrel_form')
  }
  if (st.accents === false || r.chance(st.dropAccents ?? 0.4)) {
    const g2 = stripAccents(given),
      f2 = stripAccents(family)
    if (g2 !== given || f2 !== family) tags.push('accents_dropped')
    given = g2
    family = f2
  }
  if (r.chance(st.typo ?? 0.03)) {
    if (r.chance(0.5)) given = typo(r, given)
    else family = typo(r, family)
    tags.push('typo')
  }
  if (child && r.chance(st.swapNames ?? 0.01)) {
    ;[given, family] = [family, given]
    tags.push('given_family_swapped')
  }
  if (st.upper === 'family') family = family.toUpperCase()
  if (st.upper === 'all') {
    given = given.toUpperCase()
    family = family.toUpperCase()
  }
  if (st.legacy) {
    // the PAS: no apostrophes, hyphens or spaces in a family name; given cut at 10, family at 12
    const f0 = family,
      g0 = given
    family = family.replace(/['\- .]/g, '').slice(0, 12)
    given = given.replace(/[']/g, '').slice(0, 10).trim()
    if (f0.replace(/['\- .]/g, '').length > 12 || g0.length > 10) tags.push('truncated')
    if (/['\- ]/.test(f0)) tags.push('punctuation_stripped')
  }
  if (st.fullInGiven && family && r.chance(st.fullInGiven)) {
    given = `${given} ${family}`
    family = ''
    tags.push('full_name_in_given')
  }
  if (st.familyInitial && family && r.chance(st.familyInitial)) {
    family = family[0]
    tags.push('family_initial')
  } else if (st.noFamily && r.chance(st.noFamily)) {
    family = ''
    tags.push('no_family')
  }
  // date of birth
  let dob = p.dob
  if (p.assessedDob && y >= p.assessedDob.from && st.assessed) dob = p.assessedDob.dob
  if (c === 'af' && p.jan1 && !child && st.documents) dob = `${dob.slice(0, 4)}-01-01`
  let dobForm = st.dobForm || 'iso'
  const Y = +dob.slice(0, 4),
    M = +dob.slice(5, 7),
    Dd = +dob.slice(8, 10)
  if (p.bsDob && st.bs && r.chance(st.bs)) {
    dob = toBS(dob)
    tags.push('dob_bikram_sambat')
  } else if (st.usOrder && r.chance(st.usOrder) && (!strict || Dd <= 12) && Dd !== M) {
    dobForm = 'us'
    tags.push('dob_us_order')
  } else {
    const x = r.next()
    let acc = 0
    const hit = (pr) => (acc += pr || 0) > x
    if (hit(st.dobMissing)) {
      dob = ''
      tags.push('dob_missing')
    } else if (hit(st.placeholder)) {
      dob = '1900-01-01'
      tags.push('dob_placeholder_1900')
    } else if (hit(st.dobYear)) {
      dob = dob.slice(0, 4)
      tags.push('dob_year_only')
    } else if (hit(st.dobYM)) {
      dob = dob.slice(0, 7)
      tags.push('dob_year_month')
    } else if (hit(st.dobSwap) && Dd <= 12 && Dd !== M) {
      dob = `${Y}-${pad(Dd)}-${pad(M)}`
      tags.push('dob_day_month_swapped')
    } else if (hit(st.dobWrong)) {
      const k = r.int(0, 2)
      if (k === 0) dob = addDays(dob, r.pick([-2, -1, 1, 2, 10, -10]))
      else if (k === 1) dob = `${Y + r.pick([-1, 1])}${dob.slice(4)}`
      else dob = addDays(dob, r.pick([-31, 30, 31]))
      if (!realDate(+dob.slice(0, 4), +dob.slice(5, 7), +dob.slice(8, 10))) dob = p.dob
      else tags.push('dob_wrong')
    }
  }
  // sex
  if (r.chance(st.sexMissing ?? 0.02)) {
    sex = ''
    tags.push('sex_missing')
  } else if (r.chance(st.sexWrong ?? 0.005)) {
    sex = sex === 'male' ? 'female' : 'male'
    tags.push('sex_wrong')
  }
  // address
  let ay = y
  if (r.chance(st.addrLag ?? 0.15)) {
    ay = y - r.int(1, 3)
    if (addrAt(h, ay) !== addrAt(h, y)) tags.push('old_address')
  }
  let addr = { ...(p.addrOverride || addrAt(h, ay)) }
  if (p.hostAddr && y <= p.hostAddr.until) addr = { ...p.hostAddr.addr }
  if (st.noAddr && r.chance(st.noAddr)) {
    addr = null
    tags.push('no_address')
  }
  // phone
  let ph = ''
  if (r.chance(st.phone ?? 0.5)) ph = child && st.ownPhone && ageAt(p, y) >= 12 && p.ownPhone ? p.ownPhone : h.phone
  // NHS
  let nhs = ''
  if (r.chance(st.nhs ?? 0)) {
    nhs = p.nhs
    if (r.chance(st.nhsWrong ?? 0.02)) {
      const t = nhsTransposed(r, nhs)
      if (t) {
        nhs = t
        tags.push('nhs_mistyped')
      }
    }
  }
  return { given: given.trim(), family: family.trim(), other, dob, dobForm, sex, addr, phone: ph, nhs, tags }
}

export function dobString(dob, form) {
  if (!dob) return ''
  if (dob.length < 10) return dob
  const [y, m, d] = dob.split('-')
  if (form === 'dmy') return `${d}/${m}/${y}`
  if (form === 'compact') return `${y}${m}${d}`
  if (form === 'us') return `${m}/${d}/${y}`
  return dob
}
