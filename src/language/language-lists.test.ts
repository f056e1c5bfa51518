// The partnership's language page: its long lists sorted and paged over every row, each by its own keys, the
// months asked kept in their links (routes.ts languageLists).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { languageLists } from './routes.ts'

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(12 - i).padStart(2, '0')}`)
const written = months.flatMap((month, m) =>
  ['csc', 'police', 'health'].map((agency, a) => ({
    month,
    agency_code: agency,
    agency_name: agency.toUpperCase(),
    context: 'decision',
    rule: 'putting-themselves-at-risk',
    fired: m * 3 + a + 1,
    accepted: a,
    acceptedPercent: null,
  })),
)
const imported = written.map(({ month, agency_code, agency_name, rule, fired }) => ({
  month,
  agency_code,
  agency_name,
  rule,
  fired,
}))

test('the language lists: page 2 follows page 1 in the order asked, with counts, each list by its own keys', () => {
  const q = { from: '2026-01', 'written-sort': 'found', 'written-page': '2' }
  const { writtenList, importedList } = languageLists({ written, imported }, q)
  assert.deepEqual([writtenList.first, writtenList.last, writtenList.total], [26, 36, 36])
  assert.deepEqual(
    writtenList.rows.map((r) => r.fired),
    Array.from({ length: 11 }, (_, i) => 11 - i),
    'most found first, over every row',
  )
  assert.equal(importedList.page, 1, "the other list's page is its own")
  assert.deepEqual(importedList.rows.map((r) => r.month).slice(0, 3), ['2026-12', '2026-12', '2026-12'])
  assert.match(writtenList.pagination!.previous!.href, /^\/partnership\/language\?from=2026-01&written-sort=found$/)
  const oldest = languageLists({ written, imported }, { 'imported-sort': 'month', 'imported-order': 'desc' })
  assert.equal(oldest.importedList.rows[0].month, '2026-01', 'oldest month first the other way round')
})
