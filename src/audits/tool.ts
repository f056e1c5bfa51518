// The single-agency audit tool: configuration, versioned like the risk instrument. Each version is kept
// as JSON (audit_tools, migration 0031); an audit names the version its agencies answer, and every
// agency's return records it. The headings and grades are Ofsted's words, which partnerships share.

export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const
export type Grade = (typeof GRADES)[number]

export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
}

export const isGrade = (value: string): value is Grade => (GRADES as readonly string[]).includes(value)

export interface ToolHeading {
  /** the key grades are stored under */
  id: string
  title: string
}

export interface ToolQuestion {
  id: string
  /** the heading it belongs to */
  heading: string
  text: string
}

export interface AuditTool {
  version: string
  headings: ToolHeading[]
  questions: ToolQuestion[]
}

/** The shipped tool, in use until an area adds its own version. */
export const AUDIT_TOOL_1_0: AuditTool = {
  version: '1.0.0',
  headings: [
    { id: 'recognition', title: 'Recognition of need and risk' },
    { id: 'assessment', title: 'Assessment' },
    { id: 'planning', title: 'Planning and intervention' },
    { id: 'joint_working', title: 'Joint working and information sharing' },
    { id: 'voice', title: "The child's voice" },
    { id: 'impact', title: 'Impact for the child' },
  ],
  questions: [
    {
      id: 'recognised_when',
      heading: 'recognition',
      text: 'When did your agency first recognise the risk, and was that soon enough?',
    },
    {
      id: 'assessment_quality',
      heading: 'assessment',
      text: 'Did the assessment take account of what other agencies knew?',
    },
    { id: 'plan_followed', heading: 'planning', text: 'Was there a plan, and was it followed and reviewed?' },
    {
      id: 'shared',
      heading: 'joint_working',
      text: 'Was information shared in time, and were other agencies challenged when needed?',
    },
    {
      id: 'heard',
      heading: 'voice',
      text: "Is the child's own account recorded in their words, and did it shape what was done?",
    },
    { id: 'difference', heading: 'impact', text: "What difference did your agency's work make for the child?" },
  ],
}

/** A stored definition read back: refused unless it has the shape of a tool. */
export function toolFrom(value: unknown): AuditTool {
  const t = value as Partial<AuditTool> | null
  if (!t || typeof t.version !== 'string' || !Array.isArray(t.headings) || !Array.isArray(t.questions))
    throw new Error('the stored audit tool is not a tool definition (version, headings, questions)')
  return t as AuditTool
}

/** Grades by heading from a form (`grade_<heading>`), with the heading of each missing or unknown one. */
export function gradesFrom(
  tool: AuditTool,
  read: (name: string) => string,
): { grades: Record<string, Grade>; missing: ToolHeading[] } {
  const grades: Record<string, Grade> = {}
  const missing: ToolHeading[] = []
  for (const h of tool.headings) {
    const value = read(`grade_${h.id}`)
    if (isGrade(value)) grades[h.id] = value
    else missing.push(h)
  }
  return { grades, missing }
}
