// A child with many links, for the link chart in a real browser (test and bench/link-chart.ts): the
// police record N events about her, each with a phone or an online identity, and every tenth one an
// adult who is also tied to a second child, so that the chart has people, objects and a path.
import type { Page } from 'playwright-core'

export function starRecords(links: number): object[] {
  const out: object[] = [
    {
      type: 'person',
      agency: 'police',
      source_id: 'S-1',
      given_name: 'Sia',
      family_name: 'Star',
      date_of_birth: '2011-04-04',
      is_child: true,
      recorded_at: '2026-01-01T09:00:00',
    },
    {
      type: 'person',
      agency: 'police',
      source_id: 'S-2',
      given_name: 'Tom',
      family_name: 'Tide',
      date_of_birth: '2011-06-06',
      is_child: true,
      recorded_at: '2026-01-01T09:00:00',
    },
  ]
  const adults = Math.max(1, Math.floor(links / 10))
  for (let a = 0; a < adults; a++) {
    out.push({
      type: 'person',
      agency: 'police',
      source_id: `S-A${a}`,
      given_name: `Adult${a}`,
      family_name: `Known${a}`,
      date_of_birth: `19${60 + (a % 30)}-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`,
      recorded_at: '2026-01-01T09:00:00',
    })
  }
  for (let i = 0; i < links; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const thing =
      i % 10 === 0
        ? { person: `S-A${i / 10}`, role: 'associate' }
        : i % 2 === 0
          ? { phone: `07700 9${String(i).padStart(5, '0')}` }
          : { online: `handle${i}@chat` }
    out.push({
      type: 'event',
      agency: 'police',
      source_id: `S-E${i}`,
      kind: 'concern',
      subject: 'S-1',
      occurred_at: `2026-02-${day}T12:00:00`,
      summary: 'Seen with',
      involves: [thing],
      restricted: false,
      recorded_at: `2026-02-${day}T13:00:00`,
    })
  }
  out.push({
    type: 'event',
    agency: 'police',
    source_id: 'S-T1',
    kind: 'concern',
    subject: 'S-2',
    occurred_at: '2026-02-10T12:00:00',
    involves: [{ person: 'S-A0', role: 'associate' }],
    restricted: false,
    recorded_at: '2026-02-10T13:00:00',
  })
  return out
}

/** Opens a person's link chart in a signed-in page; resolves with the chart's own time to first draw. */
export async function openChart(
  page: Page,
  base: string,
  personId: number,
  query = '',
): Promise<{ firstDrawMs: number; loadedMs: number }> {
  const started = Date.now()
  await page.goto(`${base}/people/${personId}/links${query}`)
  await page.waitForSelector('#link-chart[data-first-draw-ms]', { timeout: 60_000 })
  const firstDrawMs = Number(await page.getAttribute('#link-chart', 'data-first-draw-ms'))
  return { firstDrawMs, loadedMs: Date.now() - started }
}
