// Given-name short forms the name tables lack: a name cut short and given a pet ending ("Debs" for
// Deborah, "Ibby" for Ibrahim, "Abdi" for Abdullahi, "Danny" for Daniel). Families and schools make
// these from any name, in every community, so no table holds them all; the form is regular enough to
// read. Decision 0057.

/** The pet endings of a cut-short given name, longest first. */
const PET_ENDING = /(ie|ee|y|i|s|o)$/
/** Letters the cut-short name keeps at least ("Deb", "Abd"); two when a doubled letter marks the cut ("Ibb"). */
const STEM_LETTERS = 3

/**
 * Whether `short` is `long` cut short with a pet ending: without its ending (and a doubled last
 * letter made single: "Ibby" is "Ib-"), it starts `long`, which is at least two letters longer. A
 * name the nickname tables already know (`known`: Mary, Harry) is left to the tables: "Mary" is not
 * Margaret. Both are canonical names (lower case, accents dropped).
 */
export function cutShortForm(short: string, long: string, known: boolean): boolean {
  if (known || short.length >= long.length || short.includes('-') || long.includes('-')) return false
  const ending = PET_ENDING.exec(short)
  if (!ending) return false
  let stem = short.slice(0, short.length - ending[0].length)
  const doubled = stem.length >= 2 && stem[stem.length - 1] === stem[stem.length - 2]
  if (doubled) stem = stem.slice(0, -1)
  if (stem.length < (doubled ? STEM_LETTERS - 1 : STEM_LETTERS)) return false
  return long.length >= stem.length + 2 && long.startsWith(stem)
}
