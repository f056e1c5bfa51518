// What records say beyond their fields. A charity's record of a child (a nickname, no date of birth,
// no address) joins the child whose missing episode its return interview answers, inside the import;
// a reference whose names do not carry it stays apart. Two records an agency relates to each other
// (a tenant and a household member of one name) are never one person. Both databases.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { personOf } from '../testing/person-records.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { addAgency } from '../agencies/agencies.ts'
import type { Db } from '../db/database.ts'
import { seedLinkageArea } from '../testing/linkage-area.ts'
import { REFERENCE_BITS } from './references.ts'

const AT = new Date('2020-06-01T12:00:00Z')

async function importLines(db: Db, records: object[]) {
  const r = await importRecords(db, ndjsonLines(records.map((o) => JSON.stringify(o)).join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: AT,
  })
  assert.equal(r.rejected, 0, JSON.stringify(r.rejects))
}

const entityOf = (db: Db, agency: string, sourceId: string) => personOf(db, `${agency}:${sourceId}`)

const child = (source: string, given: string, family: string, dob: string) => ({
  type: 'person',
  agency: 'police',
  source_id: source,
  given_name: given,
  family_name: family,
  date_of_birth: dob,
  sex: 'female',
  address: { line1: '9 Weaver Street', postcode: 'OL16 4QT' },
  recorded_at: '2020-02-01T09:00:00',
})
const episode = (source: string, subject: string) => ({
  type: 'event',
  agency: 'police',
  source_id: source,
  kind: 'missing_episode',
  subject,
  occurred_at: '2020-02-03T20:00:00',
  ended_at: '2020-02-04T09:00:00',
  recorded_at: '2020-02-04T10:00:00',
})
const charityRecord = (source: string, given: string, family: string) => ({
  type: 'person',
  agency: 'charity',
  source_id: source,
  given_name: given,
  family_name: family,
  sex: 'female',
  phone: '07700900555',
  is_child: true,
  recorded_at: '2020-02-05T09:00:00',
})
const interview = (source: string, subject: string, episodeRef: string) => ({
  type: 'event',
  agency: 'charity',
  source_id: source,
  kind: 'return_interview',
  subject,
  occurred_at: '2020-02-05T10:00:00',
  status: 'done',
  episode: episodeRef,
  recorded_at: '2020-02-05T12:00:00',
})

