// The partnership page in Chromium under the real Content Security Policy: the partnership's chair
// chooses quarters, reads a measure with its definition and chart, sees errors for a bad date, takes
// the board pack, and the page has no accessibility violations (axe).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { seedArea, PASSWORD, TEST_ACTOR } from '../testing/seed.ts'
import { describeViolations, signInPage, violations, inChromium } from '../testing/browser.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { PartnershipFiguresPage } from './page-object.ts'
import { figuresArea, summerEpisodes } from './test-fixtures.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-12-31T12:00:00')

inChromium(
  'the partnership page in Chromium',
  (served, backend) => {
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      const lines = [...figuresArea(), ...summerEpisodes()].map((o) => JSON.stringify(o)).join('\n')
      const result = await importRecords(db, ndjsonLines(lines + '\n'), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-12-01T00:00:00Z'),
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
    })

    test('the chair reads the quarters, with small numbers hidden, and takes the board pack', async () => {
      const { base, browser } = served()
      const context = await browser.newContext({ acceptDownloads: true })
      const page = await context.newPage()
      const checker = await browser.newContext({ bypassCSP: true })
      const checkerPage = await checker.newPage()
      const problems: string[] = []
      page.on('console', (m) => {
        // the page with an error is answered 400, as it should be; anything else (a CSP refusal) is a fault
        if (m.type() === 'error' && !/status of 400/.test(m.text())) problems.push(m.text())
      })
      page.on('pageerror', (e) => problems.push(e.message))
      try {
        await signInPage(page, base, 'chair@lscp.test', PASSWORD)
        // axe is injected as a script, which the CSP rightly blocks: it runs in a second window without it
        await signInPage(checkerPage, base, 'chair@lscp.test', PASSWORD)
        const axeOn = async (url: string, what: string) => {
          await checkerPage.goto(url)
          assert.equal(describeViolations(await violations(checkerPage)), '', what)
        }
        const figures = await new PartnershipFiguresPage(page, base).open()
        assert.equal(await figures.heading(), 'Partnership figures')
        await axeOn(page.url(), 'the default page')

        await figures.choose({ from: '2026-01-01', to: '2026-12-31', by: 'quarter' })
        assert.deepEqual(await figures.areaTable('Missing episodes ended'), [
          ['Jan–Mar 2026', 'suppressed', '–'],
          ['Apr–Jun 2026', 'suppressed', '–'],
          ['Jul–Sep 2026', '7', '–'],
          ['Oct–Dec 2026', '0', '−7'],
        ])
        assert.match(await figures.definition('return_interviews_within_72h'), /status "done" in missing --interviews/)
        assert.match(
          (await figures.chartDescription('missing_episodes_ended')) ?? '',
          /Jan–Mar 2026: suppressed; Apr–Jun 2026: suppressed; Jul–Sep 2026: 7; Oct–Dec 2026: 0/,
        )
        await axeOn(page.url(), 'the figures')

        const pack = await figures.boardPack()
        assert.equal(pack.name, 'partnership-figures-2026-01-01-to-2026-12-31.csv')
        assert.ok(pack.text.includes('2026-01-01,2026-03-31,missing_episodes_ended,,,,,true,'))

        await figures.choose({ from: '2026-02-30', to: '2026-12-31', by: 'quarter' })
        assert.deepEqual(await figures.errors(), ['The first day must be a real date, like 2026-01-01'])
        await axeOn(page.url(), 'the page with an error')
        assert.deepEqual(problems, [], 'no console errors (the CSP blocks inline styles and scripts)')
      } finally {
        await context.close()
        await checker.close()
      }
    })
  },
  { clock },
)
