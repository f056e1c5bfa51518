// The codes of link analysis in words, in one place: the kinds of thing on a chart, the roles a link
// records, reliabilities. The chart's legend and labels, its accessible table and the networks pages all
// read them from here; the CLI and the CSV export keep the codes (docs/cli.md).
import { roleWeight } from './roles.ts'
import type { MemberKind } from './types.ts'

/** What a node of the chart is, in words ('online' is an online id, 'location' a place). */
export const KIND_WORDS: Readonly<Record<MemberKind, string>> = {
  person: 'person',
  vehicle: 'vehicle',
  phone: 'phone',
  online: 'online id',
  location: 'place',
}

const ROLE_WORDS: Readonly<Record<string, string>> = {
  suspect: 'suspect',
  victim: 'victim',
  witness: 'witness',
  associate: 'associate',
  family: 'family',
  professional: 'professional',
  found_at: 'found at',
  found_with: 'found with',
  claimed_partner: 'said to be a partner',
  peer: 'peer',
  subject: 'subject',
  linked: 'linked, no role recorded',
  restricted: 'restricted',
}

/** A recorded role ('found_at') in words ('found at'); an unknown code with its underscores as spaces. */
export function roleInWords(role: string | null | undefined): string {
  const code = role ?? 'linked'
  return ROLE_WORDS[code] ?? code.replace(/_/g, ' ')
}

/** A reliability ('not_recorded') in words. */
export const reliabilityInWords = (r: string | null | undefined) => (r ? r.replace(/_/g, ' ') : 'not recorded')

/** A kind of thing in words; an unknown code with its underscores as spaces. */
export const kindInWords = (kind: string) => KIND_WORDS[kind as MemberKind] ?? kind.replace(/_/g, ' ')

/**
 * A person or object the viewer may read nothing about, in words by its kind alone ('a phone on records you may
 * not read'): never its key or id, which would say what is restricted.
 */
export function restrictedLabel(kind: string): string {
  const words = kindInWords(kind)
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} on records you may not read`
}

/** How much a link's strongest role says: the chart draws a strong link thick, a weak one dotted. */
export type LinkStrength = 'strong' | 'ordinary' | 'weak'

export function strengthOf(roles: readonly string[]): LinkStrength {
  const w = Math.max(...roles.map((r) => roleWeight(r === 'linked' ? null : r)), 0)
  return w >= 2 ? 'strong' : w >= 1 ? 'ordinary' : 'weak'
}

/** The roles drawn at each strength, in words, for the legend. */
export function rolesOfStrength(strength: LinkStrength): string[] {
  return Object.keys(ROLE_WORDS)
    .filter((r) => r !== 'restricted' && strengthOf([r]) === strength)
    .map(roleInWords)
}

/** The legend of the chart: each kind of node and of line, in words (the page draws it as a list). */
export function chartLegend() {
  return {
    nodes: [
      { key: 'child', words: 'child' },
      { key: 'adult', words: 'adult' },
      { key: 'location', words: 'place' },
      { key: 'vehicle', words: 'vehicle' },
      { key: 'phone', words: 'phone' },
      { key: 'online', words: 'online id' },
      { key: 'restricted', words: 'links you may not see, summarised' },
    ],
    edges: [
      { key: 'strong', words: `thick line: ${rolesOfStrength('strong').join(', ')}` },
      { key: 'ordinary', words: `line: ${rolesOfStrength('ordinary').join(', ')}` },
      { key: 'weak', words: `dotted line: ${rolesOfStrength('weak').join(', ')}` },
      { key: 'restricted', words: 'dashed line: to the links you may not see' },
      { key: 'path', words: 'yellow: the shortest path asked for' },
    ],
  }
}
