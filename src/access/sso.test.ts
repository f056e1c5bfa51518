// Single sign-on end to end against a real OpenID Connect provider (oidc-provider, started here on
// this machine): the browser sent to the provider with PKCE, state and nonce; the code exchanged and
// the ID token checked; a user made or brought up to date from the claims; refusals that say why; a
// sign-in that another browser began, or a callback used twice, refused; passwords kept for
// break-glass accounts while single sign-on is on. Claims mapping and settings are tested alone too.
import { test, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import Provider from 'oidc-provider'
import { forEachDatabase } from '../testing/backends.ts'
import { PASSWORD, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { accountFromClaims, type Claims } from './sso.ts'
import { ssoSettings } from '../config/sso-settings.ts'
import { ConfigError } from '../config/settings.ts'

const PUBLIC_URL = 'http://localhost:3999'
const SECRET = 'a-client-secret-only-this-test-knows-0123456789'
const env = (issuer: string) => ({
  THREADLINE_OIDC_ISSUER: issuer,
  THREADLINE_OIDC_CLIENT_ID: 'threadline',
  THREADLINE_OIDC_CLIENT_SECRET: SECRET,
  THREADLINE_PUBLIC_URL: PUBLIC_URL,
  THREADLINE_OIDC_NAME: 'your Rochdale account',
  THREADLINE_OIDC_ROLE_MAP: 'Officer=practitioner,Inspector=manager',
  THREADLINE_OIDC_AGENCY_MAP: 'GMP=police',
})

test('settings: off without an issuer; every missing or wrong setting named at once', () => {
  assert.equal(ssoSettings({}), null)
  const s = ssoSettings(env('https://login.example.gov.uk/'))!
  assert.equal(s.roleMap.get('Inspector'), 'manager')
  assert.equal(s.agencyClaim, 'threadline_agency')
  assert.throws(
    () =>
      ssoSettings({
        THREADLINE_OIDC_ISSUER: 'http://login.example.gov.uk',
        THREADLINE_OIDC_ROLE_MAP: 'Officer=constable,Oops',
      }),
    (e: unknown) =>
      e instanceof ConfigError &&
      /THREADLINE_OIDC_ISSUER must be an https:\/\/ address \(http:\/\/ only on this machine\)/.test(e.message) &&
      /THREADLINE_PUBLIC_URL is needed when THREADLINE_OIDC_ISSUER is set/.test(e.message) &&
      /THREADLINE_OIDC_CLIENT_ID is needed when THREADLINE_OIDC_ISSUER is set/.test(e.message) &&
      /THREADLINE_OIDC_CLIENT_SECRET is needed when THREADLINE_OIDC_ISSUER is set/.test(e.message) &&
      /THREADLINE_OIDC_ROLE_MAP must be KEY=VALUE pairs .*\('Officer=constable', 'Oops' not one\)/.test(e.message),
  )
})

test('claims to an account: agency and roles mapped; no agency, no role or no verified email refused with why', () => {
  const s = ssoSettings(env('https://login.example.gov.uk/'))!
  const agencies = new Set(['police', 'csc'])
  const base: Claims = { sub: 's1', email: 'Jo.Ward@Police.test', name: 'Jo Ward', threadline_agency: 'GMP' }
  const ok = accountFromClaims({ ...base, threadline_roles: 'Officer Analyst' }, s, agencies)
  assert.deepEqual(ok, {
    ok: true,
    account: {
      issuer: 'https://login.example.gov.uk/',
      subject: 's1',
      email: 'jo.ward@police.test',
      name: 'Jo Ward',
      agency: 'police',
      roles: ['practitioner'],
    },
  })
  const both = accountFromClaims({ ...base, threadline_roles: ['Officer', 'Inspector', 'mash'] }, s, agencies)
  assert.deepEqual(both.ok && both.account.roles, ['practitioner', 'manager', 'mash'])
  const why = (claims: Claims) => {
    const r = accountFromClaims(claims, s, agencies)
    return r.ok ? '' : r.why
  }
  assert.match(why({ ...base, threadline_roles: ['Analyst'] }), /no Threadline role/)
  assert.match(
    why({ ...base, threadline_agency: 'Elsewhere', threadline_roles: 'Officer' }),
    /"Elsewhere" is not an agency/,
  )
  assert.match(why({ ...base, threadline_agency: undefined, threadline_roles: 'Officer' }), /does not name your agency/)
  assert.match(why({ ...base, email_verified: false, threadline_roles: 'Officer' }), /verified email/)
  assert.match(why({ ...base, sub: '', threadline_roles: 'Officer' }), /no subject/)
})

/** The provider's people: the claims it gives for each account. */
const ACCOUNTS: Record<string, Claims> = {
  jo: {
    email: 'jo.ward@police.test',
    email_verified: true,
    name: 'Jo Ward',
    threadline_agency: 'GMP',
    threadline_roles: ['Officer'],
  },
  officer: {
    email: 'officer@police.test',
    email_verified: true,
    name: 'Sam Officer',
    threadline_agency: 'police',
    threadline_roles: ['Officer'],
  },
  stranger: {
    email: 'pat@elsewhere.test',
    email_verified: true,
    name: 'Pat',
    threadline_agency: 'Elsewhere',
    threadline_roles: ['Officer'],
  },
}

forEachDatabase('single sign-on with an OpenID provider', (backend) => {
  let server: Server
  let provider: Provider
  let app: FastifyInstance
  let who = 'jo'

  beforeEach(() => seedArea(backend().database.db))

  before(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/interaction/')) void interact(req, res)
      else provider.callback()(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'threadline',
          client_secret: SECRET,
          redirect_uris: [`${PUBLIC_URL}/sign-in/sso/callback`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      pkce: { required: () => true },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'threadline_agency', 'threadline_roles'],
      },
      findAccount: (_ctx, id) =>
        ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) } : undefined,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      cookies: { keys: ['a-cookie-key-for-this-test-only'] },
    })
    // the provider's login and consent pages: the person signs in as `who` and agrees
    const interact = async (
      req: Parameters<typeof provider.interactionDetails>[0],
      res: Parameters<typeof provider.interactionDetails>[1],
    ) => {
      const details = await provider.interactionDetails(req, res)
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: who } }, { mergeWithLastSubmission: false })
        return
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      })
      grant.addOIDCScope(String(details.params.scope))
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      )
    }
    app = await testApp(backend().database, { sso: ssoSettings(env(issuer)) })
  })

  after(async () => {
    await app?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  /** Follows the provider's redirects (with its cookies) until it sends the browser back to Threadline. */
  async function atProvider(start: string): Promise<string> {
    const jar = new Map<string, string>()
    let url = start
    for (let hop = 0; hop < 12; hop++) {
      if (url.startsWith(PUBLIC_URL)) return url.slice(PUBLIC_URL.length)
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      })
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';')
        const at = pair.indexOf('=')
        jar.set(pair.slice(0, at), pair.slice(at + 1))
      }
      const next = res.headers.get('location')
      if (!next) throw new Error(`the provider stopped at ${url} with ${res.status}: ${await res.text()}`)
      url = new URL(next, url).href
    }
    throw new Error('too many redirects at the provider')
  }

  async function signInAs(account: string, browser = new Browser(app)) {
    who = account
    const begin = await browser.get('/sign-in/sso?next=/people')
    assert.equal(begin.statusCode, 302)
    const callback = await atProvider(String(begin.headers.location))
    return { browser, begin, callback, finished: await browser.get(callback) }
  }

  test('the sign-in page offers single sign-on, and the browser goes to the provider with PKCE, state and nonce', async () => {
    const page = await new Browser(app).get('/sign-in')
    assert.match(page.body, /Sign in with your Rochdale account/)
    assert.match(page.body, /break-glass accounts only/)
    const begin = await new Browser(app).get('/sign-in/sso')
    const to = new URL(String(begin.headers.location))
    assert.equal(to.searchParams.get('code_challenge_method'), 'S256')
    assert.ok(to.searchParams.get('code_challenge') && to.searchParams.get('state') && to.searchParams.get('nonce'))
    assert.equal(to.searchParams.get('redirect_uri'), `${PUBLIC_URL}/sign-in/sso/callback`)
    assert.match(String(begin.headers['set-cookie']), /tl_sso=.*HttpOnly/i)
  })

  test('a first sign-in makes the user from the claims; a later one brings their role up to date', async () => {
    const { db } = backend().database
    const { finished, browser } = await signInAs('jo')
    assert.equal(finished.statusCode, 302, /did not sign you in because ([^<]*)/.exec(finished.body)?.[1])
    assert.equal(finished.headers.location, '/people')
    const home = await browser.get('/')
    assert.equal(home.statusCode, 200)
    assert.match(home.body, /Jo Ward/)
    const user = await db
      .selectFrom('users')
      .select(['id', 'agency_code', 'roles', 'password_hash', 'sso_subject'])
      .where('email', '=', 'jo.ward@police.test')
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      [user.agency_code, user.roles, user.password_hash, user.sso_subject],
      ['police', ['practitioner'], null, 'jo'],
    )
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'sign_in')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal((audit.details as { via?: string }).via, 'sso')

    ACCOUNTS.jo.threadline_roles = ['Inspector']
    try {
      assert.equal((await signInAs('jo')).finished.statusCode, 302)
    } finally {
      ACCOUNTS.jo.threadline_roles = ['Officer']
    }
    const again = await db
      .selectFrom('users')
      .select(['id', 'roles'])
      .where('email', '=', 'jo.ward@police.test')
      .execute()
    assert.deepEqual(again, [{ id: user.id, roles: ['manager'] }], 'the same user, its role as the provider now says')
  })

  test('someone with a local account already is that account, not a second one', async () => {
    const { db } = backend().database
    const { finished, browser } = await signInAs('officer')
    assert.equal(finished.statusCode, 302)
    // the password kept from before opens nothing now, so there is none to change
    assert.doesNotMatch((await browser.get('/account')).body, /Change your password/)
    assert.equal((await browser.get('/account/password')).statusCode, 404)
    const rows = await db
      .selectFrom('users')
      .select(['sso_subject', 'name'])
      .where('email', '=', 'officer@police.test')
      .execute()
    assert.deepEqual(rows, [{ sso_subject: 'officer', name: 'Sam Officer' }])
  })

  test('refused with the reason: an agency Threadline does not know, or an account switched off here', async () => {
    const { db } = backend().database
    const stranger = await signInAs('stranger')
    assert.equal(stranger.finished.statusCode, 403)
    assert.match(
      stranger.finished.body,
      /your organisation &quot;Elsewhere&quot; is not an agency registered in Threadline/,
    )
    assert.equal((await stranger.browser.get('/')).statusCode, 302, 'no session')
    await db.updateTable('users').set({ active: false }).where('email', '=', 'officer@police.test').execute()
    const off = await signInAs('officer')
    assert.equal(off.finished.statusCode, 403)
    assert.match(off.finished.body, /switched off/)
    const failures = await db.selectFrom('audit_log').select('details').where('action', '=', 'sign_in_failed').execute()
    assert.ok(failures.some((f) => /Elsewhere/.test(JSON.stringify(f.details))))
  })

  test('a callback in a browser that did not begin the sign-in, or used twice, signs no one in', async () => {
    who = 'jo'
    const mine = new Browser(app)
    const begin = await mine.get('/sign-in/sso')
    const callback = await atProvider(String(begin.headers.location))
    const other = await new Browser(app).get(callback)
    assert.equal(other.statusCode, 400)
    assert.match(other.body, /not begun in this browser/)
    const first = await mine.get(callback)
    assert.equal(first.statusCode, 302)
    const replay = new Browser(app)
    replay.cookies.set('tl_sso', new URL(callback, PUBLIC_URL).searchParams.get('state')!)
    const twice = await replay.get(callback)
    assert.equal(twice.statusCode, 400)
    assert.match(twice.body, /already finished/)
  })

  test('while single sign-on is on, a password opens only a break-glass account', async () => {
    const { db } = backend().database
    const refused = await new Browser(app).post('/sign-in', { email: 'nurse@health.test', password: PASSWORD })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Sign in with your Rochdale account: passwords are kept for emergency/)
    await db.updateTable('users').set({ break_glass: true }).where('email', '=', 'admin@csc.test').execute()
    const glass = new Browser(app)
    const admin = await glass.post('/sign-in', { email: 'admin@csc.test', password: PASSWORD })
    assert.equal(admin.statusCode, 302)
    assert.match((await glass.get('/account')).body, /Change your password/)
    const used = await db.selectFrom('audit_log').select('action').where('action', '=', 'sign_in_break_glass').execute()
    assert.equal(used.length, 1)
  })
})