forEachDatabase(
  'linkage by an interview naming the episode it answers',
  (backend) => {
    before(async () => {
      const { db } = backend().database
      await seedLinkageArea(db, 100)
      await addAgency(db, { code: 'charity', name: 'Return Interviews', kind: 'voluntary' })
    })

    test('a charity record of a nickname and no date joins the child whose episode it answers', async () => {
      const { db } = backend().database
      await importLines(db, [child('RF-1', 'Elizabeth', 'Okafor', '2007-05-19'), episode('RF-E1', 'RF-1')])
      // without the interview's reference, "Libby Okafor" with no date and no address is a person of her own
      await importLines(db, [charityRecord('CH-1', 'Libby', 'Okafor')])
      assert.notEqual(await entityOf(db, 'charity', 'CH-1'), await entityOf(db, 'police', 'RF-1'))
      await importLines(db, [interview('CH-E1', 'CH-1', 'police:RF-E1')])
      assert.equal(await entityOf(db, 'charity', 'CH-1'), await entityOf(db, 'police', 'RF-1'))
      const history = await db
        .selectFrom('entity_link_history')
        .select('reason')
        .where('agency_code', '=', 'charity')
        .where('source_id', '=', 'CH-1')
        .execute()
      assert.ok(
        history.some((h) => h.reason?.includes('episode')),
        JSON.stringify(history),
      )
    })

    test('an interview naming no episode joins the one child of that name who returned in the week before it', async () => {
      const { db } = backend().database
      const named = (source: string, given: string, family: string) => {
        const { phone: _phone, ...record } = charityRecord(source, given, family)
        return record
      }
      const unreferenced = (source: string, subject: string, occurredAt: string) => {
        const { episode: _episode, ...event } = interview(source, subject, '')
        return { ...event, occurred_at: occurredAt }
      }
      await importLines(db, [child('RT-1', 'Mary', 'Maughan', '2008-01-21'), episode('RT-E1', 'RT-1')])
      // a name alone, with no date of birth or home: a person of its own until its interview says whose
      await importLines(db, [named('CT-1', 'Mary', 'Maughan')])
      assert.notEqual(await entityOf(db, 'charity', 'CT-1'), await entityOf(db, 'police', 'RT-1'))
      await importLines(db, [unreferenced('CT-E1', 'CT-1', '2020-02-06T10:00:00')])
      assert.equal(await entityOf(db, 'charity', 'CT-1'), await entityOf(db, 'police', 'RT-1'))
      // held more than a week after the return: timing says nothing
      await importLines(db, [child('RT-2', 'Shannon', 'Doherty', '2007-04-02'), episode('RT-E2', 'RT-2')])
      await importLines(db, [named('CT-2', 'Shannon', 'Doherty'), unreferenced('CT-E2', 'CT-2', '2020-02-19T10:00:00')])
      assert.notEqual(await entityOf(db, 'charity', 'CT-2'), await entityOf(db, 'police', 'RT-2'))
      // two children of the name returned that week: the interview could be either's
      await importLines(db, [
        child('RT-3', 'Chloe', 'Walsh', '2008-03-03'),
        episode('RT-E3', 'RT-3'),
        { ...child('RT-4', 'Chloe', 'Walsh', '2009-11-30'), address: { line1: '2 Mill Row', postcode: 'OL11 1AA' } },
        episode('RT-E4', 'RT-4'),
      ])
      await importLines(db, [named('CT-3', 'Chloe', 'Walsh'), unreferenced('CT-E3', 'CT-3', '2020-02-06T10:00:00')])
      const chloe = await entityOf(db, 'charity', 'CT-3')
      assert.notEqual(chloe, await entityOf(db, 'police', 'RT-3'))
      assert.notEqual(chloe, await entityOf(db, 'police', 'RT-4'))
    })

    test('an episode that arrives after the interview answering it links them: an import looks from both ends', async () => {
      // an import now looks only at the records it wrote (decision 0050): here the episode's, not the interview's
      const { db } = backend().database
      await importLines(db, [child('RL-1', 'Kayleigh', 'Brennan', '2008-06-14')])
      await importLines(db, [charityRecord('CL-1', 'Kayleigh', 'Brennan'), interview('CL-E1', 'CL-1', 'police:RL-E1')])
      assert.notEqual(await entityOf(db, 'charity', 'CL-1'), await entityOf(db, 'police', 'RL-1'), 'no episode yet')
      await importLines(db, [episode('RL-E1', 'RL-1')])
      assert.equal(await entityOf(db, 'charity', 'CL-1'), await entityOf(db, 'police', 'RL-1'), 'by the reference')
      // and by timing: an interview naming no episode, then the episode it followed within the week
      const { phone: _phone, ...named } = charityRecord('CL-2', 'Tiana', 'Osei')
      const { episode: _episode, ...unreferenced } = interview('CL-E2', 'CL-2', '')
      await importLines(db, [child('RL-2', 'Tiana', 'Osei', '2008-02-09')])
      await importLines(db, [named, { ...unreferenced, occurred_at: '2020-02-06T10:00:00' }])
      assert.notEqual(await entityOf(db, 'charity', 'CL-2'), await entityOf(db, 'police', 'RL-2'), 'no episode yet')
      await importLines(db, [episode('RL-E2', 'RL-2')])
      assert.equal(await entityOf(db, 'charity', 'CL-2'), await entityOf(db, 'police', 'RL-2'), 'by the timing')
    })

    test('a reference the names do not carry leaves the two apart', async () => {
      const { db } = backend().database
      assert.ok(REFERENCE_BITS < 20, 'a reference is evidence, not proof')
      await importLines(db, [child('RF-2', 'Grace', 'Mbeki', '2008-01-11'), episode('RF-E2', 'RF-2')])
      await importLines(db, [charityRecord('CH-2', 'Precious', 'Adeyemi'), interview('CH-E2', 'CH-2', 'police:RF-E2')])
      assert.notEqual(await entityOf(db, 'charity', 'CH-2'), await entityOf(db, 'police', 'RF-2'))
    })

    test('the same reference arriving in the same file as both records links them', async () => {
      const { db } = backend().database
      await importLines(db, [
        child('RF-3', 'Amelia', 'Kowalczyk', '2009-09-02'),
        episode('RF-E3', 'RF-3'),
        charityRecord('CH-3', 'Millie', 'Kowalczyk'),
        interview('CH-E3', 'CH-3', 'police:RF-E3'),
      ])
      assert.equal(await entityOf(db, 'charity', 'CH-3'), await entityOf(db, 'police', 'RF-3'))
    })

    test('two records an agency relates to each other are two people: a tenant and the child of one name', async () => {
      const { db } = backend().database
      await addAgency(db, { code: 'housing', name: 'Housing', kind: 'other' })
      const home = { line1: '133 Albion Court', postcode: 'OL14 8FN' }
      await importLines(db, [
        {
          type: 'person',
          agency: 'school',
          source_id: 'RL-1',
          given_name: 'Archie',
          family_name: 'Hughes',
          date_of_birth: '2006-06-12',
          sex: 'male',
          address: home,
          phone: '07700900809',
          recorded_at: '2020-01-10T09:00:00',
        },
      ])
      // housing: the father (a tenant) and the boy (a household member), both Archie Hughes, no dates
      const member = (source: string) => ({
        type: 'person',
        agency: 'housing',
        source_id: source,
        given_name: 'Archie',
        family_name: 'Hughes',
        sex: 'male',
        address: home,
        phone: '07700900809',
        recorded_at: '2020-03-01T09:00:00',
      })
      await importLines(db, [
        member('RL-H1'),
        member('RL-H2'),
        {
          type: 'relationship',
          agency: 'housing',
          source_id: 'RL-R1',
          from: 'RL-H2',
          to: 'RL-H1',
          kind: 'lives_with',
          recorded_at: '2020-03-01T09:00:00',
        },
      ])
      // the first fits the boy the school knows (name, home, the household's phone); the second,
      // whom housing says lives with the first, is somebody else
      assert.equal(await entityOf(db, 'housing', 'RL-H1'), await entityOf(db, 'school', 'RL-1'))
      assert.notEqual(await entityOf(db, 'housing', 'RL-H1'), await entityOf(db, 'housing', 'RL-H2'))
    })

    test('a record first sent with a name only joins the child when its newer version says who she is', async () => {
      const { db } = backend().database
      await importLines(db, [child('RV-1', 'Tamsin', 'Rowe', '2015-11-21')])
      const sparse = {
        type: 'person',
        agency: 'charity',
        source_id: 'RV-C1',
        given_name: 'Tamsin',
        family_name: 'R',
        recorded_at: '2020-02-05T09:00:00',
      }
      await importLines(db, [sparse])
      assert.notEqual(await entityOf(db, 'charity', 'RV-C1'), await entityOf(db, 'police', 'RV-1'))
      await importLines(db, [
        { ...sparse, family_name: 'Rowe', date_of_birth: '2015-11-21', recorded_at: '2021-02-05T09:00:00' },
      ])
      assert.equal(await entityOf(db, 'charity', 'RV-C1'), await entityOf(db, 'police', 'RV-1'))
    })
  },
  { resetBetweenTests: false },
)
