// Where each part of a child's record is, for browser tests: the summary, the chronology and the parts
// the capabilities add (exploitation risk, missing episodes, working together, how the agency records
// were joined). Each is a page of its own under /people/:id (people/person-routes.ts), its panels each in
// a section; PARTS alone knows where, and no test does. A part is found where the browser already
// is, or opened; a form that saves sends the browser to a part, and the page object checks it did.
import type { Locator, Page } from 'playwright-core'
import { must } from '../../errors/must.ts'
import { AppPage } from './app-page.ts'

/** Each part of the record: its path under /people/:id, and the element that holds it there. */
const PARTS = {
  summary: { under: '', holder: '#main-content' },
  chronology: { under: '/chronology', holder: '#main-content' },
  risk: { under: '/risk', holder: 'section#risk' },
  missing: { under: '/missing', holder: 'section#missing-history' },
  workingTogether: { under: '/working-together', holder: 'section#working-together' },
  linkage: { under: '/records', holder: 'section#linkage-history' },
} as const

export type Part = keyof typeof PARTS

/** The path of `part` of `child`'s record. */
export const partPath = (child: number, part: Part): string => `/people/${child}${PARTS[part].under}`

/** The child whose record (or a form on it) the browser shows, read from the address. */
export function childShown(app: AppPage): number {
  const id = /^\/people\/(\d+)(?:\/|$)/.exec(app.path())?.[1]
  return Number(must(id, `a child's record at ${app.address()}`))
}

/** A part of a child's record as the browser shows it; what it reads, it reads only inside the part. */
export class RecordPart extends AppPage {
  constructor(
    page: Page,
    base: string,
    readonly child: number,
    protected readonly holder: Locator,
  ) {
    super(page, base)
  }

  /** All the part says, as text. */
  text(): Promise<string> {
    return this.holder.innerText()
  }

  /** The same part as it was known at the end of `day` (YYYY-MM-DD): an edit made since shows what it said then. */
  async asKnownOn(day: string): Promise<this> {
    await this.goto(`${this.path()}?as_of=${day}`)
    return this
  }
}

type PartOf<T extends RecordPart> = new (page: Page, base: string, child: number, holder: Locator) => T

/** `part` of `child`'s record: found where the browser is (its address, without a query), or opened. */
export async function openPart<T extends RecordPart>(
  app: AppPage,
  child: number,
  part: Part,
  made: PartOf<T>,
): Promise<T> {
  const path = partPath(child, part)
  if (app.address() !== path) await app.goto(path)
  return new made(app.page, app.base, child, app.page.locator(PARTS[part].holder))
}

/** `part` of the record the browser was just sent to (by a form saved, a link followed); fails, saying
 *  where the browser is and what the page says, when it was sent elsewhere or the form came back. */
export async function sentToPart<T extends RecordPart>(app: AppPage, part: Part, made: PartOf<T>): Promise<T> {
  const child = childShown(app)
  await app.expectAt(partPath(child, part))
  return openPart(app, child, part, made)
}
