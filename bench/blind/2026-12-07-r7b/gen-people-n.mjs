#!/usr/bin/env node
// People set n: Luton (Bedfordshire), records of children and their parents as eight agencies write
// them, for `threadline link`. Standalone, fixed seed, no dependencies. Written blind (see README.md).
// Usage: node gen-people-n.mjs [outdir]   (default: ./people beside this script)
// Writes n.csv (the person CSV `link` reads), n.truth-pairs.csv (id_a,id_b: every pair of records of
// one real person) and n.truth-clusters.csv (record_id,person_id,agency,is_child,cases).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const SMALL = process.argv.includes('--small') // a quick check of the files only: fewer households
const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) || join(here, 'people')
const SEED = 20261207

// ---------- random ----------
function mulberry32(a) {
  return function () {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const R = mulberry32(SEED)
const ri = (a, b) => a + Math.floor(R() * (b - a + 1))
const pick = (xs) => xs[Math.floor(R() * xs.length)]
const chance = (p) => R() < p
// Zipf-ish pick: the first names of a list much commoner than the last
const zipf = (xs, s = 1.1) => {
  const w = xs.map((_, i) => 1 / Math.pow(i + 1, s))
  let t = R() * w.reduce((a, b) => a + b, 0)
  for (let i = 0; i < xs.length; i++) if ((t -= w[i]) <= 0) return xs[i]
  return xs[xs.length - 1]
}
const shuffle = (xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(R() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j], xs[i]]
  }
  return xs
}

