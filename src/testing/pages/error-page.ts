// What the service answers with when it has no page, or cannot give it: the status and the page as
// sent, for browser tests that check it says nothing of the code behind it.
import { must } from '../../errors/must.ts'
import { AppPage } from './app-page.ts'

export class ErrorPage extends AppPage {
  /** Asks for `path`; gives the status the service answered with. */
  async request(path: string): Promise<number> {
    const answer = await this.page.goto(`${this.base}${path}`)
    return must(answer, `an answer for ${path}`).status()
  }

  /** The page as the browser has it, markup and all. */
  html(): Promise<string> {
    return this.page.content()
  }
}
