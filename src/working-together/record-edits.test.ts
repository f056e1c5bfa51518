// Editing what a practitioner wrote (issue 15, decision 0029): an edit is a new version with who and
// when, an as-of read before it shows what it said then, a save from a stale page is refused and
// changes nothing, and only the author or their manager may edit. The stores on both databases, then
// the pages as a browser posts them: the form's errors on the same page, the conflict page, the
// versions page, the audit rows, and a challenged decision keeping the challenged version in view.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'
import { decisionsAt, editDecision, recordDecision } from './store-decisions.ts'
import { challengesAt, editChallengeSummary, noteChallenge, raiseChallenge } from './store-challenges.ts'
import { actionsAt, editAction, editMeeting, meetingsAt, recordMeeting } from './store-meetings.ts'
import { RecordChanged, versionsOf } from '../edits/record-versions.ts'
import { mayEditRecord } from '../access/record-author.ts'

const T1 = new Date('2009-06-02T09:00:00Z')
const T2 = new Date('2009-06-03T09:00:00Z')
const T3 = new Date('2009-06-04T09:00:00Z')
const BETWEEN = new Date('2009-06-02T18:00:00Z')

const clock = new TestClock()

test('only the author, the manager named in their settings or a manager of their agency may edit', () => {
  const author = { id: 1, agency: 'csc', managerId: 9 }
  const user = (id: number, agency: string, ...roles: string[]) => ({ id, agency, roles })
  assert.ok(mayEditRecord(user(1, 'csc', 'practitioner'), author), 'the author')
  assert.ok(mayEditRecord(user(9, 'police', 'manager'), author), 'their named manager, wherever they work')
  assert.ok(mayEditRecord(user(5, 'csc', 'manager'), author), 'a manager in their agency')
  assert.ok(!mayEditRecord(user(2, 'csc', 'practitioner'), author), 'a colleague')
  assert.ok(!mayEditRecord(user(3, 'csc', 'mash'), author), 'the MASH')
  assert.ok(!mayEditRecord(user(4, 'police', 'manager'), author), "another agency's manager")
  assert.ok(!mayEditRecord(user(1, 'csc', 'practitioner'), null), 'a record with no known author')
})

