// What the tests of the code's own shape share (routes hold no SQL, journeys find no element
// themselves): the source files under src/ that a rule covers, and the lines of a file that break it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourcePath } from '../config/paths.ts'

export const SRC = sourcePath()

/** Paths (relative to src/) of the files that `covered` keeps, sorted; it is given the path and a reader of the text. */
export const sourceFiles = (covered: (path: string, text: () => string) => boolean): string[] =>
  readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => covered(f, () => readFileSync(join(SRC, f), 'utf8')))
    .sort()

/** The lines of `text` that `rule` matches, as "file:line". */
export const linesMatching = (rule: RegExp, file: string, text: string): string[] =>
  text.split('\n').flatMap((line, n) => (rule.test(line) ? [`${file}:${n + 1}`] : []))

/** The lines that break `rule` in every one of `files`. */
export const breaches = (rule: RegExp, files: readonly string[]): string[] =>
  files.flatMap((f) => linesMatching(rule, f, readFileSync(join(SRC, f), 'utf8')))
