// A small hand-made area for the database tests of risk (on top of src/testing/seed.ts's agencies):
// Bea, whose pieces arrive from three agencies (one of them late), Cal who turns 18, and Dan, 12, for
// whom one missing episode fires the age rule. Dates are in 2026 so Amy (born 2007) is an adult by then.
import { withClock } from '../config/clock.ts'
import { TestClock } from './clock.ts'
import type { Db } from '../db/database.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { must } from '../errors/must.ts'
import { TEST_ACTOR } from './seed.ts'

export const RISK_RECEIVED_AT = new Date('2026-11-01T00:00:00Z')

export function riskArea(): object[] {
  return [...riskPeople(), ...riskEvents()]
}

/** Bea's three records, Cal and Dan. */
function riskPeople(): object[] {
  return [
    {
      type: 'person',
      agency: 'police',
      source_id: 'P-B',
      given_name: 'Bea',
      family_name: 'Ward',
      date_of_birth: '2011-05-01',
      is_child: true,
      recorded_at: '2025-12-01T09:00:00Z',
    },
    {
      type: 'person',
      agency: 'csc',
      source_id: 'C-B',
      given_name: 'Bea',
      family_name: 'Ward',
      date_of_birth: '2011-05-01',
      recorded_at: '2025-12-02T09:00:00Z',
    },
    {
      type: 'person',
      agency: 'health',
      source_id: 'H-B',
      given_name: 'Bea',
      family_name: 'Ward',
      date_of_birth: '2011-05-01',
      recorded_at: '2025-12-03T09:00:00Z',
    },
    {
      type: 'person',
      agency: 'police',
      source_id: 'P-C',
      given_name: 'Cal',
      family_name: 'Moss',
      date_of_birth: '2008-08-01',
      recorded_at: '2025-12-01T09:00:00Z',
    },
    {
      type: 'person',
      agency: 'police',
      source_id: 'P-D',
      given_name: 'Dan',
      family_name: 'Reed',
      date_of_birth: '2014-01-01',
      recorded_at: '2025-12-01T09:00:00Z',
    },
  ]
}

/** What the agencies recorded of Bea and Dan. */
function riskEvents(): object[] {
  return [
    // Bea: missing (5), then gifts (5) = band 2 on 20 January; three concerns from three agencies by 3 February.
    {
      type: 'event',
      agency: 'police',
      source_id: 'E-B1',
      kind: 'missing_episode',
      subject: 'P-B',
      occurred_at: '2026-01-10T22:00:00Z',
      ended_at: '2026-01-11T08:00:00Z',
      recorded_at: '2026-01-11T09:00:00Z',
    },
    {
      type: 'event',
      agency: 'csc',
      source_id: 'C-B1',
      kind: 'concern',
      subject: 'C-B',
      occurred_at: '2026-01-20T10:00:00Z',
      indicators: ['gifts_money'],
      summary: 'New phone and trainers, will not say from whom',
      recorded_at: '2026-01-20T12:00:00Z',
    },
    {
      type: 'event',
      agency: 'police',
      source_id: 'E-B2',
      kind: 'concern',
      subject: 'P-B',
      occurred_at: '2026-02-01T10:00:00Z',
      recorded_at: '2026-02-01T11:00:00Z',
    },
    {
      type: 'event',
      agency: 'health',
      source_id: 'H-B2',
      kind: 'concern',
      subject: 'H-B',
      occurred_at: '2026-02-03T09:00:00Z',
      recorded_at: '2026-02-03T10:00:00Z',
    },
    {
      type: 'event',
      agency: 'csc',
      source_id: 'S-B1',
      kind: 'strategy_discussion',
      subject: 'C-B',
      occurred_at: '2026-02-25T14:00:00Z',
      recorded_at: '2026-02-25T15:00:00Z',
    },
    // The clinic's infection of 5 January, restricted and recorded only on 1 March: band 3 from then.
    {
      type: 'event',
      agency: 'health',
      source_id: 'H-B1',
      kind: 'sexual_health',
      subject: 'H-B',
      occurred_at: '2026-01-05T11:00:00Z',
      restricted: true,
      summary: 'Chlamydia',
      recorded_at: '2026-03-01T10:00:00Z',
    },
    // Dan, 12: one missing episode fires the under-13 age rule.
    {
      type: 'event',
      agency: 'police',
      source_id: 'E-D1',
      kind: 'missing_episode',
      subject: 'P-D',
      occurred_at: '2026-04-01T20:00:00Z',
      recorded_at: '2026-04-02T08:00:00Z',
    },
  ]
}

export const toNdjson = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n')

/**
 * Runs an import under a clock at `at`: a test that reads pages as of an earlier moment still loads
 * records recorded after it, as they arrived. "Now" outside it is untouched.
 */
export function importedAt<T>(at: Date, run: () => Promise<T>): Promise<T> {
  return withClock(new TestClock(at), run)
}

/**
 * Loads the risk area as its records arrived (at RISK_RECEIVED_AT) into a seeded database, and says
 * which person each police record of it became (`P-B`: Bea, `P-C`: Cal).
 */
export async function importRiskArea(db: Db): Promise<{ personOf: (policeSource: string) => number }> {
  const result = await importedAt(RISK_RECEIVED_AT, () =>
    importRecords(db, ndjsonLines(toNdjson(riskArea())), {
      channel: 'file',
      skipInvalid: false,
      actor: TEST_ACTOR,
      receivedAt: RISK_RECEIVED_AT,
    }),
  )
  if (result.rejected) throw new Error(`the risk area was refused: ${JSON.stringify(result.rejects)}`)
  const links = await db
    .selectFrom('entity_links')
    .select(['source_id', 'entity_id'])
    .where('agency_code', '=', 'police')
    .execute()
  const ids = new Map(links.map((l) => [l.source_id, l.entity_id]))
  return { personOf: (source) => must(ids.get(source), `the person of police record ${source}`) }
}
