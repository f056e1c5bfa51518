// Reads the shared nickname list (carltonnorthern/nicknames, Apache-2.0) into a NicknameTable,
// adding the British diminutives the list lacks. The only file access of the linkage engine.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { sharedDataFile } from '../config/shared-data.ts'
import { BRITISH_DIMINUTIVES, nicknameTable, type NicknameRow, type NicknameTable } from './nicknames.ts'

/** The nickname table from a file (default: shared/data/names/nicknames.csv); British additions only if absent. */
export function loadNicknames(file: string | null = sharedDataFile('names', 'nicknames.csv')): NicknameTable {
  const rows: NicknameRow[] = []
  if (file) {
    const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[]
    for (const r of records) if (r.relationship === 'has_nickname') rows.push({ name: r.name1, nickname: r.name2 })
  }
  return nicknameTable([...rows, ...BRITISH_DIMINUTIVES])
}
