// The learning reviews' pages, for browser tests: the list with its overdue actions by agency, starting
// a review, a review with its clocks, recommendations and each agency's plan, adding a recommendation
// and an action, updating an action with its evidence, and the partnership's sign-offs.
import type { Page } from 'playwright-core'
import { AppPage } from './app-page.ts'

/** A date typed into a GOV.UK date input (YYYY-MM-DD), its boxes named `field-day` and so on. */
async function typeDay(page: Page, field: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-')
  await page.fill(`#${field}-day`, String(Number(day)))
  await page.fill(`#${field}-month`, String(Number(month)))
  await page.fill(`#${field}-year`, year)
}

/** The rows of the table with this caption (or a caption that starts so), each as its cells' words. */
async function tableRows(page: Page, caption: string, whole = true): Promise<string[][]> {
  const captioned = whole
    ? page.locator(`caption:text-is("${caption}")`)
    : page.locator('caption', { hasText: caption })
  return page
    .locator('table', { has: captioned })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    )
}

/** /reviews: the reviews the viewer may open, and the overdue actions by agency. */
export class ReviewsListPage extends AppPage {
  open(): Promise<this> {
    return this.goto('/reviews')
  }

  /** Each review as [title, kind, recommendations, open, overdue, signed off]. */
  reviews(): Promise<string[][]> {
    return tableRows(this.page, 'Reviews')
  }

  /** Each agency with actions not done, as [agency, escalated to, overdue, not done]. */
  overdueByAgency(): Promise<string[][]> {
    return tableRows(this.page, 'Overdue actions by agency')
  }

  async startReview(): Promise<NewReviewPage> {
    await this.press(this.page.getByRole('link', { name: 'Start a review' }))
    return new NewReviewPage(this.page, this.base)
  }
}

export interface NewReview {
  kind: 'Rapid review' | 'Local child safeguarding practice review' | 'National review adopted locally'
  title: string
  pseudonym: string
  /** YYYY-MM-DD, or empty */
  knownOn: string
}

/** /reviews/new */
export class NewReviewPage extends AppPage {
  open(): Promise<this> {
    return this.goto('/reviews/new')
  }

  /** Fills the form and starts the review; the page that answers (the review, or this with errors) is the caller's to read. */
  async submit(review: NewReview): Promise<ReviewPage> {
    await this.page.getByLabel(review.kind, { exact: true }).check()
    await this.page.fill('#title', review.title)
    await this.page.fill('#pseudonym', review.pseudonym)
    if (review.knownOn) await typeDay(this.page, 'incident_known_on', review.knownOn)
    await this.press(this.button('Start the review'))
    return new ReviewPage(this.page, this.base)
  }
}

/** /reviews/:id */
export class ReviewPage extends AppPage {
  open(id: number): Promise<this> {
    return this.goto(`/reviews/${id}`)
  }

  /** The review's id, from the address. */
  id(): number {
    return Number(/\/reviews\/(\d+)/.exec(this.path())?.[1])
  }

  heading(): Promise<string> {
    return this.page.locator('h1').innerText()
  }

  /** The rapid review's clocks, each as the words of its row. */
  async clocks(): Promise<string[]> {
    return (await this.page.locator('#clocks + p + dl .govuk-summary-list__row').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    )
  }

  async addRecommendation(recommendation: string, agencies: string[]): Promise<this> {
    await this.press(this.page.getByRole('link', { name: 'Add a recommendation' }))
    await this.page.fill('#text', recommendation)
    for (const agency of agencies) await this.page.getByLabel(agency, { exact: true }).check()
    await this.press(this.button('Add the recommendation'))
    return this
  }

  /** An agency's plan for a recommendation, each action as [action, owner, due, status, evidence]. */
  plan(agency: string): Promise<string[][]> {
    return tableRows(this.page, `${agency}’s plan`, false)
  }

  /** What the page says of recommendation `number` (its text, plans, sign-off). */
  async recommendation(number: number): Promise<string> {
    return (
      await this.page
        .locator('section', { has: this.page.locator(`h3:text-is("Recommendation ${number}")`) })
        .innerText()
    ).replace(/\s+/g, ' ')
  }

  /** Adds an action to the viewer's agency's plan for recommendation `number`. */
  async addAction(number: number, action: { text: string; owner: string; dueOn: string }): Promise<this> {
    await this.press(
      this.page.getByRole('link', { name: new RegExp(`^Add an action .* for recommendation ${number}$`) }),
    )
    await this.page.fill('#text', action.text)
    await this.page.selectOption('#owner_id', { label: action.owner })
    await typeDay(this.page, 'due_on', action.dueOn)
    await this.press(this.button('Add the action'))
    return this
  }

