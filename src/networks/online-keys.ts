// An online identity is one however its letters are cased: the services agencies name (Snapchat,
// Instagram, TikTok, Discord) match handles without case, and agencies write them as they please
// ("Real_Kane12@snapchat", "real_kane12@snapchat"). Each is keyed by the spelling first recorded, so
// that the key is still a handle as an agency wrote it (docs/cli.md).

export interface WrittenHandle {
  key: string
  recordedAt: Date
}

/** Each handle's spelling (lower-cased) → the key it is known by: the first recorded, then the lowest. */
export function handleKeys(written: Iterable<WrittenHandle>): Map<string, string> {
  const first = new Map<string, WrittenHandle>()
  for (const w of written) {
    const seen = first.get(w.key.toLowerCase())
    if (!seen || w.recordedAt < seen.recordedAt || (+w.recordedAt === +seen.recordedAt && w.key < seen.key))
      first.set(w.key.toLowerCase(), w)
  }
  return new Map([...first].map(([lower, w]) => [lower, w.key]))
}
