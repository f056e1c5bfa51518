// Sessions end after a time without activity as well as at their absolute end (issue 15): a session
// used within the idle time goes on; idle longer, it ends, the next page goes to sign in with the
// reason and back after; the absolute end still applies; "Stay signed in" (keep-alive) extends it and
// needs the CSRF token; activity is written at most once a minute. Time moves by a TestClock.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../../testing/backends.ts'
import { TestClock } from '../../testing/clock.ts'
import { seedArea } from '../../testing/seed.ts'
import { latestAudit } from '../../testing/audit.ts'
import { Browser, testApp } from '../../testing/web.ts'
import type { Db } from '../../db/database.ts'

const START = '2026-03-20T09:00:00Z'
/** `minutes` (and `seconds`) after START. */
const after_ = (minutes: number, seconds = 0) => new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000)

forEachDatabase(
  'sessions end after a time without activity',
  (backend) => {
    const clock = new TestClock(START)
    let app: FastifyInstance
    let db: Db
    let amy: number

    before(async () => {
      db = backend().database.db
      ;({ amy } = await seedArea(db))
    })
    after(async () => {
      await app?.close()
    })

    /** A fresh app with the time-out (and session length) given, and the social worker signed in at START. */
    async function signedIn(settings: { sessionIdleMinutes?: number; sessionHours?: number } = {}) {
      await app?.close()
      await db.deleteFrom('sessions').execute()
      clock.set(START)
      app = await testApp(backend().database, { sessionIdleMinutes: 30, sessionHours: 8, ...settings }, clock)
      return new Browser(app).signIn('sw@csc.test')
    }

    const lastActive = async () =>
      (await db.selectFrom('sessions').select('last_active_at').orderBy('created_at', 'desc').executeTakeFirstOrThrow())
        .last_active_at

    test('a session used within the idle time goes on, well past the idle time from sign-in', async () => {
      const browser = await signedIn()
      for (const minutes of [20, 40, 60, 80]) {
        clock.set(after_(minutes))
        assert.equal((await browser.get(`/people/${amy}`)).statusCode, 200, `still signed in at ${minutes} minutes`)
      }
    })

    test('idle longer, it ends: the next page goes to sign in, told why, and back to that page after', async () => {
      const browser = await signedIn()
      clock.set(after_(29, 59))
      assert.equal((await browser.get('/')).statusCode, 200)
      clock.set(after_(60))
      const refused = await browser.get(`/people/${amy}`)
      assert.equal(refused.statusCode, 302)
      const to = new URL(String(refused.headers.location), 'http://x')
      assert.equal(to.pathname, '/sign-in')
      assert.equal(to.searchParams.get('next'), `/people/${amy}`)
      assert.equal(to.searchParams.get('timed_out'), '1')
      assert.equal(await db.selectFrom('sessions').select('id').executeTakeFirst(), undefined, 'the session is gone')
      assert.deepEqual(await latestAudit(db, 'session_timed_out'), { idle_minutes: 30 })

      const signIn = await browser.get(`${to.pathname}${to.search}`)
      assert.equal(signIn.statusCode, 200)
      assert.match(signIn.body, /You have been signed out/)
      assert.match(signIn.body, /signed out after 30 minutes without activity, to protect the records/)
      const again = await browser.post('/sign-in', {
        email: 'sw@csc.test',
        password: 'correct-horse-battery',
        next: `/people/${amy}`,
      })
      assert.equal(again.headers.location, `/people/${amy}`, 'back to the page asked for')
      assert.equal((await browser.get(`/people/${amy}`)).statusCode, 200)
    })

    test('a form sent after the time-out is refused with the reason, not saved', async () => {
      const browser = await signedIn()
      const form = await browser.get(`/people/${amy}`)
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
      clock.set(after_(45))
      const sent = await app.inject({
        method: 'POST',
        url: `/people/${amy}/decisions`,
        headers: {
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      })
      assert.equal(sent.statusCode, 401)
      assert.match(sent.body, /signed out after 30 minutes without activity/)
    })

    test('the absolute end still applies, however active the session', async () => {
      const browser = await signedIn({ sessionHours: 1 })
      for (const minutes of [25, 50]) {
        clock.set(after_(minutes))
        assert.equal((await browser.get('/')).statusCode, 200)
      }
      clock.set(after_(60, 1))
      const ended = await browser.get('/')
      assert.equal(ended.statusCode, 302)
      assert.equal(ended.headers.location, '/sign-in?next=%2F', 'an ended session, not a time-out')
    })

    test('pages carry the time left; "Stay signed in" (keep-alive) extends the session', async () => {
      const browser = await signedIn()
      const home = await browser.get('/')
      assert.match(home.body, /data-seconds-left="1800"/)
      assert.match(home.body, /data-session-ends-at="2026-03-20T09:30:00.000Z"/)
      assert.match(home.body, /You&#39;re about to be signed out|You're about to be signed out/)
      const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? ''
      clock.set(after_(28, 30))
      const kept = await keepAlive(browser, token)
      assert.equal(kept.statusCode, 200)
      assert.deepEqual(kept.json(), { signedIn: true, endsAt: '2026-03-20T09:58:30.000Z', secondsLeft: 1800 })
      clock.set(after_(50))
      const later = await browser.get('/')
      assert.equal(later.statusCode, 200, 'still signed in 50 minutes after sign-in')
      assert.match(later.body, /data-seconds-left="1800"/, 'this page is activity too')
    })

    test('keep-alive without the CSRF token is refused and records nothing; after the end it says so', async () => {
      const browser = await signedIn()
      // within the minute that a request's activity is not written again, so only keep-alive would write it
      clock.set(after_(0, 30))
      const refused = await keepAlive(browser, '')
      assert.equal(refused.statusCode, 403)
      assert.equal((await lastActive()).toISOString(), after_(0).toISOString(), 'no activity recorded')
      const token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/')).body)?.[1] ?? ''
      clock.set(after_(45))
      const late = await keepAlive(browser, token)
      assert.equal(late.statusCode, 401)
      assert.deepEqual(late.json(), { signedIn: false })
    })

    test('activity is written at most once a minute', async () => {
      const browser = await signedIn()
      const visit = async (minutes: number, seconds: number) => {
        clock.set(after_(minutes, seconds))
        assert.equal((await browser.get('/')).statusCode, 200)
        return (await lastActive()).toISOString()
      }
      assert.equal(await visit(0, 30), after_(0).toISOString(), '30 s on: not written')
      assert.equal(await visit(0, 59), after_(0).toISOString())
      assert.equal(await visit(1, 1), after_(1, 1).toISOString(), 'over a minute on: written')
      assert.equal(await visit(1, 40), after_(1, 1).toISOString())
      assert.equal(await visit(2, 2), after_(2, 2).toISOString())
    })

    test('the sign-in page, asked for while still signed in (another tab kept the session), goes on to the page', async () => {
      const browser = await signedIn()
      const res = await browser.get(`/sign-in?timed_out=1&next=${encodeURIComponent(`/people/${amy}`)}`)
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, `/people/${amy}`)
      const away = await browser.get('/sign-in?next=https%3A%2F%2Fevil.example%2F')
      assert.equal(away.headers.location, '/', 'never to another site')
    })
  },
  { resetBetweenTests: false },
)

/** "Stay signed in" as the warning's script sends it: the session's cookies and the CSRF token in a header. */
function keepAlive(browser: Browser, token: string) {
  return browser.app.inject({
    method: 'POST',
    url: '/session/keep-alive',
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      accept: 'application/json',
      ...(token ? { 'csrf-token': token } : {}),
    },
  })
}
