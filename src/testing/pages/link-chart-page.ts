// A child's links page (/people/:id/links): the chart drawn on canvas with JavaScript, and the table
// of links beside it, which is all there is without.
import { openChart } from '../../networks/chart-fixture.ts'
import { AppPage } from './app-page.ts'

export class LinkChartPage extends AppPage {
  /** Opens the page and waits for the chart's first drawing; gives how long that took. */
  async openChart(child: number): Promise<{ firstDrawMs: number }> {
    return openChart(this.page, this.base, child)
  }

  /** Opens the page without waiting for a chart (without JavaScript there is none). */
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/links`)
  }

  canvases(): Promise<number> {
    return this.page.locator('#link-chart canvas').count()
  }

  tableRows(): Promise<number> {
    return this.page.locator('#link-table tbody tr').count()
  }

  /** How many nodes the chart has drawn (read from the page's chart). */
  drawnNodes(): Promise<number> {
    return this.page.evaluate(
      () =>
        (window as unknown as { threadlineLinkChart: { nodes(): { length: number } } }).threadlineLinkChart.nodes()
          .length,
    )
  }

  /** The key to the chart's words (node kinds and lines), shown only where the chart is drawn. */
  legend(): Promise<string | null> {
    return this.page
      .locator('#link-chart-legend')
      .isVisible()
      .then((shown) => (shown ? this.page.locator('#link-chart-legend').innerText() : null))
  }

  chartHidden(): Promise<boolean> {
    return this.page.locator('#link-chart').isHidden()
  }
}
