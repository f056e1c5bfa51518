// The one error type of the domain: a refusal a person can act on, with a typed code saying what
// kind of refusal it is. Storage and rules throw it (or a named kind of it, made with `errorKind`);
// the web edge maps the code to an HTTP status once (web/plugins/errors.ts) and the command line to
// a message and exit code once (cli/main.ts). Nothing below the edge knows about HTTP.

/** What kind of refusal: the edge's mapping to a status is web/plugins/errors.ts's STATUS. */
export type ErrorCode =
  | 'invalid' // what was sent cannot be accepted as it is
  | 'not_signed_in'
  | 'forbidden' // the person may not do or see this
  | 'not_found'
  | 'conflict' // someone changed it since it was read, or it is in a state that forbids this
  | 'too_large'
  | 'too_many' // too many attempts in too short a time
  | 'unavailable' // a service this depends on is not there or busy

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level problems (which line, which field, what was expected), where there are any. */
    readonly details?: unknown,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/**
 * A named kind of domain error with a fixed code, so callers may still tell kinds apart:
 * `export class MeetingError extends errorKind('invalid') {}`.
 */
export function errorKind(code: ErrorCode) {
  return class extends DomainError {
    constructor(message: string, details?: unknown) {
      super(code, message, details)
    }
  }
}

export const badRequest = (message: string, details?: unknown) => new DomainError('invalid', message, details)
export const forbidden = (message = 'You do not have permission to see this.') => new DomainError('forbidden', message)
export const notFound = (message = 'Page not found') => new DomainError('not_found', message)
export const conflict = (message: string) => new DomainError('conflict', message)
export const notSignedIn = (message: string) => new DomainError('not_signed_in', message)
