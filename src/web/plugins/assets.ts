// Static files: GOV.UK Frontend's and MOJ Frontend's CSS, JavaScript, fonts and images, and ours.
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { govukDist, mojRoot } from './views.ts'

const here = dirname(fileURLToPath(import.meta.url))

export default fp(async (app) => {
  const cache = { maxAge: '1h' }
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk', 'assets'), prefix: '/assets/', ...cache })
  await app.register(fastifyStatic, { root: join(govukDist, 'govuk'), prefix: '/govuk/', decorateReply: false, allowedPath: (p) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(p), ...cache })
  await app.register(fastifyStatic, { root: join(mojRoot, 'moj'), prefix: '/moj/', decorateReply: false, allowedPath: (p) => /^\/(moj-frontend\.min\.(css|js)|assets\/.*)$/.test(p), ...cache })
  await app.register(fastifyStatic, { root: join(here, '..', 'public'), prefix: '/public/', decorateReply: false, ...cache })
})
