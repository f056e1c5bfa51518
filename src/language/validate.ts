// Checks a rule written by hand (an area's own rules) and says exactly what is wrong with it.
import { compilePattern, PatternError } from './pattern.ts'
import { RULE_CONTEXTS, SEVERITIES, type Rule } from './types.ts'
import { DomainError } from '../errors/domain-error.ts'

export class LexiconError extends DomainError {
  constructor(readonly problems: string[]) {
    super(
      'invalid',
      problems.length === 1 ? problems[0] : `${problems.length} problems in the rules:\n- ${problems.join('\n- ')}`,
    )
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0
const ID = /^[a-z0-9][a-z0-9-]{1,63}$/

/** The problems with one rule, each prefixed by where it is (`rules[2].phrases[0]`). */
export function ruleProblems(value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: must be an object`]
  const rule = value as Partial<Rule> & Record<string, unknown>
  const problems: string[] = []
  if (!isText(rule.id) || !ID.test(rule.id))
    problems.push(`${where}.id: must be lower-case letters, digits and hyphens (2 to 64)`)
  patternsProblems(rule.phrases, `${where}.phrases`, true, problems)
  if (rule.except !== undefined) patternsProblems(rule.except, `${where}.except`, false, problems)
  adviceProblems(rule, where, problems)
  if (!isText(rule.source)) problems.push(`${where}.source: name the guidance the rule rests on`)
  else if (/(^|[\s(])(\.{0,2}\/|[\w-]+\/)?[\w./-]*\.(md|json|ts|js|txt|html|njk)\b/.test(rule.source))
    problems.push(`${where}.source: name the published guidance, not a file`)
  if (rule.context !== undefined && !RULE_CONTEXTS.includes(rule.context)) {
    problems.push(`${where}.context: must be one of ${RULE_CONTEXTS.join(', ')}`)
  }
  if (rule.context === 'sexual-activity') {
    const ages = rule.ages as unknown
    if (typeof ages !== 'object' || ages === null)
      problems.push(`${where}.ages: a sexual-activity rule needs under13, age13to15, withAdult and needsDob`)
    else
      for (const key of ['under13', 'age13to15', 'withAdult', 'needsDob'] as const) {
        const advice = (ages as Record<string, unknown>)[key]
        if (typeof advice !== 'object' || advice === null) problems.push(`${where}.ages.${key}: missing`)
        else adviceProblems(advice as Record<string, unknown>, `${where}.ages.${key}`, problems)
      }
  }
  if (rule.under18 !== undefined && typeof rule.under18 !== 'boolean')
    problems.push(`${where}.under18: must be true or false when given`)
  if (rule.fallback !== undefined && typeof rule.fallback !== 'boolean')
    problems.push(`${where}.fallback: must be true or false when given`)
  if (rule.about !== undefined && rule.about !== 'person') problems.push(`${where}.about: must be "person" when given`)
  const known = new Set([
    'id',
    'phrases',
    'except',
    'severity',
    'reason',
    'suggestions',
    'source',
    'context',
    'about',
    'fallback',
    'under18',
    'ages',
  ])
  for (const key of Object.keys(rule)) if (!known.has(key)) problems.push(`${where}.${key}: unknown field`)
  return problems
}

function patternsProblems(value: unknown, where: string, required: boolean, problems: string[]): void {
  if (!Array.isArray(value) || (required && value.length === 0)) {
    problems.push(`${where}: must be a list of patterns${required ? ' (at least one)' : ''}`)
    return
  }
  value.forEach((p, i) => {
    if (!isText(p)) {
      problems.push(`${where}[${i}]: must be text`)
      return
    }
    try {
      compilePattern(p)
    } catch (error) {
      if (!(error instanceof PatternError)) throw error
      problems.push(`${where}[${i}]: ${error.message}`)
    }
  })
}

function adviceProblems(advice: Record<string, unknown>, where: string, problems: string[]): void {
  if (!SEVERITIES.includes(advice.severity as never)) problems.push(`${where}.severity: must be high, medium or low`)
  if (!isText(advice.reason)) problems.push(`${where}.reason: say why the words are harmful`)
  const s = advice.suggestions
  if (!Array.isArray(s) || s.length === 0 || !s.every(isText))
    problems.push(`${where}.suggestions: give at least one suggestion, each as text`)
}
