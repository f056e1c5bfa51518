// Round 4 people set l: "Calderbrook", a fictional East Lancashire mill-town borough (BB postcodes):
// households of parents, children and grandparents with White British (Lancashire), Gujarati (Hindu
// and Muslim), Pakistani, Irish, Polish and Nigerian names; about 3,000 records from six sources.
// Usage: node gen-people-l.mjs [OUTDIR]   (default: people/ beside this script)
// Writes l.csv (Threadline's person columns, for `threadline link`), l.truth-pairs.csv (id_a,id_b:
// every pair of records of one person) and l.truth-people.csv (record_id,person_id,source,note; for analysis).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng, csvLine, nhsNumber, pad } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(here, 'people'));
const R = rng(50071207);

const G = {
  lancs: {
    w: 48,
    f: ['Emily', 'Jessica', 'Sophie', 'Megan', 'Hannah', 'Lucy', 'Amy', 'Rebecca', 'Katie', 'Charlotte', 'Olivia', 'Grace', 'Ella', 'Poppy', 'Isabelle', 'Freya', 'Niamh', 'Chloe', 'Bethany', 'Lauren'],
    m: ['Jack', 'Thomas', 'Harry', 'James', 'Joshua', 'Daniel', 'Samuel', 'Oliver', 'Matthew', 'Ryan', 'Luke', 'Callum', 'Liam', 'Jake', 'Ben', 'Alfie', 'Charlie', 'Kyle', 'Jordan', 'Lewis'],
    af: ['Susan', 'Karen', 'Julie', 'Tracey', 'Joanne', 'Michelle', 'Lisa', 'Kathleen', 'Margaret', 'Elizabeth', 'Sarah', 'Nicola', 'Dawn', 'Rebecca', 'Deborah'],
    am: ['David', 'Paul', 'Mark', 'Andrew', 'Steven', 'Robert', 'John', 'Michael', 'Gary', 'Peter', 'Christopher', 'Anthony', 'Stuart', 'Kevin', 'William'],
    s: ['Smith', 'Holden', 'Ashworth', 'Haworth', 'Whittaker', 'Pilling', 'Duckworth', 'Greenwood', 'Howarth', 'Taylor', 'Riley', 'Hargreaves', 'Nuttall', 'Sutcliffe', 'Crossley', 'Entwistle', 'Kenyon', 'Walsh', 'Brown', 'Jones', 'Baron', 'Ingham', 'Lord', 'Schofield'],
  },
  gujarati_h: {
    w: 9,
    f: ['Priya', 'Nisha', 'Pooja', 'Riya', 'Kavita', 'Anjali', 'Heena', 'Bhavna', 'Mansi', 'Krisha', 'Diya', 'Shreya'],
    m: ['Rahul', 'Ravi', 'Nikhil', 'Jay', 'Kishan', 'Dev', 'Amit', 'Harsh', 'Rohan', 'Viraj'],
    af: ['Hansa', 'Jyoti', 'Kokila', 'Meena', 'Usha', 'Nita', 'Sonal'],
    am: ['Suresh', 'Ramesh', 'Dinesh', 'Mahesh', 'Pravin', 'Bharat', 'Kirit'],
    s: ['Patel', 'Patel', 'Patel', 'Mistry', 'Desai', 'Lad', 'Parmar', 'Chauhan', 'Patel'],
  },
  gujarati_m: {
    w: 9,
    f: ['Aisha', 'Ayesha', 'Fatima', 'Zainab', 'Maryam', 'Safiya', 'Hafsa', 'Khadija', 'Sumayyah', 'Amina'],
    m: ['Yusuf', 'Ismail', 'Ibrahim', 'Zakariya', 'Muhammad', 'Hamza', 'Bilal', 'Idris', 'Suleman', 'Musa'],
    af: ['Rashida', 'Zubeda', 'Salma', 'Naseem', 'Sharifa', 'Hajra', 'Mumtaz'],
    am: ['Yakub', 'Abdul', 'Ahmed', 'Ibrahim', 'Musa', 'Hanif', 'Iqbal', 'Yunus'],
    s: ['Patel', 'Patel', 'Patel', 'Vali', 'Bhamji', 'Motala', 'Ismail', 'Limbada', 'Patel', 'Desai'],
  },
  pakistani: {
    w: 12,
    f: ['Aleena', 'Hira', 'Iqra', 'Mahnoor', 'Amna', 'Sana', 'Anaya', 'Zara', 'Eman', 'Khadijah'],
    m: ['Mohammed', 'Muhammad', 'Ali', 'Hassan', 'Usman', 'Rayyan', 'Zain', 'Adam', 'Haris', 'Ayaan'],
    af: ['Shabana', 'Nasreen', 'Razia', 'Parveen', 'Rukhsana', 'Samina'],
    am: ['Mohammed', 'Tariq', 'Shahid', 'Imran', 'Javed', 'Asif', 'Nadeem', 'Zafar'],
    s: ['Hussain', 'Khan', 'Akhtar', 'Iqbal', 'Mahmood', 'Rashid', 'Bashir', 'Ali'],
  },
  irish: { w: 8, f: ['Siobhan', 'Aoife', 'Ciara', 'Orla', 'Roisin', 'Bridget', 'Kathleen'], m: ['Sean', 'Patrick', 'Ciaran', 'Declan', 'Conor', 'Michael', 'Eoin'], af: ['Bernadette', 'Mary', 'Theresa', 'Maureen'], am: ['Patrick', 'Gerard', 'Brendan', 'Martin', 'Seamus'], s: ['Murphy', 'O\'Brien', 'Kelly', 'Byrne', 'Doyle', 'McCarthy', 'Gallagher', 'O\'Neill'] },
  polish: { w: 7, f: ['Zofia', 'Julia', 'Maja', 'Lena', 'Natalia', 'Wiktoria'], m: ['Jakub', 'Kacper', 'Szymon', 'Filip', 'Mateusz', 'Bartosz'], af: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Ewa'], am: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Marek'], s: ['Kowalski', 'Nowak', 'Zieliński', 'Wójcik', 'Lewandowski', 'Dąbrowski'] },
  nigerian: { w: 7, f: ['Chidinma', 'Adaeze', 'Oluwaseun', 'Temitope', 'Ifeoma', 'Blessing', 'Precious'], m: ['Chinedu', 'Oluwatobi', 'Emeka', 'Tunde', 'Ayodeji', 'David', 'Daniel'], af: ['Ngozi', 'Funmilayo', 'Chioma', 'Grace', 'Yetunde'], am: ['Olusegun', 'Chukwuemeka', 'Adewale', 'Samuel', 'Obinna'], s: ['Okafor', 'Adeyemi', 'Okonkwo', 'Oyelaran', 'Nwosu', 'Adebayo', 'Eze'] },
};
const NICK = {
  Rebecca: ['Becky', 'Becca'], Elizabeth: ['Liz', 'Beth', 'Lizzie'], Kathleen: ['Kath', 'Kathy'], Margaret: ['Maggie', 'Peggy'], Susan: ['Sue'], Deborah: ['Debbie', 'Debs'], Nicola: ['Nicky'], Joanne: ['Jo'], Michelle: ['Shell'],
  Robert: ['Bob', 'Rob', 'Bobby'], William: ['Bill', 'Billy', 'Will'], Michael: ['Mick', 'Mike'], Christopher: ['Chris'], Anthony: ['Tony'], Steven: ['Steve'], Andrew: ['Andy'], David: ['Dave'], Peter: ['Pete'],
  Thomas: ['Tom', 'Tommy'], Joshua: ['Josh'], Samuel: ['Sam'], Matthew: ['Matt'], Daniel: ['Dan', 'Danny'], Oliver: ['Ollie'], James: ['Jim', 'Jamie'], Jessica: ['Jess'], Isabelle: ['Izzy', 'Bella'], Charlotte: ['Lottie', 'Charlie'], Bethany: ['Beth'], Benjamin: ['Ben'],
  Muhammad: ['Mohammed', 'Mohammad', 'Mohd', 'Md'], Mohammed: ['Muhammad', 'Mohamed', 'Mohd'], Ibrahim: ['Ebrahim'], Yusuf: ['Yousuf', 'Joseph'], Ismail: ['Esmail'], Zakariya: ['Zak', 'Zakaria'], Suleman: ['Sulaiman'], Khadija: ['Khadijah'], Ayesha: ['Aisha'],
  Oluwaseun: ['Seun'], Oluwatobi: ['Tobi'], Temitope: ['Tope'], Chidinma: ['Dinma'], Adaeze: ['Ada'], Chukwuemeka: ['Emeka'], Olusegun: ['Segun'], Ayodeji: ['Deji'], Funmilayo: ['Funmi'],
  Jakub: ['Kuba', 'Jacob'], Małgorzata: ['Gosia', 'Margaret'], Katarzyna: ['Kasia', 'Kate'], Wiktoria: ['Victoria'], Paweł: ['Paul'], Krzysztof: ['Chris'], Siobhan: ['Shiv'], Patrick: ['Pat', 'Paddy'], Bernadette: ['Bernie'], Declan: ['Dec'], Ciaran: ['Kieran'],
  Rahul: ['Raj'], Kishan: ['Kish'], Nikhil: ['Nik'], Priya: ['Pri'], Ravi: ['Rav'],
};
const VARIANT = { Mohammed: 'Mohammad', Muhammad: 'Mohamed', Hussain: 'Hussein', Ayesha: 'Aisha', Aisha: 'Ayesha', Khadija: 'Khadeeja', Zainab: 'Zaynab', Yusuf: 'Yousef', Sean: 'Shaun', Siobhan: 'Shevaun', Niamh: 'Neve', Aoife: 'Eva', Haworth: 'Howarth', Howarth: 'Haworth', Whittaker: 'Whitaker', Hargreaves: 'Hargreave', Kowalski: 'Kowalsky', Mistry: 'Mistri', Bhamji: 'Bhamjee', Motala: 'Motalla', Vali: 'Valli', Okafor: 'Okafur', Isabelle: 'Isabel', Chloe: 'Cloe', Megan: 'Meghan', Kacper: 'Casper', Rayyan: 'Rayan', Usman: 'Osman', Zain: 'Zayn', Hamza: 'Hamzah', Bilal: 'Belal' };
const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
const TOWNS = [['Calderbrook', 'BB5'], ['Calderbrook', 'BB5'], ['Oakenhurst', 'BB4'], ['Rishworth Bridge', 'BB6'], ['Ightenhill', 'BB12'], ['Lowerhouse', 'BB11'], ['Clayton-le-Moors', 'BB5']];
const STREETS = ['Blackburn Road', 'Union Street', 'Victoria Street', 'Hargreaves Street', 'Cobden Street', 'Plantation Road', 'Arnold Street', 'Henry Street', 'Water Street', 'Peel Street', 'Manchester Road', 'Richmond Terrace', 'Burnley Road', 'Willows Lane', 'Coronation Avenue', 'Hyndburn Road', 'Lord Street', 'Avenue Parade', 'Accrington Road', 'Spring Gardens'];
const ABBR = { Road: 'Rd', Street: 'St', Avenue: 'Ave', Terrace: 'Terr', Lane: 'Ln', Gardens: 'Gdns', Parade: 'Pde' };
const L2 = 'ABDEFGHJLNPQRSTUWXYZ';
const mkAddr = () => {
  const [town, pc] = R.pick(TOWNS);
  return { line: `${R.int(1, 240)} ${R.pick(STREETS)}`, town, postcode: `${pc} ${R.int(1, 9)}${R.pick(L2)}${R.pick(L2)}` };
};
const mkPhone = () => (R.chance(0.2) ? `01254 ${R.int(200000, 899999)}` : `07700 900${pad(R.int(0, 999), 3)}`);
const dobStr = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

