// Benchmark of link analysis: a generated POLE graph of 200,000 people and objects with 1,000,000
// links; build, connected components, Louvain communities and 100 shortest-path queries, timed with
// peak memory, against the same work in python-igraph on the same edge list in the same run.
// Aims (issue 20): build + components + paths within 3x of igraph's build + the same work, communities
// within 5x, peak memory within 2x of igraph's (ours includes the link facts themselves).
// Run alone: node --import tsx bench/networks.ts [--nodes N] [--links N] [--queries N]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { communities, components, shortestPath } from '../src/networks/analytics.ts'
import { buildGraph } from '../src/networks/graph.ts'
import { seededRandom as mulberry32 } from '../src/linkage/random.ts'
import type { LinkFact, MemberKind } from '../src/networks/types.ts'

export interface NetworksBenchOptions {
  nodes?: number
  links?: number
  queries?: number
  seed?: number
  python?: string
}

/** Wall-clock and CPU seconds (CPU is steadier on a shared, loaded machine), peak RSS so far. */
interface Timing {
  seconds: number
  cpuSeconds: number
  peakRssMb: number
}

export interface NetworksBenchResult {
  nodes: number
  links: number
  edges: number
  threadline: {
    /** Peak RSS once the link facts were made, before the graph: what the graph adds is on top. */
    factsRssMb: number
    build: Timing
    components: Timing & { count: number }
    communities: Timing & { count: number; modularity: number }
    paths: Timing
  }
  igraph: Record<string, number | number[]> | { error: string }
  ratios: Record<string, number> | null
}

/**
 * People and objects in neighbourhoods (most links stay within one: a family, a school, a street),
 * some links across; a few busy places and phones tied to very many. Returns the link facts.
 */
export function generateBenchFacts(nodes: number, links: number, seed: number): { facts: LinkFact[]; people: number } {
  const rnd = mulberry32(seed)
  // node i is a person when i % 10 < 6, else an object; neighbourhoods of 100 consecutive nodes
  const isPerson = (i: number) => i % 10 < 6
  const kinds: MemberKind[] = ['vehicle', 'phone', 'online', 'location']
  const hood = 100
  const facts: LinkFact[] = new Array(links)
  for (let i = 0; i < links; i++) {
    let p = Math.floor(rnd() * nodes)
    if (!isPerson(p)) p -= (p % 10) - Math.floor(rnd() * 6) // move to a person of the same ten
    let member: number
    const r = rnd()
    if (r < 0.85) member = Math.min(nodes - 1, Math.floor(p / hood) * hood + Math.floor(rnd() * hood))
    else if (r < 0.86)
      member = 6 + 10 * Math.floor(rnd() * 50) // one of 50 busy places or phones
    else member = Math.floor(rnd() * nodes)
    const t = new Date(Date.UTC(2005, 0, 1) + Math.floor(rnd() * 3650) * 86_400_000).toISOString()
    facts[i] = {
      personEntityId: `P${p}`,
      memberKind: isPerson(member) ? 'person' : kinds[member % 4],
      memberKey: isPerson(member) ? `P${member}` : `O${member}`,
      agency: 'police',
      eventRef: `police:E${i}`,
      role: null,
      reliability: 'unconfirmed',
      occurredAt: t,
      recordedAt: t,
    }
  }
  return { facts, people: Math.ceil(nodes * 0.6) }
}

const peak = () => process.resourceUsage().maxRSS / 1024

function timed<T>(work: () => T): [T, Timing] {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = work()
  const used = process.cpuUsage(cpu)
  return [
    value,
    { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: peak() },
  ]
}

