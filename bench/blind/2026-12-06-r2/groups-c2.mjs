// Name models of the communities of the inner-city borough c2. Each returns a family (shared surname
// logic) and children; `tr` lists the transliteration variants an agency may write for a name part.
import { EN_BOYS, EN_GIRLS, EN_ADULT_F, EN_ADULT_M, C1_SURNAMES } from './names.mjs'

export const TR = {
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad', 'Muhammed', 'Mohd', 'Md'],
  Muhammad: ['Mohammed', 'Muhammed', 'Mohamed', 'Mohammad'],
  Mohamed: ['Mohammed', 'Maxamed', 'Mohamud', 'Muhammad'],
  Ahmed: ['Ahmad', 'Ahmet', 'Axmed'], Hussain: ['Hussein', 'Husain', 'Hossain'], Hossain: ['Hussain', 'Hosen', 'Hossein'],
  Chowdhury: ['Choudhury', 'Chaudhry', 'Chowdhry'], Rahman: ['Rehman', 'Rahmaan'], Uddin: ['Udin', 'Ud-din', 'Ud Din'],
  Mahmood: ['Mehmood', 'Mahmud', 'Mahmoud'], Yusuf: ['Yousuf', 'Yousef', 'Youssef', 'Yusef'], Usman: ['Osman', 'Uthman'],
  Aisha: ['Ayesha', 'Aysha', 'Aishah'], Ayesha: ['Aisha', 'Ayisha'], Maryam: ['Mariam', 'Mariyam', 'Miriam'], Zainab: ['Zaynab', 'Zaineb'],
  Fatima: ['Fatema', 'Fatimah', 'Faduma', 'Fadumo'], Fatema: ['Fatima', 'Fatimah'], Abdirahman: ['Abdulrahman', 'Abdi Rahman', 'Cabdiraxmaan'],
  Abdullahi: ['Abdulahi', 'Abdillahi', 'Cabdullaahi'], Hassan: ['Xasan', 'Hasan'], Omar: ['Cumar', 'Umar'], Ali: ['Cali'],
  Khadar: ['Qadar', 'Kadar'], Yahye: ['Yahya', 'Yaxye'], Nimco: ['Nimo', 'Nimca'], Hibo: ['Hibaaq'], Abdi: ['Cabdi'],
  Nguyen: ['Nguyễn', 'Nguyen', 'Ngyuen'], Tran: ['Trần', 'Tranh'], Pham: ['Phạm', 'Pam'], Hoang: ['Hoàng', 'Huynh'], Le: ['Lê'],
  Tesfay: ['Tesfaye', 'Tesfai'], Gebremedhin: ['Ghebremedhin', 'Gebre Medhin', 'Gebremedin'], Berhane: ['Berhe', 'Birhane'],
  Woldu: ['Weldu', 'Woldeab'], Yohannes: ['Johannes', 'Yohanes'], Merhawit: ['Mehrawit', 'Merhawi'], Haile: ['Hailu'],
  Kidane: ['Kidana'], Habte: ['Habtom'], Senait: ['Senayt'], Filmon: ['Philemon', 'Filimon'],
  Karim: ['Kareem', 'Kerim'], Rashid: ['Rasheed', 'Reshid'], Hama: ['Hamma'], Rebin: ['Reben', 'Rebeen'], Hevin: ['Hêvîn', 'Hivin'],
  Rojin: ['Rojîn', 'Rozhin'], Karwan: ['Kárwan', 'Carwan'], Shilan: ['Shillan'],
  Łukasz: ['Lukasz', 'Lucas'], Mikołaj: ['Mikolaj', 'Nicholas'], Wiktoria: ['Victoria', 'Viktoria'], Oliwia: ['Olivia'], Zuzanna: ['Susanna', 'Zuzana'],
  Kowalska: ['Kowalski'], Wiśniewska: ['Wisniewska', 'Wisniewski'], Wiśniewski: ['Wisniewski'], Kamińska: ['Kaminska', 'Kaminski'],
  Kamiński: ['Kaminski'], Lewandowska: ['Lewandowski'], Zielińska: ['Zielinska', 'Zielinski'], Zieliński: ['Zielinski'], Wójcik: ['Wojcik', 'Woycik'],
  Ionuț: ['Ionut', 'Ionutz'], Ștefan: ['Stefan', 'Stephan'], Andreea: ['Andrea', 'Andreia'], Lăcătuș: ['Lacatus', 'Lakatos'],
  Căldăraru: ['Caldararu', 'Kaldararu'], Mihai: ['Mihail', 'Michael'], Popescu: ['Popesco'],
  Oluwaseun: ['Oluwaseyi', 'Oluseun'], Chukwuemeka: ['Chukwuemaka', 'Chukuemeka'], Okonkwo: ['Okonkow'], Adebayo: ['Adebajo'],
  Oluwadamilola: ['Damilola', 'Oluwadamilare'], Temitope: ['Temitayo'], Nwosu: ['Nwoso'],
}
const pick = (R, o) => (Array.isArray(o) ? R.pick(o) : R.pick(Object.keys(o)))
const nickOf = (tab, g) => (tab[g] && tab[g].length ? tab[g] : [])

