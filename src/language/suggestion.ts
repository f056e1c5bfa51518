// The one-click accept: a suggestion replaces the finding's words. Only ever called when a
// professional chooses a suggestion; the checker never rewrites a record by itself. A finding's
// suggestions are the exact words that replace its span (rewrite.ts builds them, `asWritten` gives
// them the span's capital), so the page script and this function only splice them in.
import type { Finding } from './types.ts'
import { errorKind } from '../errors/domain-error.ts'

export class StaleFindingError extends errorKind('conflict') {}

/**
 * The text with the finding's span replaced by the suggestion (by index into `finding.suggestions`,
 * or the suggestion's own text). Refuses when the text has changed since it was checked, so an
 * edit made in the meantime is never overwritten.
 */
export function applySuggestion(text: string, finding: Finding, suggestion: number | string): string {
  const replacement = typeof suggestion === 'number' ? finding.suggestions[suggestion] : suggestion
  if (replacement === undefined) throw new StaleFindingError(`finding has no suggestion ${suggestion}`)
  if (typeof suggestion === 'string' && !finding.suggestions.includes(suggestion)) {
    throw new StaleFindingError("that is not one of the finding's suggestions")
  }
  if (text.slice(finding.start, finding.end) !== finding.phrase) {
    throw new StaleFindingError('the text has changed since it was checked; check it again')
  }
  return text.slice(0, finding.start) + replacement + text.slice(finding.end)
}

/** "Lifestyle choice" at the start of a sentence stays capitalised when replaced. */
export function asWritten(original: string, replacement: string): string {
  const first = original[0]
  if (replacement && first && first !== first.toLowerCase() && first === first.toUpperCase())
    return replacement[0].toUpperCase() + replacement.slice(1)
  return replacement
}
