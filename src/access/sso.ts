// Single sign-on by OpenID Connect (openid-client): the authorisation code flow with PKCE (S256),
// state and nonce, against the area's identity provider (Entra ID, Okta, Keycloak...). The provider
// says who someone is and, through claims named in the settings, their agency and roles; Threadline
// keeps a user row per provider account (issuer and subject) and brings its name, agency and roles up
// to date at every sign-in, so that a leaver or a change of role at the provider takes effect at the
// next sign-in. The provider does the second factor. While single sign-on is on, a local password
// opens only accounts marked break-glass (decision 0013).
import { randomBytes } from 'node:crypto'
import * as oidc from 'openid-client'
import type { Db } from '../db/database.ts'
import { isRole, type Role } from '../vocabulary/roles.ts'
import type { SsoSettings } from '../config/sso-settings.ts'
import { errorKind } from '../errors/domain-error.ts'

export type Claims = Record<string, unknown>

export interface SsoAccount {
  issuer: string
  subject: string
  email: string
  name: string
  agency: string
  roles: Role[]
}

/**
 * Who the provider says this is, in Threadline's terms, or why they cannot come in: no email, no
 * agency that is registered here, or no role. Pure: the caller passes the agencies registered.
 */
export function accountFromClaims(
  claims: Claims,
  settings: SsoSettings,
  agencies: ReadonlySet<string>,
): { ok: true; account: SsoAccount } | { ok: false; why: string } {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const subject = text(claims.sub)
  const email = text(claims.email).toLowerCase()
  if (!subject) return { ok: false, why: 'the identity provider did not say who you are (no subject)' }
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || claims.email_verified === false)
    return { ok: false, why: 'the identity provider did not give a verified email address' }
  const agencyValue = text(claims[settings.agencyClaim])
  const agency = settings.agencyMap.get(agencyValue) ?? agencyValue
  if (!agency || !agencies.has(agency))
    return {
      ok: false,
      why: agencyValue
        ? `your organisation "${agencyValue}" is not an agency registered in Threadline`
        : `your account does not name your agency (claim ${settings.agencyClaim})`,
    }
  const raw = claims[settings.rolesClaim]
  const values = Array.isArray(raw) ? raw.map(text) : text(raw).split(/[\s,]+/)
  const roles = [
    ...new Set(
      values
        .filter(Boolean)
        .map((v) => settings.roleMap.get(v) ?? v)
        .filter(isRole),
    ),
  ]
  if (roles.length === 0)
    return { ok: false, why: `your account gives you no Threadline role (claim ${settings.rolesClaim})` }
  const name = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ')
  return {
    ok: true,
    account: { issuer: text(claims.iss) || settings.issuer.href, subject, email, name: name || email, agency, roles },
  }
}

/** How long someone has to finish signing in at the provider. */
const REQUEST_MINUTES = 10
export const SSO_CALLBACK = '/sign-in/sso/callback'

const discovered = new Map<string, Promise<oidc.Configuration>>()

/** The provider's configuration, discovered once per process (and again after a failure). */
function providerOf(settings: SsoSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`
  let found = discovered.get(key)
  if (!found) {
    found = oidc.discovery(
      settings.issuer,
      settings.clientId,
      settings.clientSecret,
      oidc.ClientSecretBasic(settings.clientSecret),
      settings.issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    )
    found.catch(() => discovered.delete(key))
    discovered.set(key, found)
  }
  return found
}

export class SsoUnavailable extends errorKind('unavailable') {}
export class SsoRefused extends errorKind('forbidden') {}

/** Begins a sign-in: remembers state, verifier and nonce, and gives the provider's address to go to. */
export async function beginSso(
  db: Db,
  settings: SsoSettings,
  next: string,
  at: Date,
): Promise<{ url: string; state: string }> {
  const provider = await providerOf(settings).catch((error: unknown) => {
    throw new SsoUnavailable(`the identity provider could not be reached (${(error as Error).message})`)
  })
  const state = randomBytes(24).toString('base64url')
  const verifier = oidc.randomPKCECodeVerifier()
  const nonce = oidc.randomNonce()
  await db.deleteFrom('sso_requests').where('expires_at', '<', at).execute()
  await db
    .insertInto('sso_requests')
    .values({
      state,
      code_verifier: verifier,
      nonce,
      next,
      expires_at: new Date(at.getTime() + REQUEST_MINUTES * 60_000),
    })
    .execute()
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: new URL(SSO_CALLBACK, settings.publicUrl).href,
    scope: settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  return { url: url.href, state }
}

/**
 * Finishes a sign-in the browser began (its state cookie must be the state the provider returns):
 * the code exchanged with the verifier, the ID token checked (issuer, audience, nonce, expiry), the
 * user's claims read from it and the userinfo endpoint. Each begun sign-in is used once.
 */
export async function finishSso(
  db: Db,
  settings: SsoSettings,
  callback: URL,
  browserState: string | undefined,
  at: Date,
): Promise<{ claims: Claims; next: string }> {
  const state = callback.searchParams.get('state') ?? ''
  if (!browserState || browserState !== state)
    throw new SsoRefused('this sign-in was not begun in this browser; start again')
  const request = await db.deleteFrom('sso_requests').where('state', '=', state).returningAll().executeTakeFirst()
  if (!request || request.expires_at.getTime() < at.getTime())
    throw new SsoRefused('signing in took too long or was already finished; start again')
  const error = callback.searchParams.get('error')
  if (error)
    throw new SsoRefused(
      `the identity provider did not sign you in (${callback.searchParams.get('error_description') ?? error})`,
    )
  const provider = await providerOf(settings).catch((e: unknown) => {
    throw new SsoUnavailable(`the identity provider could not be reached (${(e as Error).message})`)
  })
  const tokens = await oidc
    .authorizationCodeGrant(provider, callback, {
      pkceCodeVerifier: request.code_verifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    })
    .catch((e: unknown) => {
      throw new SsoRefused(`the identity provider's answer could not be checked (${(e as Error).message})`)
    })
  const idClaims: Claims = tokens.claims() ?? {}
  const info = await oidc.fetchUserInfo(provider, tokens.access_token, String(idClaims.sub)).catch(() => ({}))
  return { claims: { ...info, ...idClaims }, next: request.next }
}

/**
 * The user row for a provider account: found by issuer and subject, else an existing account with
 * the same email taken over (the first sign-in of someone created before single sign-on), else a new
 * one; name, agency and roles brought up to date from the provider. Null when the account is switched
 * off here.
 */
export async function userForAccount(db: Db, account: SsoAccount): Promise<{ id: number; created: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const found =
      (await trx
        .selectFrom('users')
        .select(['id', 'active'])
        .where('sso_issuer', '=', account.issuer)
        .where('sso_subject', '=', account.subject)
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('users')
        .select(['id', 'active'])
        .where('email', '=', account.email)
        .where('sso_subject', 'is', null)
        .executeTakeFirst())
    const fields = {
      email: account.email,
      name: account.name,
      agency_code: account.agency,
      roles: account.roles,
      sso_issuer: account.issuer,
      sso_subject: account.subject,
    }
    if (!found) {
      const taken = await trx.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst()
      if (taken) throw new SsoRefused(`another identity provider account already signs in as ${account.email}`)
    }
    if (found) {
      if (!found.active) return null
      await trx.updateTable('users').set(fields).where('id', '=', found.id).execute()
      return { id: found.id, created: false }
    }
    const row = await trx
      .insertInto('users')
      .values({ ...fields, job_title: null, password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: row.id, created: true }
  })
}

export async function registeredAgencies(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('agencies').select('code').execute()).map((a) => a.code))
}
