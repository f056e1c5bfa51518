// The one error type at the web edge: a status and a message a person can act on. Anything else
// that escapes a route is a bug, logged in full and shown as a plain 500 page.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details)
export const forbidden = (message = 'You do not have permission to see this.') => new HttpError(403, message)
export const notFound = (message = 'Page not found') => new HttpError(404, message)
