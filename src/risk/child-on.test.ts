// Who is a child on a day (area.ts isChildOn) does not depend on the order a person's records are read
// in. A child's records joined to an adult's (a wrong merge) gave the adult's date of birth when the
// adult's record came first, so the whole area listed the person as a child and the same person
// assessed alone (the maintained lists' path) did not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isChildOn } from './area.ts'

const on = new Date('2013-01-02T12:00:00Z')
const adult = { date_of_birth: '1983-06-01', is_child: null }
const child = { date_of_birth: '2007-03-14', is_child: null }

test('a person whose records give a child and an adult date of birth is a child, whichever is read first', () => {
  assert.deepEqual(isChildOn([adult, child], on), { child: true, dateOfBirth: '2007-03-14' })
  assert.deepEqual(isChildOn([child, adult], on), { child: true, dateOfBirth: '2007-03-14' })
})

test('an adult with no other record is not a child; a record flagged as a child is, in any order', () => {
  assert.deepEqual(isChildOn([adult], on), { child: false, dateOfBirth: '1983-06-01' })
  const flagged = { date_of_birth: null, is_child: true }
  assert.equal(isChildOn([adult, flagged], on).child, true)
  assert.equal(isChildOn([flagged, adult], on).child, true)
})
