// The shipped default model and its bounds as the markdown tables of docs/linkage-model.md, so that
// the document can be checked against the code (model-doc.test.ts) and written again after a change:
//   node --import tsx src/linkage/model-doc.ts
import { defaultModel } from './default-model.ts'
import { bits, LAMBDA_BOUNDS, M_CEILINGS, M_EXACT_FLOORS } from './model.ts'
import { LOCAL_U_MIN_OBSERVED, LOCAL_U_MIN_RECORDS, LOCAL_U_PAIRS } from './train.ts'

export function defaultModelTables(): string {
  const model = defaultModel()
  const out: string[] = []
  for (const c of model.comparisons) {
    out.push(`### ${c.name}`, '', '| level | m | u | weight (bits) |', '|---|---|---|---|')
    for (const l of c.levels) out.push(`| ${l.label} | ${l.m} | ${l.u} | ${bits(l.m / l.u).toFixed(1)} |`)
    out.push('')
  }
  return out.join('\n')
}

export function boundsText(): string {
  const list = (r: Readonly<Record<string, number>>) =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  return [
    `- Ceilings (\`M_CEILINGS\`, the most m of a disagreement, "else", may be): ${list(M_CEILINGS)}.`,
    `- Floors (\`M_EXACT_FLOORS\`, the least m of an exact agreement may be): ${list(M_EXACT_FLOORS)}.`,
    `- The prior (\`LAMBDA_BOUNDS\`): ${LAMBDA_BOUNDS[0]} … ${LAMBDA_BOUNDS[1]}.`,
  ].join('\n')
}

/** How the home comparisons' u are read from the records held (train.ts withLocalHomeU). */
export function localUText(): string {
  return [
    `With at least ${LOCAL_U_MIN_RECORDS} records held (\`LOCAL_U_MIN_RECORDS\`), a link session replaces the default's u of`,
    `the address and the phone by how often ${LOCAL_U_PAIRS.toLocaleString('en-GB')} random pairs of those records (and a quarter as many`,
    `pairs of one family name, for the "family names agree" half) share each level (\`LOCAL_U_PAIRS\`); a half`,
    `(family names agree or differ) seen on fewer than ${LOCAL_U_MIN_OBSERVED} pairs keeps the default's u (\`LOCAL_U_MIN_OBSERVED\`).`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.stdout.write(`${defaultModelTables()}\n--- bounds ---\n${boundsText()}\n--- local u ---\n${localUText()}\n`)
