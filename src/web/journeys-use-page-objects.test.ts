// Browser tests read as a practitioner's steps (issue 14): what is on a page and how to reach it lives in
// the page objects (src/testing/pages/), so a page that changes is changed in one place, never in the
// journeys. No browser test (every `*journey.test.ts`, and any test file that drives Chromium through
// testing/browser.ts) may find an element itself: no locator, getBy*, $ or $$, and no action or read
// that takes a selector (`page.click('button')`, `page.fill('#q', ...)`, `page.textContent('main')`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { basename, join } from 'node:path'
import { SRC, breaches, linesMatching, sourceFiles } from '../testing/source-rules.ts'

/** Finding an element: Playwright's locators and queries, whatever they are given. */
const FINDER = String.raw`\.(?:locator|frameLocator|getBy[A-Z]\w*|\$\$?|\$\$?eval|waitForSelector)\(`
/** A page's shortcut (click, fill, read...) given a selector: a literal that opens with #, . or [, or with
 *  a tag name followed by selector syntax (`button:has-text(...)`, `input[name=...]`) or by nothing. */
const SHORTCUT = String.raw`\.(?:click|dblclick|tap|hover|focus|fill|type|press|check|uncheck|selectOption|setInputFiles|dispatchEvent|textContent|innerText|innerHTML|inputValue|getAttribute|isVisible|isHidden|isChecked|isEnabled|isDisabled|isEditable)\(\s*(['"\x60])(?:[#.[]|[a-z][\w-]*(?:[.#[:>]|\1))`
const SELECTOR = new RegExp(`${FINDER}|${SHORTCUT}`)

const DRIVES_CHROMIUM = /from '(?:\.\.\/)+testing\/browser\.ts'/

/** Test files that are browser tests: journeys by their name, the rest by driving Chromium. */
const browserTests = (): string[] =>
  sourceFiles(
    (f, text) => f.endsWith('.test.ts') && (basename(f).endsWith('journey.test.ts') || DRIVES_CHROMIUM.test(text())),
  )

/** The lines of `text` that find an element themselves, as "file:line". */
const selectorLines = (file: string, text: string): string[] => linesMatching(SELECTOR, file, text)

test('the rule finds what it is meant to find', () => {
  assert.deepEqual(selectorLines('x.ts', "await page.locator('.moj-timeline__title').allTextContents()"), ['x.ts:1'])
  assert.deepEqual(selectorLines('x.ts', "page.getByRole('button', { name: 'Save' })\nawait page.$('main')"), [
    'x.ts:1',
    'x.ts:2',
  ])
  assert.deepEqual(selectorLines('x.ts', "await page.$$eval('a', (as) => as.length)"), ['x.ts:1'])
  assert.deepEqual(selectorLines('x.ts', 'await plain.click(\'button:has-text("Save")\')'), ['x.ts:1'])
  assert.deepEqual(selectorLines('x.ts', 'await page.fill(`#${field}`, value)'), ['x.ts:1'])
  assert.deepEqual(selectorLines('x.ts', "await officer.textContent('main')"), ['x.ts:1'])
  assert.deepEqual(selectorLines('x.ts', 'await page.check(\'input[name="decision"][value="same"]\')'), ['x.ts:1'])
  assert.deepEqual(
    selectorLines(
      'x.ts',
      [
        'const history = await person.missing()',
        "assert.match(await history.episode('30 May 2026'), /Drake St/)",
        "page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })",
        'await finding.waitFor({ timeout: 10_000 })',
        "await checker.check('She was prostituting herself.')",
        'await checker.type(`${before}She keeps putting herself at risk.`)',
      ].join('\n'),
    ),
    [],
  )
})

test('no browser test finds an element itself: selectors live in the page objects', () => {
  const files = browserTests()
  for (const journey of ['web', 'linkage', 'risk', 'missing', 'working-together'])
    assert.ok(files.includes(join(journey, 'journey.test.ts')), `${journey}'s journey is checked`)
  assert.ok(files.length >= 10, `found ${files.length} browser tests under ${SRC}`)
  assert.deepEqual(breaches(SELECTOR, files), [], 'find elements through a page object in src/testing/pages/')
})
