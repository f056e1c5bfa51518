// The partnership's figures from the counts: per rule (how often it fired, how often a suggestion
// was taken), per agency and month, and what imported records say. Pure: rows in, tables out.
import type { CountRow, ImportedCountRow } from './storage.ts'
import type { Lexicon } from './types.ts'

export interface RuleFigure {
  rule: string
  reason: string
  fired: number
  accepted: number
  /** whole per cent, or null when nothing fired */
  acceptedPercent: number | null
  imported: number
}

export interface PartnershipFigures {
  rules: RuleFigure[]
  written: (CountRow & { acceptedPercent: number | null })[]
  imported: ImportedCountRow[]
  totals: { fired: number; accepted: number; acceptedPercent: number | null; imported: number }
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : null)

export function partnershipFigures(
  written: CountRow[],
  imported: ImportedCountRow[],
  lexicon: Lexicon,
): PartnershipFigures {
  const reasons = new Map(lexicon.rules.map((r) => [r.id, r.reason]))
  const byRule = new Map<string, RuleFigure>()
  const get = (rule: string) => {
    let f = byRule.get(rule)
    if (!f)
      byRule.set(
        rule,
        (f = { rule, reason: reasons.get(rule) ?? '', fired: 0, accepted: 0, acceptedPercent: null, imported: 0 }),
      )
    return f
  }
  for (const r of written) {
    const f = get(r.rule)
    f.fired += r.fired
    f.accepted += r.accepted
  }
  for (const r of imported) get(r.rule).imported += r.fired
  const rules = [...byRule.values()]
    .map((f) => ({ ...f, acceptedPercent: percent(f.accepted, f.fired) }))
    .sort((a, b) => b.fired + b.imported - (a.fired + a.imported) || a.rule.localeCompare(b.rule))
  const fired = rules.reduce((s, r) => s + r.fired, 0)
  const accepted = rules.reduce((s, r) => s + r.accepted, 0)
  return {
    rules,
    written: written.map((r) => ({ ...r, acceptedPercent: percent(r.accepted, r.fired) })),
    imported,
    totals: {
      fired,
      accepted,
      acceptedPercent: percent(accepted, fired),
      imported: rules.reduce((s, r) => s + r.imported, 0),
    },
  }
}
