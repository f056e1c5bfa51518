// `audit_grades` on both databases: a case audit whose discussion agreed grades for two children (one
// revised later) and whose agencies sent returns, read through `partnership figures` as known at two
// moments, exact and suppressed; no child's id reaches a row.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { importObjects, seedArea, TEST_ACTOR, type SeededUsers } from '../testing/seed.ts'
import { addAgency } from '../agencies/agencies.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { DEFAULT_MISSING_SETTINGS } from '../missing/settings.ts'
import { DEFAULT_RISK_SETTINGS } from '../risk/settings.ts'
import type { Db } from '../db/database.ts'
import { startAudit } from '../audits/programme.ts'
import { cohortOf, saveAgreement, saveReturn } from '../audits/store.ts'
import { auditArea } from '../audits/test-fixtures.ts'
import type { Grade } from '../audits/tool.ts'
import { MEASURES } from './catalogue.ts'
import { partnershipFigures } from './figures.ts'
import { FIGURE_COLUMNS, type FigureRow } from './measures.ts'
import { periodsFor } from './periods.ts'

const clock = new TestClock('2026-07-01T12:00:00')
const settings = { missing: DEFAULT_MISSING_SETTINGS, risk: DEFAULT_RISK_SETTINGS }
const measures = MEASURES.filter((m) => m.id === 'audit_grades')
const quarters = periodsFor('2026-07-01', '2026-12-31', 'quarter')
const GRADE_ORDER = ['outstanding', 'good', 'requires_improvement', 'inadequate']
const all = (grade: Grade) => ({
  recognition: grade,
  assessment: grade,
  planning: grade,
  joint_working: grade,
  voice: grade,
  impact: grade,
})
const grades = (rows: FigureRow[], start: string, agency: string | null) =>
  GRADE_ORDER.map((g) => {
    const found = rows.filter((r) => r.period_start === start && r.agency === agency && r.category === g)
    assert.equal(found.length, 1, `one row for ${start} ${agency} ${g}`)
    return found[0].suppressed ? 'hidden' : found[0].value
  })

