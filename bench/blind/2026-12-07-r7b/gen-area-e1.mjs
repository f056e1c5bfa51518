#!/usr/bin/env node
// Linkage area e1: Peterborough (Cambridgeshire), about 500 children known to eight agencies, each
// writing a child its own way, as year-by-year NDJSON files in the agency record format (1.4), with
// IMPORT.sh and truth.csv (agency,source_id,person_id,is_child,cases) for score-linkage-area.mjs.
// Standalone, fixed seed, no dependencies. Written blind (see README.md).
// Usage: node gen-area-e1.mjs [outdir]   (default: ./areas/e1 beside this script)
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const SMALL = process.argv.includes('--small') // a quick check of the files only: fewer households
const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) || join(here, 'areas', 'e1')
const SEED = 7120626

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

// ---------- dates ----------
const pad = (n) => String(n).padStart(2, '0')
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const dateOf = (y, m, d) => new Date(Date.UTC(y, m - 1, d))
const randDate = (y0, y1) => new Date(Date.UTC(y0, 0, 1) + Math.floor(R() * ((y1 - y0 + 1) * 365.25)) * 86400000)
const addDays = (d, n) => new Date(d.getTime() + n * 86400000)


// ---------- addresses (Peterborough) ----------
const STREETS = [
  ['Lincoln Road', 'PE1 2'], ['Lincoln Road', 'PE1 3'], ['Gladstone Street', 'PE1 2'], ['Cobden Street', 'PE1 2'], ['Taverners Road', 'PE1 2'],
  ['Cromwell Road', 'PE1 2'], ['Burghley Road', 'PE1 2'], ['Russell Street', 'PE1 2'], ['Lime Tree Avenue', 'PE1 2'], ['Park Road', 'PE1 2'],
  ['Eastfield Road', 'PE1 4'], ['Padholme Road', 'PE1 5'], ['Dogsthorpe Road', 'PE1 3'], ['Welland Road', 'PE1 3'], ['Saxon Road', 'PE1 5'],
  ['St Pauls Road', 'PE1 3'], ['Mayors Walk', 'PE3 6'], ['Bretton Way', 'PE3 8'], ['Westwood Park Road', 'PE3 6'], ['Goldhay Way', 'PE2 5'],
  ['Hargate Way', 'PE7 8'], ['Paston Ridings', 'PE4 7'], ['Gunthorpe Road', 'PE4 7'], ['Werrington Parade', 'PE4 6'], ['Fulbridge Road', 'PE4 6'],
  ['Reeves Way', 'PE1 5'], ['Newark Avenue', 'PE1 4'], ['Belsize Avenue', 'PE2 9'], ['Oundle Road', 'PE2 9'], ['Mellows Close', 'PE1 4'],
]
const UNIT = 'ABDEFGHJLNPQRSTUWXYZ'
function newAddress(community) {
  if (community === 'IT' && chance(0.5)) return { num: ri(1, 22), pitch: true, street: 'Oxney Road Caravan Site', pc: 'PE1 5' + UNIT[ri(0, 19)] + UNIT[ri(0, 19)] }
  const [street, sector] = pick(STREETS)
  const num = ri(1, 240)
  const h = (street.length * 11 + Math.floor(num / 20) * 17) % 400
  return { num, flat: chance(0.15) ? String(ri(1, 9)) : null, street, pc: sector + UNIT[h % 20] + UNIT[Math.floor(h / 20) % 20] }
}
function line1(a, agency) {
  let st = a.street
  if (['police', 'shc', 'charity'].includes(agency) && chance(0.4)) st = st.replace(/ Road$/, ' Rd').replace(/ Street$/, ' St').replace(/ Avenue$/, ' Ave')
  if (a.pitch) return chance(0.6) ? `Pitch ${a.num}, ${st}` : `${a.num} ${st}`
  if (a.flat) return chance(0.6) ? `Flat ${a.flat}, ${a.num} ${st}` : chance(0.5) ? `${a.num} ${st} (flat ${a.flat})` : `${a.num} ${st}`
  const s = `${a.num} ${st}`
  return agency === 'police' && chance(0.3) ? s.toUpperCase() : s
}
function upn(la, estab, year) {
  const body = `${la}${estab}${pad(year % 100)}${String(ri(0, 999)).padStart(3, '0')}`
  let s = 0
  for (let i = 0; i < 12; i++) s += +body[i] * (i + 2)
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[s % 23] + body
}
function pncId(year) {
  const serial = ri(10000, 999999)
  const n = Number(`${pad(year % 100)}${String(serial).padStart(7, '0')}`)
  return `${pad(year % 100)}/${serial}${'ZABCDEFGHJKLMNPQRTUVWXY'[n % 23]}`
}
function nhsValidNear(n) {
  for (;;) {
    const i = ri(0, 8)
    const d = n.slice(0, i) + ((+n[i] + ri(1, 9)) % 10) + n.slice(i + 1, 9)
    const s = [...d].reduce((a, x, k) => a + +x * (10 - k), 0)
    let c = 11 - (s % 11)
    if (c === 11) c = 0
    if (c !== 10) return d + c
  }
}
const ETH = {
  WB: ['W1 White British', 'White British (WBRI)', 'White - British'],
  PK: ['A3 Pakistani', 'Asian or Asian British - Pakistani (APKN)', 'Pakistani'],
  BD: ['A4 Bangladeshi', 'Asian or Asian British - Bangladeshi (ABAN)', 'Bangladeshi'],
  SO: ['B2 African', 'Black or Black British - Somali (BSOM)', 'Black African'],
  PL: ['W9 Any other White background', 'White - Polish (WPOL)', 'White Other'],
  RO: ['W9 Any other White background', 'White - Romanian (WROM)', 'White Other'],
  IT: ['W3 Irish Traveller', 'Traveller of Irish heritage (WIRT)', 'Irish Traveller'],
  BC: ['B1 Caribbean', 'Black or Black British - Caribbean (BCRB)', 'Black Caribbean'],
}
const NAT = { WB: 'British', PK: 'British', BD: 'British', SO: 'Somali', PL: 'Polish', RO: 'Romanian', IT: 'Irish', BC: 'British' }

