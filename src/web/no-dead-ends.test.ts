// No dead ends (issue 15): every demo user, signed in, follows every link reachable from their home
// page, and none answers 403, 404 or 500. A page must not offer a link or a button its viewer cannot
// use. Links that differ only in their numbers (one child's page and another's) are followed a few
// times each, so the walk covers every kind of page without visiting every child.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { Browser, testApp } from '../testing/web.ts'
import { loadDemo } from '../demo/load-demo.ts'
import { DEMO_PASSWORD } from '../demo/users.ts'

/** Pages of one shape (their numbers taken out) followed per user. */
const SAMPLES_PER_SHAPE = 2
/** An upper bound on the pages one user's walk opens, so that a page that links to itself endlessly ends the walk. */
const PAGES_PER_USER = 400

/** The primary navigation fits one row on a laptop: Home and a few sections (issue 15). */
const MOST_NAVIGATION_ENTRIES = 8

/** Links a walk does not follow: signing out ends the walk, and files are not pages. */
const NOT_FOLLOWED = [/^\/sign-out/, /^\/assets\//, /^\/public\//, /\.(css|js|png|svg|ico|woff2?)(\?|$)/]

const shapeOf = (url: string) => url.replace(/\d+/g, 'n').replace(/\?.*$/, '?')

/** Same-site links of a page (anchors only: forms are posted by the journeys, not walked). */
function linksOf(html: string): string[] {
  const links: string[] = []
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#]+)[^"]*"/g)) {
    const href = m[1].replace(/&amp;/g, '&')
    if (href.startsWith('/') && !href.startsWith('//') && !NOT_FOLLOWED.some((r) => r.test(href))) links.push(href)
  }
  return links
}

/** Ids a page uses more than once (a link to one, a label for one, finds the first only). */
function duplicateIds(html: string): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) (seen.has(m[1]) ? twice : seen).add(m[1])
  return [...twice]
}

interface DeadEnd {
  url: string
  status: number
  from: string
}

/** Walks breadth first from the home page; returns the links that answered 403, 404 or 5xx. */
async function walk(
  browser: Browser,
): Promise<{ opened: number; deadEnds: DeadEnd[]; navigation: number; subNavigated: number }> {
  const seen = new Set<string>(['/'])
  const shapes = new Map<string, number>()
  const queue: { url: string; from: string }[] = [{ url: '/', from: '(home)' }]
  const deadEnds: DeadEnd[] = []
  let opened = 0
  let navigation = 0
  let subNavigated = 0
  while (queue.length && opened < PAGES_PER_USER) {
    const { url, from } = queue.shift() as { url: string; from: string }
    const res = await browser.get(url)
    opened++
    if (res.statusCode === 403 || res.statusCode === 404 || res.statusCode >= 500) {
      deadEnds.push({ url, status: res.statusCode, from })
      continue
    }
    if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) continue
    for (const id of duplicateIds(res.body)) deadEnds.push({ url, status: 0, from: `id "${id}" used twice` })
    if (url === '/') navigation = res.body.split('moj-primary-navigation__item').length - 1
    if (res.body.includes('class="moj-sub-navigation__link" href="' + url + '" aria-current="page"')) subNavigated++
    for (const link of linksOf(res.body)) {
      if (seen.has(link)) continue
      seen.add(link)
      const shape = shapeOf(link)
      const count = shapes.get(shape) ?? 0
      if (count >= SAMPLES_PER_SHAPE) continue
      shapes.set(shape, count + 1)
      queue.push({ url: link, from: url })
    }
  }
  return { opened, deadEnds, navigation, subNavigated }
}

forEachDatabase(
  'no dead ends for any demo user',
  (backend) => {
    test('every link reachable from each demo user’s home page opens', async () => {
      const { database } = backend()
      await loadDemo(database.db, { area: { children: 120, exploitedShare: 0.05 } })
      const users = await database.db.selectFrom('users').select(['email', 'roles']).orderBy('email').execute()
      const app = await testApp(database)
      const report: string[] = []
      let pages = 0
      let subNavigated = 0
      try {
        for (const user of users) {
          const browser = await new Browser(app).signIn(user.email, DEMO_PASSWORD)
          const walked = await walk(browser)
          const { opened, deadEnds } = walked
          pages += opened
          subNavigated += walked.subNavigated
          assert.ok(
            walked.navigation >= 1 && walked.navigation <= MOST_NAVIGATION_ENTRIES,
            `${user.email}: ${walked.navigation} entries in the main navigation`,
          )
          for (const d of deadEnds)
            report.push(`${user.email} (${user.roles.join(', ')}): ${d.status} ${d.url} ← ${d.from}`)
        }
      } finally {
        await app.close()
      }
      assert.ok(pages > users.length * 5, `the walk opened ${pages} pages for ${users.length} users`)
      assert.ok(subNavigated > 0, 'a section with several pages shows them in a sub-navigation, the open one current')
      assert.deepEqual(report, [], `${report.length} links lead nowhere:\n${report.join('\n')}`)
    })
  },
  { clock: new TestClock('2026-11-20T10:00:00') },
)
