// The clock passed to the app (AppDeps.clock) is "now" for each request it serves: through a parsed
// body and the handler's awaits, in the plugins' hooks (a session's expiry), and apart from another
// app's clock serving at the same moment.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { buildApp } from './app.ts'
import { CAPABILITIES } from '../capabilities.ts'
import { loadConfig } from '../config/config.ts'
import { now } from '../config/clock.ts'
import type { Database } from '../db/database.ts'

/** The app with a route that answers with the "now" it reads, after an await. */
async function appWithProbe(database: Database, clock: TestClock): Promise<FastifyInstance> {
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), secureCookies: false },
    capabilities: CAPABILITIES,
    clock,
  })
  const answer = async () => {
    await sleep(5)
    return { now: now().toISOString() }
  }
  app.get('/clock-probe', answer)
  app.post('/clock-probe', answer)
  await app.ready()
  return app
}

const nowOf = (body: string) => (JSON.parse(body) as { now: string }).now

forEachDatabase('the clock passed to the app', (backend) => {
  test('a request reads "now" from the clock the app was given, whatever the method and body', async () => {
    const clock = new TestClock('2026-03-20T12:00:00')
    const app = await appWithProbe(backend().database, clock)
    try {
      assert.equal(nowOf((await app.inject({ url: '/clock-probe' })).body), '2026-03-20T12:00:00.000Z')
      const form = await app.inject({
        method: 'POST',
        url: '/clock-probe',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1',
      })
      assert.equal(nowOf(form.body), '2026-03-20T12:00:00.000Z')
      const json = await app.inject({ method: 'POST', url: '/clock-probe', payload: { a: 1 } })
      assert.equal(nowOf(json.body), '2026-03-20T12:00:00.000Z')
      clock.set('2026-07-01T09:30:00')
      assert.equal(nowOf((await app.inject({ url: '/clock-probe' })).body), '2026-07-01T08:30:00.000Z')
    } finally {
      await app.close()
    }
  })

  test('a request over a socket (as a browser sends it) reads the same clock, body and all', async () => {
    const clock = new TestClock('2026-03-20T12:00:00')
    const app = await appWithProbe(backend().database, clock)
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/clock-probe`
      assert.equal(nowOf(await (await fetch(url)).text()), '2026-03-20T12:00:00.000Z')
      const posted = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      })
      assert.equal(nowOf(await posted.text()), '2026-03-20T12:00:00.000Z')
      // a body that arrives after the request's head, read when the socket delivers it
      const slowBody = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('a=1'))
          await sleep(30)
          controller.enqueue(new TextEncoder().encode('&b=2'))
          controller.close()
        },
      })
      const slow = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: slowBody,
        duplex: 'half',
      } as RequestInit)
      assert.equal(nowOf(await slow.text()), '2026-03-20T12:00:00.000Z')
    } finally {
      await app.close()
    }
  })

  test('two apps serving at the same moment each answer with their own clock', async () => {
    const early = await appWithProbe(backend().database, new TestClock('2009-06-02T09:00:00Z'))
    const late = await appWithProbe(backend().database, new TestClock('2026-03-20T12:00:00Z'))
    try {
      const answers = await Promise.all(
        [early, late, early, late].map((app) => app.inject({ url: '/clock-probe' }).then((r) => nowOf(r.body))),
      )
      assert.deepEqual(answers, [
        '2009-06-02T09:00:00.000Z',
        '2026-03-20T12:00:00.000Z',
        '2009-06-02T09:00:00.000Z',
        '2026-03-20T12:00:00.000Z',
      ])
    } finally {
      await Promise.all([early.close(), late.close()])
    }
  })

  test("the plugins' hooks read the app's clock: a session ends when the clock passes its hours", async () => {
    const { db } = backend().database
    await seedArea(db)
    const clock = new TestClock('2026-03-20T12:00:00Z')
    // an idle time-out as long as the session: this is about the session's hours (sessions.test.ts has the idle)
    const app = await testApp(backend().database, { sessionHours: 8, sessionIdleMinutes: 8 * 60 }, clock)
    try {
      const browser = await new Browser(app).signIn('sw@csc.test')
      assert.equal((await browser.get('/')).statusCode, 200)
      clock.set('2026-03-20T19:59:00Z')
      assert.equal((await browser.get('/')).statusCode, 200, 'still signed in before the session ends')
      clock.set('2026-03-20T20:01:00Z')
      const after = await browser.get('/')
      assert.equal(after.statusCode, 302, 'signed out once the clock passes the session end')
      assert.match(String(after.headers.location), /sign-in/)
    } finally {
      await app.close()
    }
  })
})
