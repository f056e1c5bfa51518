// The person summary says first what needs doing now and by whom (issue 15): the return interview
// owed after Amy came back, by the agency responsible, due and then overdue as time passes; a
// challenge, by its stage's owner with the stage's deadline; the most pressing first; and only what
// the viewer may see on the page the sentence links to.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'
import { inOrderOfUrgency, type WorkWaiting } from './work-waiting.ts'
import { importRiskArea } from '../testing/risk-cli-fixture.ts'

const clock = new TestClock()

/** The text of an element of the page by its id, tags dropped and spaces folded. */
function textOf(body: string, id: string): string | null {
  const start = body.indexOf(`id="${id}"`)
  if (start < 0) return null
  const open = body.lastIndexOf('<', start)
  const tag = /^<(\w+)/.exec(body.slice(open))![1]
  const end = body.indexOf(`</${tag}>`, start)
  return body
    .slice(body.indexOf('>', start) + 1, end)
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

test('what is happening now comes first, then the longest overdue, then the nearest deadline', () => {
  const at = (d: string) => new Date(`${d}T12:00:00Z`)
  const item = (who: string, extra: Partial<WorkWaiting>): WorkWaiting => ({
    who,
    what: 'x',
    dueAt: null,
    overdue: false,
    href: '/',
    ...extra,
  })
  const order = inOrderOfUrgency([
    item('undated', {}),
    item('due later', { dueAt: at('2026-03-09') }),
    item('overdue lately', { dueAt: at('2026-03-02'), overdue: true }),
    item('due soon', { dueAt: at('2026-03-05') }),
    item('overdue longest', { dueAt: at('2026-02-01'), overdue: true }),
    item('missing now', { ongoing: true }),
  ]).map((w) => w.who)
  assert.deepEqual(order, ['missing now', 'overdue longest', 'overdue lately', 'due soon', 'due later', 'undated'])
})

forEachDatabase(
  'what needs doing now, on the person summary',
  (backend) => {
    let app: FastifyInstance
    let area: WorkingArea
    const browsers = new Map<keyof typeof AREA_EMAILS, Browser>()
    const as = (who: keyof typeof AREA_EMAILS) => browsers.get(who)!

    before(async () => {
      area = await seedWorkingArea(backend().database.db)
      app = await testApp(backend().database)
      for (const who of ['socialWorker', 'officerManager', 'cpsManager', 'officer', 'mash'] as const)
        browsers.set(who, await new Browser(app).signIn(AREA_EMAILS[who]))
    })
    after(async () => {
      await app?.close()
    })

    test('the return interview owed after Amy came back: due, by whom, then overdue', async () => {
      // Amy came back at 9am on 4 May 2008; the interview is due 72 hours later, by the area's
      // children's social care (no one is assigned and no interview was recorded)
      const due = await as('socialWorker').get(`/people/${area.amy}?as_of=2008-05-05`)
      assert.equal(due.statusCode, 200)
      const first = textOf(due.body, 'work-waiting-first')
      assert.match(
        first ?? '',
        /^Children's Social Care to hold the return interview \(back since 4 May 2008 at 9:00am\)/,
      )
      assert.match(first ?? '', /, by 7 May 2008 at 9:00am\.$/)
      const later = textOf(
        (await as('socialWorker').get(`/people/${area.amy}?as_of=2008-06-01`)).body,
        'work-waiting-first',
      )
      assert.match(later ?? '', /to hold the return interview .*: Overdue since 7 May 2008 at 9:00am\.$/)
    })

    test("a challenge against the police: its stage's owner and deadline, for those who may see it", async () => {
      clock.set('2009-06-02T09:00:00')
      const raised = await as('socialWorker').post(
        `/people/${area.amy}/challenges`,
        { against_agency: 'police', subject: 'inaction', summary: 'She told us about the men at the takeaway' },
        `/people/${area.amy}/challenges/new`,
      )
      assert.equal(raised.statusCode, 302, raised.body.slice(0, 300))
      const page = (await as('officerManager').get(`/people/${area.amy}`)).body
      const all = [textOf(page, 'work-waiting-first'), textOf(page, 'work-waiting-rest')].join(' ')
      assert.match(
        all,
        /officer to answer the challenge raised by Children's Social Care \(stage 1: practitioner to practitioner\), by 5 June 2009 at midnight/,
      )
      // owned by name: the police worker allocated to Amy; the overdue interview of a year before comes first
      assert.match(textOf(page, 'work-waiting-first') ?? '', /hold the return interview .*Overdue/)
      // the prosecutor's manager is not in the challenge: it is not theirs to see
      const cps = (await as('cpsManager').get(`/people/${area.amy}`)).body
      assert.doesNotMatch(cps, /answer the challenge/)
    })

    test("a child in the MASH's queue: the MASH to decide, with the queue's reasons and response time", async () => {
      const bea = (await importRiskArea(backend().database.db)).personOf('P-B')
      clock.set('2026-03-20T12:00:00Z')
      assert.match((await as('mash').get('/mash')).body, new RegExp(`/people/${bea}/risk`), 'Bea is in the queue')
      const summary = (await as('mash').get(`/people/${bea}`)).body
      const said = [textOf(summary, 'work-waiting-first'), textOf(summary, 'work-waiting-rest')].join(' ')
      assert.match(said, /The MASH to decide what happens next \(.+\)(: Overdue since|, by) \d+ \w+ 2026/)
      assert.match(summary, new RegExp(`href="/people/${bea}/risk">decide what happens next`))
      // one wording: the queue's "Why" and the summary say the same reasons in the same words (UK dates)
      const row = (await as('mash').get('/mash?name=bea')).body
      const why = [...(/data-label="Why">(.*?)<\/td>/s.exec(row)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
        m[1].replace(/&#39;/g, "'"),
      )
      assert.ok(why.length > 0 && why.every((w) => / \d{1,2} [A-Z][a-z]+ \d{4}$/.test(w)), why.join('; '))
      assert.ok(said.includes(`(${why.join('; ')})`), `${said} / ${why.join('; ')}`)
      // kept per child on the maintained MASH queue (risk/maintained-lists.ts): read again as kept, changed by a MASH decision
      const { db } = backend().database
      const kept = async () => ({
        state: await db
          .selectFrom('list_state')
          .select('worked_at')
          .where('source', '=', 'risk')
          .where('entity_id', '=', bea)
          .executeTakeFirst(),
        entry: await db
          .selectFrom('list_entries')
          .select('entry')
          .where('list', '=', 'mash_queue')
          .where('entity_id', '=', bea)
          .executeTakeFirst(),
      })
      const first = await kept()
      assert.ok(first.entry && first.state, 'the MASH queue keeps what the MASH owes Bea')
      clock.set('2026-03-20T12:05:00Z')
      assert.match((await as('mash').get(`/people/${bea}`)).body, /The MASH/)
      assert.equal(+(await kept()).state!.worked_at, +first.state.worked_at, 'read as kept the second time')
      const url = `/mash/${bea}/decision`
      const decided = await as('mash').post(url, { outcome: 'early_help', rationale: 'family support first' }, url)
      assert.equal(decided.statusCode, 302)
      const after = (await as('mash').get(`/people/${bea}`)).body
      assert.doesNotMatch(after, /The MASH to decide what happens next/, 'decided: the MASH owes nothing now')
      assert.equal((await kept()).entry, undefined, 'and Bea has left the kept queue')
      // records arriving mark the child (risk_stale, as after an import; she may be marked there already): the next summary works her out again
      await db
        .insertInto('risk_stale')
        .values({ entity_id: bea })
        .onConflict((oc) => oc.doNothing())
        .execute()
      clock.set('2026-03-20T12:10:00Z')
      await as('mash').get(`/people/${bea}`)
      assert.equal(+(await kept()).state!.worked_at, +new Date('2026-03-20T12:10:00Z'), 'worked out again when marked')
    })
  },
  { resetBetweenTests: false, clock },
)
