// A bar chart drawn on the server as SVG (no JavaScript, and no style attributes: the CSP blocks
// them; colours are presentation attributes, size is the `tl-chart` class). The page shows the
// same figures in a table beside it. A hidden (suppressed) or empty figure has no bar. Pure.

export interface BarInput {
  label: string
  /** null: no figure (suppressed, or a rate with nothing to divide by). */
  value: number | null
  suppressed: boolean
}

export interface Bar {
  x: number
  y: number
  width: number
  height: number
  label: string
  labelX: number
  /** The figure as written above the bar ("s" when suppressed, "–" for none). */
  text: string
  textY: number
}

export interface BarChart {
  width: number
  height: number
  baseline: number
  left: number
  right: number
  top: number
  bars: Bar[]
  yTicks: { y: number; label: string }[]
  description: string
}

const W = 640
const H = 220
const PAD = { left: 48, right: 8, top: 16, bottom: 34 }

/** `percent`: values are shares from 0 to 1, drawn on a 0–100% axis. */
export function barChart(title: string, points: readonly BarInput[], options: { percent: boolean }): BarChart {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null)
  const max = options.percent ? 1 : niceMax(Math.max(0, ...values))
  const plotH = H - PAD.top - PAD.bottom
  const plotW = W - PAD.left - PAD.right
  const slot = plotW / Math.max(1, points.length)
  const barW = Math.max(2, Math.min(48, slot * 0.7))
  const y = (v: number) => H - PAD.bottom - (max === 0 ? 0 : (v / max) * plotH)
  const show = (v: number) => (options.percent ? `${round(v * 100)}%` : String(round(v)))
  const bars = points.map((p, i): Bar => {
    const cx = PAD.left + slot * i + slot / 2
    const top = p.value === null ? y(0) : y(p.value)
    return {
      x: round(cx - barW / 2),
      y: round(top),
      width: round(barW),
      height: round(y(0) - top),
      label: p.label,
      labelX: round(cx),
      text: p.suppressed ? 's' : p.value === null ? '–' : show(p.value),
      textY: round(top - 4),
    }
  })
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: round(y(max * f)), label: show(max * f) }))
  const said = points
    .map((p) => `${p.label}: ${p.suppressed ? 'suppressed' : p.value === null ? 'none' : show(p.value)}`)
    .join('; ')
  return {
    width: W,
    height: H,
    baseline: round(y(0)),
    left: PAD.left,
    right: W - PAD.right,
    top: PAD.top,
    bars,
    yTicks,
    description: `${title}, by period. ${said}.`,
  }
}

function niceMax(n: number): number {
  if (n <= 4) return 4
  const step = 10 ** Math.floor(Math.log10(n))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= n) return m * step
  return 10 * step
}

const round = (n: number) => Math.round(n * 10) / 10
