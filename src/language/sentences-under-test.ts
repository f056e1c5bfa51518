// The check read on one sentence in a note about a child of 15 on the note's date: the assertions the
// language tests make of sentences written for them (harmful ones must be flagged, careful ones not).
import assert from 'node:assert/strict'
import { checkText } from './check.ts'

const CHILD = { childDob: '2010-03-01', date: '2025-06-01' } // 15 on the note's date

/** What the check finds in the sentence. */
export const findingsFor = (text: string) => checkText(text, CHILD)

/** The rules that flag the sentence, in the order the check gives them. */
export const rulesFor = (text: string): string[] => findingsFor(text).map((f) => f.rule)

export function harmful(text: string): void {
  assert.ok(rulesFor(text).length > 0, `should flag: "${text}"`)
}

export function careful(text: string): void {
  assert.deepEqual(rulesFor(text), [], `should not flag: "${text}"`)
}
