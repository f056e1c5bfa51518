// The web edge's view of the one domain error type (errors/domain-error.ts): the HTTP status each
// code answers with, in one table. Route files may still say a status (`new HttpError(409, ...)`),
// which is only a domain error with the code that status stands for.
import { DomainError, type ErrorCode } from '../errors/domain-error.ts'

export { badRequest, forbidden, notFound, conflict } from '../errors/domain-error.ts'

export const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  not_signed_in: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
}

const CODE_OF_STATUS = new Map(Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]))

export class HttpError extends DomainError {
  constructor(statusCode: number, message: string, details?: unknown) {
    const code = CODE_OF_STATUS.get(statusCode)
    if (!code) throw new Error(`HTTP ${statusCode} is not a status any domain error answers with`)
    super(code, message, details)
  }

  get statusCode(): number {
    return STATUS[this.code]
  }
}
