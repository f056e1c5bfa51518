// The pages' JavaScript runs under the real content security policy (no bypass): GOV.UK and MOJ
// Frontend components initialise, so a sortable table's headings become buttons that sort it.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { seedArea } from '../testing/seed.ts'
import { inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { AdminUsersPage } from '../testing/pages/admin-page.ts'
import { ReturnInterviewsPage } from '../testing/pages/missing-pages.ts'

inChromium(
  'page enhancements in Chromium',
  (served, backend) => {
    before(async () => {
      await seedArea(backend().database.db)
    })

    test('a sortable table (users, on the administration page) sorts by the heading pressed; no script is blocked', async () => {
      const { base, browser } = served()
      const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage()
      const blocked: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') blocked.push(m.text())
      })
      page.on('pageerror', (e) => blocked.push(e.message))
      await new SignInPage(page, base).signIn('admin@csc.test')
      const admin = await new AdminUsersPage(page, base).open()
      await admin.sortByName()
      assert.equal(await admin.nameSort(), 'ascending')
      const ascending = await admin.names()
      assert.ok(ascending.length > 1, 'more than one user to sort')
      assert.deepEqual(
        ascending,
        [...ascending].sort((a, b) => a.localeCompare(b)),
      )
      await admin.sortByName()
      assert.equal(await admin.nameSort(), 'descending')
      assert.deepEqual(await admin.names(), [...ascending].reverse())
      assert.deepEqual(blocked, [])
    })

    test('without JavaScript at 375px a list sorts by its heading links and nothing scrolls sideways', async () => {
      const { base, browser } = served()
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
      const page = await context.newPage()
      await new SignInPage(page, base).signIn('mash@csc.test')
      const list = await new ReturnInterviewsPage(page, base).open({ everyone: true })
      assert.match(await list.count(), /^Showing 1 to \d+ of \d+ interviews?$/)
      assert.equal(await list.scrollsSideways(), false, 'the work list at 375px')
      await list.sortBy('Due')
      assert.match(list.address(), /sort=due/)
      const episodes = await list.episodes()
      assert.ok(episodes.length > 0, 'interviews listed')
      for (const path of ['/alerts', '/my-work', '/unanswered']) {
        await list.goto(path)
        assert.equal(await list.scrollsSideways(), false, `${path} at 375px`)
      }
      await context.close()
    })
  },
  { embeddedOnly: 'the scripts do not depend on the database: once, on the embedded one' },
)
