// The missing-episode pages in real Chromium, JavaScript off (as a locked-down browser would be),
// with axe-core (JavaScript on) on every page: a social worker records an episode, the interview,
// the Philomena profile with a photograph, prints it, and opens the work list and the figures.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea } from '../testing/seed.ts'
import {
  chromiumAvailable,
  CHROMIUM,
  describeViolations,
  servedInChromium,
  seriousViolations,
  signInPage,
} from '../testing/browser.ts'
import { missingPrerequisite } from '../testing/needs.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-06-01T12:00:00+01:00')
const noBrowser = chromiumAvailable() ? false : missingPrerequisite(`Chromium at ${CHROMIUM}`)
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3e6b40000000049454e44ae426082',
  'hex',
)

forEachDatabase(
  'missing episodes in Chromium',
  (backend) => {
    let app: FastifyInstance
    let browser: Browser
    let base: string
    let amy: number

    // the journey runs once, on the embedded database; routes.test.ts checks the same pages on both
    const once = () => backend().name === 'pglite'

    before(async () => {
      if (noBrowser || !once()) return
      amy = (await seedArea(backend().database.db)).amy
      ;({ app, base, browser } = await servedInChromium(backend().database))
    })
    after(async () => {
      await browser?.close()
      await app?.close()
    })

    test('record an episode, its interview and the profile; every page accessible', { skip: noBrowser }, async (t) => {
      if (!once()) return t.skip('runs on PGlite only')
      const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
      const checker = await (await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })).newPage()
      await signInPage(plain, base, 'sw@csc.test')
      await signInPage(checker, base, 'sw@csc.test')
      const accessible = async (url: string) => {
        await checker.goto(`${base}${url}`)
        const violations = await seriousViolations(checker)
        assert.equal(violations.length, 0, `${url}:\n${describeViolations(violations)}`)
      }

      await plain.goto(`${base}/people/${amy}/missing/episode`)
      await plain.fill('#started-day', '30')
      await plain.fill('#started-month', '5')
      await plain.fill('#started-year', '2026')
      await plain.fill('#started-time', '10pm')
      await plain.fill('#returned-day', '31')
      await plain.fill('#returned-month', '5')
      await plain.fill('#returned-year', '2026')
      await plain.fill('#returned-time', '23:30')
      await plain.selectOption('#missing_from', 'care_placement')
      await plain.fill('#found_at', 'Takeaway, Drake St, OL16 1PA')
      await plain.fill('#found_with_vehicles', 'AB12 CDE')
      await plain.click('button:has-text("Save")')
      await plain.waitForURL(new RegExp(`/people/${amy}`))
      assert.match(await plain.content(), /Takeaway, Drake St/)

      await plain.click(`#missing-history a:has-text("Record the return interview") >> nth=0`)
      await plain.waitForURL(/missing\/interview/)
      await plain.fill('#held-day', '1')
      await plain.fill('#held-month', '6')
      await plain.fill('#held-year', '2026')
      await plain.fill('#held-time', '10:00')
      await plain.fill('#child_account', 'I went with a friend.')
      await plain.fill('#vehicles', 'XY99 ZZZ')
      await plain.click('button:has-text("Save the return interview")')
      await plain.waitForURL(new RegExp(`/people/${amy}`))

      await plain.goto(`${base}/people/${amy}/philomena`)
      await plain.fill('#description', 'Slim, long dark hair')
      const dir = mkdtempSync(join(tmpdir(), 'threadline-photo-'))
      writeFileSync(join(dir, 'amy.png'), PNG)
      await plain.setInputFiles('#photo', join(dir, 'amy.png'))
      await plain.click('button:has-text("Save the profile")')
      await plain.waitForURL(new RegExp(`/people/${amy}/philomena$`))
      assert.match(await plain.content(), /Slim, long dark hair/)
      const photo = await plain.request.get(`${base}/people/${amy}/philomena/photo`)
      assert.equal(photo.status(), 200)

      for (const url of [
        `/people/${amy}`,
        `/people/${amy}/missing/episode`,
        `/people/${amy}/missing/interview?episode=police%3AE-77`,
        `/people/${amy}/philomena`,
        `/people/${amy}/philomena/print`,
        '/missing/interviews',
        '/missing/interviews?all=1',
      ])
        await accessible(url)
    })
  },
  { resetBetweenTests: false, clock },
)
