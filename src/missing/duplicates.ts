// The same episode reported by police and by a care provider is one episode, not two.
// Rule: two reports are the same episode when they are about the same child (linked entity), come
// from different agencies (an agency's own ids already tell its episodes apart), start within
// `mergeWithinHours` of each other (default 6: the carer's "last seen" and the police "reported"
// times differ), and their intervals overlap (an episode not yet ended runs on). A report joins the
// episode whose start is nearest among those it matches; an episode holds one report per agency.
import type { EpisodeReport, EpisodeSettings } from './types.ts'
import { byText } from './time.ts'

const HOUR = 3_600_000

export function sameEpisode(a: EpisodeReport, b: EpisodeReport, settings: EpisodeSettings): boolean {
  if (a.childId !== b.childId || a.agency === b.agency) return false
  if (Math.abs(a.startedAt.getTime() - b.startedAt.getTime()) > settings.mergeWithinHours * HOUR) return false
  const aEnd = a.returnedAt?.getTime() ?? Infinity
  const bEnd = b.returnedAt?.getTime() ?? Infinity
  return a.startedAt.getTime() <= bEnd && b.startedAt.getTime() <= aEnd
}

/** Groups reports into episodes. Reports are taken first-known first, so an episode's first report stays first. */
export function groupReports(reports: readonly EpisodeReport[], settings: EpisodeSettings): EpisodeReport[][] {
  const ordered = [...reports].sort(
    (a, b) => a.firstRecordedAt.getTime() - b.firstRecordedAt.getTime() || byText(a.source, b.source),
  )
  const groups: EpisodeReport[][] = []
  const byChild = new Map<string, EpisodeReport[][]>()
  for (const report of ordered) {
    const candidates = (byChild.get(report.childId) ?? []).filter(
      (g) => !g.some((r) => r.agency === report.agency) && g.some((r) => sameEpisode(r, report, settings)),
    )
    const gap = (g: EpisodeReport[]) =>
      Math.min(...g.map((r) => Math.abs(r.startedAt.getTime() - report.startedAt.getTime())))
    const best = candidates.sort((a, b) => gap(a) - gap(b))[0]
    if (best) {
      best.push(report)
      continue
    }
    const group = [report]
    groups.push(group)
    const list = byChild.get(report.childId)
    if (list) list.push(group)
    else byChild.set(report.childId, [group])
  }
  return groups
}
