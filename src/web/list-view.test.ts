import { test } from 'node:test'
import assert from 'node:assert/strict'
import { byText, byValue, hrefWith, listView, pageOf, sortAsked } from './list-view.ts'
import nunjucks from 'nunjucks'
import { fileURLToPath } from 'node:url'

interface Row {
  name: string
  age: number | null
}
const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({ name: `Child ${String(60 - i)}`, age: i % 7 }))
const columns = {
  name: { compare: byText<Row>((r) => r.name) },
  age: { compare: byValue<Row>((r) => r.age), natural: 'descending' as const },
}

test('a list is shown 25 a page in its own order when no sort is asked', () => {
  const v = listView(rows, {}, { path: '/x', columns })
  assert.equal(v.rows.length, 25)
  assert.equal(v.rows[0].name, 'Child 60')
  assert.deepEqual([v.first, v.last, v.total, v.page, v.pages], [1, 25, 60, 1, 3])
  assert.equal(v.sort, null)
  assert.equal(v.headers.name.ariaSort, 'none')
  assert.equal(v.headers.name.href, '/x?sort=name')
})

test('a column sorts the whole list, numbers in order, and its heading then links to the other way', () => {
  const v = listView(rows, { sort: 'name' }, { path: '/x', columns })
  assert.deepEqual(
    v.rows.slice(0, 3).map((r) => r.name),
    ['Child 1', 'Child 2', 'Child 3'],
  )
  assert.equal(v.headers.name.ariaSort, 'ascending')
  assert.equal(v.headers.name.href, '/x?sort=name&order=desc')
  const d = listView(rows, { sort: 'name', order: 'desc' }, { path: '/x', columns })
  assert.equal(d.rows[0].name, 'Child 60')
  assert.equal(d.headers.name.ariaSort, 'descending')
  assert.equal(d.headers.name.href, '/x?sort=name')
})

test('a column that runs descending first says so, and ties keep the list order', () => {
  const v = listView(rows, { sort: 'age' }, { path: '/x', columns })
  assert.equal(v.headers.age.ariaSort, 'descending')
  assert.deepEqual(
    v.rows.slice(0, 2).map((r) => [r.age, r.name]),
    [
      [6, 'Child 54'],
      [6, 'Child 47'],
    ],
  )
})

test('page 3 shows the last rows, and links keep the sort', () => {
  const v = listView(rows, { sort: 'name', page: '3' }, { path: '/x', columns })
  assert.deepEqual([v.first, v.last, v.rows.length], [51, 60, 10])
  assert.equal(v.rows[0].name, 'Child 51')
  assert.equal(v.pagination?.previous?.href, '/x?sort=name&page=2')
  assert.equal(v.pagination?.next, undefined)
  // sorting again starts from the first page
  assert.equal(v.headers.age.href, '/x?sort=age')
})

test('a bad page number falls back to the first page, one past the last to the last', () => {
  for (const page of ['x', '-4', '0', '', '2.7e400'])
    assert.equal(listView(rows, { page }, { path: '/x', columns }).page, page === '2.7e400' ? 3 : 1, page)
  assert.equal(listView(rows, { page: '99' }, { path: '/x', columns }).page, 3)
  assert.equal(listView(rows, { page: '2.5' }, { path: '/x', columns }).first, 26)
})

test('an unknown sort key or order is ignored', () => {
  const v = listView(rows, { sort: 'constructor', order: 'sideways' }, { path: '/x', columns })
  assert.equal(v.sort, null)
  assert.equal(v.rows[0].name, 'Child 60')
  assert.deepEqual(sortAsked({ sort: 'toString', order: 'desc' }, ['name']), { sort: null, descending: false })
  assert.equal(listView(rows, { sort: 'name', order: 'up' }, { path: '/x', columns }).descending, false)
})

test('an empty list has one page and shows nothing, with no pagination', () => {
  const v = listView([] as Row[], { page: '4' }, { path: '/x', columns })
  assert.deepEqual([v.page, v.pages, v.first, v.last, v.total, v.pagination], [1, 1, 0, 0, 0, null])
})

test('a default sort applies when none is asked; two lists on a page keep their own keys', () => {
  const v = listView(
    rows,
    { 'u-page': '2', q: 'a' },
    { path: '/x', columns, defaultSort: { sort: 'name' }, prefix: 'u-' },
  )
  assert.equal(v.sort, 'name')
  assert.equal(v.rows[0].name, 'Child 26')
  assert.equal(v.headers.name.href, '/x?q=a&u-sort=name&u-order=desc')
  assert.equal(v.pagination?.previous?.href, '/x?q=a')
})

test('pageOf and hrefWith: links keep other values, leave empty ones out', () => {
  assert.equal(hrefWith('/p', { q: 'ann', page: '' }, { page: '2' }), '/p?q=ann&page=2')
  assert.equal(hrefWith('/p', {}), '/p')
  const p = pageOf('/people', { q: 'ann' }, 132, 50)
  assert.deepEqual([p.pages, p.first, p.last], [3, 1, 50])
})

test('byText puts empty values last and compares case aside', () => {
  const cmp = byText<string>((s) => s)
  assert.deepEqual(['b', '', 'A', 'c'].sort(cmp), ['A', 'b', 'c', ''])
})

test("MOJ's sortable table (which sorts only the rows shown) is on a table only when the whole list is shown", () => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(fileURLToPath(new URL('views', import.meta.url))))
  const table = (list: unknown) =>
    env.renderString('{% import "list.njk" as l %}<table{{ l.sortable(list) }}>', { list })
  const rows = Array.from({ length: 30 }, (_, i) => ({ n: i }))
  const columns = { n: { compare: byValue((r: { n: number }) => r.n) } }
  assert.equal(table(listView(rows, {}, { path: '/x', columns })), '<table>', 'two pages: the links sort everything')
  assert.equal(
    table(listView(rows.slice(0, 25), {}, { path: '/x', columns })),
    '<table data-module="moj-sortable-table">',
  )
})
