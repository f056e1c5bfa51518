// A person's record as a summary and sub-pages (issue 15): each page answers a viewer who may see it
// with its own content under the identity bar and sub-navigation, and is audited as a view naming the
// page; tabs lead only to pages the viewer may open; a merged person's address goes on to the current
// person's same page; the chronology comes a page at a time with its filters kept, prints as one
// clean marked document, and downloads as a safe CSV of exactly what the page shows.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'
import { Browser, testApp, wordsOf } from '../testing/web.ts'
import { sourcePath } from '../config/paths.ts'
import { CHRONOLOGY_PAGE_SIZE } from './person-pages.ts'

/** Sixty more concerns about Amy from social care, one a day, the first written as a formula. */
function concerns(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'event',
    agency: 'csc',
    source_id: `BULK-${i}`,
    kind: 'concern',
    subject: 'C-77',
    occurred_at: new Date(Date.UTC(2009, 0, 1 + i, 10)).toISOString().slice(0, 19),
    summary: i === 0 ? '=HYPERLINK("http://example.test","click")' : `Concern number ${i}`,
    recorded_at: new Date(Date.UTC(2009, 0, 1 + i, 12)).toISOString().slice(0, 19),
  }))
}

const titles = (html: string) => [...html.matchAll(/<h3 class="moj-timeline__title">([^<]*)/g)].map((m) => m[1].trim())
const sources = (html: string) => [...html.matchAll(/· (\w+:[\w-]+)(?: \(version \d+\))?<\/p>/g)].map((m) => m[1])

