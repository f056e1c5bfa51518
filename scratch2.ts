import { generatePeople } from './src/linkage/generate.ts'
import { trainModel, createLinker } from './src/linkage/index.ts'
import { productNicknames } from './src/linkage/storage.ts'
const g = generatePeople({ records: 400, seed: 7 })
const model = trainModel([g.records], productNicknames())
const l = createLinker(model, productNicknames())
for (const r of g.records) l.add(r)
const a = { id: 'police:P-1', given_name: 'Aimee', family_name: 'Smyth', date_of_birth: '2007-03-14', sex: 'female', address_line: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 2AB', phone: '07700900123' }
l.add(a)
const show = (r: any) => { const e = l.explain(r, 'police:P-1'); console.log(r.id, e.probability.toFixed(4), e.comparisons.map((c) => `${c.comparison}:${c.level}:${c.weight.toFixed(1)}`).join(' ')) }
show({ id: 'school:S-1', given_name: 'Amy', family_name: 'Smith', date_of_birth: '2007-03-14', sex: 'female', address_line: '12 Canal Street', town: 'Rochdale', postcode: 'OL11 2AB' })
show({ id: 'school:S-2', given_name: 'Amy', family_name: 'Smith', date_of_birth: '2007-03-14', sex: 'female', address_line: '12 Canal St', postcode: 'OL11 2AB', phone: '07700900123' })
show({ id: 'clinic:C-1', given_name: 'Amy-Leigh', family_name: 'Smith', date_of_birth: '2007-12-03', sex: 'female', address_line: '3 Mill Lane', postcode: 'OL12 6QT', phone: '07700900123' })
show({ id: 'clinic:C-2', given_name: 'Amy-Leigh', family_name: 'Smith', date_of_birth: '2007-12-03', sex: 'female', address_line: '3 Mill Lane', postcode: 'OL11 2AB', phone: '07700900123' })
show({ id: 'clinic:C-3', given_name: 'Amy-Leigh', family_name: 'Smyth', date_of_birth: '2007-12-03', sex: 'female',  phone: '07700900123' })
show({ id: 'clinic:C-4', given_name: 'Amy-Leigh', family_name: 'Smith', date_of_birth: '2007-12-03', sex: 'female', address_line: '12 Canal Street', postcode: 'OL11 2AB' })
