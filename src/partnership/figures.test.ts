// `partnership figures` on both databases: a small area with returns either side of a quarter's end
// (in summer time), one absence reported by two agencies, an interview recorded months after its
// quarter, and referrals a year apart; then the command line's refusals.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'
import { runCli, pgliteTarget } from '../testing/cli.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { DEFAULT_MISSING_SETTINGS } from '../missing/settings.ts'
import { DEFAULT_RISK_SETTINGS } from '../risk/settings.ts'
import { interviewList } from '../missing/lists.ts'
import { partnershipFigures } from './figures.ts'
import { periodsFor } from './periods.ts'
import type { FigureRow } from './measures.ts'
import { figuresArea } from './test-fixtures.ts'

const settings = { missing: DEFAULT_MISSING_SETTINGS, risk: DEFAULT_RISK_SETTINGS }
const quarters = periodsFor('2026-01-01', '2026-12-31', 'quarter')
const day = (d: string) => endOfDayLondon(d)!
const find = (rows: FigureRow[], start: string, measure: string, agency: string | null = null) => {
  const found = rows.filter((r) => r.period_start === start && r.measure === measure && r.agency === agency)
  assert.equal(found.length, 1, `one row for ${start} ${measure} ${agency}`)
  return found[0]
}
const figure = (r: FigureRow) => [r.numerator, r.denominator, r.value]

forEachDatabase(
  'partnership figures',
  (backend) => {
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      await importObjects(db, figuresArea(), new Date('2026-12-01T00:00:00Z'))
    })

    test('episodes ended by the London date of the return, each once for the area and once per reporting agency', async () => {
      const { db } = backend().database
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-12-31'),
        suppress: false,
        settings,
      })
      assert.deepEqual(figure(find(rows, '2026-01-01', 'missing_episodes_ended')), [1, null, 1])
      assert.deepEqual(figure(find(rows, '2026-01-01', 'missing_episodes_ended', 'police')), [1, null, 1])
      assert.deepEqual(figure(find(rows, '2026-01-01', 'missing_episodes_ended', 'csc')), [1, null, 1])
      assert.deepEqual(figure(find(rows, '2026-01-01', 'missing_episodes_ended', 'health')), [0, null, 0])
      assert.deepEqual(figure(find(rows, '2026-04-01', 'missing_episodes_ended')), [3, null, 3])
      assert.deepEqual(figure(find(rows, '2026-07-01', 'missing_episodes_ended')), [0, null, 0], 'still missing')
      // the interview recorded in July counts for March's return; late and declined count below the line only
      assert.deepEqual(figure(find(rows, '2026-01-01', 'return_interviews_within_72h')), [1, 1, 1])
      assert.deepEqual(figure(find(rows, '2026-04-01', 'return_interviews_within_72h')), [1, 3, 0.3333])
      assert.deepEqual(figure(find(rows, '2026-07-01', 'return_interviews_within_72h')), [0, 0, null])
      // exactly the rows and statuses of missing --interviews
      const listed = await interviewList(db, { asOf: day('2026-12-31'), settings: DEFAULT_MISSING_SETTINGS })
      for (const q of quarters) {
        const mine = listed.filter((r) => {
          const d = (r.returned_at as string).slice(0, 10)
          return d >= q.start && d <= q.end
        })
        assert.equal(find(rows, q.start, 'return_interviews_within_72h').denominator, mine.length)
        assert.equal(
          find(rows, q.start, 'return_interviews_within_72h').numerator,
          mine.filter((r) => r.interview_status === 'done').length,
        )
      }
    })

    test('rows: per period and measure one area row, then one per agency for by-agency measures', async () => {
      const { db } = backend().database
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-12-31'),
        suppress: false,
        settings,
      })
      const q1 = rows.filter((r) => r.period_start === '2026-01-01' && r.measure === 'concerns_raised')
      assert.deepEqual(
        q1.map((r) => [r.agency, r.value]),
        [
          [null, 3],
          ['csc', 2],
          ['health', 1],
          ['lscp', 0],
          ['police', 0],
        ],
      )
      assert.ok(rows.every((r) => r.period_end === quarters.find((q) => q.start === r.period_start)!.end))
      assert.deepEqual(figure(find(rows, '2026-01-01', 'referrals')), [2, null, 2])
      assert.deepEqual(figure(find(rows, '2026-10-01', 're_referrals_within_12_months')), [1, 1, 1])
      assert.deepEqual(figure(find(rows, '2026-01-01', 're_referrals_within_12_months')), [0, 2, 0])
      assert.deepEqual(figure(find(rows, '2026-04-01', 'nfa_decisions', 'police')), [1, null, 1])
      assert.deepEqual(figure(find(rows, '2026-04-01', 'nfa_decisions_challenged')), [0, 1, 0])
      const bands = rows.filter((r) => r.period_start === '2026-04-01' && r.measure === 'children_at_risk')
      assert.deepEqual(
        bands.map((r) => [r.agency, r.category]),
        [
          [null, '2'],
          [null, '3'],
          [null, '4'],
        ],
      )
    })

    test('--as-of: an interview recorded later does not count yet', async () => {
      const { db } = backend().database
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-06-30'),
        suppress: false,
        settings,
      })
      assert.deepEqual(figure(find(rows, '2026-01-01', 'return_interviews_within_72h')), [0, 1, 0])
      assert.deepEqual(figure(find(rows, '2026-10-01', 'referrals')), [0, null, 0])
    })

    test('suppressed: no count from 1 to 4 is shown, zeros are, and no lone hidden cell in a group', async () => {
      const { db } = backend().database
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-12-31'),
        suppress: true,
        settings,
      })
      for (const r of rows) {
        for (const n of [r.numerator, r.denominator]) assert.ok(n === null || n === 0 || n >= 5, JSON.stringify(r))
        if (r.suppressed) assert.deepEqual([r.numerator, r.denominator, r.value], [null, null, null])
      }
      assert.equal(find(rows, '2026-01-01', 'missing_episodes_ended').suppressed, true)
      assert.deepEqual(figure(find(rows, '2026-07-01', 'missing_episodes_ended')), [0, null, 0])
      assert.equal(find(rows, '2026-07-01', 'missing_episodes_ended').suppressed, false)
    })

    test("a missing adult's episode is no child's: one begun on or after the 18th birthday is not counted", async () => {
      const { db } = backend().database
      const before = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-12-31'),
        suppress: false,
        settings,
      })
      const cara = {
        type: 'person',
        agency: 'police',
        source_id: 'P-9',
        given_name: 'Cara',
        family_name: 'Quillfeather',
      }
      await importObjects(
        db,
        [
          // 18 on 15 June 2026; social care's record has no date of birth
          { ...cara, date_of_birth: '2008-06-15', recorded_at: '2026-01-02T09:00:00' },
          { ...cara, agency: 'csc', source_id: 'C-9', recorded_at: '2026-01-02T09:00:00' },
          {
            ...cara,
            agency: 'health',
            source_id: 'H-9',
            date_of_birth: '2008-06-15',
            recorded_at: '2026-01-02T09:00:00',
          },
          // went missing the evening before her birthday, back on it: a child's episode
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-9',
            kind: 'missing_episode',
            subject: 'P-9',
            occurred_at: '2026-06-14T22:00:00',
            ended_at: '2026-06-15T09:00:00',
            recorded_at: '2026-06-15T10:00:00',
          },
          // missing again a week after it: an adult's
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-10',
            kind: 'missing_episode',
            subject: 'P-9',
            occurred_at: '2026-06-22T00:30:00',
            ended_at: '2026-06-22T09:00:00',
            recorded_at: '2026-06-22T10:00:00',
          },
        ],
        new Date('2026-12-01T00:00:00Z'),
      )
      const after = await partnershipFigures(db, {
        periods: quarters,
        asOf: day('2026-12-31'),
        suppress: false,
        settings,
      })
      const ended = (rows: FigureRow[]) => find(rows, '2026-04-01', 'missing_episodes_ended').numerator!
      assert.equal(ended(after), ended(before) + 1)
      assert.equal(find(after, '2026-04-01', 'return_interviews_within_72h').denominator, ended(before) + 1)
      const listed = await interviewList(db, { asOf: day('2026-12-31'), settings: DEFAULT_MISSING_SETTINGS })
      const hers = listed.filter(
        (r) => String(r.episode_source).startsWith('police:E-9') || r.episode_source === 'police:E-10',
      )
      assert.deepEqual(
        hers.map((r) => r.episode_source),
        ['police:E-9'],
        'no return interview is owed for an adult',
      )
    })
  },
  { resetBetweenTests: false },
)

