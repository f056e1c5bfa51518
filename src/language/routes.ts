// Language in the product: the check as professionals type (a JSON endpoint the page script calls)
// and the partnership's figures (numbers only). The chronology's findings on imported records are
// filled by chronology.ts inside the person record view; the check on saving is storage.ts.
import './import-hook.ts'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { authenticated, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden } from '../web/http-error.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import { checkText } from './check.ts'
import { DateInputError } from './age.ts'
import { LEXICON_VERSION, SHIPPED_LEXICON } from './lexicon.ts'
import { importedCounts, languageCounts, takePendingFindings } from './storage.ts'
import type { PersonPanel } from '../people/panels.ts'
import { partnershipFigures, type PartnershipFigures } from './figures.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'
import { usableDob } from './chronology.ts'

// Without JavaScript the check happens on saving; the forms go back to the child's page, which shows
// the findings on what this professional has just saved, once, at the top
export const languageSavedPanel: PersonPanel = {
  id: 'language-saved',
  // the forms go back to the page of what was saved (risk, missing, working together...): on each
  page: 'every',
  template: 'language-saved-panel.njk',
  order: 1,
  load: async (ctx) => {
    const findings = await takePendingFindings(ctx.db, ctx.user.id, ctx.record.person_id)
    return findings.length ? { findings } : null
  },
}

export const languageNavigation: NavigationItem[] = [
  {
    href: '/partnership/language',
    text: 'Language',
    roles: ['partnership', 'manager', 'mash'],
    order: 60,
    section: 'partnership',
  },
]

type Written = PartnershipFigures['written'][number]
type Imported = PartnershipFigures['imported'][number]
const WRITTEN_COLUMNS: SortColumns<Written> = {
  month: { compare: byText((r) => r.month), natural: 'descending' },
  agency: { compare: byText((r) => r.agency_name) },
  context: { compare: byText((r) => r.context) },
  rule: { compare: byText((r) => r.rule) },
  found: { compare: byValue((r) => r.fired), natural: 'descending' },
  taken: { compare: byValue((r) => r.accepted), natural: 'descending' },
}
const IMPORTED_COLUMNS: SortColumns<Imported> = {
  month: { compare: byText((r) => r.month), natural: 'descending' },
  agency: { compare: byText((r) => r.agency_name) },
  rule: { compare: byText((r) => r.rule) },
  found: { compare: byValue((r) => r.fired), natural: 'descending' },
}

/**
 * The page's two long lists, each sorted and paged by its own keys (`written-sort`, `imported-page`...), the
 * months asked kept in their links; unsorted, newest month first.
 */
export function languageLists(figures: Pick<PartnershipFigures, 'written' | 'imported'>, q: Query) {
  const path = '/partnership/language'
  return {
    writtenList: listView(figures.written, q, { path, columns: WRITTEN_COLUMNS, prefix: 'written-' }),
    importedList: listView(figures.imported, q, { path, columns: IMPORTED_COLUMNS, prefix: 'imported-' }),
  }
}

/** The longest text checked in one call (a long assessment); longer is refused, not cut. */
export const MAX_CHECK_CHARS = 50_000

const errorBody = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
}
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
const finding = {
  type: 'object',
  required: ['start', 'end', 'phrase', 'rule', 'severity', 'reason', 'suggestions', 'source'],
  properties: {
    start: { type: 'integer', description: 'offset of the first character (UTF-16 code units, as JavaScript strings)' },
    end: { type: 'integer', description: 'offset after the last character' },
    phrase: { type: 'string' },
    rule: { type: 'string' },
    severity: { type: 'string', enum: ['high', 'medium', 'low'] },
    reason: { type: 'string' },
    suggestions: { type: 'array', items: { type: 'string' } },
    source: { type: 'string' },
  },
}

interface CheckBody {
  text: string
  child_dob?: string
  date?: string
}

/** Signed-in casework users only: an agency's token has no business typing notes here. */
async function caseworker(request: FastifyRequest) {
  if (viewerOf(request).kind !== 'user' || !request.user)
    throw forbidden('Sign in to check text: the check is for professionals writing in Threadline.')
  if (!doesCasework(request.user.roles)) throw forbidden('Your role does not write about children.')
}

