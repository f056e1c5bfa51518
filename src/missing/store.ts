// Storage for the missing-episode pages: what one viewer may read of a child's episodes, records
// made on a page (through the ordinary import, as the user's agency), interview assignments and the
// Philomena profile. Every change is audited with the child's entity id.
import type { AuditAction } from '../vocabulary/audit-actions.ts'
import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import { episodeView, interviewView } from './access.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { lockPerson, summaries } from '../people/people.ts'
import { describeReject, importRecords } from '../import/importer.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'
import { badRequest } from '../errors/domain-error.ts'
import { MISSING_EVENT_KINDS } from './state.ts'
import type { RecordedEvent } from './types.ts'
import { DomainError } from '../errors/domain-error.ts'
import { ChoiceChanged } from '../errors/choice-changed.ts'
import { recordAuthors } from '../access/users.ts'
import type { RecordAuthor } from '../access/record-author.ts'

export const newSourceId = () => `TL-${randomUUID()}`

/** The child's missing, interview and strategy-discussion versions this viewer may read in full. */
export async function visibleVersions(db: Db, viewer: Viewer, reach: Reach, childId: number): Promise<RecordedEvent[]> {
  const versions = await recordedEvents(db, { kinds: MISSING_EVENT_KINDS, personIds: [childId] })
  // episodes, interviews and plans each decide through access.ts
  return versions.filter(
    (v) => (v.event.kind === 'return_interview' ? interviewView : episodeView)(viewer, reach, v.event) === 'full',
  )
}

export async function agencyKind(db: Db, code: string): Promise<string | null> {
  return (await db.selectFrom('agencies').select('kind').where('code', '=', code).executeTakeFirst())?.kind ?? null
}

/** Each registered agency's name by its code (the work list and the figures name agencies). */
export { agencyNames } from '../agencies/agencies.ts'

/**
 * The user's agency's person record of this child, to be the `subject` of a page record. When the
 * agency holds none, a person record is made for it and linked to the child by a person's decision
 * (`link`: written first in the save's transaction, so the exact-match rules keep it, and a kill keeps
 * both or neither).
 */
async function subjectFor(
  db: Db,
  user: SignedInUser,
  childId: number,
  at: Date,
): Promise<{
  subject: string
  person: Record<string, unknown> | null
  link: ((trx: Transaction<Tables>) => Promise<void>) | null
}> {
  const existing = await db
    .selectFrom('entity_links')
    .select('source_id')
    .where('entity_id', '=', childId)
    .where('agency_code', '=', user.agency)
    .orderBy('linked_at')
    .executeTakeFirst()
  if (existing) return { subject: existing.source_id, person: null, link: null }
  const summary = (await summaries(db, [childId], at)).get(childId)
  const subject = `TL-P-${childId}`
  const link = async (trx: Transaction<Tables>) => {
    await trx
      .insertInto('entity_links')
      .values({
        agency_code: user.agency,
        source_id: subject,
        entity_id: childId,
        method: 'person_decision',
        decided_by: user.id,
        reason: 'recorded on a missing-episode page for this child',
        linked_at: at,
      })
      .onConflict((oc) => oc.columns(['agency_code', 'source_id']).doNothing())
      .execute()
  }
  const person: Record<string, unknown> = {
    type: 'person',
    agency: user.agency,
    source_id: subject,
    is_child: true,
    recorded_at: at.toISOString(),
    ...(summary?.given_name ? { given_name: summary.given_name } : {}),
    ...(summary?.family_name ? { family_name: summary.family_name } : {}),
    ...(!summary?.given_name && !summary?.family_name ? { given_name: `Person ${childId}` } : {}),
    ...(summary?.date_of_birth ? { date_of_birth: summary.date_of_birth } : {}),
  }
  return { subject, person, link }
}

/**
 * Stores records made on a page as the user's agency, through the ordinary import (channel
 * `page`), so they join the chronology like any agency's. `build` gets the subject to name.
 */
/** The record a page edits, as its user saw it: its agency, id and the time its current version was recorded. */
export interface SeenVersion {
  agency: string
  sourceId: string
  recordedAt: string | null
}

/** Someone saved the record after this page was opened: nothing was saved; `theirs` is the record now. */
export class RecordChanged extends DomainError {
  constructor(readonly theirs: string) {
    super('conflict', 'someone else changed this record after you opened it')
  }
}

/** The current version's recorded_at, as a page carries it (ISO 8601 to the millisecond). */
export const versionOf = (recordedAt: Date) => recordedAt.toISOString()

