// The area's escalation protocol: the stages and their days are settings (../shared/domain/README.md,
// "Resolving professional disagreement"). THREADLINE_ESCALATION_DAYS lists each timed stage's working
// days, e.g. "2,5,2" (the last stage, the independent chair, has no deadline); it is declared, with its
// bounds, in src/config/settings.ts and read at each use.
import { setting } from '../config/settings.ts'
import { DEFAULT_PROTOCOL, protocolProblems, type EscalationProtocol } from './protocol.ts'

/** The default protocol with each timed stage's working days replaced, in order. */
export function protocolFromDays(days: readonly number[]): EscalationProtocol {
  let timed = 0
  const protocol = {
    stages: DEFAULT_PROTOCOL.stages.map((s) =>
      s.workingDays === null ? s : { ...s, workingDays: days[timed++] ?? s.workingDays },
    ),
  }
  const problems = protocolProblems(protocol)
  if (problems.length) throw new Error(`THREADLINE_ESCALATION_DAYS: ${problems.join('; ')}`)
  return protocol
}

/** The protocol in force: throws ConfigError when THREADLINE_ESCALATION_DAYS is not as declared. */
export function areaProtocol(env: NodeJS.ProcessEnv = process.env): EscalationProtocol {
  return protocolFromDays(setting('escalationDays', env))
}
