// Audit criteria as data (decision 0048): a definition is refused with each problem naming its field
// and what was expected; each condition admits the children it says over the facts, with the agencies
// that admitted them (the strata); the shipped version 1 of each criterion is what migration 0036
// stored; versions are added higher than the last, audited, and read back as the newest.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import type { Db } from '../db/database.ts'
import {
  candidatesFor,
  conditionWords,
  criterionFrom,
  criterionProblems,
  SHIPPED_CRITERIA,
  type CohortFacts,
  type Condition,
} from './criteria.ts'
import { addCriterion, criterionVersion, currentCriteria, listCriteria } from './store.ts'

const valid = {
  name: 'missing_twice',
  version: 1,
  title: 'Missing twice',
  description: 'Children missing at least twice in the period.',
  conditions: [{ type: 'missing_episodes', min_count: 2 }],
}

test('a valid definition is read, trimmed; every problem names its field and what was expected', () => {
  assert.deepEqual(criterionProblems(valid), [])
  assert.deepEqual(criterionFrom({ ...valid, title: '  Missing twice ' }).title, 'Missing twice')
  assert.deepEqual(criterionProblems(null), [
    'the criterion must be a JSON object with name, version, title, description and conditions',
  ])
  assert.deepEqual(
    criterionProblems({
      name: 'Bad Name',
      version: 1.5,
      title: '',
      description: 'x',
      conditions: [
        { type: 'missing_episodes', min_band: 7, min_bands: 2 },
        { type: 'gut_feeling' },
        { type: 'band_at_least' },
        { type: 'concerns_from_agencies', min_agencies: '2' },
        'nfa',
      ],
      colour: 'red',
    }),
    [
      'colour: not a field of a criterion; expected name, version, title, description and conditions',
      'name: expected lower-case letters, digits and underscores, starting with a letter, at most 40 (got "Bad Name")',
      'version: expected a whole number from 1 to 9999 (got 1.5)',
      'title: expected words of at most 200 characters (got "")',
      'conditions[0].min_bands: not a parameter of missing_episodes; expected min_count or min_band',
      'conditions[0].min_band: expected a whole number from 1 to 4 (the lowest risk band at the end of the period) (got 7)',
      'conditions[1].type: expected one of missing_episodes, nfa_after_concern, band_at_least, concerns_from_agencies (got "gut_feeling")',
      'conditions[2].band: required for band_at_least; expected a whole number from 1 to 4 (the lowest risk band at the end of the period)',
      'conditions[3].min_agencies: expected a whole number from 1 to 20 (how many different agencies at least) (got "2")',
      'conditions[4]: expected an object with a type (got "nfa")',
    ],
  )
  assert.deepEqual(criterionProblems({ ...valid, conditions: [] }), [
    'conditions: expected a list of 1 to 10 conditions, each { "type": ..., parameters }',
  ])
  assert.throws(() => criterionFrom({ ...valid, version: 0 }), /version: expected a whole number from 1 to 9999/)
})

// children 1..6; social care (csc) raises concerns, the police decide
const facts: CohortFacts = {
  episodes: [
    { childId: 1, returnedDay: '2026-05-02', agencies: ['police'] },
    { childId: 1, returnedDay: '2026-05-20', agencies: ['csc'] },
    { childId: 2, returnedDay: '2026-05-03', agencies: ['police'] },
    { childId: 3, returnedDay: '2026-04-30', agencies: ['police'] }, // before the period
    { childId: 4, returnedDay: '2026-05-04', agencies: ['police', 'csc'] },
  ],
  bands: new Map([
    [1, 2],
    [2, 1],
    [3, 3],
    [4, 4],
    [5, 3],
  ]),
  decisions: [
    { childId: 1, agency: 'police', outcome: 'no_further_action', decidedDay: '2026-05-10' },
    { childId: 2, agency: 'police', outcome: 'no_further_action', decidedDay: '2026-05-10' },
    { childId: 5, agency: 'police', outcome: 'no_further_action', decidedDay: '2026-05-10' },
    { childId: 6, agency: 'police', outcome: 'strategy_discussion', decidedDay: '2026-05-10' },
  ],
  concerns: [
    { childId: 1, agency: 'csc', day: '2026-05-01' }, // 9 days before the NFA
    { childId: 2, agency: 'police', day: '2026-05-01' }, // the deciding agency's own
    { childId: 5, agency: 'csc', day: '2026-03-01' }, // 70 days before
    { childId: 5, agency: 'health', day: '2026-05-05' },
    { childId: 6, agency: 'csc', day: '2026-05-02' },
    { childId: 6, agency: 'health', day: '2026-05-03' },
    { childId: 6, agency: 'school', day: '2026-06-03' }, // after the period
  ],
}
const may = { from: '2026-05-01', to: '2026-05-31' }
const admitted = (conditions: Condition[], by: 'none' | 'agency' | 'band' = 'none') =>
  candidatesFor({ conditions }, facts, may, by).map((c) => (by === 'none' ? c.childId : `${c.childId} ${c.stratum}`))

