// Language in the product, on both databases: findings on imported records shown to those who may
// see the entry (and cached per event version), the check endpoint's guards, the check on saving
// and its counts, and the partnership's page (numbers only).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR, type SeededUsers } from '../testing/seed.ts'
import { Browser, navigationLinks, testApp } from '../testing/web.ts'
import { createToken } from '../access/tokens.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { checkOnSave } from './storage.ts'
import { LEXICON_VERSION } from './lexicon.ts'
import { checkNewEvents } from './chronology.ts'

const EMAILS: Record<keyof SeededUsers, string> = {
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  socialWorker: 'sw@csc.test',
  mash: 'mash@csc.test',
  partnership: 'chair@lscp.test',
  admin: 'admin@csc.test',
  nurse: 'nurse@health.test',
}

// Amy was born 2007-03-14: on 2020-01-10 she was 12
const EXTRA = [
  {
    type: 'event',
    agency: 'csc',
    source_id: 'S-9',
    kind: 'concern',
    subject: 'C-77',
    occurred_at: '2020-01-10T10:00:00',
    summary: 'Amy continues to put herself at risk by going to parties',
    details: 'Staff feel this is a lifestyle choice.',
    restricted: false,
    recorded_at: '2020-01-10T12:00:00',
  },
  {
    type: 'event',
    agency: 'health',
    source_id: 'SH-9',
    kind: 'sexual_health',
    subject: 'H-5',
    occurred_at: '2020-01-10T14:00:00',
    summary: 'Amy says she is sexually active',
    restricted: true,
    recorded_at: '2020-01-11T09:00:00',
  },
]

/**
 * Each finding in `html` cites the published guidance by its title, never one of our files: as many
 * "Guidance:" lines as findings, each naming the national guide the lexicon was built from.
 */
