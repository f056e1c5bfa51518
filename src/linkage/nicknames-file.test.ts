// The name tables ship in the repository (src/linkage/data/): read without ../shared, the Apache-2.0
// list unchanged from its source, and our variants joining the spellings agencies use.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { sourcePath } from '../config/paths.ts'
import { loadNicknames, NAME_VARIANTS_FILE, NICKNAMES_FILE } from './nicknames-file.ts'
import { areNicknames } from './nicknames.ts'
import { canonicalName } from './fields.ts'

test('the nickname table is read from the repository, with no shared folder at all', () => {
  const saved = process.env.THREADLINE_SHARED_DIR
  process.env.THREADLINE_SHARED_DIR = '/nonexistent/threadline-shared'
  try {
    const table = loadNicknames()
    const same = (a: string, b: string) => areNicknames(table, canonicalName(a), canonicalName(b))
    // the third-party list
    assert.ok(same('Robert', 'Bob'))
    assert.ok(same('Margaret', 'Peggy'))
    // our variants: transliterations, Irish and Eastern European forms, British short forms
    for (const [a, b] of [
      ['Mohammed', 'Muhammad'],
      ['Mohamed', 'Mohammad'],
      ['Muhammad', 'Mohamud'],
      ['Ahmed', 'Ahmad'],
      ['Yusuf', 'Yousef'],
      ['Yusuf', 'Joseph'],
      ['Siobhán', 'Shivaun'],
      ['Aoife', 'Eefa'],
      ['Jan', 'John'],
      ['Katarzyna', 'Kasia'],
      ['Aleksander', 'Olek'],
      ['Malgorzata', 'Gosia'],
      ['Hussain', 'Hussein'],
      ['Jacqueline', 'Jacqui'],
      ['Alfred', 'Alfie'],
    ])
      assert.ok(same(a, b), `${a} and ${b}`)
    // groups are not chained: Yusuf is Joseph, Joseph is Joe, Yusuf is not Joe
    assert.ok(same('Joseph', 'Joe'))
    assert.equal(same('Yusuf', 'Joe'), false)
    assert.equal(same('Siobhan', 'Aoife'), false)
    assert.equal(same('Jan', 'Jack'), false)
  } finally {
    if (saved === undefined) delete process.env.THREADLINE_SHARED_DIR
    else process.env.THREADLINE_SHARED_DIR = saved
  }
})

test('the Apache-2.0 nickname list is shipped unchanged, with its licence and a notice of its source', () => {
  const readme = readFileSync(sourcePath('linkage', 'data', 'README.md'), 'utf8')
  const documented = /SHA-256\s+`([0-9a-f]{64})`/.exec(readme)?.[1]
  assert.ok(documented, 'the README gives the copy SHA-256')
  assert.equal(createHash('sha256').update(readFileSync(NICKNAMES_FILE)).digest('hex'), documented)
  assert.ok(readme.includes('carltonnorthern/nicknames') && readme.includes('Apache License 2.0'))
  const licence = sourcePath('linkage', 'data', 'LICENSE-Apache-2.0.txt')
  assert.ok(existsSync(licence))
  assert.match(readFileSync(licence, 'utf8'), /Apache License\s+Version 2\.0/)
})

test('every row of our variants has a name, a kind we document and a variant, written as names are compared', () => {
  const rows = parse(readFileSync(NAME_VARIANTS_FILE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[]
  assert.ok(rows.length > 300)
  const seen = new Set<string>()
  for (const [i, r] of rows.entries()) {
    const where = `name-variants.csv row ${i + 2}`
    assert.ok(['diminutive', 'transliteration', 'anglicised'].includes(r.kind), `${where}: kind "${r.kind}"`)
    for (const name of [r.name, r.variant]) assert.equal(canonicalName(name), name, `${where}: "${name}"`)
    assert.notEqual(r.name, r.variant, where)
    const key = `${r.name},${r.variant}`
    assert.ok(!seen.has(key), `${where}: ${key} twice`)
    seen.add(key)
  }
})
