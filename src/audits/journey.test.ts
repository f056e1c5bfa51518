// A case audit in real Chromium, JavaScript off, from its creation to its report, with axe-core
// (JavaScript on) on every page: the partnership's chair creates an audit and names the health
// auditor, the nurse sees by name the children health knew and sends a pre-filled return, the chair
// records the agreed grades for that child and the theme, reads the report and takes its CSV, and
// closes the audit; the chair never sees a child's name or a link to a record.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { TestClock } from '../testing/clock.ts'
import { importObjects, seedArea } from '../testing/seed.ts'
import { assertAccessible, signedInWindow, inChromium } from '../testing/browser.ts'
import { addAgency } from '../agencies/agencies.ts'
import {
  AuditCriteriaPage,
  AuditPage,
  AuditReportPage,
  AuditsPage,
  NewAuditPage,
  type GradesByHeading,
} from '../testing/pages/audit-pages.ts'
import { auditArea, FAMILY } from './test-fixtures.ts'

const clock = new TestClock('2026-07-01T12:00:00')

const GRADES: GradesByHeading = {
  'Recognition of need and risk': 'Requires improvement',
  Assessment: 'Inadequate',
  'Planning and intervention': 'Inadequate',
  'Joint working and information sharing': 'Requires improvement',
  "The child's voice": 'Inadequate',
  'Impact for the child': 'Good',
}

inChromium(
  'a case audit in Chromium',
  (served, backend) => {
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      await addAgency(db, { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' })
      await importObjects(db, auditArea(), new Date('2026-06-01T00:00:00Z'))
    })

    test('from creating an audit to its report; every page accessible', async () => {
      const { base, browser } = served()
      const chair = await signedInWindow(browser, base, 'chair@lscp.test', 'without JavaScript')
      const nurse = await signedInWindow(browser, base, 'nurse@health.test', 'without JavaScript')
      const chairChecks = await signedInWindow(browser, base, 'chair@lscp.test', 'for axe-core')
      const nurseChecks = await signedInWindow(browser, base, 'nurse@health.test', 'for axe-core')

      const programme = await new AuditsPage(chair, base).open()
      const form = await programme.createAudit()
      const refused = await form.save({
        theme: '',
        criteria: "No further action after another agency's concern",
        from: { day: '1', month: '4', year: '2026' },
        to: { day: '30', month: '4', year: '2026' },
        sampleSize: '12',
        stratifyBy: 'From all of them',
        seed: 'journey',
        closes: { day: '30', month: '9', year: '2026' },
      })
      assert.match(await refused.errorSummary(), /Enter the theme of the audit/)
      const audit = await new NewAuditPage(chair, base).save({
        theme: "NFA decisions after another agency's concern",
        criteria: "No further action after another agency's concern",
        from: { day: '1', month: '4', year: '2026' },
        to: { day: '30', month: '4', year: '2026' },
        sampleSize: '12',
        stratifyBy: 'From all of them',
        seed: 'journey',
        closes: { day: '30', month: '9', year: '2026' },
      })
      const id = audit.id()
      assert.ok(id > 0, `the audit's page: ${audit.address()}`)
      assert.equal(await audit.heading(), "NFA decisions after another agency's concern")
      assert.equal((await audit.children()).length, 12)
      const named = await audit.nameAuditor('nurse, Rochdale Health')
      assert.deepEqual(await named.auditors(), ['nurse, Rochdale Health'])
      assert.doesNotMatch(await named.text(), new RegExp(FAMILY))
      assert.ok(!(await named.links()).some((l) => /\/people\//.test(l)), 'no link to a record')

      // the nurse: the four children health knew, by name
      const nurseAudit = await new AuditPage(nurse, base).open(id)
      const mine = (await nurseAudit.children()).filter((c) => c.includes(FAMILY))
      assert.equal(mine.length, 4)
      const child = mine[0].split(':')[0]
      const ret = await nurseAudit.completeReturn(child)
      const known = await ret.knownAlready()
      assert.match(known, /What Threadline already knows/)
      assert.match(known, /Decision: no further action/)
      await assertAccessible(await new AuditPage(nurseChecks, base).open(id))
      await nurseChecks.goto(nurse.url())
      await assertAccessible(new AuditPage(nurseChecks, base))
      const back = await ret.save({
        answers: ['Late.', 'Not joined up.', 'No plan.', 'Not shared.', 'Not recorded.', 'Little.'],
        grades: GRADES,
        goodPractice: 'The school nurse saw her weekly.',
        shouldHaveHappened: 'A strategy discussion after the first concern.',
      })
      await back.expectAt(`/audits/${id}`)

      // the chair: the agreed grades for that child and the theme, then the report
      const chairAudit = await new AuditPage(chair, base).open(id)
      const agreement = await chairAudit.recordAgreement(child)
      assert.ok((await agreement.agencyGrades()).some((r) => r.includes('Rochdale Health') && r.includes('Inadequate')))
      assert.doesNotMatch(await agreement.text(), new RegExp(FAMILY))
      await chairChecks.goto(chair.url())
      await assertAccessible(new AuditPage(chairChecks, base))
      const afterChild = await agreement.save({ grades: GRADES, findings: `${child}: no one asked social care.` })
      const theme = await afterChild.recordThemeAgreement()
      const afterTheme = await theme.save({
        grades: GRADES,
        findings: 'Decisions are not discussed with the agency concerned.',
      })
      const report = await afterTheme.report()
      assert.match(await report.section(child), /Inadequate/)
      assert.match(await report.section(child), /no one asked social care/)
      assert.match(await report.text(), /Decisions are not discussed/)
      assert.doesNotMatch(await report.text(), new RegExp(`${FAMILY}|2011-05-05`))
      const csv = await report.csv()
      assert.match(csv, new RegExp(`${child},`))
      assert.doesNotMatch(csv, new RegExp(FAMILY))

      for (const opened of [
        () => new AuditsPage(chairChecks, base).open(),
        () => new NewAuditPage(chairChecks, base).open(),
        () => new AuditCriteriaPage(chairChecks, base).open(),
        () => new AuditCriteriaPage(chairChecks, base).open().then((p) => p.add('{ "name": 1 }')),
        () => new AuditPage(chairChecks, base).open(id),
        () => new AuditReportPage(chairChecks, base).open(id),
        () => new AuditsPage(nurseChecks, base).open(),
      ])
        await assertAccessible(await opened())

      const closed = await (await new AuditPage(chair, base).open(id)).close()
      assert.equal(await closed.status(), 'Closed')
      const nurseAfter = await new AuditPage(nurse, base).open(id)
      assert.doesNotMatch(await nurseAfter.text(), new RegExp(FAMILY), 'the grant ended with the audit')
    })
  },
  {
    clock,
    embeddedOnly: 'the journey runs once, on the embedded database; routes.test.ts checks the same pages on both',
  },
)
