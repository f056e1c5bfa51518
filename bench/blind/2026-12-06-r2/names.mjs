// Hand-written name tables for the round-2 generators (not taken from any product file).

// English given names with the nicknames and spellings people really use for them.
export const EN_GIRLS = {
  Olivia: ['Liv', 'Livvy'], Amelia: ['Millie', 'Amy'], Isla: [], Ava: [], Emily: ['Em', 'Emmie'], Sophie: ['Soph'],
  Grace: ['Gracie'], Lily: ['Lilly'], Jessica: ['Jess', 'Jessie'], Chloe: ['Chlo', 'Cloe'], Ellie: ['Elle'],
  Mia: [], Poppy: [], Evie: ['Evey'], Charlotte: ['Charlie', 'Lottie'], Megan: ['Meg', 'Meggan'], Hannah: ['Hanna'],
  Lauren: ['Loz'], Bethany: ['Beth', 'Bethan'], Rebecca: ['Becky', 'Becca'], Samantha: ['Sam', 'Sammy'],
  Katherine: ['Kate', 'Katie', 'Kathryn'], Elizabeth: ['Lizzie', 'Beth', 'Libby'], Abigail: ['Abbie', 'Abi', 'Abby'],
  Jasmine: ['Jaz', 'Jazmin'], Kayleigh: ['Kayley', 'Kaylee'], Courtney: ['Court'], Demi: [], Tegan: ['Teagan'],
  Morwenna: ['Wenna'], Tamsin: ['Tams', 'Tamzin'], Kerensa: [], Jenna: [], Zoe: ['Zoë'], Alisha: ['Alicia'],
  Amber: [], Paige: [], Leah: ['Lea'], Freya: [], Niamh: [], Summer: [], Harriet: ['Hattie'], Madison: ['Maddie'],
}
export const EN_BOYS = {
  Oliver: ['Ollie', 'Olly'], Jack: [], Harry: ['Haz'], George: [], Charlie: ['Charles'], Thomas: ['Tom', 'Tommy'],
  James: ['Jim', 'Jamie'], William: ['Will', 'Billy', 'Liam'], Joshua: ['Josh'], Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'], Samuel: ['Sam', 'Sammy'], Benjamin: ['Ben', 'Benji'], Joseph: ['Joe', 'Joey'],
  Alexander: ['Alex', 'Xander'], Christopher: ['Chris'], Jacob: ['Jake'], Callum: ['Cal', 'Calum'],
  Connor: ['Conor'], Kyle: [], Reece: ['Rhys', 'Reese'], Tyler: ['Ty'], Liam: [], Bradley: ['Brad'],
  Nathan: ['Nate'], Jayden: ['Jaden', 'Jaiden'], Kieran: ['Kiern'], Mason: [], Riley: ['Rylee'], Lewis: ['Louis'],
  Jago: [], Kenan: [], Perran: [], Mylor: [], Harvey: [], Dylan: [], Finley: ['Finn', 'Finlay'], Ethan: [],
  Zachary: ['Zach', 'Zak'], Anthony: ['Tony', 'Ant'], Frederick: ['Freddie', 'Fred'],
}
export const EN_MIDDLE_G = ['Rose', 'Mae', 'Louise', 'Jane', 'Grace', 'Anne', 'Elizabeth', 'May', 'Jade', 'Marie']
export const EN_MIDDLE_B = ['James', 'John', 'Lee', 'Paul', 'Michael', 'David', 'Thomas', 'Edward', 'Ray', 'Jack']
export const EN_ADULT_F = ['Sarah', 'Claire', 'Lisa', 'Michelle', 'Emma', 'Kelly', 'Donna', 'Nicola', 'Joanne', 'Tracey', 'Gemma', 'Stacey', 'Karen', 'Rachel', 'Louise', 'Zoe', 'Hayley', 'Kirsty', 'Jenna', 'Leanne']
export const EN_ADULT_M = ['Paul', 'Mark', 'Lee', 'Darren', 'Craig', 'Wayne', 'Jason', 'Dean', 'Gary', 'Stuart', 'Richard', 'Andrew', 'Steven', 'Carl', 'Neil', 'Shaun', 'Ryan', 'Martin', 'Kevin', 'Robert']

