// Single sign-on's settings (THREADLINE_OIDC_*), read through the settings table: what access/sso.ts
// needs to reach the identity provider. Declared with the rest of the configuration, so that loading the
// configuration never reaches into a capability.
import { readSettings } from './settings.ts'

export interface SsoSettings {
  /** The identity provider's issuer (its discovery document is at /.well-known/openid-configuration). */
  issuer: URL
  clientId: string
  clientSecret: string
  /** Threadline's address as people's browsers reach it; the provider returns to /sign-in/sso/callback. */
  publicUrl: URL
  /** What the sign-in page calls the account ("Sign in with ..."). */
  name: string
  scopes: string
  /** The claim holding the user's agency, and the one holding their roles (a list or space-separated). */
  agencyClaim: string
  rolesClaim: string
  /** A claim value → an agency code, and → a role, where the provider's names differ from Threadline's. */
  agencyMap: ReadonlyMap<string, string>
  roleMap: ReadonlyMap<string, string>
}

const SSO_KEYS = [
  'oidcIssuer',
  'oidcClientId',
  'oidcClientSecret',
  'publicUrl',
  'oidcName',
  'oidcScopes',
  'oidcAgencyClaim',
  'oidcRolesClaim',
  'oidcAgencyMap',
  'oidcRoleMap',
] as const

/**
 * Single sign-on from the environment: off (null) unless THREADLINE_OIDC_ISSUER is set. The variables,
 * their checks and defaults are declared in src/config/settings.ts; a bad or missing one throws
 * ConfigError naming every one at once.
 */
export function ssoSettings(env: NodeJS.ProcessEnv): SsoSettings | null {
  const s = readSettings(env, SSO_KEYS)
  if (!s.oidcIssuer) return null
  return {
    issuer: new URL(s.oidcIssuer),
    // present: the table requires them with an issuer
    clientId: s.oidcClientId ?? '',
    clientSecret: s.oidcClientSecret ?? '',
    publicUrl: new URL(s.publicUrl ?? ''),
    name: s.oidcName,
    scopes: s.oidcScopes,
    agencyClaim: s.oidcAgencyClaim,
    rolesClaim: s.oidcRolesClaim,
    agencyMap: s.oidcAgencyMap ?? new Map(),
    roleMap: s.oidcRoleMap ?? new Map(),
  }
}
