// The pages' JavaScript runs under the real content security policy (no bypass): GOV.UK and MOJ
// Frontend components initialise, so a sortable table's headings become buttons that sort it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import { chromiumAvailable, CHROMIUM, servedInChromium, signInPage } from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

forEachDatabase(
  'page enhancements in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    // the scripts do not depend on the database: once, on the embedded one
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      await seedArea(backend().database.db)
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test(
      'a sortable table (users, on the administration page) sorts by the heading pressed; no script is blocked',
      { skip: noBrowser },
      async (t) => {
        if (!once()) return t.skip('runs on PGlite only')
        const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage()
        const blocked: string[] = []
        page.on('console', (m) => {
          if (m.type() === 'error') blocked.push(m.text())
        })
        page.on('pageerror', (e) => blocked.push(e.message))
        await signInPage(page, base, 'admin@csc.test')
        await page.goto(`${base}/admin`)
        const heading = page.locator('table[data-module="moj-sortable-table"] th button', { hasText: 'Name' })
        await heading.waitFor({ timeout: 15_000 })
        const names = () =>
          page.locator('table[data-module="moj-sortable-table"] tbody tr td:nth-child(2)').allInnerTexts()
        await heading.click()
        assert.equal(await page.locator('th:has(button:has-text("Name"))').getAttribute('aria-sort'), 'ascending')
        const ascending = await names()
        assert.ok(ascending.length > 1, 'more than one user to sort')
        assert.deepEqual(
          ascending,
          [...ascending].sort((a, b) => a.localeCompare(b)),
        )
        await heading.click()
        assert.equal(await page.locator('th:has(button:has-text("Name"))').getAttribute('aria-sort'), 'descending')
        assert.deepEqual(await names(), [...ascending].reverse())
        assert.deepEqual(blocked, [])
      },
    )
  },
  { resetBetweenTests: false },
)
