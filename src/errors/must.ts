// A value the code knows is there (a row it has just written, a key it has just put in a map):
// `must(value, 'what')` hands it back typed as present, and when it is not there after all, stops
// with an error that names what was expected, where a non-null assertion (`value!`) would let
// `undefined` run on into a wrong answer. It is a fault in Threadline, not a refusal a person can act
// on, so it is a plain Error (a 500 on the web, a trace in the log), never a DomainError.

export class MissingValueError extends Error {
  override name = 'MissingValueError'
}

/** `value`, or an error naming `what` was expected when it is null or undefined. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new MissingValueError(`expected ${what}, found none`)
  return value
}

/** The value at `key` of a map the code filled itself. */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what = 'an entry'): V {
  const value = map.get(key)
  if (value === undefined) throw new MissingValueError(`expected ${what} for ${String(key)}, found none`)
  return value
}
