// The PostgreSQL wire protocol's framing, as far as a socket in front of PGlite needs it: a client's
// bytes cut into whole messages. The first message of a connection (the startup message, or a request
// to talk TLS or to cancel) has no type byte; every later one is a type byte and a length.
// (PostgreSQL's "Frontend/Backend Protocol: Message Flow" and "Message Formats".)

/** Startup codes of the requests that come before the startup message. */
const TLS_REQUEST = 80877103
const GSS_ENCRYPTION_REQUEST = 80877104
const CANCEL_REQUEST = 80877102

export type ClientMessage =
  /** TLS or GSS encryption asked for: answered "N" (not here), then the client sends its startup. */
  | { kind: 'encryption-request' }
  /** A request to cancel another connection's query: not supported, nothing to answer. */
  | { kind: 'cancel-request' }
  | { kind: 'startup'; bytes: Uint8Array }
  /** `type` is the message's type byte as a letter ("Q" a query, "X" the end of the connection). */
  | { kind: 'message'; type: string; bytes: Uint8Array }

export class WireMessages {
  private buffered: Buffer = Buffer.alloc(0)
  private started = false

  /** Adds what arrived; returns each message now whole, in order (a part stays for the next chunk). */
  push(chunk: Uint8Array): ClientMessage[] {
    this.buffered = this.buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffered, chunk])
    const messages: ClientMessage[] = []
    for (;;) {
      const message = this.next()
      if (!message) return messages
      messages.push(message)
    }
  }

  private next(): ClientMessage | null {
    const b = this.buffered
    if (!this.started) {
      if (b.length < 8) return null
      const length = b.readInt32BE(0)
      if (b.length < length) return null
      const code = b.readInt32BE(4)
      this.buffered = b.subarray(length)
      if (code === TLS_REQUEST || code === GSS_ENCRYPTION_REQUEST) return { kind: 'encryption-request' }
      if (code === CANCEL_REQUEST) return { kind: 'cancel-request' }
      this.started = true
      return { kind: 'startup', bytes: new Uint8Array(b.subarray(0, length)) }
    }
    if (b.length < 5) return null
    const length = 1 + b.readInt32BE(1)
    if (b.length < length) return null
    this.buffered = b.subarray(length)
    return { kind: 'message', type: String.fromCharCode(b[0]), bytes: new Uint8Array(b.subarray(0, length)) }
  }
}
