// Tests that need something outside the repository (shared data, Chromium, a PostgreSQL server)
// skip with a loud notice on a developer's machine, and fail when CI is set.
export function missingPrerequisite(what: string): string | false {
  const message = `SKIPPED: ${what} is not available on this machine`
  if (process.env.CI) throw new Error(`${what} is required in CI but is not available`)
  process.stderr.write(`\n*** ${message} ***\n\n`)
  return message
}
