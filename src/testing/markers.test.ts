// The marker test (issue 17): a unique marker in every text field of every kind held about one child
// (her agencies' person records, addresses, events and their free-text fields, places named in them,
// a relationship, a missing episode and its return interview, the Philomena profile, a strategy
// discussion with its information, decisions and action, a challenge and its notes, a decision
// recorded by hand, supervision notes and their action), then every GET route in Fastify's route
// table, ids substituted, requested as every role; any marker in a response that the visibility rules
// (access/visibility.ts and each capability's access.ts) say that role must not see fails the test.
// Only leaks are judged here: that each role sees what it should is each capability's own tests'.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { BACKENDS, type Backend } from './backends.ts'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { Browser, testApp, wordsOf } from './web.ts'
import { TestClock } from './clock.ts'
import { TEST_ACTOR } from './seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import {
  addressVisible,
  eventView,
  personRecordVisible,
  reachOf,
  type Reach,
  type Viewer,
} from '../access/visibility.ts'
import { seedWorkingArea, AREA_EMAILS } from './working-together-area.ts'
import { recordMeeting } from '../working-together/store-meetings.ts'
import { raiseChallenge, noteChallenge, editChallengeSummary } from '../working-together/store-challenges.ts'
import { recordDecision, editDecision } from '../working-together/store-decisions.ts'
import { recordSupervision } from '../working-together/store-supervision.ts'
import { actionView, challengeView, decisionView, meetingView, supervisionView } from '../working-together/access.ts'
import { saveProfile } from '../missing/store.ts'
import { mayViewProfile } from '../missing/access.ts'
import { networksArea, toNdjson } from '../networks/cli-fixture.ts'
import { networkCliRows, networksAt } from '../networks/analysis.ts'
import { recordDecision as decideNetwork } from '../networks/decisions-store.ts'
import { addAction, savePlan } from '../networks/plans-store.ts'
import { isMashOrPolice, networkVisible, placeVisible } from '../networks/access.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { addRecommendation, createReview } from '../reviews/store.ts'
import { addPlanAction } from '../reviews/store-actions.ts'
import { recordSelfAssessment } from '../reviews/store-self-assessments.ts'
import { mayReadPlan } from '../reviews/access.ts'
import { createAudit, saveAgreement, saveReturn } from '../audits/store.ts'
import { addAuditor, prefillFor } from '../audits/programme.ts'

type Who = keyof typeof AREA_EMAILS
interface Role {
  who: Who
  viewer: Viewer
  reach: Reach
  agencyKind: string | null
}
interface Marker {
  text: string
  what: string
  /** May this role see it, by the rules? */
  may: (r: Role) => boolean
  /** False for a field no page shows today (kept: a page that starts showing it is checked too). */
  shown: boolean
}

// Amy's records are of 2009, the networks area's of 2026: everything is read in March 2026, the
// working-together objects recorded the day before (held in 2009, their actions long overdue)
const AT = '2026-03-10T09:00:00'
let counter = 0
const markers: Marker[] = []
const mark = (what: string, may: (r: Role) => boolean, shown = true) => {
  const text = `MRK${++counter}Q`
  markers.push({ text, what, may, shown })
  return text
}
const eventMay = (agency: string, restricted: boolean) => (r: Role) =>
  eventView(r.viewer, r.reach, { agency, restricted }) === 'full'

