// The forms on a child's record that take a date and a time as people write them (a UK date, "6.30pm",
// "midday"): recording a decision, and a missing episode.
import { AppPage } from './app-page.ts'

/** A date and time as typed into a GOV.UK date input and a time box. */
export interface TypedMoment {
  day: string
  month: string
  year: string
  time: string
}

async function typeMoment(page: AppPage['page'], field: string, at: TypedMoment): Promise<void> {
  await page.fill(`#${field}-day`, at.day)
  await page.fill(`#${field}-month`, at.month)
  await page.fill(`#${field}-year`, at.year)
  await page.fill(`#${field}-time`, at.time)
}

export class DecisionFormPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/decisions/new`)
  }

  async record(decision: { kind: string; decided: TypedMoment }): Promise<void> {
    await this.page.selectOption('#kind', decision.kind)
    await typeMoment(this.page, 'decided', decision.decided)
    await this.page.click('button:has-text("Record the decision")')
  }

  /** What a box holds now (what was typed is kept after a mistake). */
  value(field: 'kind' | 'decided-day' | 'decided-time' | 'rationale'): Promise<string> {
    return this.page.inputValue(`#${field}`)
  }
}

export class MissingEpisodeFormPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/missing/episode`)
  }

  async save(episode: { started: TypedMoment; returned: TypedMoment }): Promise<void> {
    await typeMoment(this.page, 'started', episode.started)
    await typeMoment(this.page, 'returned', episode.returned)
    await this.page.click('button:has-text("Save")')
  }

  value(field: 'started-month' | 'returned-month'): Promise<string> {
    return this.page.inputValue(`#${field}`)
  }
}
