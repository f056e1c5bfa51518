// The framing of a client's bytes: whole messages only, in order, however the bytes arrive.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { WireMessages } from './wire-messages.ts'

function startup(): Buffer {
  const body = Buffer.from('user\0postgres\0database\0postgres\0\0')
  const head = Buffer.alloc(8)
  head.writeInt32BE(8 + body.length, 0)
  head.writeInt32BE(196608, 4) // protocol 3.0
  return Buffer.concat([head, body])
}

function request(code: number, length = 8): Buffer {
  const b = Buffer.alloc(length)
  b.writeInt32BE(length, 0)
  b.writeInt32BE(code, 4)
  return b
}

function query(text: string): Buffer {
  const body = Buffer.from(`${text}\0`)
  const head = Buffer.alloc(5)
  head.write('Q', 0)
  head.writeInt32BE(4 + body.length, 1)
  return Buffer.concat([head, body])
}

test('a TLS request, the startup message and queries come out whole and in order', () => {
  const bytes = Buffer.concat([request(80877103), startup(), query('select 1'), query('select 2')])
  const out = new WireMessages().push(bytes)
  assert.deepEqual(
    out.map((m) => (m.kind === 'message' ? `${m.kind}:${m.type}:${m.bytes.length}` : m.kind)),
    ['encryption-request', 'startup', `message:Q:${query('select 1').length}`, `message:Q:${query('select 2').length}`],
  )
  const last = out[3]
  assert.ok(last.kind === 'message')
  assert.deepEqual(Buffer.from(last.bytes), query('select 2'))
})

test('bytes that arrive a few at a time wait until their message is whole', () => {
  const bytes = Buffer.concat([startup(), query('select now()'), Buffer.from('X\0\0\0\x04', 'latin1')])
  const messages = new WireMessages()
  const seen: string[] = []
  for (let i = 0; i < bytes.length; i += 3) {
    for (const m of messages.push(bytes.subarray(i, i + 3))) seen.push(m.kind === 'message' ? m.type : m.kind)
  }
  assert.deepEqual(seen, ['startup', 'Q', 'X'])
})

test('a cancel request is told apart from a startup message, and a GSS request from TLS alike', () => {
  assert.deepEqual(
    new WireMessages().push(request(80877102, 16)).map((m) => m.kind),
    ['cancel-request'],
  )
  assert.deepEqual(
    new WireMessages().push(Buffer.concat([request(80877104), startup()])).map((m) => m.kind),
    ['encryption-request', 'startup'],
  )
})

test('nothing comes out of less than a message', () => {
  const messages = new WireMessages()
  assert.deepEqual(messages.push(startup().subarray(0, 7)), [])
  assert.deepEqual(
    messages.push(startup().subarray(7)).map((m) => m.kind),
    ['startup'],
  )
  assert.deepEqual(messages.push(query('select 1').subarray(0, 4)), [])
})
