// The multi-agency case audit pages, for browser tests: the programme, a new audit, one audit (naming
// an auditor, the children, the links to each return and discussion, closing), an agency's pre-filled
// return, the discussion's agreed grades and findings, and the report. Children are named by their
// number in the cohort ("Child 1").
import { AppPage } from './app-page.ts'

/** A day as typed into a GOV.UK date input. */
export interface TypedDay {
  day: string
  month: string
  year: string
}

export type GradeWord = 'Outstanding' | 'Good' | 'Requires improvement' | 'Inadequate'

export class AuditsPage extends AppPage {
  async open(): Promise<this> {
    return this.goto('/audits')
  }

  async createAudit(): Promise<NewAuditPage> {
    await this.press(this.page.getByRole('link', { name: 'Create an audit' }))
    const form = new NewAuditPage(this.page, this.base)
    await form.expectAt('/audits/new')
    return form
  }

  /** Each audit the list shows, as its link's words. */
  audits(): Promise<string[]> {
    return this.page.locator('main table tbody tr td:first-child a').allInnerTexts()
  }
}

/** The audit criteria and their versions, with the form that adds one (the partnership's). */
export class AuditCriteriaPage extends AppPage {
  async open(): Promise<this> {
    return this.goto('/audits/criteria')
  }

  /** Sends a definition; this page again, with the new version listed or the definition's problems. */
  async add(definition: string): Promise<this> {
    await this.page.getByLabel('The criterion').fill(definition)
    await this.press(this.page.getByRole('button', { name: 'Add the criterion' }))
    return this
  }
}

export interface NewAudit {
  theme: string
  /** the words of the criterion's choice */
  criteria: string
  from: TypedDay
  to: TypedDay
  sampleSize: string
  stratifyBy: 'From all of them' | 'In proportion by agency' | 'In proportion by risk band'
  seed: string
  closes: TypedDay
}

export class NewAuditPage extends AppPage {
  async open(): Promise<this> {
    return this.goto('/audits/new')
  }

  private async typeDay(field: string, day: TypedDay) {
    await this.page.locator(`#${field}-day`).fill(day.day)
    await this.page.locator(`#${field}-month`).fill(day.month)
    await this.page.locator(`#${field}-year`).fill(day.year)
  }

  /** Fills the form and sends it; the audit's page when it was saved (else still this form, with its errors). */
  async save(audit: NewAudit): Promise<AuditPage> {
    await this.page.getByLabel('Theme').fill(audit.theme)
    await this.page.getByLabel(audit.criteria, { exact: true }).check()
    await this.typeDay('from', audit.from)
    await this.typeDay('to', audit.to)
    await this.page.getByLabel('How many children to draw').fill(audit.sampleSize)
    await this.page.getByLabel(audit.stratifyBy, { exact: true }).check()
    await this.page.getByLabel('Seed (optional)').fill(audit.seed)
    await this.typeDay('closes', audit.closes)
    await this.press(this.button('Draw the children and create the audit'))
    return new AuditPage(this.page, this.base)
  }
}

export class AuditPage extends AppPage {
  async open(id: number): Promise<this> {
    return this.goto(`/audits/${id}`)
  }

  /** The audit's number, from the address. */
  id(): number {
    return Number(/\/audits\/(\d+)/.exec(this.path())?.[1])
  }

  heading(): Promise<string> {
    return this.page.locator('h1').innerText()
  }

  /** The children's rows as the page writes them (Child n, with a name only for an auditor). */
  children(): Promise<string[]> {
    return this.page.locator('main table tbody th').allInnerTexts()
  }

  /** Everything the page says, for checking what it does not say. */
  text(): Promise<string> {
    return this.page.locator('main').innerText()
  }

  /** Every address the page links to. */
  links(): Promise<string[]> {
    return this.page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
  }

  /** Names an auditor, chosen by the words of the list ("nurse, Rochdale Health"). */
  async nameAuditor(who: string): Promise<AuditPage> {
    await this.page.getByLabel('Name an auditor').selectOption({ label: who })
    await this.press(this.button('Name the auditor'))
    return new AuditPage(this.page, this.base)
  }

