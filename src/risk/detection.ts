// How well early warning did on an area whose outcome is known: of the children later exploited, how
// many reached the band before their first exploitation event was recorded (and how long before), and
// how many never-exploited children were flagged at all.

export interface DetectionRow {
  /** When the first event showing exploitation was recorded; null for a child never exploited. */
  exploitedRecordedAt: number | null
  /** The first time, on what was recorded by then, the child reached the band (null: never). */
  firstFlaggedAt: number | null
}

export interface DetectionFigures {
  exploited: number
  detected: number
  detectionRate: number
  neverExploited: number
  falseFlags: number
  falseFlagRate: number
  /** Median days from first flagged to the first exploitation event being recorded, over detected children. */
  medianLeadDays: number | null
}

export function detectionFigures(rows: Iterable<DetectionRow>): DetectionFigures {
  let exploited = 0
  let never = 0
  let falseFlags = 0
  const leads: number[] = []
  for (const row of rows) {
    if (row.exploitedRecordedAt === null) {
      never++
      if (row.firstFlaggedAt !== null) falseFlags++
      continue
    }
    exploited++
    if (row.firstFlaggedAt !== null && row.firstFlaggedAt < row.exploitedRecordedAt) {
      leads.push((row.exploitedRecordedAt - row.firstFlaggedAt) / 86_400_000)
    }
  }
  leads.sort((a, b) => a - b)
  const mid = leads.length >> 1
  return {
    exploited,
    detected: leads.length,
    detectionRate: exploited ? leads.length / exploited : 0,
    neverExploited: never,
    falseFlags,
    falseFlagRate: never ? falseFlags / never : 0,
    medianLeadDays: leads.length ? (leads.length % 2 ? leads[mid] : (leads[mid - 1] + leads[mid]) / 2) : null,
  }
}
