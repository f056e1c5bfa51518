// `threadline networks` and `threadline links --shared` on both databases, on a small hand-made area:
// two children tied across agencies by an adult (spelt differently) and his car, two sisters sharing a
// parent (not flagged), as of before and after the records first tied the two children; the analyst's
// decision persisting into the status; and the real command's JSON and exit codes.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { must } from '../errors/must.ts'
import { forEachDatabase, serverAvailable } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { pgliteTarget, postgresTarget, runCli, openTargetDatabase } from '../testing/cli.ts'
import { bandOf, bandsOf, networkCliRows, networksAt, rankNetworks, sharedCliRows } from './analysis.ts'
import { decisionsAt, DecisionRefused, recordDecision } from './decisions-store.ts'
import { networksArea, NETWORKS_RECEIVED_AT, toNdjson } from './cli-fixture.ts'

const day = (d: string) => must(endOfDayLondon(d), `the end of ${d}`)

forEachDatabase(
  'networks and links --shared',
  (backend) => {
    let ids: Record<string, number>
    let mashUser: number
    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db)
      mashUser = seeded.users.mash
      const result = await importRecords(db, ndjsonLines(toNdjson(networksArea())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: NETWORKS_RECEIVED_AT,
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      const links = await db.selectFrom('entity_links').select(['agency_code', 'source_id', 'entity_id']).execute()
      ids = Object.fromEntries(links.map((l) => [`${l.agency_code}:${l.source_id}`, l.entity_id]))
    })

    test("the adult and his car tie two children across agencies; the sisters' parent and phone do not", async () => {
      const { db } = backend().database
      const [bea, cal, gus] = [ids['police:P-B'], ids['health:H-C'], ids['police:P-G']]
      assert.equal(ids['csc:C-G'], gus, "linkage made one man of the two agencies' records")
      const networks = await networkCliRows(db, { at: day('2026-02-28') })
      assert.equal(networks.length, 1)
      const n = networks[0]
      assert.deepEqual(Object.keys(n), [
        'id',
        'status',
        'children',
        'children_source_records',
        'members',
        'agencies',
        'first_seen',
        'last_seen',
      ])
      assert.equal(n.status, 'suggested')
      assert.deepEqual(
        n.children,
        [bea, cal].sort((a, b) => a - b),
      )
      assert.deepEqual(n.children_source_records[n.children.indexOf(bea)].sort(), ['csc:C-B', 'police:P-B'])
      const members = new Map(n.members.map((m) => [`${m.kind}:${m.key}`, m]))
      assert.ok(members.has(`person:${gus}`))
      assert.deepEqual(members.get(`person:${gus}`)?.source_records.sort(), ['csc:C-G', 'police:P-G'])
      assert.deepEqual(members.get('vehicle:YR61KLM')?.source_records, ['health:HE-2', 'police:E-1'])
      assert.ok(
        !n.members.some((m) => m.kind === 'person' && [bea, cal].includes(Number(m.key))),
        'children are not members',
      )
      assert.ok(
        !members.has(`person:${ids['csc:C-F']}`) && !members.has('phone:07700900111'),
        "the sisters' parent is no association",
      )
      assert.deepEqual(n.agencies, ['csc', 'health', 'police'])
      assert.equal(n.first_seen, '2026-01-10T10:00:00+00:00')
      assert.equal(n.last_seen, '2026-02-10T12:00:00+00:00')
      const again = await networkCliRows(db, { at: day('2026-02-28') })
      assert.equal(again[0].id, n.id, 'ids are stable between runs')

      const shared = await sharedCliRows(db, { at: day('2026-02-28') })
      const car = must(
        shared.find((s) => s.kind === 'vehicle' && s.key === 'YR61KLM'),
        'the car',
      )
      assert.deepEqual(
        car.child_ids,
        [bea, cal].sort((a, b) => a - b),
      )
      assert.equal(car.children_count, 2)
      assert.deepEqual(car.agencies, ['health', 'police'])
      assert.equal(car.first_linked_at, '2026-02-10T08:00:00+00:00', 'when health recorded the second child')
      const man = must(
        shared.find((s) => s.kind === 'person' && s.key === String(gus)),
        'Gus',
      )
      assert.equal(man.first_linked_at, '2026-02-10T12:00:00+00:00')
      assert.ok(
        !shared.some((s) => s.key === String(ids['csc:C-F']) || s.key === '07700900111'),
        "siblings' shared links are not flagged",
      )
    })

    test('as of the day before the tie, nothing is reported', async () => {
      const { db } = backend().database
      assert.deepEqual(await networkCliRows(db, { at: day('2026-02-09') }), [])
      assert.deepEqual(await sharedCliRows(db, { at: day('2026-02-09') }), [])
      assert.equal((await sharedCliRows(db, { at: day('2026-02-10') })).length >= 2, true)
    })

    test("asked years later, when the girls are grown up, they are still the network's children, not its members", async () => {
      const { db } = backend().database
      const [bea, cal, gus] = [ids['police:P-B'], ids['health:H-C'], ids['police:P-G']]
      const then = await networkCliRows(db, { at: day('2026-02-28') })
      const later = await networkCliRows(db, { at: day('2035-06-01') })
      assert.equal(later.length, 1)
      assert.deepEqual(
        later[0].children,
        [bea, cal].sort((a, b) => a - b),
      )
      assert.deepEqual(
        later[0].members.map((m) => `${m.kind}:${m.key}`),
        then[0].members.map((m) => `${m.kind}:${m.key}`),
      )
      assert.equal(later[0].id, then[0].id)
      const shared = await sharedCliRows(db, { at: day('2035-06-01') })
      assert.deepEqual(
        shared.find((s) => s.key === String(gus))?.child_ids,
        [bea, cal].sort((a, b) => a - b),
      )
    })

    test("an analyst's decision persists and sets the status from when it was made", async () => {
      const { db } = backend().database
      const [n] = await networkCliRows(db, { at: day('2026-02-28') })
      const actor = {
        kind: 'user' as const,
        userId: mashUser,
        email: 'mash@csc.test',
        name: 'mash',
        agency: 'csc',
        roles: ['mash'],
      }
      await assert.rejects(
        recordDecision(
          db,
          actor,
          { networkId: n.id, outcome: 'confirmed', reason: '  ', members: n.members, children: [] },
          day('2026-03-01'),
        ),
        DecisionRefused,
      )
      await recordDecision(
        db,
        actor,
        {
          networkId: n.id,
          outcome: 'confirmed',
          reason: "same car and man in two agencies' records",
          members: n.members,
          children: n.children.map(String),
        },
        new Date('2026-03-02T10:00:00Z'),
      )
      assert.equal(
        (await networkCliRows(db, { at: day('2026-03-01') }))[0].status,
        'suggested',
        'not yet decided on 1 March',
      )
      assert.equal((await networkCliRows(db, { at: day('2026-03-02') }))[0].status, 'confirmed')
      const decisions = await decisionsAt(db, day('2026-03-02'))
      assert.equal(decisions.length, 1)
      assert.equal(decisions[0].decidedBy, 'mash@csc.test')
      const audited = await db
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('action', '=', 'network_confirmed')
        .execute()
      assert.equal(audited.length, 1)
      assert.equal(audited[0].reason, "same car and man in two agencies' records")

      // a later decision names the man as a record since merged into him (two chains: A → B → Gus)
      const gus = ids['police:P-G']
      const b = (await db.insertInto('entities').values({ merged_into: gus }).returning('id').executeTakeFirstOrThrow())
        .id
      const a = (await db.insertInto('entities').values({ merged_into: b }).returning('id').executeTakeFirstOrThrow())
        .id
      const seen = n.members.map((m) =>
        m.kind === 'person' ? { kind: m.kind, key: String(a) } : { kind: m.kind, key: m.key },
      )
      await recordDecision(
        db,
        actor,
        { networkId: n.id, outcome: 'dismissed', reason: 'family friend after all', members: seen, children: [] },
        new Date('2026-03-03T10:00:00Z'),
      )
      const [resolved] = (await decisionsAt(db, day('2026-03-03'))).slice(-1)
      assert.deepEqual(
        resolved.members.filter((m) => m.kind === 'person'),
        [{ kind: 'person', key: String(gus) }],
      )
      assert.equal(
        (await networkCliRows(db, { at: day('2026-03-03') }))[0].status,
        'dismissed',
        'the merged man is the man the analyst saw',
      )
      assert.equal((await networkCliRows(db, { at: day('2026-03-02') }))[0].status, 'confirmed')
    })

    test("networks are ranked by each child's risk band as known at the as-of time, not as now", async () => {
      const { db } = backend().database
      const bea = ids['police:P-B']
      const before = (await bandsOf(db, [bea], day('2026-02-15'))).get(bea)
      assert.ok(before !== undefined, 'Bea is a child with a band on 15 February')
      // recorded on 20 February: gifts from an unknown source and a sexual health attendance
      const later = [
        {
          type: 'event',
          agency: 'csc',
          source_id: 'C-B9',
          kind: 'concern',
          subject: 'C-B',
          occurred_at: '2026-02-19T10:00:00Z',
          indicators: ['gifts_money'],
          summary: 'New phone, will not say from whom',
          recorded_at: '2026-02-20T12:00:00Z',
        },
        {
          type: 'event',
          agency: 'police',
          source_id: 'E-B9',
          kind: 'missing_episode',
          subject: 'P-B',
          occurred_at: '2026-02-19T22:00:00Z',
          ended_at: '2026-02-20T06:00:00Z',
          recorded_at: '2026-02-20T12:00:00Z',
        },
      ]
      const result = await importRecords(db, ndjsonLines(toNdjson(later)), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-02-21T00:00:00Z'),
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      const then = must((await bandsOf(db, [bea], day('2026-02-15'))).get(bea), "Bea's band on 15 February")
      const now = must((await bandsOf(db, [bea], day('2026-03-01'))).get(bea), "Bea's band on 1 March")
      assert.equal(then, before, 'what was recorded later does not change the band as of 15 February')
      assert.ok(now > then, `the band rose with what was recorded on 20 February: ${then} -> ${now}`)
      assert.equal(await bandOf(db, bea, day('2026-02-15')), before)
      assert.equal(await bandOf(db, ids['csc:C-F'], day('2026-02-15')), null, 'an adult has no band')
      // the network around Bea and Cal is ranked by the higher of their bands as of the day asked about
      const at = day('2026-03-01')
      const { networks } = await networksAt(db, { at })
      const bands = await bandsOf(db, networks[0].children.map(Number), at)
      assert.equal(rankNetworks(networks, bands)[0].band, Math.max(...bands.values()))
      assert.ok(must(rankNetworks(networks, bands)[0].band, "the network's band") >= now)
    })
  },
  { resetBetweenTests: false },
)

