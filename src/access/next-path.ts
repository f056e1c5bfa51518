// Where to go after signing in: only a path on this site. It must start with exactly one `/`
// followed by a character that is neither `/` nor `\` (browsers read `//host` and `/\host` as
// another site), as typed and once percent-decoded, with no control characters (which browsers
// drop, so `/<tab>/host` would become `//host`) and no unencoded spaces. Anything else goes home.
const ON_THIS_SITE = /^\/[^/\\]/
const UNSAFE_AS_SENT = /[\p{Cc}\s\u2028\u2029]/u
const UNSAFE_DECODED = /[\p{Cc}\u2028\u2029]/u

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(next)
  } catch {
    return '/'
  }
  if (!ON_THIS_SITE.test(next) || UNSAFE_AS_SENT.test(next)) return '/'
  if (!ON_THIS_SITE.test(decoded) || UNSAFE_DECODED.test(decoded)) return '/'
  return next
}
