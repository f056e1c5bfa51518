// The administration page's users table, sortable by its headings once MOJ Frontend has started.
import { AppPage } from './app-page.ts'

const TABLE = 'table[data-testid="users"][data-module="moj-sortable-table"]'

export class AdminUsersPage extends AppPage {
  /** Opens the page and waits for the table's headings to become sort buttons. */
  async open(): Promise<this> {
    await this.goto('/admin')
    await this.nameHeading().waitFor({ timeout: 15_000 })
    return this
  }

  private nameHeading() {
    return this.page.locator(`${TABLE} th button`, { hasText: 'Name' })
  }

  async sortByName(): Promise<void> {
    await this.nameHeading().click()
  }

  /** aria-sort of the Name column: ascending, descending or none. */
  nameSort(): Promise<string | null> {
    return this.page.locator(`${TABLE} th:has(button:has-text("Name"))`).getAttribute('aria-sort')
  }

  names(): Promise<string[]> {
    return this.page.locator(`${TABLE} tbody tr td:nth-child(2)`).allInnerTexts()
  }
}