forEachDatabase(
  'partnership figures: audit grades',
  (backend) => {
    let users: SeededUsers
    let db: Db
    before(async () => {
      db = backend().database.db
      ;({ users } = await seedArea(db))
      await addAgency(db, { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' })
      await importObjects(db, auditArea(), new Date('2026-06-01T00:00:00Z'))
      const id = await startAudit(
        db,
        TEST_ACTOR,
        users.partnership,
        {
          theme: 'NFA after concern',
          criteria: 'nfa_after_concern',
          periodFrom: '2026-04-01',
          periodTo: '2026-04-30',
          sampleSize: 3,
          seed: 'figures',
          stratifyBy: 'none',
          toolVersion: '1.0.0',
          closesOn: '2026-12-31',
        },
        clock.now(),
      )
      const cohort = await cohortOf(db, id)
      const agree = (position: number, g: Record<string, Grade>, at: string) =>
        saveAgreement(
          db,
          TEST_ACTOR,
          id,
          users.partnership,
          { position, childId: position ? cohort[position - 1].childId : null, grades: g, findings: 'Agreed.' },
          new Date(at),
        )
      const send = (position: number, agency: string, g: Record<string, Grade>, at: string) =>
        saveReturn(
          db,
          TEST_ACTOR,
          id,
          users.officer,
          {
            position,
            childId: cohort[position - 1].childId,
            agency,
            toolVersion: '1.0.0',
            prefill: {
              asOfDay: at.slice(0, 10),
              keyDates: [],
              unanswered: '',
              interviewsLateOrNotHeld: [],
              decisions: [],
              supervisionGaps: [],
            },
            answers: {},
            grades: g,
            goodPractice: '',
            shouldHaveHappened: '',
          },
          new Date(at),
        )
      // the police's return for child 1 in August, sent again in October with a better recognition grade
      await send(1, 'police', { ...all('requires_improvement'), recognition: 'inadequate' }, '2026-08-03T10:00:00Z')
      await send(1, 'police', all('requires_improvement'), '2026-10-05T10:00:00Z')
      await send(2, 'csc', all('good'), '2026-09-30T22:30:00Z') // 23:30 in London: still September
      await send(1, 'health', { voice: 'good' }, '2026-09-15T10:00:00Z') // one area graded, the rest left
      // the discussion in September: child 1 inadequate on impact, revised to requires improvement in November
      await agree(1, { ...all('good'), impact: 'inadequate' }, '2026-09-10T10:00:00Z')
      await agree(2, { ...all('good'), voice: 'outstanding' }, '2026-09-10T11:00:00Z')
      await agree(0, all('requires_improvement'), '2026-09-10T12:00:00Z')
      await agree(1, { ...all('good'), impact: 'requires_improvement' }, '2026-11-20T10:00:00Z')
    })

    test('the area: the discussions’ grades per child and area, as last agreed, in the period first agreed', async () => {
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: endOfDayLondon('2026-12-31')!,
        suppress: false,
        settings,
        measures,
      })
      // two children × six areas, the theme's grades not counted; the revision stays in September's quarter
      assert.deepEqual(grades(rows, '2026-07-01', null), [1, 10, 1, 0])
      assert.deepEqual(grades(rows, '2026-10-01', null), [0, 0, 0, 0], 'a row for every grade, zeros included')
      // by agency: each agency's own return, in the period it was first sent
      assert.deepEqual(grades(rows, '2026-07-01', 'police'), [0, 0, 6, 0])
      assert.deepEqual(grades(rows, '2026-07-01', 'csc'), [0, 6, 0, 0])
      assert.deepEqual(grades(rows, '2026-07-01', 'health'), [0, 1, 0, 0])
      assert.deepEqual(grades(rows, '2026-07-01', 'cps'), [0, 0, 0, 0])
      // figures only: the contract's columns, no child
      for (const r of rows) assert.deepEqual(Object.keys(r).sort(), [...FIGURE_COLUMNS].sort())
    })

    test('as of a day: what had been recorded by then', async () => {
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: endOfDayLondon('2026-09-30')!,
        suppress: false,
        settings,
        measures,
      })
      assert.deepEqual(grades(rows, '2026-07-01', null), [1, 10, 0, 1], 'impact inadequate until November')
      assert.deepEqual(grades(rows, '2026-07-01', 'police'), [0, 0, 5, 1], 'the first return')
      const before = await partnershipFigures(db, {
        periods: quarters,
        asOf: endOfDayLondon('2026-09-01')!,
        suppress: false,
        settings,
        measures,
      })
      assert.deepEqual(grades(before, '2026-07-01', null), [0, 0, 0, 0])
      assert.deepEqual(grades(before, '2026-07-01', 'csc'), [0, 0, 0, 0])
    })

    test('suppressed: no grade count from 1 to 4 is shown, and none can be worked out from the other grades', async () => {
      const rows = await partnershipFigures(db, {
        periods: quarters,
        asOf: endOfDayLondon('2026-12-31')!,
        suppress: true,
        settings,
        measures,
      })
      for (const r of rows) if (r.value !== null) assert.ok(r.value === 0 || r.value > 4, JSON.stringify(r))
      // 1 outstanding, 10 good, 1 requires improvement of 12: the two ones hidden (10 leaves 2 between them)
      assert.deepEqual(grades(rows, '2026-07-01', null), ['hidden', 10, 'hidden', 0])
      // health's one grade: hidden, and a zero beside it, so the returns received give nothing away
      assert.equal(grades(rows, '2026-07-01', 'health').filter((g) => g === 'hidden').length, 2)
      // in every period, agency and the area, a hidden grade is never the only one of the four
      for (const q of quarters)
        for (const agency of [null, 'police', 'csc', 'health', 'cps']) {
          const hidden = grades(rows, q.start, agency).filter((g) => g === 'hidden').length
          assert.notEqual(hidden, 1, `${q.start} ${agency}`)
        }
    })
  },
  { clock, resetBetweenTests: false },
)
