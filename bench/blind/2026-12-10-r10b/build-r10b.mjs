// Shared by gen-people-q.mjs and gen-area-e4.mjs: plants the hard cases in a population.
import { COMM, D, addDays, randDate, phone, newAddress, addrAt, pad } from './lib-r10b.mjs'

export const TWINS = {
  wb: [['Harry', 'Harvey'], ['Ella', 'Ellie'], ['Jayden', 'Jaden'], ['Lily', 'Lilly-Mae'], ['Charlie', 'Chloe'], ['Oliver', 'Olivia']],
  np: [['Sujan', 'Sujal'], ['Ram', 'Laxman'], ['Bikash', 'Bishal']],
  hk: [['Ka Ho', 'Ka Lok'], ['Tsz Kin', 'Tsz Hin'], ['Wing Yan', 'Wing Sum']],
  ua: [['Maksym', 'Mykyta'], ['Sofiia', 'Solomiia']],
  af: [['Hassan', 'Hussain'], ['Hasan', 'Hussain']],
  ta: [['Thanushan', 'Thanushika'], ['Kajan', 'Kajanan']],
  gh: [['Samuel', 'Joseph'], ['Emmanuel', 'Daniel'], ['Gifty', 'Grace']],
  go: [['Joel', 'Joanna'], ['Ryan', 'Rhea']],
}
export const SIBS = {
  wb: [['Mason', 'Madison'], ['Kai', 'Kian'], ['Lacey', 'Lucy'], ['Jack', 'Jake']],
  np: [['Sujan', 'Sujit'], ['Anish', 'Aashish'], ['Sabina', 'Sabita']],
  hk: [['Tsz Kin', 'Tsz Long'], ['Hoi Ching', 'Hoi Yan'], ['Chun Hei', 'Chun Yu']],
  ua: [['Anna', 'Hanna'], ['Mykyta', 'Mykola']],
  af: [['Mohammad Ali', 'Mohammad Omar'], ['Ahmad', 'Ahmad Shah']],
  ta: [['Kajan', 'Kajanan'], ['Tharshan', 'Tharshika'], ['Niroshan', 'Nirosha']],
  gh: [['Nana', 'Nana Yaw'], ['Prince', 'Princess']],
  go: [['Savio', 'Sabio'], ['Glenn', 'Glen']],
}
export const CLUSTERS = [
  ['wb', 'Oliver', 'm', 'Smith'], ['wb', 'Amelia', 'f', 'Smith'], ['wb', 'Jack', 'm', 'Taylor'], ['wb', 'Olivia', 'f', 'Jones'],
  ['np', 'Bikash', 'm', 'Gurung'], ['np', 'Sunita', 'f', 'Gurung'], ['np', 'Prakash', 'm', 'Rai'],
  ['hk', 'Tsz Kin', 'm', 'Chan'], ['hk', 'Wing Yan', 'f', 'Wong'],
  ['ua', 'Sofiia', 'f', 'Kovalenko'], ['ua', 'Oleksandr', 'm', 'Shevchenko'],
  ['af', 'Mohammad', 'm', 'Ahmadi'], ['af', 'Fatima', 'f', 'Mohammadi'],
  ['ta', 'Tharshan', 'm', 'Sivakumar'], ['gh', 'Emmanuel', 'm', 'Mensah'], ['gh', 'Gifty', 'f', 'Owusu'],
  ['go', 'Ryan', 'm', "D'Souza"], ['go', 'Sharon', 'f', 'Fernandes'],
]
const CHOSEN = [
  ['f', 'Jessica', 'Jake', 'male'], ['f', 'Megan', 'Max', 'male'], ['m', 'Lewis', 'Luna', 'female'],
  ['f', 'Chloe', 'Charlie', 'other'], ['m', 'Tyler', 'Tia', 'female'], ['f', 'Sophie', 'Sol', 'other'],
]

