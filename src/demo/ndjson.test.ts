import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateArea } from './generate-area.ts'
import { writeAreaNdjson } from './ndjson.ts'

test('one NDJSON text per agency holding its objects in sending order', () => {
  const area = generateArea({ seed: 'nd', children: 300 })
  const files = writeAreaNdjson(area)
  assert.deepEqual([...files.keys()].sort(), area.agencies.map((a) => a.code).sort())
  for (const [code, text] of files) {
    const lines = text.split(/\r?\n/).filter((l) => l !== '')
    assert.deepEqual(
      lines.map((l) => JSON.parse(l)),
      area.objects.filter((o) => o.agency === code),
    )
  }
  assert.ok(files.get('health')!.includes('\r\n'))
  assert.ok(!files.get('police')!.includes('\r'))
})
