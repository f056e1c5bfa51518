// Who is asking: a signed-in person, an agency system with a token, or someone at the command line.
import { setting } from '../config/settings.ts'

export type Actor =
  | { kind: 'user'; userId: number; email: string; name: string; agency: string; roles: readonly string[] }
  | { kind: 'token'; tokenId: number; agency: string }
  | { kind: 'system'; name: string }

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email
  if (actor.kind === 'token') return `token:${actor.agency}#${actor.tokenId}`
  return actor.name
}

export function actorAgency(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.agency
}

export const cliActor = (): Actor => ({ kind: 'system', name: `cli:${setting('user')}` })
