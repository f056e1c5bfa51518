// Real Chromium for browser journeys: Debian's /usr/bin/chromium driven by playwright-core (never
// a downloaded browser), headless, with the flags this closed network needs; axe-core on each page.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database.ts'
import { testApp } from './web.ts'
import { PASSWORD } from './seed.ts'

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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Every accessibility violation on the page as it is now (WCAG 2.2 AA rules and axe's best practice). */
export async function violations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    })
  })
  return result.violations
}

/** Serious and critical accessibility violations on the page as it is now (WCAG 2.2 AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await violations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
    .join('\n')
}

/** The app listening on a free port of this machine, and Chromium to drive it. */
/** Signs in through the sign-in form, as a person would; says where it ended when it did not reach home. */
export async function signInPage(page: Page, base: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/sign-in`)
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('button:has-text("Sign in")')
  await page.waitForURL(`${base}/`, { timeout: 15_000 }).catch(async () => {
    throw new Error(
      `sign in as ${email} ended on ${page.url()}: ${(await page.content()).replace(/\s+/g, ' ').slice(-1500)}`,
    )
  })
}

export async function servedInChromium(
  database: Database,
): Promise<{ app: FastifyInstance; base: string; browser: Browser }> {
  const app = await testApp(database)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { app, base, browser: await launchChromium() }
}