function citesGuidance(html: string, findings: number): void {
  const cited = [...html.matchAll(/Guidance: ([^<]*)</g)].map((m) => m[1])
  assert.equal(cited.length, findings, 'one citation per finding')
  for (const c of cited) {
    assert.match(
      c,
      /^The Children&#39;s Society, Victim Support and NPCC, &quot;Appropriate language: child exploitation&quot;/,
    )
    assert.doesNotMatch(c, /\.(md|ts|js|json|njk)\b|\bsrc\/|shared\//, 'a file path is not guidance')
  }
}

/** The findings block of a chronology page, or '' when there is none. */
const findingsOf = (html: string) =>
  [...html.matchAll(/<details class="govuk-details[^"]*tl-language-findings">([\s\S]*?)<\/details>/g)]
    .map((m) => m[1])
    .join('\n')

forEachDatabase(
  'language in the product',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let token: string
    const browsers = new Map<keyof SeededUsers, Browser>()

    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db)
      amy = seeded.amy
      await importRecords(db, ndjsonLines(EXTRA.map((o) => JSON.stringify(o)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2020-02-01T00:00:00Z'),
      })
      token = await createToken(db, 'police')
      app = await testApp(backend().database)
      for (const who of Object.keys(EMAILS) as (keyof SeededUsers)[])
        browsers.set(who, await new Browser(app).signIn(EMAILS[who]))
    })
    after(async () => app?.close())

    test("an imported record's victim-blaming words are marked on the chronology for those who may see it", async () => {
      const sw = await browsers.get('socialWorker')!.get(`/people/${amy}/chronology`)
      assert.equal(sw.statusCode, 200)
      const found = findingsOf(sw.body)
      assert.match(found, /put herself at risk/)
      assert.match(found, /lifestyle choice/)
      assert.match(found, /These are Children&#39;s Social Care's words, as the agency recorded them/)
      citesGuidance(found, [...found.matchAll(/<li>/g)].length)
      // the restricted health record is a stub for the allocated social worker: no words, no findings
      assert.doesNotMatch(sw.body, /sexually active/)

      const nurse = findingsOf((await browsers.get('nurse')!.get(`/people/${amy}/chronology`)).body)
      assert.match(nurse, /sexually active/)
      assert.match(nurse, /under 13/, "the child's age on the entry's date (from the person record) decides the reason")
      assert.match(nurse, /These are Rochdale Health's words/)

      // a police officer who is not allocated sees neither the social care entry nor its findings
      const officer = await browsers.get('officer')!.get(`/people/${amy}/chronology`)
      assert.equal(officer.statusCode, 200)
      assert.doesNotMatch(officer.body, /put herself at risk|lifestyle choice|sexually active/)
      assert.equal(findingsOf(officer.body), '')
    })

    test('findings are kept per event version and checked again when the lexicon changes', async () => {
      const { db } = backend().database
      const event = await db.selectFrom('events').select('id').where('source_id', '=', 'S-9').executeTakeFirstOrThrow()
      const kept = await db
        .selectFrom('language_event_checks')
        .selectAll()
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow()
      assert.equal(kept.lexicon_version, LEXICON_VERSION)
      assert.equal(kept.child_dob, '2007-03-14')
      assert.ok(kept.rules.includes('lifestyle-choice'))
      // the page reads what was kept: a marked reason shows it was not checked again
      const findings = kept.findings as { summary: { reason: string; rule: string }[]; details: unknown[] }
      findings.summary[0].reason = 'KEPT-REASON'
      // a kept finding whose rule has since gone still cites the guidance the lexicon was built from
      findings.summary[0].rule = 'a-retired-rule'
      await db
        .updateTable('language_event_checks')
        .set({ findings: JSON.stringify(findings) })
        .where('event_id', '=', event.id)
        .execute()
      const keptPage = findingsOf((await browsers.get('socialWorker')!.get(`/people/${amy}/chronology`)).body)
      assert.match(keptPage, /KEPT-REASON/)
      citesGuidance(keptPage, [...keptPage.matchAll(/<li>/g)].length)
      // kept under an older lexicon: checked afresh
      await db
        .updateTable('language_event_checks')
        .set({ lexicon_version: 'older' })
        .where('event_id', '=', event.id)
        .execute()
      const again = findingsOf((await browsers.get('socialWorker')!.get(`/people/${amy}/chronology`)).body)
      assert.doesNotMatch(again, /KEPT-REASON/)
      assert.match(again, /put herself at risk/)
    })

    const csrfOf = async (b: Browser) => /name="_csrf" value="([^"]+)"/.exec((await b.get('/')).body)?.[1] ?? ''
    const cookieOf = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const check = (headers: Record<string, string>, payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/language/check',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(payload),
      })

    test("the check endpoint: signed-in casework users with the page's CSRF token only", async () => {
      const text = { text: 'She keeps putting herself at risk.' }
      assert.equal((await check({}, text)).statusCode, 401)
      assert.equal(
        (await check({ authorization: `Bearer ${token}` }, text)).statusCode,
        403,
        'an agency token does not write notes',
      )
      const partnership = browsers.get('partnership')!
      assert.equal(
        (await check({ cookie: cookieOf(partnership), 'csrf-token': await csrfOf(partnership) }, text)).statusCode,
        403,
      )

      const sw = browsers.get('socialWorker')!
      assert.equal(
        (await check({ cookie: cookieOf(sw) }, text)).statusCode,
        403,
        'the session cookie alone is not enough',
      )
      assert.equal((await check({ cookie: cookieOf(sw), 'csrf-token': 'forged' }, text)).statusCode, 403)
      const csrf = await csrfOf(sw)
      const ok = await check({ cookie: cookieOf(sw), 'csrf-token': csrf }, text)
      assert.equal(ok.statusCode, 200)
      const body = ok.json() as {
        lexicon_version: string
        findings: { start: number; end: number; phrase: string; rule: string; suggestions: string[] }[]
      }
      assert.equal(body.findings.length, 1)
      const [f] = body.findings
      assert.equal(text.text.slice(f.start, f.end), f.phrase)
      assert.equal(f.rule, 'putting-self-at-risk')
      assert.ok(f.suggestions.length > 0)

      // the age rules use the dates sent
      const young = (
        await check(
          { cookie: cookieOf(sw), 'csrf-token': csrf },
          { text: 'She is sexually active.', child_dob: '2012-05-01', date: '2024-01-01' },
        )
      ).json() as { findings: { reason: string }[] }
      assert.match(young.findings[0].reason, /under 13/)
      const bad = await check(
        { cookie: cookieOf(sw), 'csrf-token': csrf },
        { text: 'x', child_dob: '2012-02-30', date: '2024-01-01' },
      )
      assert.equal(bad.statusCode, 400)
      assert.equal(
        (await check({ cookie: cookieOf(sw), 'csrf-token': csrf }, { text: 'x'.repeat(50_001) })).statusCode,
        400,
        'too long to check',
      )

      const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, unknown>
      }
      assert.ok(spec.paths['/api/v1/language/check'], 'documented in OpenAPI')
    })

    test('the check on saving returns findings and counts rules and accepted suggestions, with no child details', async () => {
      const { db } = backend().database
      const at = new Date('2024-03-10T12:00:00Z')
      const first = await checkOnSave(db, {
        text: 'Amy Smith is putting herself at risk.',
        childDob: '2007-03-14',
        date: '2024-03-09',
        agency: 'csc',
        context: 'supervision',
        acceptedRules: ['lifestyle-choice', 'no-such-rule'],
        at,
      })
      assert.deepEqual(
        first.map((f) => f.rule),
        ['putting-self-at-risk'],
      )
      await checkOnSave(db, {
        text: 'Nothing here to see.',
        agency: 'csc',
        context: 'supervision',
        acceptedRules: ['lifestyle-choice'],
        at,
      })
      await checkOnSave(db, {
        text: 'Putting himself in danger again.',
        childDob: 'not a date',
        agency: 'police',
        context: 'return-interview',
        at,
      })
      const rows = await db.selectFrom('language_counts').selectAll().orderBy('agency_code').orderBy('rule').execute()
      const byKey = Object.fromEntries(
        rows.map((r) => [`${r.month}|${r.agency_code}|${r.context}|${r.rule}`, [r.fired, r.accepted]]),
      )
      assert.deepEqual(byKey['2024-03|csc|supervision|lifestyle-choice'], [2, 2])
      assert.deepEqual(byKey['2024-03|csc|supervision|putting-self-at-risk'], [1, 0])
      assert.ok(Object.keys(byKey).some((k) => k.startsWith('2024-03|police|return-interview|')))
      assert.ok(!rows.some((r) => r.rule === 'no-such-rule'), 'only known rules are counted')
      assert.doesNotMatch(JSON.stringify(rows), /Amy|Smith|2007/)

      const page = await browsers.get('partnership')!.get('/partnership/language')
      assert.equal(page.statusCode, 200)
      const written = /data-testid="language-written">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? ''
      assert.match(
        written,
        /2024-03[\s\S]*Children&#39;s Social Care[\s\S]*Supervision[\s\S]*lifestyle-choice[\s\S]*>2<[\s\S]*2 \(100%\)/,
      )
      const imported = /data-testid="language-imported">([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? ''
      assert.match(imported, /2020-01[\s\S]*Children&#39;s Social Care[\s\S]*lifestyle-choice/)
      // numbers only: no child's name, reference, date of birth or words
      assert.doesNotMatch(page.body, /\bAmy\b|\bSmith\b|C-77|S-9|2007-03-14|put herself at risk|putting herself/)
      const march = await browsers.get('partnership')!.get('/partnership/language?from=2024-04')
      assert.doesNotMatch(/data-testid="language-written">([\s\S]*?)<\/table>/.exec(march.body)?.[1] ?? '', /2024-03/)
    })

    test('the partnership page: partnership, managers and the MASH; navigation shows it to them', async () => {
      const expected: Record<keyof SeededUsers, number> = {
        partnership: 200,
        officerManager: 200,
        mash: 200,
        officer: 403,
        socialWorker: 403,
        nurse: 403,
        admin: 403,
      }
      for (const [who, status] of Object.entries(expected) as [keyof SeededUsers, number][]) {
        const res = await browsers.get(who)!.get('/partnership/language')
        assert.equal(res.statusCode, status, who)
        const reached = await navigationLinks(browsers.get(who)!)
        assert.equal(reached.includes('/partnership/language'), status === 200, `navigation for ${who}`)
      }
      const anonymous = await new Browser(app).get('/partnership/language')
      assert.equal(anonymous.statusCode, 302)
    })

    test("without JavaScript, findings on what was just saved show once on the child's page the writer returns to", async () => {
      const { db } = backend().database
      const sw = browsers.get('socialWorker')!
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', EMAILS.socialWorker)
        .executeTakeFirstOrThrow()
      const findings = await checkOnSave(db, {
        text: 'Discussed in supervision: she chose to go with them.',
        agency: 'csc',
        context: 'supervision',
        showTo: { userId: user.id, childId: amy },
      })
      assert.ok(findings.length > 0)
      const saved = (html: string) => /<section id="language-saved"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
      const first = saved((await sw.get(`/people/${amy}`)).body)
      assert.match(first, /Words to look at again/)
      assert.match(first, new RegExp(findings[0].phrase))
      citesGuidance(first, findings.length)
      assert.equal(saved((await browsers.get('nurse')!.get(`/people/${amy}`)).body), '', 'only to the one who wrote it')
      assert.equal(saved((await sw.get(`/people/${amy}`)).body), '', 'shown once')
    })

    test("a form that exists: a decision's rationale is checked on saving, counted with what was accepted as typed, and shown back", async () => {
      const { db } = backend().database
      const sw = browsers.get('socialWorker')!
      const saved = await sw.post(
        `/people/${amy}/decisions`,
        {
          kind: 'threshold_decision',
          outcome: 'early_help',
          decided: '2024-05-02',
          rationale: 'Amy is making lifestyle choices; family engaging with early help.',
          rationale_language_accepted: 'putting-self-at-risk',
        },
        `/people/${amy}/decisions/new`,
      )
      assert.equal(saved.statusCode, 302, 'saving is never blocked by the findings')
      const page =
        /<section id="language-saved"[\s\S]*?<\/section>/.exec((await sw.get(`/people/${amy}`)).body)?.[0] ?? ''
      assert.match(page, /lifestyle choices/)
      const rows = await db
        .selectFrom('language_counts')
        .select(['rule', 'fired', 'accepted'])
        .where('context', '=', 'decision')
        .where('agency_code', '=', 'csc')
        .execute()
      const byRule = Object.fromEntries(rows.map((r) => [r.rule, [r.fired, r.accepted]]))
      assert.deepEqual(byRule['lifestyle-choice'], [1, 0])
      assert.deepEqual(byRule['putting-self-at-risk'], [1, 1])
    })

    test('entries can be checked ahead of the first view, after an import', async () => {
      const { db } = backend().database
      await db.deleteFrom('language_event_checks').execute()
      const checked = await checkNewEvents(db, new Date('2024-01-01T00:00:00Z'))
      const current = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_current', '=', true)
        .where('withdrawn', '=', false)
        .executeTakeFirstOrThrow()
      assert.equal(checked, Number(current.n))
      const event = await db.selectFrom('events').select('id').where('source_id', '=', 'SH-9').executeTakeFirstOrThrow()
      const kept = await db
        .selectFrom('language_event_checks')
        .selectAll()
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow()
      assert.equal(kept.child_dob, '2007-03-14', "the child's date of birth from the person record")
      assert.deepEqual(kept.rules, ['sexual-activity'])
      assert.equal(await checkNewEvents(db, new Date('2024-01-01T00:00:00Z')), 0, 'each version is checked once')
      // what was kept is what the page shows
      assert.match(findingsOf((await browsers.get('nurse')!.get(`/people/${amy}/chronology`)).body), /under 13/)
    })
  },
  { resetBetweenTests: false },
)