// ---------- names ----------
const C = {
  WB: {
    label: 'White British',
    m: ['Oliver', 'Jack', 'Harry', 'George', 'Charlie', 'Jacob', 'Thomas', 'Alfie', 'Riley', 'William', 'James', 'Joshua', 'Kyle', 'Callum', 'Liam', 'Connor', 'Tyler', 'Mason', 'Lewis', 'Daniel', 'Ethan', 'Jamie', 'Archie', 'Sean', 'Reece', 'Bradley'],
    f: ['Amelia', 'Olivia', 'Jessica', 'Emily', 'Isla', 'Ava', 'Lily', 'Sophie', 'Chloe', 'Ella', 'Mia', 'Grace', 'Evie', 'Poppy', 'Charlotte', 'Lacey', 'Courtney', 'Megan', 'Holly', 'Leah', 'Paige', 'Kayleigh', 'Demi', 'Niamh', 'Aoife'],
    fam: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Wilson', 'Evans', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Turner', 'Hill', 'Cooper', 'Booth', 'Barker', 'Marsh'],
    adm: ['Lee', 'Paul', 'Darren', 'Craig', 'Wayne', 'Mark', 'Daniel', 'James', 'Jack', 'Thomas'],
    adf: ['Kerry', 'Lisa', 'Michelle', 'Sarah', 'Gemma', 'Stacey', 'Donna', 'Emma', 'Leanne', 'Jessica'],
  },
  PK: {
    label: 'Pakistani',
    m: ['Muhammad', 'Mohammed', 'Ali', 'Hamza', 'Ibrahim', 'Yusuf', 'Zain', 'Ayaan', 'Hassan', 'Bilal', 'Umar', 'Abdullah', 'Haris', 'Zakariya', 'Rayyan', 'Ismail', 'Usman', 'Adam', 'Amir', 'Haroon'],
    f: ['Aisha', 'Fatima', 'Maryam', 'Zainab', 'Hafsa', 'Khadija', 'Amna', 'Hania', 'Inaya', 'Eman', 'Mahnoor', 'Aleena', 'Zara', 'Ayesha', 'Safa', 'Hira', 'Iqra', 'Sana', 'Anaya', 'Noor'],
    fam: ['Hussain', 'Khan', 'Ahmed', 'Ali', 'Akhtar', 'Mahmood', 'Iqbal', 'Shah', 'Butt', 'Raja', 'Rashid', 'Aslam', 'Mirza', 'Malik', 'Qureshi', 'Javed', 'Chaudhry', 'Riaz', 'Sadiq', 'Zaman'],
    adm: ['Muhammad', 'Mohammed', 'Imran', 'Tariq', 'Asif', 'Shahid', 'Zahid', 'Naveed', 'Khalid', 'Nadeem'],
    adf: ['Shazia', 'Nasreen', 'Rubina', 'Samina', 'Fatima', 'Aisha', 'Nazia', 'Saima', 'Bushra', 'Parveen'],
  },
  BD: {
    label: 'Bangladeshi',
    m: ['Mohammed', 'Abdul', 'Rayhan', 'Ibrahim', 'Yahya', 'Ismail', 'Zakaria', 'Sami', 'Tahmid', 'Rahim', 'Shahid', 'Habib', 'Arif', 'Nabil', 'Sabbir', 'Tanvir', 'Farhan', 'Ahmed'],
    f: ['Fatema', 'Sumaiya', 'Tasnim', 'Nusrat', 'Sadia', 'Jannat', 'Ruksana', 'Sharmin', 'Halima', 'Ayesha', 'Sabrina', 'Tahmina', 'Afia', 'Maisha', 'Nadia'],
    fam: ['Miah', 'Rahman', 'Uddin', 'Islam', 'Ahmed', 'Hussain', 'Ali', 'Choudhury', 'Haque', 'Alam', 'Karim', 'Hassan', 'Khan', 'Hossain'],
    ffam: ['Begum', 'Khatun', 'Akter', 'Sultana'],
    adm: ['Mohammed', 'Abdul', 'Shahid', 'Jamal', 'Kamal', 'Anwar', 'Mizanur', 'Abul'],
    adf: ['Fatema', 'Rahima', 'Shirin', 'Nazma', 'Rokeya', 'Hasina', 'Rumana', 'Shapla'],
  },
  SO: {
    label: 'Somali',
    m: ['Mohamed', 'Abdirahman', 'Abdullahi', 'Ahmed', 'Hassan', 'Ali', 'Abdi', 'Yusuf', 'Ibrahim', 'Omar', 'Mustafe', 'Liban', 'Khalid', 'Hamse', 'Bilal', 'Abdikarim', 'Said'],
    f: ['Amina', 'Hodan', 'Fartun', 'Ayan', 'Sahra', 'Nimo', 'Hibo', 'Ikran', 'Sagal', 'Hamdi', 'Hana', 'Idil', 'Ifrah', 'Muna', 'Najma', 'Yasmin', 'Ubah', 'Halima'],
    fam: ['Mohamed', 'Ali', 'Hassan', 'Abdi', 'Ahmed', 'Hussein', 'Omar', 'Farah', 'Warsame', 'Osman', 'Ismail', 'Yusuf', 'Jama', 'Nur', 'Aden', 'Abdullahi', 'Egal', 'Elmi', 'Dahir', 'Hersi'],
    adm: ['Mohamed', 'Abdi', 'Ahmed', 'Hassan', 'Ali', 'Osman', 'Farah', 'Omar'],
    adf: ['Amina', 'Fadumo', 'Khadra', 'Hawa', 'Asha', 'Faduma', 'Sahra', 'Maryan'],
  },
  PL: {
    label: 'Polish',
    m: ['Jakub', 'Jan', 'Szymon', 'Antoni', 'Filip', 'Kacper', 'Aleksander', 'Franciszek', 'Mikołaj', 'Wojciech', 'Adam', 'Michał', 'Marcel', 'Stanisław', 'Wiktor', 'Piotr', 'Igor', 'Dawid', 'Mateusz', 'Łukasz'],
    f: ['Zuzanna', 'Julia', 'Zofia', 'Hanna', 'Maja', 'Lena', 'Alicja', 'Oliwia', 'Amelia', 'Aleksandra', 'Natalia', 'Wiktoria', 'Małgorzata', 'Katarzyna', 'Martyna', 'Gabriela'],
    fam: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Mazur', 'Jankowski', 'Wojciechowski', 'Krawczyk', 'Grabowski'],
    adm: ['Tomasz', 'Krzysztof', 'Paweł', 'Marcin', 'Piotr', 'Łukasz', 'Grzegorz', 'Michał'],
    adf: ['Agnieszka', 'Anna', 'Katarzyna', 'Małgorzata', 'Joanna', 'Magdalena', 'Monika', 'Ewa'],
  },
  RO: {
    label: 'Romanian',
    m: ['Andrei', 'Alexandru', 'David', 'Gabriel', 'Ștefan', 'Luca', 'Mihai', 'Ionuț', 'Darius', 'Rareș', 'Matei', 'Florin', 'Marian', 'Constantin', 'Denis', 'Cristian', 'Adrian', 'Robert'],
    f: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Alexandra', 'Bianca', 'Daria', 'Sofia', 'Ana', 'Gabriela', 'Mihaela', 'Florentina', 'Roxana', 'Denisa', 'Alina', 'Larisa'],
    fam: ['Popa', 'Popescu', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Lungu', 'Moldovan', 'Stănescu', 'Căldăraru', 'Șerban', 'Lăcătuș', 'Florea', 'Niculae'],
    adm: ['Ion', 'Vasile', 'Gheorghe', 'Marian', 'Florin', 'Costel', 'Nicolae', 'Ionuț'],
    adf: ['Maria', 'Elena', 'Florentina', 'Mihaela', 'Georgiana', 'Ramona', 'Daniela', 'Luminița'],
  },
  IT: {
    label: 'Irish Traveller',
    m: ['John', 'Patrick', 'Michael', 'Martin', 'James', 'Thomas', 'Edward', 'Christopher', 'Bernard', 'Joseph', 'Daniel', 'Francis', 'William', 'Johnny'],
    f: ['Mary', 'Bridget', 'Margaret', 'Kathleen', 'Ellen', 'Nora', 'Catherine', 'Winifred', 'Anne', 'Helen', 'Josie', 'Chelsea', 'Shannon', 'Kirsty'],
    fam: ['Ward', 'McDonagh', 'Connors', 'Joyce', "O'Brien", 'Maughan', 'Doherty', 'Delaney', 'Stokes', 'McGinley', 'Sweeney', 'Mongan', 'Collins', 'Cash', 'McCarthy'],
    adm: ['John', 'Patrick', 'Michael', 'Martin', 'James', 'Thomas', 'Edward', 'Bernard'],
    adf: ['Mary', 'Bridget', 'Margaret', 'Kathleen', 'Ellen', 'Nora', 'Anne', 'Catherine'],
  },
  BC: {
    label: 'Black Caribbean',
    m: ['Jayden', 'Tyrese', 'Kai', 'Jordan', 'Malachi', 'Isaiah', 'Josiah', 'Elijah', 'Tyler', 'Reuben', 'Nathaniel', 'Andre', 'Devon', 'Marcus', 'Kyrie', 'Jahmal', 'Dante'],
    f: ['Aaliyah', 'Shanice', 'Tia', 'Nia', 'Imani', 'Kayla', 'Jada', 'Chantelle', 'Tiana', 'Amara', 'Kiara', 'Destiny', 'Naomi', 'Renee', 'Sienna'],
    fam: ['Campbell', 'Brown', 'Williams', 'Francis', 'Thomas', 'Grant', 'Clarke', 'Johnson', 'Henry', 'Bailey', 'Reid', 'Robinson', 'Morgan', 'Lewis', 'Gordon', 'Richards', 'James', 'Walters', 'Simpson', 'Bennett'],
    adm: ['Marcus', 'Andre', 'Leon', 'Clive', 'Dwayne', 'Errol', 'Delroy', 'Winston'],
    adf: ['Marcia', 'Paulette', 'Sharon', 'Claudette', 'Simone', 'Tanya', 'Natalie', 'Donna'],
  },
}
// community shares of the households (Luton-like mix, Irish Traveller and Romanian small)
const COMMUNITY_MIX = [
  ['WB', 0.3], ['PK', 0.22], ['BD', 0.1], ['SO', 0.07], ['PL', 0.09], ['RO', 0.08], ['IT', 0.06], ['BC', 0.08],
]
// the commonest full names of each community, for the namesake clusters
const COMMON = {
  WB: [['Jack', 'Smith', 'm'], ['Oliver', 'Smith', 'm'], ['Amelia', 'Smith', 'f'], ['Jessica', 'Jones', 'f']],
  PK: [['Muhammad', 'Hussain', 'm'], ['Muhammad', 'Khan', 'm'], ['Aisha', 'Khan', 'f'], ['Fatima', 'Hussain', 'f']],
  BD: [['Mohammed', 'Miah', 'm'], ['Mohammed', 'Rahman', 'm'], ['Fatema', 'Begum', 'f']],
  SO: [['Mohamed', 'Ali', 'm'], ['Mohamed', 'Hassan', 'm'], ['Amina', 'Mohamed', 'f']],
  PL: [['Jakub', 'Nowak', 'm'], ['Zuzanna', 'Nowak', 'f'], ['Jan', 'Kowalski', 'm']],
  RO: [['Andrei', 'Popa', 'm'], ['Maria', 'Popescu', 'f'], ['Alexandru', 'Radu', 'm']],
  IT: [['John', 'Ward', 'm'], ['Patrick', 'McDonagh', 'm'], ['Mary', 'Ward', 'f'], ['Bridget', 'Connors', 'f']],
  BC: [['Jayden', 'Campbell', 'm'], ['Tyrese', 'Brown', 'm'], ['Aaliyah', 'Williams', 'f']],
}
// spellings and short forms an agency may write for one given name (first is the legal form's group head)
const GIVEN_VARIANTS = [
  ['Muhammad', 'Mohammed', 'Mohammad', 'Mohamed', 'Muhammed', 'Mohamad', 'Mohd', 'Md', 'Mo'],
  ['Ahmed', 'Ahmad', 'Axmed'], ['Yusuf', 'Yousef', 'Yusef', 'Yousuf'], ['Ibrahim', 'Ebrahim', 'Ibraheem'],
  ['Aisha', 'Ayesha', 'Aysha', 'Aishah'], ['Fatima', 'Fatema', 'Fatimah'], ['Maryam', 'Mariam', 'Mariyam'],
  ['Zainab', 'Zaynab', 'Zeinab'], ['Khadija', 'Khadijah', 'Khadeeja'], ['Hafsa', 'Hafsah'], ['Umar', 'Omar'],
  ['Usman', 'Uthman', 'Osman'], ['Zakariya', 'Zakaria', 'Zakariyya', 'Zachariah'], ['Rayyan', 'Rayan'],
  ['Ismail', 'Ismael', 'Esmail'], ['Hamza', 'Hamzah'], ['Rayhan', 'Raihan'], ['Tahmid', 'Tahmeed'],
  ['Sumaiya', 'Sumaya', 'Sumayyah'], ['Tasnim', 'Tasneem'], ['Nusrat', 'Nusrath'], ['Jannat', 'Jannatul'],
  ['Halima', 'Halimo', 'Halimah'], ['Hodan', 'Hodaan'], ['Sahra', 'Sahro', 'Zahra'], ['Nimo', 'Nimco'],
  ['Hibo', 'Hibaaq'], ['Mustafe', 'Mustafa'], ['Hamse', 'Hamza'], ['Abdikarim', 'Abdulkarim', 'Abdi'],
  ['Abdirahman', 'Abdi', 'Abdurahman', 'Abdulrahman', 'Cabdiraxmaan'], ['Abdullahi', 'Abdulahi', 'Abdi', 'Cabdullaahi'],
  ['Abdul', 'Abdool'], ['Noor', 'Nur'], ['Inaya', 'Inayah'], ['Hania', 'Haniya'], ['Haris', 'Harris'],
  ['Jakub', 'Kuba', 'Jacob', 'Jakob'], ['Mikołaj', 'Mikolaj', 'Nicholas'], ['Wojciech', 'Wojtek'], ['Michał', 'Michal', 'Michael'],
  ['Łukasz', 'Lukasz', 'Luke'], ['Stanisław', 'Stanislaw', 'Stan'], ['Aleksander', 'Alexander', 'Olek', 'Alex'],
  ['Franciszek', 'Franek'], ['Zuzanna', 'Zuzia', 'Susanna'], ['Zofia', 'Zosia', 'Sophia'],
  ['Małgorzata', 'Malgorzata', 'Gosia'], ['Katarzyna', 'Kasia'], ['Aleksandra', 'Ola', 'Alexandra'],
  ['Wiktoria', 'Victoria'], ['Oliwia', 'Olivia'], ['Hanna', 'Hania', 'Hannah'], ['Szymon', 'Simon'], ['Piotr', 'Peter'],
  ['Mateusz', 'Matthew'], ['Dawid', 'David'], ['Filip', 'Phillip'], ['Wiktor', 'Victor'], ['Natalia', 'Natalie'],
  ['Ștefan', 'Ştefan', 'Stefan'], ['Ionuț', 'Ionuţ', 'Ionut'], ['Rareș', 'Rares'], ['Alexandru', 'Alex', 'Alexander'],
  ['Andreea', 'Andrea'], ['Ioana', 'Joana'], ['Florentina', 'Florina'], ['Constantin', 'Costel'], ['Mihaela', 'Michaela'],
  ['Patrick', 'Paddy', 'Pat', 'Padraig'], ['Bridget', 'Bridie', 'Brigid'], ['Margaret', 'Maggie', 'Peggy'],
  ['Kathleen', 'Kathy', 'Cathleen'], ['Catherine', 'Kathryn', 'Cathy'], ['Winifred', 'Winnie'], ['Michael', 'Micky', 'Mikey'],
  ['John', 'Johnny'], ['James', 'Jimmy', 'Jim'], ['Edward', 'Eddie', 'Ned'], ['Christopher', 'Chris', 'Christy'],
  ['Bernard', 'Barney', 'Bernie'], ['Joseph', 'Joe'], ['Francis', 'Frankie'], ['William', 'Billy', 'Will', 'Liam'],
  ['Ellen', 'Nellie'], ['Nora', 'Norah'], ['Josie', 'Josephine'], ['Niamh', 'Neve', 'Neamh'], ['Aoife', 'Aoifa', 'Eefa'],
  ['Sean', 'Shaun', 'Shawn', 'Seán'], ['Oliver', 'Ollie', 'Olly'], ['Thomas', 'Tom', 'Tommy'], ['Joshua', 'Josh'],
  ['Jacob', 'Jake'], ['Charlie', 'Charles'], ['Alfie', 'Alfred'], ['Daniel', 'Danny'], ['Jessica', 'Jess', 'Jessie'],
  ['Charlotte', 'Lottie'], ['Amelia', 'Millie'], ['Callum', 'Calum'], ['Kayleigh', 'Kayley', 'Kaylee'], ['Lacey', 'Lacie'],
  ['Leah', 'Lea'], ['Evie', 'Eve'], ['Sophie', 'Sophia'], ['Lewis', 'Louis'], ['Riley', 'Rylee'], ['Megan', 'Meg', 'Meghan'],
  ['Reece', 'Rhys'], ['Bradley', 'Brad'], ['Jayden', 'Jaden', 'Jaydon'], ['Tyrese', 'Tyreese', 'Tyreece'], ['Malachi', 'Malakai'],
  ['Isaiah', 'Izaiah'], ['Josiah', 'Joziah'], ['Elijah', 'Eli'], ['Nathaniel', 'Nathan', 'Nate'], ['Andre', 'André', 'Andrae'],
  ['Kyrie', 'Kyree'], ['Jahmal', 'Jamal'], ['Aaliyah', 'Aliyah', 'Aleah'], ['Shanice', 'Shaniece'], ['Chantelle', 'Chantel', 'Shantelle'],
  ['Kiara', 'Kiera'], ['Renee', 'Renée'], ['Imani', 'Iman'], ['Nia', 'Niya'],
]
const FAMILY_VARIANTS = [
  ['Hussain', 'Hussein', 'Husain', 'Hossain'], ['Mahmood', 'Mahmud', 'Mehmood'], ['Chaudhry', 'Choudhary', 'Chaudhary', 'Chaudry'],
  ['Choudhury', 'Chowdhury', 'Choudhuri'], ['Qureshi', 'Kureshi'], ['Rahman', 'Rehman'], ['Haque', 'Hoque', 'Huq'],
  ['Uddin', 'Udin', 'Ud-Din'], ['Miah', 'Meah', 'Mia'], ['Begum', 'Begam'], ['Akter', 'Akhter', 'Aktar'], ['Akhtar', 'Akhter'],
  ['Mohamed', 'Mohammed', 'Maxamed'], ['Abdi', 'Cabdi'], ['Farah', 'Faarax'], ['Jama', 'Jaama'], ['Nur', 'Noor'],
  ['Osman', 'Cusmaan', 'Othman'], ['Hussein', 'Hussain', 'Xuseen'], ['Hassan', 'Hasan', 'Xasan'], ['Ahmed', 'Ahmad', 'Axmed'],
  ['Yusuf', 'Yousuf'], ['Ismail', 'Ismael'],
  ['McDonagh', 'McDonough', 'MacDonagh', 'Mc Donagh', 'Mcdonagh'], ["O'Brien", 'OBrien', 'O Brien', 'O’Brien', 'Obrien'],
  ['Doherty', 'Docherty', 'Dougherty'], ['Maughan', 'Maugham'], ['Connors', 'Connor', "O'Connor"], ['McGinley', 'Mcginley'],
  ['McCarthy', 'Mccarthy', 'MacCarthy'], ['Gheorghe', 'Gheorge'], ['Clarke', 'Clark'], ['Thompson', 'Thomson'],
]
const gIndex = new Map()
for (const g of GIVEN_VARIANTS) if (!gIndex.has(g[0])) gIndex.set(g[0], g)
const fIndex = new Map()
for (const g of FAMILY_VARIANTS) if (!fIndex.has(g[0])) fIndex.set(g[0], g)
// Polish feminine surnames
const femPL = (s) => s.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka')
const stripAccents = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').normalize('NFC')
const cedilla = (s) => s.replace(/ș/g, 'ş').replace(/Ș/g, 'Ş').replace(/ț/g, 'ţ').replace(/Ț/g, 'Ţ')
const KEYS = 'qwertyuiop asdfghjkl zxcvbnm'
function typo(s) {
  if (s.length < 3) return s
  const i = ri(1, s.length - 2)
  const op = ri(0, 3)
  if (op === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) // transpose
  if (op === 1) return s.slice(0, i) + s.slice(i + 1) // drop
  if (op === 2) return s.slice(0, i) + s[i] + s.slice(i) // double
  const c = s[i].toLowerCase()
  const k = KEYS.indexOf(c)
  const n = k >= 0 ? KEYS[Math.min(KEYS.length - 1, Math.max(0, k + (chance(0.5) ? 1 : -1)))] : 'e'
  return s.slice(0, i) + (n === ' ' ? 'a' : n) + s.slice(i + 1)
}

