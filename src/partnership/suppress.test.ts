import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isSmall, suppressGroup, suppressLinked, type CellRef, type GroupCells } from './suppress.ts'

const group = (area: number, parts: Record<string, number>): GroupCells => ({
  area,
  parts: new Map(Object.entries(parts)),
})
const hiddenOf = (h: { area: boolean; parts: Map<string, boolean> }) => ({
  area: h.area,
  parts: Object.fromEntries([...h.parts].filter(([, v]) => v).map(([k]) => [k, true])),
})

test('counts from 1 to 4 are small; 0 and 5 are not', () => {
  assert.deepEqual([0, 1, 4, 5].map(isSmall), [false, true, true, false])
})

test('one small agency cell takes the next smallest non-zero agency with it, so the area minus the rest gives nothing', () => {
  assert.deepEqual(hiddenOf(suppressGroup(group(30, { police: 3, csc: 12, health: 15, school: 0 }))), {
    area: false,
    parts: { police: true, csc: true },
  })
})

test('a small agency with no other non-zero agency hides the area too', () => {
  assert.deepEqual(hiddenOf(suppressGroup(group(9, { police: 2, csc: 7 }))), {
    area: false,
    parts: { police: true, csc: true },
  })
  assert.deepEqual(hiddenOf(suppressGroup(group(12, { police: 3, csc: 0 }))), {
    area: true,
    parts: { police: true },
  })
})

test('two small cells need nothing more; nothing small, nothing hidden; an area-only figure hides only itself', () => {
  assert.deepEqual(hiddenOf(suppressGroup(group(20, { police: 2, csc: 3, health: 15 }))), {
    area: false,
    parts: { police: true, csc: true },
  })
  assert.deepEqual(hiddenOf(suppressGroup(group(20, { police: 5, health: 15 }))), { area: false, parts: {} })
  assert.deepEqual(hiddenOf(suppressGroup(group(3, {}))), { area: true, parts: {} })
})

test('cells shown in one row hide together, and that hiding is completed in the other group', () => {
  // rate rows: numerator (in time) and denominator (episodes ended) per agency
  const groups = new Map([
    ['num', group(14, { police: 2, csc: 12 })],
    ['den', group(40, { police: 20, csc: 20 })],
  ])
  const rows: CellRef[][] = [null, 'police', 'csc'].map((agency) => [
    { group: 'num', agency },
    { group: 'den', agency },
  ])
  const hidden = suppressLinked(groups, rows)
  assert.deepEqual(hiddenOf(hidden.get('num')!), { area: false, parts: { police: true, csc: true } })
  assert.deepEqual(hiddenOf(hidden.get('den')!), { area: false, parts: { police: true, csc: true } })
})

test('random tables: no group shows exactly one hidden cell, and no row shows part of itself', () => {
  let seed = 7
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
  for (let trial = 0; trial < 500; trial++) {
    const agencies = ['a', 'b', 'c', 'd'].slice(0, 1 + rand(4))
    const groups = new Map<string, GroupCells>()
    for (const q of ['x', 'y']) {
      const parts = Object.fromEntries(agencies.map((a) => [a, rand(3) === 0 ? rand(5) : rand(30)]))
      const area = Object.values(parts).reduce((s, n) => s + n, 0)
      groups.set(q, group(area, parts))
    }
    const rows: CellRef[][] = [null, ...agencies].map((agency) => [
      { group: 'x', agency },
      { group: 'y', agency },
    ])
    const hidden = suppressLinked(groups, rows)
    for (const [key, g] of groups) {
      const h = hidden.get(key)!
      const count = (h.area ? 1 : 0) + [...h.parts.values()].filter(Boolean).length
      assert.notEqual(count, 1, `trial ${trial}: ${key} ${JSON.stringify([...g.parts])} has one hidden cell`)
      if (isSmall(g.area)) assert.ok(h.area)
      for (const [a, n] of g.parts) if (isSmall(n)) assert.ok(h.parts.get(a))
    }
    for (const row of rows) {
      const states = row.map((c) =>
        c.agency === null ? hidden.get(c.group)!.area : hidden.get(c.group)!.parts.get(c.agency),
      )
      assert.ok(
        states.every((s) => s === states[0]),
        `trial ${trial}: a row partly hidden`,
      )
    }
  }
})
