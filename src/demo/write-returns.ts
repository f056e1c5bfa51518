// `threadline demo --write-returns DIR`: the demo area's children's social care and health history
// as the returns and bundles their agencies already make, with every other agency's NDJSON beside
// them, so that a newcomer can try an import of each format. Files only; the database is not opened.
// The returns' layouts read here begin in 2015-16, so the demo area is generated over the ten years
// to 31 March 2025 (the same generator and seed as the loaded demo, whose records end in 2012).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_OPTIONS, generateArea } from './generate-area.ts'
import { writeReturns } from '../returns/write.ts'

export const DEMO_LA_NUMBER = '999'

export function writeDemoReturns(dir: string): string[] {
  const area = generateArea({ ...DEMO_OPTIONS, end: '2025-03-31', years: 10 })
  const out = writeReturns(area.objects as never, {
    csc: 'csc',
    laNumber: DEMO_LA_NUMBER,
    health: 'health',
    personOf: area.truth.personOf,
  })
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  for (const [name, text] of out.files) {
    writeFileSync(join(dir, name), text)
    written.push(name)
  }
  for (const agency of area.agencies) {
    if (agency.code === 'csc' || agency.code === 'health') continue
    const lines = area.objects.filter((o) => o.agency === agency.code).map((o) => JSON.stringify(o))
    writeFileSync(join(dir, `${agency.code}.ndjson`), lines.join('\n') + '\n')
    written.push(`${agency.code}.ndjson`)
  }
  const years = out.years
  const steps = [
    '# The demo area (fictional people) as its agencies would send it: social care as the DfE returns,',
    '# health as FHIR bundles, every other agency as NDJSON. Into an empty database:',
    'export THREADLINE_DEMO=0',
    `npx threadline agencies add csc --name "Calderbrook Children's Social Care" --kind childrens_social_care --la-number ${DEMO_LA_NUMBER}`,
    'npx threadline agencies add health --name "Calderbrook Health NHS Trust" --kind health',
    ...area.agencies
      .filter((a) => a.code !== 'csc' && a.code !== 'health')
      .map((a) => `npx threadline agencies add ${a.code} --name "${a.name}" --kind ${a.kind}`),
    `npx threadline import --from cin-census cin-census-*.xml --agency csc`,
    ...years
      .filter((y) => out.files.has(`ssda903-${y}-Header.csv`))
      .map((y) => `npx threadline import --from ssda903 ssda903-${y}-*.csv --agency csc`),
    'npx threadline import --from fhir fhir-*.json --agency health',
    `npx threadline import ${area.agencies
      .filter((a) => a.code !== 'csc' && a.code !== 'health')
      .map((a) => `${a.code}.ndjson`)
      .join(' ')}`,
  ]
  writeFileSync(join(dir, 'IMPORT.sh'), steps.join('\n') + '\n')
  written.push('IMPORT.sh')
  return written
}
