// The linkage pages, for browser tests: the MASH's queue of pairs that may be the same child, a pair
// decided, the thresholds, and on a child's record how their agency records were joined (and a record
// that is not this child unmerged).
import { AppPage, PageAt } from './app-page.ts'
import { RecordPart, sentToPart } from './record-parts.ts'

/** An agency's record, by the agency's code and its own reference for it. */
export interface AgencyRecord {
  agency: string
  sourceId: string
}

/** How a child's agency records were joined, a part of their record: links by the model, merges and
 *  unmerges, each with who decided and why. */
export class LinkageHistory extends RecordPart {
  /** Splits `record` out of this child, saying why; gives the linkage of the person it now makes. */
  async unmerge(record: AgencyRecord, why: string): Promise<LinkageHistory> {
    const details = this.holder.locator('details', { hasText: 'Unmerge a record that is not this child' })
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click()
    const form = details
      .locator('form')
      .filter({ has: this.page.locator(`input[name="agency_code"][value="${record.agency}"]`) })
      .filter({ has: this.page.locator(`input[name="source_id"][value="${record.sourceId}"]`) })
    await form.locator('input[name="reason"]').fill(why)
    await this.press(form.getByRole('button', { name: /^Unmerge this record/ }))
    return sentToPart(this, 'linkage', LinkageHistory)
  }
}

/** Records the linkage model was unsure of, each beside the person it may be (/linkage/review). */
export class ReviewQueuePage extends PageAt('/linkage/review') {}

/** One pair to review: both records side by side, why the model scored them so, the MASH's decision. */
export class PairReviewPage extends AppPage {
  open(review: number): Promise<this> {
    return this.goto(`/linkage/review/${review}`)
  }

  /** Decides the two records are the same child, saying why; gives the linkage of the person they make. */
  async decideSameChild(why: string): Promise<LinkageHistory> {
    await this.page.check('input[name="decision"][value="same"]')
    await this.page.fill('#reason', why)
    await this.press(this.button('Record the decision'))
    return sentToPart(this, 'linkage', LinkageHistory)
  }
}

/** The linkage thresholds, and what each would trade off. */
export class LinkageSettingsPage extends PageAt('/linkage/settings') {}
