// What the sign-in pages share: the source address a request is counted under, the rate limit
// (@fastify/rate-limit, per process; the lock-out that holds across processes is sign-in.ts's), and
// what a lock says to the person.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import { HttpError } from '../web/http-error.ts'
import { formatLondon, now } from '../config/clock.ts'
import type { SignInResult } from '../access/sign-in.ts'

/** The source address a request is counted under: IPv6 by its /64, as one household or office gets. */
export const sourceAddress = (request: FastifyRequest) => normalizeIP(request.ip, 64)

/** Registers the rate limit in a plugin; its routes opt in with `config: { rateLimit: ... }`. */
export async function rateLimited(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    keyGenerator: sourceAddress,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        `Too many sign-in attempts from your network. Wait ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds and try again.`,
      ),
  })
}

export function lockMessage(result: Extract<SignInResult, { ok: false }>): string {
  const until = result.lockedUntil ? formatLondon(result.lockedUntil) : null
  const today = formatLondon(now())?.slice(0, 10)
  const when = until
    ? `after ${until.slice(11, 16)}${until.slice(0, 10) === today ? '' : ` on ${until.slice(0, 10)}`}`
    : 'later'
  return result.reason === 'address_locked'
    ? `Too many failed sign-ins have come from your network. Try again ${when}, or ask your administrator.`
    : `This account is locked after too many failed attempts. Try again ${when}, or ask your administrator.`
}
