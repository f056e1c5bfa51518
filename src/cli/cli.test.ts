// The command line end to end, as reviewers and agency systems use it (docs/cli.md).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BACKENDS, serverAvailable, TEST_PG_URL } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { pgliteTarget, postgresTarget, runCli, type CliTarget } from '../testing/cli.ts'
import { amyRecords } from '../testing/seed.ts'

const work = mkdtempSync(join(tmpdir(), 'threadline-cli-files-'))
const file = (name: string, lines: (object | string)[]) => {
  const path = join(work, name)
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n')
  return path
}

for (const name of BACKENDS) {
  const make = name === 'pglite' ? pgliteTarget : postgresTarget
  const skip =
    name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : false
  describe(`threadline commands [${name}]`, { skip }, () => {
    let target: CliTarget
    const cli = (args: string[], input?: string) => runCli(args, target.env, input)
    before(() => {
      target = make()
    })
    after(async () => target?.cleanup())

    test('agencies: add and list, in CSV and JSON; a wrong kind is a usage error', async () => {
      for (const [code, kind] of [
        ['police', 'police'],
        ['csc', 'childrens_social_care'],
        ['health', 'health'],
      ]) {
        const r = await cli([
          'agencies',
          'add',
          code,
          '--name',
          `The ${code}`,
          '--kind',
          kind,
          '--contact',
          `${code} duty desk`,
        ])
        assert.equal(r.code, 0, r.stderr)
        assert.equal(r.stdout, '', 'nothing but data on stdout')
      }
      const list = await cli(['agencies'])
      assert.equal(
        list.stdout,
        'code,name,kind,la_number\r\ncsc,The csc,childrens_social_care,\r\nhealth,The health,health,\r\npolice,The police,police,\r\n',
      )
      const json = JSON.parse((await cli(['agencies', '--format', 'json'])).stdout)
      assert.deepEqual(json[0], { code: 'csc', name: 'The csc', kind: 'childrens_social_care', la_number: null })
      const wrong = await cli(['agencies', 'add', 'x', '--name', 'X', '--kind', 'bakery'])
      assert.equal(wrong.code, 2)
      assert.match(wrong.stderr, /--kind "bakery" is not one of/)
    })

    test('import: whole file or nothing, then idempotent, with rejects and --skip-invalid', async () => {
      const good = file(`good-${name}.ndjson`, amyRecords())
      const first = await cli(['import', good])
      assert.equal(first.code, 0, first.stderr)
      assert.equal(
        first.stdout,
        `file,created,updated,unchanged,withdrawn,rejected\r\n${good},${amyRecords().length},0,0,0,0\r\n`,
      )
      const again = await cli(['import', good, '--format', 'json'])
      assert.deepEqual(JSON.parse(again.stdout), [
        { file: good, created: 0, updated: 0, unchanged: amyRecords().length, withdrawn: 0, rejected: 0 },
      ])
      const bad = file(`bad-${name}.ndjson`, [
        { type: 'person', source_id: 'P-50', given_name: 'Dee', family_name: 'Jones', date_of_birth: '2009-09-09' },
        { type: 'person', source_id: 'P-51', given_name: 'Eve', date_of_birth: '31/02/2007' },
        '{not json',
      ])
      const rejects = join(work, `rejects-${name}.ndjson`)
      const refused = await cli(['import', bad, '--agency', 'police', '--rejects', rejects])
      assert.equal(refused.code, 1)
      assert.match(refused.stdout, /,0,0,0,0,2\r\n$/)
      assert.match(refused.stderr, /line 2: date_of_birth "31\/02\/2007" is not a date \(expected YYYY-MM-DD/)
      const written = readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.deepEqual(
        written.map((r) => [r.line, r.errors[0].field]),
        [
          [2, 'date_of_birth'],
          [3, '(line)'],
        ],
      )
      assert.equal(written[1].text, '{not json')
      const skipped = await cli(['import', bad, '--agency', 'police', '--skip-invalid'])
      assert.equal(skipped.code, 0, skipped.stderr)
      assert.match(skipped.stdout, /,1,0,0,0,2\r\n$/)
      const missing = await cli(['import', join(work, 'nope.ndjson')])
      assert.equal(missing.code, 1)
      assert.match(missing.stderr, /cannot read .*nope\.ndjson/)
    })

    test('users and tokens: created once, secrets never echoed; audit verify reports the chain', async () => {
      const user = await cli(
        [
          'user',
          'create',
          '--email',
          'pat@police.test',
          '--name',
          'Pat Officer',
          '--agency',
          'police',
          '--role',
          'practitioner',
          '--password-stdin',
        ],
        'a-very-long-password\n',
      )
      assert.equal(user.code, 0, user.stderr)
      assert.match(user.stdout, /^user_id\n\d+\n$/)
      const twice = await cli(
        [
          'user',
          'create',
          '--email',
          'pat@police.test',
          '--name',
          'Pat',
          '--agency',
          'police',
          '--role',
          'practitioner',
          '--password-stdin',
        ],
        'a-very-long-password\n',
      )
      assert.equal(twice.code, 1)
      assert.match(twice.stderr, /already exists/)
      const badRole = await cli(
        [
          'user',
          'create',
          '--email',
          'x@police.test',
          '--name',
          'X',
          '--agency',
          'police',
          '--role',
          'wizard',
          '--password-stdin',
        ],
        'a-very-long-password\n',
      )
      assert.match(badRole.stderr, /role "wizard" is not one of/)
      const token = await cli(['token', 'create', '--agency', 'police'])
      assert.equal(token.code, 0)
      assert.match(token.stdout, /^tl_police_[A-Za-z0-9_-]{40,}\n$/)
      const verify = await cli(['audit', 'verify'])
      assert.equal(verify.code, 0, verify.stderr)
      assert.match(verify.stdout, /^checked,first_broken_row\r\n\d+,\r\n$/)
    })

    test('a wrong command line exits 2 with usage', async () => {
      const r = await cli(['import'])
      assert.equal(r.code, 2)
      assert.match(r.stderr, /Usage: threadline import/)
      const asOf = await cli(['audit', 'nothing'])
      assert.equal(asOf.code, 2)
    })
  })
}
