// A clone is complete by itself: every relative link in the README and in docs/ names a file or
// folder inside the repository (the contracts live in docs/, never in ../shared), and the versioned
// contracts say which version they are.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { projectRoot } from './paths.ts'

function markdownFiles(): string[] {
  const docs = readdirSync(join(projectRoot, 'docs'), { recursive: true })
    .map((f) => join(projectRoot, 'docs', String(f)))
    .filter((f) => f.endsWith('.md'))
  return [join(projectRoot, 'README.md'), ...docs]
}

test('every relative link in the README and docs/ resolves inside the repository', () => {
  const broken: string[] = []
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1].split('#')[0]
      if (target === '' || /^[a-z]+:/i.test(target)) continue
      const path = resolve(dirname(file), decodeURI(target))
      const inside = !relative(projectRoot, path).startsWith('..')
      if (!inside || !existsSync(path)) broken.push(`${relative(projectRoot, file)}: ${match[1]}`)
    }
  }
  assert.deepEqual(broken, [], 'links to files outside the repository or to nothing')
})

test('the import format and the CLI contract are in docs/ at their newest version, and the README links both at it', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  for (const [doc, title] of [
    ['docs/import-format.md', '# The agency record format, version '],
    ['docs/cli.md', '# The `threadline` command line, version '],
  ]) {
    const text = readFileSync(join(projectRoot, doc), 'utf8')
    assert.ok(text.startsWith(title), `${doc} starts "${title}"`)
    const version = /^[^\n]*version (\d+\.\d+)/.exec(text)![1]
    // its table of versions says what each added, the newest last; 1.1 is where it started
    const rows = [...text.matchAll(/^\| (\d+\.\d+) \|/gm)].map((m) => m[1])
    assert.equal(rows[0], '1.1', `${doc} lists 1.1, the shared contract`)
    assert.equal(rows.at(-1), version, `${doc}'s newest row is its title's version`)
    assert.ok(readme.includes(`](${doc}) (version ${version}`), `the README links ${doc} at version ${version}`)
  }
})
