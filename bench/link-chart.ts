// Benchmark of the link chart in real Chromium: a child with N links (default 2,000) opened by a MASH
// user under the real Content Security Policy. Prints the chart's own time to first draw (cytoscape's
// first render, from the script's start), the page's total time from navigation to drawn, the server's
// time to answer the page, and a pan-and-zoom interaction's frame time.
// Run alone: node --import tsx bench/link-chart.ts [--links N]
import { pathToFileURL } from 'node:url'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedArea, PASSWORD, TEST_ACTOR } from '../src/testing/seed.ts'
import { testApp } from '../src/testing/web.ts'
import { chromiumAvailable, CHROMIUM, launchChromium, signInPage } from '../src/testing/browser.ts'
import { importRecords, ndjsonLines } from '../src/import/importer.ts'
import { openChart, starRecords } from '../src/networks/chart-fixture.ts'

export interface LinkChartBenchResult {
  links: number
  nodes: number
  firstDrawMs: number
  navigationToDrawnMs: number
  serverPageMs: number
  interactionMs: number
}

export async function benchLinkChart(options: { links?: number } = {}): Promise<LinkChartBenchResult> {
  if (!chromiumAvailable()) throw new Error(`no Chromium at ${CHROMIUM}`)
  const links = options.links ?? 2000
  const database = await openDatabase({ dataDir: 'memory://' })
  await migrate(database.db, database.schema)
  await seedArea(database.db)
  const result = await importRecords(
    database.db,
    ndjsonLines(
      starRecords(links)
        .map((o) => JSON.stringify(o))
        .join('\n'),
    ),
    { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: new Date('2026-03-01T00:00:00Z') },
  )
  if (result.rejected) throw new Error(`rejected ${result.rejected}`)
  const sia = (
    await database.db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('source_id', '=', 'S-1')
      .executeTakeFirstOrThrow()
  ).entity_id
  const app = await testApp(database)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    await signInPage(page, base, 'mash@csc.test', PASSWORD)
    await openChart(page, base, sia) // warm: the server's first read and the browser's caches
    const t0 = Date.now()
    const res = await page.request.get(`${base}/people/${sia}/links`)
    const serverPageMs = Date.now() - t0
    if (!res.ok()) throw new Error(`page answered ${res.status()}`)
    const { firstDrawMs, loadedMs } = await openChart(page, base, sia)
    const nodes = await page.evaluate(
      () =>
        (window as unknown as { threadlineLinkChart: { nodes(): { length: number } } }).threadlineLinkChart.nodes()
          .length,
    )
    // interactive: a zoom and a pan, until the next frame is drawn
    const interactionMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const cy = (
            window as unknown as {
              threadlineLinkChart: {
                zoom(z: number): void
                panBy(p: { x: number; y: number }): void
                one(e: string, f: () => void): void
                zoom(): number
              }
            }
          ).threadlineLinkChart
          const start = performance.now()
          cy.one('render', () => requestAnimationFrame(() => resolve(performance.now() - start)))
          cy.zoom(cy.zoom() * 1.5)
          cy.panBy({ x: 40, y: 30 })
        }),
    )
    return {
      links,
      nodes,
      firstDrawMs,
      navigationToDrawnMs: loadedMs,
      serverPageMs,
      interactionMs: Math.round(interactionMs),
    }
  } finally {
    await browser.close()
    await app.close()
    await database.close()
  }
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : undefined
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchLinkChart({ links: arg('links') })
  console.log(`link chart, ${r.links} links (${r.nodes} nodes drawn), real Chromium, canvas:`)
  console.log(`  time to first draw (script start to first render): ${r.firstDrawMs} ms`)
  console.log(`  navigation to drawn (HTML, scripts, layout, draw):  ${r.navigationToDrawnMs} ms`)
  console.log(`  server time for the page (read, chart, render):     ${r.serverPageMs} ms`)
  console.log(`  zoom and pan to the next frame:                     ${r.interactionMs} ms`)
}
