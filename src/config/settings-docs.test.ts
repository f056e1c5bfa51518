import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './paths.ts'
import { END, START, settingsTable, withSettingsTable } from './settings-docs.ts'
import { SETTINGS } from './settings.ts'

test("README.md's settings table is the one written from src/config/settings.ts (npm run settings:docs)", () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  assert.ok(readme.includes(START) && readme.includes(END), 'README.md has the settings markers')
  assert.equal(withSettingsTable(readme), readme, 'README.md differs: run `npm run settings:docs`')
})

test('the table has one row per variable, and a changed declaration changes it', () => {
  const rows = settingsTable().split('\n').slice(2)
  assert.equal(rows.length, Object.keys(SETTINGS).length)
  for (const s of Object.values(SETTINGS)) assert.equal(rows.filter((r) => r.startsWith(`| \`${s.name}\` |`)).length, 1)
  const stale = `${START}\n| \`PORT\` | server | \`8080\` |\n${END}`
  assert.notEqual(withSettingsTable(stale), stale)
  assert.throws(() => withSettingsTable('# no markers'), /no settings markers/)
})
