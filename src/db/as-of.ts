// "As known at T": the one condition every read of versioned records uses (see 0001_core.ts).
import { sql, type RawBuilder } from 'kysely'

export function knownAt(alias: string, at: Date): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`)
  return sql<boolean>`(${col('recorded_at')} <= ${at} and (${col('superseded_at')} is null or ${col('superseded_at')} > ${at}) and not ${col('withdrawn')})`
}