test('networks accepts --format json and refuses any other format with the usage, exit 2', async () => {
  const r = await runCli(['networks', '--format', 'csv'], {})
  assert.equal(r.code, 2)
  assert.match(r.stderr, /Allowed choices are json/)
  assert.match(r.stderr, /Usage: threadline networks/)
})

test('the real command: networks as JSON, links --shared as CSV', { timeout: 60_000 }, async () => {
  // on the server when there is one: each run of an embedded database pays its start-up
  const target = serverAvailable ? postgresTarget() : pgliteTarget()
  try {
    // the area is put in place in this process; only the commands under test are run as a user would
    const database = await openTargetDatabase(target)
    await seedArea(database.db)
    await importRecords(database.db, ndjsonLines(toNdjson(networksArea())), {
      channel: 'file',
      skipInvalid: false,
      actor: TEST_ACTOR,
      receivedAt: NETWORKS_RECEIVED_AT,
    })
    await database.close()
    const commands = [
      ['networks', '--as-of', '2026-02-10', '--min-children', '2', '--format', 'json'],
      ['links', '--shared', '--as-of', '2026-02-10'],
    ]
    // an embedded data folder is opened by one process at a time
    const [after, shared] =
      target.name === 'postgres'
        ? await Promise.all(commands.map((c) => runCli(c, target.env)))
        : await commands.reduce(
            async (done, c) => [...(await done), await runCli(c, target.env)],
            Promise.resolve([] as Awaited<ReturnType<typeof runCli>>[]),
          )
    assert.equal(after.code, 0, after.stderr)
    const rows = JSON.parse(after.stdout)
    assert.equal(rows.length, 1)
    assert.ok(rows[0].members.some((m: { kind: string; key: string }) => m.kind === 'vehicle' && m.key === 'YR61KLM'))
    assert.equal(shared.stdout.split('\r\n')[0], 'kind,key,children_count,child_ids,agencies,first_linked_at')
    assert.match(shared.stdout, /vehicle,YR61KLM,2,\d+;\d+,health;police,2026-02-10T08:00:00\+00:00/)
  } finally {
    await target.cleanup()
  }
})
