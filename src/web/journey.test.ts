// A practitioner's journey in real Chromium, with and without JavaScript: sign in, find a child,
// open the chronology, filter it, look "as of" a past date, sign out. axe-core on every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, PASSWORD } from '../testing/seed.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

forEachDatabase(
  "a practitioner's journey in Chromium",
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string

    before(async () => {
      if (noBrowser) return
      await seedArea(backend().database.db)
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    const accessible = async (page: Page, where: string) => {
      const violations = await seriousViolations(page)
      assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
    }

    for (const javaScript of [true, false]) {
      test(
        `sign in, find, open, filter, replay and sign out (JavaScript ${javaScript ? 'on' : 'off'})`,
        { skip: noBrowser },
        async () => {
          const context = await browser.newContext({ javaScriptEnabled: javaScript, bypassCSP: true })
          // axe runs inside the page, so it needs JavaScript; the same pages are checked with it on
          const check = javaScript ? accessible : async (_page: Page, _where: string) => {}
          const page = await context.newPage()
          const errors: string[] = []
          page.on('pageerror', (e) => errors.push(e.message))
          try {
            await page.goto(`${base}/`)
            assert.match(page.url(), /\/sign-in/)
            await check(page, 'sign-in page')
            await page.fill('#email', 'sw@csc.test')
            await page.fill('#password', PASSWORD)
            await page.click('button:has-text("Sign in")')
            await page.waitForURL(`${base}/`)
            await check(page, 'home page')

            await page.fill('#q', 'Aimee Smyth')
            await page.click('button:has-text("Search")')
            await page.waitForURL(/\/people\?q=/)
            await check(page, 'search results')
            const link = page.locator('table a', { hasText: /smith|Smith|Smyth/ }).first()
            await link.click()
            await page.waitForURL(/\/people\/\d+$/)
            await check(page, 'person page')
            const titles = await page.locator('.moj-timeline__title').allTextContents()
            assert.equal(titles.length, 4)
            assert.ok(
              titles.some((t) => t.includes('Restricted')),
              'the sexual health record shows as restricted',
            )

            await page.check('#agency-police')
            await page.click('button:has-text("Apply filters")')
            await page.waitForURL(/agency=police/)
            assert.deepEqual(
              (await page.locator('.moj-timeline__title').allTextContents()).map((t) => t.trim()),
              ['Missing episode'],
            )
            await check(page, 'filtered chronology')

            await page.goto(page.url().replace(/\?.*$/, '') + '?as_of=2008-04-02')
            assert.deepEqual(
              (await page.locator('.moj-timeline__title').allTextContents()).map((t) => t.trim()),
              ['Safeguarding concern'],
            )
            assert.match(await page.content(), /what had been recorded by the end of 2 April 2008/)
            await check(page, 'as-of chronology')

            await page.click('button:has-text("Sign out")')
            await page.waitForURL(/\/sign-in/)
            await page.goto(`${base}/people?q=amy`)
            assert.match(page.url(), /\/sign-in/, 'signed out for real')
            assert.deepEqual(errors, [], 'no script errors')
          } finally {
            await context.close()
          }
        },
      )
    }

    test('error pages are accessible and show no stack trace', { skip: noBrowser }, async () => {
      const context = await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      try {
        const res = await page.goto(`${base}/no-such-page`)
        assert.equal(res!.status(), 404)
        await accessible(page, '404 page')
        assert.doesNotMatch(await page.content(), /node_modules|\.ts:\d+/)
      } finally {
        await context.close()
      }
    })
  },
  { resetBetweenTests: false },
)
