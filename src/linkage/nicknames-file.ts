// Reads the given-name tables the product ships (src/linkage/data/, README.md there): the nickname
// list of carltonnorthern/nicknames (Apache-2.0, copied unchanged) and our own name variants
// (British short forms, and Arabic, South Asian, Irish, Scottish, Welsh, Eastern European and West
// African spellings and English forms), plus the British diminutives in nicknames.ts. Read from the
// repository, so a clone anywhere links the same; the only file access of the linkage engine.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { sourcePath } from '../config/paths.ts'
import { canonicalName } from './fields.ts'
import { BRITISH_DIMINUTIVES, nicknameTable, type NicknameRow, type NicknameTable } from './nicknames.ts'

/** The shipped nickname list (name1, relationship, name2). */
export const NICKNAMES_FILE = sourcePath('linkage', 'data', 'nicknames.csv')
/** Our own variants (name, kind, variant): kind is diminutive, transliteration or anglicised. */
export const NAME_VARIANTS_FILE = sourcePath('linkage', 'data', 'name-variants.csv')

/**
 * The nickname table: `file` in the nickname list's columns (default the shipped copy; null for
 * none), with our variants and the British diminutives added.
 */
export function loadNicknames(file: string | null = NICKNAMES_FILE): NicknameTable {
  const rows: NicknameRow[] = []
  if (file) for (const r of readCsv(file)) if (r.relationship === 'has_nickname') rows.push(row(r.name1, r.name2))
  rows.push(...nameVariants())
  return nicknameTable([...rows, ...BRITISH_DIMINUTIVES])
}

/** Our own variants file as rows: each variant joins its name's group. */
export function nameVariants(file: string = NAME_VARIANTS_FILE): NicknameRow[] {
  return readCsv(file).map((r) => row(r.name, r.variant))
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[]
}

// in the form names are compared in (lower case, accents dropped), so a table written "Siobhán" still matches
const row = (name: string, nickname: string): NicknameRow => ({
  name: canonicalName(name),
  nickname: canonicalName(nickname),
})
