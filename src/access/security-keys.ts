// Security keys and passkeys (WebAuthn, through @simplewebauthn/server) as the second step of
// signing in, where the browser offers them: someone with two-step sign-in on adds a key on "Your
// account", then touches it instead of typing a code. The authenticator app and the recovery codes
// stay as the way in when the key is not at hand; turning two-step sign-in off or an administrator's
// reset removes the keys too. Each challenge is the server's, used once, and bound to the site's
// origin; a key's signature counter must move on (a cloned key is refused).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { errorKind } from '../errors/domain-error.ts'

/** The site as the browser sees it: WebAuthn binds every key to its domain and origin. */
export interface RelyingParty {
  id: string
  origin: string
}

export const relyingParty = (origin: URL): RelyingParty => ({ id: origin.hostname, origin: origin.origin })

const REGISTRATION_MINUTES = 10
const KEY_NAME_LENGTH = 60

export interface SecurityKey {
  id: string
  name: string
  created_at: Date
  last_used_at: Date | null
}

export function keysOf(db: Db, userId: number): Promise<SecurityKey[]> {
  return db
    .selectFrom('webauthn_credentials')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
}

/** The browser's instructions for making a new key for this user (its challenge kept for the answer). */
export async function newKeyOptions(
  db: Db,
  user: { id: number; email: string; name: string },
  rp: RelyingParty,
  at: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db
    .selectFrom('webauthn_credentials')
    .select(['id', 'transports'])
    .where('user_id', '=', user.id)
    .execute()
  const options = await generateRegistrationOptions({
    rpName: 'Threadline',
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`threadline-user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
  })
  const expires = new Date(at.getTime() + REGISTRATION_MINUTES * 60_000)
  await db
    .insertInto('webauthn_registrations')
    .values({ user_id: user.id, challenge: options.challenge, expires_at: expires })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ challenge: options.challenge, expires_at: expires }))
    .execute()
  return options
}

type AuthenticatorTransport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb'

export class SecurityKeyRefused extends errorKind('invalid') {}

/** Checks the browser's answer to newKeyOptions and keeps the key; its challenge is used once. */
export async function addKey(
  db: Db,
  userId: number,
  answer: string,
  name: string,
  rp: RelyingParty,
  at: Date,
): Promise<SecurityKey> {
  const label = name.trim().slice(0, KEY_NAME_LENGTH)
  if (!label) throw new SecurityKeyRefused('Give the key a name you will recognise, such as "Blue USB key"')
  const pending = await db
    .deleteFrom('webauthn_registrations')
    .where('user_id', '=', userId)
    .returning(['challenge', 'expires_at'])
    .executeTakeFirst()
  if (!pending || pending.expires_at.getTime() < at.getTime())
    throw new SecurityKeyRefused('Adding the key took too long: try again')
  const response = parseAnswer<RegistrationResponseJSON>(answer)
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: pending.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch((error: unknown) => {
    throw new SecurityKeyRefused(`The key's answer could not be checked (${(error as Error).message})`)
  })
  if (!verified.verified || !verified.registrationInfo)
    throw new SecurityKeyRefused('The key did not answer as a security key should: try again')
  const { credential } = verified.registrationInfo
  const row = await db
    .insertInto('webauthn_credentials')
    .values({
      id: credential.id,
      user_id: userId,
      public_key: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: label,
      created_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirst()
  if (!row) throw new SecurityKeyRefused('This key is already added')
  return row
}

export async function removeKey(db: Db, userId: number, keyId: string): Promise<boolean> {
  const gone = await db
    .deleteFrom('webauthn_credentials')
    .where('user_id', '=', userId)
    .where('id', '=', keyId)
    .executeTakeFirst()
  return Number(gone.numDeletedRows) > 0
}

/** The browser's instructions for a sign-in's second step by key, or null when the user has none. */
export async function keySignInOptions(
  db: Db,
  challengeId: string,
  userId: number,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const keys = await db
    .selectFrom('webauthn_credentials')
    .select(['id', 'transports'])
    .where('user_id', '=', userId)
    .execute()
  if (keys.length === 0) return null
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.id, transports: k.transports as AuthenticatorTransport[] })),
    userVerification: 'preferred',
  })
  await db
    .updateTable('sign_in_challenges')
    .set({ key_challenge: options.challenge })
    .where('id', '=', challengeId)
    .execute()
  return options
}

/**
 * Checks a key's answer for a sign-in's second step: one of the user's keys, signing this step's
 * challenge (then cleared, so an answer works once) for this site, with its counter moved on.
 */
export async function checkKey(
  db: Db,
  challengeId: string,
  userId: number,
  answer: string,
  rp: RelyingParty,
  at: Date,
): Promise<boolean> {
  // taken and cleared in one statement: two answers to one challenge cannot both be checked
  const taken = await sql<{ challenge: string }>`update sign_in_challenges c set key_challenge = null
      from (select id, key_challenge from sign_in_challenges where id = ${challengeId} for update) before
      where c.id = before.id and before.key_challenge is not null
      returning before.key_challenge as challenge`.execute(db)
  const expectedChallenge = taken.rows[0]?.challenge
  if (!expectedChallenge) return false
  let response: AuthenticationResponseJSON
  try {
    response = parseAnswer<AuthenticationResponseJSON>(answer)
  } catch {
    return false
  }
  const key = await db
    .selectFrom('webauthn_credentials')
    .select(['id', 'public_key', 'counter', 'transports'])
    .where('user_id', '=', userId)
    .where('id', '=', String(response.id ?? ''))
    .executeTakeFirst()
  if (!key) return false
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(key.public_key),
      counter: key.counter,
      transports: key.transports as AuthenticatorTransport[],
    },
    requireUserVerification: false,
  }).catch(() => null)
  if (!verified?.verified) return false
  await db
    .updateTable('webauthn_credentials')
    .set({ counter: verified.authenticationInfo.newCounter, last_used_at: at })
    .where('id', '=', key.id)
    .execute()
  return true
}

function parseAnswer<T>(text: string): T {
  try {
    const value = JSON.parse(text) as unknown
    if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return value as T
  } catch {
    // fall through
  }
  throw new SecurityKeyRefused('The key’s answer was not sent whole: try again')
}
