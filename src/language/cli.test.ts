// The command line as docs/cli.md defines `language check`. A few runs go through the real
// `bin/threadline.js` (standard input and output, exit codes); the rest run the same command
// in-process, because each start of the whole command line costs more than a second under tsx.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { registerLanguageCommands } from './cli.ts'
import { CliError } from '../cli/errors.ts'
import { withClock } from '../config/clock.ts'
import { TestClock } from '../testing/clock.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/threadline.js')
const dir = mkdtempSync(join(tmpdir(), 'threadline-language-'))
const NOW = '2026-06-01T12:00:00+01:00'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function spawnRun(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'language', 'check', ...args], {
      cwd: root,
      env: { ...process.env, THREADLINE_NOW: NOW },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

/** The command in-process: its standard output as text, or the CliError it ends with. */
async function inProcess(args: string[]): Promise<string> {
  let out = ''
  const program = new Command('threadline').exitOverride()
  registerLanguageCommands(program, (data) => {
    out += data
  })
  // as at NOW: the spawned command is given it in its environment, this one runs under a clock at NOW
  await withClock(new TestClock(NOW), () => program.parseAsync(['node', 'threadline', 'language', 'check', ...args]))
  return out
}

const file = (name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const noteText = '🏃‍♀️ She keeps going missing and is putting herself at risk.'
const jsonlInput =
  [
    { id: 'a', text: 'She is promiscuous.' },
    { id: 7, text: 'She is sexually active.', child_dob: '2015-01-01', date: '2026-01-01' },
    { id: 'c', text: 'Nothing to see.' },
    { id: 'd', text: 'She is sexually active.', child_dob: '2013-06-01' },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n') + '\n'

// started together at load, awaited by their tests
const spawned = {
  text: spawnRun(['-'], noteText),
  jsonl: spawnRun(['--jsonl'], jsonlInput),
  jsonlBad: spawnRun(['--jsonl', '-'], '{"id":"a","text":"fine"}\n\n{"id":"b"}\nnot json\n'),
  badDate: spawnRun(['--date', '2026-02-30'], 'x'),
  formatJson: spawnRun(['--format', 'json'], 'She is at risk of exploitation.'),
  formatCsv: spawnRun(['--format', 'csv'], 'x'),
}

test('bin: one text on standard input gives a JSON array of findings with UTF-16 offsets', async () => {
  const r = await spawned.text
  assert.equal(r.code, 0, r.stderr)
  const findings = JSON.parse(r.stdout)
  assert.deepEqual(
    findings.map((f: { rule: string }) => f.rule),
    ['keeps-going-missing', 'putting-self-at-risk'],
  )
  for (const f of findings) {
    assert.deepEqual(Object.keys(f), ['start', 'end', 'phrase', 'rule', 'severity', 'reason', 'suggestions', 'source'])
    assert.equal(noteText.slice(f.start, f.end), f.phrase)
  }
})

test("bin: --jsonl writes one line per input line, in order; a line without a date is read on today's date", async () => {
  const r = await spawned.jsonl
  assert.equal(r.code, 0, r.stderr)
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  assert.deepEqual(
    out.map((o) => o.id),
    ['a', 7, 'c', 'd'],
  )
  assert.deepEqual(Object.keys(out[0]), ['id', 'findings'])
  assert.equal(out[0].findings[0].rule, 'promiscuous')
  assert.match(out[1].findings[0].reason, /under 13/)
  assert.deepEqual(out[2].findings, [])
  assert.match(out[3].findings[0].reason, /13 to 15/, 'THREADLINE_NOW is 2026-06-01, when the child is 13')
})

test('bin: --jsonl stops at a malformed line with an error naming its number, exit 1', async () => {
  const r = await spawned.jsonlBad
  assert.equal(r.code, 1)
  assert.match(r.stderr, /line 3/)
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the lines before it were answered')
})

test('bin: a wrong command line exits 2', async () => {
  const r = await spawned.badDate
  assert.equal(r.code, 2)
  assert.match(r.stderr, /--date/)
})

test('bin: --format json is accepted; any other format is refused with the usage, exit 2', async () => {
  const json = await spawned.formatJson
  assert.equal(json.code, 0, json.stderr)
  assert.equal(json.stdout, '[]\n')
  const csv = await spawned.formatCsv
  assert.equal(csv.code, 2)
  assert.match(csv.stderr, /Allowed choices are json/)
  assert.match(csv.stderr, /Usage: threadline language check/)
})

test('a file is read; [] when nothing is found', async () => {
  assert.equal(await inProcess([file('careful.txt', 'She is at risk of exploitation.')]), '[]\n')
  const findings = JSON.parse(await inProcess([file('note.txt', noteText)]))
  assert.equal(findings.length, 2)
})

test('--child-dob and --date decide the age rules; without --date the date is today', async () => {
  const note = file('active.txt', 'She is sexually active.')
  assert.match(
    JSON.parse(await inProcess([note, '--child-dob', '2013-06-02', '--date', '2026-06-01']))[0].reason,
    /under 13/,
  )
  assert.match(JSON.parse(await inProcess([note, '--child-dob', '2013-06-01']))[0].reason, /13 to 15/)
  assert.equal(JSON.parse(await inProcess([note]))[0].severity, 'low', 'without a date of birth it says what it needs')
})

test('bad input is refused: bad dates exit 2, an unreadable file and a malformed line exit 1', async () => {
  const note = file('x.txt', 'x')
  await assert.rejects(
    inProcess([note, '--child-dob', 'yesterday']),
    (e: unknown) => e instanceof CliError && e.exitCode === 2,
  )
  await assert.rejects(inProcess([join(dir, 'missing.txt')]), (e: unknown) => e instanceof CliError && e.exitCode === 1)
  await assert.rejects(
    inProcess(['--jsonl', file('bad.jsonl', '{"id":1,"text":"a","date":"2026-13-01"}\n')]),
    (e: unknown) => e instanceof CliError && e.exitCode === 1 && /line 1/.test(e.message),
  )
})

test("--rules adds an area's rules; a bad rule file is refused with the reason", async () => {
  const good = file(
    'area.json',
    JSON.stringify({
      area: 'northshire',
      version: '1',
      rules: [
        {
          id: 'runaround',
          phrases: ['<give> staff the runaround'],
          severity: 'low',
          reason: 'blames',
          suggestions: ['is hard for us to reach'],
          source: 'local guide',
        },
      ],
    }),
  )
  const note = file('runaround.txt', 'She gives staff the runaround.')
  assert.equal(JSON.parse(await inProcess([note, '--rules', good]))[0].rule, 'runaround')
  const bad = file('bad.json', JSON.stringify({ area: 'northshire', version: '1', rules: [{ id: 'x' }] }))
  await assert.rejects(
    inProcess([note, '--rules', bad]),
    (e: unknown) => e instanceof CliError && /rules\[0\]/.test(e.message),
  )
})
