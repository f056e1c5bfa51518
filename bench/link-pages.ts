// Benchmark of the link pages on the demo area (issue 20): the server's time to answer the networks
// list, one network, a child's link chart, the places of concern and one place, for the MASH (who sees
// every child in full), against the person page (the summary) measured in the same run, in the same
// rounds: figures are p50/p95 in ms and each page's p95 as a ratio to the person page's p95. The aim
// is within 5x. The first round warms up (and builds what a server keeps between requests).
// Run alone: node --import tsx bench/link-pages.ts [--quick] [--rounds N]
import { performance } from 'node:perf_hooks'
import { demoAsMash, demoChildren } from './support.ts'

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : undefined
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const rounds = arg('rounds') ?? (quick ? 3 : 6)
  const { database, app, browser } = await demoAsMash()
  // children with links (the subjects of involvements that name a person, a vehicle, a phone, a place)
  const children = await demoChildren(database.db, quick ? 4 : 8, { involved: true })
  const networkIds = [...(await browser.get('/networks')).body.matchAll(/href="\/networks\/(net-[0-9a-f]+)"/g)]
    .map((m) => m[1])
    .filter((id, i, all) => all.indexOf(id) === i)
    .slice(0, quick ? 2 : 4)
  const placeKeys = [...(await browser.get('/places')).body.matchAll(/href="\/places\/([^"/]+)"/g)]
    .map((m) => m[1])
    .filter((k, i, all) => all.indexOf(k) === i)
    .slice(0, quick ? 2 : 4)
  const pages: Record<string, string[]> = {
    'person page': children.map((id) => `/people/${id}`),
    networks: ['/networks'],
    network: networkIds.map((id) => `/networks/${id}`),
    'link chart': children.map((id) => `/people/${id}/links`),
    places: ['/places'],
    place: placeKeys.map((k) => `/places/${k}`),
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(pages).map((p) => [p, []]))
  for (let round = 0; round < rounds; round++)
    for (const [page, urls] of Object.entries(pages))
      for (const url of urls) {
        const started = performance.now()
        const res = await browser.get(url)
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`)
        if (round > 0) times[page].push(performance.now() - started)
      }
  const base = quantile(times['person page'], 0.95)
  process.stdout.write(
    `demo area, MASH user, ${rounds - 1} timed rounds: ${children.length} children, ` +
      `${networkIds.length} networks, ${placeKeys.length} places\n`,
  )
  for (const page of Object.keys(pages)) {
    const xs = times[page]
    if (!xs.length) continue
    const p95 = quantile(xs, 0.95)
    process.stdout.write(
      `${page.padEnd(12)} n=${String(xs.length).padStart(3)}  p50 ${quantile(xs, 0.5).toFixed(1).padStart(7)} ms  ` +
        `p95 ${p95.toFixed(1).padStart(7)} ms  ${(p95 / base).toFixed(2).padStart(6)}x the person page's p95\n`,
    )
  }
  const facts = (await import('../src/networks/facts.ts')) as { areaReads?: { reads: number; hits: number } }
  if (facts.areaReads)
    process.stdout.write(
      `area links read ${facts.areaReads.reads} times, held ones used ${facts.areaReads.hits} times\n`,
    )
  await app.close()
  await database.close()
}

await main()
