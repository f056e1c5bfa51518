// A child's record as a practitioner meets it: who the child is, the chronology (filtered, or as it was
// known on a past day), and the parts the capabilities add. A test asks for a part by its name
// (`person.chronology()`, `person.risk()`, `person.missing()`) and never learns where it is: that is
// record-parts.ts's, so the record can become sub-pages without a test changing.
import type { Page } from 'playwright-core'
import { AppPage } from './app-page.ts'
import { childShown, openPart, partPath, RecordPart } from './record-parts.ts'
import { ExploitationRisk } from './risk-pages.ts'
import { MissingHistory } from './missing-pages.ts'
import { WorkingTogether } from './working-together-pages.ts'
import { LinkageHistory } from './linkage-pages.ts'

export class PersonPage extends AppPage {
  constructor(
    page: Page,
    base: string,
    readonly child: number,
  ) {
    super(page, base)
  }

  /** The record the browser was just sent to, at its start (a search result followed, say); fails,
   *  saying where the browser is, when it is elsewhere. */
  static async sentTo(app: AppPage): Promise<PersonPage> {
    const person = new PersonPage(app.page, app.base, childShown(app))
    await app.expectAt(partPath(person.child, 'summary'))
    return person
  }

  /** Opens the record where it begins. */
  async open(): Promise<this> {
    await this.goto(partPath(this.child, 'summary'))
    return this
  }

  /** Who the record is about, as the identity bar says it: name, born, Threadline ID, agencies. */
  identity(): Promise<string> {
    return this.page.locator('.tl-identity').innerText()
  }

  chronology(): Promise<Chronology> {
    return openPart(this, this.child, 'chronology', Chronology)
  }

  /** Exploitation risk: the band, score, evidence and screenings. */
  risk(): Promise<ExploitationRisk> {
    return openPart(this, this.child, 'risk', ExploitationRisk)
  }

  /** Missing episodes: the pattern, each episode and its return interview. */
  missing(): Promise<MissingHistory> {
    return openPart(this, this.child, 'missing', MissingHistory)
  }

  /** Working together: decisions, challenges, meetings, actions, supervision, the team. */
  workingTogether(): Promise<WorkingTogether> {
    return openPart(this, this.child, 'workingTogether', WorkingTogether)
  }

  /** How the child's agency records were joined: links by the model, merges and unmerges. */
  linkage(): Promise<LinkageHistory> {
    return openPart(this, this.child, 'linkage', LinkageHistory)
  }
}

/** The child's multi-agency chronology: every record an agency holds, newest first, and its filters. */
export class Chronology extends RecordPart {
  /** The title of each record shown, newest first ("Sexual health Restricted" for one not shared). */
  async titles(): Promise<string[]> {
    return (await this.holder.locator('.moj-timeline__title').allTextContents()).map((t) => t.trim())
  }

  /** Shows only the records of these agencies (by code), ticked in the filters and applied. */
  async onlyFrom(...agencies: string[]): Promise<this> {
    for (const agency of agencies) await this.holder.locator(`#agency-${agency}`).check()
    await this.press(this.button('Apply filters'))
    return this
  }

  /** The chronology as it had been recorded by the end of `day` (YYYY-MM-DD), no other filter: the
   *  address a practitioner shares to show what was known then. */
  async asKnownOn(day: string): Promise<this> {
    await this.goto(`${partPath(this.child, 'chronology')}?as_of=${day}`)
    return this
  }

  /** The page's notice that it shows the record as known on a past day; empty when it shows it now. */
  async asKnownNotice(): Promise<string> {
    const notice = this.page.locator('#main-content > .govuk-notification-banner')
    return (await notice.count()) ? notice.innerText() : ''
  }
}
