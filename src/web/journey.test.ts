// A practitioner's journey in real Chromium, with and without JavaScript: sign in, find a child,
// open the chronology, filter it, look "as of" a past date, sign out. axe-core on every page.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { seedArea } from '../testing/seed.ts'
import { assertAccessible, inChromium } from '../testing/browser.ts'
import type { AppPage } from '../testing/pages/app-page.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { HomePage, SearchResultsPage } from '../testing/pages/home-page.ts'
import { ErrorPage } from '../testing/pages/error-page.ts'

inChromium("a practitioner's journey in Chromium", (served, backend) => {
  before(async () => {
    await seedArea(backend().database.db)
  })

  for (const javaScript of [true, false]) {
    test(`sign in, find, open, filter, replay and sign out (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { base, browser } = served()
      const context = await browser.newContext({ javaScriptEnabled: javaScript, bypassCSP: true })
      // axe runs inside the page, so it needs JavaScript; the same pages are checked with it on
      const check = javaScript ? assertAccessible : async (_page: AppPage, _where: string) => {}
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      try {
        const signIn = new SignInPage(page, base)
        await new HomePage(page, base).open()
        assert.equal(signIn.path(), '/sign-in', 'home asks a stranger to sign in first')
        await check(signIn, 'sign-in page')
        await signIn.answer('sw@csc.test')
        await signIn.reached('/')
        const home = new HomePage(page, base)
        await check(home, 'home page')

        const results = await home.search('Aimee Smyth')
        await check(results, 'search results')
        const aimee = await results.openPerson(/smith|Smith|Smyth/)
        assert.match(await aimee.identity(), /Smyth|Smith/)
        await check(aimee, 'person page')
        const chronology = await aimee.chronology()
        await check(chronology, 'chronology page')
        const titles = await chronology.titles()
        assert.equal(titles.length, 4)
        assert.ok(
          titles.some((t) => t.includes('Restricted')),
          'the sexual health record shows as restricted',
        )

        await chronology.onlyFrom('police')
        assert.deepEqual(await chronology.titles(), ['Missing episode'])
        await check(chronology, 'filtered chronology')

        await chronology.asKnownOn('2008-04-02')
        assert.deepEqual(await chronology.titles(), ['Safeguarding concern'])
        assert.match(await chronology.asKnownNotice(), /what had been recorded by the end of 2 April 2008/)
        await check(chronology, 'as-of chronology')

        await chronology.signOut()
        const afterSignOut = await new SearchResultsPage(page, base).open('amy')
        assert.equal(afterSignOut.path(), '/sign-in', 'signed out for real')
        assert.deepEqual(errors, [], 'no script errors')
      } finally {
        await context.close()
      }
    })
  }

  test('error pages are accessible and show no stack trace', async () => {
    const { base, browser } = served()
    const context = await browser.newContext({ bypassCSP: true })
    const page = new ErrorPage(await context.newPage(), base)
    try {
      assert.equal(await page.request('/no-such-page'), 404)
      await assertAccessible(page, '404 page')
      assert.doesNotMatch(await page.html(), /node_modules|\.ts:\d+/)
    } finally {
      await context.close()
    }
  })
})
