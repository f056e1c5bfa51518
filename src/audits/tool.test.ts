// The audit tool as configuration: the shipped version is a valid tool, and a version offered is refused
// with every problem named (version, headings, questions that name no heading, ids used twice).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AUDIT_TOOL_1_0, gradesFrom, toolProblems } from './tool.ts'

test('the shipped tool is valid: six headings, a question under each', () => {
  assert.deepEqual(toolProblems(AUDIT_TOOL_1_0), [])
  assert.deepEqual(
    AUDIT_TOOL_1_0.headings.map((h) => h.id),
    ['recognition', 'assessment', 'planning', 'joint_working', 'voice', 'impact'],
  )
})

test('a version offered is refused with each problem named', () => {
  assert.deepEqual(toolProblems(null), ['the tool must be a JSON object with version, headings and questions'])
  assert.deepEqual(
    toolProblems({
      version: '2',
      headings: [
        { id: 'voice', title: 'Voice' },
        { id: 'voice', title: 'Again' },
      ],
      questions: [{ id: 'q1', heading: 'impact', text: '' }],
    }),
    [
      'version must be three numbers, like "1.1.0"',
      'heading 2: id "voice" is used twice',
      'question 1: id must be lower-case letters and underscores',
      'question 1: heading must be the id of one of the headings',
      'question 1: text is required',
    ],
  )
})

test('grades are read for every heading, and a missing or unknown one named', () => {
  const form: Record<string, string> = { grade_recognition: 'good', grade_assessment: 'brilliant' }
  const { grades, missing } = gradesFrom(AUDIT_TOOL_1_0, (name) => form[name] ?? '')
  assert.deepEqual(grades, { recognition: 'good' })
  assert.deepEqual(
    missing.map((h) => h.id),
    ['assessment', 'planning', 'joint_working', 'voice', 'impact'],
  )
})
