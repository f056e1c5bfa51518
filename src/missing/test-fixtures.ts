// Builders for tests: stored event versions as storage would hand them in.
import type { EventKind, EventRecord, Involvement } from '../records/types.ts'
import type { RecordedEvent } from './types.ts'

export interface EventInput {
  kind?: EventKind
  agency?: string
  id: string
  child?: string
  subject?: string
  at: string
  end?: string
  recorded: string
  extra?: Record<string, unknown>
  involves?: Involvement[]
  withdrawn?: boolean
}

export function recorded(input: EventInput): RecordedEvent {
  const event: EventRecord = {
    type: 'event',
    kind: input.kind ?? 'missing_episode',
    agency: input.agency ?? 'police',
    source_id: input.id,
    subject: input.subject ?? 'P-1',
    occurred_at: input.at,
    ended_at: input.end,
    indicators: [],
    involves: input.involves ?? [],
    restricted: false,
    extra: input.extra ?? {},
    recorded_at: input.recorded,
    withdrawn: input.withdrawn,
  }
  return { childId: input.child ?? 'C1', event, recordedAt: new Date(input.recorded) }
}

export const place = (key: string, role = 'found_at'): Involvement => ({
  kind: 'location',
  key,
  display: key,
  name: key,
  role,
})
export const vehicle = (key: string, role = 'found_with'): Involvement => ({ kind: 'vehicle', key, display: key, role })
export const person = (id: string, role = 'found_with'): Involvement => ({ kind: 'person', person: id, role })
