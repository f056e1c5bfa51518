// What every request may carry, checked once before any route's own code runs (issue 17):
// - each value of a web form and of the query string is text the import would take in its longest
//   field (records/limits.ts, `long`: at most TEXT_LIMITS.long.chars characters, no control
//   character such as a NUL byte, no broken Unicode), else 400 naming the field;
// - each route parameter that is a database id (every one but a place's `key`) is a whole number the
//   database can hold (1 to 2,147,483,647); a number outside that is no such thing, so 404, as an id
//   that is not a number at all; so does any parameter holding a control character. Bodies sent to the API as JSON or NDJSON are the import's to judge,
//   line by line (records/validate.ts), so are not looked at here.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { badRequest, notFound } from '../../errors/domain-error.ts'
import { TEXT_LIMITS, textProblem } from '../../records/limits.ts'

/** The longest value a form field or query-string value may hold, in characters. */
export const MAX_FORM_FIELD_CHARS = TEXT_LIMITS.long.chars
/** The largest id a record may have (PostgreSQL's integer). */
export const MAX_ID = 2_147_483_647
/** Route parameters that are text, not a database id. */
const TEXT_PARAMS = new Set(['key'])
const LOOKS_NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/** The first problem with the values sent, as `{ field, message }`; null when there is none. */
export function fieldProblem(values: unknown, where: 'form' | 'query'): { field: string; message: string } | null {
  if (!values || typeof values !== 'object') return null
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const nameProblem = textProblem(name, 'short')
    if (nameProblem) return { field: '(field name)', message: `A ${where} field's name ${nameProblem}.` }
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string') continue
      const problem = textProblem(text, 'long')
      if (problem)
        return {
          field: name,
          message: `The ${where === 'form' ? 'form field' : 'address (query) value'} "${name}" ${problem}. Change it and try again.`,
        }
    }
  }
  return null
}

/** Whether a route parameter's value cannot be the id of anything held. */
export function impossibleId(value: string): boolean {
  if (!LOOKS_NUMERIC.test(value)) return false // not a number: the route says there is no such thing
  const n = Number(value)
  return !Number.isInteger(n) || n < 1 || n > MAX_ID || !/^\d+$/.test(value)
}

function isForm(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
}

export default fp(async (app) => {
  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, string> | undefined
    if (params)
      for (const [name, value] of Object.entries(params))
        if (
          typeof value === 'string' &&
          ((!TEXT_PARAMS.has(name) && impossibleId(value)) || textProblem(value, 'short') !== null)
        )
          throw notFound('There is nothing at this address: the number in it is not one this service gives out.')
    const query = fieldProblem(request.query, 'query')
    if (query) throw badRequest(query.message, [query])
    if (isForm(request)) {
      const form = fieldProblem(request.body, 'form')
      if (form) throw badRequest(form.message, [form])
    }
  })
})
