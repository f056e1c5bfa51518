// `threadline import --from` end to end, as an authority's analyst runs it: the output rows, the
// rejects file with line and element path, the refusals and their exit codes, --check, and
// `demo --write-returns` writing files only.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BACKENDS, serverAvailable, TEST_PG_URL } from '../testing/backends.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { pgliteTarget, postgresTarget, runCli, type CliTarget } from '../testing/cli.ts'
import { assessment, census, child, csv, episode } from './fixtures.ts'

const work = mkdtempSync(join(tmpdir(), 'threadline-returns-'))
const file = (name: string, text: string) => {
  const path = join(work, name)
  writeFileSync(path, text)
  return path
}

for (const name of BACKENDS) {
  const make = name === 'pglite' ? pgliteTarget : postgresTarget
  const skip =
    name === 'postgres' && !serverAvailable ? missingPrerequisite(`the PostgreSQL server at ${TEST_PG_URL}`) : false
  describe(`threadline import --from [${name}]`, { skip }, () => {
    let target: CliTarget
    const cli = (args: string[]) => runCli(args, target.env)
    before(async () => {
      target = make()
      const r = await cli([
        'agencies',
        'add',
        'csc',
        '--name',
        'CSC',
        '--kind',
        'childrens_social_care',
        '--la-number',
        '354',
      ])
      assert.equal(r.code, 0, r.stderr)
    })
    after(async () => target?.cleanup())

    test('a census is imported, then unchanged; --agency is required', async () => {
      const good = file(
        'good.xml',
        census(
          2021,
          child('G1', { episodes: episode({ assessments: assessment('2020-05-02', '2020-06-01', ['11A']) }) }),
        ),
      )
      const r = await cli(['import', '--from', 'cin-census', good, '--agency', 'csc'])
      assert.equal(r.code, 0, r.stderr)
      assert.equal(r.stdout, `file,created,updated,unchanged,withdrawn,rejected\r\n${good},3,0,0,0,0\r\n`)
      const again = await cli(['import', '--from', 'cin-census', good, '--agency', 'csc', '--format', 'json'])
      assert.deepEqual(JSON.parse(again.stdout), [
        { file: good, created: 0, updated: 0, unchanged: 3, withdrawn: 0, rejected: 0 },
      ])
      const noAgency = await cli(['import', '--from', 'cin-census', good])
      assert.equal(noAgency.code, 2)
      assert.match(noAgency.stderr, /--agency CODE is required with --from/)
      const unknown = await cli(['import', '--from', 'hl7v2', good, '--agency', 'csc'])
      assert.equal(unknown.code, 2)
      assert.match(unknown.stderr, /"hl7v2" is not a format Threadline reads \(cin-census, ssda903, fhir\)/)
    })

    test('rejects carry line, path, errors, text and file; --check counts each table and writes nothing', async () => {
      const bad = file('bad.xml', census(2021, child('B1', { ethnicity: 'XXXX' }) + child('B2', {})))
      const rejects = join(work, `rejects-${name}.ndjson`)
      const r = await cli(['import', '--from', 'cin-census', bad, '--agency', 'csc', '--rejects', rejects])
      assert.equal(r.code, 1)
      assert.match(
        r.stderr,
        /line 4 \(\/Message\/Children\[1\]\/Child\[1\]\): Ethnicity "XXXX" is not in the ethnicity code list/,
      )
      const [line] = readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      assert.deepEqual(Object.keys(line), ['line', 'path', 'errors', 'text', 'file'])
      assert.equal(line.path, '/Message/Children[1]/Child[1]')
      assert.equal(line.file, bad, 'each line names the file it came from, as for agency records')
      assert.match(line.text, /^<Child><ChildIdentifiers><LAchildID>B1<\/LAchildID>/)
      const check = await cli(['import', '--from', 'cin-census', bad, '--agency', 'csc', '--check'])
      assert.equal(check.code, 1)
      assert.equal(
        check.stdout,
        `file,table,rows,records,rejected,skipped\r\n${bad},Child,2,1,1,0\r\n${bad},CINdetails,2,2,0,0\r\n`,
      )
      const skipped = await cli(['import', '--from', 'cin-census', bad, '--agency', 'csc', '--skip-invalid'])
      assert.equal(skipped.code, 0, skipped.stderr)
      assert.equal(skipped.stdout.split('\r\n')[1], `${bad},3,0,0,0,1`)
    })

    test('the SSDA903 tables are one return; a wrong file or authority is refused with nothing imported', async () => {
      const h = file('h.csv', csv('Header', [['S1', '2', '01/02/2008', 'WBRI', 'UN1', '0', '']]))
      const e = file(
        'e.csv',
        csv('Episodes', [['S1', '01/05/2020', 'S', 'C2', 'N1', 'U4', 'PR1', '', '', '', '', '', '']]),
      )
      const r = await cli(['import', '--from', 'ssda903', h, e, '--agency', 'csc'])
      assert.equal(r.code, 0, r.stderr)
      assert.equal(
        r.stdout,
        `file,created,updated,unchanged,withdrawn,rejected\r\n${h},1,0,0,0,0\r\n${e},1,0,0,0,0\r\n`,
      )
      const notTable = await cli(['import', '--from', 'ssda903', file('x.csv', 'a,b\n1,2\n'), '--agency', 'csc'])
      assert.equal(notTable.code, 1)
      assert.match(notTable.stderr, /is not an SSDA903 table: its header is "a,b".*Nothing was imported/s)
      const other = await cli([
        'import',
        '--from',
        'cin-census',
        file('o.xml', census(2021, child('O1', {}), { la: ['212'] })),
        '--agency',
        'csc',
      ])
      assert.equal(other.code, 1)
      assert.match(other.stderr, /local authority 212's return, but agency "csc" is registered as authority 354/)
    })

    test('demo --write-returns writes files only', async () => {
      const dir = join(work, `demo-${name}`)
      const r = await cli(['demo', '--write-returns', dir])
      assert.equal(r.code, 0, r.stderr)
      const files = readdirSync(dir)
      for (const expected of [
        'IMPORT.sh',
        'cin-census-2020.xml',
        'ssda903-2020-Episodes.csv',
        'fhir-2020.json',
        'police.ndjson',
      ])
        assert.ok(files.includes(expected), expected)
      const agencies = await cli(['agencies', '--format', 'json'])
      assert.deepEqual(
        JSON.parse(agencies.stdout).map((a: { code: string }) => a.code),
        ['csc'],
        'no demo agency was added',
      )
      assert.ok(existsSync(join(dir, 'IMPORT.sh')))
    })
  })
}