/** The check API's OpenAPI description. */
const CHECK_SCHEMA = {
  tags: ['language'],
  summary: 'Check text for victim-blaming language as a professional writes it (nothing is stored)',
  description:
    "For signed-in professionals (session cookie and the page's CSRF token in the `csrf-token` header). Returns each finding with its span, reason and suggested wording; it never changes the text.",
  security: [{ session: [] }],
  headers: {
    type: 'object',
    properties: {
      'csrf-token': { type: 'string', description: 'the CSRF token of the page (its `_csrf` form field)' },
    },
  },
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: { type: 'string', maxLength: MAX_CHECK_CHARS }, child_dob: day, date: day },
  },
  response: {
    200: {
      type: 'object',
      properties: { lexicon_version: { type: 'string' }, findings: { type: 'array', items: finding } },
    },
    400: errorBody,
    401: errorBody,
    403: errorBody,
  },
}

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  // CSRF: the session cookie alone must not be enough, so the page's token is required in the
  // `csrf-token` header (a cross-site page cannot read it).
  app.post<{ Body: CheckBody }>(
    '/api/v1/language/check',
    {
      preHandler: [authenticated, caseworker, app.csrfProtection],
      schema: CHECK_SCHEMA,
    },
    async (request) => {
      const { text, child_dob, date } = request.body
      try {
        return { lexicon_version: LEXICON_VERSION, findings: checkText(text, { childDob: child_dob, date }) }
      } catch (error) {
        if (error instanceof DateInputError) throw badRequest(error.message)
        throw error
      }
    },
  )

  // A page to try wording before writing it into a record: checked as typed (with JavaScript) and
  // on pressing Check (without). Nothing is stored or counted: it is practice, not a record.
  app.get('/language/check', { preHandler: withRole('practitioner', 'manager', 'mash') }, async (_request, reply) => {
    return reply.render('language-check.njk', { text: '', childDob: '', date: '', findings: null })
  })

  app.post<{ Body: { text?: string; child_dob?: string; date?: string } }>(
    '/language/check',
    { preHandler: [withRole('practitioner', 'manager', 'mash'), app.csrfProtection] },
    async (request, reply) => {
      const text = String(request.body?.text ?? '').slice(0, MAX_CHECK_CHARS)
      const childDob = String(request.body?.child_dob ?? '').trim()
      const date = String(request.body?.date ?? '').trim()
      const errors: { text: string; href: string }[] = []
      if (childDob && !usableDob(childDob))
        errors.push({ text: 'Enter the date of birth as YYYY-MM-DD, or leave it empty', href: '#child_dob' })
      if (date && !usableDob(date))
        errors.push({ text: 'Enter the date as YYYY-MM-DD, or leave it empty', href: '#date' })
      let findings = null
      if (errors.length === 0) {
        try {
          findings = checkText(text, { childDob: childDob || undefined, date: date || undefined })
        } catch (error) {
          if (!(error instanceof DateInputError)) throw error
          errors.push({ text: error.message, href: '#child_dob' })
        }
      }
      return reply
        .code(errors.length ? 400 : 200)
        .render('language-check.njk', { text, childDob, date, findings, errors })
    },
  )

  app.get<{ Querystring: Query }>(
    '/partnership/language',
    { preHandler: withRole('partnership', 'manager', 'mash') },
    async (request, reply: FastifyReply) => {
      const month = /^\d{4}-\d{2}$/
      const from = month.test(request.query.from ?? '') ? request.query.from : undefined
      const to = month.test(request.query.to ?? '') ? request.query.to : undefined
      const [written, imported] = await Promise.all([languageCounts(db, { from, to }), importedCounts(db)])
      const inRange = imported.filter((r) => (!from || r.month >= from) && (!to || r.month <= to))
      const figures = partnershipFigures(written, inRange, SHIPPED_LEXICON)
      return reply.render('language-partnership.njk', {
        ...figures,
        ...languageLists(figures, request.query),
        from: from ?? '',
        to: to ?? '',
      })
    },
  )
}

export default routes
