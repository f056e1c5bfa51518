// Pages for the Philomena profile: read it, keep it (with a photograph, JPEG or PNG checked by its
// bytes), its photograph alone and a printable copy for the police when the child is missing. Who may
// read and keep it is access.ts (page-data.ts profileAccess); every view, print and change is audited.
import { readFileSync } from 'node:fs'
import { sourcePath } from '../config/paths.ts'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { badRequest, forbidden, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { summaries } from '../people/people.ts'
import { childFor } from '../people/child-in-reach.ts'
import { FormErrors, checkLengths, type Form } from '../web/forms.ts'
import { PROFILE_TEXT, text } from './page-input.ts'
import { photoOf, PROFILE_FIELDS, ProfileConflict, saveProfile } from './store.ts'
import { imageType } from './access.ts'
import { historyFor, profileAccess } from './page-data.ts'

const PRINT_CSS = readFileSync(sourcePath('missing', 'views', 'missing-print.css'), 'utf8')

type ProfileRequest = FastifyRequest<{ Params: { id: string } }>
type ProfileSent = FastifyRequest<{ Params: { id: string }; Body: Record<string, unknown> }>
type Photo = { data: Buffer; type: 'image/jpeg' | 'image/png'; taken: string | null }

/** The child, and whether this person may read and keep their profile (and the profile). */
async function profileContext(db: Db, request: FastifyRequest, id: string) {
  const at = now()
  const kid = await childFor(db, viewerOf(request), Number(id), at)
  const access = await profileAccess(db, userOf(request), kid.reach, kid.id, at)
  return { at, kid, ...access }
}

/** The photograph sent with the form, if any: a JPEG or PNG by its bytes and its stated type (else 400). */
function photoSent(body: Record<string, unknown>): Photo | null {
  const upload = body.photo as { data?: Buffer; mimetype?: string } | undefined
  if (!upload?.data || upload.data.length === 0) return null
  const type = imageType(upload.data)
  if (!type || (upload.mimetype !== 'image/jpeg' && upload.mimetype !== 'image/png'))
    throw badRequest('The photograph must be a JPEG or PNG image.')
  return { data: upload.data, type, taken: text(body.photo_taken) ?? null }
}

/** The profile's text fields as typed (the multipart body holds the photograph beside them). */
function typedText(body: Record<string, unknown>): Form {
  return Object.fromEntries(
    Object.keys(PROFILE_TEXT).map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : undefined]),
  )
}

/** The profile page. */
async function profilePage(db: Db, request: ProfileRequest, reply: FastifyReply) {
  const c = await profileContext(db, request, request.params.id)
  if (!c.mayOpen)
    throw forbidden(
      "The Philomena profile is shared with those who see this child's whole record, the agency that keeps it, and the police while the child is missing.",
    )
  const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
  await audit(
    db,
    actorOf(request),
    { action: 'view_philomena_profile', entityId: c.kid.id, details: { via: 'profile_page', profile: !!c.profile } },
    c.at,
  )
  return reply.render('missing-philomena.njk', { ...c, history, fields: PROFILE_FIELDS })
}

/** The profile saved; when someone saved it after the page was opened, both versions to compare (409). */
async function saveProfilePage(db: Db, request: ProfileSent, reply: FastifyReply) {
  const c = await profileContext(db, request, request.params.id)
  if (!c.mayEdit)
    throw forbidden("Carers and social workers who may see this child's record keep the Philomena profile.")
  const body = request.body ?? {}
  const photo = photoSent(body)
  const versionText = text(body.version) ?? ''
  // a version is a small counter: anything else was not sent by the form (nor could the database hold it)
  if (versionText && !/^\d{1,9}$/.test(versionText))
    throw badRequest('The form was not sent whole: open the profile again.')
  const typed = typedText(body)
  const errors = new FormErrors()
  checkLengths(typed, PROFILE_TEXT, errors)
  if (errors.any) {
    // what was typed goes back into the form (a photograph chosen must be chosen again)
    const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
    return reply
      .code(400)
      .render('missing-philomena.njk', { ...c, history, fields: PROFILE_FIELDS, form: typed, errors: errors.view() })
  }
  const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, text(body[f]) ?? null]))
  try {
    const version = versionText ? Number(versionText) : null
    await saveProfile(db, actorOf(request), userOf(request), c.kid.id, fields, photo, version, c.at)
  } catch (error) {
    if (!(error instanceof ProfileConflict)) throw error
    // both versions: theirs as saved (shown above the form), yours kept in the form to compare and save again
    const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
    return reply.code(409).render('missing-philomena.njk', {
      ...c,
      profile: error.current,
      history,
      fields: PROFILE_FIELDS,
      yours: fields,
      // about the version the form was opened from (no box of its own to mark); the link goes to the form
      errors: new FormErrors()
        .add(
          'version',
          `${error.current?.updated_by_name ?? 'Someone'} saved this profile after you opened it. Their version is shown; yours is in the form below. Compare them, then save again.`,
          '#description',
        )
        .view(),
    })
  }
  return reply.redirect(`/people/${c.kid.id}/philomena`)
}

/** The profile's photograph. */
async function photoPage(db: Db, request: ProfileRequest, reply: FastifyReply) {
  const c = await profileContext(db, request, request.params.id)
  if (!c.mayView) throw forbidden('The Philomena profile is not shared with you.')
  const photo = await photoOf(db, c.kid.id)
  if (!photo) throw notFound('There is no photograph.')
  await audit(db, actorOf(request), { action: 'view_philomena_photo', entityId: c.kid.id }, c.at)
  return reply
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .type(photo.type)
    .send(photo.photo)
}

/** The profile to print. */
async function printPage(db: Db, request: ProfileRequest, reply: FastifyReply) {
  const c = await profileContext(db, request, request.params.id)
  if (!c.mayView) throw forbidden('The Philomena profile is not shared with you.')
  const { history } = await historyFor(db, viewerOf(request), c.kid.reach, c.kid.id, c.at)
  const records = (await summaries(db, [c.kid.id], c.at)).get(c.kid.id)
  await audit(db, actorOf(request), { action: 'print_philomena_profile', entityId: c.kid.id }, c.at)
  return reply
    .header('cache-control', 'private, no-store')
    .render('missing-philomena-print.njk', { ...c, history, person: records, printedAt: c.at })
}

const profileRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get<{ Params: { id: string } }>('/people/:id/philomena', { preHandler: signedIn }, (request, reply) =>
    profilePage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/people/:id/philomena',
    { preHandler: [signedIn, app.csrfProtection] },
    (request, reply) => saveProfilePage(db, request, reply),
  )

  app.get<{ Params: { id: string } }>('/people/:id/philomena/photo', { preHandler: signedIn }, (request, reply) =>
    photoPage(db, request, reply),
  )

  app.get<{ Params: { id: string } }>('/people/:id/philomena/print', { preHandler: signedIn }, (request, reply) =>
    printPage(db, request, reply),
  )

  app.get('/missing/print.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_CSS),
  )
}

export default profileRoutes
