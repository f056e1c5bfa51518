import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from './users.ts'
import { signIn } from './sign-in.ts'
import { Browser, testApp } from '../testing/web.ts'

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
})
