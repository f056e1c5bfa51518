// Formats other than NDJSON that agencies already produce (src/returns/: the DfE's returns and FHIR).
// The import command and POST /api/v1/records hand such a file or body to the capability that reads
// it; that capability runs it through this folder's importer like any NDJSON.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { DomainError } from '../errors/domain-error.ts'

export interface ImportFromOptions {
  agency?: string
  skipInvalid?: boolean
  rejects?: string
  format?: string
  check?: boolean
  before?: string
}

export interface ApiImportRequest {
  from: string
  /** For a CSV body: which table of the return it is (one table per request). */
  table?: string
  contentType: string
  body: string
  agency: string
  skipInvalid: boolean
  check: boolean
  actor: Actor
  receivedAt: Date
  tokenId?: number
}

export interface OtherFormats {
  /** The names --from and ?from= accept. */
  names: readonly string[]
  /** The content types the API takes for them. */
  contentTypes: readonly string[]
  /** `threadline import --from NAME FILE...`: reads, imports, prints the rows and reports. */
  cli(from: string, files: string[], options: ImportFromOptions): Promise<void>
  /** `POST /api/v1/records?from=NAME`: the JSON answer, or an ApiImportRefused. */
  api(db: Db, request: ApiImportRequest): Promise<Record<string, unknown>>
}

/** A request the API answers with 400 and this message (and, when present, the rejected records). */
export class ApiImportRefused extends DomainError {
  constructor(
    message: string,
    readonly errors: Record<string, unknown>[] = [],
  ) {
    super('invalid', message, errors.length > 0 ? errors : undefined)
  }
}