export const C1_SURNAMES = [
  'Williams', 'Thomas', 'Pascoe', 'Rowe', 'Richards', 'Roberts', 'Stephens', 'Harvey', 'Jenkin', 'Smith', 'Jones',
  'Bennetts', 'Hocking', 'Trevithick', 'Penrose', 'Nancarrow', 'Tremayne', 'Curnow', 'Polglase', 'Trebilcock',
  'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Collins', 'Mitchell', 'Martin', 'Hall', 'Green', 'Carter',
  'Moyle', 'Tonkin', 'Pengelly', 'Chegwidden', 'Trewin', 'Angove', 'Opie', 'Trethewey', 'Rodda', 'Berryman',
  'Kitto', 'Hosking', 'Vingoe', 'Jory', 'Lanyon', 'Trudgeon', 'Sandercock', 'Rickard', 'Sleeman', 'Couch',
  'Johns', 'Matthews', 'Kemp', 'Ellis', 'Harris', 'Clarke', 'Walker', 'Wright', 'Hughes', 'Lewis',
]
export const C1_DOUBLE = ['Penrose-Trelawny', 'Hocking-Smith', 'Vyvyan-Rowe', 'Carew-Pole', 'Tonkin-Jones', 'Rashleigh-Bennetts', 'St Aubyn-Pascoe']
// Gypsy, Roma and Traveller families in c1: few family names shared by many unrelated households
export const GRT_SURNAMES = ['Smith', 'Price', 'Lee', 'Boswell', 'Loveridge', 'Cooper', 'Buckland', 'Ayres', 'Small', 'Eastwood', 'Welch', 'Doran']
export const GRT_BOYS = { John: ['Johnny', 'Jonny'], Thomas: ['Tommy'], Levi: [], James: ['Jimmy'], Joseph: ['Joe'], Henry: ['Hen'], Noah: [], Frankie: ['Frank'], Billy: ['Billy-Joe', 'Bill'], Lenny: ['Leonard'], Elijah: ['Eli'], Nelson: [], Patrick: ['Paddy'], Michael: ['Mikey'] }
export const GRT_GIRLS = { Mary: ['Mary-Ann'], Rose: ['Rosie'], Kizzy: ['Kezia'], Dolly: [], Lilly: ['Lily'], Violet: [], Cherry: [], Bridget: ['Bridie'], Margaret: ['Maggie'], Kathleen: ['Kathy'], Shania: ['Shaniah'], Britney: [] }

// places
export const C1_TOWNS = [
  { town: 'Porthcarrow', out: ['TR18', 'TR19'], streets: ['Fore Street', 'Harbour Road', 'Chapel Street', 'Trewidden Road', 'Boase Street', 'Barbican Lane', 'Polwithen Road'] },
  { town: 'St Kerrian', out: ['TR26'], streets: ['Bedford Road', 'Carthew Terrace', 'The Stennack', 'Trelyon Avenue', 'Penbeagle Way'] },
  { town: 'Redrith', out: ['TR15', 'TR16'], streets: ['Trefusis Road', 'Plain-an-Gwarry', 'Clinton Road', 'Agar Road', 'Sea View Terrace', 'Tolvean Close'] },
  { town: 'Helwick', out: ['TR13'], streets: ['Meneage Street', 'Coinagehall Street', 'Wendron Street', 'Godolphin Road'] },
  { town: 'Lanwithan', out: ['PL30', 'PL31'], streets: ['Priory Road', 'Westheath Avenue', 'Dunmere Road', 'Berrycoombe Road'] },
  { town: 'Gorran Sands', out: ['PL26'], streets: ['Cliff Road', 'Church Hill', 'Chapel Lane', 'Bosvean Gardens'] },
  { town: 'Trevarrick', out: ['TR14'], streets: ['Trelowarren Street', 'Pendarves Road', 'Roskear', 'Centenary Street', 'Trevu Road'] },
  { town: 'Mevagissick', out: ['PL26'], streets: ['Polkirt Hill', 'Tregoney Hill', 'Valley Road'] },
]
export const C1_SITES = ['Marsh Lane Traveller Site', 'Carnon Downs Transit Site', 'Boscawen Park Site', 'Old Quarry Site, Penhallow']
export const C1_HAMLETS = ['Trenance', 'Carnkie', 'Ludgvan Churchtown', 'Pendeen', 'Tresillian', 'Gweek', 'Polgooth', 'Crowlas']

// c2: inner-city borough
export const C2_AREAS = [
  { town: 'London', out: ['E1', 'E1W'], streets: ['Commercial Road', 'Cannon Street Road', 'Sidney Street', 'Stepney Way', 'Jamaica Street', 'Hessel Street'] },
  { town: 'London', out: ['E2'], streets: ['Bethnal Green Road', 'Cambridge Heath Road', 'Vallance Road', 'Columbia Road', 'Old Bethnal Green Road'] },
  { town: 'London', out: ['E3'], streets: ['Roman Road', 'Devons Road', 'Bow Common Lane', 'St Paul\'s Way', 'Ackroyd Drive'] },
  { town: 'London', out: ['E13', 'E15'], streets: ['Barking Road', 'Plaistow Road', 'Romford Road', 'Stratford High Street', 'Chobham Road'] },
  { town: 'London', out: ['N15', 'N17'], streets: ['West Green Road', 'Seven Sisters Road', 'Tottenham High Road', 'Park Lane', 'Broad Lane'] },
]
export const C2_BLOCKS = ['Brabazon House', 'Wickham Court', 'Greenfield Tower', 'Maddox House', 'Osprey Court', 'Lansbury House', 'Hartley Court', 'Mulberry Point', 'Chrisp Tower', 'Kestrel House']
export const C2_TEMP = ['Room 14, Riverside Hotel', 'Flat 3, Temporary Accommodation Unit, 88 Mile End Road', 'Room 7, Travel Lodge, Stratford', 'Bed and breakfast, 41 Romford Road', 'Flat 12, Elder Court hostel']