test('each condition admits the children it says, over the facts', () => {
  assert.deepEqual(admitted([{ type: 'missing_episodes' }]), [1, 2, 4])
  assert.deepEqual(admitted([{ type: 'missing_episodes', min_band: 2 }]), [1, 4])
  assert.deepEqual(admitted([{ type: 'missing_episodes', min_count: 2 }]), [1])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern' }]), [1, 5])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern', within_days: 9 }]), [1, 5])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern', within_days: 8 }]), [5])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern', within_days: 5 }]), [5])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern', within_days: 4 }]), [])
  assert.deepEqual(admitted([{ type: 'band_at_least', band: 3 }]), [3, 4, 5])
  assert.deepEqual(admitted([{ type: 'concerns_from_agencies', min_agencies: 2 }]), [6])
  assert.deepEqual(admitted([{ type: 'concerns_from_agencies', min_agencies: 1 }]), [1, 2, 5, 6])
  // every condition must hold
  assert.deepEqual(admitted([{ type: 'missing_episodes' }, { type: 'band_at_least', band: 2 }]), [1, 4])
  assert.deepEqual(admitted([{ type: 'missing_episodes' }, { type: 'nfa_after_concern' }]), [1])
})

test('the strata: by agency, the agencies whose records admitted the child; by band, their band at the end', () => {
  assert.deepEqual(admitted([{ type: 'missing_episodes', min_band: 2 }], 'agency'), [
    '1 csc',
    '1 police',
    '4 csc',
    '4 police',
  ])
  assert.deepEqual(admitted([{ type: 'nfa_after_concern' }], 'agency'), ['1 police', '5 police'])
  assert.deepEqual(admitted([{ type: 'band_at_least', band: 4 }], 'agency'), ['4 no agency'])
  assert.deepEqual(admitted([{ type: 'concerns_from_agencies', min_agencies: 2 }], 'agency'), ['6 csc', '6 health'])
  assert.deepEqual(admitted([{ type: 'missing_episodes' }], 'band'), ['1 band 2', '2 band 1', '4 band 4'])
})

test('the shipped criteria are the rules they were as code, and read in words', () => {
  const [missing, nfa] = SHIPPED_CRITERIA
  assert.deepEqual(
    candidatesFor(missing, facts, may, 'none').map((c) => c.childId),
    [1, 4],
  )
  assert.deepEqual(
    candidatesFor(nfa, facts, may, 'none').map((c) => c.childId),
    [1, 5],
  )
  assert.equal(
    conditionWords(missing.conditions[0]),
    'a missing episode ended in the period, risk band 2 or more at its end',
  )
  assert.equal(
    conditionWords({ type: 'nfa_after_concern', within_days: 30 }),
    "a decision of no further action in the period after another agency's concern raised at most 30 days before",
  )
})

const clock = new TestClock('2026-07-01T12:00:00')

forEachDatabase(
  'audit criteria versions',
  (backend) => {
    let db: Db
    before(() => {
      db = backend().database.db
    })

    test('migration 0036 ships version 1 of each criterion as it was', async () => {
      const all = await listCriteria(db)
      assert.deepEqual(
        all.map(({ added_at, current, ...c }) => ({ ...c, added: added_at.toISOString(), current })),
        SHIPPED_CRITERIA.map((c) => ({ ...c, added: '1970-01-01T00:00:00.000Z', current: true })),
      )
    })

    test('a version is added higher than the last, audited; new audits use the newest, each version kept', async () => {
      const at = clock.now()
      const v2 = { ...SHIPPED_CRITERIA[1], version: 2, conditions: [{ type: 'nfa_after_concern', within_days: 30 }] }
      await addCriterion(db, TEST_ACTOR, v2, at)
      assert.equal((await criterionVersion(db, 'nfa_after_concern')).version, 2)
      assert.deepEqual((await criterionVersion(db, 'nfa_after_concern', 1)).conditions, [{ type: 'nfa_after_concern' }])
      assert.deepEqual(
        (await currentCriteria(db)).map((c) => [c.name, c.version]),
        [
          ['missing_with_risk', 1],
          ['nfa_after_concern', 2],
        ],
      )
      await assert.rejects(
        addCriterion(db, TEST_ACTOR, v2, at),
        /has version 2 already: give the new one a higher version \(3\)/,
      )
      await assert.rejects(addCriterion(db, TEST_ACTOR, { ...v2, version: 1 }, at), /higher version/)
      await assert.rejects(
        addCriterion(db, TEST_ACTOR, { ...v2, version: 3, conditions: [{ type: 'nope' }] }, at),
        (error: Error & { code?: string }) => error.code === 'invalid' && /conditions\[0\]\.type/.test(error.message),
      )
      await assert.rejects(
        criterionVersion(db, 'nfa_after_concern', 9),
        /no audit criterion "nfa_after_concern" version 9/,
      )
      // a new name starts wherever it likes
      await addCriterion(db, TEST_ACTOR, valid, at)
      const entries = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'add_audit_criterion')
        .orderBy('id')
        .execute()
      assert.deepEqual(
        entries.map((e) => e.details),
        [
          { name: 'nfa_after_concern', version: 2 },
          { name: 'missing_twice', version: 1 },
        ],
      )
    })
  },
  { clock, resetBetweenTests: false },
)
