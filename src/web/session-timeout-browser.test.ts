// The time-out warning in Chromium (issue 15), under the real content security policy's rules for
// scripts (loaded from the site): 2 minutes before a session would end for want of activity a modal
// dialog says so, with focus in it and the time left told to screen readers once a minute; it passes
// axe-core; "Stay signed in" and Escape extend the session; when the time runs out the page goes to
// sign in, told why. The page's clock and the server's are moved, never waited for.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { seedArea } from '../testing/seed.ts'
import { TestClock } from '../testing/clock.ts'
import { assertAccessible, inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { SignedOutPage, TimeOutWarning } from '../testing/pages/session-timeout-page.ts'

const IDLE_MINUTES = 5
// the server's clock: the machine's until the test moves it past the session's end
const serverClock = new TestClock()

inChromium(
  'the session time-out warning in Chromium',
  (served, backend) => {
    before(async () => {
      await seedArea(backend().database.db)
    })

    test('the warning shows 2 minutes before the end, is accessible, and "Stay signed in" extends the session', async () => {
      const { base, browser } = served()
      // axe-core is injected, so this window lifts the CSP; the script itself is loaded from the site
      const page = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.clock.install()
      await new SignInPage(page, base).signIn('sw@csc.test')
      const warning = new TimeOutWarning(page, base)
      const secondsLeft = await warning.secondsLeftWhenMade()
      assert.ok(secondsLeft > IDLE_MINUTES * 60 - 10 && secondsLeft <= IDLE_MINUTES * 60, `${secondsLeft} s left`)
      await page.clock.fastForward('02:50')
      assert.equal(await warning.shown(), false, 'not before 2 minutes are left')

      await page.clock.fastForward('00:11')
      await warning.appears()
      assert.equal(await warning.heading(), "You're about to be signed out")
      assert.ok(await warning.focusInside(), 'focus is moved into the warning')
      assert.match(await warning.countdown(), /^1 minute 5\d seconds$/)
      assert.equal(await warning.heard(), 'For your security, Threadline will sign you out in 1 minute.')
      await assertAccessible(warning, 'the time-out warning')
      for (let i = 0; i < 3; i++) {
        await warning.tab()
        assert.ok(await warning.focusInside(), `focus stays in the warning (Tab ${i + 1})`)
      }
      await page.clock.fastForward('00:20')
      assert.equal(await warning.heard(), 'For your security, Threadline will sign you out in 1 minute.')
      await page.clock.fastForward('00:40')
      assert.equal(
        await warning.heard(),
        'For your security, Threadline will sign you out in less than a minute.',
        'told again only when the minute changes',
      )

      await warning.staySignedIn()
      await page.clock.fastForward('02:30')
      assert.equal(await warning.shown(), false, 'the session was extended: no warning yet')
      await page.clock.fastForward('00:31')
      await warning.appears()
      await warning.escape()

      // no more activity: the session ends on the server, and the page follows it to sign in
      serverClock.set(new Date(Date.now() + (IDLE_MINUTES + 1) * 60_000))
      await page.clock.fastForward(`0${IDLE_MINUTES}:02`)
      const signedOut = new SignedOutPage(page, base)
      await signedOut.reached(/\/sign-in\?timed_out=1&next=%2F$/)
      assert.match(
        await signedOut.notice(),
        new RegExp(
          `You have been signed out[^]*after ${IDLE_MINUTES} minutes without activity, to protect the records`,
        ),
      )
      await assertAccessible(signedOut, 'the sign-in page after a time-out')
      assert.deepEqual(errors, [])
    })
  },
  {
    settings: { sessionIdleMinutes: IDLE_MINUTES },
    clock: serverClock,
    embeddedOnly: 'the script does not depend on the database: once, on the embedded one',
  },
)
