// The missing pages, for browser tests: a child's missing episodes on their record, recording an
// episode and its return interview, the Philomena profile (and its printed form), and the work list of
// return interviews.
import { AppPage } from './app-page.ts'
import { typeMoment, type TypedMoment } from './record-forms.ts'
import { childShown, RecordPart, sentToPart } from './record-parts.ts'

/** A child's missing episodes, a part of their record: the pattern, and each episode with its return
 *  interview. An episode is named by when it began, as the page writes it ("30 May 2026 at 10:00pm"). */
export class MissingHistory extends RecordPart {
  private episodeRow(started: string) {
    return this.holder.locator('tbody tr').filter({ has: this.page.locator('td:first-child', { hasText: started }) })
  }

  /** What the page says of the episode that began at `started`: where found, with whom, its interview. */
  episode(started: string): Promise<string> {
    return this.episodeRow(started).innerText()
  }

  private changeInterviewLink(started: string) {
    return this.episodeRow(started).getByRole('link', { name: /^Change the return interview/ })
  }

  /** Whether this reader is offered "Change the return interview" for the episode that began at `started`. */
  async mayChangeReturnInterview(started: string): Promise<boolean> {
    return (await this.changeInterviewLink(started).count()) > 0
  }

  /** Follows "Change the return interview" of the episode that began at `started`. */
  async changeReturnInterview(started: string): Promise<ReturnInterviewChangePage> {
    await this.press(this.changeInterviewLink(started))
    const form = new ReturnInterviewChangePage(this.page, this.base)
    await form.expectAt(`/people/${this.child}/missing/interview`)
    return form
  }

  /** Follows "Record the return interview" of the episode that began at `started`. */
  async recordReturnInterview(started: string): Promise<ReturnInterviewPage> {
    await this.press(this.episodeRow(started).getByRole('link', { name: /^Record the return interview/ }))
    const form = new ReturnInterviewPage(this.page, this.base)
    await form.expectAt(`/people/${this.child}/missing/interview`)
    return form
  }
}

/** A missing episode as an agency reports it. */
export interface MissingEpisode {
  started: TypedMoment
  returned: TypedMoment
  /** where the child went missing from, by its code (`care_placement`, ...) */
  missingFrom?: string
  foundAt?: string
  foundWithVehicles?: string
}

/** Recording a missing episode of a child (/people/:id/missing/episode). */
export class MissingEpisodePage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/missing/episode`)
  }

  /** Fills the form and presses Save; the page that answers is the caller's to read (the form again
   *  with what was wrong, when it was not saved). */
  async submit(episode: MissingEpisode): Promise<void> {
    await typeMoment(this.page, 'started', episode.started)
    await typeMoment(this.page, 'returned', episode.returned)
    if (episode.missingFrom) await this.page.selectOption('#missing_from', episode.missingFrom)
    if (episode.foundAt) await this.page.fill('#found_at', episode.foundAt)
    if (episode.foundWithVehicles) await this.page.fill('#found_with_vehicles', episode.foundWithVehicles)
    await this.press(this.button('Save'))
  }

  /** Saves the episode; gives the child's missing episodes, where a saved episode leads. */
  async save(episode: MissingEpisode): Promise<MissingHistory> {
    await this.submit(episode)
    return sentToPart(this, 'missing', MissingHistory)
  }

  /** What a box holds now (what was typed is kept after a mistake). */
  value(field: 'started-month' | 'returned-month'): Promise<string> {
    return this.page.inputValue(`#${field}`)
  }
}

/** A return interview: when it was held, the child's own account, what they named. */
export interface ReturnInterview {
  held: TypedMoment
  /** `declined` or `not_held` (held, when not given), with the reason for it */
  outcome?: 'declined' | 'not_held'
  reason?: string
  childAccount?: string
  vehicles?: string
}

/** Recording the return interview of an episode (/people/:id/missing/interview?episode=agency:id). */
export class ReturnInterviewPage extends AppPage {
  /** Opens the form for the episode with the record key `episode` (`police:E-77`). */
  open(child: number, episode: string): Promise<this> {
    return this.goto(`/people/${child}/missing/interview?episode=${encodeURIComponent(episode)}`)
  }

