// One error type at the edge of the command line: a message a person can act on and an exit code
// (1 failed, 2 the command line was wrong). Anything else is a bug and is reported as one.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
  }
}
