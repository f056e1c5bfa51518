// Storage of the instrument versions and the signed screenings. Every change is audited. Also the
// names the risk panel shows beside them: who signed a screening, and whom to ask at each agency.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { lockPerson } from '../people/people.ts'
import { DEFAULT_AGES, type Instrument } from './instrument.ts'
import { riskSettings } from './settings.ts'
import { serafCse } from './seraf-cse.ts'
import { validateInstrument } from './validate.ts'
import type { Screening } from './screening.ts'
import type { MashDecision, MashOutcome } from './mash-queue.ts'
import { errorKind } from '../errors/domain-error.ts'
import { contentAt, editRecord } from '../edits/record-versions.ts'

export class InstrumentRefused extends errorKind('invalid') {}

async function seedShipped(db: Db): Promise<void> {
  await db
    .insertInto('risk_instruments')
    .values({
      instrument_id: serafCse.id,
      version: serafCse.version,
      definition: JSON.stringify(serafCse),
      added_at: new Date(0),
    })
    .onConflict((oc) => oc.columns(['instrument_id', 'version']).doNothing())
    .execute()
}

/** The instrument in use: the version added last (the shipped SERAF model until an area adds its own). */
export async function currentInstrument(db: Db): Promise<Instrument> {
  const row = await db
    .selectFrom('risk_instruments')
    .select('definition')
    .orderBy('added_at', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst()
  if (row) return withAgeSetting(row.definition as Instrument)
  await seedShipped(db)
  return withAgeSetting(serafCse)
}

/** THREADLINE_RISK_FROM_AGE lowers the age the instrument applies from (never raises it). */
function withAgeSetting(instrument: Instrument, from = riskSettings().fromAge): Instrument {
  const ages = instrument.ages ?? DEFAULT_AGES
  return from === null || from >= ages.from ? instrument : { ...instrument, ages: { from, to: ages.to } }
}

/** Every stored version, by `id@version`: screenings keep the version they were made with. */
export async function instrumentVersions(db: Db): Promise<Map<string, Instrument>> {
  const rows = await db.selectFrom('risk_instruments').select(['instrument_id', 'version', 'definition']).execute()
  if (rows.length === 0) {
    await seedShipped(db)
    return new Map([[`${serafCse.id}@${serafCse.version}`, serafCse]])
  }
  return new Map(rows.map((r) => [`${r.instrument_id}@${r.version}`, r.definition as Instrument]))
}

/** An area's own version: checked, then in use from `at`. A version once stored is never changed. */
export async function addInstrument(
  db: Db,
  actor: Actor,
  definition: unknown,
  at: Date,
  userId: number | null = null,
): Promise<Instrument> {
  const checked = validateInstrument(definition)
  if (!checked.ok) throw new InstrumentRefused(`the instrument is not valid: ${checked.errors.join('; ')}`)
  const instrument = definition as Instrument
  await db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('risk_instruments')
      .select('version')
      .where('instrument_id', '=', instrument.id)
      .where('version', '=', instrument.version)
      .executeTakeFirst()
    if (exists)
      throw new InstrumentRefused(
        `${instrument.id} version ${instrument.version} is already stored: give the new one its own version`,
      )
    await trx
      .insertInto('risk_instruments')
      .values({
        instrument_id: instrument.id,
        version: instrument.version,
        definition: JSON.stringify(instrument),
        added_by: userId,
        added_at: at,
      })
      .execute()
    await appendAudit(
      trx,
      actor,
      { action: 'add_risk_instrument', details: { instrument_id: instrument.id, version: instrument.version } },
      at,
    )
  })
  return instrument
}

export interface StoredScreening extends Screening {
  id: number
  entityId: number
  signedById: number | null
  /** Raised by one at every edit of its wording (what an edit form carries to save against). */
  version: number
}

const asScreening = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Screening

/** A screening's row as kept, in the wording `said` (its own, or the one in force at an earlier moment). */
const storedScreening = (
  r: { id: number; entity_id: number; signed_by: number | null; screening: unknown; version: number },
  said: unknown = r.screening,
): StoredScreening => ({
  ...asScreening(said),
  id: r.id,
  entityId: r.entity_id,
  signedById: r.signed_by,
  version: r.version,
})