export async function recordOnPage(
  db: Db,
  actor: Actor,
  user: SignedInUser,
  childId: number,
  at: Date,
  build: (subject: string) => {
    records: Record<string, unknown>[]
    action: AuditAction
    details: Record<string, unknown>
  },
  /** For an edit: the version the page showed; a save from an older one is refused (RecordChanged). */
  seen?: SeenVersion,
): Promise<void> {
  const { subject, person, link } = await subjectFor(db, user, childId, at)
  const { records, action, details } = build(subject)
  // as an agency would send them: JSON, with absent fields left out
  const all = (person ? [person, ...records] : records).map(
    (r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>,
  )
  const result = await importRecords(
    db,
    all.map((value, i) => ({ line: i + 1, text: JSON.stringify(value), value })),
    {
      channel: 'page',
      defaultAgency: user.agency,
      onlyAgency: user.agency,
      skipInvalid: false,
      actor,
      receivedAt: at,
      // the subject's link first; edits of one record take turns, the version compared in the transaction that saves
      before: async (trx) => {
        await link?.(trx)
        if (seen) {
          await sql`select pg_advisory_xact_lock(hashtext(${`threadline page edit ${seen.agency}:${seen.sourceId}`}))`.execute(
            trx,
          )
          const current = await trx
            .selectFrom('events')
            .select('recorded_at')
            .where('agency_code', '=', seen.agency)
            .where('source_id', '=', seen.sourceId)
            .where('is_current', '=', true)
            .executeTakeFirst()
          const now = current ? versionOf(new Date(current.recorded_at as unknown as string)) : null
          if (now !== seen.recordedAt) throw new RecordChanged(now ?? '')
        }
      },
      // the save's own entry, in the save's transaction (a kill cannot keep one without the other)
      audit: (importId) => [{ action, entityId: childId, details: { ...details, import_id: importId } }],
    },
  )
  if (result.rolledBack)
    throw badRequest(
      result.rejects
        .map(describeReject)
        .join('\n')
        .replace(/line \d+: /g, ''),
    )
}

/**
 * Who wrote each of these records made on a page (`agency:source_id`): the user of the import that
 * made its first version. A record an agency sent (a file, the API, the demo) has no author here: it is
 * its agency's record, corrected by that agency's next version (decision 0033).
 */
export async function pageAuthors(db: Db, sources: readonly string[]): Promise<Map<string, RecordAuthor>> {
  const keys = [...new Set(sources)].map((s) => ({
    agency: s.slice(0, s.indexOf(':')),
    id: s.slice(s.indexOf(':') + 1),
  }))
  if (keys.length === 0) return new Map()
  const firsts = await db
    .selectFrom('events as e')
    .innerJoin('imports as i', 'i.id', 'e.import_id')
    .select(['e.agency_code', 'e.source_id', 'i.user_id', 'i.channel'])
    .distinctOn(['e.agency_code', 'e.source_id'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('e.agency_code', '=', k.agency), eb('e.source_id', '=', k.id)]))))
    .orderBy('e.agency_code')
    .orderBy('e.source_id')
    .orderBy('e.recorded_at')
    .orderBy('e.id')
    .execute()
  const page = firsts.filter((r) => r.channel === 'page' && r.user_id !== null)
  const authors = await recordAuthors(
    db,
    page.map((r) => r.user_id),
  )
  return new Map(
    page.flatMap((r) => {
      const author = r.user_id === null ? undefined : authors.get(r.user_id)
      return author ? [[`${r.agency_code}:${r.source_id}`, author] as const] : []
    }),
  )
}

// Interview assignments -------------------------------------------------------------------------

export interface Assignment {
  id: number
  entity_id: number
  episode_source: string
  user_id: number
  name: string
  agency_code: string
  assigned_at: Date
}

/** Assignments in force now, or at `at` (made by then and not ended by then) to replay the past. */
export async function currentAssignments(
  db: Db,
  episodeSources?: string[],
  at?: Date,
): Promise<Map<string, Assignment>> {
  if (episodeSources && episodeSources.length === 0) return new Map()
  let query = db
    .selectFrom('interview_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.entity_id', 'a.episode_source', 'a.user_id', 'u.name', 'u.agency_code', 'a.assigned_at'])
  query = at
    ? query
        .where('a.assigned_at', '<=', at)
        .where((eb) => eb.or([eb('a.ended_at', 'is', null), eb('a.ended_at', '>', at)]))
    : query.where('a.ended_at', 'is', null)
  if (episodeSources) query = query.where('a.episode_source', 'in', episodeSources)
  const rows = await query.execute()
  return new Map(rows.map((r) => [r.episode_source, r]))
}

/**
 * Assigns a return interview to a worker, from the assignment the one assigning saw (`from`: its
 * worker's user id, null for none): assigning on a stale page is refused (ChoiceChanged), and the
 * same assignment sent twice is one.
 */
