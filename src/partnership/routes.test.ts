// The partnership page and the board pack on both databases: who may open them, small numbers always
// hidden from the partnership role and in the download, exact for a manager, no child named anywhere,
// GOV.UK errors for bad dates, and the audit rows they leave.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { figuresArea, summerEpisodes } from './test-fixtures.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-12-31T12:00:00')

const QUERY = '/partnership?from=2026-01-01&to=2026-12-31&by=quarter'
const EMAILS = {
  partnership: 'chair@lscp.test',
  manager: 'manager@police.test',
  admin: 'admin@csc.test',
  officer: 'officer@police.test',
}

/** The whole-area table of a measure (and band) on the page, as [period, figure, change] rows. */
function areaTable(html: string, caption: string): string[][] {
  const at = html.indexOf(`${caption}, whole area</caption>`)
  assert.ok(at >= 0, `a table "${caption}"`)
  const table = html.slice(at, html.indexOf('</table>', at))
  return [...table.matchAll(/<tr class="govuk-table__row"><th scope="row"[^>]*>([^<]+)<\/th>([\s\S]*?)<\/tr>/g)].map(
    (m) => [m[1], ...[...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim())],
  )
}

forEachDatabase(
  'the partnership page',
  (backend) => {
    let app: FastifyInstance
    const browsers = new Map<string, Browser>()
    const as = (who: keyof typeof EMAILS) => browsers.get(who)!
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
      app = await testApp(backend().database)
      for (const [who, email] of Object.entries(EMAILS)) browsers.set(who, await new Browser(app).signIn(email))
    })
    after(async () => app?.close())

    test('the partnership role sees figures with small numbers hidden, each definition, the change, and no child', async () => {
      const page = await as('partnership').get(QUERY)
      assert.equal(page.statusCode, 200)
      const ended = areaTable(page.body, 'Missing episodes ended')
      assert.deepEqual(ended, [
        ['Jan–Mar 2026', 'suppressed', '–'],
        ['Apr–Jun 2026', 'suppressed', '–'],
        ['Jul–Sep 2026', '7', '–'],
        ['Oct–Dec 2026', '0', '−7'],
      ])
      assert.deepEqual(areaTable(page.body, 'Return interviews held in time')[2], [
        'Jul–Sep 2026',
        '71.4% (5)',
        '7',
        '–',
      ])
      assert.match(page.body, /What it counts:<\/strong> Missing episodes of children whose return/)
      assert.match(page.body, /held within the due time \(72 hours after the return\)/)
      assert.match(page.body, /<svg class="tl-chart" role="img"/)
      // the case audits' grades, each grade its own chart and table, with what the measure counts
      assert.match(page.body, /id="audit_grades">Grades in multi-agency case audits</)
      assert.match(page.body, /What it counts:<\/strong> Grades given in multi-agency case audits/)
      assert.match(page.body, /Grades in multi-agency case audits: Requires improvement, whole area/)
      assert.doesNotMatch(page.body, /<svg[^>]*style=|<rect[^>]*style=/, 'no style attribute (the CSP)')
      assert.doesNotMatch(page.body, /Hide small numbers/, 'the partnership cannot turn suppression off')
      assert.doesNotMatch(page.body, /Ava|Bea|Quillfeather|\/people\/\d|\bP-1\b|\bE-1\b|RI-1/)
      // no count from 1 to 4 in any table cell
      for (const cell of page.body.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)</g))
        assert.doesNotMatch(cell[1].trim(), /^[1-4]$/, `a small number shown: ${cell[0]}`)
    })

    test('a manager sees exact figures, and can see them as the board does', async () => {
      const exact = await as('manager').get(QUERY)
      assert.equal(exact.statusCode, 200)
      assert.deepEqual(areaTable(exact.body, 'Missing episodes ended')[0], ['Jan–Mar 2026', '1', '+1'])
      assert.deepEqual(areaTable(exact.body, 'Missing episodes ended')[1], ['Apr–Jun 2026', '3', '+2'])
      const board = await as('manager').get(`${QUERY}&suppress=1`)
      assert.deepEqual(areaTable(board.body, 'Missing episodes ended')[0], ['Jan–Mar 2026', 'suppressed', '–'])
      // an administrator does no casework: hidden as for the partnership
      const admin = await as('admin').get(QUERY)
      assert.deepEqual(areaTable(admin.body, 'Missing episodes ended')[0], ['Jan–Mar 2026', 'suppressed', '–'])
    })

    test('the board pack is always suppressed, for a manager too', async () => {
      const csv = await as('manager').get('/partnership/figures.csv?from=2026-01-01&to=2026-12-31&by=quarter')
      assert.equal(csv.statusCode, 200)
      assert.match(String(csv.headers['content-type']), /^text\/csv/)
      assert.match(String(csv.headers['content-disposition']), /partnership-figures-2026-01-01-to-2026-12-31\.csv/)
      const lines = csv.body.trim().split('\r\n')
      assert.equal(lines[0], 'period_start,period_end,measure,agency,numerator,denominator,value,suppressed,category')
      assert.ok(lines.includes('2026-01-01,2026-03-31,missing_episodes_ended,,,,,true,'))
      assert.ok(lines.includes('2026-07-01,2026-09-30,missing_episodes_ended,,7,,7,false,'))
      // a row for every grade, for the area and each agency, zeros included
      for (const grade of ['outstanding', 'good', 'requires_improvement', 'inadequate']) {
        assert.ok(lines.includes(`2026-07-01,2026-09-30,audit_grades,,0,,0,false,${grade}`), grade)
        assert.ok(lines.includes(`2026-07-01,2026-09-30,audit_grades,police,0,,0,false,${grade}`), grade)
      }
      for (const line of lines.slice(1)) {
        const [, , , , n, d] = line.split(',')
        for (const v of [n, d]) assert.ok(v === '' || !/^[1-4]$/.test(v), line)
      }
    })

    test('bad dates: the GOV.UK error summary, each field marked, status 400', async () => {
      const page = await as('partnership').get('/partnership?from=2026-02-30&to=2026-01-01&by=week')
      assert.equal(page.statusCode, 400)
      assert.match(page.body, /<title>Error: Partnership figures/)
      assert.match(page.body, /govuk-error-summary/)
      assert.match(page.body, /href="#from">The first day must be a real date/)
      assert.match(page.body, /href="#by">Choose months, quarters, financial years or one period/)
      assert.match(page.body, /id="from-error"/)
      assert.match(page.body, /aria-describedby="from-hint from-error"/)
      assert.doesNotMatch(
        page.body,
        /aria-describedby="as_of-hint as_of-error"/,
        'a field without an error is not marked',
      )
      const after = await as('partnership').get('/partnership?from=2026-03-01&to=2026-01-01&by=month')
      assert.match(after.body, /The first day must be on or before the last day/)
      assert.equal((await as('manager').get('/partnership/figures.csv?from=x&to=y')).statusCode, 400)
    })

    test('practitioners may not open it; signed-out people are sent to sign in; views and downloads are audited', async () => {
      assert.equal((await as('officer').get(QUERY)).statusCode, 403)
      assert.equal((await as('officer').get('/partnership/figures.csv')).statusCode, 403)
      const anon = await new Browser(app).get(QUERY)
      assert.equal(anon.statusCode, 302)
      const { db } = backend().database
      const rows = await db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', 'in', ['view_partnership_figures', 'download_partnership_figures'])
        .execute()
      assert.ok(rows.some((r) => r.action === 'view_partnership_figures'))
      assert.ok(rows.some((r) => r.action === 'download_partnership_figures'))
      const first = rows.find((r) => r.action === 'view_partnership_figures')!
      assert.deepEqual(
        { ...(first.details as Record<string, unknown>) },
        { from: '2026-01-01', to: '2026-12-31', by: 'quarter', as_of: null, suppressed: true },
      )
    })
  },
  { resetBetweenTests: false, clock },
)
