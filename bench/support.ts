// Shared pieces of the benchmarks: timing, the CLI, and printing ratios measured in the same run.
import { spawn } from 'node:child_process'
import { BIN } from '../src/testing/cli.ts'

export async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await run()
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result }
}

export function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, THREADLINE_NOW: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export function report(title: string, rows: [string, string][]): void {
  process.stdout.write(`\n## ${title}\n`)
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(48)} ${v}\n`)
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
