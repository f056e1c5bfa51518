// Decision 0048's check that the shipped criteria (version 1 of each, as migration 0036 stores them)
// admit exactly the (child, stratum) pairs the code admitted before they were data: the old rule is
// copied here as it was (src/audits/criteria.ts at c5e2f10), both run over random facts (children,
// episodes, bands, decisions, concerns, periods), for every stratification, and every difference is
// counted. Pure, no database. Run: node --import tsx bench/audit-criteria-equivalence.ts [rounds]
import { seededRandom } from '../src/audits/draw.ts'
import { candidatesFor, SHIPPED_CRITERIA, type CohortFacts, type Period } from '../src/audits/criteria.ts'
import type { Stratify } from '../src/audits/tables.ts'

type OldId = 'missing_with_risk' | 'nfa_after_concern'

/** The rule as code, before decision 0048. */
function oldCandidates(criterion: OldId, facts: CohortFacts, period: Period, by: Stratify) {
  const within = (day: string) => day >= period.from && day <= period.to
  const stratum = (childId: number, agency: string) =>
    by === 'agency' ? agency : by === 'band' ? `band ${facts.bands.get(childId) ?? 1}` : ''
  const out: { childId: number; stratum: string }[] = []
  if (criterion === 'missing_with_risk') {
    for (const e of facts.episodes) {
      if (!within(e.returnedDay) || (facts.bands.get(e.childId) ?? 1) < 2) continue
      for (const agency of e.agencies) out.push({ childId: e.childId, stratum: stratum(e.childId, agency) })
    }
  } else {
    for (const d of facts.decisions) {
      if (d.outcome !== 'no_further_action' || !within(d.decidedDay)) continue
      const others = facts.concerns.some(
        (c) => c.childId === d.childId && c.agency !== d.agency && c.day <= d.decidedDay,
      )
      if (others) out.push({ childId: d.childId, stratum: stratum(d.childId, d.agency) })
    }
  }
  return out
}

const pairs = (list: { childId: number; stratum: string }[]) =>
  [...new Set(list.map((c) => `${c.childId}|${c.stratum}`))].sort().join(',')

const rounds = Number(process.argv[2] ?? 20_000)
const random = seededRandom('decision-0048')
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]
const AGENCIES = ['police', 'csc', 'health', 'cps', 'school']
const day = () => `2026-0${1 + Math.floor(random() * 6)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
let compared = 0
let differ = 0
let admittedPairs = 0
for (let r = 0; r < rounds; r++) {
  const children = 1 + Math.floor(random() * 15)
  const child = () => 1 + Math.floor(random() * children)
  const facts: CohortFacts = {
    episodes: Array.from({ length: Math.floor(random() * 10) }, () => ({
      childId: child(),
      returnedDay: day(),
      agencies: [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(AGENCIES)))],
    })),
    bands: new Map(
      Array.from({ length: children }, (_, i) => [i + 1, 1 + Math.floor(random() * 4)] as [number, number]).filter(
        () => random() < 0.9,
      ),
    ),
    decisions: Array.from({ length: Math.floor(random() * 10) }, () => ({
      childId: child(),
      agency: pick(AGENCIES),
      outcome: random() < 0.7 ? 'no_further_action' : pick(['strategy_discussion', null]),
      decidedDay: day(),
    })),
    concerns: Array.from({ length: Math.floor(random() * 12) }, () => ({
      childId: child(),
      agency: pick(AGENCIES),
      day: day(),
    })),
  }
  const [a, b] = [day(), day()].sort()
  const period = { from: a, to: b }
  for (const criterion of SHIPPED_CRITERIA)
    for (const by of ['none', 'agency', 'band'] as const) {
      const old = pairs(oldCandidates(criterion.name as OldId, facts, period, by))
      const now = pairs(candidatesFor(criterion, facts, period, by))
      compared++
      admittedPairs += old ? old.split(',').length : 0
      if (old !== now) {
        differ++
        if (differ <= 3) console.log('differs:', criterion.name, by, JSON.stringify({ old, now }))
      }
    }
}
console.log(
  `${compared} comparisons (${rounds} random areas x 2 criteria x 3 stratifications), ${admittedPairs} (child, stratum) pairs admitted, ${differ} differing`,
)
