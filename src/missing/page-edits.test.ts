// What a practitioner writes on the missing pages changed by its author or their manager (issue 15,
// decision 0033): a return interview changed on its page against the version the page showed (a stale
// save is the conflict page with both versions, nothing saved), the earlier version kept and shown as
// of before the change, the form and the change audited; a colleague has no link and gets 403. An
// episode report made on a page follows the same rule; one an agency sent stays its agency's.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, seedCscColleagues } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { recordedEvents } from '../chronology/versions.ts'
import type { Db } from '../db/database.ts'

const clock = new TestClock('2026-06-01T12:00:00+01:00')
const EPISODE = 'police:E-77'
const FIRST = 'She said she was fine and did not want to talk'
const CHANGED = 'She said she had been with older friends and was tired'

const when = (name: string, day: string, time: string) => {
  const [year, month, d] = day.split('-')
  return { [`${name}-day`]: d, [`${name}-month`]: month, [`${name}-year`]: year, [`${name}-time`]: time }
}
const versionIn = (html: string) => /name="version" value="([^"]*)"/.exec(html)?.[1] ?? ''

forEachDatabase(
  'changing what was written on the missing pages',
  (backend) => {
    let app: FastifyInstance
    let db: Db
    let amy: number
    let source: string
    const as: Record<string, Browser> = {}
    const signIn = async () => {
      for (const [who, email] of Object.entries({
        sw: 'sw@csc.test',
        colleague: 'colleague@csc.test',
        lead: 'lead@csc.test',
        officer: 'officer@police.test',
      }))
        as[who] = await new Browser(app).signIn(email)
    }
    const interviews = async () =>
      (await recordedEvents(db, { kinds: ['return_interview'], personIds: [amy] })).filter(
        (v) => `${v.event.agency}:${v.event.source_id}` === source,
      )

    before(async () => {
      db = backend().database.db
      amy = (await seedArea(db)).amy
      await seedCscColleagues(db, amy, '2026-01-01T00:00:00Z')
      app = await testApp(backend().database)
      await signIn()
    })
    after(async () => app?.close())

    test('a return interview changed by its author: a new version, the earlier one as of before', async () => {
      const record = `/people/${amy}/missing/interview`
      const recorded = await as.sw.post(
        record,
        { episode: EPISODE, outcome: 'declined', ...when('held', '2026-05-31', '10:00'), reason: FIRST },
        `${record}?episode=${encodeURIComponent(EPISODE)}`,
      )
      assert.equal(recorded.statusCode, 302, recorded.body.slice(0, 400))
      const [made] = await recordedEvents(db, { kinds: ['return_interview'], personIds: [amy] })
      source = `${made.event.agency}:${made.event.source_id}`

      clock.set('2026-06-02T12:00:00+01:00')
      await signIn()
      const edit = `${record}?episode=${encodeURIComponent(EPISODE)}&source=${encodeURIComponent(source)}`
      const page = await as.sw.get(`/people/${amy}/missing`)
      assert.ok(page.body.includes(edit.replace('&', '&amp;')), 'the author has the Change link')
      const form = await as.sw.get(edit)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /Change the return interview/)
      assert.ok(form.body.includes(`${FIRST}</textarea>`), 'the form shows what it says')
      const saved = await as.sw.post(
        record,
        {
          episode: EPISODE,
          source,
          version: versionIn(form.body),
          outcome: 'declined',
          ...when('held', '2026-05-31', '10:00'),
          reason: CHANGED,
        },
        edit,
      )
      assert.equal(saved.statusCode, 302, saved.body.slice(0, 400))
      const versions = await interviews()
      assert.equal(versions.length, 2, 'the earlier version is kept')
      assert.equal(versions[1].event.extra.reason, CHANGED)
      assert.deepEqual(versions[1].event.involves, versions[0].event.involves, 'what it named stays')

      assert.match((await as.sw.get(`/people/${amy}/missing`)).body, new RegExp(`Reason: ${CHANGED}`))
      const then = await as.sw.get(`/people/${amy}/missing?as_of=2026-06-01`)
      assert.match(then.body, new RegExp(`Reason: ${FIRST}`), 'as of before the change, what it said then')
      assert.doesNotMatch(then.body, new RegExp(CHANGED))

      const audited = await db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('entity_id', '=', amy)
        .where('action', 'in', ['view_return_interview_form', 'update_return_interview'])
        .execute()
      assert.ok(audited.some((a) => a.action === 'update_return_interview'))
      assert.ok(
        audited.some(
          (a) => a.action === 'view_return_interview_form' && (a.details as { source?: string }).source === source,
        ),
        'opening the form to change it',
      )
    })

    test('a colleague has no link and gets 403; a manager opened it before a change, so theirs is stale', async () => {
      const record = `/people/${amy}/missing/interview`
      const edit = `${record}?episode=${encodeURIComponent(EPISODE)}&source=${encodeURIComponent(source)}`
      const page = await as.colleague.get(`/people/${amy}/missing`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, new RegExp(`Reason: ${CHANGED}`), 'the colleague reads the interview')
      assert.doesNotMatch(page.body, /Change the return interview/)
      assert.equal((await as.colleague.get(edit)).statusCode, 403)
      const sent = { episode: EPISODE, source, outcome: 'declined', ...when('held', '2026-05-31', '10:00') }
      assert.equal(
        (await as.colleague.post(record, { ...sent, version: '', reason: 'mine' }, `/people/${amy}/missing`))
          .statusCode,
        403,
      )

      const managers = await as.lead.get(edit)
      assert.equal(managers.statusCode, 200, 'a manager in the author agency may')
      const seen = versionIn(managers.body)
      // a version is the time it was saved: each save below at its own moment
      clock.set('2026-06-02T12:05:00+01:00')
      const meanwhile = await as.sw.post(record, { ...sent, version: seen, reason: 'The third wording' }, edit)
      assert.equal(meanwhile.statusCode, 302)
      clock.set('2026-06-02T12:10:00+01:00')
      const stale = await as.lead.post(record, { ...sent, version: seen, reason: 'The manager wording' }, edit)
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, /govuk-error-summary/)
      assert.match(stale.body, /Someone else changed this return interview after you opened it/)
      assert.match(stale.body, /The third wording/, 'theirs shown')
      assert.ok(stale.body.includes('The manager wording</textarea>'), 'yours kept')
      assert.equal((await interviews()).length, 3, 'nothing saved')
      assert.notEqual(versionIn(stale.body), seen, 'saving again from here replaces theirs knowingly')
    })

    test("an episode report made on a page is its author's to change; one an agency sent, its agency's", async () => {
      const form = `/people/${amy}/missing/episode`
      const made = await as.sw.post(
        form,
        { ...when('started', '2026-06-01', '20:00'), ...when('returned', '2026-06-02', '08:00') },
        form,
      )
      assert.equal(made.statusCode, 302, made.body.slice(0, 400))
      const mine = (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).find(
        (v) => v.event.agency === 'csc',
      )!
      const update = `${form}?source=${encodeURIComponent(`csc:${mine.event.source_id}`)}`
      assert.equal((await as.sw.get(update)).statusCode, 200)
      assert.equal((await as.lead.get(update)).statusCode, 200)
      assert.equal((await as.colleague.get(update)).statusCode, 403, 'not a colleague any more')
      assert.ok(!(await as.colleague.get(`/people/${amy}/missing`)).body.includes(update.replace(/&/g, '&amp;')))
      // a report the police sent is corrected by the police's next version, as before
      assert.equal((await as.officer.get(`${form}?source=${encodeURIComponent(EPISODE)}`)).statusCode, 200)
    })
  },
  { resetBetweenTests: false, clock },
)
