// `threadline decisions|challenges|actions|supervision|competency|caseload` as registered in the real command line
// (src/cli/main.ts, in process), on both databases: the PostgreSQL test schema, and an embedded
// data folder. Columns exactly as docs/cli.md; outputs as of several dates.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { forEachDatabase, TEST_PG_URL } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import type { Db } from '../db/database.ts'
import { main } from '../main.ts'
import { viewsOf } from '../audit/audit.ts'
import { seedWorkingArea } from '../testing/working-together-area.ts'
import { raiseChallenge } from './store-challenges.ts'
import { recordMeeting } from './store-meetings.ts'

async function scenario(db: Db): Promise<number> {
  const { amy, users } = await seedWorkingArea(db)
  await raiseChallenge(
    db,
    TEST_ACTOR,
    {
      childId: amy,
      decisionId: 'cps:CD-1',
      raisedBy: users.officer,
      againstAgency: 'cps',
      subject: 'prosecutor_decision',
      summary: 'Credible account',
    },
    new Date('2009-06-02T09:00:00Z'),
  )
  await recordMeeting(
    db,
    TEST_ACTOR,
    {
      childId: amy,
      type: 'strategy_discussion',
      heldAt: new Date('2009-06-03T09:00:00Z'),
      chairId: users.cscManager,
      chair: 'manager@csc.test',
      invited: ['police', 'csc'],
      present: ['police', 'csc'],
      information: {},
      decisions: null,
      recordedBy: users.cscManager,
      actions: [{ title: 'Visit Amy', ownerId: users.socialWorker, dueDate: '2009-06-10' }],
    },
    new Date('2009-06-03T12:00:00Z'),
  )
  return amy
}

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  // the command writes text; the test runner's own messages on stdout are binary and pass through
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest)
    stdout += chunk
    return true
  }) as typeof process.stdout.write
  const before = process.exitCode
  process.exitCode = undefined
  try {
    await main(['node', 'threadline', ...args])
  } finally {
    process.stdout.write = write
  }
  const code = Number(process.exitCode ?? 0)
  process.exitCode = before
  return { code, stdout }
}

const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[]

// the commands run in this process, under the suite's clock: the machine's time unless a test sets it
const clock = new TestClock()

