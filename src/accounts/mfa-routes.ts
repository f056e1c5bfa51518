// Two-step sign-in on the web. After a right password, someone who uses two-step sign-in is not
// signed in yet: a short-lived challenge (its own cookie, only its hash stored, ten minutes) lets
// them give a code from their app or a recovery code, or, when it is required of them and not yet
// set up, set it up; nothing else. Wrong codes count against the account's lock like wrong
// passwords. On "Your account" anyone can turn it on, get new recovery codes, or turn it off
// unless it is required of them.
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import fastifyStatic from '@fastify/static'
import { projectRequire, sourcePath } from '../config/paths.ts'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { actorOf, signedIn, userOf } from '../web/guards.ts'
import { HttpError } from '../web/http-error.ts'
import { jsonBlock } from '../web/json-block.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import {
  addKey,
  checkKey,
  keySignInOptions,
  keysOf,
  newKeyOptions,
  relyingParty,
  removeKey,
  SecurityKeyRefused,
} from '../access/security-keys.ts'
import { startSession } from '../web/plugins/sessions.ts'
import {
  checkSecondStep,
  confirmSecret,
  mfaRequired,
  offerSecret,
  offeredSecret,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  turnOffMfa,
  type SecondStep,
} from '../access/mfa.ts'
import { attemptSucceeded, reserveAttempt, type SignInPolicy } from '../access/sign-in.ts'
import { challengeOfCookie, endChallenge, recordChallengeTries, saveChallenge } from '../access/sign-in-challenges.ts'
import { twoStepAccount } from '../access/users.ts'
import { lockMessage, rateLimited, sourceAddress } from './sign-in-web.ts'

export const CHALLENGE_COOKIE = 'tl_signin'
const CHALLENGE_MINUTES = 10
/** Codes one challenge takes before the person must start again with their password. */
const CHALLENGE_TRIES = 5

/** After a right password: the second step is still to come (`code`), or to be set up (`enrol`). */
export async function startChallenge(
  db: Db,
  reply: FastifyReply,
  challenge: { userId: number; stage: 'code' | 'enrol'; next: string; address: string },
  options: { secure: boolean },
): Promise<void> {
  const id = randomBytes(32).toString('base64url')
  const at = now()
  await saveChallenge(db, id, challenge, at, new Date(at.getTime() + CHALLENGE_MINUTES * 60_000))
  reply.setCookie(CHALLENGE_COOKIE, id, {
    path: '/sign-in',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge: CHALLENGE_MINUTES * 60,
  })
}

async function readChallenge(db: Db, request: FastifyRequest) {
  const id = request.cookies[CHALLENGE_COOKIE]
  if (!id) return null
  const row = await challengeOfCookie(db, id)
  if (!row || !row.active || row.expires_at <= now()) return null
  return row
}

async function finishChallenge(db: Db, reply: FastifyReply, id: string) {
  await endChallenge(db, id)
  reply.clearCookie(CHALLENGE_COOKIE, { path: '/sign-in' })
}

const userActor = (u: { id: number; email: string; agency_code: string }) => ({
  kind: 'user' as const,
  userId: u.id,
  email: u.email,
  name: u.email,
  agency: u.agency_code,
  roles: [],
})

/** What the two-step pages share: the database, the settings and the ways to look up who is signing in. */
type TwoStep = ReturnType<typeof twoStepPages>

function twoStepPages(db: Db, config: Config) {
  const policy: SignInPolicy = {
    attempts: config.lockoutAttempts,
    minutes: config.lockoutMinutes,
    addressAttempts: config.addressLockoutAttempts,
  }
  const limited = { rateLimit: { max: config.signInRatePerMinute, timeWindow: 60_000 } }
  const accountOf = (id: number) => twoStepAccount(db, id)

  /** The site as this browser reached it: WebAuthn binds keys to the origin. */
  const relyingPartyOf = (request: FastifyRequest) =>
    relyingParty(config.sso?.publicUrl ?? new URL(`${request.protocol}://${request.host}`))
  /** The code page, with the instructions for a security key when the person has one. */
  const codePage = async (request: FastifyRequest, challenge: { id: string; user_id: number }) => {
    const options = await keySignInOptions(db, challenge.id, challenge.user_id, relyingPartyOf(request))
    return { keyOptions: options ? jsonBlock(options) : null }
  }

  /** The two-step section of "Your account": the app, recovery codes left and security keys. */
  const accountPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const user = await accountOf(userOf(request).id)
    return {
      enabled: Boolean(user.mfa_enabled_at),
      enabledAt: user.mfa_enabled_at,
      required: mfaRequired(user, config),
      left: user.mfa_enabled_at ? await recoveryCodesLeft(db, user.id) : 0,
      keys: user.mfa_enabled_at ? await keysOf(db, user.id) : [],
      // a key is added once the app is set up (the app and recovery codes stay the way in without the key)
      newKeyOptions: user.mfa_enabled_at
        ? jsonBlock(
            await newKeyOptions(
              db,
              { id: user.id, email: user.email, name: userOf(request).name },
              relyingPartyOf(request),
              now(),
            ),
          )
        : null,
      offer: user.mfa_enabled_at
        ? null
        : ((await offeredSecret(db, user.id, user.email)) ?? (await offerSecret(db, user.id, user.email))),
      action: '/account/two-step/set-up',
      ...extra,
    }
  }
  return { db, config, policy, limited, accountOf, relyingPartyOf, codePage, accountPage }
}