// On PGlite only (CI's first run), not on the server too: about 750 requests as 12 roles take two
// minutes, and what is judged is the application's rules, which are the same on both databases (the
// queries behind every page run on both in each capability's own suites).
describe(
  'no marker where the rules say a role must not see it [pglite]',
  { skip: BACKENDS.includes('pglite') ? false : 'PGlite only: this run is on the PostgreSQL server' },
  () => {
    let database: Backend['database'] | null = null
    const backend = () => ({ name: 'pglite' as const, database: database! })
    let app: FastifyInstance
    let amy: number
    const urls: string[] = []
    const roles: Role[] = []
    const browsers = new Map<Who, Browser>()
    const seen = new Set<string>()
    // the app's clock: the machine's time while the area is made, then AT for the requests
    const clock = new TestClock()

    before(async () => {
      database = await openDatabase({ dataDir: 'memory://' })
      await migrate(database.db, database.schema)
      const { db } = backend().database
      const area = await seedWorkingArea(db)
      amy = area.amy
      const u = area.users
      const at = new Date('2026-03-09T12:00:00Z')

      // the other children and adults of the networks pages, and Amy at their bus station
      await importRecords(db, ndjsonLines(toNdjson(networksArea())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: at,
      })

      // Amy's records at each agency: every free-text field a marker
      const personMay = (agency: string) => (r: Role) => personRecordVisible(r.viewer, r.reach, { agency })
      const addressMay = (agency: string, confidential: boolean) => (r: Role) =>
        addressVisible(r.viewer, r.reach, { agency, confidential })
      const event = (agency: string, id: string, subject: string, kind: string, restricted: boolean, more = {}) => {
        const may = eventMay(agency, restricted)
        return {
          type: 'event',
          agency,
          source_id: id,
          kind,
          subject,
          occurred_at: '2009-07-01T10:00:00',
          summary: `Summary ${mark(`${agency} ${kind} summary`, may)}`,
          details: `She was putting herself at risk ${mark(`${agency} ${kind} details`, may)}`,
          rationale: mark(`${agency} ${kind} rationale`, may),
          recorded_by: mark(`${agency} ${kind} recorded_by`, may),
          ...(restricted ? { restricted: true } : {}),
          involves: [
            {
              location: { name: `Flat above ${mark(`${agency} ${kind} place name`, may)}`, postcode: 'OL16 1AA' },
              role: 'associate',
            },
          ],
          recorded_at: '2009-07-01T12:00:00',
          ...more,
        }
      }
      const lines = [
        {
          type: 'person',
          agency: 'police',
          source_id: 'P-1001',
          given_name: 'Amy',
          family_name: 'Smith',
          other_names: [mark('police other name', personMay('police'))],
          date_of_birth: '2007-03-14',
          nhs_number: '9434765919',
          address: { line1: mark('police address', addressMay('police', false)), postcode: 'OL11 1AA' },
          recorded_at: '2009-07-01T09:00:00',
        },
        {
          type: 'person',
          agency: 'csc',
          source_id: 'C-77',
          given_name: 'AMY',
          family_name: 'smith',
          other_names: [mark('csc other name', personMay('csc'))],
          date_of_birth: '2007-03-14',
          address: {
            line1: mark('csc confidential address', addressMay('csc', true)),
            town: 'Rochdale',
            postcode: 'OL11 2AB',
            confidential: true,
          },
          recorded_at: '2009-07-01T09:00:00',
        },
        {
          type: 'person',
          agency: 'health',
          source_id: 'H-5',
          given_name: 'Aimee',
          family_name: 'Smyth',
          other_names: [mark('health other name', personMay('health'))],
          date_of_birth: '2007-03-14',
          nhs_number: '9434765919',
          recorded_at: '2009-07-01T09:00:00',
        },
        event('police', 'MK-E1', 'P-1001', 'intelligence', true),
        event('police', 'MK-E2', 'P-1001', 'concern', false),
        event('csc', 'MK-E3', 'C-77', 'concern', false),
        event('health', 'MK-E4', 'H-5', 'sexual_health', true),
        event('health', 'MK-E5', 'H-5', 'health_attendance', false),
        event('cps', 'MK-E6', 'CPS-9', 'charging_decision', false, { outcome: 'no_further_action' }),
        event('police', 'MK-M1', 'P-1001', 'missing_episode', false, {
          occurred_at: '2009-07-02T22:00:00',
          ended_at: '2009-07-03T08:00:00',
          last_seen: mark('police missing last seen', eventMay('police', false)),
          risk_reviews: mark('police missing risk reviews', eventMay('police', false)),
        }),
        event('csc', 'MK-I1', 'C-77', 'return_interview', false, {
          occurred_at: '2009-07-04T10:00:00',
          episode: 'police:MK-M1',
          status: 'done',
          child_account: mark('csc interview child account', eventMay('csc', false), false),
          what_happened: mark('csc interview what happened', eventMay('csc', false), false),
          disclosures: mark('csc interview disclosures', eventMay('csc', false), false),
        }),
        {
          type: 'relationship',
          agency: 'police',
          source_id: 'MK-R1',
          from: 'P-1001',
          to: 'P-2001',
          kind: 'associate',
          note: mark('police relationship note', (r) => r.viewer.agency === 'police' || r.reach.level === 'full'),
          recorded_at: '2009-07-01T12:00:00',
        },
      ]
      const imported = await importRecords(db, ndjsonLines(lines.map((l) => JSON.stringify(l)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: at,
      })
      assert.equal(imported.rejected, 0, JSON.stringify(imported.rejects))

      const people = new Map(
        (await db.selectFrom('users').select(['id', 'agency_code', 'roles']).execute()).map((p) => [p.id, p]),
      )
      const agencyOf = (id: number) => people.get(id)!.agency_code
      // a strategy discussion chaired by the police, social care invited
      const strategy = {
        type: 'strategy_discussion',
        invited: ['csc'],
        chairId: u.officerManager,
        chairAgency: 'police',
        recordedBy: u.officerManager,
      }
      const meetingMay = (r: Role) => meetingView(r.viewer, r.reach, strategy) === 'full'
      await recordMeeting(
        db,
        TEST_ACTOR,
        {
          childId: amy,
          type: 'strategy_discussion',
          heldAt: new Date('2009-07-05T10:00:00Z'),
          chairId: u.officerManager,
          chair: 'manager@police.test',
          invited: ['csc'],
          present: ['csc'],
          information: {
            police: mark('meeting information (police)', meetingMay),
            csc: mark('meeting information (csc)', meetingMay),
          },
          decisions: mark('meeting decisions', meetingMay),
          actions: [
            {
              title: mark('meeting action', (r) => {
                const parent = meetingView(r.viewer, r.reach, strategy)
                return (
                  actionView(
                    r.viewer,
                    r.reach,
                    { owner: { id: u.officer }, ownerAgency: 'police', chairId: u.officerManager },
                    parent,
                  ) === 'full'
                )
              }),
              ownerId: u.officer,
              dueDate: '2009-07-30',
            },
          ],
          recordedBy: u.officerManager,
        },
        at,
      )
      // a challenge by the police of the prosecutor's decision, with a response
      const challengeMay = (r: Role) =>
        challengeView(r.viewer, r.reach, { raisedByAgency: 'police', againstAgency: 'cps' }) === 'full'
      const challenge = await raiseChallenge(
        db,
        TEST_ACTOR,
        {
          childId: amy,
          decisionId: 'cps:CD-1',
          raisedBy: u.officer,
          againstAgency: 'cps',
          subject: 'prosecutor_decision',
          summary: mark('challenge summary', challengeMay),
        },
        at,
      )
      await noteChallenge(
        db,
        TEST_ACTOR,
        challenge,
        u.prosecutor,
        { kind: 'responded', note: mark('challenge note', challengeMay) },
        at,
      )
      // its summary changed since: the earlier version is on its versions page (decision 0029)
      await editChallengeSummary(
        db,
        TEST_ACTOR,
        { id: challenge, seen: 1, by: u.officer },
        mark('challenge summary, changed', challengeMay),
        at,
      )
      // a decision the police recorded by hand, and changed since (both versions marked)
      const policeDecisionMay = (r: Role) =>
        decisionView(r.viewer, r.reach, { agency: 'police', sourceRecord: null, restricted: false }) === 'full'
      const decisionId = await recordDecision(
        db,
        TEST_ACTOR,
        {
          childId: amy,
          agency: 'police',
          kind: 'threshold_decision',
          outcome: 'no_further_action',
          rationale: mark('decision rationale (police)', policeDecisionMay),
          decidedAt: new Date('2009-07-06T10:00:00Z'),
          decidedBy: u.officer,
        },
        at,
      )
      await editDecision(
        db,
        TEST_ACTOR,
        { id: Number(decisionId), seen: 0, by: u.officer },
        {
          outcome: 'no_further_action',
          rationale: mark('decision rationale, changed (police)', policeDecisionMay),
          decidedAt: new Date('2009-07-06T10:00:00Z'),
        },
        at,
      )
      // supervision of the social worker by her manager, and of the officer by his
      for (const [worker, supervisor] of [
        [u.socialWorker, u.cscManager],
        [u.officer, u.officerManager],
      ]) {
        const facts = {
          workerId: worker,
          workerAgency: agencyOf(worker),
          supervisorId: supervisor,
          supervisorAgency: agencyOf(supervisor),
        }
        const may = (r: Role) => supervisionView(r.viewer, r.reach, facts) === 'full'
        await recordSupervision(
          db,
          TEST_ACTOR,
          {
            childId: amy,
            workerId: worker,
            supervisorId: supervisor,
            heldAt: new Date('2009-07-07T10:00:00Z'),
            reflection: mark(`supervision reflection (${facts.workerAgency})`, may),
            decisions: mark(`supervision decisions (${facts.workerAgency})`, may, false),
            actions: [
              {
                title: mark(
                  `supervision action (${facts.workerAgency})`,
                  (r) =>
                    actionView(
                      r.viewer,
                      r.reach,
                      { owner: { id: worker }, ownerAgency: facts.workerAgency, chairId: null },
                      may(r) ? 'full' : 'hidden',
                    ) === 'full',
                ),
                ownerId: worker,
                dueDate: '2009-07-30',
              },
            ],
          },
          at,
        )
      }
      // the Philomena profile, kept by social care (Amy is not missing at AT)
      const profileMay = (r: Role) =>
        mayViewProfile({
          roles: r.viewer.roles,
          reach: r.reach,
          viewerAgency: r.viewer.agency,
          viewerAgencyKind: r.agencyKind,
          profileAgency: 'csc',
          openEpisode: false,
        })
      const keeper = people.get(u.socialWorker)!
      await saveProfile(
        db,
        TEST_ACTOR,
        {
          id: keeper.id,
          email: AREA_EMAILS.socialWorker,
          name: 'sw',
          agency: keeper.agency_code,
          agencyName: "Children's Social Care",
          roles: keeper.roles,
          jobTitle: null,
          isDemo: false,
        } satisfies SignedInUser,
        amy,
        Object.fromEntries(
          ['description', 'friends', 'places', 'phones', 'medical', 'other'].map((f) => [
            f,
            mark(`profile ${f}`, profileMay),
          ]),
        ),
        null,
        null,
        at,
      )

      // a plan about the bus station (a place of concern) with an action, and a network confirmed with a
      // reason and given a plan of its own: the MASH, the police and managers see places; a confirmed
      // network shows to whoever sees one of its children in full
      const mash = people.get(u.mash)!
      const planner = {
        kind: 'user' as const,
        userId: mash.id,
        email: AREA_EMAILS.mash,
        name: 'mash',
        agency: mash.agency_code,
        roles: mash.roles,
      }
      const placeMay = (r: Role) => placeVisible({ roles: r.viewer.roles, agencyKind: r.agencyKind })
      const placePlan = await savePlan(
        db,
        planner,
        { kind: 'location', key: 'OL161AA' },
        { title: mark('place plan title', placeMay), plan: mark('place plan text', placeMay), conferenceAt: null },
        null,
        at,
      )
      await addAction(
        db,
        planner,
        placePlan,
        {
          title: mark('place plan action', placeMay),
          owner: mark('place plan action owner', placeMay),
          dueAt: new Date('2026-04-01T12:00:00Z'),
        },
        at,
      )
      const [network] = (await networksAt(db, { at })).networks
      assert.ok(network, 'the networks area holds a network')
      const networkMay = (r: Role) =>
        networkVisible({ roles: r.viewer.roles, agencyKind: r.agencyKind }, { ...network, status: 'confirmed' }, (c) =>
          Number(c) === amy ? r.reach.level === 'full' : reachOf(r.viewer, { allocated: false }).level === 'full',
        ) || isMashOrPolice({ roles: r.viewer.roles, agencyKind: r.agencyKind })
      await decideNetwork(
        db,
        planner,
        {
          networkId: network.id,
          outcome: 'confirmed',
          reason: mark('network decision reason', networkMay),
          members: network.members,
          children: network.children,
        },
        at,
      )
      await savePlan(
        db,
        planner,
        { kind: 'network', key: network.id },
        {
          title: mark('network plan title', networkMay),
          plan: mark('network plan text', networkMay),
          conferenceAt: null,
        },
        null,
        at,
      )

      // a learning review: its police plan and a police self-assessment's action, read by the
      // partnership and the police alone (reviews/access.ts mayReadPlan)
      const policePlan = (r: Role) =>
        mayReadPlan({ id: r.viewer.userId ?? 0, agency: r.viewer.agency, roles: r.viewer.roles }, 'police')
      const review = await createReview(
        db,
        TEST_ACTOR,
        u.partnership,
        { kind: 'rapid_review', title: 'Rapid review: Child Q', pseudonym: 'Child Q', incidentKnownOn: '2026-03-02' },
        at,
      )
      const recommendation = await addRecommendation(
        db,
        TEST_ACTOR,
        u.partnership,
        review,
        { text: 'Brief officers on exploitation', agencies: ['police'] },
        at,
      )
      await addPlanAction(
        db,
        TEST_ACTOR,
        u.officerManager,
        {
          for: { recommendationId: recommendation },
          agency: 'police',
          text: `Brief the unit ${mark('review action text', policePlan)}`,
          ownerId: u.officer,
          dueOn: '2026-03-05',
        },
        at,
      )
      const assessment = await recordSelfAssessment(
        db,
        TEST_ACTOR,
        u.officerManager,
        { kind: 'section_11', agency: 'police', period: '2026 to 2027', ratings: { training: 'partly_met' } },
        at,
      )
      await addPlanAction(
        db,
        TEST_ACTOR,
        u.officerManager,
        {
          for: { selfAssessmentId: assessment },
          agency: 'police',
          text: `Refresh training ${mark('self-assessment action text', policePlan)}`,
          ownerId: u.officer,
          dueOn: '2026-06-30',
        },
        at,
      )

      // a case audit of Amy with the nurse as its health auditor (a grant through the audit): her return
      // is the nurse's to read; the agreed findings the partnership's and the audit's auditors'
      const caseAudit = await createAudit(
        db,
        TEST_ACTOR,
        u.partnership,
        {
          theme: 'NFA after concern',
          criteria: 'nfa_after_concern',
          periodFrom: '2009-07-01',
          periodTo: '2009-07-31',
          sampleSize: 1,
          seed: 'markers',
          stratifyBy: 'none',
          toolVersion: '1.0.0',
          closesOn: '2026-12-31',
        },
        [{ childId: amy, stratum: '', agencies: ['csc', 'health', 'police'] }],
        at,
      )
      await addAuditor(db, TEST_ACTOR, caseAudit, u.nurse, u.partnership, at)
      const answer = (what: string) => mark(`case audit return ${what}`, (r) => r.who === 'nurse')
      await saveReturn(
        db,
        TEST_ACTOR,
        caseAudit,
        u.nurse,
        {
          position: 1,
          childId: amy,
          agency: 'health',
          toolVersion: '1.0.0',
          prefill: await prefillFor(db, amy, at),
          answers: Object.fromEntries(
            ['recognised_when', 'assessment_quality', 'plan_followed', 'shared', 'heard', 'difference'].map((q) => [
              q,
              answer(q),
            ]),
          ),
          grades: {
            recognition: 'good',
            assessment: 'good',
            planning: 'good',
            joint_working: 'good',
            voice: 'good',
            impact: 'good',
          },
          goodPractice: answer('good practice'),
          shouldHaveHappened: answer('what should have happened'),
        },
        at,
      )
      await saveAgreement(
        db,
        TEST_ACTOR,
        caseAudit,
        u.partnership,
        {
          position: 1,
          childId: amy,
          grades: {
            recognition: 'good',
            assessment: 'good',
            planning: 'good',
            joint_working: 'good',
            voice: 'good',
            impact: 'good',
          },
          findings: mark('case audit agreed findings', (r) => r.who === 'partnership' || r.who === 'nurse'),
        },
        at,
      )

      // who is asking: every role of the area, with their reach over Amy as the rules work it out
      const grants = new Map(
        (
          await db
            .selectFrom('access_grants')
            .select(['user_id', 'expires_at', 'audit_id'])
            .where('entity_id', '=', amy)
            .execute()
        ).map((g) => [g.user_id, { grantUntil: g.expires_at, grantAudit: g.audit_id }]),
      )
      const allocated = new Set(
        (await db.selectFrom('allocations').select('user_id').where('entity_id', '=', amy).execute()).map(
          (a) => a.user_id,
        ),
      )
      const kinds = new Map(
        (await db.selectFrom('agencies').select(['code', 'kind']).execute()).map((a) => [a.code, a.kind]),
      )
      for (const who of Object.keys(AREA_EMAILS) as Who[]) {
        const row = await db
          .selectFrom('users')
          .select(['id', 'agency_code', 'roles'])
          .where('email', '=', AREA_EMAILS[who])
          .executeTakeFirstOrThrow()
        const viewer: Viewer = { kind: 'user', userId: row.id, agency: row.agency_code, roles: row.roles }
        roles.push({
          who,
          viewer,
          reach: reachOf(viewer, { allocated: allocated.has(row.id), ...grants.get(row.id) }),
          agencyKind: kinds.get(row.agency_code) ?? null,
        })
      }

      app = await testApp(backend().database, {}, clock)
      // every GET route, its parameters filled with the objects planted above
      const ids = async (table: 'wt_meetings' | 'wt_actions' | 'wt_challenges' | 'wt_decisions') =>
        (await db.selectFrom(table).select('id').where('entity_id', '=', amy).execute()).map((r) => String(r.id))
      const values: Record<string, string[]> = {
        '/people/:id': [String(amy)],
        '/api/v1/children/:id': [String(amy)],
        '/mash/:id': [String(amy)],
        '/meetings/:id': await ids('wt_meetings'),
        '/actions/:id': await ids('wt_actions'),
        '/challenges/:id': await ids('wt_challenges'),
        '/decisions/:id': await ids('wt_decisions'),
        '/screenings/:id': (
          await db.selectFrom('risk_screenings').select('id').where('entity_id', '=', amy).execute()
        ).map((r) => String(r.id)),
        '/networks/:id': (await networkCliRows(db, { at })).map((n) => n.id),
        '/places/:key': ['OL161AA'],
        '/reviews/:id': [String(review)],
        '/plan-actions/:id': (await db.selectFrom('plan_actions').select('id').execute()).map((r) => String(r.id)),
        '/self-assessments/:id': [String(assessment)],
        '/audits/:id': [String(caseAudit)],
        '/linkage/review/:id': (
          await db.selectFrom('entity_links').select('entity_id').where('entity_id', '=', amy).limit(1).execute()
        ).map((r) => String(r.entity_id)),
      }
      // Fastify prints its route table as a tree: each line a segment, indented under its parent
      const table = app.printRoutes({ commonPrefix: false })
      const routes = new Set<string>()
      const stack: string[] = []
      for (const line of table.split('\n')) {
        const m = /^([│ ]*)(?:├── |└── )(\S*)(?: \(([^)]*)\))?$/.exec(line.trimEnd())
        if (!m) continue
        const depth = m[1].length / 4
        stack.length = depth
        stack.push(m[2])
        if (m[3]?.split(', ').includes('GET')) routes.add(stack.join('').replace(/\/\/+/g, '/'))
      }
      assert.ok(routes.size > 30, `the route table was read (${routes.size} GET routes):\n${table}`)
      for (const route of routes) {
        if (route.includes('*')) continue // static files
        if (!route.includes(':')) {
          urls.push(route)
          continue
        }
        const prefix = Object.keys(values)
          .filter((p) => route.startsWith(p) || route === p)
          .sort((a, b) => b.length - a.length)[0]
        assert.ok(prefix, `the marker test has no ids for ${route}: add them to its values`)
        for (const value of values[prefix]) urls.push(route.replace(/:[a-z_]+/, value))
      }
      // the variants a page takes in its query
      urls.push(
        `/people/${amy}?as_of=2009-07-20`,
        `/people/${amy}?as_of=2009-07-06`,
        ...['chronology', 'chronology.csv', 'chronology.pdf', 'risk', 'missing', 'working-together', 'records'].flatMap(
          (page) => [`/people/${amy}/${page}?as_of=2009-07-20`, `/people/${amy}/${page}?as_of=2009-07-06`],
        ),
        `/people/${amy}/chronology?view=all`,
        `/people/${amy}/links?steps=3`,
        `/people/${amy}/links.csv?steps=3`,
        `/people/${amy}/challenges/new?decision=police%3AMK-E6`,
        `/people/${amy}/challenges/new?decision=cps%3AMK-E6`,
        `/people/${amy}/missing/interview?episode=police%3AMK-M1`,
        `/people/${amy}/missing/episode?source=police%3AMK-M1`,
        '/people?q=Amy',
        '/people?q=Smith',
        '/api/v1/children?q=Amy',
        '/missing/interviews?all=1',
        `/api/v1/children/${amy}/chronology`,
        `/audits/${caseAudit}/children/1/return`,
        `/audits/${caseAudit}/discussion/1`,
        '/audits/' + String(caseAudit) + '/discussion/theme',
      )
      clock.set(AT)
      for (const role of roles) browsers.set(role.who, await new Browser(app).signIn(AREA_EMAILS[role.who]))
    })
    after(async () => {
      await app?.close()
      await database?.close()
    })

    test('every GET route as every role: no marker the rules withhold from that role', async (t) => {
      t.diagnostic(`${urls.length} URLs: ${[...new Set(urls)].join(' ')}`)
      const leaks: string[] = []
      let requests = 0
      for (const role of roles) {
        const browser = browsers.get(role.who)!
        for (const url of [...new Set(urls)]) {
          const res = await browser.get(url, url.startsWith('/api/') ? { accept: 'application/json' } : {})
          requests++
          assert.ok(res.statusCode < 500, `${role.who} GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`)
          const words = await wordsOf(res)
          for (const m of markers) {
            if (!words.includes(m.text)) continue
            seen.add(m.text)
            if (!m.may(role)) leaks.push(`${role.who} GET ${url}: ${m.what}`)
          }
        }
      }
      assert.ok(markers.length > 40, `${markers.length} markers planted`)
      assert.ok(requests > 300, `${requests} requests`)
      assert.deepEqual(leaks, [], `${leaks.length} leaks in ${requests} requests`)
    })

    test('the markers are there to be found: each is seen by some role on some page', () => {
      // a marker no one ever sees would let the test above pass without proving anything
      assert.deepEqual(
        markers.filter((m) => m.shown && !seen.has(m.text)).map((m) => m.what),
        [],
      )
    })
  },
)