// ---------- people of the area ----------
const people = []
const households = []
let pseq = 0
function newPerson(h, o) {
  const p = { pid: `E1-${String(++pseq).padStart(4, '0')}`, hh: h, community: h ? h.community : o.community, sex: o.sex, given: o.given, family: o.family, dob: o.dob, isChild: o.isChild, nhs: nhsNumber(), mobile: o.isChild ? (chance(0.5) ? mobile() : null) : chance(0.8) ? mobile() : null, cases: new Set(o.cases || []), middle: null, prevFamily: null, altFamily: null }
  people.push(p)
  if (h) h.members.push(p)
  return p
}
function pickCommunity() {
  let t = R()
  for (const [c, w] of [['WB', 0.36], ['PK', 0.16], ['BD', 0.05], ['SO', 0.05], ['PL', 0.12], ['RO', 0.1], ['IT', 0.08], ['BC', 0.08]]) if ((t -= w) <= 0) return c
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
  const addrs = [newAddress(community)]
  const moves = [] // dates the family moved (into addrs[i+1])
  let d = dateOf(2019, 1, 1)
  const nMoves = chance(community === 'IT' || community === 'RO' ? 0.7 : 0.35) ? ri(1, 2) : 0
  for (let i = 0; i < nMoves; i++) {
    d = addDays(d, ri(200, 1000))
    if (d > dateOf(2024, 10, 1)) break
    addrs.push(newAddress(community))
    moves.push(d)
  }
  const h = { community, family: fam, addrs, moves, phone: chance(0.3) ? landline() : mobile(), members: [], children: [] }
  households.push(h)
  if (chance(community === 'WB' || community === 'BC' ? 0.55 : 0.8)) {
    let dadFam = fam
    if (community === 'SO' && chance(0.6)) dadFam = zipf(c.fam)
    h.dad = newPerson(h, { sex: 'm', given: zipf(c.adm, 0.9), family: dadFam, dob: randDate(1972, 1993), isChild: false })
  }
  let mumFam = community === 'PL' ? femPL(fam) : fam
  if (community === 'PK' && chance(0.35)) mumFam = pick(['Bibi', 'Begum', 'Akhtar', 'Kausar'])
  if (community === 'BD' && chance(0.7)) mumFam = pick(C.BD.ffam)
  if (community === 'SO') mumFam = zipf(c.fam)
  h.mum = newPerson(h, { sex: 'f', given: zipf(c.adf, 0.9), family: mumFam, dob: randDate(1976, 1994), isChild: false })
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
  const ch = newPerson(h, { sex, given, family: o.family || childFamily(h, sex), dob: o.dob || randDate(2005, 2014), isChild: true, cases: o.cases })
  h.children.push(ch)
  return ch
}
const addrAt = (p, date) => {
  const h = p.hh
  let i = 0
  for (let k = 0; k < h.moves.length; k++) if (date >= h.moves[k]) i = k + 1
  return i
}

