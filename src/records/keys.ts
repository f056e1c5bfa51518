// The one key of an agency record: its agency's code and its source id, written `agency:source_id`.
// Threadline names a record this way everywhere: linkage's ids, a person page's source_record, what an
// import touched, the MASH's pairs, CSV columns. Agency codes are lower-case letters, digits, - and _
// (agencies/agencies.ts), so the first colon splits a key; a source id may itself hold colons.

/** `agency:source_id` */
export const recordKey = (agency: string, sourceId: string): string => `${agency}:${sourceId}`

/** A key back into its agency and source id. */
export function splitRecordKey(key: string): { agency: string; sourceId: string } {
  const at = key.indexOf(':')
  return at < 0 ? { agency: key, sourceId: '' } : { agency: key.slice(0, at), sourceId: key.slice(at + 1) }
}

/** Keys as two parallel arrays (agencies, source ids), as SQL's unnest takes them. */
export function splitRecordKeys(keys: Iterable<string>): [string[], string[]] {
  const agencies: string[] = []
  const sources: string[] = []
  for (const key of keys) {
    const { agency, sourceId } = splitRecordKey(key)
    agencies.push(agency)
    sources.push(sourceId)
  }
  return [agencies, sources]
}
