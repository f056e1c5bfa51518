// The local escalation protocol, as settings. Default: the typical protocol in the domain notes
// (Lincolnshire): practitioner to practitioner within 2 working days; line managers or safeguarding
// leads within 5; senior officers within 2; then the partnership's independent chair.

export interface EscalationStage {
  stage: number
  /** Who owns the stage, as a role; storage maps it to a person for the challenge. */
  ownerRole: string
  label: string
  /** Working days the stage has before it moves up by itself; null for the last stage (no deadline). */
  workingDays: number | null
}

export interface EscalationProtocol {
  stages: EscalationStage[]
}

export const DEFAULT_PROTOCOL: EscalationProtocol = {
  stages: [
    { stage: 1, ownerRole: 'practitioner', label: 'practitioner to practitioner', workingDays: 2 },
    { stage: 2, ownerRole: 'line_manager', label: 'line managers or safeguarding leads', workingDays: 5 },
    { stage: 3, ownerRole: 'senior_officer', label: 'senior officers', workingDays: 2 },
    { stage: 4, ownerRole: 'independent_chair', label: "the partnership's independent chair", workingDays: null },
  ],
}

/** What is wrong with a protocol someone entered in the settings. */
export function protocolProblems(protocol: EscalationProtocol): string[] {
  const problems: string[] = []
  if (!protocol.stages.length) problems.push('a protocol needs at least one stage')
  protocol.stages.forEach((s, i) => {
    if (s.stage !== i + 1)
      problems.push(`stages must be numbered 1, 2, 3... in order (found ${s.stage} at position ${i + 1})`)
    if (!s.ownerRole.trim()) problems.push(`stage ${s.stage} needs an owner role`)
    if (s.workingDays !== null && (!Number.isInteger(s.workingDays) || s.workingDays < 1)) {
      problems.push(`stage ${s.stage}: working days must be a whole number of at least 1`)
    }
  })
  return problems
}