// similar-name pairs that are two different children (twins, siblings)
const SIMILAR_TWINS = {
  WB: [['Aiden', 'Aidan', 'm', 'm'], ['Ella', 'Ellie', 'f', 'f'], ['Lacey', 'Lucy', 'f', 'f'], ['Jayden', 'Jaiden', 'm', 'm'], ['Layla', 'Lyla', 'f', 'f'], ['Connor', 'Conor', 'm', 'm']],
  PK: [['Hassan', 'Hussain', 'm', 'm'], ['Ayaan', 'Ayan', 'm', 'm'], ['Zain', 'Zayan', 'm', 'm'], ['Hana', 'Hina', 'f', 'f'], ['Amir', 'Amira', 'm', 'f'], ['Hasan', 'Husain', 'm', 'm']],
  BD: [['Rayhan', 'Rayan', 'm', 'm'], ['Sadia', 'Sadiya', 'f', 'f'], ['Tahmid', 'Tamim', 'm', 'm'], ['Nabil', 'Nabila', 'm', 'f']],
  SO: [['Hassan', 'Hussein', 'm', 'm'], ['Hana', 'Hanan', 'f', 'f'], ['Ayan', 'Ayaan', 'f', 'm'], ['Abdi', 'Abdo', 'm', 'm']],
  PL: [['Kacper', 'Kasper', 'm', 'm'], ['Oliwia', 'Olivia', 'f', 'f'], ['Lena', 'Lina', 'f', 'f'], ['Jan', 'Janek', 'm', 'm']],
  RO: [['Andrei', 'Andreea', 'm', 'f'], ['Daria', 'Dariana', 'f', 'f'], ['Denis', 'Denisa', 'm', 'f'], ['Marian', 'Mariana', 'm', 'f']],
  IT: [['Mary', 'Marie', 'f', 'f'], ['John', 'Johnny', 'm', 'm'], ['Martin', 'Marten', 'm', 'm'], ['Nora', 'Norah', 'f', 'f']],
  BC: [['Tia', 'Tiana', 'f', 'f'], ['Kai', 'Kye', 'm', 'm'], ['Isaiah', 'Isaac', 'm', 'm'], ['Nia', 'Nya', 'f', 'f']],
}
const SIMILAR_SIBS = {
  WB: [['Kyle', 'Kylie', 'm', 'f'], ['Daniel', 'Danielle', 'm', 'f'], ['Jamie', 'Jamie-Leigh', 'm', 'f'], ['Alfie', 'Archie', 'm', 'm'], ['Callum', 'Calvin', 'm', 'm'], ['Leah', 'Lea-Mai', 'f', 'f']],
  PK: [['Hamza', 'Hafsa', 'm', 'f'], ['Ibrahim', 'Ismail', 'm', 'm'], ['Aisha', 'Ayesha', 'f', 'f'], ['Zain', 'Zainab', 'm', 'f'], ['Usman', 'Umar', 'm', 'm']],
  BD: [['Sumaiya', 'Sumaira', 'f', 'f'], ['Rahim', 'Rahima', 'm', 'f'], ['Sabbir', 'Sabrina', 'm', 'f']],
  SO: [['Abdirahman', 'Abdullahi', 'm', 'm'], ['Hodan', 'Hodo', 'f', 'f'], ['Amina', 'Aminah', 'f', 'f']],
  PL: [['Michał', 'Michalina', 'm', 'f'], ['Jan', 'Janina', 'm', 'f'], ['Wiktor', 'Wiktoria', 'm', 'f']],
  RO: [['Gabriel', 'Gabriela', 'm', 'f'], ['Florin', 'Florentina', 'm', 'f'], ['Cristian', 'Cristina', 'm', 'f']],
  IT: [['Patrick', 'Patricia', 'm', 'f'], ['Bridget', 'Bridie', 'f', 'f'], ['Michael', 'Michaela', 'm', 'f'], ['Francis', 'Frances', 'm', 'f']],
  BC: [['Jordan', 'Jordana', 'm', 'f'], ['Tyrese', 'Tyrone', 'm', 'm'], ['Shanice', 'Shania', 'f', 'f']],
}