const MIDDLE = {
  lancs: [0.45, ['Louise', 'Marie', 'Jane', 'Anne', 'Rose', 'May'], ['James', 'John', 'Lee', 'Paul', 'Edward', 'William']],
  irish: [0.5, ['Mary', 'Bridget', 'Anne', 'Teresa'], ['Patrick', 'Joseph', 'Michael', 'Francis']],
  gujarati_h: [0.3, ['Ben', 'Kumari'], ['Kumar', 'Bhai']],
  gujarati_m: [0.15, ['Bibi'], ['Ahmed', 'Yusuf']],
  pakistani: [0.1, ['Bibi', 'Noor'], ['Ali', 'Hassan']],
  polish: [0.2, ['Anna', 'Maria'], ['Jan', 'Piotr']],
  nigerian: [0.5, ['Chiamaka', 'Oluwadamilare', 'Grace'], ['Chukwudi', 'Oluwafemi', 'Emmanuel']],
};
const middleFor = (g, sex) => (R.chance(MIDDLE[g][0]) ? R.pick(sex === 'f' ? MIDDLE[g][1] : MIDDLE[g][2]) : null);
const people = [];
let pid = 0;
function person(h, sex, y, opts = {}) {
  const g = G[h.group];
  const adult = y < 2001;
  const given = opts.given ?? R.pick(adult ? (sex === 'f' ? g.af : g.am) : sex === 'f' ? g.f : g.m);
  const p = {
    pid: `P${String(++pid).padStart(4, '0')}`, h, sex, given, family: opts.family ?? h.family, group: h.group,
    middle: opts.middle !== undefined ? opts.middle : middleFor(h.group, sex),
    y, m: opts.m ?? R.int(1, 12), d: opts.d ?? R.int(1, 28), nhs: nhsNumber(R), phone: h.phone && R.chance(0.7) ? h.phone : R.chance(0.5) ? mkPhone() : null,
    otherFamily: null, changeNote: null, notes: [],
  };
  if (opts.m == null && R.chance(0.1)) p.d = R.int(29, 30); // a few late-month birthdays
  if (h.group === 'pakistani' && R.chance(0.35) && sex === 'm' && !opts.given) {
    p.given = 'Muhammad';
    p.middle = R.pick(G.pakistani.m.filter((x) => !/^M/.test(x)));
    p.calledBy = p.middle;
  }
  if (h.group === 'nigerian' && R.chance(0.4) && !adult) p.english = R.pick(sex === 'f' ? ['Grace', 'Blessing', 'Joy', 'Favour'] : ['David', 'Daniel', 'Samuel', 'Joshua']);
  if (h.group === 'polish' && sex === 'f') p.family = p.family.replace(/ski$/, 'ska').replace(/cki$/, 'cka');
  people.push(p);
  h.members.push(p);
  return p;
}
const groups = Object.entries(G).map(([k, v]) => [k, v.w]);
const households = [];
for (let i = 0; i < 385; i++) {
  const group = R.weighted(groups);
  const h = { id: i, group, family: R.pick(G[group].s), addrs: [mkAddr()], phone: R.chance(0.6) ? mkPhone() : null, members: [] };
  if (R.chance(0.3)) h.addrs.push(mkAddr());
  households.push(h);
  const py = R.int(1968, 1992);
  const mum = person(h, 'f', py + R.int(-3, 3));
  const hasDad = R.chance(0.7);
  const dad = hasDad ? person(h, 'm', py + R.int(-2, 5)) : null;
  if (mum.group === 'pakistani' && R.chance(0.5)) mum.family = R.pick(['Begum', 'Bibi', 'Kauser', 'Akhtar']);
  // marriage: mother's maiden name used by some earlier records
  if (hasDad && R.chance(0.25)) {
    mum.maiden = R.pick(G[group].s.filter((s) => s !== h.family));
    mum.changeNote = 'married name';
  }
  const nk = R.weighted([[0, 1], [1, 3], [2, 4], [3, 3], [4, 1]]);
  let ky = Math.max(py + R.int(19, 27), 1995);
  for (let k = 0; k < nk && ky <= 2022; k++) {
    const sex = R.chance(0.5) ? 'f' : 'm';
    // father/son and mother/daughter namesakes
    let given;
    if (dad && sex === 'm' && k === 0 && R.chance(0.2)) given = dad.given;
    if (sex === 'f' && k === 0 && R.chance(0.07)) given = mum.given;
    const c = person(h, sex, ky, { given });
    if (given && dad && given === dad.given) (c.namesakeOf = dad.pid), c.notes.push('namesake of father'), (c.middle = dad.middle && R.chance(0.5) ? dad.middle : c.middle);
    if (given && given === mum.given) c.notes.push('namesake of mother');
    // twins (and 3 sets of triplets)
    if (R.chance(0.06)) {
      const nt = R.chance(0.08) ? 2 : 1;
      for (let t = 0; t < nt; t++) {
        const s2 = R.chance(0.55) ? sex : sex === 'f' ? 'm' : 'f';
        const pool = s2 === 'f' ? G[group].f : G[group].m;
        const sameInitial = pool.filter((x) => x[0] === c.given[0] && x !== c.given);
        const g2 = sameInitial.length && R.chance(0.5) ? R.pick(sameInitial) : R.pick(pool.filter((x) => x !== c.given));
        const tw = person(h, s2, ky, { given: g2, m: c.m, d: c.d });
        tw.notes.push(nt === 2 ? 'triplet' : 'twin');
        c.notes.push(nt === 2 ? 'triplet' : 'twin');
      }
    }
    // a sibling born on the same day of another year
    if (k > 0 && R.chance(0.05)) {
      const prev = h.members.filter((m) => m.y > 1994 && m !== c).pop();
      if (prev) (c.m = prev.m), (c.d = prev.d), c.notes.push('shares birthday with sibling');
    }
    // step-family surname, adoption
    if (!dad && R.chance(0.25) && ky < 2016) {
      c.otherFamily = R.pick(G.lancs.s.filter((s) => s !== h.family));
      c.changeNote = 'step-family surname';
    }
    ky += R.int(1, 5);
  }
  if (R.chance(0.12)) {
    const gp = person(h, R.chance(0.6) ? 'f' : 'm', R.int(1940, 1962));
    gp.notes.push('grandparent');
    if (gp.sex === 'm' && dad && R.chance(0.3)) (gp.given = dad.given), dad.notes.push('namesake of grandfather');
  }
  // migrant households: children's official date of birth 1 January sometimes
  if (['nigerian', 'pakistani'].includes(group) && R.chance(0.12)) for (const m of h.members) if (R.chance(0.6)) (m.m = 1), (m.d = 1), m.notes.push('1 January date of birth');
}
// adoptions: a child gets a new surname and a new NHS number
for (const p of R.shuffle(people.filter((p) => p.y >= 2008 && !p.otherFamily)).slice(0, 10)) {
  p.otherFamily = R.pick([...G.lancs.s, ...G.irish.s].filter((s) => s !== p.family));
  p.changeNote = 'adopted: new surname and NHS number';
  p.nhs2 = nhsNumber(R);
}
// unrelated people sharing a common full name and birth year
const COMMON = [['Mohammed', 'Patel', 'm'], ['Muhammad', 'Hussain', 'm'], ['Jack', 'Smith', 'm'], ['Emily', 'Taylor', 'f'], ['Fatima', 'Patel', 'f'], ['Priya', 'Patel', 'f'], ['Daniel', 'Holden', 'm'], ['Ayesha', 'Khan', 'f'], ['Thomas', 'Ashworth', 'm'], ['Sean', 'Murphy', 'm'], ['Jessica', 'Brown', 'f'], ['Yusuf', 'Patel', 'm']];
for (const [gname, fam, sex] of COMMON) {
  const y = R.int(1996, 2015);
  const n = R.int(2, 4);
  for (let i = 0; i < n; i++) {
    const grp = /Patel/.test(fam) ? (gname === 'Priya' ? 'gujarati_h' : 'gujarati_m') : /Hussain|Khan/.test(fam) ? 'pakistani' : /Murphy/.test(fam) ? 'irish' : 'lancs';
    const h = { id: households.length, group: grp, family: fam, addrs: [mkAddr()], phone: null, members: [] };
    households.push(h);
    const p = person(h, sex, y, { given: gname });
    p.notes.push(`shares name ${gname} ${fam} and birth year with unrelated people`);
  }
}

