// The shipped default model: what a fresh installation links with from its first file, before it
// has records enough to estimate its own (docs/linkage-model.md gives the same table with reasons).
// m = P(level | the same person), u = P(level | two different people), per comparison level, in the
// order of comparisons.ts. Chosen from models trained by EM on generated UK-style people
// (generate.ts, three seeds) and set by hand where generated data says nothing true of agencies'
// records: identifiers (UPNs), placeholder dates of birth, phones that change, addresses that are old.
// The prior is one match in 10,000 random pairs (-13.3 bits). Term frequencies of names are counted
// from the records the installation holds when a link session opens (incremental.ts).
import { COMPARISONS } from './comparisons.ts'
import type { LinkageModel } from './model.ts'

/** [m, u] of each level, by comparison name, in the order of the comparison's levels. */
export const DEFAULT_LEVELS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  given_name: [
    [0.82, 0.0053], // exact (term-frequency adjusted)
    [0.05, 0.002], // nickname or first part
    [0.05, 0.0006], // jaro-winkler >= 0.92
    [0.015, 0.003], // phonetic
    [0.02, 0.0056], // jaro-winkler >= 0.8
    [0.01, 0.00001], // swapped with family name
    [0.02, 0.001], // initial
    [0.005, 0.0001], // other name
    [0.01, 0.98], // else
  ],
  family_name: [
    [0.8, 0.0026], // exact (term-frequency adjusted)
    [0.04, 0.0006], // double-barrelled part
    [0.06, 0.0006], // jaro-winkler >= 0.92
    [0.01, 0.0005], // phonetic
    [0.02, 0.00005], // other or previous name
    [0.01, 0.00001], // swapped with given name
    [0.015, 0.0064], // jaro-winkler >= 0.8
    [0.045, 0.99], // else: children's family names change (a parent's new partner)
  ],
  date_of_birth: [
    [0.8, 0.00012], // exact
    [0.04, 0.002], // exact, a placeholder date (1 January, 31 December): shared far more often
    [0.02, 0.00003], // day and month transposed
    [0.03, 0.0046], // partial date agrees to the month (or the 1st for a day not known)
    [0.04, 0.01], // partial date agrees to the year (or 1 January for a date not known)
    [0.05, 0.0017], // one digit wrong
    [0.02, 0.0027], // within a month
    [0.005, 0.018], // same year
    [0.015, 0.98], // else
  ],
  sex: [
    [0.98, 0.5],
    [0.02, 0.5],
  ],
  nhs_number: [
    [0.99, 0.0001], // exact
    [0.01, 1], // else: a newborn's record sometimes carries the mother's number
  ],
  identifier: [
    [0.95, 0.00002], // exact UPN
    [0.02, 0.00002], // one typo
    [0.03, 1], // else
  ],
  address: [
    // family names differ
    [0.5, 0.00003], // same address
    [0.1, 0.001], // same postcode or street
    [0.08, 0.005], // postcode sector or similar street
    [0.07, 0.023], // postcode district or town
    [0.25, 0.97], // else: agencies hold old addresses
    // family names agree: siblings share the address, so it says less
    [0.55, 0.14],
    [0.1, 0.01],
    [0.08, 0.005],
    [0.07, 0.02],
    [0.2, 0.825],
  ],
  phone: [
    [0.5, 0.00001], // exact, family names differ
    [0.5, 1], // else: phones change
    [0.5, 0.01], // exact, family names agree: a household's phone
    [0.5, 0.99],
  ],
}

export const DEFAULT_LAMBDA = 0.0001

export function defaultModel(): LinkageModel {
  return {
    version: 1,
    comparisons: COMPARISONS.map((c) => {
      const levels = DEFAULT_LEVELS[c.name]
      if (!levels || levels.length !== c.levels.length) throw new Error(`default model: levels of ${c.name}`)
      return { name: c.name, levels: c.levels.map((label, l) => ({ label, m: levels[l][0], u: levels[l][1] })) }
    }),
    lambda: DEFAULT_LAMBDA,
    termFrequencies: { given: { total: 0, counts: {} }, family: { total: 0, counts: {} } },
    trainedOn: { records: 0, candidatePairs: 0, emIterations: 0 },
  }
}
