// The link chart in real Chromium, under the real Content Security Policy: a child with a few hundred
// links draws on canvas beside the accessible table, and the same page without JavaScript still has
// the table. The time to first draw for 2,000 links is measured in bench/link-chart.ts.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { seedArea, PASSWORD, TEST_ACTOR } from '../testing/seed.ts'
import { describeViolations, inChromium } from '../testing/browser.ts'
import { SignInPage } from '../testing/pages/sign-in-page.ts'
import { LinkChartPage } from '../testing/pages/link-chart-page.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { starRecords } from './chart-fixture.ts'

const LINKS = 300

inChromium('the link chart in Chromium', (served, backend) => {
  let sia: number

  before(async () => {
    const { db } = backend().database
    await seedArea(db)
    const result = await importRecords(
      db,
      ndjsonLines(
        starRecords(LINKS)
          .map((o) => JSON.stringify(o))
          .join('\n'),
      ),
      { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: new Date('2026-03-01T00:00:00Z') },
    )
    assert.equal(result.rejected, 0, JSON.stringify(result.rejects.slice(0, 3)))
    sia = (
      await db.selectFrom('entity_links').select('entity_id').where('source_id', '=', 'S-1').executeTakeFirstOrThrow()
    ).entity_id
  })

  test(`a child with ${LINKS} links: the chart draws on canvas and the table is beside it`, async () => {
    const { base, browser } = served()
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    try {
      await new SignInPage(page, base).signIn('mash@csc.test', PASSWORD)
      const chart = new LinkChartPage(page, base)
      const { firstDrawMs } = await chart.openChart(sia)
      assert.ok(firstDrawMs >= 0)
      assert.ok((await chart.canvases()) > 0, 'drawn on canvas')
      assert.equal(await chart.tableRows(), LINKS)
      const nodes = await chart.drawnNodes()
      assert.ok(nodes > LINKS * 0.9, `nodes drawn: ${nodes}`)
      const legend = await chart.legend()
      for (const words of ['child', 'adult', 'place', 'vehicle', 'phone', 'online id', 'you may not see', 'found at'])
        assert.ok(legend?.includes(words), `the key names ${words}: ${legend}`)
      assert.deepEqual(errors, [], 'no script error and no CSP refusal')
    } finally {
      await context.close()
    }
    // axe-core is injected as an inline script, so the accessibility check runs with the CSP bypassed
    const axeContext = await browser.newContext({ bypassCSP: true })
    try {
      const page = await axeContext.newPage()
      await new SignInPage(page, base).signIn('mash@csc.test', PASSWORD)
      const chart = new LinkChartPage(page, base)
      await chart.openChart(sia)
      const violations = await chart.seriousViolations()
      assert.equal(violations.length, 0, describeViolations(violations))
    } finally {
      await axeContext.close()
    }
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const plain = await noScript.newPage()
    try {
      await new SignInPage(plain, base).signIn('mash@csc.test', PASSWORD).catch(async () => {
        // without JavaScript the sign-in form still posts and redirects
      })
      const table = await new LinkChartPage(plain, base).open(sia)
      assert.equal(await table.tableRows(), LINKS)
      assert.equal(await table.chartHidden(), true, 'no empty chart box without JavaScript')
      assert.equal(await table.legend(), null, 'nor a key to it')
    } finally {
      await noScript.close()
    }
  })
})