// ---- sources and their habits
const SOURCES = [
  ['gp', 0.9], ['council', 0.55], ['police', 0.3], ['school', 0.0], ['charity', 0.2], ['housing', 0.25],
];
function typo(s) {
  if (s.length < 4) return s;
  const i = R.int(1, s.length - 2);
  const k = R.int(0, 4);
  if (k === 0) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // swap
  if (k === 1) return s.slice(0, i) + s.slice(i + 1); // drop
  if (k === 2) return s.slice(0, i) + s[i] + s.slice(i); // double
  if (k === 3) return s.replace(/m/, 'rn').replace(/nn/, 'n'); // scanned form
  return s.slice(0, i) + R.pick('aeiou') + s.slice(i + 1);
}
function record(p, src, when) {
  const child = p.y >= 2001;
  const post = when === 'late';
  let given = p.given;
  let family = p.family;
  let other = [];
  // name history
  if (p.maiden && !post) family = p.maiden;
  if (p.maiden && post && R.chance(0.4)) other.push(p.maiden);
  if (p.otherFamily && post) {
    if (p.changeNote.startsWith('adopted')) family = p.otherFamily;
    else if (src === 'school' || R.chance(0.5)) family = R.chance(0.25) ? `${p.family}-${p.otherFamily}` : p.otherFamily;
    if (src === 'council' && R.chance(0.6)) other.push(`${p.given} ${p.family}`);
  }
  if (p.calledBy && ['school', 'charity', 'police'].includes(src) && R.chance(0.6)) {
    given = p.calledBy;
    if (R.chance(0.4)) other.push(`Muhammad ${p.calledBy}`);
  }
  if (p.english && ['school', 'charity'].includes(src) && R.chance(0.6)) {
    other.push(given);
    given = p.english;
  }
  if (['police', 'charity', 'housing'].includes(src) && NICK[given] && R.chance(src === 'charity' ? 0.5 : 0.25)) given = R.pick(NICK[given]);
  if (src === 'gp' && p.middle && R.chance(0.55)) given = `${given} ${p.middle}`;
  if (src !== 'gp' && src !== 'council' && VARIANT[given] && R.chance(0.3)) given = VARIANT[given];
  if (src !== 'gp' && VARIANT[family] && R.chance(0.25)) family = VARIANT[family];
  if (['police', 'charity', 'housing'].includes(src) && /[^\x00-\x7f]/.test(given + family) && R.chance(0.6)) (given = strip(given)), (family = strip(family));
  if (R.chance({ gp: 0.02, council: 0.05, police: 0.07, school: 0.02, charity: 0.07, housing: 0.06 }[src])) R.chance(0.5) ? (given = typo(given)) : (family = typo(family));
  if (p.namesakeOf && R.chance(0.3) && ['police', 'council', 'housing'].includes(src)) given = `${given} Jnr`;
  if (src === 'police' && R.chance(0.3)) (given = given.toUpperCase()), (family = family.toUpperCase());
  if (src === 'police' && R.chance(0.05)) [given, family] = [family, given];
  if (src === 'charity' && R.chance(0.1)) family = family[0];
  if (family === "O'Brien" && R.chance(0.3)) family = 'OBrien';
  if (family === "O'Neill" && R.chance(0.3)) family = 'O Neill';
  // date of birth
  let y = p.y, m = p.m, d = p.d;
  let dob = dobStr(y, m, d);
  const err = R.next();
  const rates = { gp: [0.01, 0.01, 0, 0], council: [0.04, 0.04, 0.08, 0.1], police: [0.04, 0.04, 0.05, 0.02], school: [0.01, 0.01, 0, 0], charity: [0.04, 0.02, 0.25, 0.2], housing: [0.03, 0.03, 0.3, 0.1] }[src];
  let c = 0;
  if (err < (c += rates[0]) && d <= 12) dob = dobStr(y, d, m); // day/month swapped
  else if (err < (c += rates[1])) dob = R.chance(0.5) ? dobStr(y + R.pick([-1, 1]), m, d) : dobStr(y, m, Math.min(28, Math.max(1, d + R.pick([-1, 1, 10, -10])))); // year or day wrong
  else if (err < (c += rates[2])) dob = '';
  else if (err < (c += rates[3])) dob = R.chance(0.6) ? String(y) : `${y}-${pad(m)}`;
  if (dob && src === 'council' && R.chance(0.2) && dob.length === 10) dob = `${dob.slice(8, 10)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`;
  // address
  const addrs = p.h.addrs;
  let a = post ? addrs[addrs.length - 1] : addrs[0];
  if (src === 'gp' && R.chance(0.3)) a = addrs[0]; // stale
  let line = a.line;
  if (R.chance(0.3)) line = line.replace(/\b(Road|Street|Avenue|Terrace|Lane|Gardens|Parade)\b/, (w) => ABBR[w]);
  let pc = a.postcode;
  if (R.chance(0.15)) pc = pc.replace(' ', '');
  if (R.chance(0.1)) pc = pc.toLowerCase();
  const addrOK = !(src === 'charity' && R.chance(0.4)) && !(src === 'police' && R.chance(0.1));
  const row = {
    given_name: given, family_name: family, other_names: other.join(';'), date_of_birth: dob, sex: R.chance(src === 'charity' ? 0.3 : 0.03) ? '' : p.sex === 'f' ? (src === 'police' ? 'F' : 'female') : src === 'police' ? 'M' : 'male',
    address_line: addrOK ? line : '', town: addrOK && R.chance(0.85) ? a.town : '', postcode: addrOK ? pc : src === 'charity' && R.chance(0.5) ? a.postcode : '',
    phone: p.phone && R.chance({ gp: 0.6, council: 0.5, police: 0.4, school: 0.3, charity: 0.6, housing: 0.7 }[src]) ? (R.chance(0.3) ? p.phone.replace(/ /g, '') : p.phone) : '',
    nhs_number: src === 'gp' && R.chance(0.93) ? (post && p.nhs2 ? p.nhs2 : p.nhs) : src === 'council' && R.chance(0.35) ? (post && p.nhs2 ? p.nhs2 : p.nhs) : '',
  };
  if (row.nhs_number && R.chance(0.4)) row.nhs_number = row.nhs_number.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');
  if (row.given_name.length === 1 || (!row.date_of_birth && !row.address_line && !row.postcode && !row.nhs_number && !row.phone)) return null; // never a bare name
  return row;
}

