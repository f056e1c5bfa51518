// The link-analysis pages on both databases: who may open each page (per role), the analyst's decision
// through its form, confirmed networks shown beyond the MASH and the police with only the children the
// viewer may see, restricted links shown as such, audited views and exports, and a place's plan.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { must } from '../errors/must.ts'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, TEST_ACTOR, type SeededUsers } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { networksArea, NETWORKS_RECEIVED_AT, toNdjson } from './cli-fixture.ts'
import { networkCliRows } from './analysis.ts'
import { loadAreaLinks } from './facts.ts'
import { readableLabeller } from './labels.ts'
import { kindInWords } from './words.ts'

// the machine's time unless a test sets it (and puts it back)
const clock = new TestClock()

forEachDatabase(
  'link-analysis pages',
  (backend) => {
    let app: FastifyInstance
    let users: SeededUsers
    let ids: Record<string, number>
    let networkId: string
    // one signed-in session per person for the whole suite (signing in hashes a password)
    const sessions = new Map<string, Promise<Browser>>()
    const as = (email: string) => {
      let session = sessions.get(email)
      if (!session) sessions.set(email, (session = new Browser(app).signIn(email)))
      return session
    }
    const audits = async (action: string) =>
      await backend()
        .database.db.selectFrom('audit_log')
        .select(['action', 'entity_id', 'details', 'user_id'])
        .where('action', '=', action)
        .orderBy('id')
        .execute()

    before(async () => {
      const { db } = backend().database
      users = (await seedArea(db)).users
      const result = await importRecords(db, ndjsonLines(toNdjson(networksArea())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: NETWORKS_RECEIVED_AT,
      })
      assert.equal(result.rejected, 0)
      const links = await db.selectFrom('entity_links').select(['agency_code', 'source_id', 'entity_id']).execute()
      ids = Object.fromEntries(links.map((l) => [`${l.agency_code}:${l.source_id}`, l.entity_id]))
      networkId = (await networkCliRows(db, { at: new Date('2026-03-01T00:00:00Z') }))[0].id
      app = await testApp(backend().database)
    })
    after(async () => {
      await app?.close()
    })

    test('each page answers each role as the rules say', async () => {
      const bea = ids['police:P-B']
      const expect: [string, string, number][] = [
        ['mash@csc.test', '/networks', 200],
        ['mash@csc.test', '/links/shared', 200],
        ['mash@csc.test', '/places', 200],
        ['mash@csc.test', `/networks/${networkId}`, 200],
        ['mash@csc.test', `/people/${bea}/links`, 200],
        ['mash@csc.test', '/places/OL161AA', 200],
        ['officer@police.test', '/networks', 200],
        ['officer@police.test', '/links/shared', 200],
        ['officer@police.test', `/networks/${networkId}`, 200],
        ['sw@csc.test', '/networks', 200],
        ['sw@csc.test', '/links/shared', 403],
        ['sw@csc.test', '/places', 403],
        ['sw@csc.test', `/networks/${networkId}`, 404],
        ['sw@csc.test', `/people/${bea}/links`, 200],
        ['manager@police.test', '/places', 200],
        ['chair@lscp.test', '/networks', 403],
        ['chair@lscp.test', '/links/shared', 403],
        ['chair@lscp.test', `/people/${bea}/links`, 403],
        ['admin@csc.test', '/networks', 403],
        ['admin@csc.test', '/places', 403],
      ]
      const failures: string[] = []
      for (const [email, url, status] of expect) {
        const res = await (await as(email)).get(url)
        if (res.statusCode !== status) failures.push(`${email} ${url}: ${res.statusCode}, expected ${status}`)
      }
      assert.deepEqual(failures, [])
      const anonymous = await new Browser(app).get('/networks')
      assert.equal(anonymous.statusCode, 302)
    })

    test('suggestions for the MASH and the police; confirmed by a reason; then shared with a social worker for her child only', async () => {
      const { db } = backend().database
      const mash = await as('mash@csc.test')
      const list = await mash.get('/networks')
      assert.match(list.body, new RegExp(networkId))
      // named in words on the page (the command line keeps the id)
      assert.match(
        list.body,
        /href="\/networks\/net-[0-9a-f]{12}">Network (around|of) [^<]+, first linked \w+ \d{4}<\/a>/,
      )
      assert.doesNotMatch(list.body, />net-[0-9a-f]{12}</)
      assert.match(list.body, /Suggested networks \(1\)/)
      const sw = await as('sw@csc.test')
      assert.doesNotMatch(
        (await sw.get('/networks')).body,
        new RegExp(networkId),
        'a suggestion is not shown beyond the MASH and the police',
      )
      const refused = await sw.post(
        `/networks/${networkId}/decision`,
        { outcome: 'confirmed', reason: 'I think so' },
        '/networks',
      )
      assert.ok([403, 404].includes(refused.statusCode))
      const noReason = await mash.post(
        `/networks/${networkId}/decision`,
        { outcome: 'confirmed', reason: ' ' },
        `/networks/${networkId}`,
      )
      assert.equal(noReason.statusCode, 400)
      const page = await mash.get(`/networks/${networkId}`)
      assert.match(page.body, /name="decision_from" value=""/, 'made from no decision')
      const confirm = {
        outcome: 'confirmed',
        reason: 'the same man and car in police and health records',
        decision_from: '',
      }
      const done = await mash.post(`/networks/${networkId}/decision`, confirm, `/networks/${networkId}`)
      assert.equal(done.statusCode, 303)
      assert.equal((await db.selectFrom('network_decisions').selectAll().execute()).length, 1)
      // sent twice (a double click): one decision
      assert.equal(
        (await mash.post(`/networks/${networkId}/decision`, confirm, `/networks/${networkId}`)).statusCode,
        303,
      )
      assert.equal((await db.selectFrom('network_decisions').selectAll().execute()).length, 1)
      // a police manager dismissing from the page as it was before: refused, saying who decided meanwhile
      const police = await as('manager@police.test')
      const stale = await police.post(
        `/networks/${networkId}/decision`,
        { outcome: 'dismissed', reason: 'only a shared taxi firm', decision_from: '' },
        `/networks/${networkId}`,
      )
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, /Someone else \(mash\) confirmed this network after you opened the page/)
      assert.equal((await db.selectFrom('network_decisions').selectAll().execute()).length, 1)
      assert.equal((await audits('network_confirmed')).length, 1)
      const confirmed = (await mash.get('/networks')).body
      assert.match(confirmed, /Confirmed networks \(1\)/)
      assert.match(confirmed, /confirmed by mash: the same man and car/, 'who decided, by name')
      assert.doesNotMatch(confirmed, /mash@csc\.test/, 'never by email')
      assert.match((await mash.get(`/networks/${networkId}`)).body, /Confirmed by mash on /)

      // confirmed, but the social worker works with neither child: still not shown
      assert.doesNotMatch((await sw.get('/networks')).body, new RegExp(networkId))
      await db
        .insertInto('allocations')
        .values({
          entity_id: ids['police:P-B'],
          user_id: users.socialWorker,
          role: 'Social worker',
          starts_at: '2026-01-01T00:00:00Z',
        })
        .execute()
      const shared = await sw.get('/networks')
      assert.match(shared.body, new RegExp(networkId))
      assert.match(shared.body, /Bea Moss/)
      assert.doesNotMatch(shared.body, /Cal Nash/, 'a child she may not see is not named')
      assert.match(shared.body, /a child you may not see/)
      assert.equal((await sw.get(`/networks/${networkId}`)).statusCode, 200)
    })

    test("a node's label comes only from a record the viewer may read; lists audit the children they show", async () => {
      const cal = ids['health:H-C']
      const nurse = await as('nurse@health.test')
      // the car is written "yr61klm" by health (Cal's record) and "YR61 KLM" by the police (Bea's, which the nurse cannot read)
      const page = await nurse.get(`/people/${cal}/links?steps=2`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /vehicle yr61klm/)
      assert.doesNotMatch(page.body, /YR61 KLM|Gus Lee|Bea Moss/)
      const csv = await nurse.get(`/people/${cal}/links.csv?steps=2`)
      assert.doesNotMatch(csv.body, /YR61 KLM|Gus Lee|Bea Moss/)

      const mash = await as('mash@csc.test')
      assert.equal((await mash.get('/networks')).statusCode, 200)
      assert.equal((await mash.get('/links/shared')).statusCode, 200)
      for (const action of ['view_networks', 'view_shared_links']) {
        const rows = await audits(action)
        const children = (must(rows.at(-1), `a ${action} audit entry`).details as { children: number[] }).children
        assert.ok(
          children.includes(ids['police:P-B']) && children.includes(cal),
          `${action}: ${JSON.stringify(children)}`,
        )
      }
      // and so "who has looked at this record" (a page of Bea's record) names the MASH's list views
      const bea = await mash.get(`/people/${ids['police:P-B']}/viewers`)
      assert.match(bea.body, /Who has looked at this record[\s\S]*View shared links/)
    })

    test('a person or object the viewer may read nothing about is named by its kind in words, never its key or id', async () => {
      const { db } = backend().database
      const at = new Date('2026-03-01T00:00:00Z')
      const area = await loadAreaLinks(db, at)
      // an object only the police recorded
      const objects = area.facts.filter((f) => f.memberKind !== 'person')
      const police = must(
        objects.find((f) => objects.every((o) => o.memberKey !== f.memberKey || o.agency === 'police')),
        'an object only in police records',
      )
      const nodes = [`${police.memberKind}:${police.memberKey}`, `person:${ids['police:P-B']}`]
      const kind = kindInWords(police.memberKind)
      // the nurse reads nothing the police recorded about Bea
      const nurse = { kind: 'user' as const, userId: users.nurse, agency: 'health', roles: ['practitioner'] }
      const hidden = await readableLabeller(db, area, nodes, at, nurse, new Map())
      assert.equal(hidden(nodes[0]), `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} on records you may not read`)
      assert.equal(hidden(nodes[1]), 'a person on records you may not read')
      assert.equal(hidden.keyed(nodes[0]), `${kind} ${police.memberKey}`, 'the page of the object itself keeps its key')
      const mash = { kind: 'user' as const, userId: users.mash, agency: 'csc', roles: ['mash'] }
      const seen = await readableLabeller(db, area, nodes, at, mash, new Map())
      assert.equal(seen(nodes[0]), `${kind} ${police.display ?? police.memberKey}`)
      assert.match(seen(nodes[1]), /^Bea Moss \(\d+\)$/)
    })

    test('links the viewer may not read are shown as restricted; views and CSV exports are audited', async () => {
      const bea = ids['police:P-B']
      const nurse = await as('nurse@health.test')
      const page = await nurse.get(`/people/${bea}/links`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /id="link-table"/)
      assert.match(page.body, /restricted/, "the police's link is there, its content is not")
      assert.match(page.body, /"label":"\d+ items? you may not see \(ask [^)]*police[^)]*\)"/, 'summarised as one node')
      assert.doesNotMatch(page.body, /found_with|found_at|not_recorded<|>linked</, 'codes in words on the page')
      assert.doesNotMatch(page.body, /YR61 KLM/)
      assert.match(page.body, /<script type="application\/json" id="link-chart-data" nonce="[^"]+">/)
      assert.doesNotMatch(page.body, /<script>(?!<\/script>)/, 'no inline script')

      const mash = await as('mash@csc.test')
      const full = await mash.get(`/people/${bea}/links?steps=2`)
      assert.match(full.body, /YR61 KLM/)
      assert.match(full.body, /Cal Nash/, 'two steps out: the other child through the car')
      const path = await mash.get(
        `/people/${bea}/links?steps=2&path_from=person:${bea}&path_to=person:${ids['health:H-C']}`,
      )
      assert.match(path.body, /Shortest path \(2 steps\)/)

      const before = (await audits('export_links_csv')).length
      const csv = await mash.get(`/people/${bea}/links.csv?kinds=vehicle`)
      assert.equal(csv.statusCode, 200)
      assert.match(String(csv.headers['content-type']), /text\/csv/)
      const lines = csv.body.trim().split('\r\n')
      assert.equal(lines[0], 'who,what,link,source_agency,date,reliability,event,restricted')
      assert.ok(
        lines.slice(1).every((l) => l.includes('vehicle')),
        'the filter applies to the export',
      )
      const exported = await audits('export_links_csv')
      assert.equal(exported.length, before + 1)
      assert.equal(exported.at(-1)?.entity_id, bea)
      assert.ok((await audits('view_link_chart')).length >= 2)

      const person = await mash.get(`/people/${bea}/links`)
      assert.match(person.body, /Links to other children/)
      assert.match(
        person.body,
        /vehicle YR61 KLM: also <a class="govuk-link" href="\/people\/\d+">Cal Nash \(\d+\)<\/a>/,
      )
      assert.match(
        (await (await as('sw@csc.test')).get(`/people/${bea}/links`)).body,
        /href="#link-chart-heading">link chart<\/a> below/,
        'beyond the MASH and the police: the chart only',
      )

      const png = await mash.post(
        '/links/chart-exported',
        { subject_kind: 'person', subject_id: String(bea), nodes: '5' },
        `/people/${bea}/links`,
      )
      assert.equal(png.statusCode, 204)
      assert.equal((await audits('export_link_chart_png')).at(-1)?.entity_id, bea)
      const vendor = await mash.get('/networks-assets/vendor/cytoscape.min.js')
      assert.equal(vendor.statusCode, 200)
      assert.equal((await mash.get('/networks-assets/link-chart.js')).statusCode, 200)
    })

    test('a place of concern: its counts, a plan with a conference, actions and history', async () => {
      const mash = await as('mash@csc.test')
      const places = await mash.get('/places')
      assert.match(places.body, /Bus station/)
      const saved = await mash.post(
        '/places/OL161AA/plan',
        { title: 'Bus station plan', plan: 'Patrols at night; staff briefed', conference_at: '2026-03-10 14:00' },
        '/places/OL161AA',
      )
      assert.equal(saved.statusCode, 303)
      const page = await mash.get('/places/OL161AA')
      assert.match(page.body, /Bus station plan/)
      assert.match(page.body, /2026-02/)
      const planId = Number(
        must(/action="\/context-plans\/(\d+)\/actions"/.exec(page.body), 'the form adding an action')[1],
      )
      assert.equal(
        (
          await mash.post(
            `/context-plans/${planId}/actions`,
            { title: 'Brief the bus company', owner: 'PC Jones', due: '2026-03-20' },
            '/places/OL161AA',
          )
        ).statusCode,
        303,
      )
      const withAction = await mash.get('/places/OL161AA')
      assert.match(withAction.body, /Brief the bus company/)
      assert.match(withAction.body, /action added/)
      const actionId = Number(
        must(/\/context-plans\/\d+\/actions\/(\d+)\/done/.exec(withAction.body), 'the open action')[1],
      )
      assert.equal(
        (await mash.post(`/context-plans/${planId}/actions/${actionId}/done`, {}, '/places/OL161AA')).statusCode,
        303,
      )
      assert.match((await mash.get('/places/OL161AA')).body, /action done/)
      const sw = await as('sw@csc.test')
      assert.equal((await sw.post('/places/OL161AA/plan', { title: 'x' }, '/networks')).statusCode, 403)
      assert.ok((await audits('context_plan_saved')).length >= 1)

      // two people changing the plan from the same version: the second is shown both, nothing is lost
      const opened = must(
        /name="version" value="(\d+)"/.exec((await mash.get('/places/OL161AA')).body),
        'the version',
      )[1]
      const officer = await as('officer@police.test')
      const change = (who: typeof mash, plan: string, version: string) =>
        who.post('/places/OL161AA/plan', { title: 'Bus station plan', plan, version }, '/places/OL161AA')
      assert.equal((await change(officer, 'Patrols at night and at weekends', opened)).statusCode, 303)
      const second = await change(mash, 'Patrols at night; CCTV reviewed', opened)
      assert.equal(second.statusCode, 409)
      assert.match(
        second.body,
        /Theirs, as saved[\s\S]*Patrols at night and at weekends[\s\S]*Yours, not saved[\s\S]*CCTV reviewed/,
      )
      assert.match((await mash.get('/places/OL161AA')).body, /Patrols at night and at weekends/)
      const made = await change(mash, 'A second plan', '')
      assert.equal(made.statusCode, 409, 'a plan made meanwhile is not made twice')
    })

    test('an adult tied to two children with nothing else on record is shown "for now", and gone a month later', async () => {
      const { db } = backend().database
      const records = [
        {
          type: 'person',
          agency: 'police',
          source_id: 'P-R',
          given_name: 'Ray',
          family_name: 'Dunn',
          date_of_birth: '1979-04-04',
          recorded_at: '2026-03-02T09:00:00',
        },
        {
          type: 'person',
          agency: 'csc',
          source_id: 'C-R',
          given_name: 'Ray',
          family_name: 'Dunn',
          date_of_birth: '1979-04-04',
          recorded_at: '2026-03-05T09:00:00',
        },
        {
          type: 'event',
          agency: 'police',
          source_id: 'E-R1',
          kind: 'concern',
          subject: 'P-B',
          occurred_at: '2026-03-02T20:00:00',
          summary: 'Seen with an older man',
          involves: [{ person: 'P-R', role: 'associate' }],
          recorded_at: '2026-03-03T09:00:00',
        },
        {
          type: 'event',
          agency: 'csc',
          source_id: 'CE-R2',
          kind: 'missing_episode',
          subject: 'C-D',
          occurred_at: '2026-03-04T22:00:00',
          ended_at: '2026-03-05T07:00:00',
          summary: "Found at a man's house",
          involves: [{ person: 'C-R', role: 'found_with' }],
          recorded_at: '2026-03-05T10:00:00',
        },
      ]
      const result = await importRecords(db, ndjsonLines(toNdjson(records)), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-03-06T00:00:00Z'),
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      try {
        clock.set('2026-03-20T12:00:00')
        const rows = await networkCliRows(db, { at: new Date('2026-03-20T12:00:00Z') })
        const ray = rows.find((n) => n.id !== networkId)
        assert.ok(ray, 'suggested at once')
        const list = await (await as('mash@csc.test')).get('/networks')
        assert.equal(list.statusCode, 200)
        assert.match(list.body, /for now, until 4 April 2026/)
        const page = await (await as('mash@csc.test')).get(`/networks/${ray.id}`)
        assert.equal(page.statusCode, 200)
        assert.match(
          page.body,
          /id="provisional"[^]*Ray Dunn \(\d+\) is suggested for now[^]*ends on 4 April 2026 at 11:00am/,
        )

        clock.set('2026-05-01T12:00:00')
        assert.equal(
          (await (await as('mash@csc.test')).get(`/networks/${ray.id}`)).statusCode,
          404,
          'uncorroborated, gone a month later',
        )
        const shared = await (await as('mash@csc.test')).get('/links/shared')
        assert.match(shared.body, /Ray Dunn/, 'still a shared association')
      } finally {
        clock.useMachineTime()
      }
    })
  },
  { resetBetweenTests: false, clock },
)
