// `npm run settings:docs`: writes README.md's settings table from src/config/settings.ts.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../src/config/paths.ts'
import { withSettingsTable } from '../src/config/settings-docs.ts'

const file = join(projectRoot, 'README.md')
const before = readFileSync(file, 'utf8')
const after = withSettingsTable(before)
if (after === before) console.log('README.md: the settings table is up to date')
else {
  writeFileSync(file, after)
  console.log('README.md: settings table written from src/config/settings.ts')
}