for (let i = 0; i < (SMALL ? 30 : 180); i++) {
  const h = newHousehold(pickCommunity())
  const n = zipf([1, 2, 3, 4], 0.9)
  const base = randDate(2005, 2013)
  for (let k = 0; k < n; k++) {
    const d = addDays(base, k * ri(330, 900))
    addChild(h, { dob: d.getUTCFullYear() > 2014 ? randDate(2006, 2013) : d })
  }
}
const byComm = (cm) => households.filter((h) => h.community === cm)
// twins
let twins = 0
for (const cm of Object.keys(C)) {
  const hs = shuffle(byComm(cm)).slice(0, Math.max(2, Math.round(byComm(cm).length * 0.13)))
  hs.forEach((h, i) => {
    const dob = randDate(2006, 2013)
    let a, b, sa, sb, tag
    if (i % 3 === 0) {
      ;[a, b, sa, sb] = pick(SIMILAR_TWINS[cm])
      tag = 'twin_similar_names'
    } else if (i % 3 === 1) {
      sa = sb = chance(0.5) ? 'm' : 'f'
      const list = C[cm][sa]
      a = pick(list)
      const same = list.filter((x) => x[0] === a[0] && x !== a)
      b = same.length ? pick(same) : pick(list.filter((x) => x !== a))
      tag = a[0] === b[0] ? 'twin_same_initial' : 'twin'
    } else {
      sa = chance(0.5) ? 'm' : 'f'
      sb = chance(0.5) ? sa : sa === 'm' ? 'f' : 'm'
      a = pick(C[cm][sa])
      b = pick(C[cm][sb].filter((x) => x !== a))
      tag = 'twin'
    }
    const t1 = addChild(h, { given: a, sex: sa, dob, cases: [tag] })
    const t2 = addChild(h, { given: b, sex: sb, dob, cases: [tag] })
    t1.twin = t2
    t2.twin = t1
    twins++
  })
}
// parent and child of one name at one address
let juniors = 0
for (const cm of Object.keys(C)) {
  const hs = shuffle(byComm(cm).filter((h) => h.dad && h.dad.family === h.family)).slice(0, cm === 'WB' || cm === 'IT' || cm === 'PK' ? 2 : 1)
  for (const h of hs) {
    const k = addChild(h, { given: h.dad.given, sex: 'm', family: h.family, dob: randDate(2005, 2012), cases: ['parent_child_same_name'] })
    h.dad.cases.add('parent_child_same_name')
    k.parentNamesake = h.dad
    juniors++
  }
}
for (const h of shuffle(households.filter((h) => ['WB', 'IT', 'BC'].includes(h.community) && h.mum.family === h.family)).slice(0, 3)) {
  addChild(h, { given: h.mum.given, sex: 'f', family: h.family, dob: randDate(2006, 2012), cases: ['parent_child_same_name'] })
  h.mum.cases.add('parent_child_same_name')
  juniors++
}
// similar-named siblings
let sibs = 0
for (const cm of Object.keys(C)) {
  for (const h of shuffle(byComm(cm)).slice(0, Math.max(1, Math.round(byComm(cm).length * 0.08)))) {
    const [a, b, sa, sb] = pick(SIMILAR_SIBS[cm])
    const d1 = randDate(2005, 2011)
    addChild(h, { given: a, sex: sa, dob: d1, cases: ['similar_sibling_names'] })
    addChild(h, { given: b, sex: sb, dob: addDays(d1, ri(330, 1300)), cases: ['similar_sibling_names'] })
    sibs++
  }
}
// common full names, dates of birth days or weeks apart
let clusters = 0
for (const cm of Object.keys(C)) {
  const names = shuffle([...COMMON[cm]]).slice(0, cm === 'WB' || cm === 'PK' ? 2 : 1)
  for (const [g, f, sx] of names) {
    const anchor = randDate(2006, 2012)
    const size = ri(3, 5)
    for (let k = 0; k < size; k++) {
      const h = newHousehold(cm, cm === 'BD' && f === 'Begum' ? zipf(C.BD.fam) : f)
      addChild(h, { given: g, sex: sx, family: f, dob: addDays(anchor, k ? ri(-45, 45) : 0), cases: ['common_name_cluster'] })
      if (chance(0.4)) addChild(h)
    }
    clusters++
  }
}
// surname changed after the mother's marriage
let renamed = 0
for (const h of shuffle(households.filter((h) => !h.dad && ['WB', 'BC', 'IT', 'PL'].includes(h.community))).slice(0, 9)) {
  const nf = zipf(C[h.community].fam)
  if (nf === h.family) continue
  const when = randDate(2020, 2023)
  for (const k of h.children) {
    k.prevFamily = k.family
    k.family = h.community === 'PL' && k.sex === 'f' ? femPL(nf) : nf
    k.renamedAt = when
    k.cases.add('surname_changed')
  }
  renamed++
}
for (const h of shuffle(households.filter((h) => h.dad && h.dad.family !== h.mum.family && ['WB', 'BC', 'PK'].includes(h.community))).slice(0, 5))
  for (const k of h.children)
    if (!k.prevFamily) {
      k.altFamily = h.mum.family
      k.family = `${h.mum.family}-${k.family}`
      k.cases.add('double_barrelled')
    }
for (const k of people.filter((p) => p.isChild && ['PK', 'BD'].includes(p.community) && /^(Muhammad|Mohammed|Abdul)$/.test(p.given)))
  if (chance(0.45)) {
    k.middle = pick(k.community === 'PK' ? ['Ali', 'Hamza', 'Usman', 'Zain'] : ['Rahim', 'Karim', 'Jamil', 'Sami'])
    k.cases.add('two_part_given_name')
  }
for (const k of people.filter((p) => p.isChild && ['SO', 'RO'].includes(p.community))) if (chance(0.12)) k.janFirst = true
// parents at least 18 (mothers) or 19 (fathers) years older than their eldest child
for (const h of households) {
  if (!h.children.length) continue
  const e = Math.min(...h.children.map((k) => k.dob.getUTCFullYear()))
  if (h.mum.dob.getUTCFullYear() > e - 18) h.mum.dob = randDate(e - 36, e - 19)
  if (h.dad && h.dad.dob.getUTCFullYear() > e - 19) h.dad.dob = randDate(e - 40, e - 20)
}
const children = people.filter((p) => p.isChild)
// adults of concern (suspects), not in households
const suspects = []
for (let i = 0; i < 36; i++) {
  const cm = pick(['WB', 'WB', 'PK', 'PK', 'BD', 'RO', 'PL', 'BC', 'SO', 'IT'])
  const s = newPerson(null, { community: cm, sex: chance(0.9) ? 'm' : 'f', dob: randDate(1970, 2003), isChild: false })
  s.given = zipf(s.sex === 'm' ? C[cm].adm : C[cm].adf, 0.8)
  s.family = zipf(C[cm].fam, 1)
  s.addr = newAddress(cm)
  s.vehicle = chance(0.5) ? `${pick(['AB', 'EY', 'FN', 'KX', 'LR', 'VK', 'YB'])}${ri(10, 24)} ${pick(['A', 'B', 'C', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'])}${pick(['B', 'D', 'F', 'G', 'H', 'K', 'L', 'N', 'P', 'R', 'S', 'T', 'W', 'X'])}${pick(['C', 'E', 'J', 'M', 'U', 'V', 'Y', 'Z'])}` : null
  suspects.push(s)
}
// each child's risk: 0 none, 1 some, 2 concern, 3 exploited
for (const k of children) k.risk = zipf([0, 1, 2, 3], 0.9)

