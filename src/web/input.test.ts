// Hostile values in addresses and forms (issue 17): every route in Fastify's route table, as a
// signed-in user with a valid CSRF token, on both databases. An id no record can have answers 404, a
// control character in any query-string value or form field answers 400 naming the field, and a
// form field longer than the stated limit is refused before any work is done; nothing answers 500.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS } from '../testing/working-together-area.ts'
import { MAX_FORM_FIELD_CHARS, impossibleId } from './plugins/input.ts'

/** Each route of the table with its methods, read from Fastify's printed tree. */
function routeTable(app: FastifyInstance): Map<string, string[]> {
  const routes = new Map<string, string[]>()
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(\S*)(?: \(([^)]*)\))?$/.exec(line.trimEnd())
    if (!m) continue
    stack.length = m[1].length / 4
    stack.push(m[2])
    const path = stack.join('').replace(/\/\/+/g, '/')
    if (m[3] && !path.includes('*')) routes.set(path, [...(routes.get(path) ?? []), ...m[3].split(', ')])
  }
  return routes
}

// every form field name a route of the app reads, and a few the probe used (information_<agency>)
const FIELDS = `against_agency as_of by chair_id child_account code conference_at decision_id disclosures due email
 episode episode_source evidence found_at found_by found_with_people found_with_vehicles held_at held_on held_time
 information_csc information_police key_response kind last_seen manager_id missing_from next note outcome owner
 password phones places plan q reason reflection reported_by risk_grading source status subject subject_id
 subject_kind summary title rationale user_id vehicles version what_follows what_happened what_they_want where
 with_people worker_id`.split(/\s+/)

test('an id is possible only as a whole number from 1 to 2,147,483,647', () => {
  for (const v of ['2147483648', '99999999999999999999', '0', '-1', '1.5', '1e3', '+4', '00'])
    assert.ok(impossibleId(v), v)
  for (const v of ['1', '2147483647', '42', 'abc', 'police:MK-1', 'OL161AA']) assert.ok(!impossibleId(v), v)
})