  auditors(): Promise<string[]> {
    return this.page.locator('main h2:has-text("Auditors") + ul li').allInnerTexts()
  }

  async completeReturn(child: string): Promise<AgencyReturnPage> {
    await this.press(this.page.getByRole('link', { name: new RegExp(`^(Complete|Change) your return for ${child}$`) }))
    return new AgencyReturnPage(this.page, this.base)
  }

  async recordAgreement(child: string): Promise<AgreementPage> {
    await this.press(
      this.page.getByRole('link', { name: new RegExp(`^(Record|Change) the agreed grades for ${child}$`) }),
    )
    return new AgreementPage(this.page, this.base)
  }

  async recordThemeAgreement(): Promise<AgreementPage> {
    await this.press(this.page.getByRole('link', { name: /grades and findings for the theme$/ }))
    return new AgreementPage(this.page, this.base)
  }

  async report(): Promise<AuditReportPage> {
    await this.press(this.page.getByRole('link', { name: 'Read the report' }))
    return new AuditReportPage(this.page, this.base)
  }

  async close(): Promise<AuditPage> {
    await this.press(this.button('Close the audit'))
    return new AuditPage(this.page, this.base)
  }

  status(): Promise<string> {
    return this.page.locator('.govuk-summary-list__row', { hasText: 'Status' }).locator('dd').innerText()
  }
}

/** Grades by the tool's heading titles, e.g. { "Assessment": "Good" }. */
export type GradesByHeading = Record<string, GradeWord>

async function chooseGrades(page: AppPage['page'], prefix: string, grades: GradesByHeading) {
  for (const [heading, grade] of Object.entries(grades))
    await page
      .getByRole('group', { name: `${prefix}${heading}` })
      .getByLabel(grade, { exact: true })
      .check()
}

export class AgencyReturnPage extends AppPage {
  /** What Threadline pre-filled, as the page words it. */
  knownAlready(): Promise<string> {
    return this.page.locator('main').innerText()
  }

  async save(answers: {
    answers: string[]
    grades: GradesByHeading
    goodPractice: string
    shouldHaveHappened: string
  }) {
    const boxes = this.page.locator('form textarea[name^="answer_"]')
    for (let i = 0; i < answers.answers.length; i++) await boxes.nth(i).fill(answers.answers[i])
    await chooseGrades(this.page, 'Your grade: ', answers.grades)
    await this.page.getByLabel('Good practice').fill(answers.goodPractice)
    await this.page.getByLabel('What should have happened').fill(answers.shouldHaveHappened)
    await this.press(this.button('Send your agency’s return'))
    return new AuditPage(this.page, this.base)
  }
}

export class AgreementPage extends AppPage {
  /** The agencies' own grades, as rows of words. */
  agencyGrades(): Promise<string[]> {
    return this.page.locator('main table tbody tr').allInnerTexts()
  }

  text(): Promise<string> {
    return this.page.locator('main').innerText()
  }

  async save(agreed: { grades: GradesByHeading; findings: string }): Promise<AuditPage> {
    await chooseGrades(this.page, 'Agreed: ', agreed.grades)
    await this.page.getByLabel('Findings').fill(agreed.findings)
    await this.press(this.button('Save the agreed grades and findings'))
    return new AuditPage(this.page, this.base)
  }
}

export class AuditReportPage extends AppPage {
  async open(id: number): Promise<this> {
    return this.goto(`/audits/${id}/report`)
  }

  text(): Promise<string> {
    return this.page.locator('main').innerText()
  }

  /** What the report says of one child (or "The theme"). */
  section(child: string): Promise<string> {
    return this.page.locator('section', { has: this.page.locator(`h3:text-is("${child}")`) }).innerText()
  }

  /** Downloads the CSV and gives its text. */
  async csv(): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: 'Download the report (CSV)' }).click(),
    ])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}
