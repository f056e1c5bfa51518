// A prosecutor's no-further-action on a sexual offence against a child known to several agencies is
// put up for challenge from the day it is recorded, whatever the band (both databases).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { seedWorkingArea, type WorkingArea } from '../testing/working-together-area.ts'
import { decisionsAt } from './store-decisions.ts'
import { decisionRows } from './listings.ts'

const day = (d: string) => endOfDayLondon(d)!

forEachDatabase(
  'decisions about serious harm, stored',
  (backend) => {
    let area: WorkingArea
    const db = () => backend().database.db

    before(async () => {
      area = await seedWorkingArea(db())
      const lines = [
        {
          type: 'event',
          agency: 'police',
          source_id: 'CR-70',
          kind: 'crime_report',
          subject: 'P-1001',
          occurred_at: '2022-02-01T10:00:00',
          summary: 'Sexual activity with a child reported by her school',
          recorded_at: '2022-02-01T12:00:00',
        },
        {
          type: 'event',
          agency: 'police',
          source_id: 'NFA-70',
          kind: 'police_nfa',
          subject: 'P-1001',
          occurred_at: '2022-04-01T10:00:00',
          rationale: 'The victim did not support a prosecution',
          recorded_at: '2022-04-02T09:00:00',
        },
        {
          type: 'event',
          agency: 'police',
          source_id: 'NFA-60',
          kind: 'police_nfa',
          subject: 'P-1001',
          occurred_at: '2021-09-01T10:00:00',
          rationale: 'Shoplifting: property recovered',
          recorded_at: '2021-09-01T12:00:00',
        },
      ]
      const result = await importRecords(db(), ndjsonLines(lines.map((l) => JSON.stringify(l)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2022-04-02T09:00:00Z'),
      })
      assert.equal(result.rejected, 0)
    })

    test('challengeable from the day it is recorded, with the reason, by every other agency', async () => {
      const { amy } = area
      const before = await decisionsAt(db(), day('2022-04-01'), [amy])
      assert.equal(
        before.some((d) => d.id === 'police:NFA-70'),
        false,
        'not known before it was recorded',
      )
      const stored = await decisionsAt(db(), day('2022-04-02'), [amy])
      const nfa = stored.find((d) => d.id === 'police:NFA-70')!
      assert.equal(nfa.prompt.challengeable, true)
      assert.ok(nfa.prompt.reasons.some((r) => r.code === 'serious_harm'))
      assert.ok(nfa.prompt.promptAgencies.includes('csc') && nfa.prompt.promptAgencies.includes('health'))
      assert.ok(!nfa.prompt.promptAgencies.includes('police'))
      const earlier = stored.find((d) => d.id === 'police:NFA-60')!
      assert.equal(
        earlier.prompt.reasons.some((r) => r.code === 'serious_harm'),
        false,
        'an NFA on shoplifting before any sexual offence was reported is not about serious harm',
      )
      const listed = await decisionRows(db(), day('2022-04-02'), { challengeable: true })
      assert.ok(listed.some((r) => r.decision_id === 'police:NFA-70' && r.challengeable === true))
    })
  },
  { resetBetweenTests: false },
)