test('bad dates, --from after --to and an unknown --by exit 2 with the usage; no trace', async () => {
  const target = pgliteTarget()
  try {
    for (const args of [
      ['--from', '2026-02-30', '--to', '2026-03-01'],
      ['--from', '2026-03-02', '--to', '2026-03-01'],
      ['--from', '2026-01-01', '--to', '2026-03-01', '--by', 'week'],
      ['--to', '2026-03-01'],
    ]) {
      const r = await runCli(['partnership', 'figures', ...args], target.env)
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
      assert.match(r.stderr, /Usage: threadline partnership figures/)
      assert.doesNotMatch(r.stderr, /\n\s+at /)
      assert.equal(r.stdout, '')
    }
    const ok = await runCli(
      ['partnership', 'figures', '--from', '2026-01-01', '--to', '2026-03-31', '--format', 'json'],
      {
        ...target.env,
        THREADLINE_NOW: '2026-04-01T09:00:00',
      },
    )
    assert.equal(ok.code, 0, ok.stderr)
    const rows = JSON.parse(ok.stdout) as Record<string, unknown>[]
    assert.deepEqual(Object.keys(rows[0]), [
      'period_start',
      'period_end',
      'measure',
      'agency',
      'numerator',
      'denominator',
      'value',
      'suppressed',
      'category',
    ])
    assert.deepEqual(rows[0], {
      period_start: '2026-01-01',
      period_end: '2026-03-31',
      measure: 'missing_episodes_ended',
      agency: null,
      numerator: 0,
      denominator: null,
      value: 0,
      suppressed: false,
      category: null,
    })
  } finally {
    await target.cleanup()
  }
})
