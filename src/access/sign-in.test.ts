// Signing in: the lock-out (per account and per source address, under any concurrency), the rate
// limit, where a person goes afterwards, and no caching of what they see.
import { beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { addAgency } from '../agencies/agencies.ts'
import type { Db } from '../db/database.ts'
import { createUser } from './users.ts'
import { signIn } from './sign-in.ts'
import { createToken } from './tokens.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'

const pat = { email: 'pat@police.test', name: 'Pat', agency: 'police', roles: ['practitioner'] }

// The audit trail is never emptied between tests (it refuses truncate): each test reads its own rows.
let since = 0
beforeEach(async () => {
  since = 0
})
async function markAudit(db: Db): Promise<void> {
  since =
    (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
    )?.id ?? 0
}

/** How many passwords were checked: every failure audited as wrong, unknown or locking the account. */
async function passwordsChecked(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from audit_log
    where id > ${since} and (action in ('sign_in', 'account_locked')
       or (action = 'sign_in_failed' and details->>'why' in ('wrong', 'unknown', 'inactive')))`.execute(db)
  return row.rows[0].n
}

/** Posts the sign-in form as one browser would, as often and from whichever address a test needs. */
async function formPoster(app: FastifyInstance) {
  const b = new Browser(app)
  const form = await b.get('/sign-in')
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return (fields: Record<string, string>, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    })
}

forEachDatabase('signing in', (backend) => {
  test('a right password signs in; repeated failures lock the account for a while; all audited', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await createUser(db, {
      email: 'Pat@Police.test',
      name: 'Pat',
      agency: 'police',
      roles: ['practitioner'],
      password: 'a-long-enough-password',
    })
    const t0 = new Date('2026-01-01T10:00:00Z')
    const policy = { attempts: 3, minutes: 15 }
    assert.deepEqual(await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy), { ok: true, userId: 1 })
    assert.equal((await signIn(db, 'pat@police.test', 'wrong', t0, policy)).ok, false)
    assert.equal((await signIn(db, 'pat@police.test', 'wrong', t0, policy)).ok, false)
    const locked = await signIn(db, 'pat@police.test', 'wrong', t0, policy)
    assert.deepEqual(locked, { ok: false, reason: 'locked', lockedUntil: new Date('2026-01-01T10:15:00Z') })
    assert.equal(
      (await signIn(db, 'pat@police.test', 'a-long-enough-password', new Date('2026-01-01T10:10:00Z'), policy)).ok,
      false,
      'locked even with the right password',
    )
    assert.equal(
      (await signIn(db, 'pat@police.test', 'a-long-enough-password', new Date('2026-01-01T10:16:00Z'), policy)).ok,
      true,
      'unlocked after the time',
    )
    assert.equal((await signIn(db, 'nobody@police.test', 'x', t0, policy)).ok, false)
    const actions = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action)
    assert.deepEqual(actions, [
      'sign_in',
      'sign_in_failed',
      'sign_in_failed',
      'account_locked',
      'sign_in_failed',
      'sign_in',
      'sign_in_failed',
    ])
  })

  test('the sign-in page shows a clear error, sign-out ends the session, and pages need a session', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await createUser(db, {
      email: 'pat@police.test',
      name: 'Pat',
      agency: 'police',
      roles: ['practitioner'],
      password: 'a-long-enough-password',
    })
    const app = await testApp(backend().database)
    try {
      const b = new Browser(app)
      const bad = await b.post('/sign-in', { email: 'pat@police.test', password: 'nope' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /The email address or password is not right/)
      assert.equal((await b.get('/people?q=x')).statusCode, 302)
      await b.signIn('pat@police.test', 'a-long-enough-password')
      assert.equal((await b.get('/people?q=x')).statusCode, 200)
      const headers = (await b.get('/')).headers
      assert.match(String(headers['content-security-policy']), /script-src 'self' 'nonce-[^']+'/)
      const out = await b.post('/sign-out', {}, '/')
      assert.equal(out.statusCode, 302)
      assert.equal((await b.get('/people?q=x')).statusCode, 302, 'signed out')
      assert.equal((await db.selectFrom('sessions').select('id').execute()).length, 0)
      const notFound = await b.get('/no-such-page')
      assert.equal(notFound.statusCode, 404)
      assert.match(notFound.body, /Page not found/)
    } finally {
      await app.close()
    }
  })

  test('40 parallel wrong guesses: exactly the configured number are checked, then the lock holds', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const t0 = new Date('2026-01-01T10:00:00Z')
    const policy = { attempts: 5, minutes: 15 }
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(db, 'pat@police.test', `wrong-guess-${i}`, t0, policy)),
    )
    assert.equal(results.filter((r) => r.ok).length, 0)
    const checked = await passwordsChecked(db)
    assert.equal(checked, 5, 'passwords checked before the lock')
    assert.equal(results.filter((r) => !r.ok && r.reason === 'locked').length, 40 - 4)
    const right = await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy)
    assert.deepEqual(right, { ok: false, reason: 'locked', lockedUntil: new Date('2026-01-01T10:15:00Z') })
    assert.equal(await passwordsChecked(db), 5, 'the right password is not even checked while locked')
  })

  test('each lock in a row lasts twice as long; a right password ends the run', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const policy = { attempts: 2, minutes: 10 }
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 10, minutes))
    const fail = (minutes: number) => signIn(db, 'pat@police.test', 'wrong', at(minutes), policy)
    await fail(0)
    assert.deepEqual(await fail(1), { ok: false, reason: 'locked', lockedUntil: at(11) })
    await fail(12)
    assert.deepEqual(await fail(13), { ok: false, reason: 'locked', lockedUntil: at(33) }, 'twice as long')
    await fail(34)
    assert.deepEqual(await fail(35), { ok: false, reason: 'locked', lockedUntil: at(75) }, 'four times')
    assert.equal((await signIn(db, 'pat@police.test', 'a-long-enough-password', at(76), policy)).ok, true)
    await fail(77)
    assert.deepEqual(await fail(78), { ok: false, reason: 'locked', lockedUntil: at(88) }, 'back to the first length')
  })

  test('one source address trying many accounts is locked too; other addresses are not', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const t0 = new Date('2026-01-01T10:00:00Z')
    const policy = { attempts: 5, minutes: 15, addressAttempts: 10 }
    const spray = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(db, `person${i}@police.test`, 'Summer2026!!', t0, policy, { address: '198.51.100.7' }),
      ),
    )
    assert.equal(await passwordsChecked(db), 10)
    assert.equal(spray.filter((r) => !r.ok && r.reason === 'address_locked').length, 40 - 9)
    assert.deepEqual(
      await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy, { address: '198.51.100.7' }),
      { ok: false, reason: 'address_locked', lockedUntil: new Date('2026-01-01T10:15:00Z') },
    )
    assert.equal(
      (await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy, { address: '203.0.113.9' })).ok,
      true,
    )
    const locks = (
      await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'address_locked')
        .where('id', '>', since)
        .execute()
    ).map((r) => (r.details as { address: string }).address)
    assert.deepEqual(locks, ['198.51.100.7'])
  })

  test('a right password gives its attempt back to the address: an office of many people is not locked by its typos', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const t0 = new Date('2026-01-01T10:00:00Z')
    const policy = { attempts: 5, minutes: 15, addressAttempts: 3 }
    const office = { address: '192.0.2.10' }
    for (let i = 0; i < 10; i++) {
      assert.equal((await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy, office)).ok, true)
    }
    assert.equal((await signIn(db, 'pat@police.test', 'typo', t0, policy, office)).ok, false)
    assert.equal((await signIn(db, 'pat@police.test', 'typo', t0, policy, office)).ok, false)
    assert.equal((await signIn(db, 'pat@police.test', 'a-long-enough-password', t0, policy, office)).ok, true)
    const later = new Date('2026-01-01T11:01:00Z')
    assert.equal((await signIn(db, 'pat@police.test', 'typo', later, policy, office)).ok, false, 'a new hour')
    assert.equal((await signIn(db, 'pat@police.test', 'typo', later, policy, office)).ok, false)
    assert.equal((await signIn(db, 'pat@police.test', 'a-long-enough-password', later, policy, office)).ok, true)
  })

  test('through the web: 40 parallel wrong guesses lock the account at the configured count, in the database', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    // the rate limit set high, so that every guess reaches the lock-out
    const app = await testApp(backend().database, { lockoutAttempts: 5, signInRatePerMinute: 1000 })
    try {
      const guess = await formPoster(app)
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => guess({ email: 'pat@police.test', password: `guess-number-${i}` })),
      )
      assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([400]))
      assert.equal(await passwordsChecked(db), 5)
      assert.equal(answers.filter((a) => /This account is locked/.test(a.body)).length, 40 - 4)
    } finally {
      await app.close()
    }
    const fresh = await testApp(backend().database, { lockoutAttempts: 5 })
    try {
      const right = await new Browser(fresh).post('/sign-in', {
        email: 'pat@police.test',
        password: 'a-long-enough-password',
      })
      assert.equal(right.statusCode, 400, 'the lock is in the database, not in the process')
      assert.match(right.body, /This account is locked after too many failed attempts\. Try again after \d\d:\d\d/)
      assert.equal(await passwordsChecked(db), 5)
    } finally {
      await fresh.close()
    }
  })

  test('the rate limit answers 429 past the configured requests a minute from one address', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const app = await testApp(backend().database, { signInRatePerMinute: 3, lockoutAttempts: 100 })
    try {
      const post = await formPoster(app)
      const codes = []
      for (let i = 0; i < 4; i++) codes.push((await post({ email: 'pat@police.test', password: 'nope' })).statusCode)
      assert.deepEqual(codes, [400, 400, 400, 429])
      const limited = await post({ email: 'pat@police.test', password: 'a-long-enough-password' })
      assert.equal(limited.statusCode, 429)
      assert.match(limited.body, /Too many sign-in attempts from your network\. Wait \d+ seconds/)
      assert.ok(Number(limited.headers['retry-after']) > 0)
      const elsewhere = await post({ email: 'pat@police.test', password: 'a-long-enough-password' }, '192.0.2.44')
      assert.equal(elsewhere.statusCode, 302, 'another address is not limited')
      // the pages are not limited
      assert.equal((await app.inject({ method: 'GET', url: '/sign-in' })).statusCode, 200)
    } finally {
      await app.close()
    }
  })

  test('the source address is the connection, not a header anyone can send, unless the proxy is trusted', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const app = await testApp(backend().database)
    try {
      const post = await formPoster(app)
      for (const remoteAddress of ['203.0.113.5', '127.0.0.1'])
        await post({ email: 'pat@police.test', password: 'nope' }, remoteAddress, { 'x-forwarded-for': '198.51.100.1' })
      const addresses = (
        await db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'sign_in_failed')
          .where('id', '>', since)
          .orderBy('id')
          .execute()
      ).map((r) => (r.details as { address: string }).address)
      assert.deepEqual(addresses, ['203.0.113.5', '198.51.100.1'], 'a proxy on this machine is believed')
    } finally {
      await app.close()
    }
  })

  test('after signing in, only a path on this site: never another site however it is spelt', async () => {
    const { db } = backend().database
    await addAgency(db, { code: 'police', name: 'Police', kind: 'police' })
    await markAudit(db)
    await createUser(db, { ...pat, password: 'a-long-enough-password' })
    const app = await testApp(backend().database)
    try {
      for (const [next, expected] of [
        ['/people?q=amy', '/people?q=amy'],
        ['//evil.example', '/'],
        ['/\\evil.example', '/'],
        ['/%5Cevil.example', '/'],
        ['https://evil.example/', '/'],
        ['javascript:alert(1)', '/'],
      ]) {
        const b = new Browser(app)
        const page = await b.get(`/sign-in?next=${encodeURIComponent(next)}`)
        assert.match(page.body, new RegExp(`name="next" value="${expected.replace(/[?]/g, '\\?')}"`), next)
        const res = await b.post('/sign-in', { email: 'pat@police.test', password: 'a-long-enough-password', next })
        assert.equal(res.statusCode, 302)
        assert.equal(res.headers.location, expected, next)
      }
    } finally {
      await app.close()
    }
  })

  test('no response carrying data is kept in a cache; the static files are', async () => {
    const { db } = backend().database
    const { amy } = await seedArea(db)
    const app = await testApp(backend().database)
    try {
      const b = await new Browser(app).signIn('sw@csc.test')
      for (const url of ['/', `/people/${amy}`, '/people?q=amy', `/api/v1/children/${amy}/chronology`, '/no-such-page'])
        assert.equal((await b.get(url)).headers['cache-control'], 'no-store', url)
      const token = await createToken(db, 'police')
      const api = await app.inject({
        method: 'GET',
        url: `/api/v1/children/${amy}/chronology`,
        headers: { authorization: `Bearer ${token}` },
      })
      assert.equal(api.headers['cache-control'], 'no-store')
      const signIn = await new Browser(app).get('/sign-in')
      assert.equal(signIn.headers['cache-control'], 'no-store')
      const css = await b.get('/govuk/govuk-frontend.min.css')
      assert.equal(css.statusCode, 200)
      assert.match(String(css.headers['cache-control']), /max-age=3600/)
    } finally {
      await app.close()
    }
  })
})