const startOver = (reply: FastifyReply) => reply.redirect('/sign-in?expired=1')

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  // the browser half of security keys (MIT), served from its package, for accounts/public/security-keys.js
  await app.register(fastifyStatic, {
    root: join(dirname(projectRequire.resolve('@simplewebauthn/browser')), '..', 'dist', 'bundle'),
    prefix: '/access-assets/vendor/',
    decorateReply: false,
    maxAge: '1h',
    allowedPath: (p) => p === '/index.umd.min.js',
  })
  await app.register(fastifyStatic, {
    root: sourcePath('accounts', 'public'),
    prefix: '/access-assets/',
    decorateReply: false,
    maxAge: '1h',
  })
  await rateLimited(app)
  const t = twoStepPages(database.db, config)
  registerSecondStepRoutes(app, t)
  registerSignInSetUpRoutes(app, t)
  registerAccountTwoStepRoutes(app, t)
  registerSecurityKeyRoutes(app, t)
  registerTwoStepChangeRoutes(app, t)
}

/** The second step of signing in: a code from the app, a recovery code or a security key. */
function registerSecondStepRoutes(app: FastifyInstance, t: TwoStep): void {
  const { db, limited, codePage } = t
  app.get('/sign-in/code', async (request, reply) => {
    const challenge = await readChallenge(db, request)
    if (!challenge || challenge.stage !== 'code') return startOver(reply)
    return reply.render('sign-in-code.njk', await codePage(request, challenge))
  })

  app.post<{ Body: Record<string, string> }>(
    '/sign-in/code',
    { preHandler: app.csrfProtection, config: limited },
    async (request, reply) => answerSecondStep(t, request, reply),
  )
}

async function answerSecondStep(
  t: TwoStep,
  request: FastifyRequest<{ Body: Record<string, string> }>,
  reply: FastifyReply,
) {
  const { db, config, policy, accountOf, relyingPartyOf, codePage } = t
  const challenge = await readChallenge(db, request)
  if (!challenge || challenge.stage !== 'code') return startOver(reply)
  const entered = typeof request.body?.code === 'string' ? request.body.code.trim() : ''
  const keyAnswer = typeof request.body?.key_response === 'string' ? request.body.key_response : ''
  if (!entered && !keyAnswer)
    return reply.code(400).render('sign-in-code.njk', {
      ...(await codePage(request, challenge)),
      errors: [{ text: 'Enter the code from your authenticator app, or a recovery code', href: '#code' }],
    })
  const at = now()
  const from = { address: sourceAddress(request) }
  const user = await accountOf(challenge.user_id)
  const reserved = await reserveAttempt(db, challenge.email, at, policy, from)
  if (reserved.refused) {
    await finishChallenge(db, reply, challenge.id)
    await audit(db, userActor(user), { action: 'sign_in_second_step_failed', details: { why: 'locked' } }, at)
    return reply.code(400).render('sign-in.njk', {
      errors: [{ text: lockMessage(reserved.refused), href: '#email' }],
      email: challenge.email,
      next: challenge.next,
    })
  }
  const result: SecondStep | { ok: true; by: 'security_key'; recoveryCodesLeft?: undefined } = keyAnswer
    ? (await checkKey(db, challenge.id, challenge.user_id, keyAnswer, relyingPartyOf(request), at))
      ? { ok: true, by: 'security_key' }
      : { ok: false }
    : await checkSecondStep(db, challenge.user_id, entered, at)
  if (result.ok) {
    await attemptSucceeded(db, challenge.email, at, policy, from)
    await finishChallenge(db, reply, challenge.id)
    await audit(
      db,
      userActor(user),
      { action: 'sign_in_second_step', details: { by: result.by, recovery_codes_left: result.recoveryCodesLeft } },
      at,
    )
    await startSession(db, reply, challenge.user_id, {
      secure: config.secureCookies,
      hours: config.sessionHours,
      idleMinutes: config.sessionIdleMinutes,
    })
    return reply.redirect(
      result.by === 'recovery_code' && (result.recoveryCodesLeft ?? 0) <= 3 ? '/account/two-step' : challenge.next,
    )
  }
  const tries = challenge.tries + 1
  await recordChallengeTries(db, challenge.id, tries)
  const locks = reserved.accountLocks ?? reserved.addressLocks
  await audit(
    db,
    userActor(user),
    {
      action: locks ? 'account_locked' : 'sign_in_second_step_failed',
      details: { why: keyAnswer ? 'security key not accepted' : 'wrong code' },
    },
    at,
  )
  if (locks || tries >= CHALLENGE_TRIES) {
    await finishChallenge(db, reply, challenge.id)
    const text = locks
      ? lockMessage({
          ok: false,
          reason: reserved.accountLocks ? 'locked' : 'address_locked',
          lockedUntil: locks,
        })
      : 'Too many wrong codes: sign in again with your password'
    return reply.code(400).render('sign-in.njk', { errors: [{ text, href: '#email' }], next: challenge.next })
  }
  return answerNotAccepted(t, request, reply, challenge, Boolean(keyAnswer))
}

