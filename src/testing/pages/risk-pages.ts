// The risk pages, for browser tests: a child's exploitation risk on their record, the screening a
// practitioner signs, the MASH queue, the unanswered children and the alerts.
import { AppPage, PageAt } from './app-page.ts'
import { RecordPart, sentToPart } from './record-parts.ts'

/** A child's exploitation risk, a part of their record: band, score, chart, evidence, screenings. */
export class ExploitationRisk extends RecordPart {
  /** The band the child is in, as its tag says ("Band 4 (significant)"). */
  band(): Promise<string> {
    const row = this.holder
      .locator('.govuk-summary-list__row')
      .filter({ has: this.page.locator('dt', { hasText: /^Band$/ }) })
    return row.locator('.govuk-tag').innerText()
  }

  /** The signed screenings, newest first, as the table says them (score, band, an override's reason). */
  screenings(): Promise<string> {
    return this.holder.locator('table', { hasText: 'Signed screenings' }).innerText()
  }

  private changeLink() {
    return this.holder.getByRole('link', { name: /^Change the screening signed/ }).first()
  }

  /** Whether this reader is offered "Change" on the newest screening. */
  async mayChangeScreening(): Promise<boolean> {
    return (await this.changeLink().count()) > 0
  }

  /** Where "Change" on the newest screening leads, to try it as someone else. */
  async changeScreeningAddress(): Promise<string> {
    return (await this.changeLink().getAttribute('href')) ?? ''
  }

  /** Follows "Change" on the newest screening. */
  async changeScreening(): Promise<ScreeningChangePage> {
    await this.press(this.changeLink())
    return new ScreeningChangePage(this.page, this.base)
  }
}

/** Changing a signed screening's wording (its notes, an override's reason; /screenings/:id/edit). */
export class ScreeningChangePage extends AppPage {
  /** Opens the form at an address; the answer's status (403 for one who may not change it). */
  async openAt(address: string): Promise<number | undefined> {
    return (await this.page.goto(`${this.base}${address}`))?.status()
  }

  /** Types a new reason for the override and presses Save; the page that answers is the caller's to read. */
  async submit(change: { overrideReason: string }): Promise<void> {
    await this.page.fill('#override_reason', change.overrideReason)
    await this.press(this.button('Save the change'))
  }

  /** Saves the change; gives the child's exploitation risk, where a saved change leads. */
  async save(change: { overrideReason: string }): Promise<ExploitationRisk> {
    await this.submit(change)
    return sentToPart(this, 'risk', ExploitationRisk)
  }

  /** On a conflict: what the screening says now, as someone else saved it meanwhile. */
  recordNow(): Promise<string> {
    return this.page.locator('#record-now').innerText()
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
  /** The codes of the items the records suggest, each to be confirmed or rejected. */
  async suggested(): Promise<string[]> {
    const names = await this.page
      .locator('input[type="radio"][name^="decision_"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name.replace(/^decision_/, '')))
    return [...new Set(names)]
  }

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

const QUEUE = 'table[data-testid="mash-queue"]'

/** What the MASH filters its queue by (the form above the table, sent without JavaScript too). */
export interface QueueFilter {
  name?: string
  rating?: 'red' | 'amber' | 'green'
  overdueOnly?: boolean
}

/** The MASH queue: children needing a decision, now or as it stood at the end of a past day. */
export class MashQueuePage extends AppPage {
  open(asOf?: { day: string }): Promise<this> {
    return this.goto(asOf ? `/mash?as_of=${asOf.day}` : '/mash')
  }

  /** Fills the filters and shows the queue they ask for. */
  async filter(f: QueueFilter): Promise<this> {
    if (f.name !== undefined) await this.page.fill('#name', f.name)
    if (f.rating !== undefined) await this.page.selectOption('#rating', f.rating)
    if (f.overdueOnly) await this.page.check('#overdue')
    await this.press(this.button('Show'))
    return this
  }

  /** The children listed, in the order shown. */
  async children(): Promise<string[]> {
    return (await this.page.locator(`${QUEUE} tbody tr td:first-child a`).allInnerTexts()).map((s) => s.trim())
  }

  /** The count above the table ("2 children, 1 overdue"). */
  count(): Promise<string> {
    return this.page.locator('#queue-count').innerText()
  }

  /** The reasons given for a child, in words. */
  reasonsFor(child: string): Promise<string> {
    return this.row(child).locator('td[data-label="Why"]').innerText()
  }

  /** Sorts by a column's heading: its link without JavaScript, MOJ's sort button with it. */
  async sortBy(heading: string): Promise<this> {
    const th = this.page.locator(`${QUEUE} thead th`, { hasText: heading })
    const link = th.locator('a')
    if (await link.count()) await this.press(link)
    else await th.locator('button').click()
    return this
  }

  /** aria-sort of a column: ascending, descending or none. */
  sortOf(heading: string): Promise<string | null> {
    return this.page.locator(`${QUEUE} thead th`, { hasText: heading }).getAttribute('aria-sort')
  }

  /** Follows a row's "Record a decision". */
  async recordDecision(child: string): Promise<MashDecisionPage> {
    await this.press(this.row(child).getByRole('link', { name: /^Record a decision/ }))
    return new MashDecisionPage(this.page, this.base)
  }

  private row(child: string) {
    return this.page.locator(`${QUEUE} tbody tr`, { hasText: child })
  }
}

/** A MASH decision about a child on the queue: what was decided and why. */
export interface MashDecision {
  /** The outcome's words, as its radio button says ("Early help"). */
  outcome?: string
  rationale: string
}

/** Recording a MASH decision (/mash/:id/decision). */
export class MashDecisionPage extends AppPage {
  /** Fills and sends the form; the page that answers is the caller's to read (the form again with what was wrong). */
  async submit(d: MashDecision): Promise<void> {
    if (d.outcome) await this.page.getByLabel(d.outcome, { exact: true }).check()
    await this.page.fill('#rationale', d.rationale)
    await this.press(this.button('Record the decision'))
  }

  /** Records the decision; gives the queue, where a recorded decision leads. */
  async decide(d: MashDecision): Promise<MashQueuePage> {
    await this.submit(d)
    await this.expectAt('/mash')
    return new MashQueuePage(this.page, this.base)
  }
}

/** Children with signs of exploitation that no one has answered yet. */
export class UnansweredPage extends PageAt('/unanswered') {}

/** Risk alerts: a child's band risen, a screening due. */
export class RiskAlertsPage extends PageAt('/alerts') {}
