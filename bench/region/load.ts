// The regional benchmark's load: P simulated practitioners signed in over real HTTP to a running
// server, each waiting 5–30 s (times the think scale) between actions: 40% a person's page and
// chronology, 25% a list (the MASH queue, unanswered, the missing work list, alerts, the manager's and
// home pages), 20% a search, 15% a save (a missing episode, a return interview, a MASH decision or a
// screening). Every response is timed by page kind; one that is not what a browser expects (200 for a
// page, 302 after a save) is an error, kept with its status and path. The server's RSS is sampled.
import { readFileSync } from 'node:fs'

export interface LoadUser {
  email: string
  password: string
  agency: string
  kind: 'mash' | 'manager' | 'practitioner'
  /** may record missing episodes (police, social care, the charity) */
  recordsEpisodes: boolean
  /** children allocated to the user (full reach): whom they open and record about */
  allocated: number[]
}

export interface LoadChild {
  id: number
  name: string
  /** `agency:source_id` of a missing episode the police recorded about the child */
  episode?: string
}

export interface LoadOptions {
  baseUrl: string
  users: LoadUser[]
  children: Map<number, LoadChild>
  seconds: number
  thinkScale: number
  serverPid: number
  /** the seed of the users' choices */
  seed?: number
}

export interface LoadResult {
  seconds: number
  requests: number
  times: Record<string, number[]>
  errors: { kind: string; status: number | string; path: string; ms: number; said: string }[]
  rss: { at: number; mb: number }[]
}

/** A small seeded generator for the users' choices (so runs are comparable). */
function rngFrom(seed: number) {
  let s = seed >>> 0 || 1
  const next = () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] }
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

class Session {
  cookies = new Map<string, string>()
  constructor(
    readonly base: string,
    readonly result: LoadResult,
  ) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      const name = pair.slice(0, i)
      const value = pair.slice(i + 1)
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  private async request(kind: string, path: string, init: RequestInit, expect: number, timed: boolean) {
    const started = performance.now()
    let status: number | string
    let body = ''
    try {
      const res = await fetch(this.base + path, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          accept: 'text/html',
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      })
      this.remember(res)
      body = await res.text()
      status = res.status
    } catch (error) {
      status = error instanceof Error ? error.message : String(error)
    }
    const took = performance.now() - started
    this.result.requests++
    if (status !== expect)
      this.result.errors.push({
        kind,
        status,
        path,
        ms: Math.round(took),
        // what the page said was wrong (a form's error summary), shortened
        said: (/govuk-error-summary__list[^>]*>([\s\S]{0,400})/.exec(body)?.[1] ?? body.slice(0, 200))
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      })
    else if (timed) (this.result.times[kind] ??= []).push(took)
    return { ok: status === expect, body }
  }

  get(kind: string, path: string, timed = true) {
    return this.request(kind, path, { method: 'GET' }, 200, timed)
  }

  /** A form posted as a browser would: the token of the page it was read from. */
  post(kind: string, path: string, form: Record<string, string>, page: string) {
    return this.request(
      kind,
      path,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfIn(page), ...form }).toString(),
      },
      302,
      true,
    )
  }

  async signIn(user: LoadUser) {
    const form = await this.get('sign in', '/sign-in', false)
    const res = await this.post('sign in', '/sign-in', { email: user.email, password: user.password }, form.body)
    return res.ok
  }
}

