// The formats this capability reads, by the name --from and ?from= take.
import type { ApiImportRequest } from '../import/sources.ts'
import { ApiImportRefused } from '../import/sources.ts'
import { cinCensus } from './cin/census.ts'
import { ssda903 } from './ssda903/ssda903.ts'
import { fhir } from './fhir/fhir.ts'
import type { ReturnFormat, ReturnInput } from './format.ts'
import { textInput } from './import.ts'

export const RETURN_FORMATS: readonly ReturnFormat[] = [cinCensus, ssda903, fhir]

export function formatNamed(name: string): ReturnFormat | undefined {
  return RETURN_FORMATS.find((f) => f.name === name)
}

const EXPECTED: Record<string, string[]> = {
  'cin-census': ['application/xml', 'text/xml'],
  ssda903: ['text/csv', 'application/xml', 'text/xml'],
  fhir: ['application/fhir+json', 'application/json'],
}

/** The body of one API request as the return's inputs (a CSV body is the one table `table` names). */
export function apiInputs(format: ReturnFormat, request: ApiImportRequest): ReturnInput[] {
  const type = request.contentType.split(';')[0].trim().toLowerCase()
  if (!EXPECTED[format.name].includes(type))
    throw new ApiImportRefused(
      `from=${format.name} takes Content-Type ${EXPECTED[format.name].join(' or ')}, not ${type || '(none)'}`,
    )
  if (type === 'text/csv') {
    if (!request.table)
      throw new ApiImportRefused('a CSV body is one table of the SSDA903: name it with ?table= (e.g. ?table=Episodes)')
    return [textInput(`${request.table}.csv`, request.body)]
  }
  return [textInput(format.name === 'fhir' ? 'bundle.json' : `${format.name}.xml`, request.body)]
}
