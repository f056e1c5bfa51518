// Relationships agencies recorded between a person and others: claims with their source and
// reliability, never facts the system inferred. Shown like events: another agency's only at full reach.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { knownAt } from '../db/as-of.ts'
import type { Reach, Viewer } from '../access/visibility.ts'
import type { PersonPanel } from './panels.ts'

export interface RelationshipView {
  source_record: string
  agency_code: string
  kind: string
  reliability: string
  since: string | null
  note: string | null
  other_source_record: string
  other_person_id: number | null
  other_name: string | null
  recorded_at: Date
}

export async function relationshipsOf(
  db: Db,
  personId: number,
  at: Date,
  viewer: Viewer,
  reach: Reach,
): Promise<RelationshipView[]> {
  if (reach.level === 'none') return []
  const rows = await sql<RelationshipView>`
    select r.agency_code || ':' || r.source_id as source_record, r.agency_code, r.kind, r.reliability, r.since, r.note,
      r.agency_code || ':' || (case when mine.source_id = r.from_source_id then r.to_source_id else r.from_source_id end) as other_source_record,
      ol.entity_id as other_person_id,
      nullif(trim(coalesce(op.given_name, '') || ' ' || coalesce(op.family_name, '')), '') as other_name,
      r.recorded_at
    from relationships r
    join entity_links mine on mine.agency_code = r.agency_code and mine.entity_id = ${personId}
      and (mine.source_id = r.from_source_id or mine.source_id = r.to_source_id)
    left join entity_links ol on ol.agency_code = r.agency_code
      and ol.source_id = (case when mine.source_id = r.from_source_id then r.to_source_id else r.from_source_id end)
    left join person_versions op on op.agency_code = ol.agency_code and op.source_id = ol.source_id and ${knownAt('op', at)}
    where ${knownAt('r', at)}
    order by r.recorded_at desc`.execute(db)
  return rows.rows.filter((r) => r.agency_code === viewer.agency || reach.level === 'full')
}

/** The relationships agencies recorded, on the person's links page (as known on the page's day). */
export const relationshipsPanel: PersonPanel = {
  id: 'relationships',
  page: 'links',
  template: 'person-relationships-panel.njk',
  order: 10,
  async load({ db, record, viewer, at }) {
    const relationships = await relationshipsOf(db, record.person_id, at, viewer, record.reach)
    return relationships.length ? { relationships } : null
  },
}
