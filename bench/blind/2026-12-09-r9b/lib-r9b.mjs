// Shared by gen-people-p.mjs and gen-area-e3.mjs (blind round r9b). No dependencies, deterministic.
// Everything here is fictional: names drawn from lists of common names, NHS numbers in the 999 range
// with a valid modulus-11 check digit, UPNs with a valid check letter, invented streets and postcode units.

export class R {
  constructor(seed) {
    this.s = seed >>> 0
  }
  f() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(a, b) {
    return a + Math.floor(this.f() * (b - a + 1))
  }
  chance(p) {
    return this.f() < p
  }
  pick(a) {
    return a[Math.floor(this.f() * a.length)]
  }
  // Zipf-like: the first names of a list are much commoner
  zipf(a, s = 1.05) {
    let tot = 0
    for (let i = 0; i < a.length; i++) tot += 1 / Math.pow(i + 1, s)
    let x = this.f() * tot
    for (let i = 0; i < a.length; i++) {
      x -= 1 / Math.pow(i + 1, s)
      if (x <= 0) return a[i]
    }
    return a[a.length - 1]
  }
  weighted(pairs) {
    let tot = 0
    for (const [, w] of pairs) tot += w
    let x = this.f() * tot
    for (const [v, w] of pairs) {
      x -= w
      if (x <= 0) return v
    }
    return pairs[pairs.length - 1][0]
  }
  shuffle(a) {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.f() * (i + 1))
      ;[a[i], a[j]] = [a[j], a[i]]
    }
    return a
  }
}

// ---------- identifiers ----------
export function nhsCheck(nine) {
  let s = 0
  for (let i = 0; i < 9; i++) s += Number(nine[i]) * (10 - i)
  const c = 11 - (s % 11)
  if (c === 11) return '0'
  if (c === 10) return null
  return String(c)
}
export function nhsValid(n) {
  const d = String(n).replace(/\s/g, '')
  if (!/^\d{10}$/.test(d)) return false
  return nhsCheck(d.slice(0, 9)) === d[9]
}
export function makeNhs(r, used) {
  for (;;) {
    const nine = '999' + String(r.int(0, 999999)).padStart(6, '0')
    const c = nhsCheck(nine)
    if (c === null) continue
    const n = nine + c
    if (used.has(n)) continue
    used.add(n)
    return n
  }
}
// a mistyped NHS number: two adjacent digits transposed or one digit changed; may or may not pass the check
export function mistypeNhs(r, n) {
  const d = n.split('')
  if (r.chance(0.5)) {
    const i = r.int(3, 8)
    ;[d[i], d[i + 1]] = [d[i + 1], d[i]]
  } else {
    const i = r.int(3, 9)
    d[i] = String((Number(d[i]) + r.int(1, 9)) % 10)
  }
  return d.join('')
}
const UPN_L = 'ABCDEFGHJKLMNPQRTUVWXYZ'
export function upnCheck(twelve) {
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(twelve[i]) * (i + 2)
  return UPN_L[s % 23]
}
export function upnValid(u) {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(u)) return false
  if (/[A-Z]$/.test(u)) return true // temporary
  return upnCheck(u.slice(1)) === u[0]
}
export function makeUpn(r, la, used) {
  for (;;) {
    const twelve = la + String(r.int(2000, 7999)) + String(r.int(10, 24)) + String(r.int(0, 999)).padStart(3, '0')
    const u = upnCheck(twelve) + twelve
    if (!used.has(u)) {
      used.add(u)
      return u
    }
  }
}
const PNC_L = 'ZABCDEFGHJKLMNPQRTUVWXY'
export function makePnc(r, year) {
  const yy = String(year % 100).padStart(2, '0')
  const serial = String(r.int(1, 999999)).padStart(6, '0')
  return `${yy}/${serial}${PNC_L[Number(yy + serial) % 23]}`
}
export function phoneMobile(r, used) {
  for (;;) {
    const p = '07700 900' + String(r.int(0, 999)).padStart(3, '0')
    if (!used.has(p)) {
      used.add(p)
      return p
    }
  }
}
// phone spellings
export function spellPhone(r, p) {
  const d = p.replace(/\D/g, '')
  const k = r.int(0, 5)
  if (k === 0) return d
  if (k === 1) return '+44 ' + d.slice(1, 5) + ' ' + d.slice(5)
  if (k === 2) return d.slice(0, 5) + '-' + d.slice(5)
  if (k === 3) return d.slice(0, 5) + ' ' + d.slice(5, 8) + ' ' + d.slice(8)
  return p
}

