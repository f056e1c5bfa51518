// The one domain error type is mapped to HTTP once, here: every kind of refusal, thrown anywhere
// below a route, answers with its code's status and its own message, as JSON to the API and as the
// error page to a browser; anything else is a 500 that shows no detail.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import errors from './errors.ts'
import { DomainError, errorKind, type ErrorCode } from '../../errors/domain-error.ts'
import { HttpError, STATUS } from '../http-error.ts'

class NoSuchThing extends errorKind('not_found') {}

async function appThrowing(error: Error) {
  const app = Fastify({ logger: false })
  // the real page renderer needs the views; the mapping is what is under test
  app.decorateReply('render', function (this: import('fastify').FastifyReply, template: string, context = {}) {
    return this.type('text/html').send(JSON.stringify({ template, ...context }))
  })
  await app.register(errors)
  const fail = async () => {
    throw error
  }
  app.get('/api/thing', fail)
  app.get('/thing', fail)
  return app
}

test('each code answers with its status and message, to the API and to a page', async () => {
  const codes = Object.keys(STATUS) as ErrorCode[]
  for (const code of codes) {
    const app = await appThrowing(new DomainError(code, `refused as ${code}`, [{ field: 'x', message: 'y' }]))
    const api = await app.inject({ url: '/api/thing' })
    assert.equal(api.statusCode, STATUS[code], code)
    assert.equal(api.json().message, `refused as ${code}`)
    assert.deepEqual(api.json().errors, [{ field: 'x', message: 'y' }])
    const page = await app.inject({ url: '/thing', headers: { accept: 'text/html' } })
    assert.equal(page.statusCode, STATUS[code])
    assert.equal(JSON.parse(page.body).template, 'error.njk')
    assert.equal(JSON.parse(page.body).message, `refused as ${code}`)
    await app.close()
  }
})

test('a named kind keeps its class and its code; a status given by a route is the same error', async () => {
  const app = await appThrowing(new NoSuchThing('There is no such thing.'))
  const res = await app.inject({ url: '/api/thing' })
  assert.deepEqual([res.statusCode, res.json().message], [404, 'There is no such thing.'])
  await app.close()
  const byStatus = new HttpError(409, 'changed')
  assert.ok(byStatus instanceof DomainError)
  assert.deepEqual([byStatus.code, byStatus.statusCode], ['conflict', 409])
  assert.throws(() => new HttpError(418, 'a teapot'), /HTTP 418 is not a status/)
})

test('anything that is not a domain error is a 500 that says nothing of what failed', async () => {
  const app = await appThrowing(new TypeError('secret internals at store.ts:12'))
  const res = await app.inject({ url: '/api/thing' })
  assert.equal(res.statusCode, 500)
  assert.doesNotMatch(res.body, /secret internals/)
  await app.close()
})
