// The partnership's figures: challenges raised, by agency and subject, time at each stage,
// outcomes; and unqualified assignments made by override. Numbers only: no child is named. Codes
// (subjects, outcomes, tasks) stay codes here; the page puts them in words (the `label` filter).
import type { Db } from '../db/database.ts'
import { challengesAt } from './store-challenges.ts'
import { assignmentsAt } from './store-competencies.ts'
import { challengeReport } from './report.ts'
import { areaProtocol } from './settings.ts'

/** Counts keyed by a code (an agency, a subject, an outcome), the most first. */
const table = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key, count }))

/** Counts of an agency with a code (a subject, a task), the most first: each row keeps both, for the page to put the code in words. */
function pairTable(pairs: readonly { agency: string; code: string }[]) {
  const counts: Record<string, number> = {}
  for (const p of pairs) counts[`${p.agency} / ${p.code}`] = (counts[`${p.agency} / ${p.code}`] ?? 0) + 1
  const parts = new Map(pairs.map((p) => [`${p.agency} / ${p.code}`, p]))
  return table(counts).map((row) => ({ ...row, ...parts.get(row.key) }))
}

export async function partnershipReport(db: Db, now: Date) {
  const [challenges, assignments] = await Promise.all([challengesAt(db, now), assignmentsAt(db, now)])
  const report = challengeReport(
    challenges.map((c) => ({ challenge: c.challenge, state: c.state })),
    now,
  )
  const protocol = areaProtocol()
  return {
    raised: report.raised,
    open: report.open,
    byRaisingAgency: table(report.byRaisingAgency),
    byAgainstAgency: table(report.byAgainstAgency),
    bySubject: table(report.bySubject),
    byAgainstAgencyAndSubject: pairTable(
      challenges.map((c) => ({ agency: c.challenge.againstAgency, code: c.challenge.subject })),
    ),
    byOutcome: table(report.byOutcome),
    stages: report.stages.map((s) => ({
      ...s,
      label: protocol.stages.find((p) => p.stage === s.stage)?.label ?? String(s.stage),
    })),
    overrides: pairTable(assignments.filter((a) => a.flagged).map((a) => ({ agency: a.worker.agency, code: a.task }))),
    overrideCount: assignments.filter((a) => a.flagged).length,
  }
}