forEachDatabase(
  'working together on the command line',
  (backend) => {
    const saved = {
      url: process.env.DATABASE_URL,
      schema: process.env.THREADLINE_DB_SCHEMA,
      data: process.env.THREADLINE_DATA,
      demo: process.env.THREADLINE_DEMO,
    }
    let folder: string | null = null
    let amy = 0

    before(async () => {
      if (backend().name === 'postgres') {
        amy = await scenario(backend().database.db)
        Object.assign(process.env, { DATABASE_URL: TEST_PG_URL, THREADLINE_DB_SCHEMA: backend().database.schema ?? '' })
      } else {
        // the in-memory test database cannot be reached by a command: an embedded folder instead
        folder = mkdtempSync(join(tmpdir(), 'threadline-wt-cli-'))
        const database = await openDatabase({ dataDir: join(folder, 'data') })
        await migrate(database.db)
        amy = await scenario(database.db)
        await database.close()
        Object.assign(process.env, {
          DATABASE_URL: '',
          THREADLINE_DB_SCHEMA: '',
          THREADLINE_DATA: join(folder, 'data'),
        })
      }
      process.env.THREADLINE_DEMO = '0'
    })
    after(() => {
      for (const [key, value] of Object.entries({
        DATABASE_URL: saved.url,
        THREADLINE_DB_SCHEMA: saved.schema,
        THREADLINE_DATA: saved.data,
        THREADLINE_DEMO: saved.demo,
      })) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      if (folder) rmSync(folder, { recursive: true, force: true })
    })

    test('decisions, challenges, actions and supervision as of several dates', async () => {
      const none = await run(['decisions', '--as-of', '2009-05-31'])
      assert.equal(none.code, 0)
      assert.equal(
        none.stdout,
        'decision_id,child_id,source_records,agency,kind,outcome,decided_at,source_record,challengeable,challenge_status\r\n',
      )

      const decisions = rows((await run(['decisions', '--challengeable', '--as-of', '2009-06-02'])).stdout)
      assert.deepEqual(
        decisions.map((d) => [d.decision_id, d.decided_at, d.challengeable, d.challenge_status]),
        [['cps:CD-1', '2009-06-01T15:00:00+01:00', 'true', 'open']],
      )

      const header =
        'challenge_id,child_id,source_records,decision_id,raised_by,raised_by_agency,against_agency,subject,stage,stage_owner,stage_due_at,status,opened_at,resolved_at,outcome'
      const june4 = await run(['challenges', '--open', '--as-of', '2009-06-04'])
      assert.equal(june4.stdout.split('\r\n')[0], header)
      assert.deepEqual(
        rows(june4.stdout).map((c) => [c.stage, c.stage_owner, c.stage_due_at]),
        [['1', 'lawyer@cps.test', '2009-06-05T00:00:00+01:00']],
      )
      // the clock moves "now": the stage has moved up by itself, with no job run
      clock.set('2009-06-17T09:00:00')
      const json = JSON.parse((await run(['challenges', '--open', '--format', 'json'])).stdout) as Record<
        string,
        unknown
      >[]
      assert.deepEqual(Object.keys(json[0]), header.split(','))
      assert.deepEqual(
        [json[0].stage, json[0].stage_owner, json[0].stage_due_at, json[0].resolved_at],
        [4, 'chair@lscp.test', null, null],
      )
      clock.useMachineTime()

      const open = rows((await run(['actions', '--overdue', '--as-of', '2009-06-10'])).stdout)
      assert.equal(open.length, 0)
      const overdue = rows((await run(['actions', '--overdue', '--as-of', '2009-06-11'])).stdout)
      assert.deepEqual(
        overdue.map((a) => [a.title, a.owner, a.owner_agency, a.due_at, a.status]),
        [['Visit Amy', 'sw@csc.test', 'csc', '2009-06-11T00:00:00+01:00', 'overdue']],
      )

      const supervision = rows((await run(['supervision', '--overdue', '--as-of', '2009-06-11'])).stdout)
      assert.ok(
        supervision.some(
          (s) =>
            s.worker === 'sw@csc.test' &&
            s.supervisor === 'manager@csc.test' &&
            s.status === 'overdue' &&
            s.last_supervision_at === '',
        ),
      )
      assert.ok(supervision.every((s) => s.source_records.includes('police:P-1001')))

      const wrong = await run(['decisions', '--as-of', '11/06/2009'])
      assert.equal(wrong.code, 2)
    })

    test('a list names its children in the audit trail, and who has looked at the record shows it', async () => {
      for (const command of ['decisions', 'challenges', 'actions', 'supervision']) {
        assert.equal((await run([command])).code, 0)
      }
      const read = async (db: Db) => {
        const entries = await db
          .selectFrom('audit_log')
          .select(['actor', 'details'])
          .where('action', '=', 'cli_list')
          .orderBy('id')
          .execute()
        return { entries, views: await viewsOf(db, amy) }
      }
      let found: Awaited<ReturnType<typeof read>>
      if (folder) {
        const database = await openDatabase({ dataDir: join(folder, 'data') })
        found = await read(database.db).finally(() => database.close())
      } else found = await read(backend().database.db)
      const lists = found.entries.map((e) => e.details as { command: string; children: number[] })
      assert.deepEqual(
        lists.slice(-4).map((l) => [l.command, l.children.includes(amy)]),
        [
          ['decisions', true],
          ['challenges', true],
          ['actions', true],
          ['supervision', true],
        ],
      )
      assert.ok(found.entries.every((e) => e.actor.startsWith('cli:')))
      assert.ok(found.views.some((v) => v.action === 'cli_list'))
    })

    test('an imported history: competency --lapses as of the day it happened, caseload, and imported supervision', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'threadline-staff-'))
      const file = join(dir, 'staff.ndjson')
      const staff = [
        { type: 'worker', source_id: 'W-1', name: 'DC Lee', trainings: [] },
        {
          type: 'event',
          source_id: 'CR-9',
          kind: 'crime_report',
          subject: 'P-1001',
          occurred_at: '2009-03-01T10:00:00',
          summary: 'Rape reported',
          recorded_at: '2009-03-01T12:00:00',
        },
        {
          type: 'allocation',
          source_id: 'A-1',
          worker: 'W-1',
          subject: 'P-1001',
          event: 'CR-9',
          role: 'interviewer',
          from: '2009-03-05',
          recorded_at: '2009-03-05T09:00:00',
        },
      ]
      writeFileSync(
        file,
        staff.map((o) => JSON.stringify({ agency: 'police', recorded_at: '2009-01-01', ...o })).join('\n'),
      )
      try {
        assert.equal((await run(['import', file])).code, 0)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      const before = await run(['competency', '--lapses', '--as-of', '2009-03-04'])
      assert.equal(
        before.stdout,
        'worker,worker_name,agency,child_id,source_records,role,from,to,missing_training,lack,allocation\r\n',
      )
      const lapses = rows((await run(['competency', '--lapses', '--as-of', '2009-03-05'])).stdout)
      assert.deepEqual(
        lapses.map((l) => [l.worker, l.child_id, l.role, l.from, l.missing_training, l.lack]),
        [['police:W-1', String(amy), 'interviewer', '2009-03-05', 'CSE training', 'never_held']],
      )
      assert.equal((await run(['competency'])).code, 2, 'competency needs --lapses')
      const caseload = rows((await run(['caseload', '--as-of', '2009-03-06'])).stdout)
      assert.deepEqual(
        caseload.filter((c) => c.source === 'imported').map((c) => [c.worker, c.name, c.children_count]),
        [['police:W-1', 'DC Lee', '1']],
      )
      const overdue = rows((await run(['supervision', '--overdue', '--as-of', '2009-04-03'])).stdout)
      assert.ok(
        overdue.some((r) => r.worker === 'police:W-1' && r.child_id === String(amy)),
        'never supervised in the four weeks since the allocation',
      )
    })
  },
  { resetBetweenTests: false, clock },
)