forEachDatabase(
  'editing practitioners records',
  (backend) => {
    let area: WorkingArea
    let app: FastifyInstance
    const db = () => backend().database.db
    const decide = (rationale: string) =>
      recordDecision(
        db(),
        TEST_ACTOR,
        {
          childId: area.amy,
          agency: 'csc',
          kind: 'threshold_decision',
          outcome: 'early_help',
          rationale,
          decidedAt: new Date('2009-06-01T12:00:00Z'),
          decidedBy: area.users.socialWorker,
        },
        T1,
      ).then(Number)
    const decisionAt = async (id: number, at: Date) =>
      (await decisionsAt(db(), at, [area.amy])).find((d) => d.id === String(id))
    const edit = (id: number, seen: number, rationale: string, at = T2) =>
      editDecision(
        db(),
        TEST_ACTOR,
        { id, seen, by: area.users.cscManager },
        { outcome: 'child_in_need', rationale, decidedAt: new Date('2009-06-01T12:00:00Z') },
        at,
      )
    const audits = (action: string) =>
      db().selectFrom('audit_log').select(['details', 'entity_id']).where('action', '=', action).execute()

    before(async () => {
      area = await seedWorkingArea(db())
      app = await testApp(backend().database)
    })
    after(async () => {
      await app?.close()
    })

    test('a decision edited: a new version with who and when; as of before the edit, the old text', async () => {
      const id = await decide('She chose to go with them')
      assert.equal((await decisionAt(id, T1))?.version, 0)
      assert.equal(await edit(id, 0, 'She was taken by adults who exploit her'), 1)
      const before = await decisionAt(id, BETWEEN)
      assert.equal(before?.decision.rationale, 'She chose to go with them', 'as known before the edit')
      assert.equal(before?.decision.outcome, 'early_help')
      const after = await decisionAt(id, T3)
      assert.equal(after?.decision.rationale, 'She was taken by adults who exploit her')
      assert.equal(after?.decision.outcome, 'child_in_need')
      assert.equal(after?.version, 1)
      const versions = (await versionsOf(db(), 'decision', id))!
      assert.deepEqual(
        versions.map((v) => [v.number, v.writtenBy, v.recordedAt.toISOString(), v.supersededAt?.toISOString() ?? null]),
        [
          [1, area.users.socialWorker, T1.toISOString(), T2.toISOString()],
          [2, area.users.cscManager, T2.toISOString(), null],
        ],
      )
      assert.equal(versions[0].content.rationale, 'She chose to go with them')
      const audit = (await audits('edit_record')).filter((a) => (a.details as { record_id?: number }).record_id === id)
      assert.equal(audit.length, 1)
      assert.equal(audit[0].entity_id, area.amy)
    })

    test('a save from a stale version is refused and changes nothing; of two at once, one is saved', async () => {
      const id = await decide('First words')
      await edit(id, 0, 'Second words')
      await assert.rejects(edit(id, 0, 'Typed on a page opened before'), (error: unknown) => {
        assert.ok(error instanceof RecordChanged)
        assert.equal(error.current.content.rationale, 'Second words', 'what it says now, to show')
        assert.equal(error.current.writtenBy, area.users.cscManager)
        return true
      })
      assert.equal((await decisionAt(id, T3))?.decision.rationale, 'Second words')
      assert.equal((await versionsOf(db(), 'decision', id))!.length, 2)
      const results = await Promise.allSettled([edit(id, 1, 'One'), edit(id, 1, 'Other')])
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      assert.ok((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason instanceof RecordChanged)
      assert.equal((await versionsOf(db(), 'decision', id))!.length, 3)
    })

    test("a challenge's summary: a note raises the same version, so an edit from before it is refused", async () => {
      const id = await raiseChallenge(
        db(),
        TEST_ACTOR,
        {
          childId: area.amy,
          decisionId: 'cps:CD-1',
          raisedBy: area.users.officer,
          againstAgency: 'cps',
          subject: 'prosecutor_decision',
          summary: 'She put herself at risk',
        },
        T1,
      )
      await noteChallenge(db(), TEST_ACTOR, id, area.users.prosecutor, { kind: 'responded', note: 'Looking' }, T1, 0)
      const by = area.users.officer
      await assert.rejects(
        editChallengeSummary(db(), TEST_ACTOR, { id, seen: 0, by }, 'She was put at risk', T2),
        RecordChanged,
      )
      await editChallengeSummary(db(), TEST_ACTOR, { id, seen: 1, by }, 'She was put at risk', T2)
      const at = async (moment: Date) => (await challengesAt(db(), moment, { ids: [id] }))[0]
      assert.equal((await at(BETWEEN)).summary, 'She put herself at risk')
      assert.equal((await at(T3)).summary, 'She was put at risk')
      assert.equal((await at(T3)).version, 2)
    })

    test("a meeting's record and its action: what each agency shared, what was decided, what is to be done, as they were then", async () => {
      const id = await recordMeeting(
        db(),
        TEST_ACTOR,
        {
          childId: area.amy,
          type: 'strategy_discussion',
          heldAt: new Date('2009-06-02T08:00:00Z'),
          chairId: null,
          chair: 'A chair',
          invited: ['csc', 'police'],
          present: ['csc', 'police'],
          information: { police: 'She was found with an older boyfriend' },
          decisions: 'Section 47',
          actions: [{ title: 'Visit her', ownerId: area.users.socialWorker, dueDate: '2009-06-10' }],
          recordedBy: area.users.socialWorker,
        },
        T1,
      )
      const seen = (await meetingsAt(db(), T1, { ids: [id] }))[0].version
      await editMeeting(
        db(),
        TEST_ACTOR,
        { id, seen, by: area.users.socialWorker },
        { information: { police: 'She was found with a man of 24', csc: '' }, decisions: 'Section 47 enquiry' },
        T2,
      )
      const at = async (moment: Date) => (await meetingsAt(db(), moment, { ids: [id] }))[0]
      assert.deepEqual((await at(BETWEEN)).information, { police: 'She was found with an older boyfriend' })
      assert.equal((await at(BETWEEN)).decisions, 'Section 47')
      assert.deepEqual((await at(T3)).information, { police: 'She was found with a man of 24' })
      assert.equal((await at(T3)).decisions, 'Section 47 enquiry')
      // its action: who wrote it is the meeting's recorder; what it is and when it is due, as they were then
      const [action] = (await actionsAt(db(), T1, { childIds: [area.amy] })).filter((a) => a.meetingId === id)
      assert.equal(action.recordedBy, area.users.socialWorker)
      const change = { id: action.id, seen: action.version, by: area.users.cscManager }
      await assert.rejects(
        editAction(db(), TEST_ACTOR, change, { title: 'Visit her', dueDate: '2009-02-31' }, T2),
        /not a date/,
      )
      await editAction(db(), TEST_ACTOR, change, { title: 'Visit her at home', dueDate: '2009-06-08' }, T2)
      const actionAt = async (moment: Date) => (await actionsAt(db(), moment, { ids: [action.id] }))[0]
      assert.deepEqual(
        [(await actionAt(BETWEEN)).title, (await actionAt(BETWEEN)).dueDate],
        ['Visit her', '2009-06-10'],
      )
      assert.deepEqual([(await actionAt(T3)).title, (await actionAt(T3)).dueDate], ['Visit her at home', '2009-06-08'])
      const versions = (await versionsOf(db(), 'action', action.id))!
      assert.deepEqual(
        versions.map((v) => v.writtenBy),
        [area.users.socialWorker, area.users.cscManager],
      )
    })

    test('the pages: the link and the form for the author and their manager, errors on the page, 409 on a stale page', async () => {
      const as = async (who: keyof typeof AREA_EMAILS) => new Browser(app).signIn(AREA_EMAILS[who])
      clock.useMachineTime()
      const [sw, manager, mash] = [await as('socialWorker'), await as('cscManager'), await as('mash')]
      clock.set('2009-06-05T09:00:00')
      try {
        const id = await decide('QZX she chose to go')
        const panel = `/people/${area.amy}/working-together`
        const change = `href="/decisions/${id}/edit"`
        assert.ok((await sw.get(panel)).body.includes(change), 'the author is offered the change')
        assert.ok((await manager.get(panel)).body.includes(change), 'so is their manager')
        const mashPanel = (await mash.get(panel)).body
        assert.ok(!mashPanel.includes(change), 'a colleague is not')
        assert.ok(mashPanel.includes(`href="/decisions/${id}/versions"`), 'but may read the versions')
        assert.equal((await mash.get(`/decisions/${id}/edit`)).statusCode, 403)
        const form = (await sw.get(`/decisions/${id}/edit`)).body
        assert.match(form, /QZX she chose to go<\/textarea>/, 'the form holds what it says now')
        assert.match(form, /name="version" value="0"/)
        assert.match(form, /data-language-check/, 'checked as it is typed')
        const url = `/decisions/${id}/edit`
        const sent = {
          version: '0',
          outcome: 'child_in_need',
          'decided-day': '1',
          'decided-month': '6',
          'decided-year': '2009',
          'decided-time': '13:00',
          rationale: '',
        }
        const empty = await sw.post(url, sent, url)
        assert.equal(empty.statusCode, 400)
        assert.match(empty.body, /There is a problem/)
        assert.match(empty.body, /Give the rationale/)
        assert.equal(
          (await mash.post(url, { ...sent, rationale: 'Mine' }, `/decisions/${id}/versions`)).statusCode,
          403,
        )
        const fixed = await sw.post(url, { ...sent, rationale: 'QZX she was groomed' }, url)
        assert.equal(fixed.statusCode, 302)
        const stale = await manager.post(url, { ...sent, rationale: 'QZX typed meanwhile' }, panel)
        assert.equal(stale.statusCode, 409)
        assert.match(stale.body, /What it says now/)
        assert.match(stale.body, /QZX she was groomed/, 'what it says now')
        assert.match(stale.body, /QZX typed meanwhile<\/textarea>/, 'what they typed, kept')
        assert.match(stale.body, /name="version" value="1"/, 'saving again from here is knowing')
        assert.match(stale.body, /This decision changed after you opened it/)
        // a mistake answered on a page opened before the change keeps the version it was opened from
        const mistaken = await manager.post(url, sent, panel)
        assert.equal(mistaken.statusCode, 400)
        assert.match(mistaken.body, /name="version" value="0"/)
        assert.equal((await decisionAt(id, new Date()))?.decision.rationale, 'QZX she was groomed', 'nothing saved')
        const versions = (await mash.get(`/decisions/${id}/versions`)).body
        assert.match(
          versions,
          /Version 1[\s\S]*sw[\s\S]*QZX she chose to go[\s\S]*Version 2 \(now\)[\s\S]*QZX she was groomed/,
        )
        const seen = (await audits('view_record_versions')).map((a) => a.details as { record_id: number })
        assert.ok(
          seen.some((d) => d.record_id === id),
          'looking at the versions is audited',
        )
        assert.ok((await audits('view_record_edit_form')).length > 0, 'opening the form is audited')
      } finally {
        clock.useMachineTime()
      }
    })

    test('a meeting and an action: the change link for whoever recorded it, the form, the versions', async () => {
      clock.useMachineTime()
      const sw = await new Browser(app).signIn(AREA_EMAILS.socialWorker)
      const mash = await new Browser(app).signIn(AREA_EMAILS.mash)
      clock.set('2009-06-05T11:00:00')
      try {
        const [meeting] = (await meetingsAt(db(), new Date(), { childIds: [area.amy] })).filter(
          (m) => m.decisions === 'Section 47 enquiry',
        )
        const page = (await sw.get(`/meetings/${meeting.id}`)).body
        assert.ok(page.includes(`href="/meetings/${meeting.id}/edit"`))
        assert.ok(!(await mash.get(`/meetings/${meeting.id}`)).body.includes(`/meetings/${meeting.id}/edit`))
        const url = `/meetings/${meeting.id}/edit`
        const form = (await sw.get(url)).body
        assert.match(form, /She was found with a man of 24<\/textarea>/)
        const sent = { version: String(meeting.version), information_police: 'QZX-MEETING-EDIT', decisions: 'S47' }
        assert.equal((await sw.post(url, sent, url)).statusCode, 302)
        assert.equal((await sw.post(url, sent, url)).statusCode, 409, 'the same page sent again is stale')
        assert.match((await sw.get(`/meetings/${meeting.id}`)).body, /QZX-MEETING-EDIT/)
        assert.match(
          (await mash.get(`/meetings/${meeting.id}/versions`)).body,
          /Version 3 \(now\)[\s\S]*QZX-MEETING-EDIT/,
        )
        const [action] = (await actionsAt(db(), new Date(), { childIds: [area.amy] })).filter(
          (a) => a.meetingId === meeting.id,
        )
        const actionUrl = `/actions/${action.id}/edit`
        assert.ok((await sw.get(`/actions/${action.id}`)).body.includes(`href="${actionUrl}"`))
        const wrong = await sw.post(
          actionUrl,
          { version: String(action.version), title: '', due_date: '2009-13-01' },
          actionUrl,
        )
        assert.equal(wrong.statusCode, 400)
        assert.match(wrong.body, /say what is to be done/i)
        assert.match(wrong.body, /value="2009-13-01"/, 'what was typed, kept')
      } finally {
        clock.useMachineTime()
      }
    })

    test('a challenged decision keeps the challenged version in view beside any edit', async () => {
      const as = async (who: keyof typeof AREA_EMAILS) => new Browser(app).signIn(AREA_EMAILS[who])
      clock.useMachineTime()
      const [officer, sw] = [await as('officer'), await as('socialWorker')]
      clock.set('2009-06-05T10:00:00')
      try {
        const id = await decide('QZX-CHALLENGED the family is coping')
        const challenge = await raiseChallenge(
          db(),
          TEST_ACTOR,
          {
            childId: area.amy,
            decisionId: String(id),
            raisedBy: area.users.officer,
            againstAgency: 'csc',
            subject: 'police_social_care_disagreement',
            summary: 'She is at risk',
          },
          T2,
        )
        const page = () => officer.get(`/challenges/${challenge}`)
        assert.ok(!(await page()).body.includes('Challenged version'), 'nothing to show while it is unchanged')
        await edit(id, 0, 'QZX-EDITED after the challenge', T3)
        const body = (await page()).body
        assert.match(body, /Challenged version[\s\S]*QZX-CHALLENGED the family is coping/)
        assert.match(body, new RegExp(`href="/decisions/${id}/versions"`))
        // its author changes what the challenge says; the other agency does not
        assert.ok(body.includes(`href="/challenges/${challenge}/edit"`))
        assert.equal((await sw.get(`/challenges/${challenge}/edit`)).statusCode, 403)
      } finally {
        clock.useMachineTime()
      }
    })
  },
  { resetBetweenTests: false, clock },
)