// ---------- dates ----------
export const pad = (n) => String(n).padStart(2, '0')
export const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`
export function dim(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}
export function addDays(isoDate, n) {
  const t = new Date(isoDate + 'T12:00:00Z').getTime() + n * 86400000
  return new Date(t).toISOString().slice(0, 10)
}
export function randDate(r, y0, y1) {
  const y = r.int(y0, y1),
    m = r.int(1, 12)
  return iso(y, m, r.int(1, dim(y, m)))
}
export const stripAccents = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
export const hasAccent = (s) => stripAccents(s) !== s

// ---------- communities ----------
// naming: 'western' (given family), 'sikh' (given + Singh/Kaur + optional family name), 'patronymic'
// (Eritrean/Kurdish: family name is the father's given name), 'vietnamese' (family name first in speech,
// middle Van/Thi), 'roma' (Slovak/Czech; feminine -ová), 'arabic' (Yemeni: father's name or tribal name)
export const COMM = {
  sikh: {
    label: 'Punjabi Sikh',
    naming: 'sikh',
    male: ['Gurpreet', 'Harpreet', 'Jaspreet', 'Manpreet', 'Amandeep', 'Harjit', 'Jasvir', 'Kuldeep', 'Sukhdeep', 'Ranveer', 'Arjan', 'Gurdeep', 'Navjot', 'Tejinder', 'Balraj', 'Karanveer', 'Inderjit', 'Parminder', 'Satnam', 'Jaskaran'],
    female: ['Harpreet', 'Gurpreet', 'Jasleen', 'Simran', 'Manpreet', 'Navneet', 'Amrit', 'Kiranjit', 'Rajvir', 'Harleen', 'Jaspreet', 'Sukhpreet', 'Gurleen', 'Ravneet', 'Mandeep', 'Amanpreet', 'Balvinder', 'Parmjit', 'Sandeep', 'Taranjit'],
    family: ['Sandhu', 'Gill', 'Sidhu', 'Dhillon', 'Bains', 'Johal', 'Sahota', 'Atwal', 'Bassi', 'Virdee', 'Kang', 'Grewal', 'Mann', 'Chahal', 'Rai', 'Dhaliwal', 'Bhogal', 'Hayer'],
    nick: { Gurpreet: ['Guri', 'Gurps'], Harpreet: ['Harp', 'Preet'], Jaspreet: ['Jas'], Manpreet: ['Manny', 'Mani'], Amandeep: ['Aman', 'Deep'], Kuldeep: ['Kully'], Sukhdeep: ['Sukh'], Jasleen: ['Jas'], Simran: ['Simi'], Navneet: ['Nav'], Kiranjit: ['Kiran'], Harleen: ['Harls'], Karanveer: ['Karan'], Jaskaran: ['Jassi'], Inderjit: ['Indy'], Parminder: ['Pam', 'Parm'], Ravneet: ['Rav'] },
    pet: ['Sonu', 'Pinky', 'Goldy', 'Bunty', 'Rinku', 'Happy', 'Lovely', 'Dolly', 'Nikki', 'Monu', 'Babbu'],
    translit: { Gurpreet: ['Gurprit'], Harpreet: ['Harprit'], Jaspreet: ['Jasprit'], Harjit: ['Harjeet'], Kuldeep: ['Kuldip'], Sukhdeep: ['Sukhdip'], Gurdeep: ['Gurdip'], Inderjit: ['Inderjeet', 'Inderjeet'], Parminder: ['Parmindar'], Sandhu: ['Sandu'], Dhillon: ['Dhilon'], Virdee: ['Virdi'], Sahota: ['Sahotta'], Dhaliwal: ['Dhaliwall'], Kiranjit: ['Kiranjeet'], Parmjit: ['Paramjit', 'Paramjeet'] },
    common: [['m', 'Gurpreet', 'Singh'], ['f', 'Harpreet', 'Kaur'], ['m', 'Harjit', 'Singh Sandhu']],
  },
  wbr: {
    label: 'White British',
    naming: 'western',
    male: ['Harry', 'Oliver', 'Jack', 'Charlie', 'Alfie', 'George', 'Riley', 'Tyler', 'Mason', 'Lewis', 'Kieran', 'Connor', 'Reece', 'Callum', 'Liam', 'Jake', 'Ethan', 'Brandon', 'Bradley', 'Jordan', 'Robert', 'William', 'Thomas', 'Daniel'],
    female: ['Amelia', 'Olivia', 'Lily', 'Ellie', 'Chloe', 'Jessica', 'Sophie', 'Megan', 'Paige', 'Courtney', 'Shannon', 'Demi', 'Kayleigh', 'Leah', 'Madison', 'Abigail', 'Charlotte', 'Katie', 'Rebecca', 'Jasmine', 'Elizabeth', 'Stacey'],
    family: ['Jones', 'Smith', 'Davies', 'Evans', 'Hughes', 'Roberts', 'Price', 'Parkes', 'Hickman', 'Turner', 'Walker', 'Cartwright', 'Baker', 'Wright', 'Green', 'Griffiths', 'Taylor', 'Bradley', 'Cooper', 'Harper', 'Lowe', 'Whitehouse', 'Pritchard', 'Marsh'],
    nick: { Alfie: ['Alf'], Charlie: ['Chaz'], Robert: ['Bobby', 'Rob', 'Robbie'], William: ['Will', 'Billy'], Thomas: ['Tom', 'Tommy'], Daniel: ['Danny', 'Dan'], Callum: ['Cal'], Bradley: ['Brad'], Jessica: ['Jess'], Rebecca: ['Becky', 'Becca'], Elizabeth: ['Libby', 'Beth', 'Lizzie'], Charlotte: ['Lottie', 'Charlie'], Abigail: ['Abbie', 'Abi'], Madison: ['Maddie'], Olivia: ['Liv', 'Livvy'], Katie: ['Kate'], Jasmine: ['Jas', 'Jazz'], Amelia: ['Millie'], Kayleigh: ['Kay'], Courtney: ['Court'] },
    pet: ['Bubba', 'Tink', 'Squish', 'Bean', 'Pudding', 'Chunk'],
    translit: { Kayleigh: ['Kaylee', 'Kayley'], Reece: ['Rhys', 'Reese'], Demi: ['Demmi'], Leah: ['Lea'], Paige: ['Page'], Parkes: ['Parks'], Lowe: ['Low'], Whitehouse: ['White-House'], Pritchard: ['Prichard'], Hickman: ['Hickmann'], Megan: ['Meghan'], Connor: ['Conor'], Callum: ['Calum'] },
    common: [['m', 'Harry', 'Jones'], ['f', 'Amelia', 'Smith'], ['m', 'Riley', 'Davies']],
  },
  car: {
    label: 'Black Caribbean',
    naming: 'western',
    male: ['Malachi', 'Kai', 'Tyrese', 'Jerome', 'Kymani', 'Isaiah', 'Jahmal', 'Andre', 'Leon', 'Nathaniel', 'Josiah', 'Marcus', 'Devante', 'Reuben', 'Elijah', 'Shaquille', 'Rashad', 'Tremaine'],
    female: ['Shanice', 'Tianna', 'Amari', 'Kezia', 'Jada', 'Nia', 'Aaliyah', 'Shantelle', 'Keisha', 'Imani', 'Destiny', 'Renee', 'Tanisha', 'Zion', 'Chantelle', 'Simone'],
    family: ['Brown', 'Williams', 'Campbell', 'Francis', 'Thompson', 'Morgan', 'Reid', 'Grant', 'Clarke', 'Gordon', 'McKenzie', 'Bailey', 'Henry', 'Lewis', 'Edwards', 'Samuels', 'Forbes', 'Gayle'],
    nick: { Malachi: ['Kai'], Nathaniel: ['Nate', 'Nat'], Isaiah: ['Zay'], Josiah: ['Siah', 'Josh'], Elijah: ['Eli', 'Lij'], Shaquille: ['Shaq'], Tyrese: ['Ty'], Jerome: ['Romey'], Devante: ['Dev', 'Tay'], Tremaine: ['Tre'], Shanice: ['Nicey'], Tianna: ['Tia'], Keisha: ['Kesh'], Chantelle: ['Telle'], Aaliyah: ['Liyah'] },
    pet: ['Peanut', 'Pumpkin', 'Man-Man', 'Sugar', 'Tiny', 'Precious'],
    translit: { Kymani: ['Kaymani', 'Kymanie'], Tyrese: ['Tyreese', 'Tyreece'], Shanice: ['Shaniece'], Tianna: ['Tiana'], Jada: ['Jayda'], Aaliyah: ['Aliyah', 'Aleah'], Shantelle: ['Chantelle'], McKenzie: ['Mckenzie', 'MacKenzie'], Devante: ['Davante'], Isaiah: ['Isiah'] },
    common: [['m', 'Kai', 'Brown'], ['m', 'Malachi', 'Williams']],
  },
  kur: {
    label: 'Kurdish (Iraqi, Iranian)',
    naming: 'patronymic',
    male: ['Karwan', 'Rebin', 'Hawre', 'Shwan', 'Aram', 'Diyar', 'Soran', 'Hemin', 'Zana', 'Baran', 'Alan', 'Dilshad', 'Kawa', 'Sarkawt', 'Hiwa', 'Rawand', 'Bryar', 'Ahmed', 'Mohammed', 'Rizgar'],
    female: ['Rozhin', 'Shilan', 'Avin', 'Dilan', 'Lana', 'Hana', 'Rezan', 'Shadan', 'Zhino', 'Sara', 'Nazdar', 'Berivan', 'Helin', 'Shno', 'Chnar', 'Gulistan'],
    family: ['Ahmed', 'Mohammed', 'Karim', 'Rasul', 'Hussein', 'Aziz', 'Omar', 'Kareem', 'Salih', 'Abdullah', 'Qadir', 'Mahmoud', 'Hassan', 'Othman', 'Faraj', 'Jalal'],
    nick: { Mohammed: ['Hama', 'Hamo'], Ahmed: ['Aha'], Sarkawt: ['Sarko'], Dilshad: ['Dilo'], Abdullah: ['Abe'] },
    pet: ['Shero', 'Jwana', 'Kaka', 'Dlo'],
    translit: { Hawre: ['Hawreh', 'Haware'], Rebin: ['Rebeen', 'Ribin'], Shwan: ['Shuwan'], Hemin: ['Hemn', 'Hemen'], Rozhin: ['Rojin', 'Rozheen'], Zhino: ['Jino'], Ahmed: ['Ahmad'], Mohammed: ['Muhammad', 'Mohamad'], Karim: ['Kareem'], Rasul: ['Rasool'], Hussein: ['Husain', 'Hussain'], Salih: ['Saleh'], Qadir: ['Kadir', 'Qader'], Mahmoud: ['Mahmood', 'Mahmud'], Othman: ['Osman', 'Uthman'], Chnar: ['Chinar'], Shno: ['Shnow'], Sarkawt: ['Sarkaut'] },
    common: [['m', 'Karwan', 'Ahmed'], ['m', 'Rebin', 'Mohammed']],
  },
  roma: {
    label: 'Slovak and Czech Roma',
    naming: 'roma',
    male: ['Kristián', 'Dávid', 'Patrik', 'Marek', 'Tomáš', 'Peter', 'Erik', 'Dominik', 'Jozef', 'Marián', 'Roman', 'Milan', 'Ladislav', 'Róbert', 'Štefan', 'Denis'],
    female: ['Denisa', 'Nikola', 'Veronika', 'Klaudia', 'Simona', 'Dominika', 'Vanesa', 'Natália', 'Kristína', 'Monika', 'Žaneta', 'Renáta', 'Erika', 'Silvia', 'Andrea', 'Lucia'],
    family: ['Horváth', 'Lakatoš', 'Baláž', 'Gaži', 'Oláh', 'Kotlár', 'Dunka', 'Mižigár', 'Ferko', 'Giňa', 'Kaleja', 'Pompa', 'Tancoš', 'Bandy', 'Červeňák', 'Šarkozi'],
    nick: { Jozef: ['Jožko', 'Joži'], Peter: ['Peťo'], Marek: ['Maťo'], Tomáš: ['Tomi'], Ladislav: ['Laco', 'Lacko'], Štefan: ['Pišta', 'Števo'], Róbert: ['Robo'], Milan: ['Milko'], Kristína: ['Kika', 'Tina'], Natália: ['Naty'], Veronika: ['Veru', 'Nika'], Dominika: ['Domča'], Žaneta: ['Žanet'], Klaudia: ['Klaudi'] },
    pet: ['Čiko', 'Bubu', 'Bejbi', 'Mišo'],
    translit: { Horváth: ['Horvat', 'Horwath'], Lakatoš: ['Lakatos', 'Lakatosh'], Baláž: ['Balazs', 'Balas'], Gaži: ['Gazi', 'Gazsi'], Oláh: ['Olah', 'Olach'], Kristián: ['Christian', 'Kristian'], Dávid: ['David'], Tomáš: ['Tomas', 'Thomas'], Klaudia: ['Claudia'], Vanesa: ['Vanessa'], Róbert: ['Robert'], Štefan: ['Stefan', 'Stephan'], Erik: ['Eric'], Patrik: ['Patrick'], Mižigár: ['Mizigar', 'Mizigar'], Šarkozi: ['Sarkozi', 'Sarkozy'], Giňa: ['Gina', 'Ginna'], Kaleja: ['Kaleya'] },
    common: [['m', 'Kristián', 'Horváth'], ['f', 'Denisa', 'Lakatošová']],
  },
  eri: {
    label: 'Eritrean',
    naming: 'patronymic',
    male: ['Yonas', 'Filmon', 'Robel', 'Dawit', 'Samuel', 'Biniam', 'Mussie', 'Henok', 'Yohannes', 'Tesfay', 'Haile', 'Mebrahtu', 'Amanuel', 'Kidane', 'Efrem', 'Tekle', 'Berhane', 'Yemane'],
    female: ['Senait', 'Helen', 'Ruth', 'Selam', 'Feven', 'Saba', 'Luwam', 'Winta', 'Eden', 'Hiwet', 'Semhar', 'Lidia', 'Yordanos', 'Elsa', 'Mhret', 'Rahwa'],
    family: ['Tesfay', 'Haile', 'Gebremedhin', 'Weldemichael', 'Tekle', 'Berhane', 'Kidane', 'Yohannes', 'Mebrahtu', 'Gebreyesus', 'Habtemariam', 'Woldegiorgis', 'Araya', 'Ghebre', 'Negash', 'Asmerom'],
    nick: { Yohannes: ['John', 'Johnny'], Amanuel: ['Amani', 'Mani'], Biniam: ['Bini'], Samuel: ['Sami'], Yordanos: ['Yordi'], Habtemariam: ['Habte'], Mebrahtu: ['Mebrat'] },
    pet: ['Mimi', 'Titi', 'Bebi'],
    translit: { Tesfay: ['Tesfaye', 'Tesfai'], Haile: ['Hayle', 'Hailé'], Gebremedhin: ['G/Medhin', 'Gebre Medhin', 'Ghebremedhin'], Weldemichael: ['W/Michael', 'Welde Michael', 'Woldemichael'], Gebreyesus: ['G/Yesus', 'Ghebreyesus'], Habtemariam: ['Habte Mariam', 'H/Mariam'], Woldegiorgis: ['W/Giorgis', 'Weldegiorgis'], Yohannes: ['Yohanes', 'Johannes'], Mussie: ['Musie', 'Musse'], Senait: ['Sennait', 'Senayt'], Feven: ['Fiven'], Luwam: ['Luam'], Mhret: ['Mihret', 'Mehret'], Tekle: ['Tecle'], Berhane: ['Berhe', 'Birhane'], Dawit: ['Dawid'], Henok: ['Enoch'], Hiwet: ['Hiwot'] },
    common: [['m', 'Yonas', 'Tesfay'], ['f', 'Senait', 'Haile']],
  },
  yem: {
    label: 'Yemeni',
    naming: 'arabic',
    male: ['Mohammed', 'Ahmed', 'Ali', 'Abdullah', 'Omar', 'Hamza', 'Yusuf', 'Saleh', 'Khaled', 'Nasser', 'Adel', 'Fuad', 'Amjad', 'Bilal', 'Zakaria', 'Ibrahim'],
    female: ['Fatima', 'Amal', 'Maryam', 'Huda', 'Asma', 'Nour', 'Samira', 'Reem', 'Safa', 'Hanan', 'Yasmin', 'Lina', 'Rania', 'Sumaya', 'Aisha', 'Dua'],
    family: ['Al-Saidi', 'Saleh', 'Ahmed', 'Al-Hakimi', 'Mohsen', 'Qasem', 'Al-Shami', 'Naji', 'Obaid', 'Al-Amri', 'Nasser', 'Al-Adeni', 'Hassan', 'Ghaleb', 'Mansour', 'Al-Yafai'],
    nick: { Abdullah: ['Abood', 'Abdo'], Mohammed: ['Hamoudi', 'Moe', 'Mo'], Ahmed: ['Hamada'], Yusuf: ['Joe'], Ibrahim: ['Ibby', 'Bob'], Zakaria: ['Zak'], Khaled: ['Kal'], Fatima: ['Fatty', 'Tima'], Maryam: ['Mimi'], Samira: ['Sam'] },
    pet: ['Dodo', 'Loulou', 'Sousou', 'Hamoud'],
    translit: { Mohammed: ['Mohamed', 'Muhammad', 'Mohd'], Ahmed: ['Ahmad'], Saleh: ['Salih', 'Salah'], Khaled: ['Khalid'], Yusuf: ['Yousef', 'Yousif'], 'Al-Saidi': ['Alsaidi', 'Al Saidi', 'Saidi', 'El-Saidi'], 'Al-Hakimi': ['Alhakimi', 'Hakimi'], Qasem: ['Qassim', 'Kassem', 'Qasim'], 'Al-Shami': ['Alshami', 'Shami'], 'Al-Amri': ['Alamri', 'Amri'], 'Al-Adeni': ['Aladeni', 'Adeni'], 'Al-Yafai': ['Alyafai', 'Yafai', 'Al-Yafei'], Mohsen: ['Muhsin', 'Mohsin'], Ghaleb: ['Ghalib'], Obaid: ['Obeid', 'Ubaid'], Fuad: ['Fouad'], Huda: ['Houda'], Nour: ['Noor'], Sumaya: ['Sumaiya', 'Somaya'], Reem: ['Rim'], Asma: ['Asmaa'], Zakaria: ['Zakariya', 'Zakariyya'], Dua: ["Du'a", 'Duaa'] },
    common: [['m', 'Mohammed', 'Ahmed'], ['f', 'Fatima', 'Saleh']],
  },
  vie: {
    label: 'Vietnamese',
    naming: 'vietnamese',
    male: ['Minh', 'Tuấn', 'Huy', 'Đức', 'Khang', 'Long', 'Nam', 'Quang', 'Phúc', 'Thành', 'Bảo', 'Hải'],
    female: ['Linh', 'Trang', 'Ngọc', 'Hương', 'Thảo', 'Mai', 'Vy', 'Hà', 'Anh', 'Nhung', 'Lan', 'Phương'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'],
    nick: { Tuấn: ['Tony'], Đức: ['Duke'], Huy: ['Henry'], Linh: ['Lynn'], Ngọc: ['Jade'], Phương: ['Fiona'], Quang: ['Quinn'], Khang: ['Kevin'], Trang: ['Tracy'], Hương: ['Holly'] },
    pet: ['Bé', 'Tí', 'Bin', 'Bống'],
    translit: { Nguyễn: ['Nguyen', 'Nguyen', 'Ngyuen'], Trần: ['Tran'], Phạm: ['Pham'], Hoàng: ['Hoang', 'Huang'], Vũ: ['Vu', 'Vo'], Đặng: ['Dang'], Đỗ: ['Do'], Đức: ['Duc'], Phúc: ['Phuc', 'Phuoc'], Ngọc: ['Ngoc'], Hương: ['Huong'], Thảo: ['Thao'] },
    common: [['m', 'Minh', 'Nguyễn']],
  },
}

// house streets: invented names in the Black Country style / Tyneside style
export const PLACE_P = {
  town: 'Wednesford',
  districts: ['WS10', 'WV14', 'DY4', 'WS10', 'WV14'],
  streets: ['Holloway Bank', 'Church Lane', 'Darlaston Road', 'Foundry Street', 'Coseley Road', 'Hall Green Street', 'Lea Brook Road', 'Ocker Hill Road', 'Princes End Road', 'Moxley Road', 'Great Bridge Street', 'Bull Lane', 'Chapel Ash Close', 'Gospel Oak Road', 'Tame Crescent', 'Crankhall Lane', 'Kings Hill Road', 'Walsall Street', 'Bilston Road', 'Owen Street', 'Park Lane East', 'Tipton Road', 'Mesty Croft', 'Union Street', 'Brierley Lane', 'Ladymoor Road', 'Canal View', 'Hill Top', 'Dudley Port', 'Forge Lane'],
  flats: ['Flat %n, Brunswick House', 'Flat %n, Kelvin Court', 'Flat %n, Tame House', 'Flat %n, Lichfield Tower', '%n Mill Court'],
}
export const PLACE_E = {
  town: 'Marsden Staithes',
  districts: ['NE33', 'NE34', 'NE33', 'NE34', 'NE32'],
  streets: ['Ocean Road', 'Frederick Street', 'Laygate', 'Westoe Road', 'Dean Road', 'Stanhope Road', 'Harton Lane', 'Boldon Lane', 'Whiteleas Way', 'Brockley Avenue', 'Marsden Lane', 'Mortimer Road', 'Tyne Dock Street', 'Eldon Street', 'Imeary Street', 'Hudson Street', 'Chichester Road', 'Sunderland Road', 'Temple Park Road', 'Horsley Hill Road', 'Lizard Lane', 'Cleadon Lane', 'Salem Street', 'Readhead Road', 'Commercial Road', 'Leam Lane', 'Simonside Terrace', 'Fowler Street'],
  flats: ['Flat %n, Sea View House', 'Flat %n, Lawe Court', 'Flat %n, Harbour Heights', '%n Mill Dam Terrace'],
}
export function makeAddress(r, place, usedPc) {
  const d = r.pick(place.districts)
  let pc
  for (;;) {
    pc = `${d} ${r.int(1, 9)}${r.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${r.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}`
    if (!usedPc.has(pc) || r.chance(0.08)) break // a few neighbours share a postcode unit
  }
  usedPc.add(pc)
  const line1 = r.chance(0.22) ? r.pick(place.flats).replace('%n', r.int(1, 48)) : `${r.int(1, 212)} ${r.pick(place.streets)}`
  return { line1, town: place.town, postcode: pc }
}
// agencies write addresses their own way
export function spellAddress(r, a, style) {
  let l = a.line1,
    pc = a.postcode
  if (style === 'upper') {
    l = l.toUpperCase()
    pc = pc.toUpperCase()
  }
  if (style === 'abbr' || (style === 'mixed' && r.chance(0.3)))
    l = l.replace(/ Road$/, ' Rd').replace(/ Street$/, ' St').replace(/ Lane$/, ' Ln').replace(/ Avenue$/, ' Ave').replace(/^Flat /, 'F').replace(/ Crescent$/, ' Cres').replace(/ Terrace$/, ' Terr')
  if (r.chance(0.05)) pc = pc.replace(' ', '')
  if (r.chance(0.03)) pc = pc.toLowerCase()
  if (r.chance(0.015)) {
    // a mistyped postcode unit letter
    const ch = pc.split('')
    const i = ch.length - 1
    ch[i] = ch[i] === 'A' ? 'B' : 'A'
    pc = ch.join('')
  }
  return { line1: l, town: a.town, postcode: pc }
}

// a typo in a name: a dropped, doubled, swapped or wrong letter
export function typo(r, s) {
  if (s.length < 4) return s
  const i = r.int(1, s.length - 2)
  const k = r.int(0, 3)
  if (k === 0) return s.slice(0, i) + s.slice(i + 1)
  if (k === 1) return s.slice(0, i) + s[i] + s.slice(i)
  if (k === 2) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
  const v = 'aeiou'
  const c = s[i].toLowerCase()
  return s.slice(0, i) + (v.includes(c) ? r.pick(v.replace(c, '').split('')) : c) + s.slice(i + 1)
}
export function variantOf(r, comm, name) {
  const t = COMM[comm].translit[name]
  return t ? r.pick(t) : name
}
export function romaFem(fam) {
  // Slovak feminine surname: Horváth -> Horváthová, Baláž -> Balážová, Gaži -> Gažiová
  if (/[aeiouáéíóú]$/i.test(fam) && !/i$/.test(fam)) return fam.replace(/[aá]$/, '') + 'ová'
  return fam + 'ová'
}

// csv
export function csvCell(v) {
  if (v == null) return ''
  const s = String(v)
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}
export function csvLine(a) {
  return a.map(csvCell).join(',')
}

// ---------- population ----------
// A household: community, parents, children, an address history. Each person carries what a careful
// professional would know to be true (legal name, birth date, NHS number) and the forms agencies meet.
const SIMILAR = {
  wbr: [['m', 'Harry', 'Harvey'], ['f', 'Ellie', 'Ella'], ['m', 'Kyle', 'Kayleigh', 'f'], ['m', 'Lewis', 'Louis'], ['f', 'Chloe', 'Zoe'], ['m', 'Callum', 'Calvin'], ['m', 'Jake', 'Jacob']],
  car: [['m', 'Jerome', 'Jermaine'], ['f', 'Shanice', 'Shanelle'], ['m', 'Tyrese', 'Tyrell'], ['f', 'Tianna', 'Tiana'], ['m', 'Isaiah', 'Josiah']],
  sikh: [['m', 'Gurpreet', 'Gurdeep'], ['m', 'Jaspreet', 'Jasdeep'], ['f', 'Simran', 'Simranjit'], ['f', 'Harleen', 'Harneet'], ['m', 'Amandeep', 'Amanpreet', 'f']],
  kur: [['m', 'Rebin', 'Rebwar'], ['f', 'Rozhin', 'Rozh'], ['m', 'Aram', 'Arman'], ['f', 'Dilan', 'Dilvin']],
  roma: [['m', 'Marek', 'Marko'], ['f', 'Denisa', 'Daniela'], ['m', 'Patrik', 'Patrícia', 'f'], ['f', 'Nikola', 'Nikolas', 'm'], ['m', 'Dominik', 'Dominika', 'f']],
  eri: [['m', 'Robel', 'Rubel'], ['f', 'Selam', 'Salem'], ['m', 'Filmon', 'Filimon'], ['f', 'Semhar', 'Selamawit']],
  yem: [['m', 'Mohammed', 'Ahmed'], ['m', 'Hamza', 'Hamzah'], ['f', 'Amal', 'Amani'], ['f', 'Asma', 'Asmaa'], ['m', 'Ali', 'Alaa']],
  vie: [['m', 'Minh', 'Minh Anh'], ['f', 'Linh', 'Lien'], ['m', 'Huy', 'Hung']],
}
export function sikhTitle(sex) {
  return sex === 'm' ? 'Singh' : 'Kaur'
}

export function buildPopulation(r, cfg) {
  // cfg: { place, mix: [[comm, weight]], households, childYears: [y0,y1], hard: {...counts}, yearRange: [y0,y1] }
  const used = { nhs: new Set(), phone: new Set(), pc: new Set(), upn: new Set() }
  const households = []
  const people = []
  let pidN = 0
  const newPid = () => `P${String(++pidN).padStart(5, '0')}`
  const [Y0, Y1] = cfg.yearRange

  function addrHistory(comm) {
    const hist = [{ from: Y0 - 3, addr: makeAddress(r, cfg.place, used.pc) }]
    const mobile = comm === 'roma' || comm === 'kur' || comm === 'eri' ? 0.55 : 0.3
    let y = Y0 - 1
    while (r.chance(mobile) && hist.length < 4) {
      y = r.int(y + 1, Math.min(Y1, y + 3))
      if (y > Y1) break
      hist.push({ from: y, addr: makeAddress(r, cfg.place, used.pc) })
    }
    return hist
  }
  function person(h, role, sex, given, dob, extra = {}) {
    const c = COMM[h.comm]
    const p = {
      pid: newPid(),
      hid: h.hid,
      comm: h.comm,
      role,
      sex,
      given,
      middle: '',
      family: h.family,
      dob,
      isChild: role === 'child',
      nhs: r.chance(role === 'child' ? 0.99 : 0.93) ? makeNhs(r, used.nhs) : '',
      phone: role === 'child' && dob < `${Y1 - 12}` ? (r.chance(0.6) ? phoneMobile(r, used.phone) : '') : '',
      cases: [],
      ...extra,
    }
    if (c.naming === 'patronymic' && role === 'child' && given === h.fatherGiven) p.given = given = r.pick((sex === 'm' ? c.male : c.female).filter((g) => g !== h.fatherGiven))
    if (c.naming === 'sikh') p.middle = sikhTitle(sex)
    if (c.naming === 'vietnamese') p.middle = sex === 'm' ? r.pick(['Văn', 'Văn', 'Đức', 'Minh', 'Quốc']) : r.pick(['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh'])
    if (c.naming === 'vietnamese' && p.middle === given) p.middle = sex === 'm' ? 'Văn' : 'Thị'
    if (c.naming === 'roma' && sex === 'f' && !p.familyFixed) p.family = romaFem(h.family)
    if (c.nick[given] && r.chance(0.45)) p.known = r.pick(c.nick[given])
    if (role === 'child' && r.chance(0.15)) p.pet = r.pick(c.pet)
    if (c.naming === 'vietnamese' && role === 'child' && r.chance(0.3) && c.nick[given]) p.english = c.nick[given][0]
    h.members.push(p)
    people.push(p)
    return p
  }
  function givenFor(comm, sex, avoid) {
    const c = COMM[comm]
    for (let k = 0; k < 20; k++) {
      const g = r.zipf(sex === 'm' ? c.male : c.female)
      if (!avoid.includes(g)) return g
    }
    return r.pick(sex === 'm' ? c.male : c.female)
  }
  function newHousehold(comm, kind) {
    const c = COMM[comm]
    const h = { hid: `H${String(households.length + 1).padStart(4, '0')}`, comm, kind, members: [], hist: addrHistory(comm), phone: phoneMobile(r, used.phone) }
    // family names
    if (c.naming === 'patronymic') {
      h.fatherGiven = r.zipf(c.male)
      h.grand = r.zipf(c.family.filter((f) => f !== h.fatherGiven))
      h.family = h.fatherGiven
    } else if (c.naming === 'sikh') {
      h.family = r.chance(0.7) ? r.zipf(c.family) : '' // some families use Singh/Kaur alone
    } else h.family = r.zipf(c.family)
    households.push(h)
    return h
  }
  function parents(h, opt = {}) {
    const c = COMM[h.comm]
    const momBorn = randDate(r, cfg.childYears[0] - 38, cfg.childYears[0] - 18)
    const mom = person(h, 'parent', 'f', r.zipf(c.female), momBorn)
    if (c.naming === 'patronymic') {
      mom.family = r.zipf(c.male) // her own father's name
    }
    if (c.naming === 'vietnamese') mom.family = r.zipf(c.family)
    mom.phone = h.phone
    h.mother = mom
    if (opt.father !== false && r.chance(opt.fatherP ?? 0.6)) {
      const dad = person(h, 'parent', 'm', c.naming === 'patronymic' ? h.fatherGiven : (opt.fatherGiven ?? r.zipf(c.male)), randDate(r, cfg.childYears[0] - 45, cfg.childYears[0] - 20))
      if (c.naming === 'patronymic') dad.family = h.grand
      dad.phone = r.chance(0.5) ? phoneMobile(r, used.phone) : h.phone
      h.father = dad
    }
    return h
  }
  function child(h, sex, given, dob, extra) {
    return person(h, 'child', sex, given, dob, extra)
  }
  const childDob = () => randDate(r, cfg.childYears[0], cfg.childYears[1])
  const kid = (h, avoid, dob) => {
    const sex = r.chance(0.5) ? 'm' : 'f'
    return child(h, sex, givenFor(h.comm, sex, avoid), dob || childDob())
  }
  const mix = cfg.mix

  // ordinary households
  for (let i = 0; i < cfg.households; i++) {
    const h = parents(newHousehold(r.weighted(mix), 'ordinary'))
    const n = r.weighted([[1, 4], [2, 4], [3, 2], [4, 1]])
    const names = []
    let base = childDob()
    for (let k = 0; k < n; k++) {
      const sex = r.chance(0.5) ? 'm' : 'f'
      const g = givenFor(h.comm, sex, names)
      names.push(g)
      child(h, sex, g, k === 0 ? base : (base = addDays(base, r.int(400, 1500))) > `${cfg.childYears[1]}-12-31` ? addDays(base, -r.int(2000, 3000)) : base)
    }
  }
  const hard = cfg.hard
  const comms = mix.map(([c]) => c)
  const nm = (p) => `${p.given} ${p.family}`
  // twins: similar names / one initial / ordinary
  for (let i = 0; i < hard.twins; i++) {
    const comm = r.weighted(mix)
    const h = parents(newHousehold(comm, 'twins'))
    const dob = childDob()
    const kind = i % 3
    let a, b
    if (kind === 0) {
      const s = r.pick(SIMILAR[comm])
      a = child(h, s[0], s[1], dob)
      b = child(h, s[3] || s[0], s[2], dob)
      a.cases.push('twin-similar-name')
      b.cases.push('twin-similar-name')
    } else if (kind === 1) {
      const C = COMM[comm]
      const all = [...C.male.map((g) => ['m', g]), ...C.female.map((g) => ['f', g])]
      const cands = []
      for (const x of all) for (const y of all) if (x[1] !== y[1] && x[1][0] === y[1][0] && x[1] < y[1] && x[1] !== h.fatherGiven && y[1] !== h.fatherGiven) cands.push([x, y])
      const [x, y] = r.pick(cands)
      a = child(h, x[0], x[1], dob)
      b = child(h, y[0], y[1], dob)
      a.cases.push('twin-one-initial')
      b.cases.push('twin-one-initial')
    } else {
      const sa = r.chance(0.5) ? 'm' : 'f',
        sb = r.chance(0.5) ? 'm' : 'f'
      const ga = givenFor(comm, sa, [])
      a = child(h, sa, ga, dob)
      b = child(h, sb, givenFor(comm, sb, [ga]), dob)
      a.cases.push('twin')
      b.cases.push('twin')
    }
    a.twin = b.pid
    b.twin = a.pid
    if (a.phone && r.chance(0.3)) b.phone = a.phone // twins sharing a phone
  }
  // parent and child of one name at one address
  const nsComms = comms.filter((c) => ['wbr', 'car', 'roma', 'sikh'].includes(c))
  for (let i = 0; i < hard.namesakes; i++) {
    const comm = nsComms[i % nsComms.length]
    const c = COMM[comm]
    const daughter = i % 5 === 4
    const g = r.zipf(daughter ? c.female : c.male)
    const h = parents(newHousehold(comm, 'namesake'), { fatherP: 1, fatherGiven: g })
    let par = h.father
    if (daughter) {
      h.mother.given = g
      h.mother.family = h.mother.family || h.family
      par = h.mother
    }
    const k = child(h, daughter ? 'f' : 'm', g, childDob())
    if (comm === 'roma' && daughter) k.family = par.family
    par.cases.push('namesake-parent')
    k.cases.push('namesake-child')
    par.noDobP = 0.45
    k.namesakeOf = par.pid
    par.namesakeOf = k.pid
    if (!daughter && r.chance(0.3)) k.junior = true
    if (r.chance(0.5)) kid(h, [g])
  }
  // similar-named siblings (not twins)
  for (let i = 0; i < hard.siblings; i++) {
    const comm = r.weighted(mix)
    const h = parents(newHousehold(comm, 'siblings'))
    const s = r.pick(SIMILAR[comm])
    const d1 = childDob()
    let d2 = addDays(d1, r.int(330, 1400))
    if (d2 > `${cfg.childYears[1]}-12-31`) d2 = addDays(d1, -r.int(330, 1400))
    const a = child(h, s[0], s[1], d1),
      b = child(h, s[3] || s[0], s[2], d2)
    a.cases.push('similar-sibling')
    b.cases.push('similar-sibling')
  }
  // commonest full names, different children born weeks apart
  const clusterNames = []
  for (const c of comms) for (const x of COMM[c].common) clusterNames.push([c, ...x])
  for (let i = 0; i < hard.clusters; i++) {
    const [comm, sex, g, fam] = clusterNames[i % clusterNames.length]
    const centre = childDob()
    const n = r.int(3, 5)
    for (let k = 0; k < n; k++) {
      const h = parents(newHousehold(comm, 'common-name'))
      if (COMM[comm].naming === 'sikh') {
        // "Harjit Singh Sandhu" as given + family "Singh Sandhu": family name Sandhu
        h.family = fam.includes(' ') ? fam.split(' ')[1] : ''
        if (h.father) h.father.family = h.family
        if (h.mother) h.mother.family = h.family
      } else if (COMM[comm].naming === 'patronymic') {
        h.fatherGiven = fam
        h.family = fam
        if (h.father) h.father.given = fam
      } else {
        h.family = comm === 'roma' ? fam.replace(/ová$/, '').replace(/Lakatoš$/, 'Lakatoš') : fam
        if (h.father) h.father.family = h.family
        if (h.mother && comm !== 'roma') h.mother.family = h.family
        if (h.mother && comm === 'roma') h.mother.family = romaFem(h.family)
      }
      const kd = child(h, sex, g, addDays(centre, r.int(-70, 70)))
      if (comm === 'roma' && sex === 'f') kd.family = fam
      kd.cases.push(`common-name:${g} ${fam}`)
      if (r.chance(0.4)) kid(h, [g])
    }
  }
  // surname change: the mother marries, the children take the new name (agencies keep the old one)
  const scComms = comms.filter((c) => ['wbr', 'car', 'roma'].includes(c))
  for (let i = 0; i < hard.surnameChange; i++) {
    const comm = scComms[i % scComms.length]
    const h = parents(newHousehold(comm, 'surname-change'), { father: false })
    const n = r.int(1, 3)
    for (let k = 0; k < n; k++) kid(h, h.members.map((m) => m.given))
    const newFam = r.zipf(COMM[comm].family.filter((f) => f !== h.family))
    const yr = r.int(Y0, Y1 - 1)
    for (const p of h.members) {
      p.prevFamily = p.family
      p.family = comm === 'roma' && p.sex === 'f' ? romaFem(newFam) : newFam
      if (p.role === 'child' && r.chance(0.35)) p.family = `${p.prevFamily}-${p.family}`
      p.changeYear = yr
      p.cases.push('surname-change')
    }
    const step = person(h, 'parent', 'm', r.zipf(COMM[comm].male), randDate(r, cfg.childYears[0] - 40, cfg.childYears[0] - 20))
    step.family = newFam
    step.cases.push('step-parent')
    h.father = step
  }
  // double-barrelled
  const dbComms = comms.filter((c) => ['wbr', 'car'].includes(c))
  for (let i = 0; i < hard.doubleBarrel; i++) {
    const comm = dbComms[i % dbComms.length]
    const h = parents(newHousehold(comm, 'double-barrelled'))
    const f2 = r.pick(COMM[comm].family.filter((f) => f !== h.family))
    const n = r.int(1, 3)
    for (let k = 0; k < n; k++) {
      const kd = kid(h, h.members.map((m) => m.given))
      kd.family = `${h.family}-${f2}`
      kd.parts = [h.family, f2]
      kd.cases.push('double-barrelled')
    }
    if (h.father) h.father.family = f2
  }
  // asylum-seeking young people whose age is disputed: the date they gave and the assessed one
  for (let i = 0; i < (hard.ageDisputed || 0); i++) {
    const comm = i % 2 ? 'eri' : 'kur'
    if (!comms.includes(comm)) continue
    const h = newHousehold(comm, 'uasc')
    h.grand = r.zipf(COMM[comm].family)
    const arrived = r.int(Y0, Y1 - 1)
    const cy = Math.max(cfg.minChildYear ?? 1990, arrived - r.int(14, 16))
    const claimed = randDate(r, cy, cy)
    const k = child(h, 'm', r.zipf(COMM[comm].male.filter((g) => g !== h.fatherGiven)), claimed)
    k.assessedDob = `${Math.max(cfg.minAssessedYear ?? 1990, cy - r.int(1, 2))}-01-01`
    k.cases.push('age-disputed')
    k.phone = phoneMobile(r, used.phone)
    k.arrived = arrived
  }
  // newborns: the hospital's first record is "Baby" with the mother's NHS number now and then
  for (const h of households) {
    for (const p of h.members)
      if (p.role === 'child' && p.dob >= `${Y0}-01-01` && p.dob <= `${Y1}-10-01`) {
        p.newborn = true
        p.cases.push('newborn')
      }
  }
  for (const h of households) for (const p of h.members) if (COMM[h.comm].naming === 'patronymic' && p.role === 'child') p.grand = h.grand
  return { households, people, used }
}

export function addrAt(h, year) {
  let a = h.hist[0].addr
  for (const x of h.hist) if (x.from <= year) a = x.addr
  return a
}
export function prevAddr(h, year) {
  let prev = h.hist[0].addr
  for (let i = 1; i < h.hist.length; i++) if (h.hist[i].from <= year) prev = h.hist[i - 1].addr
  return prev
}

// ---------- how an agency writes a person's name ----------
// h: habit { accents: P(keep accents), translit: P(variant), known: P(known-as name as given), upperFamily,
//            keepOld: P(keep the surname before a change), typo, swap, initialOnly, noFamily }
export function renderName(r, p, h, year) {
  const c = COMM[p.comm]
  const cases = []
  const other = []
  let given = p.given
  let family = p.family
  // a surname changed: before the change everyone has the old; after, some agencies keep it
  if (p.prevFamily) {
    if (year < p.changeYear) {
      family = p.prevFamily
      cases.push('old-surname')
    } else if (r.chance(h.keepOld ?? 0.25)) {
      family = p.prevFamily
      cases.push('kept-old-surname')
    } else if (r.chance(0.4)) other.push(p.prevFamily && `${given} ${p.prevFamily}`)
  }
  if (p.parts && family === p.family) {
    const k = r.weighted([['whole', 5], ['space', 2], ['joined', 1], ['first', 2], ['second', 2]])
    if (k === 'space') family = p.parts.join(' ')
    if (k === 'joined') family = p.parts.join('')
    if (k === 'first') family = p.parts[0]
    if (k === 'second') family = p.parts[1]
    if (k !== 'whole') cases.push(`double-barrel-${k}`)
  }
  if (c.naming === 'sikh') {
    const t = p.middle
    if (!family) {
      family = t
      if (r.chance(0.2)) {
        given = `${given} ${t}`
        family = ''
      }
    } else {
      const k = r.weighted([['given+family', 4], ['title-only', 2], ['title-in-given', 2], ['title-in-family', 2]])
      if (k === 'title-only') family = t
      if (k === 'title-in-given') given = `${given} ${t}`
      if (k === 'title-in-family') family = `${t} ${family}`
      if (k !== 'given+family') cases.push(`sikh-${k}`)
    }
  } else if (c.naming === 'vietnamese') {
    const k = r.weighted([['plain', 5], ['middle-in-given', 3], ['order-swapped', 1], ['full-in-given', 0.5]])
    if (k === 'middle-in-given') given = `${p.middle} ${given}`
    if (k === 'order-swapped') [given, family] = [family, `${p.middle} ${given}`]
    if (k === 'full-in-given') {
      given = `${family} ${p.middle} ${given}`
      family = family
    }
    if (k !== 'plain') cases.push(`viet-${k}`)
    if (p.english && h.known && r.chance(h.known)) {
      other.push(given)
      given = p.english
      cases.push('english-name')
    }
  } else if (c.naming === 'patronymic' && p.grand) {
    // Eritrean / Kurdish: the family name is the father's name; some write the grandfather's too, or only his
    const hh = p
    if (hh.grand) {
      const k = r.weighted([['father', 7], ['father+grand', 2], ['grand', 1]])
      if (k === 'father+grand') family = `${family} ${hh.grand}`
      if (k === 'grand') {
        family = hh.grand
        if (r.chance(0.5)) given = `${given} ${p.family}`
      }
      if (k !== 'father') cases.push(`patronymic-${k}`)
    }
  } else if (c.naming === 'roma' && p.sex === 'f' && /ová$/.test(family) && r.chance(0.25)) {
    family = family.replace(/ová$/, '')
    cases.push('masculine-surname')
  }
  // known-as / nickname
  if (p.known && h.known && r.chance(h.known)) {
    if (h.knownToOther) other.push(given)
    given = p.known
    cases.push('known-as')
  } else if (p.known && h.aliasOther && r.chance(h.aliasOther)) other.push(p.known)
  if (p.pet && h.pet && r.chance(h.pet)) {
    given = p.pet
    cases.push('pet-name')
  } else if (p.pet && h.aliasOther && r.chance(0.3)) {
    other.push(p.pet)
    cases.push('pet-name-in-other-names')
  }
  // transliteration
  if (r.chance(h.translit ?? 0.2)) {
    const g2 = given
      .split(' ')
      .map((w) => variantOf(r, p.comm, w))
      .join(' ')
    const f2 = family
      .split(/([ -])/)
      .map((w) => variantOf(r, p.comm, w))
      .join('')
    if (g2 !== given || f2 !== family) cases.push('transliterated')
    given = g2
    family = f2
  }
  if (p.junior && r.chance(0.4)) {
    family = family + ' Jnr'
    cases.push('junior')
  }
  if (!(r.f() < (h.accents ?? 0.3)) && (hasAccent(given) || hasAccent(family))) {
    given = stripAccents(given)
    family = stripAccents(family)
    cases.push('accents-dropped')
  }
  if (r.chance(h.typo ?? 0.03)) {
    if (r.chance(0.5)) given = typo(r, given)
    else family = typo(r, family)
    cases.push('typo')
  }
  if (r.chance(h.swap ?? 0.012)) {
    ;[given, family] = [family, given]
    cases.push('given-family-swapped')
  }
  if (h.initialOnly && r.chance(h.initialOnly) && family) {
    family = family[0]
    cases.push('family-initial')
  } else if (h.noFamily && r.chance(h.noFamily)) {
    family = ''
    cases.push('no-family-name')
  }
  if (h.upperFamily && r.chance(h.upperFamily)) family = family.toUpperCase()
  return { given, family, other: other.filter(Boolean), cases }
}

// dob: the true (or assessed) date and how the agency writes it; returns { iso, text, cases }
export function renderDob(r, p, h, year) {
  const cases = []
  let d = p.dob
  if (p.assessedDob && year > p.arrived && r.chance(h.assessed ?? 0.7)) {
    d = p.assessedDob
    cases.push('assessed-dob')
  }
  if (p.role === 'parent' && r.chance(p.noDobP ?? 0.12) && h.parentNoDob !== false) return { iso: '', text: '', cases: ['no-dob'] }
  if (r.chance(h.noDob ?? 0)) return { iso: '', text: '', cases: ['no-dob'] }
  let [y, m, dd] = d.split('-').map(Number)
  const e = r.f()
  if (e < (h.swapDM ?? 0.015) && dd <= 12 && dd !== m) {
    ;[m, dd] = [dd, m]
    cases.push('day-month-swapped')
  } else if (e < (h.swapDM ?? 0.015) + 0.012) {
    dd = Math.min(dim(y, m), Math.max(1, dd + r.pick([-1, 1, 10, -10])))
    cases.push('wrong-day')
  } else if (e < (h.swapDM ?? 0.015) + 0.02) {
    y = y + r.pick([-1, 1])
    cases.push('wrong-year')
  }
  const iso1 = iso(y, m, dd)
  if (r.chance(h.partial ?? 0.01)) {
    const ym = r.chance(0.5)
    return { iso: ym ? `${y}-${pad(m)}` : `${y}`, text: ym ? `${y}-${pad(m)}` : `${y}`, cases: [...cases, ym ? 'dob-year-month' : 'dob-year'] }
  }
  return { iso: iso1, text: iso1, y, m, d: dd, cases }
}
export function dobText(r, dob, fmts) {
  if (!dob.y) return dob.text
  const f = r.weighted(fmts)
  if (f === 'compact') return `${dob.y}${pad(dob.m)}${pad(dob.d)}`
  if (f === 'uk') return `${pad(dob.d)}/${pad(dob.m)}/${dob.y}`
  return dob.iso
}
