// Drives the app through Fastify's inject: sign in as a user (with the CSRF token from the form),
// then make requests with that session's cookies. The app reads "now" from the clock it is given (by
// default the one the test runs under, if any: see testing/clock.ts).
import { extractText, getDocumentProxy } from 'unpdf'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../web/app.ts'
import { CAPABILITIES, installCapabilities } from '../capabilities.ts'
import type { Database } from '../db/database.ts'
import { loadConfig, type Config } from '../config/config.ts'
import { clockInScope, type Clock } from '../config/clock.ts'
import { PASSWORD } from './seed.ts'

export async function testApp(
  database: Database,
  settings: Partial<Config> = {},
  clock: Clock | undefined = clockInScope(),
): Promise<FastifyInstance> {
  // two-step sign-in is asked of no role unless a test says so (access/mfa.test.ts does), so that
  // every other test signs in with a password as before
  installCapabilities()
  const app = await buildApp({
    database,
    capabilities: CAPABILITIES,
    config: { ...loadConfig({}), secureCookies: false, mfaRoles: [], ...settings },
    clock,
  })
  await app.ready()
  return app
}

/** What a response says in words: a PDF's text (extracted), else the body as it came. */
export async function wordsOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/pdf')) return res.body
  const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload))
  return (await extractText(pdf, { mergePages: true })).text
}

export class Browser {
  cookies = new Map<string, string>()
  constructor(readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader, accept: 'text/html', ...headers },
    })
    this.remember(res)
    return res
  }

  /** Posts a form as a browser would, with the CSRF token of the page it came from. */
  async post(url: string, form: Record<string, string>, fromPage = '/sign-in') {
    const page = await this.get(fromPage)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: token, ...form }).toString(),
    })
    this.remember(res)
    return res
  }

  async signIn(email: string, password = PASSWORD) {
    const res = await this.post('/sign-in', { email, password })
    if (res.statusCode !== 302) throw new Error(`sign in as ${email} failed: ${res.statusCode}`)
    return this
  }
}

/**
 * Every page the navigation leads this signed-in user to: the main navigation's entries on the home
 * page, and each section's own pages (its sub-navigation, on the page the entry opens).
 */
export async function navigationLinks(browser: Browser): Promise<string[]> {
  const hrefs = (html: string, kind: string) =>
    [...html.matchAll(new RegExp(`class="moj-${kind}__link" href="([^"]+)"`, 'g'))].map((m) => m[1])
  const sections = hrefs((await browser.get('/')).body, 'primary-navigation')
  const pages = new Set(sections)
  for (const href of sections)
    for (const page of hrefs((await browser.get(href)).body, 'sub-navigation')) pages.add(page)
  return [...pages]
}
