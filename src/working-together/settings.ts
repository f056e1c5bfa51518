// The area's escalation protocol: the stages and their days are settings (../shared/domain/README.md,
// "Resolving professional disagreement"). THREADLINE_ESCALATION_DAYS lists each stage's working days,
// e.g. "2,5,2" (the last stage, the independent chair, has no deadline).
import { DEFAULT_PROTOCOL, protocolProblems, type EscalationProtocol } from './protocol.ts'

export function protocolFromSettings(days: string | undefined): EscalationProtocol {
  if (!days) return DEFAULT_PROTOCOL
  const values = days.split(',').map((d) => d.trim())
  const timed = DEFAULT_PROTOCOL.stages.filter((s) => s.workingDays !== null)
  if (values.length !== timed.length || values.some((v) => !/^\d+$/.test(v))) {
    throw new Error(
      `THREADLINE_ESCALATION_DAYS "${days}" must be ${timed.length} whole numbers of working days separated by commas, e.g. "2,5,2"`,
    )
  }
  const protocol = {
    stages: DEFAULT_PROTOCOL.stages.map((s, i) =>
      s.workingDays === null ? s : { ...s, workingDays: Number(values[i]) },
    ),
  }
  const problems = protocolProblems(protocol)
  if (problems.length) throw new Error(`THREADLINE_ESCALATION_DAYS: ${problems.join('; ')}`)
  return protocol
}

export const AREA_PROTOCOL = protocolFromSettings(process.env.THREADLINE_ESCALATION_DAYS)
