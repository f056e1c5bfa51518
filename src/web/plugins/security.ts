// Security headers with a nonce-based Content Security Policy: no inline script runs without it.
// Every response but the static files is `Cache-Control: no-store`: pages and API answers carry
// children's data, which no browser history, shared computer's disk cache or proxy may keep.
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'

/** The static files (assets.ts): GOV.UK and MOJ Frontend's and ours, the same for everyone. */
const STATIC = /^\/(assets|govuk|moj|public)\//

export default fp(async (app) => {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  })
  app.addHook('onSend', async (request, reply) => {
    if (!STATIC.test(request.url)) reply.header('cache-control', 'no-store')
  })
})
