// Passwords are hashed with argon2id (OWASP's first choice), through a maintained native binding,
// and chosen by the NCSC's guidance ("Password policy: updating your approach"): length rather than
// rules of composition, and none of the passwords attackers try first. A password needs at least
// 12 characters that are not all spaces, is not on the deny list of common and breached passwords
// (data/common-passwords.txt, with its notice), not one of them with digits or symbols put before
// or after, not one character or a few repeated, not the person's own name or email address (once
// or more) and not this service's name.
// The one check serves every way a password is set: creating a user (page and command), and
// changing it (page and `threadline user password`).
import { hash, verify } from '@node-rs/argon2'
import { readFileSync } from 'node:fs'
import { sourcePath } from '../config/paths.ts'

const ARGON2ID = 2 // Algorithm.Argon2id; a const enum that isolated-module builds cannot inline

export const MIN_PASSWORD_LENGTH = 12
/** Long enough for any passphrase; a limit so that hashing cannot be made to take forever. */
export const MAX_PASSWORD_LENGTH = 256

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
}

export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** Runs along the keyboard, the alphabet and the digits, both ways: whatever lies inside one is refused. */
const SEQUENCES = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qazwsxedcrfvtgbyhnujmikolp',
  'abcdefghijklmnopqrstuvwxyz',
  '1234567890',
].flatMap((run) => [run + run, [...(run + run)].reverse().join('')])

let denied: Set<string> | null = null
/** The deny list, read once: lower case, one a line. */
function denyList(): Set<string> {
  denied ??= new Set(
    readFileSync(sourcePath('access', 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean),
  )
  return denied
}

/** Words of this service that attackers try first against it (NCSC: refuse context-specific words). */
const SERVICE_WORDS = ['threadline']

/** Is `text` made of these words, each any number of times, with fewer than six other characters? */
const builtFrom = (text: string, words: readonly string[]) => {
  // the longest first: the whole email address before the name inside it
  const rest = [...words].sort((a, b) => b.length - a.length).reduce((left, word) => left.split(word).join(''), text)
  return rest !== text && rest.length < 6
}

/** Letters and digits only, lower case: how a name or password is compared. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/**
 * Why a password cannot be used, in words a person can act on; null when it can. `owner` is the
 * person it is for, whose name and email address it must not be.
 */
export function passwordProblem(password: string, owner: { name?: string; email?: string } = {}): string | null {
  const characters = [...password.trim()].length
  if (characters < MIN_PASSWORD_LENGTH)
    return password.length > 0 && password.trim() === ''
      ? `a password cannot be only spaces: use at least ${MIN_PASSWORD_LENGTH} characters (three or four unrelated words make a good one)`
      : `a password needs at least ${MIN_PASSWORD_LENGTH} characters (three or four unrelated words make a good one)`
  if (password.length > MAX_PASSWORD_LENGTH) return `a password can have at most ${MAX_PASSWORD_LENGTH} characters`
  const text = plain(password)
  const email = (owner.email ?? '').trim().toLowerCase()
  const identities = [
    plain(owner.name ?? ''),
    plain(email),
    plain(email.split('@')[0] ?? ''),
    ...(owner.name ?? '').split(/\s+/).map(plain),
  ].filter((s) => s.length >= 3)
  // the person's name or address (or this service's name), once or more, with a few digits or symbols round it
  if (builtFrom(text, identities)) return 'a password cannot be your own name or email address: choose another'
  if (builtFrom(text, SERVICE_WORDS))
    return "a password cannot be this service's name with a few characters round it: choose another"
  const lower = password.toLowerCase()
  const list = denyList()
  // the password itself, and the word inside digits and symbols put round it ("Password1234!")
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (list.has(lower) || list.has(lower.trim()) || (core.length >= 4 && list.has(core)))
    return 'that password is one of the most common, which attackers try first: choose another (three or four unrelated words make a good one)'
  if (/^(.{1,4}?)\1+$/su.test(lower.replace(/\s+/g, '')))
    return 'a password cannot be one character or a few repeated: choose another'
  if (SEQUENCES.some((run) => run.includes(text)))
    return 'a password cannot be a run of keys or of the alphabet: choose another'
  return null
}
