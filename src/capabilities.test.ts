// The capability list (decision 0023): every capability and what it plugs in, in one place, and
// nothing put in place by importing a module.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { CAPABILITIES } from './capabilities.ts'
import { migrationNames } from './db/migrate.ts'
import { sourcePath } from './config/paths.ts'

test('each capability is a folder of src/, named once', () => {
  const names = CAPABILITIES.map((c) => c.name)
  assert.equal(new Set(names).size, names.length, `a name twice: ${names.join(', ')}`)
  for (const name of names) assert.ok(statSync(join(sourcePath(), name)).isDirectory(), `src/${name}/ is a folder`)
})

test('every migration belongs to exactly one capability, and each one named exists', () => {
  const owned = CAPABILITIES.flatMap((c) => (c.migrations ?? []).map((m) => ({ m, by: c.name })))
  const known = new Set(migrationNames())
  for (const { m, by } of owned) assert.ok(known.has(m), `${by} names ${m}, which db/migrate.ts does not run`)
  const owners = new Map<string, string[]>()
  for (const { m, by } of owned) owners.set(m, [...(owners.get(m) ?? []), by])
  for (const m of known)
    assert.equal(owners.get(m)?.length, 1, `${m} is owned by ${owners.get(m)?.join(', ') ?? 'none'}`)
})

test('no module registers anything as it is imported: only installCapabilities does', () => {
  // statically: no top-level call of a registration function anywhere but src/capability.ts
  const CALLS =
    /^(?:registerPersonPanel|registerHomePanel|registerManagerSection|addNavigation|onRecordsChangedHook)\(/m
  const offenders = readdirSync(sourcePath(), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'capability.ts')
    .filter((f) => CALLS.test(readFileSync(join(sourcePath(), f), 'utf8')))
  assert.deepEqual(offenders, [])
  // and in a fresh process: every capability's modules loaded, nothing in place until installed
  const script = `
    const { CAPABILITIES, installCapabilities } = await import('./src/capabilities.ts')
    const { navigationFor } = await import('./src/web/navigation.ts')
    const everyone = { roles: ['practitioner', 'manager', 'mash', 'partnership', 'admin'] }
    const before = navigationFor(everyone).length
    installCapabilities()
    installCapabilities()
    const after = navigationFor(everyone).map((i) => i.href)
    const listed = CAPABILITIES.flatMap((c) => (c.navigation ?? []).map((i) => i.href))
    console.log(JSON.stringify({ before, after, listed }))`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(sourcePath(), '..'),
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  const { before, after, listed } = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')
  assert.equal(before, 0, 'no navigation link is in place before installCapabilities')
  assert.deepEqual([...after].sort(), [...listed].sort(), 'after it, exactly the listed links, each once')
})

test('the program starts from the list: src/main.ts, and bin/threadline.js loads it', () => {
  const bin = readFileSync(join(sourcePath(), '..', 'bin', 'threadline.js'), 'utf8')
  assert.match(bin, /'src', 'main\.ts'/)
  assert.ok(existsSync(join(sourcePath(), 'main.ts')))
})
