// `npm install` on any Node.js line the project supports gives no engine warning: every installed
// package that declares the Node versions it runs on accepts the oldest release of each line that
// package.json's `engines` names (20, 22 and 24).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import semver from 'semver'

interface LockPackage {
  engines?: { node?: string } | string[]
  dev?: boolean
}

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))

test('every installed package accepts the oldest release of each Node.js line the project supports', () => {
  const promised = read('package.json').engines.node as string
  const oldest = promised.split('||').map((range) => semver.minVersion(range))
  assert.deepEqual(
    oldest.map((v) => v?.major),
    [20, 22, 24],
  )
  const lock = read('package-lock.json') as { packages: Record<string, LockPackage> }
  const refusing = Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && !Array.isArray(p.engines) && p.engines?.node)
    .flatMap(([path, p]) => {
      const wants = (p.engines as { node: string }).node
      return oldest
        .filter((v) => v && !semver.satisfies(v, wants))
        .map((v) => `${path.replace(/^node_modules\//, '')} wants node ${wants}, not ${v?.version}`)
    })
  assert.deepEqual(refusing, [])
})
