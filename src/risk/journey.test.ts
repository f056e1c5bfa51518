// The risk pages in real Chromium: a social worker signs a screening with JavaScript off, and axe-core
// checks the child's page (panel, chart, evidence), the screening form, the MASH queue, the unanswered list
// and the alerts. Runs once, on the embedded database; routes.test.ts checks the same pages on both.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
  signInPage,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { importedAt, riskArea, RISK_RECEIVED_AT, toNdjson } from '../testing/risk-cli-fixture.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-03-20T12:00:00Z')
const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)

forEachDatabase(
  'risk pages in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let bea: number
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      const { db } = backend().database
      const seeded = await seedArea(db)
      // the area's records run past the pages' "now": they are imported as at the time they arrived
      await importedAt(RISK_RECEIVED_AT, () =>
        importRecords(db, ndjsonLines(toNdjson(riskArea())), {
          channel: 'file',
          skipInvalid: false,
          actor: TEST_ACTOR,
          receivedAt: RISK_RECEIVED_AT,
        }),
      )
      bea = (
        await db
          .selectFrom('entity_links')
          .select('entity_id')
          .where('agency_code', '=', 'police')
          .where('source_id', '=', 'P-B')
          .executeTakeFirstOrThrow()
      ).entity_id
      await db
        .insertInto('allocations')
        .values({
          entity_id: bea,
          user_id: seeded.users.socialWorker,
          role: 'Social worker',
          starts_at: '2026-01-01T00:00:00Z',
        })
        .execute()
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test('sign a screening without JavaScript; every risk page accessible', { skip: noBrowser }, async (t) => {
      if (!once()) return t.skip('runs on PGlite only')
      const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
      const checker = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
      const mash = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
      await signInPage(plain, base, 'sw@csc.test')
      await signInPage(checker, base, 'sw@csc.test')
      await signInPage(mash, base, 'mash@csc.test')
      const accessible = async (page: Page, url: string) => {
        await page.goto(`${base}${url}`)
        const violations = await seriousViolations(page)
        assert.equal(violations.length, 0, `${url}:\n${describeViolations(violations)}`)
      }
      await accessible(checker, `/people/${bea}`)
      await accessible(checker, `/people/${bea}/risk/screening`)
      await accessible(checker, '/unanswered')
      await accessible(checker, '/alerts')
      await accessible(mash, '/mash')
      await accessible(mash, `/mash?as_of=2026-02-20`)

      await plain.goto(`${base}/people/${bea}/risk/screening`)
      await plain.check('#decision_missing')
      await plain.check('#decision_gifts_money')
      await plain.check('#decision_sti-reject')
      await plain.selectOption('#override_band', '4')
      await plain.click('button:has-text("Sign the screening")')
      assert.match(await plain.content(), /an override needs a written reason/)
      await plain.check('#decision_missing')
      await plain.check('#decision_gifts_money')
      await plain.check('#decision_sti-reject')
      await plain.fill('#override_reason', 'seen with an older man at the school gate')
      await plain.click('button:has-text("Sign the screening")')
      await plain.waitForURL(new RegExp(`/people/${bea}`))
      assert.match(await plain.content(), /Band 4: significant/)
      await accessible(checker, `/people/${bea}`)
    })
  },
  { resetBetweenTests: false, clock },
)
