// An adult's arrest for a sexual offence against a child counts on the child's score, read from the
// adult's record that names the child as victim (both databases); the child's own arrest does not.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { assessOne } from './area.ts'

forEachDatabase(
  'risk: offences against the child recorded on the adult',
  (backend) => {
    let amy: number
    const db = () => backend().database.db
    before(async () => {
      amy = (await seedArea(db())).amy
      const lines = [
        {
          type: 'event',
          agency: 'police',
          source_id: 'ARR-9',
          kind: 'arrest',
          subject: 'P-2001',
          occurred_at: '2021-05-10T10:00:00',
          summary: 'Arrested on suspicion of sexual activity with a child',
          involves: [{ kind: 'person', person: 'P-1001', role: 'victim' }],
          recorded_at: '2021-05-10T12:00:00',
        },
        {
          type: 'event',
          agency: 'police',
          source_id: 'ARR-10',
          kind: 'arrest',
          subject: 'P-1001',
          occurred_at: '2021-05-11T10:00:00',
          summary: 'Arrested: criminal damage',
          recorded_at: '2021-05-11T12:00:00',
        },
      ]
      const result = await importRecords(db(), ndjsonLines(lines.map((l) => JSON.stringify(l)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2021-05-11T12:00:00Z'),
      })
      assert.equal(result.rejected, 0)
    })

    test("the adult's arrest naming the child as victim is on the child's evidence, from when it was recorded", async () => {
      const before = await assessOne(db(), amy, new Date('2021-05-10T10:30:00Z'))
      assert.equal(
        before!.risk.score.items.some((i) => i.code === 'sexual_offence_victim'),
        false,
      )
      const after = (await assessOne(db(), amy, new Date('2021-06-01T12:00:00Z')))!
      const item = after.risk.score.items.find((i) => i.code === 'sexual_offence_victim')
      assert.ok(item, 'counted')
      assert.deepEqual(
        item.evidence.map((e) => e.eventRef),
        ['police:ARR-9'],
      )
      assert.ok(after.risk.band >= 3, 'evidence of sexual abuse: at least band 3 (Amy is 14)')
      assert.equal(
        after.risk.score.items.some((i) => i.evidence.some((e) => e.eventRef === 'police:ARR-10')),
        false,
        "the child's own arrest is not a sign of abuse",
      )
    })
  },
  { resetBetweenTests: false },
)
