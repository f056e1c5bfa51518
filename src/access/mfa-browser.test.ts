// Two-step sign-in in real Chromium: a manager sets it up from the QR code page, keeps the recovery
// codes, and signs in again with a code; axe-core on every page of it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { generate } from 'otplib'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, PASSWORD } from '../testing/seed.ts'
import { testApp } from '../testing/web.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  launchChromium,
  seriousViolations,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { latestAudit } from '../testing/audit.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

/** The sign-in form filled and sent; where it leads (home, the code page, set-up) is the test's to check. */
async function typePassword(page: Page, site: string, email: string): Promise<void> {
  await page.goto(`${site}/sign-in`)
  await page.fill('#email', email)
  await page.fill('#password', PASSWORD)
  await page.click('button:has-text("Sign in")')
}

forEachDatabase(
  'two-step sign-in in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    before(async () => {
      if (noBrowser) return
      await seedArea(backend().database.db)
      app = await testApp(backend().database, { mfaRoles: ['manager', 'mash', 'admin'] })
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      browser = await launchChromium()
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    const accessible = async (page: Page, where: string) => {
      const violations = await seriousViolations(page)
      assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
    }

    test(
      'set up from the QR code page, keep the recovery codes, sign in again with a code',
      { skip: noBrowser },
      async () => {
        const context = await browser.newContext({ bypassCSP: true })
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        try {
          const signIn = () => typePassword(page, base, 'manager@police.test')
          await signIn()
          await page.waitForURL(`${base}/sign-in/set-up`)
          assert.equal(await page.locator('svg[role="img"]').count(), 1, 'the QR code is drawn on the page')
          await accessible(page, 'set-up page')
          await page.click('summary:has-text("I cannot scan the QR code")')
          const secret = (await page.textContent('#mfa-secret'))!.trim()
          await page.fill('#code', await generate({ secret }))
          await page.click('button:has-text("Turn on two-step sign-in")')
          assert.equal(await page.locator('#recovery-codes li').count(), 10)
          await accessible(page, 'recovery codes page')
          await page.click('a:has-text("Continue")')
          await page.waitForURL(`${base}/`)
          await page.goto(`${base}/account/two-step`)
          assert.match((await page.textContent('main'))!, /You have 10 unused recovery codes/)
          await accessible(page, 'two-step page on Your account')
          await page.click('button:has-text("Sign out")')
          await page.waitForURL(/\/sign-in/)

          await signIn()
          await page.waitForURL(`${base}/sign-in/code`)
          await accessible(page, 'code page')
          await page.fill('#code', '000000')
          await page.click('button:has-text("Continue")')
          assert.match((await page.textContent('.govuk-error-summary'))!, /The code is not right/)
          await accessible(page, 'code page with an error')
          // the next period's code (accepted up to 30 seconds early): the one used to set up is spent
          await page.fill('#code', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
          await page.click('button:has-text("Continue")')
          await page.waitForURL(`${base}/`)
          assert.deepEqual(errors, [])
        } finally {
          await context.close()
        }
      },
    )
    test(
      'a security key added on Your account, then touched instead of typing a code',
      { skip: noBrowser },
      async () => {
        // WebAuthn binds keys to a domain name: the same server reached as localhost
        const site = base.replace('127.0.0.1', 'localhost')
        const context = await browser.newContext({ bypassCSP: true }) // for axe-core's script only
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        try {
          const cdp = await context.newCDPSession(page)
          await cdp.send('WebAuthn.enable')
          await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: {
              protocol: 'ctap2',
              transport: 'usb',
              hasResidentKey: false,
              hasUserVerification: true,
              isUserVerified: true,
              automaticPresenceSimulation: true,
            },
          })
          const signIn = () => typePassword(page, site, 'nurse@health.test')
          await signIn()
          await page.waitForURL(`${site}/`)
          await page.goto(`${site}/account/two-step`)
          assert.equal(await page.locator('form[data-security-key]').count(), 0, 'a key comes after the app')
          await page.click('summary:has-text("I cannot scan the QR code")')
          const secret = (await page.textContent('#mfa-secret'))!.trim()
          await page.fill('#code', await generate({ secret }))
          await page.click('button:has-text("Turn on two-step sign-in")')
          await page.click('a:has-text("Continue")')
          await page.waitForURL(`${site}/account/two-step`)

          await page.fill('#key-name', 'Blue USB key')
          await page.click('button:has-text("Add a security key")')
          await page.waitForURL(`${site}/account/two-step#security-keys`)
          assert.match((await page.textContent('#security-keys + p + table'))!, /Blue USB key/)
          await accessible(page, 'two-step page with a security key')
          await page.click('button:has-text("Sign out")')
          await page.waitForURL(/\/sign-in/)

          await signIn()
          await page.waitForURL(`${site}/sign-in/code`)
          await accessible(page, 'code page offering the key')
          await page.click('button:has-text("Use your security key")')
          await page.waitForURL(`${site}/`)
          const { db } = backend().database
          const used = await latestAudit<{ by?: string }>(db, 'sign_in_second_step')
          assert.equal(used.by, 'security_key')
          const key = await db
            .selectFrom('webauthn_credentials')
            .select(['name', 'last_used_at'])
            .executeTakeFirstOrThrow()
          assert.equal(key.name, 'Blue USB key')
          assert.ok(key.last_used_at, 'its use is recorded')
          assert.deepEqual(errors, [])
        } finally {
          await context.close()
        }
      },
    )
  },
  { resetBetweenTests: false },
)
