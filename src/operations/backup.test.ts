// `threadline backup` and `restore` on the embedded database (decision 0011): a restored folder holds
// every row of every table (every record version and audit row among them), the audit chain
// verifies and goes on; a damaged, foreign or newer file and a non-empty database are refused with
// what is wrong; and a backup is taken from the running server through its socket.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase, type Database, type Db } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { restoreFromFile, writeBackup } from './backup.ts'
import { serveBackups } from './backup-socket.ts'
import { AMY, seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { audit, verifyAudit } from '../audit/audit.ts'
import { runCli, startCli } from '../testing/cli.ts'

/** Every row of every data table, as JSON text, sorted: two databases alike give equal maps. */
async function contents(db: Db): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string }>`select table_name as "table" from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%'
    order by 1`.execute(db)
  const out = new Map<string, string[]>()
  for (const { table } of rows) {
    const r = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table)} t`.execute(db)
    out.set(table, r.rows.map((x) => x.row).sort())
  }
  return out
}

describe('backup and restore of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-backup-'))
  const file = join(dir, 'area.backup')
  let source: Database
  let original: Map<string, string[]>
  const auditRows = () => original.get('audit_log')?.length ?? 0

  before(async () => {
    source = await openDatabase({ dataDir: join(dir, 'source'), command: 'test' })
    await migrate(source.db)
    const { amy } = await seedArea(source.db)
    // a second version of one record, so that histories are in the backup too
    const resent = { ...AMY.police, family_name: 'Smith-Jones', recorded_at: '2009-01-10T09:00:00' }
    await importRecords(source.db, ndjsonLines(JSON.stringify(resent)), {
      channel: 'file',
      skipInvalid: false,
      actor: TEST_ACTOR,
      receivedAt: new Date('2010-02-01T00:00:00Z'),
    })
    await audit(source.db, TEST_ACTOR, { action: 'view_record', entityId: amy }, new Date('2010-02-02T00:00:00Z'))
    await writeBackup(source.db, createWriteStream(file), new Date('2010-02-03T00:00:00Z'))
    original = await contents(source.db)
    await source.close()
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('restored into an empty folder: every row of every table, the chain verifies and goes on', async () => {
    const versions = original.get('person_versions') ?? []
    assert.equal(versions.filter((v) => v.includes('"P-1001"')).length, 2, 'a history of two versions is in the backup')
    assert.ok(auditRows() >= 3)
    const target = await openDatabase({ dataDir: join(dir, 'empty'), command: 'test' })
    try {
      // a folder a server has started on once, with nothing loaded, counts as empty
      await migrate(target.db)
      await target.db.insertInto('app_secrets').values({ name: 'first start', value: 'key' }).execute()
      const summary = await restoreFromFile(target.db, file)
      const restored = await contents(target.db)
      assert.deepEqual([...restored.keys()], [...original.keys()])
      for (const [table, rows] of original)
        if (table !== 'data_generation') assert.deepEqual(restored.get(table), rows, `table ${table}`)
      // the data generation alone moves on: a server's links held from before the restore never match (decision 0046)
      const generation = (rows: string[] | undefined) =>
        JSON.parse(rows?.[0] ?? '{}') as { instance?: string; generation?: number }
      const [was, is] = [generation(original.get('data_generation')), generation(restored.get('data_generation'))]
      assert.notEqual(is.instance, was.instance)
      assert.ok(Number(is.generation) > Number(was.generation))
      assert.equal(summary.auditRows, auditRows())
      assert.equal(
        summary.rows,
        [...original.values()].reduce((n, rows) => n + rows.length, 0),
      )
      // the ids carry on after the restored ones, and the chain with them
      await audit(target.db, TEST_ACTOR, { action: 'after_restore' }, new Date('2010-03-01T00:00:00Z'))
      const chain = await verifyAudit(target.db)
      assert.deepEqual(chain, { checked: auditRows() + 1, firstBrokenRow: null })
      // a database that holds data is not overwritten without --force
      await assert.rejects(restoreFromFile(target.db, file), /the database is not empty \(.* holds rows\).*--force/)
      await restoreFromFile(target.db, file, { force: true })
      const again = await contents(target.db)
      assert.notDeepEqual(again.get('data_generation'), restored.get('data_generation'), 'moved on again')
      again.set('data_generation', original.get('data_generation') ?? [])
      assert.deepEqual(again, original)
    } finally {
      await target.close()
    }
  })

  test('a file that is not a whole backup of a known version is refused, saying what is wrong', async () => {
    const target = await openDatabase({ dataDir: 'memory://' })
    try {
      const text = gunzipSync(readFileSync(file)).toString('utf8')
      const lines = text.split('\n')
      const write = (name: string, content: string | Buffer) => {
        const path = join(dir, name)
        writeFileSync(path, content)
        return path
      }
      const header = JSON.parse(lines[0]) as Record<string, unknown>
      const cases: [string, string, RegExp][] = [
        [write('missing', ''), 'nowhere', /does not exist/],
        [write('plain.txt', 'agency,name\n'), 'not gzip', /not a Threadline backup/],
        [write('cut', readFileSync(file).subarray(0, 2000)), 'cut short', /cut short/],
        [write('other.gz', gzipSync('{"hello":1}\n')), 'another format', /not a Threadline backup/],
        [
          write('v9.gz', gzipSync([JSON.stringify({ ...header, version: 9 }), ...lines.slice(1)].join('\n'))),
          'a later format',
          /format version 9; this version of Threadline reads version 1/,
        ],
        [
          write(
            'newer.gz',
            gzipSync(
              [
                JSON.stringify({ ...header, migrations: [...(header.migrations as string[]), '0999_future'] }),
                ...lines.slice(1),
              ].join('\n'),
            ),
          ),
          'a newer schema',
          /newer version of Threadline .*0999_future/,
        ],
        [
          write('edited.gz', gzipSync(text.replace('Smith-Jones', 'Smith-Jonas'))),
          'edited',
          /damaged: its contents do not match the checksum/,
        ],
        [
          write('fewer.gz', gzipSync(lines.filter((l, i) => i !== 3).join('\n'))),
          'a line removed',
          /damaged|cut short/,
        ],
      ]
      rmSync(join(dir, 'missing'))
      for (const [path, what, expected] of cases) await assert.rejects(restoreFromFile(target.db, path), expected, what)
      // nothing was changed by a refused file: the database is still empty
      const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
        where table_schema = current_schema()`.execute(target.db)
      assert.equal(tables.rows[0].n, 0)
    } finally {
      await target.close()
    }
  })

  test('threadline backup and audit anchor while the server runs, then restore and audit verify as commands', async () => {
    const env = { THREADLINE_DATA: join(dir, 'source'), THREADLINE_DEMO: '0' }
    const server = startCli(['serve', '--port', '0', '--no-demo'], env)
    const taken = join(dir, 'taken.backup')
    try {
      let stderr = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000)
        server.stderr?.on('data', (d) => {
          stderr += d
          if (stderr.includes('Threadline is serving')) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
      const backup = await runCli(['backup', taken], env)
      assert.equal(backup.code, 0, backup.stderr)
      const rows = auditRows() + 1 // and the backup's own entry
      assert.match(
        backup.stdout,
        new RegExp(`^file,tables,rows,audit_rows\\r\\n.*taken.backup,\\d+,\\d+,${rows}\\r\\n$`),
      )
      const again = await runCli(['backup', taken], env)
      assert.equal(again.code, 1)
      assert.match(again.stderr, /exists: choose a new file name/)
      // the chain head, asked of the server that holds the folder: the backup's own entry is the newest
      const anchor = await runCli(['audit', 'anchor'], env)
      assert.equal(anchor.code, 0, anchor.stderr)
      assert.match(anchor.stdout, /^\d+ [0-9a-f]{64}\n$/)
      assert.ok(Number(anchor.stdout.split(' ')[0]) >= rows, anchor.stdout)
      // commands that read, and token and user commands, run beside the server (decision 0031)
      const token = await runCli(['token', 'create', '--agency', 'police', '--name', 'beside the server'], env)
      assert.equal(token.code, 0, token.stderr)
      assert.match(token.stdout, /^tl_police_\S+\n$/)
      const tokens = await runCli(['token', 'list'], env)
      assert.equal(tokens.code, 0, tokens.stderr)
      assert.match(tokens.stdout, /,police,beside the server,active,/)
      const atRisk = await runCli(['children', '--at-risk', '--min-band', '1'], env)
      assert.equal(atRisk.code, 0, atRisk.stderr)
      assert.match(atRisk.stdout, /^child_id,given_name,family_name,/)
      // a command that needs the folder to itself is still refused, and says what runs beside
      const one = join(dir, 'one.jsonl')
      writeFileSync(one, `${JSON.stringify(AMY.police)}\n`)
      const importing = await runCli(['import', one], env)
      assert.equal(importing.code, 1)
      assert.match(
        importing.stderr,
        /in use by the Threadline server .*commands that read, and token and user commands/,
      )
    } finally {
      server.kill('SIGTERM')
      await new Promise((resolve) => server.on('exit', resolve))
    }
    const restoredEnv = { THREADLINE_DATA: join(dir, 'restored'), THREADLINE_DEMO: '0' }
    const restore = await runCli(['restore', taken], restoredEnv)
    assert.equal(restore.code, 0, restore.stderr)
    assert.match(restore.stderr, /the audit chain verifies/)
    const verify = await runCli(['audit', 'verify'], restoredEnv)
    assert.equal(verify.code, 0, verify.stderr)
    // the restored rows, the backup's entry and the restore's own
    assert.match(verify.stdout, new RegExp(`^checked,first_broken_row\\r\\n${auditRows() + 2},\\r\\n$`))
    const refused = await runCli(['restore', taken], restoredEnv)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /not empty .*--force/)
    assert.ok(existsSync(taken))
  })

  test('a data folder whose path is too long for a socket does not stop the server, it says why', async () => {
    const long = join(dir, 'x'.repeat(120))
    const messages: string[] = []
    const stop = await serveBackups(source.db, long, (m) => messages.push(m))
    stop()
    assert.match(messages.join('\n'), /threadline backup cannot ask this server .*shorter path/)
  })
})
