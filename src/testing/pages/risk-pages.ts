// The risk pages, for browser tests: a child's exploitation risk on their record, the screening a
// practitioner signs, the MASH queue, the unanswered children and the alerts.
import { AppPage, PageAt } from './app-page.ts'
import { RecordPart, sentToPart } from './record-parts.ts'

/** A child's exploitation risk, a part of their record: band, score, chart, evidence, screenings. */
export class ExploitationRisk extends RecordPart {
  /** The band the child is in, as its tag says ("Band 4: significant"). */
  band(): Promise<string> {
    const row = this.holder
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.locator('dt', { hasText: /^Band$/ }) })
    return row.locator('.govuk-tag').innerText()
  }
}

/** What a practitioner decides on a screening: items the records suggest confirmed or rejected (by
 *  the instrument's codes), and the band overridden with a reason. */
export interface Screening {
  confirm: string[]
  reject: string[]
  overrideBand?: number
  overrideReason?: string
}

/** Completing a screening of a child (/people/:id/risk/screening). */
export class ScreeningPage extends AppPage {
  async open(child: number): Promise<this> {
    return this.goto(`/people/${child}/risk/screening`)
  }

  /** Fills the screening and signs it; the page that answers is the caller's to read (the screening
   *  again with what was wrong, when it was not signed). */
  async submit(screening: Screening): Promise<void> {
    for (const code of screening.confirm) await this.page.check(`#decision_${code}`)
    for (const code of screening.reject) await this.page.check(`#decision_${code}-reject`)
    if (screening.overrideBand !== undefined)
      await this.page.selectOption('#override_band', String(screening.overrideBand))
    if (screening.overrideReason !== undefined) await this.page.fill('#override_reason', screening.overrideReason)
    await this.press(this.button('Sign the screening'))
  }

  /** Signs the screening; gives the child's exploitation risk, where a signed screening leads. */
  async sign(screening: Screening): Promise<ExploitationRisk> {
    await this.submit(screening)
    return sentToPart(this, 'risk', ExploitationRisk)
  }
}

/** The MASH queue: children needing a decision, now or as it stood at the end of a past day. */
export class MashQueuePage extends AppPage {
  open(asOf?: { day: string }): Promise<this> {
    return this.goto(asOf ? `/mash?as_of=${asOf.day}` : '/mash')
  }
}

/** Children with signs of exploitation that no one has answered yet. */
export class UnansweredPage extends PageAt('/unanswered') {}

/** Risk alerts: a child's band risen, a screening due. */
export class RiskAlertsPage extends PageAt('/alerts') {}
