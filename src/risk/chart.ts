// The score over time as a chart drawn on the server: an SVG step line with the band thresholds, so the
// page needs no JavaScript; the page shows the same figures in a table beside it. Pure.
import type { Band } from './instrument.ts'
import type { RiskState } from './trajectory.ts'

export interface ScoreChart {
  width: number
  height: number
  /** The step line, as the `points` attribute of a polyline. */
  line: string
  /** Horizontal lines where each band starts (band 2 and up). */
  thresholds: { y: number; label: string; score: number }[]
  xTicks: { x: number; label: string }[]
  yTicks: { y: number; label: string }[]
  rows: { at: Date; score: number; band: number; ageRuleFired: boolean; multiAgency: boolean }[]
  from: Date
  to: Date
  maxScore: number
  description: string
}

const W = 640
const H = 240
const PAD = { left: 40, right: 12, top: 12, bottom: 28 }

export function scoreChart(points: readonly RiskState[], to: Date, bands: readonly Band[], months = 24): ScoreChart {
  const toMs = +to
  const start = new Date(to)
  start.setUTCMonth(start.getUTCMonth() - months)
  const firstReal = points.find((p) => p.score > 0 || p.band > 1)
  const fromMs = Math.max(+start, firstReal ? Math.min(+firstReal.at, toMs) - 30 * 86_400_000 : +start)
  const shown = points.filter((p) => +p.at <= toMs)
  const before = [...shown].reverse().find((p) => +p.at <= fromMs)
  const inside = shown.filter((p) => +p.at > fromMs)
  const series = [
    { at: new Date(fromMs), score: before?.score ?? 0 },
    ...inside.map((p) => ({ at: p.at, score: p.score })),
  ]
  const top = bands.reduce((m, b) => Math.max(m, b.minScore), 0)
  const maxScore = Math.max(top + 4, ...series.map((p) => p.score))
  const x = (ms: number) => PAD.left + ((ms - fromMs) / Math.max(1, toMs - fromMs)) * (W - PAD.left - PAD.right)
  const y = (s: number) => H - PAD.bottom - (s / maxScore) * (H - PAD.top - PAD.bottom)
  const coords: string[] = []
  let last: number | null = null
  for (const p of series) {
    const px = x(+p.at).toFixed(1)
    if (last !== null) coords.push(`${px},${y(last).toFixed(1)}`)
    coords.push(`${px},${y(p.score).toFixed(1)}`)
    last = p.score
  }
  coords.push(`${x(toMs).toFixed(1)},${y(last ?? 0).toFixed(1)}`)
  const xTicks: ScoreChart['xTicks'] = []
  const tick = new Date(fromMs)
  tick.setUTCDate(1)
  tick.setUTCMonth(tick.getUTCMonth() + 1)
  const stepMonths = Math.max(1, Math.ceil((toMs - fromMs) / (30 * 86_400_000) / 6))
  while (+tick <= toMs) {
    xTicks.push({ x: x(+tick), label: tick.toISOString().slice(0, 7) })
    tick.setUTCMonth(tick.getUTCMonth() + stepMonths)
  }
  const yTicks = [0, Math.round(maxScore / 2), maxScore].map((s) => ({ y: y(s), label: String(s) }))
  const thresholds = bands
    .filter((b) => b.band > 1)
    .map((b) => ({ y: y(b.minScore), label: `band ${b.band} (${b.label})`, score: b.minScore }))
  const now = series[series.length - 1]
  return {
    width: W,
    height: H,
    line: coords.join(' '),
    thresholds,
    xTicks,
    yTicks,
    rows: inside.map((p) => ({
      at: p.at,
      score: p.score,
      band: p.band,
      ageRuleFired: p.ageRuleFired,
      multiAgency: p.multiAgency,
    })),
    from: new Date(fromMs),
    to,
    maxScore,
    description:
      `Score from ${new Date(fromMs).toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}: ${series.length - 1} changes, ` +
      `highest ${Math.max(...series.map((p) => p.score))}, now ${now.score}. The same figures are in the table below.`,
  }
}