const moment = (name: string, at: Date) => ({
  [`${name}-day`]: String(at.getDate()),
  [`${name}-month`]: String(at.getMonth() + 1),
  [`${name}-year`]: String(at.getFullYear()),
  [`${name}-time`]: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`,
})

/** The lists each kind of user opens in the morning. */
const LISTS: Record<LoadUser['kind'], [string, string][]> = {
  mash: [
    ['MASH queue', '/mash'],
    ['unanswered', '/unanswered'],
    ['alerts', '/alerts'],
    ['missing work list', '/missing/interviews'],
  ],
  manager: [
    ['manager', '/manager'],
    ['unanswered', '/unanswered'],
    ['missing work list', '/missing/interviews'],
  ],
  practitioner: [
    ['home', '/'],
    ['unanswered', '/unanswered'],
    ['missing work list', '/missing/interviews'],
  ],
}

/** One user's morning: actions until the deadline, each after its think time. */
async function practitioner(user: LoadUser, index: number, options: LoadOptions, result: LoadResult, until: number) {
  const rng = rngFrom((options.seed ?? 20) * 7919 + index * 104729)
  const session = new Session(options.baseUrl, result)
  const everyone = [...options.children.keys()]
  const think = () => (5_000 + rng.next() * 25_000) * options.thinkScale
  await sleep(rng.next() * think()) // not all at once
  if (!(await session.signIn(user))) return // the error is counted; this user stops
  const child = () => (user.allocated.length && rng.next() < 0.7 ? rng.pick(user.allocated) : rng.pick(everyone))
  // the mix held at every moment: the next action is the one furthest behind its share (so that a short
  // run exercises every kind); each user's lists and saves in turn, from a place of their own (the
  // users' index: the MASH's two users of ten open the queue and the alerts first)
  const done = MIX.map(() => 0)
  let lists = index
  let saves = index
  // the first four actions are one of each, in an order of the user's own, done even if the window
  // closes first (a short run on a busy machine still exercises every kind), for up to two minutes more
  const grace = until + 120_000
  for (let n = 1; (n <= MIX.length && Date.now() < grace) || Date.now() < until; n++) {
    const action =
      n <= MIX.length
        ? (index + n) % MIX.length
        : MIX.map(([, share], i) => [i, share * n - done[i] + rng.next() * 1e-6] as const).sort(
            (a, b) => b[1] - a[1],
          )[0][0]
    done[action]++
    const what = MIX[action][0]
    if (what === 'person') {
      const id = child()
      await session.get('person page', `/people/${id}`)
      await session.get('chronology', `/people/${id}/chronology`)
    } else if (what === 'list') {
      const [kind, path] = LISTS[user.kind][lists++ % LISTS[user.kind].length]
      await session.get(kind, path)
    } else if (what === 'search') {
      const c = options.children.get(rng.pick(everyone))
      const q = rng.next() < 0.7 ? (c?.name ?? 'Smith') : (c?.name.split(' ').at(-1) ?? 'Smith')
      await session.get('search', `/people?q=${encodeURIComponent(q)}`)
    } else await save(session, user, saves++, rng, options)
    if (Date.now() < until) await sleep(think())
  }
}

/** The share of each kind of action (the mix). */
const MIX = [
  ['person', 0.4],
  ['list', 0.25],
  ['search', 0.2],
  ['save', 0.15],
] as const

async function save(
  session: Session,
  user: LoadUser,
  turn: number,
  rng: ReturnType<typeof rngFrom>,
  options: LoadOptions,
) {
  const now = new Date(Date.now() - 3_600_000)
  if (user.kind === 'mash') {
    const id = rng.pick([...options.children.keys()])
    const form = await session.get('form', `/mash/${id}/decision`)
    if (form.ok)
      await session.post(
        'save: MASH decision',
        `/mash/${id}/decision`,
        { outcome: rng.pick(['early_help', 'no_further_action', 'referral_to_csc']), rationale: 'Benchmark decision' },
        form.body,
      )
    return
  }
  const withEpisode = user.allocated.filter((id) => options.children.get(id)?.episode)
  const kinds = [
    ...(user.recordsEpisodes ? ['episode'] : []),
    ...(withEpisode.length ? ['interview'] : []),
    'screening',
  ]
  const kind = kinds[turn % kinds.length]
  if (kind === 'episode') {
    const id = user.allocated.length ? rng.pick(user.allocated) : rng.pick([...options.children.keys()])
    const path = `/people/${id}/missing/episode`
    const form = await session.get('form', path)
    if (form.ok)
      await session.post(
        'save: missing episode',
        path,
        { ...moment('started', now), summary: 'Did not come home after school', last_seen: 'By the bus station' },
        form.body,
      )
  } else if (kind === 'interview') {
    const id = rng.pick(withEpisode)
    const episode = options.children.get(id)!.episode!
    const path = `/people/${id}/missing/interview`
    const form = await session.get('form', `${path}?episode=${encodeURIComponent(episode)}`)
    if (form.ok)
      await session.post(
        'save: return interview',
        path,
        { episode, outcome: 'declined', reason: 'Did not want to talk', ...moment('held', now) },
        form.body,
      )
  } else {
    const id = user.allocated.length ? rng.pick(user.allocated) : rng.pick([...options.children.keys()])
    const path = `/people/${id}/risk/screening`
    const form = await session.get('form', path)
    if (!form.ok) return
    const decisions = Object.fromEntries(
      [...form.body.matchAll(/name="(decision_[a-z_]+)"/g)].map((m) => [m[1], 'confirmed']),
    )
    await session.post('save: screening', path, decisions, form.body)
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { seconds: options.seconds, requests: 0, times: {}, errors: [], rss: [] }
  const started = Date.now()
  const until = started + options.seconds * 1000
  const sample = () => result.rss.push({ at: (Date.now() - started) / 1000, mb: rssMb(options.serverPid) })
  sample()
  const sampler = setInterval(sample, Math.max(1000, Math.min(5000, (options.seconds * 1000) / 30)))
  try {
    await Promise.all(options.users.map((u, i) => practitioner(u, i, options, result, until)))
  } finally {
    clearInterval(sampler)
    sample()
  }
  return result
}