export function benchNetworks(options: NetworksBenchOptions = {}): NetworksBenchResult {
  const nodes = options.nodes ?? 200_000
  const links = options.links ?? 1_000_000
  const queries = options.queries ?? 100
  const seed = options.seed ?? 42
  const { facts } = generateBenchFacts(nodes, links, seed)
  const factsRssMb = peak()

  const [graph, build] = timed(() => buildGraph(facts))
  const [parts, comp] = timed(() => components(graph))
  const [comms, comm] = timed(() => communities(graph, { seed: 1 }))
  const rnd = mulberry32(seed + 1)
  const pairs: [string, string][] = []
  while (pairs.length < queries) {
    const a = `person:P${Math.floor(rnd() * nodes)}`
    const b = `person:P${Math.floor(rnd() * nodes)}`
    if (graph.hasNode(a) && graph.hasNode(b) && a !== b) pairs.push([a, b])
  }
  const [lengths, paths] = timed(() => pairs.map(([a, b]) => shortestPath(graph, a, b)?.steps.length ?? -1))

  // the same graph for igraph: integer node ids, one line per edge with its number of links
  const index = (node: string) => graph.indexOf(node)
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'))
  const edgeLines: string[] = []
  for (let e = 0; e < graph.size; e++)
    edgeLines.push(`${graph.ends[2 * e]} ${graph.ends[2 * e + 1]} ${graph.weightOf(e)}`)
  writeFileSync(join(dir, 'edges.tsv'), edgeLines.join('\n') + '\n')
  writeFileSync(join(dir, 'queries.tsv'), pairs.map(([a, b]) => `${index(a)} ${index(b)}`).join('\n') + '\n')
  const python = options.python ?? '/usr/bin/python3'
  const script = new URL('./networks_igraph.py', import.meta.url).pathname
  const run = spawnSync(python, [script, String(graph.order), join(dir, 'edges.tsv'), join(dir, 'queries.tsv')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  rmSync(dir, { recursive: true, force: true })
  let igraph: NetworksBenchResult['igraph']
  let ratios: NetworksBenchResult['ratios'] = null
  if (run.status === 0) {
    const ig = JSON.parse(run.stdout) as Record<string, number>
    igraph = ig
    ratios = {
      build: build.seconds / ig.build_s,
      components: comp.seconds / ig.components_s,
      communities: comm.seconds / ig.communities_s,
      paths: paths.seconds / ig.paths_s,
      buildCpu: build.cpuSeconds / ig.build_cpu,
      componentsCpu: comp.cpuSeconds / ig.components_cpu,
      communitiesCpu: comm.cpuSeconds / ig.communities_cpu,
      pathsCpu: paths.cpuSeconds / ig.paths_cpu,
    }
    const igLengths = ig.path_lengths as unknown as number[]
    const differ = lengths.filter((l, i) => l !== igLengths[i]).length
    if (differ > 0) throw new Error(`${differ} shortest paths differ in length from igraph's`)
    if (ig.components !== parts.length)
      throw new Error(`igraph finds ${ig.components} components, threadline ${parts.length}`)
  } else {
    igraph = { error: (run.stderr || run.error?.message || 'python-igraph did not run').trim().split('\n').pop()! }
  }
  return {
    nodes: graph.order,
    links,
    edges: graph.size,
    threadline: {
      factsRssMb,
      build,
      components: { ...comp, count: parts.length },
      communities: { ...comm, count: comms.count, modularity: comms.modularity },
      paths,
    },
    igraph,
    ratios,
  }
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : undefined
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = benchNetworks({ nodes: arg('nodes'), links: arg('links'), queries: arg('queries') })
  const t = result.threadline
  const ig = result.igraph as Record<string, number>
  const fmt = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3))
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '-')
  const line = (what: string, ours: Timing, wall: number | undefined, cpu: number | undefined, aim: string) =>
    console.log(
      `${what.padEnd(13)} threadline ${fmt(ours.seconds)} s (cpu ${fmt(ours.cpuSeconds)})   igraph ${fmt(wall)} s (cpu ${fmt(cpu)})   ratio ${ratio(ours.seconds, wall)} (cpu ${ratio(ours.cpuSeconds, cpu)})   ${aim}`,
    )
  console.log(`graph: ${result.nodes} nodes, ${result.links} links on ${result.edges} edges`)
  line(
    'build',
    t.build,
    ig.build_s,
    ig.build_cpu,
    '(from link objects with string keys; igraph from an integer edge list)',
  )
  line('components', t.components, ig.components_s, ig.components_cpu, `(aim <= 3x; ${t.components.count} components)`)
  line(
    'communities',
    t.communities,
    ig.communities_s,
    ig.communities_cpu,
    `(aim <= 5x; ${t.communities.count} communities, modularity ${t.communities.modularity.toFixed(3)} vs ${ig.modularity?.toFixed(3)})`,
  )
  line(`paths x${arg('queries') ?? 100}`, t.paths, ig.paths_s, ig.paths_cpu, '(aim <= 3x; same lengths as igraph)')
  const sum = (...xs: (number | undefined)[]) =>
    xs.some((x) => x === undefined) ? undefined : (xs as number[]).reduce((a, b) => a + b, 0)
  const ours = t.build.seconds + t.components.seconds + t.paths.seconds
  const oursCpu = t.build.cpuSeconds + t.components.cpuSeconds + t.paths.cpuSeconds
  const theirs = sum(ig.build_s, ig.components_s, ig.paths_s)
  const theirsCpu = sum(ig.build_cpu, ig.components_cpu, ig.paths_cpu)
  console.log(`build+components+paths ratio ${ratio(ours, theirs)} (cpu ${ratio(oursCpu, theirsCpu)})   (aim <= 3x)`)
  console.log(
    `peak RSS ratio ${ratio(t.paths.peakRssMb, ig.peak_rss_mb)} (aim <= 2x; the link facts alone ${t.factsRssMb.toFixed(0)} MB)`,
  )
  console.log(
    `peak RSS: threadline ${t.paths.peakRssMb.toFixed(0)} MB (after build ${t.build.peakRssMb.toFixed(0)} MB, includes the link facts themselves), igraph ${ig.peak_rss_mb?.toFixed(0) ?? '-'} MB`,
  )
  if ('error' in result.igraph) console.log(`igraph: ${String(result.igraph.error)}`)
}
