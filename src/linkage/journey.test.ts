// The linkage pages in real Chromium: the MASH decides a queued pair with JavaScript off, sees the
// merge on the person page and unmerges; every page passes axe-core (serious and critical rules).
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { seedLinkageArea, LINKAGE_USERS } from '../testing/linkage-area.ts'
import { LinkageSettingsPage, PairReviewPage, ReviewQueuePage } from '../testing/pages/linkage-pages.ts'
import { PersonPage } from '../testing/pages/person-page.ts'
import { storeThresholds, trainAndStore } from './storage.ts'

const AT = new Date('2020-06-01T12:00:00Z')

inChromium(
  'linkage pages in Chromium',
  (served, backend) => {
    let reviewId: number
    let candidate: number

    before(async () => {
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
    })

    test('decide a pair and unmerge without JavaScript; every linkage page accessible', async () => {
      const { base, browser } = served()
      const mash = await signedInWindow(browser, base, LINKAGE_USERS.mash, 'without JavaScript')
      const checker = await signedInWindow(browser, base, LINKAGE_USERS.mash, 'for axe-core')
      await assertAccessible(await new ReviewQueuePage(checker, base).open())
      await assertAccessible(await new PairReviewPage(checker, base).open(reviewId))
      await assertAccessible(await new LinkageSettingsPage(checker, base).open())

      const pair = await new PairReviewPage(mash, base).open(reviewId)
      const merged = await pair.decideSameChild('confirmed with the school office')
      assert.equal(merged.child, candidate, 'the new record joins the candidate')
      assert.match(await merged.text(), /confirmed with the school office/)
      await assertAccessible(await new PersonPage(checker, base, candidate).linkage())

      const split = await merged.unmerge({ agency: 'school', sourceId: 'S-1' }, 'a different Amy: the school confirmed')
      assert.ok(split.child > 0 && split.child !== candidate, `split out to person ${split.child}`)
      assert.match(await split.text(), /a different Amy/)
    })
  },
  { embeddedOnly: 'runs once, on the embedded database' },
)
