// Kysely's view of the access tables (db/migrations/0013_access_sign_in.ts and later give the reasons).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface SignInAttemptTable {
  scope: 'account' | 'address'
  /** the email address as typed (lower case), or the source address */
  key: string
  /** attempts counted in this window, each counted before its password is checked */
  attempts: number
  /** locks in a row: each lasts twice as long as the one before (back-off) */
  lockouts: Generated<number>
  locked_until: Timestamp | null
  window_started_at: Timestamp
  last_attempt_at: Timestamp
}

/** Uses of an API token, counted per token, route (its pattern, never an id) and hour. */
export interface ApiTokenUseTable {
  token_id: number
  route: string
  hour: Timestamp
  uses: number
}

/** A recovery code for two-step sign-in: only its SHA-256, each used once. */
export interface MfaRecoveryCodeTable {
  user_id: number
  code_hash: string
  created_at: Timestamp
  used_at: Timestamp | null
}

/** Between a right password and a right code: a cookie's hash, what is still to do, and where to go. */
export interface SignInChallengeTable {
  id: string
  user_id: number
  stage: 'code' | 'enrol'
  next: string
  address: string | null
  tries: Generated<number>
  expires_at: Timestamp
  /** the WebAuthn challenge a security key must sign for this second step */
  key_challenge: Generated<string | null>
}

export interface WebauthnCredentialTable {
  id: string
  user_id: number
  public_key: Buffer
  counter: ColumnType<number, number | undefined, number>
  transports: Generated<string[]>
  name: string
  created_at: Timestamp
  last_used_at: Timestamp | null
}

export interface WebauthnRegistrationTable {
  user_id: number
  challenge: string
  expires_at: Timestamp
}

export interface SsoRequestTable {
  state: string
  code_verifier: string
  nonce: string
  next: string
  expires_at: Timestamp
}

export interface AccessTables {
  sign_in_attempts: SignInAttemptTable
  api_token_uses: ApiTokenUseTable
  mfa_recovery_codes: MfaRecoveryCodeTable
  sign_in_challenges: SignInChallengeTable
  sso_requests: SsoRequestTable
  webauthn_credentials: WebauthnCredentialTable
  webauthn_registrations: WebauthnRegistrationTable
}
