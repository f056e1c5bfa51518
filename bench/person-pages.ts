// Benchmark of a person's pages on the demo area: the server's time to answer the summary (with its
// first sentence, what needs doing now and by whom, which asks the missing, working-together and risk
// sources), the risk page and the working-together page, for the MASH (who sees every child in full),
// each child three times. The chronology page of the same children is the baseline measured in the
// same run: figures are ratios to it, since these machines are noisy.
// Run alone: node --import tsx bench/person-pages.ts [--quick]
import { performance } from 'node:perf_hooks'
import { demoAsMash, demoChildren } from './support.ts'

const PAGES = { summary: '', chronology: '/chronology', risk: '/risk', 'working together': '/working-together' }

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const { database, app, browser } = await demoAsMash()
  const children = await demoChildren(database.db, quick ? 10 : 40)
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(PAGES).map((p) => [p, []]))
  for (let round = 0; round < 3; round++)
    for (const id of children)
      for (const [page, path] of Object.entries(PAGES)) {
        const started = performance.now()
        const res = await browser.get(`/people/${id}${path}`)
        if (res.statusCode !== 200) throw new Error(`/people/${id}${path} answered ${res.statusCode}`)
        if (round > 0) times[page].push(performance.now() - started) // the first round warms up
      }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const baseline = median(times.chronology)
  process.stdout.write(`${children.length} demo children, ${2 * children.length} timed requests a page\n`)
  for (const page of Object.keys(PAGES))
    process.stdout.write(
      `${page.padEnd(17)} median ${median(times[page]).toFixed(1).padStart(7)} ms  ` +
        `${(median(times[page]) / baseline).toFixed(2)}x the chronology page\n`,
    )
  await app.close()
  await database.close()
}

await main()
