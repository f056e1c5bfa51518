// A form sent twice is saved once: the second request with the same submission id is sent where the
// first went and saves nothing, one after the other or at the same moment; a form answered with a
// mistake can be corrected and sent again with the same id.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../../testing/backends.ts'
import { Browser, testApp } from '../../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS } from '../../testing/working-together-area.ts'

forEachDatabase(
  'a form sent twice is saved once',
  (backend) => {
    let app: FastifyInstance
    let amy = 0
    before(async () => {
      amy = (await seedWorkingArea(backend().database.db)).amy
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    const decisions = async () =>
      (
        await backend()
          .database.db.selectFrom('wt_decisions' as never)
          .select('id' as never)
          .execute()
      ).length

    test('a decision sent twice, then at once, is one decision each time; both go where the first went', async () => {
      const sw = await new Browser(app).signIn(AREA_EMAILS.socialWorker)
      const formPage = `/people/${amy}/decisions/new`
      const page = await sw.get(formPage)
      const ids = [...page.body.matchAll(/name="_submission" value="([0-9a-f-]{36})"/g)].map((m) => m[1])
      assert.ok(ids.length >= 1, 'the form carries a submission id')
      assert.equal(new Set(ids).size, ids.length, 'each form on a page its own')
      const before = await decisions()
      const form = {
        _submission: ids[0],
        kind: 'threshold_decision',
        outcome: 'early_help',
        decided: '20/06/2009',
        rationale: 'Family engaging with early help',
      }
      const first = await sw.post(`/people/${amy}/decisions`, form, formPage)
      const second = await sw.post(`/people/${amy}/decisions`, form, formPage)
      assert.ok(first.statusCode >= 300 && first.statusCode < 400, `${first.statusCode} ${first.body.slice(0, 200)}`)
      assert.equal(second.statusCode, 303)
      assert.equal(second.headers.location, first.headers.location)
      assert.equal(await decisions(), before + 1)

      const again = { ...form, _submission: crypto.randomUUID() }
      const both = await Promise.all([
        sw.post(`/people/${amy}/decisions`, again, formPage),
        sw.post(`/people/${amy}/decisions`, again, formPage),
      ])
      assert.deepEqual(
        both.map((r) => r.statusCode >= 300 && r.statusCode < 400),
        [true, true],
      )
      assert.equal(await decisions(), before + 2)
    })

    test('a form answered with a mistake is sent again, corrected, with the same id', async () => {
      const sw = await new Browser(app).signIn(AREA_EMAILS.socialWorker)
      const formPage = `/people/${amy}/decisions/new`
      const before = await decisions()
      const id = crypto.randomUUID()
      const wrong = await sw.post(
        `/people/${amy}/decisions`,
        { _submission: id, kind: 'threshold_decision', outcome: 'early_help', decided: '20/06/2009', rationale: '' },
        formPage,
      )
      assert.equal(wrong.statusCode, 400)
      const right = await sw.post(
        `/people/${amy}/decisions`,
        {
          _submission: id,
          kind: 'threshold_decision',
          outcome: 'early_help',
          decided: '20/06/2009',
          rationale: 'Now with a reason',
        },
        formPage,
      )
      assert.ok(right.statusCode >= 300 && right.statusCode < 400, String(right.statusCode))
      assert.equal(await decisions(), before + 1)
    })
  },
  { resetBetweenTests: false },
)
