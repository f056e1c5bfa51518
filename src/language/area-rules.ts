// An area's own rules, read from its rule file and merged over the shipped lexicon. A file with
// mistakes is refused whole, with every mistake named, rather than half applied.
import type { AreaRuleFile, Lexicon, Rule } from './types.ts'
import { LexiconError, ruleProblems } from './validate.ts'

/** Checks parsed JSON as an area rule file; throws LexiconError naming every problem. */
export function parseAreaRules(value: unknown): AreaRuleFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new LexiconError(['area rule file: must be a JSON object'])
  const file = value as Record<string, unknown>
  const problems: string[] = []
  if (typeof file.area !== 'string' || !file.area.trim()) problems.push('area: name the area the rules belong to')
  if (typeof file.version !== 'string' || !file.version.trim()) problems.push('version: give the rule file a version')
  if (file.rules !== undefined && !Array.isArray(file.rules)) problems.push('rules: must be a list')
  if (
    file.disable !== undefined &&
    (!Array.isArray(file.disable) || !file.disable.every((d) => typeof d === 'string'))
  ) {
    problems.push('disable: must be a list of rule ids')
  }
  if (file.rules === undefined && file.disable === undefined)
    problems.push('rules: the file adds no rules and disables none')
  for (const key of Object.keys(file))
    if (!['area', 'version', 'rules', 'disable'].includes(key)) problems.push(`${key}: unknown field`)
  if (Array.isArray(file.rules)) file.rules.forEach((rule, i) => problems.push(...ruleProblems(rule, `rules[${i}]`)))
  if (problems.length) throw new LexiconError(problems)
  return file as unknown as AreaRuleFile
}

/** The shipped lexicon with the area's rules added and its disabled rules removed. */
export function mergeAreaRules(shipped: Lexicon, area: AreaRuleFile): Lexicon {
  const problems: string[] = []
  const shippedIds = new Set(shipped.rules.map((r) => r.id))
  const disabled = new Set(area.disable ?? [])
  for (const id of disabled) if (!shippedIds.has(id)) problems.push(`disable: no shipped rule "${id}"`)
  const added: Rule[] = area.rules ?? []
  const addedIds = new Set<string>()
  added.forEach((rule, i) => {
    if (shippedIds.has(rule.id) && !disabled.has(rule.id))
      problems.push(`rules[${i}].id: "${rule.id}" is a shipped rule; choose another id or disable the shipped one`)
    if (addedIds.has(rule.id)) problems.push(`rules[${i}].id: "${rule.id}" is used twice`)
    addedIds.add(rule.id)
  })
  if (problems.length) throw new LexiconError(problems)
  return {
    version: `${shipped.version}+${area.area}.${area.version}`,
    rules: [...shipped.rules.filter((r) => !disabled.has(r.id)), ...added],
  }
}