export function plant(ctx, n) {
  const { r, addFamily, person, people, households, pl } = ctx
  const hard = { twins: 0, parentChild: 0, sibs: 0, clusters: 0, clusterKids: 0, surnameChange: 0, dbl: 0, chosen: 0, hosted: 0 }
  const [cy0, cy1] = n.childBirth
  const tag = (p, t) => p.cases.push(t)
  const fams = () => Object.keys(TWINS)
  // twins
  for (let i = 0; i < n.twins; i++) {
    const comm = i < 8 ? fams()[i] : r.pick(['wb', 'wb', 'np', 'gh', 'ta', 'hk', 'go', 'af', 'ua'])
    const { h } = addFamily(comm, { kids: 0 })
    const dob = randDate(r, cy0, cy1)
    const kind = i % 3
    let names
    if (kind === 0) names = r.pick(TWINS[comm])
    else if (kind === 1) {
      const a = r.zipf(COMM[comm].m, 0.9)
      const pool = COMM[comm].f.filter((x) => x[0] === a[0])
      names = [a, pool.length ? r.pick(pool) : r.zipf(COMM[comm].f, 0.9)]
    } else names = [r.zipf(COMM[comm].m, 0.9), r.zipf(COMM[comm].f, 0.9)]
    const sexOf = (g) => (COMM[comm].f.includes(g) || ['Ellie', 'Lilly-Mae', 'Chloe', 'Olivia', 'Wing Sum', 'Solomiia', 'Thanushika', 'Grace', 'Joanna', 'Rhea'].includes(g) ? 'f' : 'm')
    const a = person(h, 'child', sexOf(names[0]), dob)
    const b = person(h, 'child', sexOf(names[1]), dob)
    a.given = names[0]
    b.given = names[1]
    if (comm === 'ua') a.petR = b.petR = null
    for (const p of [a, b]) tag(p, ['twin_similar', 'twin_initial', 'twin'][kind] + (comm === 'gh' && a.sex === b.sex ? ';twin_same_day_name' : ''))
    a.twin = b.pid
    b.twin = a.pid
    hard.twins++
    if (r.chance(0.5)) addFamily(comm, { kids: 0, adultsOnly: true }) // neighbours of the community, no twins
  }
  // parent and child of one name
  for (let i = 0; i < n.parentChild; i++) {
    const comm = r.pick(['wb', 'wb', 'wb', 'gh', 'gh', 'ua', 'go', 'go', 'np', 'ta'])
    const { h, mother, father, kids } = addFamily(comm, { fatherP: 1, kids: r.int(1, 3) })
    let parent = father,
      kid = kids.find((k) => k.sex === 'm')
    if (i % 5 === 4 || !kid || !father) {
      parent = mother
      kid = kids.find((k) => k.sex === 'f') || kids[0]
      kid.sex = 'f'
    }
    if (!parent || !kid) continue
    if (comm === 'ta' && parent === father) {
      // a Tamil son named after the father keeps the father's given name as his family name: Sivakumar Sivakumar is real but rare; use the grandfather's
      kid.family = father.family
    }
    kid.given = parent.given
    if (comm === 'ua' && parent === father) kid.fatherGiven = father.given
    if (comm === 'hk') {
      const l = parent.sex === 'm' ? COMM.hk.eam : COMM.hk.eaf
      if (parent.engR != null) kid.englishFixed = parent.englishFixed = l[Math.floor(parent.engR * l.length)]
    }
    kid.jnr = parent.sex === 'm' && ['wb', 'gh', 'go'].includes(comm)
    tag(kid, 'parent_child_same_name')
    tag(parent, 'parent_child_same_name')
    parent.dobUnknownOften = true
    hard.parentChild++
  }
  // similar-named siblings
  for (let i = 0; i < n.sibs; i++) {
    const comm = fams()[i % 8]
    const { h, kids } = addFamily(comm, { kids: 2 })
    if (kids.length < 2) continue
    const [a, b] = r.pick(SIBS[comm])
    kids[0].given = a
    kids[1].given = b
    const fem = ['Madison', 'Lacey', 'Lucy', 'Sabina', 'Sabita', 'Hoi Ching', 'Hoi Yan', 'Anna', 'Hanna', 'Tharshika', 'Nirosha', 'Princess']
    kids[0].sex = fem.includes(a) ? 'f' : 'm'
    kids[1].sex = fem.includes(b) ? 'f' : 'm'
    if (comm === 'gh') {
      // born on the same weekday: the same day name
      const wd = D(kids[0].dob).getUTCDay()
      let d = kids[1].dob
      while (D(d).getUTCDay() !== wd) d = addDays(d, 1)
      kids[1].dob = d
    }
    for (const k of kids.slice(0, 2)) {
      k.petR = null
      tag(k, 'similar_siblings')
    }
    hard.sibs++
  }
  // clusters of the commonest full names born weeks apart
  for (const [comm, g, sex, fam] of CLUSTERS.slice(0, n.clusters)) {
    const base = randDate(r, cy0 + 1, cy1 - 1)
    const k = r.int(3, 5)
    for (let j = 0; j < k; j++) {
      const { kids } = addFamily(comm, { kids: 1, firstDob: addDays(base, r.int(-60, 60)), family: comm === 'ta' ? undefined : fam })
      const c = kids[0]
      if (!c) continue
      c.given = g
      c.sex = sex
      if (comm === 'ta') c.family = fam
      tag(c, `common_name_cluster:${g} ${fam}`)
      hard.clusterKids++
    }
    hard.clusters++
  }
  // surname changes (the mother marries; some children take the name, some hyphenate)
  for (let i = 0; i < n.surnameChange; i++) {
    const comm = r.pick(['wb', 'wb', 'wb', 'go', 'gh', 'np'])
    const { h, mother, kids } = addFamily(comm, { fatherP: 0, kids: r.int(1, 3) })
    const year = r.int(n.yearFrom, n.yearTo - 1)
    const newName = r.zipf(COMM[comm].fam, 0.7)
    if (newName === h.family) continue
    const step = person(h, 'stepfather', 'm', addDays(mother.dob, -r.int(0, 3000)))
    step.family = newName
    step.joined = year
    mother.famHist.push({ year, family: newName })
    tag(mother, 'surname_change')
    tag(step, 'step_father')
    for (const k of kids) {
      if (r.chance(0.6)) {
        const hy = r.chance(0.35)
        k.famHist.push({ year: year + r.int(0, 1), family: hy ? `${k.family}-${newName}` : newName })
        if (hy) k.dbl = true
        tag(k, hy ? 'surname_change_hyphenated' : 'surname_change')
      } else tag(k, 'mother_surname_changed')
    }
    hard.surnameChange++
  }
  // double-barrelled names
  for (let i = 0; i < n.dbl; i++) {
    const comm = r.pick(['wb', 'wb', 'wb', 'go'])
    const a = r.zipf(COMM[comm].fam, 0.7),
      b = r.pick(COMM.wb.fam.filter((x) => x !== a))
    const { h, mother, father, kids } = addFamily(comm, { family: `${a}-${b}`, kids: r.int(1, 3) })
    for (const k of [mother, father, ...kids].filter(Boolean)) {
      if (k.family.includes('-')) {
        k.dbl = true
        tag(k, 'double_barrelled')
      }
    }
    hard.dbl++
  }
  // trans young people: legal name at the GP, chosen name at school and with the youth services
  for (let i = 0; i < n.chosen; i++) {
    const [s, g, cg, csex] = CHOSEN[i % CHOSEN.length]
    const { kids } = addFamily('wb', { kids: 1, firstDob: randDate(r, Math.max(cy0, 2008), Math.min(cy1, 2011)) })
    const k = kids[0]
    k.sex = s
    k.given = g
    k.chosen = { given: cg, sex: csex, from: r.int(n.yearFrom, n.yearTo - 1) }
    if (r.chance(0.4)) k.chosen.legal = k.chosen.from + r.int(1, 2)
    tag(k, 'chosen_name')
    hard.chosen++
  }
  // ordinary households until the size is reached
  while (people.length < n.people - 2 * n.hosted) addFamily(ctx.r.zipf(['wb', 'wb', 'np', 'ta', 'gh', 'hk', 'go', 'ua', 'af', 'wb'], 0.3))
  // Homes for Ukraine: a Ukrainian family first at a British host's address; the host is known to the resettlement team
  const uaH = households.filter((h) => h.comm === 'ua')
  for (const h of uaH.slice(0, n.hosted)) {
    const host = addFamily('wb', { kids: r.int(0, 1), fatherP: 0.7 })
    const hh = host.h
    const hostAdult = host.father || host.mother
    hostAdult.hostOf = h.hid
    tag(hostAdult, 'host_sponsor')
    const until = h.addrs.length > 1 ? h.addrs[1].from - 1 : h.arrival
    for (const m of h.members) {
      m.hostAddr = { addr: addrAt(hh, h.arrival), until }
      tag(m, 'at_host_address')
    }
    hard.hosted++
  }
  // children's own phones
  for (const p of people) if (p.role === 'child' && r.chance(0.5)) p.ownPhone = phone(r, ctx.usedPh)
  return hard
}