forEachDatabase(
  'hostile addresses and forms',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let browser: Browser
    let token: string
    let routes: Map<string, string[]>
    before(async () => {
      const { amy: child } = await seedWorkingArea(backend().database.db)
      amy = child
      app = await testApp(backend().database)
      browser = await new Browser(app).signIn(AREA_EMAILS.socialWorker)
      token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/')).body)?.[1] ?? ''
      assert.ok(token, 'a CSRF token from a signed-in page')
      routes = routeTable(app)
      assert.ok(routes.size > 40, `the route table was read (${routes.size} routes)`)
    })
    after(async () => app?.close())

    const post = (url: string, form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        payload: new URLSearchParams({ _csrf: token, ...form }).toString(),
      })

    test('every GET route with an id of 2^31 answers 404', async () => {
      const bad: string[] = []
      for (const [route, methods] of routes) {
        if (!methods.includes('GET') || !/:(?!key)/.test(route)) continue
        for (const id of ['2147483648', '99999999999999999999', '0', '1.5']) {
          const url = route.replace(/:(?!key)[a-z_]+/g, id).replace(/:key/g, 'OL161AA')
          const res = await browser.get(url, url.startsWith('/api/') ? { accept: 'application/json' } : {})
          if (res.statusCode !== 404) bad.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
        }
      }
      assert.deepEqual(bad, [])
      // a text parameter (a place's key, a security key's id) with a NUL names nothing either
      assert.equal((await browser.get('/places/a%00b')).statusCode, 404)
      assert.equal((await post('/account/security-keys/a%00b/remove', {})).statusCode, 404)
    })

    test('every GET route with a NUL in its query answers 400 naming the value', async () => {
      const bad: string[] = []
      let n = 0
      for (const [route, methods] of routes) {
        if (!methods.includes('GET')) continue
        const path = route.replace(/:(?!key)[a-z_]+/g, String(amy)).replace(/:key/g, 'OL161AA')
        for (const name of ['q', 'as_of', 'decision', 'episode', 'source', 'steps', 'all']) {
          const url = `${path}?${name}=a%00b`
          const res = await browser.get(url, url.startsWith('/api/') ? { accept: 'application/json' } : {})
          n++
          if (res.statusCode !== 400 || !res.body.includes(name))
            bad.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`)
        }
      }
      assert.ok(n > 200, `${n} requests`)
      assert.deepEqual(bad, [])
      // the people search and the API's, as the probe sent them
      const search = await browser.get('/people?q=%00')
      assert.equal(search.statusCode, 400)
      assert.match(search.body, /q(&quot;|")? holds a control character \(U\+0000/)
      const api = await browser.get('/api/v1/children?q=%00', { accept: 'application/json' })
      assert.equal(api.statusCode, 400)
      assert.deepEqual(
        (JSON.parse(api.body) as { errors: { field: string }[] }).errors.map((e) => e.field),
        ['q'],
      )
    })

    test('every POST route with a NUL in each field answers 400 naming the field', async () => {
      const bad: string[] = []
      let n = 0
      for (const [route, methods] of routes) {
        if (!methods.includes('POST') || route === '/sign-in' || route.startsWith('/api/v1/records')) continue
        const url = route.replace(/:(?!key)[a-z_]+/g, String(amy)).replace(/:key/g, 'OL161AA')
        let refused = 0
        for (const field of FIELDS) {
          const res = await post(url, { [field]: 'a\u0000b', ...(field === 'summary' ? {} : { summary: 'Fine' }) })
          n++
          // the sign-in and two-step routes limit attempts before anything else (429): also no work done
          if (res.statusCode === 429) continue
          if (res.statusCode !== 400 || !res.body.includes(field)) bad.push(`POST ${url} ${field}: ${res.statusCode}`)
          else refused++
        }
        if (refused === 0) bad.push(`POST ${url}: never answered 400`)
      }
      assert.ok(n > 1000, `${n} requests`)
      assert.deepEqual(bad, [], `${bad.length} of ${n}`)
    })

    test('the examples the probe found: a challenge, a decision, a strategy discussion, a place plan', async () => {
      const cases: [string, Record<string, string>, string][] = [
        [
          `/people/${amy}/challenges`,
          { against_agency: 'cps', subject: 'prosecutor_decision', summary: 'a\u0000b' },
          'summary',
        ],
        [`/people/${amy}/decisions`, { kind: 'nfa', rationale: 'a\u0000b' }, 'rationale'],
        [`/people/${amy}/missing/strategy`, { information_csc: 'a\u0000b' }, 'information_csc'],
        ['/places/OL161AA/plan', { title: 'Plan', plan: 'a\u0001b' }, 'plan'],
        [`/people/${amy}/challenges`, { summary: 'tab\tand\r\nbreaks are fine, \u007f is not' }, 'summary'],
      ]
      for (const [url, form, field] of cases) {
        const res = await post(url, form)
        assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 300)}`)
        assert.match(res.body, new RegExp(`form field (&quot;|")${field}(&quot;|") holds a control character`))
      }
    })

    test(`a form field over ${MAX_FORM_FIELD_CHARS.toLocaleString('en-GB')} characters is refused with the limit`, async () => {
      const res = await post(`/people/${amy}/challenges`, {
        against_agency: 'cps',
        subject: 'prosecutor_decision',
        summary: 'x'.repeat(3_000_000),
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /summary(&quot;|")? is 3,000,000 characters long; the limit for this field is 100,000/)
      const fine = await post(`/people/${amy}/challenges`, { summary: 'x'.repeat(MAX_FORM_FIELD_CHARS) })
      assert.notEqual(fine.statusCode, 500)
      assert.doesNotMatch(fine.body, /characters long/)
    })
  },
  { resetBetweenTests: false },
)