export async function assignInterview(
  db: Db,
  actor: Actor,
  by: SignedInUser,
  childId: number,
  episodeSource: string,
  userId: number,
  from: number | null,
  at: Date,
): Promise<'assigned' | 'unchanged'> {
  return db.transaction().execute(async (trx) => {
    // assignments of one child are taken in turn
    const person = (await lockPerson(trx, childId)) ?? childId
    const current = await trx
      .selectFrom('interview_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.user_id', 'u.name'])
      .where('a.episode_source', '=', episodeSource)
      .where('a.ended_at', 'is', null)
      .executeTakeFirst()
    if (current?.user_id === userId) return 'unchanged'
    if ((current?.user_id ?? null) !== from) {
      const chosen = await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
      throw new ChoiceChanged(
        current ? `This interview was assigned to ${current.name}` : 'The assignment of this interview was ended',
        chosen?.name ?? `user ${userId}`,
      )
    }
    await trx
      .updateTable('interview_assignments')
      .set({ ended_at: at })
      .where('episode_source', '=', episodeSource)
      .where('ended_at', 'is', null)
      .execute()
    await trx
      .insertInto('interview_assignments')
      .values({
        entity_id: person,
        episode_source: episodeSource,
        user_id: userId,
        assigned_by: by.id,
        assigned_at: at,
      })
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'assign_return_interview',
        entityId: person,
        details: { episode_source: episodeSource, user_id: userId, from },
      },
      at,
    )
    return 'assigned'
  })
}

// The Philomena profile -----------------------------------------------------------------------

export const PROFILE_FIELDS = ['description', 'friends', 'places', 'phones', 'medical', 'other'] as const
export type ProfileField = (typeof PROFILE_FIELDS)[number]

export async function profileOf(db: Db, childId: number) {
  return db
    .selectFrom('philomena_profiles as p')
    .leftJoin('users as u', 'u.id', 'p.updated_by')
    .leftJoin('agencies as a', 'a.code', 'p.agency_code')
    .select([
      'p.entity_id',
      'p.agency_code',
      'a.name as agency_name',
      'p.description',
      'p.friends',
      'p.places',
      'p.phones',
      'p.medical',
      'p.other',
      'p.photo_type',
      'p.photo_taken',
      'p.photo_uploaded_at',
      'p.updated_at',
      'p.version',
      'u.name as updated_by_name',
    ])
    .where('p.entity_id', '=', childId)
    .executeTakeFirst()
}

export async function photoOf(db: Db, childId: number): Promise<{ photo: Buffer; type: string } | null> {
  const row = await db
    .selectFrom('philomena_profiles')
    .select(['photo', 'photo_type'])
    .where('entity_id', '=', childId)
    .executeTakeFirst()
  return row?.photo && row.photo_type ? { photo: row.photo, type: row.photo_type } : null
}

/** A save made on a version of the profile that someone else has changed since (409: both shown). */
export class ProfileConflict extends DomainError {
  constructor(readonly current: Awaited<ReturnType<typeof profileOf>> | null) {
    super('conflict', 'someone else saved the profile after you opened it')
  }
}

/**
 * Saves the profile as it was edited from `version` (null: there was none yet). The check and the
 * change are one statement, so of two saves from one version only the first is kept; the second
 * gets ProfileConflict with the profile as it now is.
 */
export async function saveProfile(
  db: Db,
  actor: Actor,
  user: SignedInUser,
  childId: number,
  fields: Partial<Record<ProfileField, string | null>>,
  photo: { data: Buffer; type: 'image/jpeg' | 'image/png'; taken: string | null } | null,
  version: number | null,
  at: Date,
): Promise<void> {
  const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, fields[f] ?? null])) as Record<
    ProfileField,
    string | null
  >
  const photoValues = photo
    ? { photo: photo.data, photo_type: photo.type, photo_taken: photo.taken, photo_uploaded_at: at }
    : {}
  const change = { agency_code: user.agency, ...values, ...photoValues, updated_by: user.id, updated_at: at }
  const saved = await db.transaction().execute(async (trx) => {
    const row =
      version === null
        ? await trx
            .insertInto('philomena_profiles')
            .values({ entity_id: childId, ...change })
            .onConflict((oc) => oc.column('entity_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('philomena_profiles')
            .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
            .where('entity_id', '=', childId)
            .where('version', '=', version)
            .returning('version')
            .executeTakeFirst()
    if (!row) return false
    await appendAudit(
      trx,
      actor,
      {
        action: 'update_philomena_profile',
        entityId: childId,
        details: {
          version: row.version,
          fields: PROFILE_FIELDS.filter((f) => values[f] !== null),
          photo: photo ? { type: photo.type, bytes: photo.data.length } : null,
        },
      },
      at,
    )
    return true
  })
  if (!saved) throw new ProfileConflict((await profileOf(db, childId)) ?? null)
}

/** Children whose record this user is allocated to (for the repeat-missing alert). */
export async function allocatedChildren(db: Db, userId: number, at: Date): Promise<Set<string>> {
  const rows = await db
    .selectFrom('allocations')
    .select('entity_id')
    .where('user_id', '=', userId)
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .execute()
  return new Set(rows.map((r) => String(r.entity_id)))
}