// ---------- identifiers ----------
function nhsNumber() {
  for (;;) {
    const d = [pick([4, 6, 7]), ...Array.from({ length: 8 }, () => ri(0, 9))]
    const s = d.reduce((a, x, i) => a + x * (10 - i), 0)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c === 10) continue
    return d.join('') + c
  }
}
const fmtNhs = (n) => (chance(0.5) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n)
function nhsTypo(n) {
  const i = ri(0, 8)
  if (chance(0.5)) return n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2)
  return n.slice(0, i) + ((+n[i] + ri(1, 8)) % 10) + n.slice(i + 1)
}
let phoneSeq = 0
const phoneNos = shuffle(Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')))
const landNos = shuffle(Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')))
let landSeq = 0
const mobile = () => `07700900${phoneNos[phoneSeq++ % 1000]}`
const landline = () => `01632960${landNos[landSeq++ % 1000]}`
function fmtPhone(p) {
  const mob = p.startsWith('07')
  const r = R()
  if (mob) {
    if (r < 0.45) return `${p.slice(0, 5)} ${p.slice(5)}`
    if (r < 0.8) return p
    if (r < 0.92) return `+44 ${p.slice(1, 5)} ${p.slice(5)}`
    return `${p.slice(0, 5)} ${p.slice(5, 8)} ${p.slice(8)}`
  }
  if (r < 0.5) return `${p.slice(0, 5)} ${p.slice(5)}`
  if (r < 0.8) return `(${p.slice(0, 5)}) ${p.slice(5)}`
  return p
}

// ---------- addresses (Luton) ----------
const STREETS = [
  ['Dunstable Road', 'LU1 1'], ['Dunstable Road', 'LU4 8'], ['Bury Park Road', 'LU1 1'], ['Leagrave Road', 'LU3 1'], ['Leagrave Road', 'LU4 8'],
  ['Biscot Road', 'LU3 1'], ['Selbourne Road', 'LU4 8'], ['Oak Road', 'LU4 8'], ['Kingsway', 'LU4 8'], ['Waller Avenue', 'LU4 9'],
  ['Hart Lane', 'LU2 0'], ['Marsh Road', 'LU3 2'], ['Hitchin Road', 'LU2 0'], ['Crawley Green Road', 'LU2 0'], ['Wenlock Street', 'LU2 0'],
  ['Park Street', 'LU1 3'], ['Castle Street', 'LU1 3'], ['Hibbert Street', 'LU1 3'], ['Chapel Street', 'LU1 5'], ['Farley Hill', 'LU1 5'],
  ['Whipperley Way', 'LU1 5'], ['Runfold Avenue', 'LU3 3'], ['Hockwell Ring', 'LU4 9'], ['Tomlinson Avenue', 'LU4 0'], ['Purley Centre', 'LU3 3'],
  ['Birdsfoot Lane', 'LU3 2'], ['Tithe Farm Road', 'LU5 5'], ['Lewsey Road', 'LU4 0'], ['Wigmore Lane', 'LU2 8'], ['Ashcroft Road', 'LU2 9'],
  ['Stockingstone Road', 'LU2 7'], ['Beech Hill Path', 'LU4 8'], ['Saint Saviours Crescent', 'LU1 5'], ['Hastings Street', 'LU1 5'],
  ['Maple Road East', 'LU4 8'], ['Oakley Road', 'LU4 9'], ['Chiltern Gardens', 'LU4 9'], ['Marina Drive', 'LU6 3'], ['Leabank', 'LU3 1'],
  ['High Town Road', 'LU2 0'], ['Buxton Road', 'LU1 1'], ['Cardiff Road', 'LU1 1'], ['Ashburnham Road', 'LU1 1'], ['Butlin Road', 'LU1 5'],
]
const UNIT = 'ABDEFGHJLNPQRSTUWXYZ'
const ABBR = [[/ Road$/, ' Rd'], [/ Avenue$/, ' Ave'], [/ Street$/, ' St'], [/ Lane$/, ' Ln'], [/ Crescent$/, ' Cres'], [/ Gardens$/, ' Gdns'], [/ Drive$/, ' Dr']]
function newAddress(community) {
  if (community === 'IT' && chance(0.45)) {
    const site = pick([['Stopsley Travellers Site', 'LU2 9', 'Hitchin Road'], ['Leagrave Lodge Site', 'LU4 9', 'Toddington Road']])
    return { num: ri(1, 24), flat: null, pitch: true, street: site[0], pc: site[1] + UNIT[ri(0, 19)] + UNIT[ri(0, 19)], town: 'Luton' }
  }
  const [street, sector] = pick(STREETS)
  const num = ri(1, 260)
  const h = (street.length * 7 + Math.floor(num / 24) * 13) % 400
  const pc = sector + UNIT[h % 20] + UNIT[Math.floor(h / 20) % 20]
  const flat = chance(0.18) ? (chance(0.5) ? String(ri(1, 12)) : pick(['A', 'B', 'C'])) : null
  return { num, flat, street, pc, town: street === 'Tithe Farm Road' ? 'Houghton Regis' : street === 'Marina Drive' ? 'Dunstable' : 'Luton' }
}
function addrLine(a, style) {
  let st = a.street
  if (style.abbr) for (const [re, s] of ABBR) st = st.replace(re, s)
  if (a.pitch) return style.short ? `${a.num} ${st}` : `Pitch ${a.num}, ${st}`
  let base = `${a.num} ${st}`
  if (a.flat) {
    if (/^[ABC]$/.test(a.flat)) base = style.flatFirst ? `${a.num}${a.flat} ${st}` : `Flat ${a.flat}, ${a.num} ${st}`
    else base = style.flatFirst ? `Flat ${a.flat}, ${a.num} ${st}` : style.short ? `${a.num} ${st}` : `${a.num} ${st}, Flat ${a.flat}`
  }
  return style.upper ? base.toUpperCase() : base
}
function pcTypo(pc) {
  const r = R()
  if (r < 0.4) return pc.replace(' ', '')
  if (r < 0.6) return pc.toLowerCase()
  if (r < 0.8) return pc.slice(0, -1) + UNIT[ri(0, 19)]
  return pc.split(' ')[0] // district only
}

// ---------- dates ----------
const pad = (n) => String(n).padStart(2, '0')
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const dateOf = (y, m, d) => new Date(Date.UTC(y, m - 1, d))
const randDate = (y0, y1) => new Date(Date.UTC(y0, 0, 1) + Math.floor(R() * ((y1 - y0 + 1) * 365.25)) * 86400000)
const addDays = (d, n) => new Date(d.getTime() + n * 86400000)

// ---------- people ----------
const people = []
const households = []
let pseq = 0
function newPerson(h, o) {
  const p = {
    pid: `N${String(++pseq).padStart(5, '0')}`,
    hh: h,
    community: h.community,
    sex: o.sex,
    given: o.given,
    family: o.family,
    dob: o.dob,
    isChild: o.isChild,
    nhs: nhsNumber(),
    mobile: o.isChild ? (chance(0.35) ? mobile() : null) : chance(0.85) ? mobile() : null,
    cases: new Set(o.cases || []),
    prevFamily: o.prevFamily || null,
    familyChangedYear: o.familyChangedYear || null,
    altFamily: o.altFamily || null,
    middle: o.middle || null,
  }
  people.push(p)
  h.members.push(p)
  return p
}
function pickCommunity() {
  let t = R()
  for (const [c, w] of COMMUNITY_MIX) if ((t -= w) <= 0) return c
  return 'WB'
}
function childFamily(h, sex) {
  if (h.community === 'PL' && sex === 'f') return femPL(h.family)
  if (h.community === 'BD' && sex === 'f' && chance(0.45)) return pick(C.BD.ffam)
  return h.family
}
function newHousehold(community, family) {
  const c = C[community]
  const fam = family || zipf(c.fam, 1.0)
  const moves = ri(0, community === 'IT' || community === 'RO' ? 3 : 2)
  const addrs = [newAddress(community)]
  const moveYears = []
  let y = 2016
  for (let i = 0; i < moves; i++) {
    y = ri(y + 1, Math.min(2024, y + 3))
    if (y > 2024) break
    addrs.push(newAddress(community))
    moveYears.push(y)
  }
  const h = {
    hid: households.length + 1,
    community,
    family: fam,
    addrs,
    moveYears,
    phone: chance(0.3) ? landline() : mobile(),
    oldPhone: chance(0.3) ? mobile() : null,
    members: [],
    children: [],
  }
  households.push(h)
  // parents
  const singleMum = chance(community === 'WB' || community === 'BC' ? 0.45 : 0.2)
  const dadYob = ri(1972, 1994)
  if (!singleMum) {
    let dadFam = fam
    if (community === 'SO' && chance(0.6)) dadFam = zipf(c.fam)
    if (community === 'BD' && chance(0.2)) dadFam = zipf(c.fam)
    h.dad = newPerson(h, { sex: 'm', given: zipf(c.adm, 0.9), family: dadFam, dob: randDate(dadYob, dadYob), isChild: false })
  }
  let mumFam = community === 'PL' ? femPL(fam) : fam
  if (community === 'PK' && chance(0.35)) mumFam = pick(['Bibi', 'Begum', 'Akhtar', 'Kausar'])
  if (community === 'BD' && chance(0.7)) mumFam = pick(C.BD.ffam)
  if (community === 'SO') mumFam = zipf(c.fam)
  h.mum = newPerson(h, { sex: 'f', given: zipf(c.adf, 0.9), family: mumFam, dob: randDate(1976, 1995), isChild: false })
  return h
}
function addChild(h, o = {}) {
  const c = C[h.community]
  const sex = o.sex || (chance(0.5) ? 'm' : 'f')
  const used = new Set(h.children.map((k) => k.given))
  let given = o.given
  for (let k = 0; !given && k < 20; k++) {
    const g = zipf(sex === 'm' ? c.m : c.f, 0.9)
    if (!used.has(g)) given = g
  }
  const dob = o.dob || randDate(2006, 2016)
  const ch = newPerson(h, { sex, given, family: o.family || childFamily(h, sex), dob, isChild: true, cases: o.cases })
  h.children.push(ch)
  return ch
}

// 1. ordinary households
const N_HOUSEHOLDS = SMALL ? 30 : 200
for (let i = 0; i < N_HOUSEHOLDS; i++) {
  const h = newHousehold(pickCommunity())
  const n = zipf([1, 2, 3, 4, 5], 0.8)
  const base = randDate(2006, 2015)
  for (let k = 0; k < n; k++) addChild(h, { dob: addDays(base, k * ri(300, 900) * (chance(0.5) ? 1 : -1)) })
}
for (const h of households) for (const k of h.children) if (k.dob.getUTCFullYear() > 2016 || k.dob.getUTCFullYear() < 2006) k.dob = randDate(2007, 2015)

// 2. twins: similar names, same initial, ordinary
const byComm = (cm) => households.filter((h) => h.community === cm)
let twinCount = 0
for (const cm of Object.keys(C)) {
  const hs = shuffle(byComm(cm))
  const nTw = Math.max(3, Math.round(hs.length * 0.16))
  for (let i = 0; i < nTw && i < hs.length; i++) {
    const h = hs[i]
    const dob = randDate(2007, 2015)
    const kind = i % 3
    let a, b, sa, sb
    if (kind === 0) [a, b, sa, sb] = pick(SIMILAR_TWINS[cm])
    else if (kind === 1) {
      sa = sb = chance(0.5) ? 'm' : 'f'
      const list = C[cm][sa]
      a = pick(list)
      const same = list.filter((x) => x[0] === a[0] && x !== a)
      b = same.length ? pick(same) : pick(list.filter((x) => x !== a))
    } else {
      sa = chance(0.5) ? 'm' : 'f'
      sb = chance(0.6) ? sa : sa === 'm' ? 'f' : 'm'
      a = pick(C[cm][sa])
      b = pick(C[cm][sb].filter((x) => x !== a))
    }
    if (a === b) continue
    const tag = kind === 0 ? 'twin_similar_names' : a[0] === b[0] ? 'twin_same_initial' : 'twin'
    const t1 = addChild(h, { given: a, sex: sa, dob, cases: [tag] })
    const t2 = addChild(h, { given: b, sex: sb, dob, cases: [tag] })
    t1.twin = t2
    t2.twin = t1
    twinCount++
  }
}
// 3. parent and child with one full name at one address
let juniorCount = 0
for (const cm of Object.keys(C)) {
  const hs = shuffle(byComm(cm).filter((h) => h.dad && h.dad.family === h.family))
  const n = Math.max(2, Math.round(hs.length * 0.09))
  for (let i = 0; i < n && i < hs.length; i++) {
    const h = hs[i]
    const k = addChild(h, { given: h.dad.given, sex: 'm', family: h.dad.family, dob: randDate(2006, 2014), cases: ['parent_child_same_name'] })
    h.dad.cases.add('parent_child_same_name')
    k.parentNamesake = h.dad
    h.dad.childNamesake = k
    juniorCount++
  }
  // a mother and daughter of one name (fewer)
  const hm = shuffle(byComm(cm).filter((h) => h.mum.family === childFamily(h, 'f') || cm === 'WB' || cm === 'IT' || cm === 'BC'))
  for (let i = 0; i < 1 && i < hm.length; i++) {
    const h = hm[i]
    const k = addChild(h, { given: h.mum.given, sex: 'f', family: h.mum.family, dob: randDate(2007, 2014), cases: ['parent_child_same_name'] })
    h.mum.cases.add('parent_child_same_name')
    k.parentNamesake = h.mum
    juniorCount++
  }
}
// 4. siblings with similar names
let simSib = 0
for (const cm of Object.keys(C)) {
  const hs = shuffle(byComm(cm))
  const n = Math.max(3, Math.round(hs.length * 0.12))
  for (let i = 0; i < n && i < hs.length; i++) {
    const h = hs[i]
    const [a, b, sa, sb] = pick(SIMILAR_SIBS[cm])
    const d1 = randDate(2006, 2013)
    const d2 = addDays(d1, ri(330, 1400))
    addChild(h, { given: a, sex: sa, dob: d1, cases: ['similar_sibling_names'] })
    addChild(h, { given: b, sex: sb, dob: d2, cases: ['similar_sibling_names'] })
    simSib++
  }
}
// 5. common full names in one town, dates of birth days or weeks apart (different families)
let nsClusters = 0
for (const cm of Object.keys(C)) {
  for (const [g, f, sx] of COMMON[cm]) {
    const size = ri(3, 6)
    const anchor = randDate(2007, 2014)
    for (let k = 0; k < size; k++) {
      const h = newHousehold(cm, cm === 'PL' && sx === 'f' ? f.replace(/ska$/, 'ski') : cm === 'BD' && f === 'Begum' ? zipf(C.BD.fam) : f)
      addChild(h, { given: g, sex: sx, family: f, dob: addDays(anchor, k === 0 ? 0 : ri(-60, 60)), cases: ['common_name_cluster'] })
      if (chance(0.5)) addChild(h)
    }
    nsClusters++
  }
}
// 6. surname change after a parent's marriage; double-barrelled names
let renamed = 0
for (const h of shuffle(households.filter((h) => !h.dad && ['WB', 'BC', 'IT', 'PL'].includes(h.community))).slice(0, 28)) {
  const newFam = zipf(C[h.community].fam)
  if (newFam === h.family) continue
  const y = ri(2019, 2023)
  for (const k of h.children) {
    k.prevFamily = k.family
    k.family = h.community === 'PL' && k.sex === 'f' ? femPL(newFam) : newFam
    k.familyChangedYear = y
    k.cases.add('surname_changed')
  }
  h.mum.prevFamily = h.mum.family
  h.mum.family = h.community === 'PL' ? femPL(newFam) : newFam
  h.mum.familyChangedYear = y
  h.mum.cases.add('surname_changed')
  renamed++
}
let dbl = 0
for (const h of shuffle(households.filter((h) => h.dad && h.dad.family !== h.mum.family && ['WB', 'BC', 'PK', 'IT'].includes(h.community))).slice(0, 10)) {
  for (const k of h.children) {
    if (k.prevFamily) continue
    k.altFamily = h.mum.family
    k.family = `${h.mum.family}-${k.family}`
    k.cases.add('double_barrelled')
  }
  dbl++
}
for (const h of shuffle(households.filter((h) => h.dad && ['WB', 'BC'].includes(h.community))).slice(0, 8)) {
  const other = zipf(C[h.community].fam)
  if (other === h.family) continue
  for (const k of h.children) {
    if (k.prevFamily || k.altFamily) continue
    k.altFamily = other
    k.family = `${other}-${k.family}`
    k.cases.add('double_barrelled')
  }
  dbl++
}
// South Asian children with a two-part given name (Muhammad Ali, Mohammed Abdul Karim)
for (const k of people.filter((p) => p.isChild && ['PK', 'BD'].includes(p.community) && /^(Muhammad|Mohammed|Abdul)$/.test(p.given))) {
  if (chance(0.45)) {
    k.middle = pick(k.community === 'PK' ? ['Ali', 'Hamza', 'Usman', 'Ibrahim', 'Zain'] : ['Rahim', 'Karim', 'Hamid', 'Jamil', 'Sami'])
    k.cases.add('two_part_given_name')
  }
}
// an unknown date of birth recorded as 1 January (children who came to the UK without papers)
for (const k of people.filter((p) => p.isChild && ['SO', 'RO'].includes(p.community))) if (chance(0.12)) k.janFirst = true

// parents at least 18 (mothers) or 19 (fathers) years older than their eldest child
for (const h of households) {
  if (!h.children.length) continue
  const e = Math.min(...h.children.map((k) => k.dob.getUTCFullYear()))
  if (h.mum.dob.getUTCFullYear() > e - 18) h.mum.dob = randDate(e - 36, e - 19)
  if (h.dad && h.dad.dob.getUTCFullYear() > e - 19) h.dad.dob = randDate(e - 40, e - 20)
}
// ---------- agencies ----------
const AG = {
  POL: { name: 'Bedfordshire Police', dob: 0.93, dobPartial: 0.05, sex: 0.97, addr: 0.82, oldAddr: 0.35, phone: 0.4, nhs: 0.03, other: 0.2, nick: 0.3, typo: 0.07 },
  CSC: { name: "Luton children's social care", dob: 0.96, dobPartial: 0.02, sex: 0.96, addr: 0.95, oldAddr: 0.15, phone: 0.6, nhs: 0.55, other: 0.25, nick: 0.12, typo: 0.04 },
  NHS: { name: 'Luton and Dunstable Hospital / GP', dob: 0.995, dobPartial: 0, sex: 0.99, addr: 0.93, oldAddr: 0.3, phone: 0.55, nhs: 0.96, other: 0.02, nick: 0.04, typo: 0.03 },
  EDU: { name: 'Luton schools', dob: 0.99, dobPartial: 0, sex: 0.99, addr: 0.96, oldAddr: 0.12, phone: 0.8, nhs: 0.04, other: 0.1, nick: 0.22, typo: 0.03 },
  CHA: { name: 'a young people’s charity', dob: 0.55, dobPartial: 0.7, sex: 0.6, addr: 0.2, oldAddr: 0.3, phone: 0.55, nhs: 0, other: 0.05, nick: 0.5, typo: 0.08, famMissing: 0.45 },
  YOT: { name: 'Luton youth justice service', dob: 0.98, dobPartial: 0.01, sex: 0.99, addr: 0.88, oldAddr: 0.2, phone: 0.5, nhs: 0.2, other: 0.3, nick: 0.15, typo: 0.04 },
  HSG: { name: 'Luton council housing', dob: 0.7, dobPartial: 0.05, sex: 0.55, addr: 1, oldAddr: 0.05, phone: 0.7, nhs: 0, other: 0.03, nick: 0.15, typo: 0.05 },
  SHC: { name: 'sexual health clinic', dob: 0.96, dobPartial: 0.03, sex: 1, addr: 0.9, oldAddr: 0.2, phone: 0.75, nhs: 0.3, other: 0.02, nick: 0.35, typo: 0.05, pcOnly: 0.75 },
}

function givenVariant(p, prof) {
  let g = p.given
  const grp = gIndex.get(g)
  if (grp && chance(prof.nick)) g = pick(grp.slice(1))
  else if (p.community === 'PL' && chance(0.5)) g = stripAccents(g)
  else if (p.community === 'RO' && chance(0.5)) g = chance(0.5) ? stripAccents(g) : cedilla(g)
  if (p.middle) {
    const r = R()
    if (r < 0.4) g = `${g} ${p.middle}`
    else if (r < 0.6) g = p.middle // known by the second name
  }
  if (chance(prof.typo)) g = typo(g)
  return g
}
function familyVariant(p, prof, year) {
  let f = p.family
  if (p.prevFamily && (year < p.familyChangedYear || chance(0.3))) f = chance(0.15) ? `${p.prevFamily}-${p.family}` : p.prevFamily
  if (p.altFamily && f === p.family) {
    const r = R()
    const second = p.family.slice(p.altFamily.length + 1)
    if (r < 0.25) f = second
    else if (r < 0.4) f = p.altFamily
    else if (r < 0.55) f = `${p.altFamily} ${second}`
    else if (r < 0.65) f = `${p.altFamily}${second}`
  }
  const grp = fIndex.get(f)
  if (grp && chance(0.3)) f = pick(grp.slice(1))
  if (p.community === 'PL') {
    if (chance(0.5)) f = stripAccents(f)
    if (p.sex === 'f' && /ska$/.test(f) && chance(0.15)) f = f.replace(/ska$/, 'ski') // written with the father's form
  }
  if (p.community === 'RO' && chance(0.5)) f = chance(0.6) ? stripAccents(f) : cedilla(f)
  if (chance(prof.typo)) f = typo(f)
  if (chance(0.05)) f = f.toUpperCase()
  return f
}
function dobVariant(p, prof) {
  const d = p.dob
  if (!chance(prof.dob)) return ''
  if (p.janFirst && chance(0.5)) return `${d.getUTCFullYear()}-01-01`
  if (chance(prof.dobPartial)) return chance(0.6) ? String(d.getUTCFullYear()) : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
  const y = d.getUTCFullYear(),
    m = d.getUTCMonth() + 1,
    dd = d.getUTCDate()
  const r = R()
  if (r < 0.025 && dd <= 12 && dd !== m) return `${y}-${pad(dd)}-${pad(m)}` // day and month swapped
  if (r < 0.04) return `${y}-${pad(m)}-${pad(Math.min(28, Math.max(1, dd + pick([-1, 1, 10, -10]))))}` // a digit wrong
  if (r < 0.05) return `${y + pick([-1, 1])}-${pad(m)}-${pad(dd)}` // year wrong
  const s = `${y}-${pad(m)}-${pad(dd)}`
  const f = R()
  if (f < 0.08) return `${pad(dd)}/${pad(m)}/${y}`
  if (f < 0.14) return `${y}${pad(m)}${pad(dd)}`
  return s
}
function addressAt(p, year) {
  const h = p.hh
  let i = 0
  for (let k = 0; k < h.moveYears.length; k++) if (year >= h.moveYears[k]) i = k + 1
  return { idx: i, a: h.addrs[i] }
}

const records = []
let rseq = 0
const ids = new Set()
function recId(agency) {
  for (;;) {
    const id = `${agency}-${agency === 'NHS' ? ri(100000, 999999) : agency === 'EDU' ? ri(10000, 99999) : ri(1000, 99999)}`
    if (!ids.has(id)) {
      ids.add(id)
      return id
    }
  }
}
function writeRecord(p, agency, opts = {}) {
  const prof = AG[agency]
  const year = opts.year || ri(2018, 2024)
  const rec = { record_id: recId(agency), pid: p.pid, agency, cases: new Set(p.cases) }
  rec.given_name = givenVariant(p, prof)
  rec.family_name = prof.famMissing && chance(prof.famMissing) ? '' : familyVariant(p, prof, year)
  if (chance(0.015) && rec.family_name) {
    ;[rec.given_name, rec.family_name] = [rec.family_name, rec.given_name] // fields swapped
    rec.cases.add('given_family_swapped')
  }
  rec.date_of_birth = dobVariant(p, prof)
  rec.sex = chance(prof.sex) ? (chance(0.01) ? (p.sex === 'm' ? 'female' : 'male') : p.sex === 'm' ? pick(['male', 'male', 'M']) : pick(['female', 'female', 'F'])) : ''
  if (rec.sex === 'M' || rec.sex === 'F') rec.sex = rec.sex === 'M' ? 'male' : 'female'
  // address
  rec.address_line = rec.town = rec.postcode = ''
  if (chance(prof.addr)) {
    let { idx, a } = addressAt(p, year)
    if (idx > 0 && chance(prof.oldAddr)) {
      a = p.hh.addrs[idx - 1]
      rec.cases.add('old_address')
    }
    const style = { abbr: chance(0.35), flatFirst: chance(0.4), short: chance(0.3), upper: agency === 'POL' && chance(0.3) }
    if (prof.pcOnly && chance(prof.pcOnly)) {
      rec.postcode = a.pc
    } else {
      rec.address_line = addrLine(a, style)
      rec.town = chance(0.9) ? a.town : ''
      rec.postcode = chance(0.9) ? (chance(0.06) ? pcTypo(a.pc) : chance(0.1) ? a.pc.replace(' ', '') : a.pc) : ''
    }
    if (agency === 'CHA' && chance(0.5)) {
      rec.address_line = ''
      rec.town = 'Luton'
      rec.postcode = a.pc.split(' ')[0]
    }
  }
  // phone
  rec.phone = ''
  if (chance(prof.phone)) {
    let ph
    if (p.isChild) {
      if (['CHA', 'SHC', 'POL'].includes(agency) && p.mobile && chance(0.8)) ph = p.mobile
      else ph = p.hh.oldPhone && chance(0.25) ? p.hh.oldPhone : p.hh.phone
    } else ph = p.mobile && chance(0.7) ? p.mobile : p.hh.phone
    rec.phone = fmtPhone(ph)
  }
  // NHS number
  rec.nhs_number = ''
  if (chance(prof.nhs)) {
    let n = p.nhs
    const r = R()
    if (r < 0.02) {
      n = nhsTypo(n)
      rec.cases.add('nhs_typo')
    } else if (r < 0.035 && p.twin) {
      n = p.twin.nhs
      rec.cases.add('nhs_of_twin')
    } else if (r < 0.05 && p.isChild && p.hh.mum) {
      n = p.hh.mum.nhs
      rec.cases.add('nhs_of_mother')
    }
    rec.nhs_number = fmtNhs(n)
  }
  // other names
  const others = []
  if (chance(prof.other)) {
    if (p.prevFamily) others.push(`${p.given} ${p.prevFamily}`)
    else if (p.altFamily) others.push(`${p.given} ${p.family.slice(p.altFamily.length + 1)}`)
    const grp = gIndex.get(p.given)
    if (grp && chance(0.6)) others.push(`${pick(grp.slice(1))} ${p.family}`)
    if (agency === 'POL' && chance(0.2)) others.push(pick(['Lil', 'Tiny', 'Shorty', 'Bugsy', 'Kiddo', 'Smurf', 'Junior']))
  }
  rec.other_names = others.join(';')
  if (p.janFirst) rec.cases.add('dob_placeholder_1_jan')
  records.push(rec)
  return rec
}

// which agencies write about whom
for (const p of people) {
  if (p.isChild) {
    const ags = new Set()
    const age2020 = 2020 - p.dob.getUTCFullYear()
    if (chance(0.72)) ags.add('EDU')
    if (chance(0.7)) ags.add('NHS')
    if (chance(0.45)) ags.add('CSC')
    if (chance(age2020 >= 10 ? 0.42 : 0.15)) ags.add('POL')
    if (chance(age2020 >= 11 ? 0.22 : 0.05)) ags.add('CHA')
    if (chance(age2020 >= 11 ? 0.12 : 0.01)) ags.add('YOT')
    if (chance(age2020 >= 12 && p.sex === 'f' ? 0.18 : age2020 >= 13 ? 0.05 : 0)) ags.add('SHC')
    if (chance(0.08)) ags.add('HSG')
    if (p.cases.size && ags.size < 2) ags.add(pick(['EDU', 'NHS', 'POL', 'CSC']))
    if (ags.size === 0) ags.add(pick(['EDU', 'NHS']))
    for (const a of ags) {
      writeRecord(p, a)
      if (chance(a === 'POL' ? 0.08 : a === 'CHA' ? 0.1 : 0.025)) writeRecord(p, a).cases.add('duplicate_in_agency')
    }
  } else {
    if (!chance(p.cases.size ? 0.95 : 0.55)) continue
    const ags = new Set()
    if (chance(0.5)) ags.add('NHS')
    if (chance(0.35)) ags.add('HSG')
    if (chance(0.3)) ags.add('POL')
    if (chance(0.3)) ags.add('CSC')
    if (ags.size === 0) ags.add(pick(['NHS', 'HSG', 'POL', 'CSC']))
    if (p.cases.has('parent_child_same_name')) ags.add(pick(['POL', 'CSC'])).add('HSG')
    for (const a of ags) writeRecord(p, a)
  }
}

// ---------- output ----------
shuffle(records)
const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const COLS = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number']
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'n.csv'), [COLS.join(','), ...records.map((r) => COLS.map((c) => csvCell(r[c] || '')).join(','))].join('\n') + '\n')
const byPid = new Map()
for (const r of records) {
  if (!byPid.has(r.pid)) byPid.set(r.pid, [])
  byPid.get(r.pid).push(r.record_id)
}
const pairs = []
for (const recs of byPid.values()) for (let i = 0; i < recs.length; i++) for (let j = i + 1; j < recs.length; j++) pairs.push(`${recs[i]},${recs[j]}`)
writeFileSync(join(outDir, 'n.truth-pairs.csv'), ['id_a,id_b', ...pairs].join('\n') + '\n')
const pmap = new Map(people.map((p) => [p.pid, p]))
writeFileSync(
  join(outDir, 'n.truth-clusters.csv'),
  ['record_id,person_id,agency,is_child,community,cases', ...records.map((r) => `${r.record_id},${r.pid},${r.agency},${pmap.get(r.pid).isChild ? 1 : 0},${pmap.get(r.pid).community},${[...r.cases].sort().join(';')}`)].join('\n') + '\n',
)
const persons = byPid.size
const kids = [...byPid.keys()].filter((k) => pmap.get(k).isChild).length
const caseCount = {}
for (const p of people) if (byPid.has(p.pid)) for (const c of p.cases) caseCount[c] = (caseCount[c] || 0) + 1
const recCase = {}
for (const r of records) for (const c of r.cases) recCase[c] = (recCase[c] || 0) + 1
console.error(
  `people/n.csv: ${records.length} records of ${persons} people (${kids} children, ${persons - kids} adults), ${pairs.length} true pairs, ${
    [...byPid.values()].filter((x) => x.length === 1).length
  } people with one record`,
)
console.error(`twin pairs ${twinCount}, parent/child namesakes ${juniorCount}, similar-named sibling pairs ${simSib}, common-name clusters ${nsClusters}, surname changes ${renamed} families, double-barrelled ${dbl} families`)
console.error('people per case: ' + JSON.stringify(caseCount))
console.error('records per case: ' + JSON.stringify(recCase))
const perAg = {}
for (const r of records) perAg[r.agency] = (perAg[r.agency] || 0) + 1
console.error('records per agency: ' + JSON.stringify(perAg))
