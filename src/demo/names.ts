// Fictional people's names: common first and family names in England, written in here (no data
// file), with the spelling variants and familiar forms that different agencies record.

export const FEMALE_NAMES = [
  'Amy', 'Chloe', 'Jessica', 'Emily', 'Sophie', 'Lauren', 'Hannah', 'Megan', 'Charlotte', 'Rebecca',
  'Katie', 'Bethany', 'Holly', 'Jade', 'Shannon', 'Courtney', 'Danielle', 'Abigail', 'Leah', 'Paige',
  'Ellie', 'Zoe', 'Georgia', 'Lucy', 'Olivia', 'Grace', 'Molly', 'Amber', 'Caitlin', 'Natasha',
  'Kayleigh', 'Stacey', 'Jasmine', 'Aisha', 'Ayesha', 'Sana', 'Maryam', 'Zara', 'Hana', 'Nadia',
  'Kirsty', 'Gemma', 'Leanne', 'Nicole', 'Demi', 'Chantelle', 'Shauna', 'Rhiannon', 'Niamh', 'Siobhan',
  'Agnieszka', 'Kasia', 'Ewa', 'Priya', 'Anjali', 'Ruby', 'Mia', 'Isabella', 'Evie', 'Freya',
  'Tia', 'Keisha', 'Imani', 'Precious', 'Aaliyah', 'Eve', 'Erin', 'Millie', 'Phoebe', 'Lily',
]

export const MALE_NAMES = [
  'Jack', 'Thomas', 'Joshua', 'Daniel', 'James', 'Ryan', 'Liam', 'Callum', 'Connor', 'Kyle',
  'Jordan', 'Lewis', 'Bradley', 'Jake', 'Nathan', 'Adam', 'Luke', 'Matthew', 'Owen', 'Reece',
  'Dylan', 'Harry', 'Charlie', 'Alfie', 'Mason', 'Ethan', 'Tyler', 'Kieran', 'Aaron', 'Jamie',
  'Mohammed', 'Ali', 'Bilal', 'Imran', 'Hamza', 'Usman', 'Arjun', 'Rohan', 'Kacper', 'Jakub',
  'Darren', 'Wayne', 'Lee', 'Craig', 'Dean', 'Gary', 'Paul', 'Mark', 'Stephen', 'Andrew',
  'Michael', 'David', 'Christopher', 'Anthony', 'Kevin', 'Shaun', 'Carl', 'Jason', 'Scott', 'Neil',
  'Tomasz', 'Marek', 'Kwame', 'Tunde', 'Marcus', 'Dwayne', 'Sean', 'Patrick', 'Declan', 'Aidan',
]

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Harrison', 'Lewis', 'Turner', 'Hill', 'Ward', 'Hughes', 'Moore', 'Cooper', 'Mitchell', 'Kelly',
  'Lee', 'Holt', 'Ashworth', 'Butterworth', 'Schofield', 'Kershaw', 'Whitworth', 'Crossley', 'Hargreaves', 'Tattersall',
  'Howarth', 'Greenwood', 'Ormerod', 'Lord', 'Fletcher', 'Barker', 'Shaw', 'Marsden', 'Heywood', 'Entwistle',
  'Khan', 'Hussain', 'Ahmed', 'Ali', 'Iqbal', 'Shah', 'Begum', 'Akhtar', 'Mahmood', 'Rashid',
  'Patel', 'Sharma', 'Singh', 'Kaur', 'Chowdhury', 'Miah', 'Uddin', 'Rahman', 'Islam', 'Malik',
  'Kowalski', 'Nowak', 'Wisniewski', 'Lewandowski', 'Okafor', 'Mensah', 'Adeyemi', 'Campbell', 'Murphy', "O'Brien",
  'McDonald', 'Byrne', 'Doyle', 'Gallagher', 'Reilly', 'Quinn', 'Walsh', 'Stewart', 'Fraser', 'Grant',
  'Baxter', 'Chadwick', 'Dawson', 'Fitton', 'Gaskell', 'Haworth', 'Isherwood', 'Lomax', 'Nuttall', 'Pilling',
  'Rigby', 'Stott', 'Tweedale', 'Warburton', 'Wolstenholme', 'Bamford', 'Clegg', 'Duckworth', 'Eccles', 'Fielding',
]

