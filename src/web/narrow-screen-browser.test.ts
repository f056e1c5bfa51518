// Nothing scrolls sideways on a 375 px wide screen (issue 15): the person page and each of its tabs, the
// link chart, the networks and shared links pages and the other lists the navigation leads to, in
// Chromium at the width of a small phone. A table wider than the screen may scroll inside its own box;
// the page itself may not, and it must take keyboard focus to be scrolled (axe-core runs on each page at
// that width, so the window lifts the CSP for it). (The MASH queue has its own check, with its own change.)
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { describeViolations, inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { AppPage } from '../testing/pages/app-page.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { networksArea, NETWORKS_RECEIVED_AT, toNdjson } from '../networks/cli-fixture.ts'
import { networkCliRows } from '../networks/analysis.ts'
import { PASSWORD } from '../testing/seed.ts'

const WIDTH = 375

/** Each path's width and serious accessibility violations at WIDTH: what is wrong, in words. */
async function walk(page: AppPage, paths: readonly string[]): Promise<string[]> {
  const failures: string[] = []
  for (const path of paths) {
    await page.goto(path)
    await page.page.waitForLoadState('load')
    const { scrollWidth, outside } = await page.sideways()
    if (scrollWidth > WIDTH) failures.push(`${path}: ${scrollWidth} px wide; sticking out: ${outside.join(', ')}`)
    const violations = await page.seriousViolations()
    if (violations.length) failures.push(`${path}: ${describeViolations(violations)}`)
  }
  return failures
}

inChromium('pages on a 375 px wide screen', (served, backend) => {
  let amy: number
  let bea: number
  let networkId: string

  before(async () => {
    const { db } = backend().database
    amy = (await seedArea(db)).amy
    const result = await importRecords(db, ndjsonLines(toNdjson(networksArea())), {
      channel: 'file',
      skipInvalid: false,
      actor: TEST_ACTOR,
      receivedAt: NETWORKS_RECEIVED_AT,
    })
    assert.equal(result.rejected, 0)
    bea = (
      await db.selectFrom('entity_links').select('entity_id').where('source_id', '=', 'P-B').executeTakeFirstOrThrow()
    ).entity_id
    networkId = (await networkCliRows(db, { at: new Date('2026-03-01T00:00:00Z') }))[0].id
  })

  test(`no page scrolls sideways at ${WIDTH} px`, async () => {
    const { base, browser } = served()
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, bypassCSP: true })
    const page = new AppPage(await context.newPage(), base)
    try {
      await new SignInPage(page.page, base).signIn('mash@csc.test', PASSWORD)
      await page.goto('/')
      const navigation = await page.navigationPaths()
      await page.goto(`/people/${amy}`)
      const tabs = await page.subNavigationPaths()
      assert.ok(tabs.length >= 6, `the person page's tabs: ${tabs.join(' ')}`)
      const pages = [
        ...new Set([
          '/',
          ...navigation,
          '/people?q=Amy',
          ...tabs,
          `/people/${bea}`,
          `/people/${bea}/links?steps=2`,
          '/networks',
          `/networks/${networkId}`,
          '/links/shared',
          '/places',
          '/places/OL161AA',
          '/mash',
        ]),
      ]
      const failures = await walk(page, pages)
      assert.deepEqual(failures, [], `pages wider than ${WIDTH} px`)
    } finally {
      await context.close()
    }
  })

  test(`the administration pages do not scroll sideways at ${WIDTH} px`, async () => {
    const { base, browser } = served()
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, bypassCSP: true })
    const page = new AppPage(await context.newPage(), base)
    try {
      await new SignInPage(page.page, base).signIn('admin@csc.test', PASSWORD)
      await page.goto('/admin')
      const navigation = [...(await page.navigationPaths()), ...(await page.subNavigationPaths())]
      const pages = [...new Set(['/', '/admin', '/admin/tokens', '/admin/retention', ...navigation])]
      assert.deepEqual(await walk(page, pages), [], `pages wider than ${WIDTH} px`)
    } finally {
      await context.close()
    }
  })
})
