// `threadline link` end to end: a real process, files in and out, exit codes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'csv-stringify/sync'
import { generatePeople } from './generate.ts'

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'threadline.js')
const dir = mkdtempSync(join(tmpdir(), 'threadline-link-'))
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'link', ...args], { encoding: 'utf8', cwd: dir })

const people = generatePeople({ records: 2000, seed: 8 })
const columns = [
  'record_id',
  'given_name',
  'family_name',
  'other_names',
  'date_of_birth',
  'sex',
  'address_line',
  'town',
  'postcode',
  'phone',
  'nhs_number',
]
const file = join(dir, 'people.csv')
writeFileSync(
  file,
  stringify([
    columns,
    ...people.records.map((r) => [
      r.id,
      r.given_name,
      r.family_name,
      (r.other_names ?? []).join(';'),
      r.date_of_birth,
      r.sex,
      r.address_line,
      r.town,
      r.postcode,
      r.phone,
      r.nhs_number,
    ]),
  ]),
)

function csv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','))
}

test('link deduplicates a file into pairs and clusters', () => {
  const result = run(file, '--out', 'pairs.csv', '--clusters-out', 'clusters.csv')
  assert.equal(result.status, 0, result.stderr)
  assert.equal(result.stdout, '', 'data goes to the files named, nothing to standard output')
  assert.match(result.stderr, /candidate pairs/)
  const pairs = csv(join(dir, 'pairs.csv'))
  assert.deepEqual(pairs[0], ['id_a', 'id_b', 'match_probability'])
  assert.ok(pairs.length > 100)
  let right = 0
  for (const [a, b, p] of pairs.slice(1)) {
    assert.ok(Number(p) >= 0.5 && Number(p) <= 1)
    if (people.entityOf.get(a) === people.entityOf.get(b)) right++
  }
  assert.ok(right / (pairs.length - 1) > 0.9, `${right} of ${pairs.length - 1} pairs are one person`)
  const clusters = csv(join(dir, 'clusters.csv'))
  assert.deepEqual(clusters[0], ['record_id', 'entity_id'])
  assert.equal(clusters.length - 1, people.records.length)
})

test('link --explain shows each comparison and a total', () => {
  const pairs = csv(join(dir, 'pairs.csv'))
  const [a, b, p] = pairs[1]
  const result = run('--explain', `${a},${b}`, file)
  assert.equal(result.status, 0, result.stderr)
  const rows = result.stdout
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','))
  assert.deepEqual(rows[0].slice(0, 3), ['comparison', 'level', 'weight'])
  assert.ok(rows.some((r) => r[0] === 'date_of_birth'))
  const total = rows[rows.length - 1]
  assert.equal(total[0], 'total')
  assert.ok(Math.abs(Number(total[1]) - Number(p)) < 1e-5, `total ${total[1]} against pair ${p}`)
})

test('link refuses what it cannot read, naming the header', () => {
  const bad = join(dir, 'bad.csv')
  writeFileSync(bad, 'id,name\n1,Amy\n')
  const result = run(bad, '--out', 'x.csv')
  assert.equal(result.status, 1)
  assert.match(result.stderr, /header "id,name"/)
})

test('a wrong command line exits 2', () => {
  assert.equal(run(file).status, 2, 'no --out')
  assert.equal(run(file, '--out', 'x.csv', '--threshold', 'high').status, 2)
  assert.equal(run(file, file, file, '--out', 'x.csv').status, 2)
  assert.equal(run('--explain', 'only-one', file).status, 2)
})