  /** Opens an action from its plan by its words. */
  async openAction(text: string): Promise<ActionPage> {
    await this.press(this.page.getByRole('link', { name: text, exact: true }))
    return new ActionPage(this.page, this.base)
  }

  async signOffRecommendation(number: number): Promise<this> {
    await this.press(this.button(`Sign off recommendation ${number}`))
    return this
  }

  async signOffReview(): Promise<this> {
    await this.press(this.button('Sign off the review'))
    return this
  }

  /** "Signed off by ... on ...", when the review is. */
  async signedOff(): Promise<string> {
    const note = this.page.locator('#review-signed-off')
    return (await note.count()) ? note.innerText() : ''
  }
}

export interface ActionUpdate {
  status: 'Not started' | 'In progress' | 'Done'
  evidenceKind?: string
  evidence?: string
  doneOn?: string
}

/** /plan-actions/:id */
export class ActionPage extends AppPage {
  open(id: number): Promise<this> {
    return this.goto(`/plan-actions/${id}`)
  }

  /** The action's status as its summary shows it (with whom it is escalated to). */
  async status(): Promise<string> {
    return (
      await this.page
        .locator('#action-summary .govuk-summary-list__row', { hasText: 'Status' })
        .locator('dd')
        .innerText()
    ).replace(/\s+/g, ' ')
  }

  async update(update: ActionUpdate): Promise<this> {
    await this.page.getByLabel(update.status, { exact: true }).check()
    if (update.evidenceKind) await this.page.getByLabel(update.evidenceKind).check()
    await this.page.fill('#evidence', update.evidence ?? '')
    if (update.doneOn) await typeDay(this.page, 'done_on', update.doneOn)
    await this.press(this.button('Save the action'))
    return this
  }

  /** Back to the plan the action belongs to. */
  async backToPlan(): Promise<ReviewPage> {
    await this.press(this.page.getByRole('link', { name: 'Back to the plan' }))
    return new ReviewPage(this.page, this.base)
  }
}

/** /self-assessments/new: an agency's manager rates each standard for a period. */
export class NewSelfAssessmentPage extends AppPage {
  open(): Promise<this> {
    return this.goto('/self-assessments/new')
  }

  heading(): Promise<string> {
    return this.page.locator('h1').innerText()
  }

  /** Fills the period and rates every standard `met` but those given; records it. */
  async record(
    period: string,
    ratings: Record<string, 'Met' | 'Partly met' | 'Not met'> = {},
  ): Promise<SelfAssessmentPage> {
    await this.page.fill('#period', period)
    const standards = await this.page.locator('fieldset legend').allInnerTexts()
    for (const standard of standards) {
      const rating = ratings[standard.trim()] ?? 'Met'
      await this.page
        .locator('fieldset', { has: this.page.locator(`legend:text-is("${standard.trim()}")`) })
        .getByLabel(rating, { exact: true })
        .check()
    }
    await this.press(this.button('Record the self-assessment'))
    return new SelfAssessmentPage(this.page, this.base)
  }
}

/** /self-assessments/:id: the ratings and the agency's actions. */
export class SelfAssessmentPage extends AppPage {
  open(id: number): Promise<this> {
    return this.goto(`/self-assessments/${id}`)
  }

  id(): number {
    return Number(/\/self-assessments\/(\d+)/.exec(this.path())?.[1])
  }

  /** Each standard as [standard, rating]. */
  ratings(): Promise<string[][]> {
    return tableRows(this.page, 'Standards')
  }

  async addAction(action: { text: string; owner: string; dueOn: string }): Promise<this> {
    await this.press(this.page.getByRole('link', { name: 'Add an action' }))
    await this.page.fill('#text', action.text)
    await this.page.selectOption('#owner_id', { label: action.owner })
    await typeDay(this.page, 'due_on', action.dueOn)
    await this.press(this.button('Add the action'))
    return this
  }

  /** The plan, each action as [action, owner, due, status, evidence]. */
  actions(): Promise<string[][]> {
    return tableRows(this.page, '’s actions', false)
  }
}

/** /self-assessments: every agency's the viewer may read. */
export class SelfAssessmentsPage extends AppPage {
  open(): Promise<this> {
    return this.goto('/self-assessments')
  }

  /** Each as [agency, duty, period, standards not met, recorded]. */
  list(): Promise<string[][]> {
    return tableRows(this.page, 'Self-assessments')
  }
}
