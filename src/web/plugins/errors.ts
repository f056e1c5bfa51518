// Errors at the edge: pages get an accessible GOV.UK error page, the API gets JSON; neither ever
// shows a stack trace. Unexpected errors are logged in full with the request id.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../errors/domain-error.ts'
import { STATUS } from '../http-error.ts'

const TITLES: Record<number, string> = {
  400: 'There is a problem with what was sent',
  401: 'You need to sign in',
  403: 'You do not have permission to see this',
  404: 'Page not found',
  413: 'What was sent is too large',
  409: 'This has changed since you opened it',
  429: 'Too many requests',
  500: 'Sorry, there is a problem with the service',
  503: 'This service is not available at the moment',
}

export default fp(async (app) => {
  app.setNotFoundHandler((request, reply) =>
    respond(
      request,
      reply,
      404,
      'There is no page at this address. Check it is correct, or find a person from the home page.',
    ),
  )
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    // every refusal the domain makes, whatever its kind, answers with its code's status
    if (error instanceof DomainError) return respond(request, reply, STATUS[error.code], error.message, error.details)
    const fe = error as FastifyError
    if (fe.validation)
      return respond(
        request,
        reply,
        400,
        `${fe.message}`,
        fe.validation.map((v) => ({ field: v.instancePath || v.params?.missingProperty || '', message: v.message })),
      )
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return respond(
        request,
        reply,
        413,
        'The request body is larger than this service accepts. Send the records in smaller parts.',
      )
    if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET')
      return respond(
        request,
        reply,
        403,
        'This form has expired or did not come from this service. Go back, reload the page and try again.',
      )
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return respond(request, reply, fe.statusCode, fe.message)
    request.log.error({ err: error }, 'unexpected error')
    return respond(
      request,
      reply,
      500,
      'Try again later. If it keeps happening, tell your service desk the time it happened.',
    )
  })
})

function respond(request: FastifyRequest, reply: FastifyReply, status: number, message: string, details?: unknown) {
  reply.code(status)
  if (
    request.url.startsWith('/api/') ||
    (!(request.headers.accept ?? '').includes('text/html') && request.method !== 'GET')
  ) {
    return reply
      .type('application/json')
      .send({ statusCode: status, error: TITLES[status] ?? 'Error', message, ...(details ? { errors: details } : {}) })
  }
  return reply.render('error.njk', { status, title: TITLES[status] ?? 'Error', message })
}
