// The JSON API for people: search, identity and linked records, chronology. Agency systems (token)
// and signed-in people (session) get exactly what the pages would show them.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { actorOf, authenticated, viewerOf } from '../web/guards.ts'
import { forbidden, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { canFindPeople } from '../access/visibility.ts'
import { searchPeople } from './people.ts'
import { Forbidden, NotFound, viewPersonRecord } from './record-view.ts'
import { chronologyFilter, type FilterQuery } from './filters.ts'
import { formatLondon } from '../config/clock.ts'
import { EVENT_KINDS } from '../records/types.ts'

const errorBody = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
}
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } }
const personSummary = {
  type: 'object',
  properties: {
    child_id: { type: 'integer' },
    given_name: { type: 'string', nullable: true },
    family_name: { type: 'string', nullable: true },
    date_of_birth: { type: 'string', nullable: true },
    agencies: { type: 'array', items: { type: 'string' } },
    source_records: { type: 'array', items: { type: 'string' } },
  },
}

const searchSchema = {
  tags: ['people'],
  summary: 'Find children and other people by name, date of birth, NHS number or agency reference',
  querystring: {
    type: 'object',
    required: ['q'],
    properties: { q: { type: 'string', minLength: 1, maxLength: 200 } },
  },
  response: {
    200: { type: 'object', properties: { results: { type: 'array', items: personSummary } } },
    401: errorBody,
    403: errorBody,
  },
}

const identitySchema = {
  tags: ['people'],
  summary: "A person's identity and the agency records linked into them",
  params: idParams,
  response: { 401: errorBody, 403: errorBody, 404: errorBody },
}

const chronologySchema = {
  tags: ['people'],
  summary:
    "A person's chronology across agencies, newest first; as_of shows only what had been recorded by the end of that day",
  params: idParams,
  querystring: {
    type: 'object',
    properties: {
      as_of: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      from: { type: 'string' },
      to: { type: 'string' },
      agency: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      kind: {
        anyOf: [
          { type: 'string', enum: [...EVENT_KINDS] },
          { type: 'array', items: { type: 'string', enum: [...EVENT_KINDS] } },
        ],
      },
    },
  },
  response: { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
}

const api: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get<{ Querystring: { q: string } }>(
    '/api/v1/children',
    {
      preHandler: authenticated,
      schema: searchSchema,
    },
    async (request) => {
      if (!canFindPeople(viewerOf(request))) throw forbidden("This role does not see children's records.")
      const at = now()
      const { hits } = await searchPeople(db, request.query.q, at)
      await audit(
        db,
        actorOf(request),
        {
          action: 'search',
          details: {
            query: request.query.q.slice(0, 200),
            results: hits.length,
            channel: 'api',
            children: hits.map((h) => h.person_id),
          },
        },
        at,
      )
      return { results: hits.map(({ person_id, similarity: _s, ...rest }) => ({ child_id: person_id, ...rest })) }
    },
  )

  app.get<{ Params: { id: number } }>(
    '/api/v1/children/:id',
    {
      preHandler: authenticated,
      schema: identitySchema,
    },
    async (request) => {
      const at = now()
      const record = await load(db, viewerOf(request), actorOf(request), request.params.id, { at }, at, false)
      const { events: _e, reach, ...identity } = record
      return {
        ...identity,
        child_id: record.person_id,
        reach: reach.level,
        records: record.records.map((r) => ({
          ...r,
          recorded_at: formatLondon(r.recorded_at),
          link: { ...r.link, linked_at: formatLondon(r.link.linked_at) },
        })),
      }
    },
  )

  app.get<{ Params: { id: number }; Querystring: FilterQuery }>(
    '/api/v1/children/:id/chronology',
    {
      preHandler: authenticated,
      schema: chronologySchema,
    },
    async (request) => {
      const at = now()
      const record = await load(
        db,
        viewerOf(request),
        actorOf(request),
        request.params.id,
        chronologyFilter(request.query, at),
        at,
        true,
        false,
      )
      return {
        child_id: record.person_id,
        reach: record.reach.level,
        hidden_events: record.hidden_events,
        source_records: record.source_records,
        events: record.events.map(apiEvent),
      }
    },
  )
}

type ApiEvent = Awaited<ReturnType<typeof viewPersonRecord>>['events'][number]

/** An event as the API gives it: its source reference, times in London, and who to ask when restricted. */
function apiEvent(e: ApiEvent) {
  return {
    event_source: `${e.agency_code}:${e.source_id}`,
    agency: e.agency_code,
    kind: e.kind,
    view: e.view,
    restricted: e.restricted,
    occurred_at: formatLondon(e.occurred_at),
    ended_at: formatLondon(e.ended_at),
    recorded_at: formatLondon(e.recorded_at),
    summary: e.summary,
    details: e.details,
    outcome: e.outcome,
    rationale: e.rationale,
    recorded_by: e.recorded_by,
    indicators: e.indicators,
    involves: e.involves,
    version: e.version,
    ask: e.view === 'restricted' ? (e.agency_contact ?? e.agency_name) : undefined,
  }
}

/** The person's record as the viewer may see it (its view audited), or the API's 404 or 403. */
async function load(
  db: Db,
  viewer: NonNullable<import('fastify').FastifyRequest['viewer']>,
  actor: NonNullable<import('fastify').FastifyRequest['actor']>,
  id: number,
  filter: Parameters<typeof viewPersonRecord>[4],
  at: Date,
  withEvents: boolean,
  withAgencies = true,
) {
  try {
    return await viewPersonRecord(db, viewer, actor, id, filter, at, {
      withEvents,
      withAgencies,
      withLanguage: false,
    })
  } catch (error) {
    if (error instanceof NotFound) throw notFound(`no person ${id}`)
    if (error instanceof Forbidden) throw forbidden("This role does not see children's records.")
    throw error
  }
}

export default api
