// The content security policy allows no inline style (web/plugins/security.ts), so a `style`
// attribute in a template is silently ignored by the browser: sizes and colours go in the style
// sheet (web/public/threadline.css) or in SVG presentation attributes. No template may carry one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const SRC = new URL('..', import.meta.url).pathname

test('no template sets a style attribute the CSP would block', () => {
  const templates = readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.njk'))
  assert.ok(templates.length > 20, `found ${templates.length} templates under ${SRC}`)
  const offending = templates.flatMap((f) =>
    readFileSync(join(SRC, f), 'utf8')
      .split('\n')
      .flatMap((line, n) => (/\sstyle\s*=\s*["']/.test(line) ? [`${f}:${n + 1}`] : [])),
  )
  assert.deepEqual(offending, [])
})
