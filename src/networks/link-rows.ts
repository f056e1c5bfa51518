// The links behind a chart as a table (the accessible twin of the link chart, and the CSV export):
// who, what, link, source agency, date, reliability. A link the viewer may not read is shown as
// restricted, with its agency and date, rather than hidden: the viewer learns it exists and whom to ask.
import { formatLondon } from '../config/clock.ts'
import { must } from '../errors/must.ts'
import type { LinkFact } from './types.ts'

export interface LinkRow {
  /** Threadline's id of the person the row is about, as text (not a CSV column; `who` names them). */
  personId: string
  who: string
  what: string
  link: string
  source_agency: string
  date: string
  reliability: string | null
  event: string
  restricted: boolean
}

export interface LinkRowOptions {
  /** Whether the viewer may read this link; default: unrestricted links only. */
  canSee?: (fact: LinkFact) => boolean
  /** How to name a node ('person:<id>', 'vehicle:<reg>'...) for people: a name rather than an id. */
  label?: (node: string) => string
}

export function linkRows(facts: readonly LinkFact[], options: LinkRowOptions = {}): LinkRow[] {
  const canSee = options.canSee ?? ((f: LinkFact) => !f.restricted)
  const label = options.label ?? ((node: string) => node)
  return facts
    .map((f) => {
      const visible = canSee(f)
      return {
        personId: f.personEntityId,
        who: label(`person:${f.personEntityId}`),
        what: visible ? label(`${f.memberKind}:${f.memberKey}`) : 'restricted',
        link: visible ? (f.role ?? 'linked') : 'restricted',
        source_agency: f.agency,
        date: must(formatLondon(f.occurredAt), 'when the link happened'),
        reliability: visible ? (f.reliability ?? null) : null,
        event: f.eventRef,
        restricted: !visible,
      }
    })
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.event.localeCompare(b.event))
}

/** Column order of the CSV export (`formatRows` in src/cli/output.ts writes rows in this order). */
export const LINK_ROW_COLUMNS: readonly (keyof LinkRow)[] = [
  'who',
  'what',
  'link',
  'source_agency',
  'date',
  'reliability',
  'event',
  'restricted',
]