/**
 * Signed screenings of these children, oldest first; with `asOf`, each in the wording it had then (an
 * edit made since shows the earlier version: edits/record-versions.ts contentAt).
 */
export async function screeningsOf(
  db: Db,
  ids?: readonly number[],
  asOf?: Date,
): Promise<Map<number, StoredScreening[]>> {
  if (ids && ids.length === 0) return new Map()
  let query = db
    .selectFrom('risk_screenings')
    .select(['id', 'entity_id', 'signed_by', 'screening', 'version'])
    .orderBy('signed_at')
    .orderBy('id')
  if (ids) query = query.where('entity_id', 'in', [...ids])
  const rows = await query.execute()
  const edited = rows.filter((r) => r.version > 0).map((r) => r.id)
  const then = asOf ? await contentAt(db, 'screening', edited, asOf) : new Map<number, Record<string, unknown>>()
  const out = new Map<number, StoredScreening[]>()
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? []
    list.push(storedScreening(r, then.get(r.id)?.screening))
    out.set(r.entity_id, list)
  }
  return out
}

/** One signed screening as it says now, or undefined. */
export async function screeningById(db: Db, id: number): Promise<StoredScreening | undefined> {
  const r = await db
    .selectFrom('risk_screenings')
    .select(['id', 'entity_id', 'signed_by', 'screening', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  return r && storedScreening(r)
}

/**
 * A screening's wording changed by `by` (who may is access/record-author.ts mayEditRecord, the page's
 * to ask; what may change is screening.ts rewordScreening), saved against the version the page showed:
 * the earlier wording is kept as a version, and the edit is audited with it (edits/record-versions.ts).
 */
export const editScreening = (
  db: Db,
  actor: Actor,
  edit: { id: number; seen: number; by: number },
  screening: Screening,
  at: Date,
) =>
  editRecord(
    db,
    actor,
    {
      kind: 'screening',
      ...edit,
      content: { screening: JSON.stringify(screening), override_reason: screening.override?.reason ?? null },
    },
    at,
  )

/** The screening as kept: evidence without the numbers the scoring loops use (Infinity does not survive JSON). */
function storable(s: Screening): Screening {
  return {
    ...s,
    items: s.items.map((i) => ({
      ...i,
      evidence: i.evidence.map(
        ({ day: _d, recordedMs: _r, untilMs: _u, ...rest }) => rest as (typeof i.evidence)[number],
      ),
    })),
  }
}

export async function saveScreening(
  db: Db,
  actor: Actor,
  childId: number,
  screening: Screening,
  signedById: number | null,
): Promise<number> {
  const at = new Date(screening.signedAt)
  return db.transaction().execute(async (trx) => {
    const person = (await lockPerson(trx, childId)) ?? childId
    const row = await trx
      .insertInto('risk_screenings')
      .values({
        entity_id: person,
        instrument_id: screening.instrumentId,
        instrument_version: screening.instrumentVersion,
        signed_by: signedById,
        signed_at: at,
        score: screening.score,
        band: screening.band,
        override_band: screening.override?.band ?? null,
        override_reason: screening.override?.reason ?? null,
        screening: JSON.stringify(storable(screening)),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'sign_risk_screening',
        entityId: person,
        details: {
          screening_id: row.id,
          band: screening.band,
          score: screening.score,
          override: screening.override?.band ?? null,
          instrument: `${screening.instrumentId}@${screening.instrumentVersion}`,
        },
        reason: screening.override?.reason ?? null,
      },
      at,
    )
    // the child's cached score is brought up to date when next read (cache.ts refreshStale), not by
    // the save: marked in the save's own transaction, so a kill after it commits leaves it marked
    await sql`insert into risk_stale (entity_id) values (${person}) on conflict do nothing`.execute(trx)
    return row.id
  })
}

/** Each agency's name and contact, as evidence from an agency the viewer may not read names it. */
export async function agencyContacts(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('agencies').select(['code', 'name', 'contact']).execute()
  return new Map(rows.map((a) => [a.code, a.contact ? `${a.name}: ${a.contact}` : a.name]))
}

/** Each agency's name by its code, for words about whose records they are. */
export { agencyNames } from '../agencies/agencies.ts'

/** The people who signed screenings, as "name (agency)" by user id. */
export async function signerNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'agency_code'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((u) => [u.id, `${u.name} (${u.agency_code})`]))
}