  /** Saves the interview; gives the child's missing episodes, where a saved interview leads. */
  async save(interview: ReturnInterview): Promise<MissingHistory> {
    await typeMoment(this.page, 'held', interview.held)
    if (interview.outcome) await this.page.check(`input[name="outcome"][value="${interview.outcome}"]`)
    if (interview.reason) await this.page.fill('#reason', interview.reason)
    if (interview.childAccount) await this.page.fill('#child_account', interview.childAccount)
    if (interview.vehicles) await this.page.fill('#vehicles', interview.vehicles)
    await this.press(this.button('Save the return interview'))
    return sentToPart(this, 'missing', MissingHistory)
  }
}

/** Changing a return interview written on a page (its author or their manager): the same form, what it says now in it. */
export class ReturnInterviewChangePage extends AppPage {
  /** Opens the form at an address a "Change" link gave; the answer's status (403 for one who may not change it). */
  async openAt(address: string): Promise<number | undefined> {
    return (await this.page.goto(`${this.base}${address}`))?.status()
  }

  /** What the reason box holds. */
  reason(): Promise<string> {
    return this.page.inputValue('#reason')
  }

  /** Types a new reason and presses Save; the page that answers is the caller's to read (409: the conflict). */
  async submit(change: { reason: string }): Promise<void> {
    await this.page.fill('#reason', change.reason)
    await this.press(this.button('Save the change'))
  }

  /** Saves the change; gives the child's missing episodes, where a saved change leads. */
  async save(change: { reason: string }): Promise<MissingHistory> {
    await this.submit(change)
    return sentToPart(this, 'missing', MissingHistory)
  }

  /** On a conflict: the interview as someone else saved it meanwhile. */
  theirs(): Promise<string> {
    return this.page.locator('#theirs').innerText()
  }
}

/** A photograph to upload: its file name and the PNG's bytes. */
export interface Photograph {
  name: string
  png: Buffer
}

/** A child's Philomena profile (/people/:id/philomena), kept ready for the police. */
export class PhilomenaProfilePage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/philomena`)
  }

  /** Saves the description and a photograph; the profile page answers, showing what was kept. */
  async save(profile: { description: string; photograph?: Photograph }): Promise<this> {
    const child = childShown(this)
    await this.page.fill('#description', profile.description)
    if (profile.photograph)
      await this.page.setInputFiles('#photo', {
        name: profile.photograph.name,
        mimeType: 'image/png',
        buffer: profile.photograph.png,
      })
    await this.press(this.button('Save the profile'))
    await this.expectAt(`/people/${child}/philomena`)
    return this
  }

  /** The profile as it is kept (not the form for changing it), as text. */
  kept(): Promise<string> {
    return this.page.locator('dl.govuk-summary-list').first().innerText()
  }

  /** The status the profile's photograph answers this browser with (200 when there is one). */
  async photographStatus(): Promise<number> {
    const child = childShown(this)
    return (await this.page.request.get(`${this.base}/people/${child}/philomena/photo`)).status()
  }
}

/** The Philomena profile as printed for the police. */
export class PhilomenaPrintPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/philomena/print`)
  }
}

/** Return interviews to hold: your work list, or everyone's. */
export class ReturnInterviewsPage extends AppPage {
  open(whose: { everyone: boolean } = { everyone: false }): Promise<this> {
    return this.goto(whose.everyone ? '/missing/interviews?all=1' : '/missing/interviews')
  }

  /** The count above the table: "Showing 1 to 25 of 33 interviews". */
  count(): Promise<string> {
    return this.page.getByTestId('list-count').innerText()
  }

  /** Sorts the whole list by a column by following its heading's link (as without JavaScript; on a narrow
   *  screen the headings are hidden from sight, not from screen readers, so the link is followed, not clicked). */
  async sortBy(heading: string): Promise<void> {
    const href = await this.page.locator('thead th a', { hasText: heading }).getAttribute('href')
    if (!href) throw new Error(`no link on the heading ${heading} at ${this.address()}`)
    await this.goto(href)
  }

  /** The episodes the rows are for, in the order shown. */
  episodes(): Promise<string[]> {
    return this.page.locator('tbody td[data-label="Child"] .govuk-body-s').allInnerTexts()
  }
}