/** Spellings of the same name that agencies record (the other agency's form goes in other_names). */
export const GIVEN_VARIANTS: Record<string, string[]> = {
  Amy: ['Aimee', 'Amie'], Chloe: ['Cloe'], Katie: ['Katy', 'Katey'], Megan: ['Meghan'], Leah: ['Lea'],
  Zoe: ['Zoey'], Kayleigh: ['Kayley', 'Kaylee'], Stacey: ['Stacy'], Aisha: ['Ayesha'], Ayesha: ['Aisha'],
  Natasha: ['Tasha'], Jade: ['Jayde'], Shannon: ['Shanon'], Courtney: ['Cortney'], Paige: ['Page'],
  Ellie: ['Elly'], Caitlin: ['Kaitlyn'], Rebecca: ['Becky'], Abigail: ['Abbie'], Jessica: ['Jess'],
  Bethany: ['Beth'], Danielle: ['Dani'], Charlotte: ['Charli'], Nicole: ['Nikki'], Kirsty: ['Kirstie'],
  Mohammed: ['Muhammad', 'Mohammad'], Reece: ['Rhys'], Connor: ['Conor'], Jordan: ['Jordon'], Lewis: ['Louis'],
  Darren: ['Daz'], Wayne: ['Wayno'], Michael: ['Mick', 'Mike'], Christopher: ['Chris'], Anthony: ['Tony'],
  Stephen: ['Steven', 'Steve'], Andrew: ['Andy'], Daniel: ['Danny'], Thomas: ['Tom'], Matthew: ['Matt'],
  Joshua: ['Josh'], Nathan: ['Nate'], Shaun: ['Shawn', 'Sean'], Carl: ['Karl'], Craig: ['Craigy'],
  Imran: ['Imi'], Tomasz: ['Tom'], Patrick: ['Paddy'], Kevin: ['Kev'], Jason: ['Jase'],
}

export const FAMILY_VARIANTS: Record<string, string[]> = {
  Smith: ['Smyth'], Thompson: ['Thomson', 'Tompson'], Clarke: ['Clark'], Davies: ['Davis'], Walsh: ['Welsh'],
  Hussain: ['Hussein', 'Husain'], Ahmed: ['Ahmad'], Mahmood: ['Mahmud'], Chowdhury: ['Choudhury'], Miah: ['Mia'],
  Kowalski: ['Kowalsky'], Wisniewski: ['Wisnewski'], Harrison: ['Harrisson'], Hargreaves: ['Hargreave'],
  Whitworth: ['Whitworh'], Ashworth: ['Ashwort'], Howarth: ['Haworth'], Haworth: ['Howarth'], Byrne: ['Burns'],
  Reilly: ['Riley'], McDonald: ['MacDonald'], Stewart: ['Stuart'], Grant: ['Grannt'], Rashid: ['Rasheed'],
  Begum: ['Begom'], Iqbal: ['Iqbaal'], Akhtar: ['Akhter'], Okafor: ['Okafo'], Nuttall: ['Nuttal'], Lomax: ['Lomas'],
}

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['White British', 74], ['White Irish', 2], ['White Other', 3], ['Mixed White and Black Caribbean', 2],
  ['Mixed White and Asian', 2], ['Asian or Asian British Pakistani', 10], ['Asian or Asian British Bangladeshi', 3],
  ['Asian or Asian British Indian', 1], ['Black or Black British African', 1], ['Black or Black British Caribbean', 1],
  ['Chinese', 0.5], ['Any other ethnic group', 0.5],
]

export const NATIONALITIES: Record<string, string> = {
  'White Other': 'Polish',
  'Black or Black British African': 'British',
}

export const STREETS = [
  'Canal Street', 'Mill Lane', 'Spotland Road', 'Bury Road', 'Oldham Road', 'Milnrow Road', 'Halifax Road',
  'Whitworth Road', 'Kingsway', 'Queensway', 'Church Lane', 'Station Road', 'Albert Street', 'Victoria Street',
  'Park Road', 'Manchester Road', 'Edenfield Road', 'Bagslate Moor Road', 'Dale Street', 'Castlemere Street',
  'Tweedale Street', 'Broad Lane', 'Sandy Lane', 'Heights Lane', 'Smith Street', 'Corporation Road',
  'Belfield Road', 'Kirkholt Walk', 'Ashfield Road', 'Falinge Road', 'Cronkeyshaw Road', 'Wardle Road',
]