/** MASH decisions about these children (all when absent), oldest first. */
export async function mashDecisionsOf(db: Db, ids?: readonly number[]): Promise<Map<number, MashDecision[]>> {
  if (ids && ids.length === 0) return new Map()
  let query = db
    .selectFrom('risk_mash_decisions')
    .select(['id', 'entity_id', 'outcome', 'rationale', 'decided_by', 'decided_by_name', 'decided_at'])
    .orderBy('decided_at')
    .orderBy('id')
  if (ids) query = query.where('entity_id', 'in', [...ids])
  const out = new Map<number, MashDecision[]>()
  for (const r of await query.execute()) {
    const list = out.get(r.entity_id) ?? []
    list.push({
      id: r.id,
      childId: r.entity_id,
      outcome: r.outcome as MashOutcome,
      rationale: r.rationale,
      decidedAt: r.decided_at,
      decidedById: r.decided_by,
      decidedBy: r.decided_by_name,
    })
    out.set(r.entity_id, list)
  }
  return out
}

/** A MASH decision or allocation for the child's chronology: with the agency of whoever recorded it. */
export interface MashFact {
  id: number
  at: Date
  by: string
  agencyCode: string
  agencyName: string
}

/** The MASH's decisions about this child, with the decider's agency, oldest first. */
export async function mashDecisionFacts(
  db: Db,
  personId: number,
): Promise<(MashFact & { outcome: MashOutcome; rationale: string })[]> {
  const rows = await db
    .selectFrom('risk_mash_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .leftJoin('agencies as a', 'a.code', 'u.agency_code')
    .select(['d.id', 'd.outcome', 'd.rationale', 'd.decided_at', 'd.decided_by_name', 'a.code', 'a.name'])
    .where('d.entity_id', '=', personId)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.decided_at,
    by: r.decided_by_name,
    agencyCode: r.code ?? '',
    agencyName: r.name ?? 'The MASH',
    outcome: r.outcome as MashOutcome,
    rationale: r.rationale,
  }))
}

/** Allocations made by the MASH (by someone with its role) of a professional to this child, oldest first. */
export async function mashAllocationFacts(
  db: Db,
  personId: number,
): Promise<(MashFact & { professional: string; professionalAgency: string; role: string })[]> {
  const rows = await db
    .selectFrom('allocations as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('agencies as ua', 'ua.code', 'u.agency_code')
    .innerJoin('users as b', 'b.id', 'l.allocated_by')
    .innerJoin('agencies as a', 'a.code', 'b.agency_code')
    .select([
      'l.id',
      'l.role',
      'l.starts_at',
      'u.name as professional',
      'ua.name as professional_agency',
      'b.name as by',
    ])
    .select(['a.code', 'a.name'])
    .where('l.entity_id', '=', personId)
    .where((eb) => eb(eb.val('mash'), '=', eb.fn.any('b.roles')))
    .orderBy('l.starts_at')
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.starts_at,
    by: r.by,
    agencyCode: r.code,
    agencyName: r.name,
    professional: r.professional,
    professionalAgency: r.professional_agency,
    role: r.role,
  }))
}

/** A MASH decision, kept with who made it and when, and audited. */
export async function saveMashDecision(db: Db, actor: Actor, decision: Omit<MashDecision, 'id'>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const person = (await lockPerson(trx, decision.childId)) ?? decision.childId
    const row = await trx
      .insertInto('risk_mash_decisions')
      .values({
        entity_id: person,
        outcome: decision.outcome,
        rationale: decision.rationale,
        decided_by: decision.decidedById,
        decided_by_name: decision.decidedBy,
        decided_at: decision.decidedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      {
        action: 'record_mash_decision',
        entityId: person,
        details: { decision_id: row.id, outcome: decision.outcome },
        reason: decision.rationale,
      },
      decision.decidedAt,
    )
    return row.id
  })
}
