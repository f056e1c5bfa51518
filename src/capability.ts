// What a capability plugs into Threadline, as data: its routes, commands, migrations, person-page
// panels, what it owes a child now, what it records in a child's chronology, home-page panels, morning-page sections, navigation links, what it does after an import,
// and the other formats it reads. Capabilities never register themselves when imported; the one list
// in src/capabilities.ts says what each brings, and `installCapabilities` puts them in place.
import type { FastifyPluginAsync } from 'fastify'
import type { Command } from 'commander'
import type { AppDeps } from './web/app.ts'
import { registerPersonPanel, type PersonPanel } from './people/panels.ts'
import { registerWorkWaiting, type WorkWaitingSource } from './people/work-waiting.ts'
import { registerChronologyEntries, type ChronologyEntrySource } from './people/chronology-entries.ts'
import { registerHomePanel, type HomePanel } from './people/home-panels.ts'
import { registerManagerSection, type ManagerSection } from './working-together/manager-sections.ts'
import { addNavigation, type NavigationItem } from './web/navigation.ts'
import { onRecordsChangedHook, type RecordsChangedHook } from './import/changes.ts'
import type { OtherFormats } from './import/sources.ts'

export type RegisterCommands = (program: Command, capabilities: readonly Capability[]) => void

export interface Capability {
  /** the folder under src/ that holds it */
  name: string
  routes?: readonly FastifyPluginAsync<AppDeps>[]
  commands?: readonly RegisterCommands[]
  /** the names of its migrations (the files live in db/migrations/, one ordered set: db/migrate.ts) */
  migrations?: readonly string[]
  personPanels?: readonly PersonPanel[]
  /** what it owes a child now, for the first sentence of the person's summary (people/work-waiting.ts) */
  workWaiting?: readonly WorkWaitingSource[]
  /** what it records that happened to a child, for the child's chronology (people/chronology-entries.ts) */
  chronologyEntries?: readonly ChronologyEntrySource[]
  homePanels?: readonly HomePanel[]
  managerSections?: readonly ManagerSection[]
  navigation?: readonly NavigationItem[]
  /** told which people an import touched, once it has committed (import/changes.ts) */
  afterImport?: readonly { name: string; hook: RecordsChangedHook }[]
  /** formats other than NDJSON for `import --from` and `?from=` */
  otherFormats?: OtherFormats
}

const installed = new WeakSet<readonly Capability[]>()

/**
 * Puts the capabilities' person-page panels, home-page panels, morning-page sections, navigation and
 * after-import hooks in place. Called by the program's entry points (src/main.ts, the test drivers),
 * never by a module as it is imported; calling it again with the same list does nothing.
 */
export function installCapabilities(capabilities: readonly Capability[]): void {
  if (installed.has(capabilities)) return
  installed.add(capabilities)
  for (const c of capabilities) {
    for (const panel of c.personPanels ?? []) registerPersonPanel(panel)
    for (const source of c.workWaiting ?? []) registerWorkWaiting(source)
    for (const source of c.chronologyEntries ?? []) registerChronologyEntries(source)
    for (const panel of c.homePanels ?? []) registerHomePanel(panel)
    for (const section of c.managerSections ?? []) registerManagerSection(section)
    for (const item of c.navigation ?? []) addNavigation(item)
    for (const { name, hook } of c.afterImport ?? []) onRecordsChangedHook(name, hook)
  }
}
