#!/usr/bin/env node
// The `threadline` command. The TypeScript sources are bundled into one ES module with esbuild the
// first time a command runs and again whenever a source file changes, so there is no build step to
// forget; Node then loads one file instead of some 300 through tsx's loader, which cost about two
// seconds of every command (docs/decisions/0004-import-by-copy.md). Packages stay in node_modules.
// Where the bundle cannot be written (a read-only install) or THREADLINE_BUNDLE=0, tsx runs the sources.
import { setFlagsFromString } from 'node:v8'
// A server on the embedded database carries PGlite's 128 MB WebAssembly heap; V8's leaner heap
// settings keep the whole process near 250 MB after a burst of 32 concurrent chronologies instead of
// 350 MB, at no cost measurable on these machines (docs/decisions/0004-import-by-copy.md).
if (process.argv[2] === 'serve') setFlagsFromString('--optimize-for-size')
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'node_modules', '.cache', 'threadline', 'cli.mjs')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.(ts|js|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

async function bundled() {
  let built = 0
  try {
    built = statSync(bundle).mtimeMs
  } catch {
    // no bundle yet: built below
  }
  if (built < newestSource(join(root, 'src'))) {
    const { build } = await import('esbuild')
    // Packages stay in node_modules (PGlite finds its WebAssembly beside its own code), except Kysely:
    // its ~400 small ES modules cost a quarter of a second to load one by one at every start.
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const external = Object.keys(dependencies)
      .filter((name) => name !== 'kysely')
      .flatMap((name) => [name, `${name}/*`])
    const result = await build({
      entryPoints: [join(root, 'src', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external,
      write: false,
      logLevel: 'silent',
      outfile: bundle,
    })
    mkdirSync(dirname(bundle), { recursive: true })
    // written whole under another name first: a command starting meanwhile never reads half a file
    const partial = `${bundle}.${process.pid}`
    writeFileSync(partial, result.outputFiles[0].contents)
    renameSync(partial, bundle)
  }
  return import(pathToFileURL(bundle).href)
}

async function fromSources() {
  const { register } = await import('tsx/esm/api')
  register()
  return import('../src/main.ts')
}

let cli
// a boolean as src/config/settings.ts reads one (it is declared there; this runs before any TypeScript)
const off = ['0', 'false', 'no', 'off'].includes((process.env.THREADLINE_BUNDLE ?? '').trim().toLowerCase())
if (off) cli = await fromSources()
else {
  try {
    cli = await bundled()
  } catch (error) {
    if (!['EACCES', 'EROFS', 'EPERM'].includes(error?.code)) throw error
    cli = await fromSources()
  }
}
await cli.main(process.argv)
