// Two-step sign-in for local accounts: a time-based code (TOTP, RFC 6238, through otplib) from an
// authenticator app, set up by scanning a QR code drawn here as SVG (uqr; nothing from another
// site), and ten recovery codes for when the phone is lost, stored only as SHA-256 hashes (each is
// 80 random bits, so a fast hash is enough) and each accepted once. A code's time step is stored
// when it is accepted, in one conditional update, so no code is ever accepted twice, even by two
// requests at once. Who must use it: the roles in THREADLINE_MFA_ROLES (managers, the MASH and
// administrators by default) and anyone an administrator requires it of; anyone may turn it on.
import type { AuditAction } from '../vocabulary/audit-actions.ts'
import { createHash, randomBytes } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'
import { renderSVG } from 'uqr'
import type { Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'

export const ISSUER = 'Threadline'
/** A code is accepted up to 30 seconds either side of its period (phones' clocks drift). */
const TOLERANCE_SECONDS = 30
const PERIOD = 30
export const RECOVERY_CODES = 10
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export interface MfaPolicy {
  mfaRoles: readonly string[]
  mfaExemptDemo: boolean
}

export interface MfaUser {
  roles: readonly string[]
  is_demo: boolean
  mfa_required: boolean
}

/** Whether this person must use two-step sign-in. */
export function mfaRequired(user: MfaUser, policy: MfaPolicy): boolean {
  if (user.mfa_required) return true
  if (user.is_demo && policy.mfaExemptDemo) return false
  return user.roles.some((r) => policy.mfaRoles.includes(r))
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

/** A recovery code as typed: case, spaces and dashes do not matter, and I, L and O read as 1, 1, 0. */
export function normaliseRecoveryCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
}

function newRecoveryCode(): string {
  const bytes = randomBytes(16)
  const chars = [...bytes].map((b) => CROCKFORD[b % 32]).join('')
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`
}

/** The QR code an authenticator app scans, as an SVG image for the page (no script, no other site). */
export function qrCodeSvg(uri: string): string {
  return renderSVG(uri, { ecc: 'M', border: 2 }).replace(
    '<svg ',
    '<svg role="img" aria-label="QR code for your authenticator app" width="220" height="220" class="tl-qr" ',
  )
}

export interface Enrolment {
  secret: string
  uri: string
  svg: string
}

/** Offers a new secret to set up (kept until confirmed with a code, and offered again till then). */
export async function offerSecret(db: Db, userId: number, email: string): Promise<Enrolment> {
  const secret = generateSecret({ length: 20 })
  await db.updateTable('users').set({ mfa_pending_secret: secret }).where('id', '=', userId).execute()
  const uri = generateURI({ issuer: ISSUER, label: email, secret })
  return { secret, uri, svg: qrCodeSvg(uri) }
}

/** The secret on offer, shown again (the page reloaded after a wrong code). */
export async function offeredSecret(db: Db, userId: number, email: string): Promise<Enrolment | null> {
  const row = await db.selectFrom('users').select('mfa_pending_secret').where('id', '=', userId).executeTakeFirst()
  if (!row?.mfa_pending_secret) return null
  const uri = generateURI({ issuer: ISSUER, label: email, secret: row.mfa_pending_secret })
  return { secret: row.mfa_pending_secret, uri, svg: qrCodeSvg(uri) }
}

/** The time step a code belongs to, if it is right for the secret at `now` and after `after`. */
async function codeStep(secret: string, code: string, now: Date, after: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      period: PERIOD,
      ...(after !== null ? { afterTimeStep: after } : {}),
    })
    return result.valid && 'timeStep' in result ? (result.timeStep as number) : null
  } catch {
    return null
  }
}

/**
 * Confirms the offered secret with a code from the app: two-step sign-in is on from now, and the
 * recovery codes (returned once, to be shown once) replace any earlier ones.
 */
export async function confirmSecret(db: Db, userId: number, code: string, now: Date): Promise<string[] | null> {
  const row = await db.selectFrom('users').select('mfa_pending_secret').where('id', '=', userId).executeTakeFirst()
  if (!row?.mfa_pending_secret) return null
  const step = await codeStep(row.mfa_pending_secret, code, now, null)
  if (step === null) return null
  const secret = row.mfa_pending_secret
  return db.transaction().execute(async (trx) => {
    const set = await trx
      .updateTable('users')
      .set({ mfa_secret: secret, mfa_enabled_at: now, mfa_last_step: step, mfa_pending_secret: null })
      .where('id', '=', userId)
      .where('mfa_pending_secret', '=', secret)
      .returning('id')
      .executeTakeFirst()
    if (!set) return null
    return replaceRecoveryCodes(trx, userId, now)
  })
}

/** New recovery codes; the old ones stop working. Returned once, stored only as hashes. */
export async function replaceRecoveryCodes(db: Db, userId: number, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode)
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
  await db
    .insertInto('mfa_recovery_codes')
    .values(
      codes.map((c) => ({
        user_id: userId,
        code_hash: digest(normaliseRecoveryCode(c)),
        created_at: now,
        used_at: null,
      })),
    )
    .execute()
  return codes
}

export type SecondStep = { ok: true; by: 'code' | 'recovery_code'; recoveryCodesLeft?: number } | { ok: false }

/**
 * Checks the second step: a code from the app (never one already accepted), or an unused recovery
 * code (used up by this). One conditional update each, so two requests at once cannot both pass.
 */
export async function checkSecondStep(db: Db, userId: number, entered: string, now: Date): Promise<SecondStep> {
  const user = await db
    .selectFrom('users')
    .select(['mfa_secret', 'mfa_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user?.mfa_secret) return { ok: false }
  const step = await codeStep(user.mfa_secret, entered, now, user.mfa_last_step)
  if (step !== null) {
    const taken = await db
      .updateTable('users')
      .set({ mfa_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
      .returning('id')
      .executeTakeFirst()
    return taken ? { ok: true, by: 'code' } : { ok: false }
  }
  const recovery = normaliseRecoveryCode(entered)
  if (!/^[0-9A-Z]{16}$/.test(recovery)) return { ok: false }
  const used = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', digest(recovery))
    .where('used_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst()
  if (!used) return { ok: false }
  const left = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return { ok: true, by: 'recovery_code', recoveryCodesLeft: Number(left.n) }
}

/** Turns two-step sign-in off for a user (they turn it off, or an administrator resets a lost phone). */
export async function turnOffMfa(db: Db, userId: number): Promise<void> {
  await db.transaction().execute((trx) => clearTwoStep(trx, userId))
}

async function clearTwoStep(trx: Transaction<Tables>, userId: number): Promise<void> {
  await trx
    .updateTable('users')
    .set({ mfa_secret: null, mfa_enabled_at: null, mfa_last_step: null, mfa_pending_secret: null })
    .where('id', '=', userId)
    .execute()
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
  await trx.deleteFrom('webauthn_credentials').where('user_id', '=', userId).execute()
  await trx.deleteFrom('webauthn_registrations').where('user_id', '=', userId).execute()
}

/** What an administrator may do to someone else's two-step sign-in (the admin page and `user two-step`). */
export const TWO_STEP_CHANGES = ['reset', 'require', 'not-required'] as const
export type TwoStepChange = (typeof TWO_STEP_CHANGES)[number]
const TWO_STEP_AUDIT: Record<TwoStepChange, AuditAction> = {
  reset: 'mfa_reset',
  require: 'mfa_required',
  'not-required': 'mfa_not_required',
}

export const isTwoStepChange = (value: unknown): value is TwoStepChange =>
  (TWO_STEP_CHANGES as readonly unknown[]).includes(value)

/**
 * Resets a user's two-step sign-in (set up afresh at their next sign-in: a lost phone and codes),
 * or requires it of them, or stops requiring it (their role may still need it), with its audit row in
 * the same transaction.
 */
export async function changeTwoStep(
  db: Db,
  actor: Actor,
  userId: number,
  change: TwoStepChange,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (change === 'reset') await clearTwoStep(trx, userId)
    else
      await trx
        .updateTable('users')
        .set({ mfa_required: change === 'require' })
        .where('id', '=', userId)
        .execute()
    await appendAudit(trx, actor, { action: TWO_STEP_AUDIT[change], details: { user_id: userId } }, at)
  })
}

export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  const left = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(left.n)
}