/** The code page again, saying the code or the security key was not accepted. */
async function answerNotAccepted(
  t: TwoStep,
  request: FastifyRequest,
  reply: FastifyReply,
  challenge: { id: string; user_id: number },
  byKey: boolean,
) {
  return reply.code(400).render('sign-in-code.njk', {
    ...(await t.codePage(request, challenge)),
    errors: [
      byKey
        ? { text: 'The security key was not accepted: try again, or enter a code from your app', href: '#code' }
        : {
            text: 'The code is not right. Check the time on your phone is set automatically, wait for a new code and try again',
            href: '#code',
          },
    ],
  })
}

/** Setting up two-step sign-in while signing in, when it is required and not yet set up. */
function registerSignInSetUpRoutes(app: FastifyInstance, t: TwoStep): void {
  const { db, config, limited, accountOf } = t
  app.get('/sign-in/set-up', async (request, reply) => {
    const challenge = await readChallenge(db, request)
    if (!challenge || challenge.stage !== 'enrol') return startOver(reply)
    const offer =
      (await offeredSecret(db, challenge.user_id, challenge.email)) ??
      (await offerSecret(db, challenge.user_id, challenge.email))
    return reply.render('mfa-set-up.njk', { offer, action: '/sign-in/set-up', required: true })
  })

  app.post<{ Body: Record<string, string> }>(
    '/sign-in/set-up',
    { preHandler: app.csrfProtection, config: limited },
    async (request, reply) => {
      const challenge = await readChallenge(db, request)
      if (!challenge || challenge.stage !== 'enrol') return startOver(reply)
      const at = now()
      const code = typeof request.body?.code === 'string' ? request.body.code : ''
      const codes = await confirmSecret(db, challenge.user_id, code, at)
      if (!codes) {
        const offer = await offeredSecret(db, challenge.user_id, challenge.email)
        if (!offer) return startOver(reply)
        return reply.code(400).render('mfa-set-up.njk', {
          offer,
          action: '/sign-in/set-up',
          required: true,
          errors: [{ text: 'The code is not right: enter the 6-digit code your app shows now', href: '#code' }],
        })
      }
      const user = await accountOf(challenge.user_id)
      await finishChallenge(db, reply, challenge.id)
      await audit(db, userActor(user), { action: 'mfa_enabled', details: { user_id: user.id } }, at)
      await startSession(db, reply, challenge.user_id, {
        secure: config.secureCookies,
        hours: config.sessionHours,
        idleMinutes: config.sessionIdleMinutes,
      })
      return reply.render('mfa-recovery-codes.njk', { codes, next: challenge.next })
    },
  )
}

