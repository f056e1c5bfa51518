// `next` after signing in: a path on this site, never another site however it is spelt.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { safeNext } from './next-path.ts'

test('a path on this site is kept, with its query', () => {
  for (const path of ['/people/12', '/people?q=amy%20smith', '/a', '/manager#unanswered', '/people/%41'])
    assert.equal(safeNext(path), path)
})

test('anything that could leave the site goes home instead', () => {
  for (const bad of [
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%2Fevil.example',
    '/%2F%2Fevil.example',
    '\\\\evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    '/%09/evil.example',
    '/',
    '',
    '%2F%2Fevil.example',
    '/%E0%A4%A',
    undefined,
    ['/people'],
    '/' + 'a'.repeat(2001),
  ])
    assert.equal(safeNext(bad), '/', String(bad))
})
