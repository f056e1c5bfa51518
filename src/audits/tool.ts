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

/** What is wrong with a definition offered as a new version, each problem a sentence; empty when none. */
export function toolProblems(value: unknown): string[] {
  const t = value as Partial<AuditTool> | null
  if (!t || typeof t !== 'object') return ['the tool must be a JSON object with version, headings and questions']
  const problems: string[] = []
  if (typeof t.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(t.version))
    problems.push('version must be three numbers, like "1.1.0"')
  const headings = Array.isArray(t.headings) ? t.headings : []
  if (headings.length === 0) problems.push('headings must be a list of at least one { id, title }')
  const ids = new Set<string>()
  headings.forEach((h, i) => {
    if (typeof h?.id !== 'string' || !/^[a-z][a-z_]{0,39}$/.test(h.id))
      problems.push(`heading ${i + 1}: id must be lower-case letters and underscores`)
    else if (ids.has(h.id)) problems.push(`heading ${i + 1}: id "${h.id}" is used twice`)
    else ids.add(h.id)
    if (typeof h?.title !== 'string' || !h.title.trim()) problems.push(`heading ${i + 1}: title is required`)
  })
  const questions = Array.isArray(t.questions) ? t.questions : []
  if (questions.length === 0) problems.push('questions must be a list of at least one { id, heading, text }')
  const asked = new Set<string>()
  questions.forEach((q, i) => {
    if (typeof q?.id !== 'string' || !/^[a-z][a-z_]{0,39}$/.test(q.id))
      problems.push(`question ${i + 1}: id must be lower-case letters and underscores`)
    else if (asked.has(q.id)) problems.push(`question ${i + 1}: id "${q.id}" is used twice`)
    else asked.add(q.id)
    if (typeof q?.heading !== 'string' || !ids.has(q.heading))
      problems.push(`question ${i + 1}: heading must be the id of one of the headings`)
    if (typeof q?.text !== 'string' || !q.text.trim()) problems.push(`question ${i + 1}: text is required`)
  })
  return problems
}

/** A stored definition read back: refused unless it has the shape of a tool. */
export function toolFrom(value: unknown): AuditTool {
  const problems = toolProblems(value)
  if (problems.length) throw new Error(`the stored audit tool is not a tool definition: ${problems.join('; ')}`)
  return value as AuditTool
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
