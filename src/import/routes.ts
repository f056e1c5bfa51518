// POST /api/v1/records: agency systems send the format's objects as NDJSON or a JSON array.
// The same validation and the same write code as `threadline import`.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { actorOf, authenticated, sessionCsrf, viewerOf } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import { importRecords, ndjsonByteLines, ndjsonLines, NOT_UTF8, type InputLine } from './importer.ts'
import { ApiImportRefused, type OtherFormats } from './sources.ts'

/** The records API; `other` reads the formats agencies already produce (?from=, src/returns/). */
export const recordsApi =
  (other?: OtherFormats): FastifyPluginAsync<AppDeps> =>
  async (app, deps) => {
    // a return is taken as text and read by its own adapter, so that errors can name line and element
    if (other)
      app.addContentTypeParser(
        other.contentTypes.filter((t) => t !== 'application/json'),
        { parseAs: 'string' },
        (_req, body, done) => done(null, body),
      )
    await routes(app, { ...deps, other })
  }

/** The records API's OpenAPI description: its query and its answers. */
const SEND_RECORDS_SCHEMA = {
  tags: ['records'],
  summary: 'Send agency records (docs/import-format.md) as NDJSON (application/x-ndjson) or a JSON array',
  querystring: {
    type: 'object',
    properties: {
      skip_invalid: { type: 'boolean', default: false },
      from: {
        type: 'string',
        description:
          'another format: cin-census (application/xml), ssda903 (text/csv, one table per request, or application/xml), fhir (application/fhir+json)',
      },
      table: { type: 'string', description: 'with from=ssda903 and a CSV body: the table (Header, Episodes...)' },
      check: { type: 'boolean', default: false, description: 'with from: validate and count; store nothing' },
    },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: true,
      properties: {
        created: { type: 'integer' },
        updated: { type: 'integer' },
        unchanged: { type: 'integer' },
        withdrawn: { type: 'integer' },
        rejected: { type: 'integer' },
        errors: { type: 'array', items: { type: 'object', additionalProperties: true } },
        dangling: { type: 'array', items: { type: 'string' } },
      },
    },
    400: {
      type: 'object',
      properties: {
        statusCode: { type: 'integer' },
        error: { type: 'string' },
        message: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              line: { type: 'integer' },
              path: { type: ['string', 'null'] },
              field: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
}

const routes: FastifyPluginAsync<AppDeps & { other?: OtherFormats }> = async (app, { database, other }) => {
  acceptBodiesAsBytes(app)

  app.post(
    '/api/v1/records',
    {
      preHandler: [authenticated, sessionCsrf(app)],
      schema: SEND_RECORDS_SCHEMA,
    },
    async (request) => {
      const viewer = viewerOf(request)
      if (viewer.kind === 'user' && !doesCasework(viewer.roles))
        throw new HttpError(403, 'Your role does not send agency records.')
      // a person may send records for their own agency only, like a token
      const agency = viewer.agency
      const query = request.query as { skip_invalid?: boolean; from?: string; table?: string; check?: boolean }
      const skipInvalid = query.skip_invalid === true
      if (query.from !== undefined) return importFrom(other, query, request, agency, database.db)
      const lines = toLines(request.body)
      const actor = actorOf(request)
      const result = await importRecords(database.db, lines, {
        channel: 'api',
        onlyAgency: agency,
        defaultAgency: agency,
        skipInvalid,
        actor,
        receivedAt: now(),
        tokenId: actor.kind === 'token' ? actor.tokenId : undefined,
      })
      const errors = result.rejects.flatMap((r) =>
        r.errors.map((e) => ({ line: r.line, field: e.field, message: e.message })),
      )
      if (result.rolledBack) {
        throw new HttpError(
          400,
          `${result.rejected} record(s) rejected, so none were stored. Correct them and send again, or send with ?skip_invalid=true to store the valid ones.`,
          errors,
        )
      }
      return {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        withdrawn: result.withdrawn,
        rejected: result.rejected,
        errors,
        dangling: result.dangling,
      }
    },
  )
}

/**
 * The body is taken as text and split here, so that errors can name their line (as bytes, so that a
 * line that is not UTF-8 is refused with its number, never stored changed).
 */
function acceptBodiesAsBytes(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson', 'text/plain'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  )
  // a JSON array likewise: bytes that are not UTF-8 refuse the request, never read as U+FFFD
  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body as Buffer)
    } catch {
      return done(new HttpError(400, `The body ${NOT_UTF8.message}.`), undefined)
    }
    json(request, text, done)
  })
}

async function importFrom(
  other: OtherFormats | undefined,
  query: { skip_invalid?: boolean; from?: string; table?: string; check?: boolean },
  request: FastifyRequest,
  agency: string,
  db: Db,
): Promise<Record<string, unknown>> {
  const from = query.from ?? ''
  if (!other || !other.names.includes(from))
    throw new HttpError(400, `from "${from}" is not a format Threadline reads (${other?.names.join(', ') ?? ''})`)
  if (typeof request.body !== 'string')
    throw new HttpError(400, `from=${from}: send the return itself as the body, with its own Content-Type`)
  const actor = request.actor
  if (!actor) throw new HttpError(401, 'Send an API token or sign in.')
  try {
    return await other.api(db, {
      from,
      table: query.table,
      contentType: String(request.headers['content-type'] ?? ''),
      body: request.body,
      agency,
      skipInvalid: query.skip_invalid === true,
      check: query.check === true,
      actor,
      receivedAt: now(),
      tokenId: actor.kind === 'token' ? actor.tokenId : undefined,
    })
  } catch (error) {
    if (error instanceof ApiImportRefused) throw new HttpError(400, error.message, error.errors)
    throw error
  }
}

function toLines(body: unknown): InputLine[] {
  if (Buffer.isBuffer(body)) return [...ndjsonByteLines(body)]
  if (typeof body === 'string') return [...ndjsonLines(body)]
  if (Array.isArray(body)) return body.map((value, i) => ({ line: i + 1, text: asText(value), value }))
  if (body && typeof body === 'object') return [{ line: 1, text: asText(body), value: body }]
  throw new HttpError(
    400,
    'Send records as NDJSON (Content-Type: application/x-ndjson) or a JSON array (application/json).',
  )
}

/** An element of a JSON array as text (for the rejects list); one nested too deeply to write is refused by the limits anyway. */
function asText(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return '(not shown: nested too deeply to write out)'
  }
}

export default recordsApi()