/** On "Your account": turning two-step sign-in on. */
function registerAccountTwoStepRoutes(app: FastifyInstance, t: TwoStep): void {
  const { db, accountPage } = t
  app.get('/account/two-step', { preHandler: signedIn }, async (request, reply) =>
    reply.render('account-two-step.njk', await accountPage(request)),
  )

  app.post<{ Body: Record<string, string> }>(
    '/account/two-step/set-up',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const at = now()
      const codes = await confirmSecret(db, userOf(request).id, String(request.body?.code ?? ''), at)
      if (!codes) {
        const offer = await offeredSecret(db, userOf(request).id, userOf(request).email)
        if (!offer) return reply.redirect('/account/two-step')
        return reply.code(400).render('account-two-step.njk', {
          ...(await accountPage(request)),
          offer,
          errors: [{ text: 'The code is not right: enter the 6-digit code your app shows now', href: '#code' }],
        })
      }
      await audit(db, actorOf(request), { action: 'mfa_enabled', details: { user_id: userOf(request).id } }, at)
      return reply.render('mfa-recovery-codes.njk', { codes, next: '/account/two-step' })
    },
  )
}

/** On "Your account": adding and removing security keys. */
function registerSecurityKeyRoutes(app: FastifyInstance, t: TwoStep): void {
  const { db, limited, accountOf, relyingPartyOf, accountPage } = t
  app.post<{ Body: Record<string, string> }>(
    '/account/security-keys',
    { preHandler: [signedIn, app.csrfProtection], config: limited },
    async (request, reply) => {
      const at = now()
      const user = await accountOf(userOf(request).id)
      if (!user.mfa_enabled_at) throw new HttpError(400, 'Set up two-step sign-in with an app first; then add a key.')
      try {
        const key = await addKey(
          db,
          user.id,
          String(request.body?.key_response ?? ''),
          String(request.body?.key_name ?? ''),
          relyingPartyOf(request),
          at,
        )
        await audit(
          db,
          actorOf(request),
          { action: 'security_key_added', details: { user_id: user.id, key: key.name } },
          at,
        )
        return reply.redirect('/account/two-step#security-keys')
      } catch (error) {
        if (!(error instanceof SecurityKeyRefused)) throw error
        return reply.code(400).render('account-two-step.njk', {
          ...(await accountPage(request)),
          errors: [{ text: error.message, href: '#key-name' }],
        })
      }
    },
  )

  app.post<{ Params: { id: string } }>(
    '/account/security-keys/:id/remove',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      if (!(await removeKey(db, userOf(request).id, request.params.id)))
        throw new HttpError(404, 'You have no such security key.')
      await audit(
        db,
        actorOf(request),
        { action: 'security_key_removed', details: { user_id: userOf(request).id } },
        now(),
      )
      return reply.redirect('/account/two-step#security-keys')
    },
  )
}

/** On "Your account": new recovery codes, or turning two-step sign-in off. */
function registerTwoStepChangeRoutes(app: FastifyInstance, t: TwoStep): void {
  const { db, config, limited, accountOf } = t
  /** Changes to two-step sign-in need a code from the app (or a recovery code) as well as the session. */
  const confirmWithCode = async (request: FastifyRequest<{ Body: Record<string, string> }>) => {
    const result = await checkSecondStep(db, userOf(request).id, String(request.body?.code ?? ''), now())
    if (!result.ok) throw new HttpError(400, 'The code is not right. Go back and enter the code your app shows now.')
  }

  app.post<{ Body: Record<string, string> }>(
    '/account/two-step/recovery-codes',
    { preHandler: [signedIn, app.csrfProtection], config: limited },
    async (request, reply) => {
      await confirmWithCode(request)
      const codes = await replaceRecoveryCodes(db, userOf(request).id, now())
      await audit(
        db,
        actorOf(request),
        { action: 'mfa_recovery_codes_replaced', details: { user_id: userOf(request).id } },
        now(),
      )
      return reply.render('mfa-recovery-codes.njk', { codes, next: '/account/two-step' })
    },
  )

  app.post<{ Body: Record<string, string> }>(
    '/account/two-step/off',
    { preHandler: [signedIn, app.csrfProtection], config: limited },
    async (request, reply) => {
      const user = await accountOf(userOf(request).id)
      if (mfaRequired(user, config))
        throw new HttpError(403, 'Two-step sign-in is required for your role, so it cannot be turned off.')
      await confirmWithCode(request)
      await turnOffMfa(db, user.id)
      await audit(db, actorOf(request), { action: 'mfa_disabled', details: { user_id: user.id } }, now())
      return reply.redirect('/account/two-step')
    },
  )
}

export default routes
