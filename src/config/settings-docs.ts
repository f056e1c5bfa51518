// The README's settings table, written from the settings table (settings.ts) so that the two cannot
// drift: `npm run settings:docs` rewrites it between the markers, and settings-docs.test.ts fails
// when README.md holds anything else there.
import { CAPABILITIES, expectation, SETTINGS, type SettingSpec } from './settings.ts'

export const START = '<!-- settings:start (written by `npm run settings:docs` from src/config/settings.ts) -->'
export const END = '<!-- settings:end -->'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function defaultOf(spec: SettingSpec): string {
  if (spec.defaultText) return spec.defaultText
  const d = spec.default
  if (d === undefined) return '(none)'
  if (typeof d === 'boolean') return d ? '`1`' : '`0`'
  if (Array.isArray(d)) return `\`${d.join(',')}\``
  if (d instanceof Map) return d.size ? `\`${[...d].map(([k, v]) => `${k}=${v}`).join(',')}\`` : '(none)'
  return `\`${String(d)}\``
}

function required(spec: SettingSpec): string {
  if (spec.requiredInProduction) return 'in production'
  if (spec.requiredWith) return `with \`${spec.requiredWith}\``
  return ''
}

/** The table, grouped by the capability that uses each setting. */
export function settingsTable(): string {
  const specs: SettingSpec[] = Object.values(SETTINGS)
  const rows = CAPABILITIES.flatMap((capability) =>
    specs
      .filter((s) => s.capability === capability)
      .map(
        (s) =>
          `| \`${s.name}\` | ${capability} | ${cell(defaultOf(s))} | ${cell(expectation(s))} | ${required(s)} | ${cell(s.description)} |`,
      ),
  )
  return [
    '| variable | used by | default | allowed values | required | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

/** The README with its settings table replaced by the one written from settings.ts. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no settings markers (${START} ... ${END})`)
  return `${readme.slice(0, start + START.length)}\n${settingsTable()}\n${readme.slice(end)}`
}