forEachDatabase(
  'the pages of a person',
  (backend) => {
    let app: FastifyInstance
    let amy = 0
    let merged = 0
    const BULK = 60
    before(async () => {
      const { db } = backend().database
      amy = (await seedArea(db)).amy
      await importObjects(db, concerns(BULK), new Date('2010-01-02T00:00:00Z'))
      merged = (await db.insertInto('entities').values({ merged_into: amy }).returning('id').executeTakeFirstOrThrow())
        .id
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    const pagesViewed = async (page: string) => {
      const rows = await backend()
        .database.db.selectFrom('audit_log')
        .select(['action', 'entity_id', 'details', 'actor'])
        .where('action', '=', 'view_record')
        .execute()
      return rows.filter((r) => (r.details as { page?: string }).page === page)
    }

    test('each sub-page answers a viewer who may see it, with its content, under the identity bar and tabs, audited', async () => {
      const mash = await new Browser(app).signIn('mash@csc.test')
      const expected: [string, RegExp][] = [
        ['', /Professionals allocated/],
        ['/chronology', new RegExp(`Concern number ${BULK - 1}`)],
        ['/risk', /id="risk"|None\./],
        ['/missing', /id="missing-history"/],
        ['/working-together', /id="working-together"|None\./],
        ['/records', /Agency records that make up this person[\s\S]*P-1001/],
        ['/links', /Child calls him her boyfriend; he is 24[\s\S]*id="link-chart"/],
        ['/viewers', /Who has looked at Amy Smith's record/],
      ]
      for (const [path, content] of expected) {
        const res = await mash.get(`/people/${amy}${path}`)
        assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 200)}`)
        assert.match(res.body, content, path)
        assert.match(res.body, /class="moj-identity-bar tl-identity"/, `${path}: the identity bar`)
        assert.match(res.body, /<nav class="moj-sub-navigation"/, `${path}: the sub-navigation`)
        assert.match(
          res.body,
          new RegExp(`aria-current="page" href="/people/${amy}${path}"`),
          `${path}: its own tab is the current one`,
        )
        for (const tab of ['Summary', 'Chronology', 'Risk', 'Missing', 'Working together', 'Links', 'Agency records'])
          assert.match(res.body, new RegExp(`>${tab}</a>`), `${path}: the ${tab} tab`)
      }
      for (const page of ['summary', 'chronology', 'risk', 'missing', 'working-together', 'records']) {
        const viewed = await pagesViewed(page)
        assert.ok(
          viewed.some((v) => v.entity_id === amy && v.actor === 'mash@csc.test'),
          `${page} audited as a view of the record`,
        )
      }
    })

    test('a page loads only its own panels', async () => {
      const mash = await new Browser(app).signIn('mash@csc.test')
      const risk = (await mash.get(`/people/${amy}/risk`)).body
      assert.doesNotMatch(risk, /id="missing-history"|id="working-together"|id="linkage-history"/)
      const missing = (await mash.get(`/people/${amy}/missing`)).body
      assert.doesNotMatch(missing, /id="risk"|id="working-together"/)
      // the risk panel audits its own view: the missing page did not compute it
      const { db } = backend().database
      const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'view_risk').execute()
      await mash.get(`/people/${amy}/missing`)
      await mash.get(`/people/${amy}/chronology`)
      const after = await db.selectFrom('audit_log').select('id').where('action', '=', 'view_risk').execute()
      assert.equal(after.length, before.length)
    })

    test('the partnership gets no page and no tab; a practitioner gets no tab to who viewed', async () => {
      const chair = await new Browser(app).signIn('chair@lscp.test')
      for (const path of [
        '',
        '/chronology',
        '/chronology.csv',
        '/chronology.pdf',
        '/risk',
        '/missing',
        '/working-together',
        '/records',
      ])
        assert.equal((await chair.get(`/people/${amy}${path}`)).statusCode, 403, path)
      const officer = await new Browser(app).signIn('officer@police.test')
      const summary = await officer.get(`/people/${amy}`)
      assert.equal(summary.statusCode, 200)
      assert.doesNotMatch(summary.body, />Who viewed</)
      assert.equal((await officer.get(`/people/${amy}/viewers`)).statusCode, 403)
      // a page at signpost reach shows only the officer's agency, and says so
      const chronology = await officer.get(`/people/${amy}/chronology`)
      assert.equal(chronology.statusCode, 200)
      assert.doesNotMatch(chronology.body, /older men|Concern number/)
      assert.match(chronology.body, /records from other agencies are not shown/)
      assert.equal((await officer.get('/people/999999/risk')).statusCode, 404)
    })

    test("a merged person's address goes on to the current person's same page, query kept", async () => {
      const mash = await new Browser(app).signIn('mash@csc.test')
      for (const path of ['', '/chronology', '/risk', '/missing', '/working-together', '/records', '/viewers']) {
        const res = await mash.get(`/people/${merged}${path}`)
        assert.equal(res.statusCode, 302, path)
        assert.equal(res.headers.location, `/people/${amy}${path}`)
      }
      const filtered = await mash.get(`/people/${merged}/chronology?agency=csc&page=2`)
      assert.equal(filtered.headers.location, `/people/${amy}/chronology?agency=csc&page=2`)
      const csv = await mash.get(`/people/${merged}/chronology.csv?kind=concern`)
      assert.equal(csv.headers.location, `/people/${amy}/chronology.csv?kind=concern`)
    })

    test('the chronology comes a page at a time, filters kept across pages', async () => {
      const sw = await new Browser(app).signIn('sw@csc.test')
      const total = BULK + 4 // the seeded four Amy has at full reach (restricted sexual health included)
      const first = await sw.get(`/people/${amy}/chronology`)
      assert.equal(first.statusCode, 200)
      assert.equal(titles(first.body).length, CHRONOLOGY_PAGE_SIZE)
      assert.match(first.body, new RegExp(`Records 1 to ${CHRONOLOGY_PAGE_SIZE} of ${total}`))
      assert.match(first.body, /class="govuk-pagination"/)
      assert.match(first.body, new RegExp(`href="/people/${amy}/chronology\\?page=2"`))
      const second = await sw.get(`/people/${amy}/chronology?page=2`)
      assert.equal(titles(second.body).length, total - CHRONOLOGY_PAGE_SIZE)
      assert.deepEqual(
        new Set([...sources(first.body), ...sources(second.body)]).size,
        total,
        'no entry twice, none left out',
      )
      // filtered: csc's concerns only, 61 of them, the filter carried to page 2 and the download
      const filtered = await sw.get(`/people/${amy}/chronology?agency=csc&kind=concern`)
      assert.match(filtered.body, new RegExp(`Records 1 to ${CHRONOLOGY_PAGE_SIZE} of ${BULK + 1}`))
      assert.match(filtered.body, /href="[^"]*chronology\?agency=csc&amp;kind=concern&amp;page=2"/)
      assert.match(filtered.body, /href="[^"]*chronology.csv\?agency=csc&amp;kind=concern"/)
      const page2 = await sw.get(`/people/${amy}/chronology?agency=csc&kind=concern&page=2`)
      assert.equal(titles(page2.body).length, BULK + 1 - CHRONOLOGY_PAGE_SIZE)
      assert.ok(titles(page2.body).every((t) => t === 'Safeguarding concern'))
      assert.match(page2.body, /id="agency-csc" name="agency" type="checkbox" value="csc" checked/)
      // every entry on one page, to print
      const all = await sw.get(`/people/${amy}/chronology?agency=csc&kind=concern&view=all`)
      assert.equal(titles(all.body).length, BULK + 1)
      assert.doesNotMatch(all.body, /class="govuk-pagination"/)
    })

    test('the chronology as CSV: marked, a header, the rows the page shows, no formula, audited', async () => {
      const sw = await new Browser(app).signIn('sw@csc.test')
      const query = 'agency=csc&agency=health&from=01%2F01%2F2008'
      const res = await sw.get(`/people/${amy}/chronology.csv?${query}`)
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      assert.match(String(res.headers['content-disposition']), new RegExp(`person-${amy}-chronology\\.csv`))
      const [marking, header, ...rows] = parse(res.body, { relax_column_count: true }) as string[][]
      assert.match(marking[0], /^OFFICIAL-SENSITIVE\. Chronology of Amy Smith .* downloaded by sw/)
      assert.match(marking[0], /Filtered: only some records are shown\.$/)
      assert.deepEqual(header.slice(0, 4), ['occurred_at', 'ended_at', 'agency', 'kind'])
      // the same entries as the page, in the same order, every page of them
      const page = await sw.get(`/people/${amy}/chronology?${query}&view=all`)
      const onScreen = sources(page.body)
      const recordColumn = header.indexOf('record')
      assert.deepEqual(
        rows.map((r) => r[recordColumn]),
        onScreen,
      )
      assert.equal(rows.length, BULK + 3, 'the concerns, the csc concern and both health records')
      // restricted content stays restricted: the sexual health record is there, its words are not
      assert.doesNotMatch(res.body, /chlamydia/)
      assert.match(res.body, /restricted: ask Named nurse/)
      // a formula written in a record is text in the spreadsheet
      const summary = rows.map((r) => r[header.indexOf('summary')])
      assert.ok(summary.includes(`'=HYPERLINK("http://example.test","click")`))
      assert.ok(summary.every((s) => !/^[=+\-@]/.test(s)))
      const viewed = await pagesViewed('chronology')
      assert.ok(viewed.some((v) => (v.details as { export?: string }).export === 'csv' && v.entity_id === amy))
      // a viewer at signpost reach downloads only what their page shows
      const officer = await new Browser(app).signIn('officer@police.test')
      const theirs = await officer.get(`/people/${amy}/chronology.csv`)
      assert.equal(theirs.statusCode, 200)
      assert.doesNotMatch(theirs.body.split('\n')[0], /Filtered/, 'the whole record is not said to be filtered')
      assert.doesNotMatch(theirs.body, /older men|Concern number|Clinic/)
      assert.match(theirs.body, /Missing from care placement/)
    })

    test('the chronology as PDF: marked on every page, identity and downloader, the entries the page shows, audited', async () => {
      const sw = await new Browser(app).signIn('sw@csc.test')
      const query = 'agency=csc&agency=health&from=01%2F01%2F2008'
      const res = await sw.get(`/people/${amy}/chronology.pdf?${query}`)
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'application/pdf')
      assert.match(String(res.headers['content-disposition']), new RegExp(`person-${amy}-chronology\\.pdf`))
      assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
      const text = await wordsOf(res)
      const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)]
      assert.ok(pages.length > 1, 'sixty-odd entries take more than one page')
      assert.deepEqual(
        pages.map((p) => Number(p[1])),
        pages.map((_, i) => i + 1),
      )
      assert.equal(
        text.split('OFFICIAL-SENSITIVE').length - 1,
        2 * pages.length,
        'the marking top and bottom of each page',
      )
      assert.match(text, /Chronology of Amy Smith/)
      assert.match(text, /Downloaded by sw \(Children's Social Care\) on \d+ \w+ \d{4} at /)
      assert.match(text, /Filtered: only some records are shown/)
      // the same entries as the page, in the same order
      const onScreen = sources((await sw.get(`/people/${amy}/chronology?${query}&view=all`)).body)
      assert.equal(onScreen.length, BULK + 3)
      const at = onScreen.map((source) => text.search(new RegExp(`${source}(?![\\w-])`)))
      assert.ok(
        at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1])),
        'every entry of the page, in order',
      )
      assert.doesNotMatch(text, /chlamydia/)
      assert.match(
        text,
        /holds a restricted record here\. Its content is not shared\. To ask about it,\s+contact Named\s+nurse/,
      )
      const viewed = await pagesViewed('chronology')
      assert.ok(viewed.some((v) => (v.details as { export?: string }).export === 'pdf' && v.entity_id === amy))
      // a viewer at signpost reach gets only what their page shows
      const officer = await new Browser(app).signIn('officer@police.test')
      const theirs = await wordsOf(await officer.get(`/people/${amy}/chronology.pdf`))
      assert.doesNotMatch(theirs, /older men|Concern number|Clinic/)
      assert.match(theirs, /Missing from care placement/)
      assert.match(theirs, /records? of other agencies not shown/)
    })

    test('the chronology prints as one clean document: no navigation or forms, identity, printer, date, marking', async () => {
      const sw = await new Browser(app).signIn('sw@csc.test')
      const page = (await sw.get(`/people/${amy}/chronology?as_of=01%2F12%2F2009`)).body
      assert.match(page, /<p class="tl-marking" id="marking-top">OFFICIAL-SENSITIVE<\/p>/)
      assert.match(page, /<p class="tl-marking" id="marking-bottom">OFFICIAL-SENSITIVE<\/p>/)
      assert.match(
        page,
        /class="govuk-body-s tl-print-only">Printed by sw \(Children&#39;s Social Care\) on .*As known on 1 December 2009/,
      )
      assert.doesNotMatch(page, /Filtered: only some/, 'an as-known-on date alone is the whole record then')
      const filtered = (await sw.get(`/people/${amy}/chronology?kind=concern`)).body
      assert.match(filtered, /tl-print-only">Printed by .*Filtered: only some records are shown\./)
      assert.match(page, /<link rel="stylesheet" href="\/public\/threadline.css">/)
      const css = readFileSync(sourcePath('web', 'public', 'threadline.css'), 'utf8')
      const print = css.slice(css.indexOf('@media print'))
      for (const hidden of [
        '.moj-header',
        '.moj-primary-navigation',
        '.moj-sub-navigation',
        '.govuk-footer',
        'main form',
      ])
        assert.ok(print.includes(hidden), `printed without ${hidden}`)
      assert.match(print, /\.tl-print-only \{\s*display: block;/)
    })

    test('the summary holds identity, allocations and its own panels, nothing of the other pages', async () => {
      const sw = await new Browser(app).signIn('sw@csc.test')
      const summary = (await sw.get(`/people/${amy}`)).body
      // the summary holds allocations and no chronology, panels of other pages, or viewers
      assert.match(summary, /Professionals allocated/)
      assert.doesNotMatch(summary, /moj-timeline__item|id="missing-history"|id="risk"|Who has looked/)
    })
  },
  { resetBetweenTests: false },
)