// ---------- agencies ----------
const AGENCIES = [
  ['police', 'Cambridgeshire Constabulary', 'police'],
  ['csc', "Peterborough children's services", 'childrens_social_care'],
  ['health', 'North West Anglia NHS Foundation Trust', 'health'],
  ['school', 'Peterborough schools', 'education'],
  ['charity', 'Fenland Young People’s Trust', 'voluntary'],
  ['yjs', 'Peterborough youth justice service', 'youth_justice'],
  ['cps', 'CPS East of England', 'prosecutor'],
  ['shc', 'iCaSH sexual health clinic Peterborough', 'health'],
]
const NOW_LIMIT = dateOf(2024, 12, 20)
const objects = [] // {year, agency, obj}
const truth = [] // agency, source_id, pid, is_child
const usedIds = new Set()
function sid(agency, make) {
  for (;;) {
    const s = make()
    if (!usedIds.has(agency + s)) {
      usedIds.add(agency + s)
      return s
    }
  }
}
const ts = (d, h = ri(8, 20), m = ri(0, 59)) => `${iso(d)}T${pad(h)}:${pad(m)}:00`
const rec = (d, plusH) => {
  const t = new Date(d.getTime() + plusH * 3600000)
  const lim = t > NOW_LIMIT ? NOW_LIMIT : t
  return `${iso(lim)}T${pad(ri(8, 18))}:${pad(ri(0, 59))}:00`
}
function emit(agency, obj, recordedAt) {
  obj.agency = agency
  obj.recorded_at = recordedAt
  objects.push({ year: +recordedAt.slice(0, 4), agency, obj, t: recordedAt })
}
const PROF = {
  police: { nick: 0.25, typo: 0.06, dob: 0.94, partial: 0.04, sex: 0.97, addr: 0.85, phone: 0.45, nhs: 0.02, eth: 0.8, update: 0.4 },
  csc: { nick: 0.1, typo: 0.03, dob: 0.97, partial: 0.02, sex: 0.97, addr: 0.96, phone: 0.65, nhs: 0.6, eth: 0.9, update: 0.85 },
  health: { nick: 0.03, typo: 0.03, dob: 1, partial: 0, sex: 0.99, addr: 0.95, phone: 0.55, nhs: 0.97, eth: 0.5, update: 0.5 },
  school: { nick: 0.2, typo: 0.02, dob: 1, partial: 0, sex: 1, addr: 0.97, phone: 0.85, nhs: 0.03, eth: 0.95, update: 0.9 },
  charity: { nick: 0.5, typo: 0.08, dob: 0.6, partial: 0.75, sex: 0.5, addr: 0.15, phone: 0.55, nhs: 0, eth: 0.2, update: 0.1, famMissing: 0.55 },
  yjs: { nick: 0.15, typo: 0.03, dob: 0.99, partial: 0, sex: 1, addr: 0.9, phone: 0.55, nhs: 0.3, eth: 0.9, update: 0.6 },
  cps: { nick: 0.05, typo: 0.04, dob: 0.9, partial: 0.03, sex: 0.6, addr: 0.4, phone: 0, nhs: 0, eth: 0.3, update: 0 },
  shc: { nick: 0.35, typo: 0.05, dob: 0.95, partial: 0.03, sex: 1, addr: 0.85, phone: 0.75, nhs: 0.3, eth: 0.4, update: 0.3 },
}
function gVar(p, pr) {
  let g = p.given
  const grp = gIndex.get(g)
  if (grp && chance(pr.nick)) g = pick(grp.slice(1))
  else if (p.community === 'PL' && chance(0.5)) g = stripAccents(g)
  else if (p.community === 'RO' && chance(0.5)) g = chance(0.5) ? stripAccents(g) : cedilla(g)
  if (p.middle) {
    const r = R()
    if (r < 0.4) g = `${g} ${p.middle}`
    else if (r < 0.6) g = p.middle
  }
  return chance(pr.typo) ? typo(g) : g
}
function fVar(p, pr, date) {
  let f = p.family
  if (p.prevFamily && (date < p.renamedAt || chance(0.25))) f = chance(0.15) ? `${p.prevFamily}-${p.family}` : p.prevFamily
  if (p.altFamily && f === p.family) {
    const second = p.family.slice(p.altFamily.length + 1)
    const r = R()
    if (r < 0.3) f = second
    else if (r < 0.45) f = p.altFamily
    else if (r < 0.6) f = `${p.altFamily} ${second}`
  }
  const grp = fIndex.get(f)
  if (grp && chance(0.3)) f = pick(grp.slice(1))
  if (p.community === 'PL') {
    if (chance(0.5)) f = stripAccents(f)
    if (p.sex === 'f' && /ska$/.test(f) && chance(0.15)) f = f.replace(/ska$/, 'ski')
  }
  if (p.community === 'RO' && chance(0.5)) f = chance(0.6) ? stripAccents(f) : cedilla(f)
  return chance(pr.typo) ? typo(f) : f
}
function dVar(p, pr) {
  const d = p.dob
  if (!chance(pr.dob)) return null
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, dd = d.getUTCDate()
  if (p.janFirst && chance(0.5)) return `${y}-01-01`
  if (chance(pr.partial)) return chance(0.7) ? String(y) : `${y}-${pad(m)}`
  const r = R()
  if (r < 0.025 && dd <= 12 && dd !== m) return `${y}-${pad(dd)}-${pad(m)}`
  if (r < 0.04) return `${y}-${pad(m)}-${pad(Math.min(28, Math.max(1, dd + pick([-1, 1, 10, -10]))))}`
  if (r < 0.05) return `${y + pick([-1, 1])}-${pad(m)}-${pad(dd)}`
  return `${y}-${pad(m)}-${pad(dd)}`
}
const schoolIds = {}
// one agency's person record of p: returns its source_id; emits the first version and any re-sends
function personRecord(p, agency, firstAt, lastAt, extra = {}) {
  const pr = PROF[agency]
  const id = sid(agency, () => {
    if (agency === 'police') return `PN${ri(1000000, 9999999)}`
    if (agency === 'csc') return `${ri(100000, 999999)}`
    if (agency === 'health') return `RGN${ri(1000000, 9999999)}`
    if (agency === 'school') return `${extra.school || 'S001'}-${ri(1000, 9999)}`
    if (agency === 'charity') return `YP-${ri(100, 2999)}`
    if (agency === 'yjs') return `YJ${firstAt.getUTCFullYear() % 100}-${ri(100, 999)}`
    if (agency === 'cps') return `CPS-${ri(10000, 99999)}`
    return `SH${ri(100000, 999999)}`
  })
  truth.push([agency, id, p.pid, p.isChild ? 1 : 0, [...p.cases].join(';')])
  const o = { type: 'person', source_id: id }
  o.given_name = gVar(p, pr)
  if (!(pr.famMissing && chance(pr.famMissing))) o.family_name = fVar(p, pr, firstAt)
  else if (chance(0.4)) o.family_name = p.family[0] // an initial only
  const d = extra.noDob ? null : dVar(p, pr)
  if (d) o.date_of_birth = d
  if (chance(pr.sex)) o.sex = p.sex === 'm' ? 'male' : 'female'
  else if (chance(0.3)) o.sex = 'unknown'
  if (chance(pr.eth)) o.ethnicity = agency === 'police' ? ETH[p.community][0] : ['csc', 'school', 'yjs'].includes(agency) ? ETH[p.community][1] : ETH[p.community][2]
  if (['csc', 'yjs'].includes(agency) && chance(0.6)) o.nationality = NAT[p.community]
  if (chance(pr.nhs)) {
    let n = p.nhs
    const r = R()
    if (r < 0.03) n = nhsValidNear(n)
    else if (r < 0.045 && p.twin) n = p.twin.nhs
    else if (r < 0.06 && p.isChild && p.hh && p.hh.mum) n = p.hh.mum.nhs
    o.nhs_number = chance(0.5) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n
  }
  if (p.isChild && p.upn && (agency === 'school' || (agency === 'csc' && chance(0.45)) || (agency === 'yjs' && chance(0.3)))) o.upn = extra.upn || p.upn
  if (p.pnc && (agency === 'police' || agency === 'yjs' || (agency === 'cps' && chance(0.5))) && (agency !== 'police' || extra.arrested)) o.pnc_id = p.pnc
  if (!p.isChild && p.pnc && agency !== 'health') o.pnc_id = p.pnc
  const addrIdx = p.hh ? addrAt(p, firstAt) : 0
  const addrOf = (i) => {
    const a = p.hh ? p.hh.addrs[i] : p.addr
    if (agency === 'shc' && chance(0.7)) return { postcode: a.pc }
    const x = { line1: line1(a, agency), town: 'Peterborough' }
    if (chance(0.93)) x.postcode = chance(0.1) ? a.pc.replace(' ', '') : a.pc
    return x
  }
  let ai = addrIdx
  if (ai > 0 && chance(agency === 'health' ? 0.3 : 0.12)) ai-- // the agency still holds the old address
  if (chance(pr.addr)) o.address = addrOf(ai)
  if (chance(pr.phone)) {
    const ph = p.isChild ? (['charity', 'shc', 'police'].includes(agency) && p.mobile && chance(0.8) ? p.mobile : p.hh.phone) : p.mobile || (p.hh ? p.hh.phone : mobile())
    o.phone = fmtPhone(ph)
  }
  const others = []
  if (['police', 'csc', 'yjs'].includes(agency) && chance(0.3)) {
    if (p.prevFamily) others.push(`${p.given} ${p.prevFamily}`)
    const grp = gIndex.get(p.given)
    if (grp) others.push(`${pick(grp.slice(1))} ${p.family}`)
    if (agency === 'police' && p.risk >= 2 && chance(0.3)) others.push(pick(['Lil', 'Tiny', 'Shorty', 'Smurf', 'Junior', 'Princess']))
  }
  if (others.length) o.other_names = others
  if (agency === 'school' || agency === 'csc' || agency === 'charity' || agency === 'shc' || agency === 'yjs' || !o.date_of_birth) o.is_child = p.isChild
  else if (!p.isChild) o.is_child = false
  const at = rec(addDays(firstAt, -ri(1, 4)), 0)
  p.recAt = p.recAt || {}
  p.recAt[id] = at
  emit(agency, o, at)
  // re-sends: a family that moved after this agency first knew them
  if (p.hh && o.address) {
    for (let i = addrIdx + 1; i < p.hh.addrs.length; i++) {
      const mv = p.hh.moves[i - 1]
      if (mv > lastAt || !chance(pr.update)) break
      const o2 = { ...o, address: addrOf(i) }
      if (p.prevFamily && mv >= p.renamedAt && agency !== 'health') o2.family_name = fVar(p, { typo: 0 }, mv)
      emit(agency, o2, rec(addDays(mv, ri(5, 90)), 0))
    }
  }
  return id
}
const LOCATIONS = [
  ['Queensgate bus station', 'PE1 1NT'], ['Central Park', 'PE1 4HH'], ['Chicken shop, Lincoln Road', 'PE1 2PD'], ['Hotel, Bourges Boulevard', 'PE1 1NG'],
  ['Flat above shop, Cromwell Road', 'PE1 2EH'], ['Car park, Bishops Road', 'PE1 5AH'], ['Embankment', 'PE1 1EF'], ['Serpentine Green shopping centre', 'PE7 8BE'],
]
let evseq = 0
const evId = (prefix) => `${prefix}${String(++evseq).padStart(6, '0')}`
function evDates(n, from = dateOf(2019, 2, 1), to = dateOf(2024, 11, 30)) {
  const span = (to - from) / 86400000
  return Array.from({ length: n }, () => addDays(from, ri(0, span))).sort((a, b) => a - b)
}
// ---------- what each agency knows and records ----------
let school = 0
for (const k of children) {
  const age19 = 2019 - k.dob.getUTCFullYear()
  const ags = new Set()
  if (age19 <= 15 && chance(0.85)) ags.add('school')
  if (chance(0.72)) ags.add('health')
  if (chance([0.2, 0.45, 0.8, 0.95][k.risk])) ags.add('csc')
  if (chance([0.12, 0.35, 0.65, 0.9][k.risk] * (age19 >= 8 ? 1 : 0.4))) ags.add('police')
  if (chance([0.05, 0.12, 0.3, 0.5][k.risk])) ags.add('charity')
  if (age19 >= 8 && chance([0.01, 0.05, 0.12, 0.25][k.risk])) ags.add('yjs')
  if (k.risk === 3 && age19 >= 6 && chance(0.35)) ags.add('cps')
  if (age19 >= 5 && chance(k.sex === 'f' ? [0.03, 0.08, 0.2, 0.45][k.risk] : 0.03)) ags.add('shc')
  if (ags.size < 2 && (k.cases.size || chance(0.6))) ags.add(pick(['school', 'health', 'csc']))
  if (ags.size === 0) ags.add('health')
  if (ags.has('yjs') || (ags.has('police') && k.risk >= 2 && chance(0.4))) k.pnc = pncId(ri(2019, 2023))
  k.upn = upn(874, ri(2000, 2999), Math.min(2019, k.dob.getUTCFullYear() + 5))
  k.ags = ags
}
// police missing episodes go first, so that the return interviews can name them
const policeEpisodes = new Map()
for (const k of children) {
  const A = k.ags
  const ids = {}
  // police
  if (A.has('police')) {
    const nMiss = k.risk >= 2 ? ri(1, k.risk === 3 ? 6 : 3) : chance(0.2) ? 1 : 0
    const other = k.risk >= 1 ? ri(1, 3) : 1
    const dates = evDates(nMiss + other)
    const arrested = A.has('yjs')
    ids.police = personRecord(k, 'police', dates[0], dates[dates.length - 1], { arrested })
    if (chance(0.07)) {
      const dup = personRecord(k, 'police', dates[dates.length - 1], dates[dates.length - 1], {})
      emit('police', { type: 'event', source_id: evId('OCC'), kind: 'concern', subject: dup, occurred_at: ts(dates[dates.length - 1]), summary: 'Child seen with older males near the station, details taken by patrol', indicators: ['older_associates'] }, rec(dates[dates.length - 1], 6))
    }
    const eps = []
    dates.forEach((d, i) => {
      if (i < nMiss) {
        const start = `${iso(d)}T${pad(ri(19, 23))}:${pad(ri(0, 59))}:00`
        const endD = addDays(d, ri(1, 3))
        const e = { type: 'event', source_id: evId('MIS'), kind: 'missing_episode', subject: ids.police, occurred_at: start, ended_at: `${iso(endD)}T${pad(ri(7, 15))}:${pad(ri(0, 59))}:00`, missing_from: pick(['home', 'home', 'care_placement', 'school']), risk_grading: pick(['low', 'medium', 'medium', 'high']), reported_by: pick(['mother', 'carer', 'school', 'residential staff']), summary: `Reported missing; returned after ${ri(1, 3)} nights`, indicators: k.risk === 3 ? ['missing', pick(['older_associates', 'vehicle_unknown_adults', 'gifts_money'])] : ['missing'] }
        if (chance(0.6)) {
          const L = pick(LOCATIONS)
          e.involves = [{ location: { name: L[0], postcode: L[1] }, role: 'found_at' }]
        }
        emit('police', e, rec(endD, ri(2, 30)))
        eps.push({ id: e.source_id, end: endD })
      } else {
        const kind = k.risk >= 2 ? pick(['crime_report', 'concern', 'intelligence']) : pick(['concern', 'crime_report'])
        const e = { type: 'event', source_id: evId('OCC'), kind, subject: ids.police, occurred_at: ts(d), summary: kind === 'crime_report' ? pick(['Assault reported by the child', 'Theft of phone from the child', 'Online messages from an adult reported by parent']) : kind === 'intelligence' ? 'Child seen getting into a car with adult males' : 'Domestic incident at home; child present' }
        if (kind === 'intelligence') e.indicators = ['vehicle_unknown_adults']
        if (kind === 'concern' && e.summary.startsWith('Domestic')) e.indicators = ['domestic_abuse_at_home']
        if (k.risk === 3 && kind !== 'concern' && chance(0.7)) {
          const s = pick(suspects)
          s.policeIds = s.policeIds || personRecord(s, 'police', dateOf(2019, 1, 10), dateOf(2019, 1, 10))
          e.involves = [{ person: s.policeIds, role: 'suspect' }]
          if (s.vehicle) e.involves.push({ vehicle: s.vehicle })
          k.suspect = s
        }
        emit('police', e, rec(d, ri(2, 48)))
      }
    })
    if (A.has('yjs') && chance(0.8)) {
      const d = evDates(1)[0]
      emit('police', { type: 'event', source_id: evId('ARR'), kind: 'arrest', subject: ids.police, occurred_at: ts(d), summary: pick(['Arrested for possession with intent to supply', 'Arrested for robbery', 'Arrested for criminal damage']), indicators: ['drug_misuse'] }, rec(d, 5))
    }
    policeEpisodes.set(k.pid, eps)
  }
}
for (const k of children) {
  const A = k.ags
  const eps = policeEpisodes.get(k.pid) || []
  if (A.has('school')) {
    const dates = evDates(ri(1, k.risk + 2))
    const sch = `S${ri(101, 140)}`
    const moveSchool = chance(0.18) && dates.length >= 2
    const cut = moveSchool ? Math.ceil(dates.length / 2) : dates.length
    const sid1 = personRecord(k, 'school', dates[0], dates[cut - 1], { school: sch })
    const write = (subject, ds) =>
      ds.forEach((d) => {
        const kind = k.risk >= 2 && chance(0.3) ? pick(['concern', 'school_exclusion']) : 'school_absence'
        emit('school', { type: 'event', source_id: evId('SCH'), kind, subject, occurred_at: ts(d, ri(9, 15)), summary: kind === 'school_absence' ? `${ri(2, 14)} sessions of unexplained absence` : kind === 'concern' ? 'DSL concern: child tired, new phone and money, older friends outside school' : 'Fixed-term exclusion, 3 days', details: kind === 'school_absence' ? `Sessions missed: ${ri(2, 14)}` : undefined, indicators: kind === 'concern' ? ['gifts_money', 'older_associates'] : kind === 'school_absence' && k.risk >= 2 ? ['school_disengagement'] : undefined }, rec(d, ri(1, 72)))
      })
    write(sid1, dates.slice(0, cut))
    if (moveSchool) {
      k.cases.add('moved_school')
      const sid2 = personRecord(k, 'school', dates[cut], dates[dates.length - 1], { school: `S${ri(141, 160)}`, upn: chance(0.15) ? upn(874, ri(3000, 3999), 2021) : undefined })
      truth.find((t) => t[0] === 'school' && t[1] === sid1)[4] += ';moved_school'
      write(sid2, dates.slice(cut))
    }
    school++
  }
  if (A.has('health')) {
    const dates = evDates(ri(1, 2 + (k.risk >= 2 ? 2 : 0)))
    const id = personRecord(k, 'health', dates[0], dates[dates.length - 1])
    for (const d of dates) {
      const kind = k.risk >= 2 && chance(0.35) ? pick(['self_harm', 'substance_misuse', 'health_attendance']) : 'health_attendance'
      emit('health', { type: 'event', source_id: evId('ED'), kind, subject: id, occurred_at: ts(d, ri(8, 23)), summary: kind === 'health_attendance' ? pick(['ED attendance: sprained wrist', 'ED attendance: head injury, intoxicated', 'Walk-in centre: chest infection', 'ED attendance: overdose of paracetamol']) : kind === 'self_harm' ? 'Cuts to forearm, seen by CAMHS liaison' : 'Alcohol intoxication, brought in by ambulance' }, rec(d, ri(1, 24)))
    }
  }
  if (A.has('csc')) {
    const dates = evDates(ri(1, 2) + k.risk)
    const riDays = A.has('charity') ? [] : eps.map((ep) => ({ ep, d: addDays(ep.end, ri(1, 5)) })).filter((x) => x.d <= NOW_LIMIT)
    const first = [dates[0], ...riDays.map((x) => x.d)].sort((a, b) => a - b)[0]
    const id = personRecord(k, 'csc', first, dates[dates.length - 1])
    const kinds = ['contact_referral', 'assessment', 'strategy_discussion', 'section47_enquiry', 'cp_conference', 'cp_plan_start']
    dates.forEach((d, i) => {
      const kind = kinds[Math.min(i, k.risk >= 2 ? 5 : 1)]
      emit('csc', { type: 'event', source_id: evId('CSC'), kind, subject: id, occurred_at: ts(d), summary: `${kind.replace(/_/g, ' ')}`, outcome: kind === 'assessment' ? pick(['No further action', 'Child in need plan', 'Step down to early help']) : undefined }, rec(d, ri(4, 96)))
    })
    // return interviews for police missing episodes (if the charity does not hold them)
    for (const { ep, d } of riDays) {
        const st = pick(['done', 'done', 'declined', 'not_held'])
        emit('csc', { type: 'event', source_id: evId('RHI'), kind: 'return_interview', subject: id, episode: `police:${ep.id}`, occurred_at: ts(d), status: st, reason: st === 'done' ? undefined : st === 'declined' ? 'Young person declined' : 'Could not contact family', child_account: st === 'done' ? 'Said she stayed at a friend’s' : undefined }, rec(d, 8))
      }
    // parents as csc knows them
    for (const par of [k.hh.mum, k.hh.dad]) {
      if (!par || (par === k.hh.dad && !chance(0.5))) continue
      par.cscIds = par.cscIds || personRecord(par, 'csc', dates[0], dates[dates.length - 1])
      const rAt = [rec(dates[0], 2), par.recAt[par.cscIds], k.recAt[id]].sort().pop()
      emit('csc', { type: 'relationship', source_id: `R${id}-${par.cscIds}`, from: id, to: par.cscIds, kind: 'parent', reliability: 'confirmed' }, rAt)
    }
  }
  if (A.has('charity')) {
    const dates = eps.length ? eps.map((e) => addDays(e.end, ri(1, 6))).filter((d) => d <= NOW_LIMIT) : evDates(ri(1, 3))
    if (dates.length) {
      const id = personRecord(k, 'charity', dates[0], dates[dates.length - 1])
      dates.forEach((d, i) => {
        const e = eps.length ? { type: 'event', source_id: evId('RI'), kind: 'return_interview', subject: id, episode: `police:${eps[i].id}`, occurred_at: ts(d), status: pick(['done', 'done', 'declined']), child_account: 'I was with my mates, nobody hurt me' } : { type: 'event', source_id: evId('SES'), kind: pick(['note', 'concern']), subject: id, occurred_at: ts(d), summary: 'Drop-in session; talked about older friends and a new phone' }
        if (e.status === 'declined') {
          e.reason = 'Did not want to talk'
          delete e.child_account
        }
        emit('charity', e, rec(d, ri(24, 120)))
      })
    }
  }
  if (A.has('yjs')) {
    const d = evDates(ri(1, 2))
    const id = personRecord(k, 'yjs', d[0], d[d.length - 1])
    for (const x of d) emit('yjs', { type: 'event', source_id: evId('YJ'), kind: 'youth_justice', subject: id, occurred_at: ts(x), summary: pick(['Referral order made', 'Out of court disposal: youth caution', 'AssetPlus assessment completed']), indicators: chance(0.4) ? ['drug_misuse', 'peers_exploited'] : undefined }, rec(x, 48))
  }
  if (A.has('cps')) {
    const d = evDates(1, dateOf(2020, 1, 1))[0]
    const id = personRecord(k, 'cps', d, d, { noDob: chance(0.1) })
    const s = k.suspect || pick(suspects)
    s.cpsIds = s.cpsIds || personRecord(s, 'cps', dateOf(2020, 1, 6), dateOf(2020, 1, 6))
    const out = pick(['charge', 'no_further_action', 'further_evidence_needed'])
    emit('cps', { type: 'event', source_id: `URN42${ri(10000, 99999)}${evseq++}`, kind: 'charging_decision', subject: id, occurred_at: ts(d), outcome: out, rationale: out === 'charge' ? 'Full Code Test met' : out === 'no_further_action' ? 'Evidential stage not met: complainant’s account inconsistent' : 'Phone download awaited', involves: [{ person: s.cpsIds, role: 'suspect' }] }, rec(d, 24))
  }
  if (A.has('shc')) {
    const d = evDates(ri(1, 2), dateOf(Math.max(2019, k.dob.getUTCFullYear() + 13), 1, 1))
    if (d[0] <= NOW_LIMIT && d[0] > k.dob) {
      const id = personRecord(k, 'shc', d[0], d[d.length - 1])
      for (const x of d) if (x <= NOW_LIMIT) emit('shc', { type: 'event', source_id: evId('GUM'), kind: 'sexual_health', subject: id, occurred_at: ts(x, ri(9, 18)), summary: pick(['Attended for emergency contraception', 'STI screen', 'Chlamydia treated']), indicators: k.risk >= 2 ? ['sti'] : undefined }, rec(x, 3))
    }
  }
}
// parents known to police and health, the namesake fathers especially
for (const h of households) {
  for (const par of [h.dad, h.mum]) {
    if (!par) continue
    const p = par.cases.has('parent_child_same_name') ? 0.9 : 0.12
    if (chance(p)) {
      const d = evDates(1)[0]
      const id = personRecord(par, 'police', d, d)
      const kid = h.children.find((c) => c.ags && c.ags.has('police'))
      emit('police', { type: 'event', source_id: evId('OCC'), kind: 'note', subject: id, occurred_at: ts(d, ri(18, 23)), summary: pick(['Domestic incident: verbal argument, no offences', 'Reported their child missing', 'Neighbour dispute']) }, rec(d, 4))
      if (par.cases.has('parent_child_same_name') && chance(0.5)) {
        const id2 = personRecord(par, 'health', d, d)
        emit('health', { type: 'event', source_id: evId('ED'), kind: 'health_attendance', subject: id2, occurred_at: ts(addDays(d, 30), ri(9, 20)), summary: 'Adult ED attendance: back pain' }, rec(addDays(d, 30), 5))
      }
    }
  }
}
// ---------- output ----------
const clean = (o) => JSON.stringify(o, (k, v) => (v === undefined ? undefined : v))
mkdirSync(outDir, { recursive: true })
for (let y = 2015; y <= 2026; y++) rmSync(join(outDir, String(y)), { recursive: true, force: true }) // no file of an earlier run left behind
objects.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
const years = [...new Set(objects.map((o) => o.year))].sort()
const files = []
for (const y of years) {
  mkdirSync(join(outDir, String(y)), { recursive: true })
  for (const [ag] of AGENCIES) {
    const xs = objects.filter((o) => o.year === y && o.agency === ag)
    if (!xs.length) continue
    // a person before the events that name it, within a file
    xs.sort((a, b) => (a.obj.type === 'person' ? 0 : 1) - (b.obj.type === 'person' ? 0 : 1) || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    const f = `${y}/${ag}.ndjson`
    writeFileSync(join(outDir, f), xs.map((o) => clean({ type: o.obj.type, agency: o.agency, source_id: o.obj.source_id, ...o.obj })).join('\n') + '\n')
    files.push(f)
  }
}
writeFileSync(join(outDir, 'truth.csv'), ['agency,source_id,person_id,is_child,cases', ...truth.map((t) => t.join(','))].join('\n') + '\n')
const sh = [
  '#!/bin/sh',
  '# Loads linkage area e1 (Peterborough) into the database THREADLINE_DATA names, year by year.',
  '# THREADLINE_CLI: how to run the CLI (default: npx threadline). Run with THREADLINE_NOW at or after 2025-01-01.',
  'set -e',
  'D=$(cd "$(dirname "$0")" && pwd)',
  'CLI=${THREADLINE_CLI:-npx threadline}',
  ...AGENCIES.map(([c, n, k]) => `$CLI agencies add ${c} --name "${n}" --kind ${k} >/dev/null`),
  ...years.map((y) => `$CLI import ${files.filter((f) => f.startsWith(`${y}/`)).map((f) => `"$D/${f}"`).join(' ')} >&2`),
  '',
]
writeFileSync(join(outDir, 'IMPORT.sh'), sh.join('\n'))
const kids = new Set(truth.filter((t) => t[3] === 1).map((t) => t[2]))
const pairs = (() => {
  const m = new Map()
  for (const t of truth) if (t[3] === 1) m.set(t[2], (m.get(t[2]) || 0) + 1)
  let n = 0
  for (const c of m.values()) n += (c * (c - 1)) / 2
  return n
})()
const perAg = {}
for (const t of truth) perAg[t[0]] = (perAg[t[0]] || 0) + 1
const caseCount = {}
for (const p of people) if (p.isChild && kids.has(p.pid)) for (const c of p.cases) caseCount[c] = (caseCount[c] || 0) + 1
console.error(`areas/e1: ${kids.size} children in ${truth.filter((t) => t[3] === 1).length} child records, ${truth.filter((t) => t[3] === 0).length} adult records, ${pairs} true child pairs, ${objects.length} objects (${objects.filter((o) => o.obj.type === 'event').length} events) in ${files.length} files`)
console.error(`twin pairs ${twins}, parent/child namesakes ${juniors}, similar sibling pairs ${sibs}, common-name clusters ${clusters}, renamed families ${renamed}`)
console.error('person records per agency: ' + JSON.stringify(perAg))
console.error('children per case: ' + JSON.stringify(caseCount))