export const GROUPS = {
  bangladeshi: {
    weight: 16, ethnicity: 'Asian or Asian British - Bangladeshi', nationality: 'British',
    family(R) {
      const fam = R.pick(['Miah', 'Uddin', 'Rahman', 'Ahmed', 'Islam', 'Hossain', 'Chowdhury', 'Ali', 'Khan'])
      return { family: fam, father: `${R.pick(['Abdul', 'Mohammed', 'Shah', 'Abul'])} ${fam}`, mother: `${R.pick(['Rokeya', 'Shirin', 'Nazma', 'Rehana', 'Momtaz'])} Begum`, motherFamily: 'Begum' }
    },
    child(R, sex, F) {
      if (sex === 'female') {
        const g = R.pick(['Fatema', 'Sumaiya', 'Tahmina', 'Nusrat', 'Ayesha', 'Jannat', 'Sadia', 'Tasnim', 'Ruksana', 'Maryam'])
        // a Bangladeshi girl often carries Begum or Khatun, or a name of her own, not her father's surname
        const fam = R.chance(0.45) ? R.pick(['Begum', 'Khatun']) : R.chance(0.5) ? F.family : R.pick(['Akter', 'Sultana', 'Islam'])
        return { given: g, family: fam, nicks: [] }
      }
      const g = R.pick(['Rayhan', 'Tanvir', 'Sabbir', 'Imran', 'Arif', 'Mahir', 'Ishaq', 'Rafiq', 'Sami', 'Tahmid'])
      if (R.chance(0.35)) return { given: 'Mohammed', middle: g, family: R.chance(0.6) ? F.family : 'Uddin', nicks: [g], callsMiddle: true }
      return { given: g, family: R.chance(0.7) ? F.family : R.pick(['Uddin', 'Ahmed', 'Rahman', 'Miah']), nicks: [] }
    },
  },
  pakistani: {
    weight: 12, ethnicity: 'Asian or Asian British - Pakistani', nationality: 'British',
    family(R) {
      const fam = R.zipf(['Khan', 'Hussain', 'Ali', 'Iqbal', 'Mahmood', 'Akhtar', 'Shah', 'Butt', 'Rashid', 'Aslam'], 0.9)
      return { family: fam, father: `${R.pick(['Mohammed', 'Tariq', 'Imran', 'Zahid', 'Asif'])} ${fam}`, mother: `${R.pick(['Nasreen', 'Shazia', 'Saima', 'Rubina'])} ${R.chance(0.5) ? 'Bibi' : fam}`, motherFamily: fam }
    },
    child(R, sex, F) {
      if (sex === 'female') {
        const g = R.zipf(['Aisha', 'Maryam', 'Zainab', 'Hafsa', 'Noor', 'Inaya', 'Amna', 'Eman', 'Alina', 'Hania'], 0.8)
        return { given: g, family: R.chance(0.9) ? F.family : 'Bibi', nicks: [] }
      }
      if (R.chance(0.45)) {
        const m = R.pick(['Ibrahim', 'Zain', 'Hamza', 'Ayaan', 'Usman', 'Yusuf', 'Bilal', 'Haris'])
        return { given: 'Muhammad', middle: m, family: F.family, nicks: [m], callsMiddle: true }
      }
      return { given: R.zipf(['Muhammad', 'Ali', 'Hamza', 'Ayaan', 'Zain', 'Yusuf', 'Usman', 'Ibrahim', 'Adam', 'Rayyan'], 1.1), family: F.family, nicks: [] }
    },
  },
  somali: {
    weight: 12, ethnicity: 'Black or Black British - African', nationality: 'British',
    family(R) {
      // children's "surname" is the father's given name; the grandfather's name follows
      const fg = R.pick(['Abdi', 'Hassan', 'Ahmed', 'Farah', 'Ali', 'Omar', 'Yusuf', 'Mohamed', 'Warsame', 'Jama', 'Hussein', 'Ismail'])
      const gg = R.pick(['Farah', 'Jama', 'Nur', 'Osman', 'Aden', 'Warsame', 'Egal', 'Duale', 'Hirsi', 'Elmi'])
      return { family: fg, second: gg, father: `${R.pick(['Abdullahi', 'Mohamed', 'Abdirahman', 'Said'])} ${fg} ${gg}`, mother: `${R.pick(['Hodan', 'Amina', 'Sahra', 'Khadra', 'Faduma'])} ${R.pick(['Ali', 'Yusuf', 'Warsame', 'Jama'])}`, motherFamily: 'Ali' }
    },
    child(R, sex, F) {
      const g = sex === 'female' ? R.pick(['Hodan', 'Fadumo', 'Amina', 'Ifrah', 'Sagal', 'Hibo', 'Ayan', 'Nimco', 'Sumaya', 'Ikran']) : R.pick(['Abdirahman', 'Abdullahi', 'Mahad', 'Liban', 'Khadar', 'Yahye', 'Mohamed', 'Hassan', 'Abdi', 'Omar'])
      return { given: g, family: F.family, second: F.second, nicks: g === 'Abdirahman' ? ['Abdi'] : g === 'Abdullahi' ? ['Abdi'] : [] }
    },
  },
  polish: {
    weight: 9, ethnicity: 'White - Other', nationality: 'Polish',
    family(R) {
      const [m, f] = R.pick([['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Nowak', 'Nowak'], ['Wójcik', 'Wójcik'], ['Mazur', 'Mazur']])
      return { family: m, familyF: f, father: `${R.pick(['Piotr', 'Tomasz', 'Marcin', 'Krzysztof'])} ${m}`, mother: `${R.pick(['Agnieszka', 'Katarzyna', 'Monika', 'Ewa'])} ${f}`, motherFamily: f }
    },
    child(R, sex, F) {
      if (sex === 'female') {
        const g = R.pick(['Zofia', 'Zuzanna', 'Wiktoria', 'Julia', 'Maja', 'Oliwia', 'Natalia', 'Amelia'])
        return { given: g, family: F.familyF, nicks: { Zofia: ['Zosia'], Zuzanna: ['Zuza'], Wiktoria: ['Wika'], Natalia: ['Nata'] }[g] ?? [] }
      }
      const g = R.pick(['Łukasz', 'Jakub', 'Szymon', 'Mikołaj', 'Kacper', 'Filip', 'Antoni', 'Jan'])
      return { given: g, family: F.family, nicks: { Jakub: ['Kuba', 'Jacob'], Łukasz: ['Luke'], Szymon: ['Simon'], Jan: ['John'] }[g] ?? [] }
    },
  },
  romanian: {
    weight: 8, ethnicity: 'White - Roma', nationality: 'Romanian',
    family(R) {
      const fam = R.pick(['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Constantin', 'Rusu', 'Lăcătuș', 'Căldăraru', 'Stoica', 'Munteanu'])
      return { family: fam, father: `${R.pick(['Florin', 'Marian', 'Costel', 'Gheorghe'])} ${fam}`, mother: `${R.pick(['Elena', 'Maria', 'Florentina', 'Rodica'])} ${fam}`, motherFamily: fam }
    },
    child(R, sex, F) {
      const g = sex === 'female' ? R.pick(['Denisa', 'Andreea', 'Ioana', 'Bianca', 'Alexandra', 'Mădălina', 'Roxana']) : R.pick(['Andrei', 'Ionuț', 'Ștefan', 'Alexandru', 'Florin', 'Mihai', 'Gabriel', 'Marian'])
      return { given: g, family: F.family, nicks: { Alexandru: ['Alex'], Alexandra: ['Alexa', 'Ale'], Gabriel: ['Gabi'], Ionuț: ['Ionel'], Mădălina: ['Madalina', 'Mada'] }[g] ?? [] }
    },
  },
  nigerian: {
    weight: 10, ethnicity: 'Black or Black British - African', nationality: 'British',
    family(R) {
      const fam = R.pick(['Adeyemi', 'Okafor', 'Okonkwo', 'Adebayo', 'Oladipo', 'Balogun', 'Eze', 'Nwosu', 'Ogunleye', 'Afolabi'])
      return { family: fam, father: `${R.pick(['Olumide', 'Chinedu', 'Babatunde', 'Emeka'])} ${fam}`, mother: `${R.pick(['Funmilayo', 'Ngozi', 'Folake', 'Adaeze'])} ${fam}`, motherFamily: fam }
    },
    child(R, sex, F) {
      const [g, n] = sex === 'female' ? R.pick([['Chidinma', 'Chidi'], ['Temitope', 'Tope'], ['Ifeoluwa', 'Ife'], ['Oluwadamilola', 'Dami'], ['Adebola', 'Bola'], ['Oluwatoyin', 'Toyin'], ['Precious', ''], ['Blessing', ''], ['Favour', '']]) : R.pick([['Oluwaseun', 'Seun'], ['Chukwuemeka', 'Emeka'], ['Oluwatobi', 'Tobi'], ['Ayomide', 'Ayo'], ['Olamide', 'Ola'], ['Chibuike', 'Chibi'], ['Daniel', 'Dan'], ['David', '']])
      const english = sex === 'female' ? R.pick(['Grace', 'Esther', 'Deborah', 'Victoria', 'Rachel']) : R.pick(['Samuel', 'Joshua', 'David', 'Michael', 'Emmanuel'])
      // a Nigerian child often has an English name too, used at school or by friends
      const useEnglish = R.chance(0.35) && !['Precious', 'Blessing', 'Favour', 'Daniel', 'David'].includes(g)
      return { given: g, middle: useEnglish ? english : R.chance(0.3) ? R.pick(['Oluwafemi', 'Adaeze', 'Chinonso', 'Ikechukwu']) : undefined, family: F.family, nicks: [n].filter(Boolean), knownAs: useEnglish ? english : undefined }
    },
  },
  kurdish: {
    weight: 6, ethnicity: 'Other ethnic group - Kurdish', nationality: 'Iraqi',
    family(R) {
      const fam = R.pick(['Ahmed', 'Mohammed', 'Hama', 'Karim', 'Rashid', 'Mahmoud', 'Aziz', 'Salih'])
      return { family: fam, father: `${R.pick(['Kawa', 'Dler', 'Sherzad', 'Hiwa'])} ${fam}`, mother: `${R.pick(['Nasrin', 'Shilan', 'Gulala', 'Avin'])} ${R.pick(['Ali', 'Omar', 'Hassan'])}`, motherFamily: 'Ali' }
    },
    child(R, sex, F) {
      const g = sex === 'female' ? R.pick(['Dilan', 'Hevin', 'Rojin', 'Shilan', 'Lana', 'Nazdar', 'Rozhan']) : R.pick(['Rebin', 'Karwan', 'Aram', 'Baran', 'Zana', 'Hemin', 'Soran'])
      return { given: g, family: F.family, nicks: [] }
    },
  },
  vietnamese: {
    weight: 5, ethnicity: 'Asian or Asian British - Any other Asian background', nationality: 'Vietnamese',
    family(R) {
      const fam = R.zipf(['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang'], 0.9)
      return { family: fam, father: `${fam} Van ${R.pick(['Hung', 'Tuan', 'Dung', 'Long'])}`, mother: `${R.pick(['Nguyen', 'Tran', 'Le'])} Thi ${R.pick(['Hoa', 'Huong', 'Thu'])}`, motherFamily: 'Nguyen', vietOrder: true }
    },
    child(R, sex, F) {
      const mid = sex === 'female' ? R.pick(['Thi', 'Ngoc', 'Thu']) : R.pick(['Van', 'Duc', 'Minh', 'Quoc'])
      const g = sex === 'female' ? R.pick(['Lan', 'Linh', 'Huong', 'Mai', 'Anh', 'Trang', 'Ngan']) : R.pick(['Tuan', 'Nam', 'Minh', 'Hung', 'Quang', 'Khanh', 'Bao'])
      const english = sex === 'female' ? R.pick(['Lily', 'Anna', 'Jenny', 'Vivian']) : R.pick(['Kevin', 'Tony', 'Jimmy', 'Alan'])
      return { given: g, middle: mid, family: F.family, nicks: [], knownAs: R.chance(0.3) ? english : undefined, viet: true }
    },
  },
  eritrean: {
    weight: 4, ethnicity: 'Black or Black British - African', nationality: 'Eritrean',
    family(R) {
      const fg = R.pick(['Tesfay', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Berhane', 'Woldu', 'Habte'])
      return { family: fg, second: R.pick(['Tesfamariam', 'Ghebreyesus', 'Andemariam', 'Mehari']), father: `${fg} ${R.pick(['Mehari', 'Asmerom'])}`, mother: `${R.pick(['Senait', 'Helen', 'Saba'])} ${R.pick(['Tekle', 'Haile'])}`, motherFamily: 'Tekle' }
    },
    child(R, sex, F) {
      const g = sex === 'female' ? R.pick(['Helen', 'Senait', 'Luwam', 'Merhawit', 'Selam', 'Winta', 'Feven']) : R.pick(['Yonas', 'Dawit', 'Semere', 'Filmon', 'Yohannes', 'Robel', 'Natnael'])
      return { given: g, family: F.family, second: F.second, nicks: { Yohannes: ['John'], Natnael: ['Nati'], Dawit: ['David'] }[g] ?? [] }
    },
  },
  whitebritish: {
    weight: 14, ethnicity: 'White British', nationality: 'British',
    family(R) {
      const fam = R.zipf(['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Walker', 'Wright', 'Green', 'Murphy', 'Kelly', 'Hughes', 'Clarke', ...C1_SURNAMES.slice(20, 40)], 0.8)
      return { family: fam, father: `${R.pick(EN_ADULT_M)} ${fam}`, mother: `${R.pick(EN_ADULT_F)} ${fam}`, motherFamily: fam }
    },
    child(R, sex, F) {
      const tab = sex === 'female' ? EN_GIRLS : EN_BOYS
      const g = R.zipf(Object.keys(tab), 0.7)
      return { given: g, family: F.family, nicks: nickOf(tab, g) }
    },
  },
  caribbean: {
    weight: 6, ethnicity: 'Black or Black British - Caribbean', nationality: 'British',
    family(R) {
      const fam = R.pick(['Campbell', 'Williams', 'Francis', 'Thomas', 'Reid', 'Morgan', 'Clarke', 'Grant'])
      return { family: fam, father: `${R.pick(['Marcus', 'Delroy', 'Winston', 'Andre'])} ${fam}`, mother: `${R.pick(['Marcia', 'Sharon', 'Janelle', 'Tanya'])} ${R.pick(['Brown', 'Reid', fam])}`, motherFamily: 'Brown' }
    },
    child(R, sex, F) {
      const g = sex === 'female' ? R.pick(['Kiara', 'Shanice', 'Aaliyah', 'Jade', 'Tia', 'Keisha', 'Amari']) : R.pick(['Jaden', 'Tyrese', 'Kai', 'Marley', 'Isaiah', 'Jerome', 'Malachi'])
      return { given: g, family: F.family, nicks: { Isaiah: ['Zay'], Malachi: ['Kai'], Jerome: ['Romy'] }[g] ?? [] }
    },
  },
}
export { pick }
