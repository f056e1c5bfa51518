// The partnership's figures: challenges raised, by agency and subject, time at each stage,
// outcomes; and unqualified assignments made by override. Numbers only: no child is named.
import type { Db } from '../db/database.ts'
import { challengesAt } from './store-challenges.ts'
import { assignmentsAt } from './store-competencies.ts'
import { challengeReport } from './report.ts'
import { areaProtocol } from './settings.ts'

const table = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key, count }))

export async function partnershipReport(db: Db, now: Date) {
  const [challenges, assignments] = await Promise.all([challengesAt(db, now), assignmentsAt(db, now)])
  const report = challengeReport(
    challenges.map((c) => ({ challenge: c.challenge, state: c.state })),
    now,
  )
  const bySubjectAndAgency: Record<string, number> = {}
  for (const c of challenges) {
    const key = `${c.challenge.againstAgency} / ${c.challenge.subject}`
    bySubjectAndAgency[key] = (bySubjectAndAgency[key] ?? 0) + 1
  }
  const overrides: Record<string, number> = {}
  for (const a of assignments.filter((x) => x.flagged))
    overrides[`${a.worker.agency} / ${a.task}`] = (overrides[`${a.worker.agency} / ${a.task}`] ?? 0) + 1
  const protocol = areaProtocol()
  return {
    raised: report.raised,
    open: report.open,
    byRaisingAgency: table(report.byRaisingAgency),
    byAgainstAgency: table(report.byAgainstAgency),
    bySubject: table(report.bySubject),
    byAgainstAgencyAndSubject: table(bySubjectAndAgency),
    byOutcome: table(report.byOutcome),
    stages: report.stages.map((s) => ({
      ...s,
      label: protocol.stages.find((p) => p.stage === s.stage)?.label ?? String(s.stage),
    })),
    overrides: table(overrides),
    overrideCount: assignments.filter((a) => a.flagged).length,
  }
}
