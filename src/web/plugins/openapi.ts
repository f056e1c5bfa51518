// The API's OpenAPI document, built from the routes' own JSON Schemas, at /api/openapi.json.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'

export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Threadline API',
        version: '1.0.0',
        description: 'Agency records in; people and chronologies out, with the same visibility rules as the pages.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'tl_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    hideUntagged: true,
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
})
