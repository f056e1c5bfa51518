// What the product calls: check text on saving (and as it is typed), accept one suggestion.
export { checkText } from './check.ts'
export { applySuggestion, StaleFindingError } from './suggestion.ts'
export { SHIPPED_LEXICON, LEXICON_VERSION } from './lexicon.ts'
export { parseAreaRules, mergeAreaRules } from './area-rules.ts'
export { LexiconError } from './validate.ts'
export { DateInputError } from './age.ts'
export type { Finding, CheckOptions, Lexicon, Rule, AreaRuleFile, Severity } from './types.ts'
