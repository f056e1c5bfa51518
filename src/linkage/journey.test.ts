// The linkage pages in real Chromium: the MASH decides a queued pair with JavaScript off, sees the
// merge on the person page and unmerges; every page passes axe-core (serious and critical rules).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
  signInPage,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { seedLinkageArea, LINKAGE_USERS, PASSWORD } from '../testing/linkage-area.ts'
import { storeThresholds, trainAndStore } from './storage.ts'

const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)
const AT = new Date('2020-06-01T12:00:00Z')

forEachDatabase(
  'linkage pages in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let reviewId: number
    let candidate: number
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      const { db } = backend().database
      await seedLinkageArea(db, 150)
      await trainAndStore(db, 'test', AT, { seed: 1, randomPairs: 20_000 })
      const lines = (o: object) => ndjsonLines(JSON.stringify(o))
      await importRecords(
        db,
        lines({
          type: 'person',
          agency: 'police',
          source_id: 'P-1',
          given_name: 'Aimee',
          family_name: 'Smyth',
          date_of_birth: '2007-03-14',
          sex: 'female',
          recorded_at: '2020-01-01T09:00:00',
        }),
        { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: AT },
      )
      await db.transaction().execute((trx) => storeThresholds(trx, { review: 1e-9, auto: 0.9999999 }, 'test', AT))
      await importRecords(
        db,
        lines({
          type: 'person',
          agency: 'school',
          source_id: 'S-1',
          given_name: 'Amy',
          family_name: 'Smith',
          date_of_birth: '2007-03-14',
          sex: 'female',
          recorded_at: '2020-01-02T09:00:00',
        }),
        { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: AT },
      )
      const review = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('source_id', '=', 'S-1')
        .executeTakeFirstOrThrow()
      reviewId = review.id
      candidate = review.candidate_entity
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test(
      'decide a pair and unmerge without JavaScript; every linkage page accessible',
      { skip: noBrowser },
      async (t) => {
        if (!once()) return t.skip('runs on PGlite only')
        const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
        const checker = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
        await signInPage(plain, base, LINKAGE_USERS.mash, PASSWORD)
        await signInPage(checker, base, LINKAGE_USERS.mash, PASSWORD)
        const accessible = async (url: string) => {
          await checker.goto(`${base}${url}`)
          const violations = await seriousViolations(checker)
          assert.equal(violations.length, 0, `${url}:\n${describeViolations(violations)}`)
        }
        await accessible('/linkage/review')
        await accessible(`/linkage/review/${reviewId}`)
        await accessible('/linkage/settings')

        await plain.goto(`${base}/linkage/review/${reviewId}`)
        await plain.check('input[name="decision"][value="same"]')
        await plain.fill('#reason', 'confirmed with the school office')
        await plain.click('button:has-text("Record the decision")')
        await plain.waitForLoadState('load')
        assert.equal(new URL(plain.url()).pathname, `/people/${candidate}`)
        assert.match(await plain.content(), /confirmed with the school office/)
        await accessible(`/people/${candidate}`)

        await plain.click('summary:has-text("Unmerge a record")')
        await plain.fill('#unmerge-reason-2', 'a different Amy: the school confirmed')
        await plain.click('button:has-text("Unmerge this record") >> nth=1')
        await plain.waitForLoadState('load')
        const fresh = Number(new URL(plain.url()).pathname.split('/').pop())
        assert.ok(fresh > 0 && fresh !== candidate, plain.url())
        assert.match(await plain.content(), /a different Amy/)
      },
    )
  },
  { resetBetweenTests: false },
)
