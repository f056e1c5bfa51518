import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { csvCell, csvChunks, formatRows } from './output.ts'

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r']

test('a text cell that a spreadsheet would run as a formula is written with a leading quote', () => {
  for (const start of TRIGGERS) {
    const text = `${start}HYPERLINK("http://evil.example","click")`
    assert.equal(csvCell(text), `'${text}`, JSON.stringify(start))
  }
  for (const text of ['Amy', "O'Brien", ' =1+1', '1-2', 'a=b', '']) assert.equal(csvCell(text), text)
})

test('numbers keep their sign; text that looks like a number does not', () => {
  assert.equal(csvCell(-3), '-3')
  assert.equal(csvCell(0.25), '0.25')
  assert.equal(csvCell('-3'), "'-3")
  assert.equal(csvCell(true), 'true')
  assert.equal(csvCell(null), '')
})

test('a list cell is safe as a whole and item by item', () => {
  assert.equal(csvCell(['police:P-1', '=cmd|x']), "police:P-1;'=cmd|x")
  assert.equal(csvCell(['@SUM(A1)', 'b']), "'@SUM(A1);b")
  assert.equal(csvCell([-1, 2]), "'-1;2")
})

test('every cell of a written CSV, header included, is safe when read back', () => {
  const hostile = ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '=HYPERLINK("http://a","b")']
  const columns = ['name', 'score', 'ids']
  const rows = hostile.map((h, i) => ({ name: h, score: -i, ids: [h, 'x'] }))
  for (const text of [formatRows(columns, rows, 'csv'), csvChunks(columns, rows, 2).join('')]) {
    const read: string[][] = parse(text, { relax_column_count: false })
    assert.equal(read.length, hostile.length + 1)
    for (const [i, row] of read.slice(1).entries()) {
      assert.equal(row[0], `'${hostile[i]}`)
      assert.equal(row[1], String(-i))
      assert.ok(!/^[=+\-@\t\r]/.test(row[2]), row[2])
    }
  }
  const json = JSON.parse(formatRows(columns, rows, 'json'))
  assert.equal(json[0].name, '=1+1', 'JSON carries the text as it is')
})

test('rows given as arrays are written in column order', () => {
  assert.equal(csvChunks(['a', 'b'], [['=x', 1]]).join(''), "a,b\r\n'=x,1\r\n")
})
