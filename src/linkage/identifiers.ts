// The identifiers that tell two people apart: an NHS number, a UPN, a PNC id. Two records holding
// different ones of the same kind are two people, whatever their name and birthday (two children with
// one name and one birthday are common in a town, two NHS numbers for one child are not). The exact
// rules (exact-match.ts) and the model's session (incremental.ts) both ask here.
// Values are compared as stored: validation (records/validate.ts) keeps each in its normal form.

export interface PersonIdentifiers {
  nhs?: string | null
  upn?: string | null
  pnc?: string | null
}

const KINDS = ['nhs', 'upn', 'pnc'] as const

/** The record's identifiers, or null when it holds none. */
export function identifiersOf(values: PersonIdentifiers): PersonIdentifiers | null {
  const out: PersonIdentifiers = {}
  for (const kind of KINDS) if (values[kind]) out[kind] = values[kind]
  return Object.keys(out).length > 0 ? out : null
}

/** Whether `mine` holds an identifier of a kind that one of `theirs` also holds, but different. */
export function identifiersConflict(
  mine: PersonIdentifiers | null,
  theirs: Iterable<PersonIdentifiers | null | undefined>,
): boolean {
  return anyKind(mine, theirs, (a, b) => a !== b)
}

/** Whether `mine` shares an identifier (the same value of one kind) with one of `theirs`. */
export function identifiersShared(
  mine: PersonIdentifiers | null,
  theirs: Iterable<PersonIdentifiers | null | undefined>,
): boolean {
  return anyKind(mine, theirs, (a, b) => a === b)
}

/** Whether, for some kind both hold, `mine`'s value and one of `theirs`' pass the test. */
function anyKind(
  mine: PersonIdentifiers | null,
  theirs: Iterable<PersonIdentifiers | null | undefined>,
  test: (mine: string, theirs: string) => boolean,
): boolean {
  if (!mine) return false
  for (const other of theirs) {
    if (!other) continue
    for (const kind of KINDS) {
      const [a, b] = [mine[kind], other[kind]]
      if (a && b && test(a, b)) return true
    }
  }
  return false
}
