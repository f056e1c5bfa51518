// Real Chromium for browser journeys: Debian's /usr/bin/chromium driven by playwright-core (never
// a downloaded browser), headless, with the flags this closed network needs; axe-core on each page
// (axe.ts); the pages themselves as page objects (pages/).
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import type { Clock } from '../config/clock.ts'
import { testApp } from './web.ts'
import { PASSWORD } from './seed.ts'
import { SignInPage } from './pages/sign-in-page.ts'
import type { AppPage } from './pages/app-page.ts'
import { describeViolations } from './axe.ts'
import { forEachDatabase, type Backend } from './backends.ts'
import { missingPrerequisite } from './needs.ts'
import { must } from '../errors/must.ts'

export const CHROMIUM = process.env.THREADLINE_CHROMIUM ?? '/usr/bin/chromium'
export const chromiumAvailable = () => existsSync(CHROMIUM)

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export { violations, seriousViolations, describeViolations, type AxeViolation } from './axe.ts'

/** Signs in through the sign-in form, as a person would; says where it ended when it did not reach home. */
export async function signInPage(page: Page, base: string, email: string, password = PASSWORD): Promise<void> {
  await new SignInPage(page, base).signIn(email, password)
}

/** The windows a journey works in: JavaScript off, as a locked-down browser is; or on, with the content
 *  security policy lifted so that axe-core can be injected to check the pages. */
const WINDOWS = {
  'without JavaScript': { javaScriptEnabled: false },
  'for axe-core': { javaScriptEnabled: true, bypassCSP: true },
} as const

/** A new window with its own cookies, signed in as `email` through the sign-in form. */
export async function signedInWindow(
  browser: Browser,
  base: string,
  email: string,
  kind: keyof typeof WINDOWS,
): Promise<Page> {
  const page = await (await browser.newContext(WINDOWS[kind])).newPage()
  await signInPage(page, base, email)
  return page
}

/** Fails when axe-core finds a serious or critical violation on the page as it is now, naming the page. */
export async function assertAccessible(page: AppPage, where = page.address()): Promise<void> {
  const violations = await page.seriousViolations()
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
}

/** The app listening on a free port of this machine, and Chromium to drive it. */
export async function servedInChromium(
  database: Database,
  settings: Partial<Config> = {},
  clock?: Clock,
): Promise<{ app: FastifyInstance; base: string; browser: Browser }> {
  const app = await testApp(database, settings, clock)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { app, base, browser: await launchChromium() }
}

/** The app and Chromium a browser suite drives. */
export interface Served {
  app: FastifyInstance
  base: string
  browser: Browser
}

export interface BrowserSuiteOptions {
  /** Why the suite runs once, on the embedded database (for example, the routes' own suites check the
   *  same pages on both); without it the suite runs on every database. */
  embeddedOnly?: string
  settings?: Partial<Config>
  /** "Now" for the suite and the app it serves. */
  clock?: Clock
}

/** A browser suite over each database (testing/backends.ts), its data kept between its tests: the
 *  suite's own `before` hooks run first (to seed what it needs), then the app is served and Chromium
 *  launched, and both are closed after. Without Chromium the suite is skipped, saying so (a failure in
 *  CI, testing/needs.ts). */
export function inChromium(
  title: string,
  suite: (served: () => Served, backend: () => Backend) => void,
  options: BrowserSuiteOptions = {},
): void {
  const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)
  forEachDatabase(
    title,
    (backend) => {
      let served: Served | null = null
      suite(() => must(served, 'the app served in Chromium (its before hook has not run)'), backend)
      before(async () => {
        served = await servedInChromium(backend().database, options.settings, options.clock)
      })
      after(async () => {
        await served?.browser.close()
        await served?.app.close()
      })
    },
    {
      resetBetweenTests: false,
      clock: options.clock,
      skip: noBrowser,
      only: options.embeddedOnly ? { backend: 'pglite', why: options.embeddedOnly } : undefined,
    },
  )
}
