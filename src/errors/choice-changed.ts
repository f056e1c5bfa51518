// A choice made on a page that someone changed meanwhile (a lead professional, the worker who holds a
// return interview): nothing is changed, and the person is told what was chosen meanwhile and what
// they chose (decision 0020).
import { DomainError } from './domain-error.ts'

export class ChoiceChanged extends DomainError {
  /** `meanwhile`: what happened, as a sentence's start ("Sam Patel was made the lead professional"). */
  constructor(meanwhile: string, chosen: string) {
    super(
      'conflict',
      `${meanwhile} by someone else after you opened the page, and you chose ${chosen}. ` +
        'Nothing was changed: look again and choose if you still mean to.',
    )
  }
}
