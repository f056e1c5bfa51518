// Accuracy on the FEBRL benchmark (shared data). The truth files are read only to score.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { sharedDataFile } from '../config/shared-data.ts'
import { missingPrerequisite } from '../testing/needs.ts'
import { accuracy, describeAccuracy } from './accuracy.ts'
import { personRecordsFromCsv } from './input.ts'
import { loadNicknames } from './nicknames-file.ts'
import { linkRecords } from './pipeline.ts'

const folder = sharedDataFile('febrl')
const skip = folder ? false : missingPrerequisite('shared FEBRL data (../shared/data/febrl)')

function records(file: string) {
  return personRecordsFromCsv(readFileSync(sharedDataFile('febrl', file)!, 'utf8')).records
}

function truth(file: string): [string, string][] {
  return readFileSync(sharedDataFile('febrl', 'truth', file)!, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((s) => s.trim()) as [string, string])
}

test('dataset4a + dataset4b (link): precision and recall at least 0.995 at 0.5', { skip }, (t) => {
  const result = linkRecords([records('dataset4a.csv'), records('dataset4b.csv')], loadNicknames(), { threshold: 0.5 })
  const a = accuracy(result, truth('dataset4_true_pairs.csv'))
  t.diagnostic(describeAccuracy('dataset4', a))
  for (let x = 0; x < result.pairs.count; x++) {
    assert.equal(result.records.source[result.pairs.a[x]], 0, 'id_a comes from the first file')
    assert.equal(result.records.source[result.pairs.b[x]], 1, 'id_b comes from the second file')
  }
  assert.ok(a.precision >= 0.995, describeAccuracy('dataset4', a))
  assert.ok(a.recall >= 0.995, describeAccuracy('dataset4', a))
})

for (const [file, truthFile] of [
  ['dataset1.csv', 'dataset1_true_pairs.csv'],
  ['dataset2.csv', 'dataset2_true_pairs.csv'],
]) {
  test(`${file} (deduplicate): F1 at least 0.98 at 0.5`, { skip }, (t) => {
    const result = linkRecords([records(file)], loadNicknames(), { threshold: 0.5 })
    const a = accuracy(result, truth(truthFile))
    t.diagnostic(describeAccuracy(file, a))
    assert.ok(a.f1 >= 0.98, describeAccuracy(file, a))
  })
}