const records = [];
for (const p of people) {
  const child = p.y >= 2001;
  const pool = [['gp', 10], ['council', child ? 5 : 3], ['police', child ? 2 : 3], ['charity', 2], ['housing', child ? 1 : 3]];
  if (child && p.y >= 2005) pool.push(['school', 6]);
  const n = R.weighted([[1, 40], [2, 30], [3, 20], [4, 10]]);
  const used = [];
  for (let i = 0; i < n; i++) {
    let src = R.weighted(pool);
    if (used.includes(src) && R.chance(0.85)) src = R.weighted(pool);
    const when = p.maiden || p.otherFamily ? (R.chance(0.5) ? 'early' : 'late') : R.chance(0.5) ? 'early' : 'late';
    let row = null;
    for (let t = 0; t < 5 && !row; t++) row = record(p, src, when);
    if (!row) continue;
    used.push(src);
    records.push({ p, src, row, note: [p.changeNote && when === 'late' ? p.changeNote : '', ...p.notes].filter(Boolean).join('; ') });
  }
}
// shuffle, assign ids, write
const shuffled = R.shuffle(records);
shuffled.forEach((r, i) => (r.id = `L${String(100000 + ((i * 7919) % 900000)).padStart(6, '0')}`));
const ids = new Set(shuffled.map((r) => r.id));
if (ids.size !== shuffled.length) throw new Error('duplicate ids');
fs.mkdirSync(OUT, { recursive: true });
const COLS = ['record_id', 'given_name', 'family_name', 'other_names', 'date_of_birth', 'sex', 'address_line', 'town', 'postcode', 'phone', 'nhs_number'];
fs.writeFileSync(path.join(OUT, 'l.csv'), [COLS.join(','), ...shuffled.map((r) => csvLine([r.id, ...COLS.slice(1).map((c) => r.row[c])]))].join('\n') + '\n');
const byP = new Map();
for (const r of shuffled) {
  if (!byP.has(r.p.pid)) byP.set(r.p.pid, []);
  byP.get(r.p.pid).push(r.id);
}
const pairs = [];
for (const ids of byP.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
fs.writeFileSync(path.join(OUT, 'l.truth-pairs.csv'), ['id_a,id_b', ...pairs.map((p) => p.join(','))].join('\n') + '\n');
fs.writeFileSync(path.join(OUT, 'l.truth-people.csv'), ['record_id,person_id,source,note', ...shuffled.map((r) => csvLine([r.id, r.p.pid, r.src, r.note]))].join('\n') + '\n');
const cnt = (f) => people.filter(f).length;
console.error(JSON.stringify({ seed: 50071207, records: shuffled.length, people: byP.size, multi: [...byP.values()].filter((v) => v.length > 1).length, true_pairs: pairs.length, households: households.length, twins_or_triplets: cnt((p) => p.notes.some((n) => /twin|triplet/.test(n))), father_son_namesakes: cnt((p) => !!p.namesakeOf), mother_daughter: cnt((p) => p.notes.includes('namesake of mother')), married_name: cnt((p) => !!p.maiden), step_or_adopted: cnt((p) => !!p.otherFamily), common_name_people: cnt((p) => p.notes.some((n) => n.startsWith('shares name'))), jan1: cnt((p) => p.notes.includes('1 January date of birth')) }));
