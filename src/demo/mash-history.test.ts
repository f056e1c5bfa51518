// The demo's MASH queue is realistic (issue 15): at the demo's "now" some children the MASH decided about
// are off the queue, some wait within their response time and a few are overdue, each by the queue's own
// rules (risk/mash-queue.ts), and every decision the demo records was made in time about something
// waiting then.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { withClock } from '../config/clock.ts'
import { loadDemo } from './load-demo.ts'
import { assessArea, assessOne } from '../risk/area.ts'
import { mashQueue } from '../risk/mash-queue.ts'
import { riskSettings } from '../risk/settings.ts'
import { mashDecisionsOf } from '../risk/store.ts'

const NOW = '2026-12-07T10:00:00Z'

forEachDatabase('the demo MASH at work', (backend) => {
  test('at "now" some children are decided, some within their response time and a few overdue', async () => {
    const { db } = backend().database
    const at = new Date(NOW)
    await withClock(new TestClock(NOW), () => loadDemo(db, { area: { children: 300, exploitedShare: 0.05 } }))
    const settings = riskSettings()
    const children = await assessArea(db, at, { settings })
    const decisions = await mashDecisionsOf(db)
    const rows = mashQueue(children, settings, at, { decisions })
    const onQueue = new Set(rows.map((r) => r.childId))
    const decided = [...decisions.keys()].filter((id) => !onQueue.has(id))
    const overdue = rows.filter((r) => r.overdue)
    const within = rows.filter((r) => !r.overdue)
    const undecided = mashQueue(children, settings, at)
    assert.ok(decided.length >= 2, `${decided.length} children decided and off the queue`)
    assert.ok(within.length >= 1, `${within.length} children within their response time`)
    assert.ok(overdue.length >= 1, `${overdue.length} children overdue`)
    assert.ok(overdue.length < decided.length, 'only a few are overdue')
    assert.ok(
      undecided.filter((r) => r.overdue).length > overdue.length,
      'without the decisions more children would be overdue',
    )
    // every decision about something then waiting: the child on the queue as known just before it (with
    // the decisions before it); most within the response time (the rest about what was recorded late)
    let inTime = 0
    let all = 0
    for (const [id, mine] of decisions)
      for (const [i, d] of mine.entries()) {
        assert.ok(+d.decidedAt <= +at, 'decided before now')
        const then = new Date(+d.decidedAt - 1)
        const child = await assessOne(db, id, then, { settings })
        assert.ok(child, `child ${id} known when decided`)
        const row = mashQueue([child], settings, then, { decisions: new Map([[id, mine.slice(0, i)]]) })[0]
        assert.ok(row, `child ${id} was waiting for the decision of ${d.decidedAt.toISOString()}`)
        all++
        if (+d.decidedAt < +row.dueAt) inTime++
      }
    assert.ok(inTime * 2 > all, `${inTime} of ${all} decisions within the response time`)
    // allocations by the MASH follow a referral, an hour after it
    const mash = await db.selectFrom('users').select('id').where('email', 'like', 'mo.mash@%').executeTakeFirstOrThrow()
    const allocations = await db
      .selectFrom('allocations')
      .select(['entity_id', 'starts_at'])
      .where('allocated_by', '=', mash.id)
      .execute()
    assert.ok(allocations.length >= 1, 'the MASH allocated a social worker after a referral')
    for (const a of allocations)
      assert.ok(
        (decisions.get(a.entity_id) ?? []).some(
          (d) =>
            ['strategy_discussion', 'referral_to_csc'].includes(d.outcome) && +a.starts_at === +d.decidedAt + 3_600_000,
        ),
        `allocation of ${a.entity_id} follows a referral`,
      )
  })
})
