// What went wrong, in words a person can read: an Error's message, or the message an error-like object
// carries (PGlite and Emscripten throw plain objects with one), else the value shown as it is — never
// "[object Object]".
import { inspect } from 'node:util'

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  if (typeof error === 'string') return error
  if (error === null || error === undefined) return 'no reason given'
  if (typeof error === 'object') {
    const { message, name, status } = error as { message?: unknown; name?: unknown; status?: unknown }
    if (typeof message === 'string' && message !== '') return message
    if (typeof name === 'string' && status !== undefined) return `${name} ${String(status)}`
  }
  return inspect(error, { depth: 2, breakLength: Infinity })
}
