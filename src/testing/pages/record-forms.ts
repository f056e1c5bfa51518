// The date and time fields of the forms on a child's record (a decision, a missing episode, a return
// interview): a GOV.UK date input and a time box, typed as people write them ("6.30pm", "midday").
import type { Page } from 'playwright-core'

/** A date and time as typed into a GOV.UK date input and a time box. */
export interface TypedMoment {
  day: string
  month: string
  year: string
  time: string
}

/** Types `at` into the date input and time box named `field` (`started`, `decided`, ...). */
export async function typeMoment(page: Page, field: string, at: TypedMoment): Promise<void> {
  await page.fill(`#${field}-day`, at.day)
  await page.fill(`#${field}-month`, at.month)
  await page.fill(`#${field}-year`, at.year)
  await page.fill(`#${field}-time`, at.time)
}
