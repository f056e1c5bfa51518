// Home and finding a person, for browser tests: the search box on the home page, the results, and a
// child's record opened from them.
import { AppPage, PageAt } from './app-page.ts'
import { PersonPage } from './person-page.ts'

/** The home page (/): a practitioner's start, with the search box. */
export class HomePage extends PageAt('/') {
  /** Searches for a person by name, date of birth, NHS number or an agency's reference. */
  async search(words: string): Promise<SearchResultsPage> {
    await this.page.fill('#q', words)
    await this.press(this.button('Search'))
    const results = new SearchResultsPage(this.page, this.base)
    await results.expectAt('/people')
    return results
  }
}

/** The people found for a search (/people?q=...). */
export class SearchResultsPage extends AppPage {
  open(words: string): Promise<this> {
    return this.goto(`/people?q=${encodeURIComponent(words)}`)
  }

  /** Opens the record of the first person found whose name matches `name`. */
  async openPerson(name: RegExp): Promise<PersonPage> {
    await this.press(this.page.locator('table a', { hasText: name }).first())
    return PersonPage.sentTo(this)
  }
}
