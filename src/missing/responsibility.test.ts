import { test } from 'node:test'
import assert from 'node:assert/strict'
import { areaInterviewAgency, interviewResponsibility, onWorkList } from './responsibility.ts'
import type { InterviewRow } from './interviews.ts'

const row = (interviewAgency: string | null) =>
  ({
    interview: interviewAgency ? { agency: interviewAgency } : null,
    episode: { reports: [{ agency: 'police' }] },
  }) as unknown as Pick<InterviewRow, 'interview' | 'episode'>

test('an interview is the assigned worker’s agency’s, else the recorder’s, else the area’s, else the reporter’s', () => {
  assert.deepEqual(interviewResponsibility(row('charity'), { assignedAgency: 'csc', areaAgency: 'charity' }), {
    agency: 'csc',
    because: 'assigned',
  })
  assert.deepEqual(interviewResponsibility(row('charity'), { assignedAgency: null, areaAgency: 'csc' }), {
    agency: 'charity',
    because: 'recorded',
  })
  assert.deepEqual(interviewResponsibility(row(null), { assignedAgency: null, areaAgency: 'csc' }), {
    agency: 'csc',
    because: 'area',
  })
  assert.deepEqual(interviewResponsibility(row(null), { assignedAgency: null, areaAgency: null }), {
    agency: 'police',
    because: 'reported',
  })
})

test("the area's agency: the setting, else its children's social care, else none", () => {
  const agencies = [
    { code: 'police', kind: 'police' },
    { code: 'lbx', kind: 'childrens_social_care' },
    { code: 'csc', kind: 'childrens_social_care' },
  ]
  assert.equal(areaInterviewAgency('charity', agencies), 'charity')
  assert.equal(areaInterviewAgency(null, agencies), 'csc')
  assert.equal(areaInterviewAgency(null, [{ code: 'police', kind: 'police' }]), null)
})

test('a work list shows the agency’s interviews and those assigned to the person; the MASH every one', () => {
  const csc = { agency: 'csc', because: 'area' as const }
  assert.equal(onWorkList({ id: 1, agency: 'csc', roles: ['practitioner'] }, csc, null), true)
  assert.equal(onWorkList({ id: 2, agency: 'police', roles: ['manager'] }, csc, null), false)
  assert.equal(onWorkList({ id: 2, agency: 'police', roles: ['practitioner'] }, csc, 2), true)
  assert.equal(
    onWorkList({ id: 3, agency: 'csc', roles: ['mash'] }, { agency: 'police', because: 'assigned' }, 9),
    true,
  )
})
