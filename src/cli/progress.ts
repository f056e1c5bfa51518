// A progress bar on standard error, drawn only when standard error is a terminal.
import cliProgress from 'cli-progress'

export interface Progress {
  update(value: number, payload?: Record<string, unknown>): void
  stop(): void
}

export function progressBar(label: string, total: number, unit = 'lines'): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | {eta_formatted} left`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  bar.start(total, 0, { rate: 0 })
  return {
    update(value, payload) {
      const seconds = (Date.now() - started) / 1000
      bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0, ...payload })
    },
    stop: () => bar.stop(),
  }
}
