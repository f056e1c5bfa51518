// Static files: GOV.UK Frontend's and MOJ Frontend's CSS, JavaScript, fonts and images, and ours.
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { join } from 'node:path'
import { sourcePath } from '../../config/paths.ts'
import { govukDist, mojRoot } from './views.ts'

export default fp(async (app) => {
  const cache = { maxAge: '1h' }
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk', 'assets'), prefix: '/assets/', ...cache })
  await app.register(fastifyStatic, {
    root: join(govukDist, 'govuk'),
    prefix: '/govuk/',
    decorateReply: false,
    allowedPath: (p) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(p),
    ...cache,
  })
  await app.register(fastifyStatic, {
    root: join(mojRoot, 'moj'),
    prefix: '/moj/',
    decorateReply: false,
    allowedPath: (p) => /^\/(moj-frontend\.min\.(css|js)|assets\/.*)$/.test(p),
    ...cache,
  })
  await app.register(fastifyStatic, {
    root: sourcePath('web', 'public'),
    prefix: '/public/',
    decorateReply: false,
    ...cache,
  })
})
