// docs/linkage-model.md states the shipped model's numbers and its bounds as the code holds them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { boundsText, defaultModelTables, localUText } from './model-doc.ts'

const doc = readFileSync(new URL('../../docs/linkage-model.md', import.meta.url), 'utf8')

test('the linkage model document holds the default model and the bounds the code holds', () => {
  assert.ok(
    doc.includes(defaultModelTables()),
    'the tables of docs/linkage-model.md (node --import tsx src/linkage/model-doc.ts)',
  )
  assert.ok(doc.includes(boundsText()), 'the bounds of docs/linkage-model.md')
  assert.ok(doc.includes(localUText()), 'the local u of docs/linkage-model.md')
})
