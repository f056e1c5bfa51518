// The area as the files each agency would send: NDJSON, one object a line, in sending order.
import type { Area } from './area-types.ts'

/** One NDJSON text per agency code. The health trust's system writes Windows line ends (the format allows both). */
export function writeAreaNdjson(area: Area): Map<string, string> {
  const lines = new Map<string, string[]>(area.agencies.map((a) => [a.code, []]))
  for (const o of area.objects) {
    let list = lines.get(o.agency)
    if (!list) lines.set(o.agency, (list = []))
    list.push(JSON.stringify(o))
  }
  const out = new Map<string, string>()
  for (const [code, list] of lines) {
    const eol = code === 'health' ? '\r\n' : '\n'
    out.set(code, list.length ? list.join(eol) + eol : '')
  }
  return out
}
