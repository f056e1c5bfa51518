// Two-step sign-in in real Chromium: a manager sets it up from the QR code page, keeps the recovery
// codes, and signs in again with a code; axe-core on every page of it.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { generate } from 'otplib'
import { seedArea } from '../testing/seed.ts'
import { describeViolations, inChromium } from '../testing/browser.ts'
import { latestAudit } from '../testing/audit.ts'
import { SecondStepPage, SignInPage, TwoStepSetUpPage } from '../testing/pages/sign-in-page.ts'
import { TwoStepAccountPage } from '../testing/pages/account-page.ts'
import type { AppPage } from '../testing/pages/app-page.ts'

inChromium(
  'two-step sign-in in Chromium',
  (served, backend) => {
    before(async () => {
      await seedArea(backend().database.db)
    })

    const accessible = async (page: AppPage, where: string) => {
      const violations = await page.seriousViolations()
      assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
    }

    test('set up from the QR code page, keep the recovery codes, sign in again with a code', async () => {
      const { base, browser } = served()
      const context = await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      try {
        const signInForm = new SignInPage(page, base)
        const setUp = new TwoStepSetUpPage(page, base)
        const account = new TwoStepAccountPage(page, base)
        const secondStep = new SecondStepPage(page, base)
        const signIn = () => signInForm.submit('manager@police.test')
        await signIn()
        await setUp.reached('/sign-in/set-up')
        assert.equal(await setUp.qrCodes(), 1, 'the QR code is drawn on the page')
        await accessible(setUp, 'set-up page')
        const secret = await setUp.secret()
        await setUp.turnOn(await generate({ secret }))
        assert.equal(await setUp.recoveryCodes(), 10)
        await accessible(setUp, 'recovery codes page')
        await setUp.continue()
        await setUp.reached('/')
        await account.open()
        assert.match(await account.mainText(), /You have 10 unused recovery codes/)
        await accessible(account, 'two-step page on Your account')
        await account.signOut()

        await signIn()
        await secondStep.reached('/sign-in/code')
        await accessible(secondStep, 'code page')
        await secondStep.enterCode('000000')
        assert.match(await secondStep.errorSummary(), /The code is not right/)
        await accessible(secondStep, 'code page with an error')
        // the next period's code (accepted up to 30 seconds early): the one used to set up is spent
        await secondStep.enterCode(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
        await secondStep.reached('/')
        assert.deepEqual(errors, [])
      } finally {
        await context.close()
      }
    })
    test('a security key added on Your account, then touched instead of typing a code', async () => {
      const { base, browser } = served()
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
        const signInForm = new SignInPage(page, site)
        const setUp = new TwoStepSetUpPage(page, site)
        const account = new TwoStepAccountPage(page, site)
        const secondStep = new SecondStepPage(page, site)
        const signIn = () => signInForm.submit('nurse@health.test')
        await signIn()
        await signInForm.reached('/')
        await account.open()
        assert.equal(await account.offersSecurityKey(), false, 'a key comes after the app')
        const secret = await setUp.secret()
        await setUp.turnOn(await generate({ secret }))
        await setUp.continue()
        await account.reached('/account/two-step')

        await account.addSecurityKey('Blue USB key')
        await account.reached('/account/two-step#security-keys')
        assert.match(await account.securityKeys(), /Blue USB key/)
        await accessible(account, 'two-step page with a security key')
        await account.signOut()

        await signIn()
        await secondStep.reached('/sign-in/code')
        await accessible(secondStep, 'code page offering the key')
        await secondStep.useSecurityKey()
        await secondStep.reached('/')
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
    })
  },
  { settings: { mfaRoles: ['manager', 'mash', 'admin'] } },
)
