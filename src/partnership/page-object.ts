// The partnership page as a person uses it, for browser tests: choose the periods, read a measure's
// table, see the errors, take the board pack.
import type { Page } from 'playwright-core'

export class PartnershipFiguresPage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  async open(query = ''): Promise<this> {
    await this.page.goto(`${this.base}/partnership${query ? `?${query}` : ''}`)
    return this
  }

  /** Fills the form and shows the figures ("none": one period). */
  async choose(options: { from: string; to: string; by: 'month' | 'quarter' | 'year' | 'none'; asOf?: string }) {
    await this.page.fill('#from', options.from)
    await this.page.fill('#to', options.to)
    await this.page.selectOption('#by', options.by)
    await this.page.fill('#as_of', options.asOf ?? '')
    await Promise.all([this.page.waitForLoadState('load'), this.page.click('button:has-text("Show figures")')])
    return this
  }

  heading() {
    return this.page.locator('h1').innerText()
  }

  /** The error summary's messages, in order. */
  async errors(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary__list a').allInnerTexts()
  }

  /** A measure's whole-area table as [period, figure, (of,) change] rows. */
  async areaTable(caption: string): Promise<string[][]> {
    const table = this.page.locator('table', { has: this.page.locator(`caption:text-is("${caption}, whole area")`) })
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      )
  }

  definition(measureId: string) {
    return this.page.locator(`section[aria-labelledby="${measureId}"] p.govuk-body`).first().innerText()
  }

  /** The chart's text alternative. */
  chartDescription(measureId: string, category = 'all') {
    return this.page.locator(`#${measureId}-${category}-desc`).textContent()
  }

  /** Downloads the board pack and gives its text. */
  async boardPack(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click('a:has-text("Download the board pack")'),
    ])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
  }
}
