// API tokens: listed, revoked and expiring, each use counted per token, route and hour and the first
// in each hour audited; the administration page lists, creates and revokes them.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { createToken, listTokens, revokeToken } from './tokens.ts'

// the machine's time unless a test sets it (and puts it back)
const clock = new TestClock()

forEachDatabase(
  'API tokens',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    before(async () => {
      amy = (await seedArea(backend().database.db)).amy
      app = await testApp(backend().database, { tokenDays: 30 })
    })
    after(async () => {
      clock.useMachineTime()
      await app?.close()
    })
    const call = (token: string, url: string) =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })

    test('a token works until it is revoked, and from then on is refused', async () => {
      const { db } = backend().database
      const token = await createToken(db, 'police', { name: 'Niche RMS' })
      assert.equal((await call(token, `/api/v1/children/${amy}`)).statusCode, 200)
      const [listed] = (await listTokens(db, new Date())).filter((t) => t.name === 'Niche RMS')
      assert.equal(listed.status, 'active')
      await revokeToken(db, listed.token_id, 'test', new Date())
      const refused = await call(token, `/api/v1/children/${amy}`)
      assert.equal(refused.statusCode, 401)
      const again = await revokeToken(db, listed.token_id, 'test', new Date())
      assert.ok(again.alreadyRevokedAt, 'revoking twice changes nothing')
      assert.equal((await listTokens(db, new Date(), { status: 'revoked' })).length >= 1, true)
    })

    test('a token expires after its days; "now" is read when it is used', async () => {
      const { db } = backend().database
      const made = new Date('2026-03-01T12:00:00Z')
      const token = await createToken(db, 'health', { now: made, days: 10, name: 'expiring' })
      clock.set('2026-03-11T11:59:00Z')
      assert.equal((await call(token, `/api/v1/children/${amy}`)).statusCode, 200)
      clock.set('2026-03-11T12:00:01Z')
      assert.equal((await call(token, `/api/v1/children/${amy}`)).statusCode, 401)
      const [t] = (await listTokens(db, new Date('2026-03-11T12:00:01Z'))).filter((x) => x.name === 'expiring')
      assert.equal(t.status, 'expired')
      clock.useMachineTime()
    })

    test('each use is counted per token, route and hour; the first in each hour is audited', async () => {
      const { db } = backend().database
      const token = await createToken(db, 'police', { name: 'counted' })
      const [t] = (await listTokens(db, new Date())).filter((x) => x.name === 'counted')
      clock.set('2026-12-01T09:05:00Z')
      for (let i = 0; i < 3; i++) await call(token, `/api/v1/children/${amy}`)
      await call(token, `/api/v1/children/${amy}/chronology`)
      clock.set('2026-12-01T10:01:00Z')
      await call(token, `/api/v1/children/${amy}`)
      clock.useMachineTime()
      const uses = await db
        .selectFrom('api_token_uses')
        .select(['route', 'hour', 'uses'])
        .where('token_id', '=', t.token_id)
        .orderBy('hour')
        .orderBy('route')
        .execute()
      assert.deepEqual(
        uses.map((u) => [u.route, u.hour.toISOString(), u.uses]),
        [
          ['GET /api/v1/children/:id', '2026-12-01T09:00:00.000Z', 3],
          ['GET /api/v1/children/:id/chronology', '2026-12-01T09:00:00.000Z', 1],
          ['GET /api/v1/children/:id', '2026-12-01T10:00:00.000Z', 1],
        ],
      )
      const audited = await db
        .selectFrom('audit_log')
        .select(['actor', 'details'])
        .where('action', '=', 'token_used')
        .where('actor', '=', `token:police#${t.token_id}`)
        .orderBy('id')
        .execute()
      assert.equal(audited.length, 3)
      const [listed] = (await listTokens(db, new Date())).filter((x) => x.name === 'counted')
      assert.equal(listed.uses, 5)
      assert.equal(listed.last_used_at?.toISOString(), '2026-12-01T10:01:00.000Z')
    })

    test('the administration page lists tokens, creates one shown once, and revokes; others may not', async () => {
      const { db } = backend().database
      for (const email of ['officer@police.test', 'mash@csc.test', 'chair@lscp.test'])
        assert.equal((await (await new Browser(app).signIn(email)).get('/admin/tokens')).statusCode, 403, email)
      const admin = await new Browser(app).signIn('admin@csc.test')
      const bad = await admin.post('/admin/tokens', { agency: 'police', name: 'x', days: 'forever' }, '/admin/tokens')
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /&quot;forever&quot; is not a whole number of days/)
      const made = await admin.post('/admin/tokens', { agency: 'csc', name: 'Liquidlogic', days: '' }, '/admin/tokens')
      assert.equal(made.statusCode, 200)
      const token = /id="new-token"[^>]*>(tl_csc_[A-Za-z0-9_-]+)</.exec(made.body)?.[1]
      assert.ok(token, 'the new token is shown')
      assert.equal((await call(token, `/api/v1/children/${amy}`)).statusCode, 200)
      const [row] = (await listTokens(db, new Date())).filter((x) => x.name === 'Liquidlogic')
      assert.equal(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000), 30, 'the setting')
      assert.equal(row.created_by, 'admin@csc.test')
      const page = await admin.get('/admin/tokens')
      assert.match(page.body, /Liquidlogic/)
      assert.doesNotMatch(page.body, new RegExp(token), 'never shown again')
      const revoked = await admin.post(`/admin/tokens/${row.token_id}/revoke`, {}, '/admin/tokens')
      assert.equal(revoked.statusCode, 302)
      assert.equal((await call(token, `/api/v1/children/${amy}`)).statusCode, 401)
      assert.equal((await admin.post('/admin/tokens/99999/revoke', {}, '/admin/tokens')).statusCode, 404)
      const officer = await new Browser(app).signIn('officer@police.test')
      assert.equal((await officer.post(`/admin/tokens/${row.token_id}/revoke`, {}, '/')).statusCode, 403)
      const actions = (
        await db
          .selectFrom('audit_log')
          .select(['action', 'details'])
          .where('action', 'in', ['token_created', 'token_revoked'])
          .orderBy('id')
          .execute()
      ).map((r) => r.action)
      assert.deepEqual(actions, ['token_created', 'token_revoked'])
    })
  },
  { resetBetweenTests: false, clock },
)
