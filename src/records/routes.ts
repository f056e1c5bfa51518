// POST /api/v1/records: agency systems send the format's objects as NDJSON or a JSON array.
// The same validation and the same write code as `threadline import`.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { authenticated, sessionCsrf } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import { doesCasework } from '../access/roles.ts'
import { importRecords, ndjsonLines, type InputLine } from './importer.ts'

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  // the body is taken as text and split here, so that errors can name their line
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson', 'text/plain'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  )

  app.post(
    '/api/v1/records',
    {
      preHandler: [authenticated, sessionCsrf(app)],
      schema: {
        tags: ['records'],
        summary:
          'Send agency records (../shared/spec/agency-records.md) as NDJSON (application/x-ndjson) or a JSON array',
        querystring: { type: 'object', properties: { skip_invalid: { type: 'boolean', default: false } } },
        response: {
          200: {
            type: 'object',
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
                  properties: { line: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const viewer = request.viewer!
      if (viewer.kind === 'user' && !doesCasework(viewer.roles))
        throw new HttpError(403, 'Your role does not send agency records.')
      // a person may send records for their own agency only, like a token
      const agency = viewer.agency
      const skipInvalid = (request.query as { skip_invalid?: boolean }).skip_invalid === true
      const lines = toLines(request.body)
      const result = await importRecords(database.db, lines, {
        channel: 'api',
        onlyAgency: agency,
        defaultAgency: agency,
        skipInvalid,
        actor: request.actor!,
        receivedAt: now(),
        tokenId: request.actor!.kind === 'token' ? request.actor!.tokenId : undefined,
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

function toLines(body: unknown): InputLine[] {
  if (typeof body === 'string') return [...ndjsonLines(body)]
  if (Array.isArray(body)) return body.map((value, i) => ({ line: i + 1, text: JSON.stringify(value), value }))
  if (body && typeof body === 'object') return [{ line: 1, text: JSON.stringify(body), value: body }]
  throw new HttpError(
    400,
    'Send records as NDJSON (Content-Type: application/x-ndjson) or a JSON array (application/json).',
  )
}

export default routes
