// Exploitation risk screening, early warning and unanswered concerns: pure functions over evidence.
export type { AgeRule, Band, Instrument, InstrumentDomain, InstrumentItem, RecencyWindow } from './instrument.ts'
export { serafCse } from './seraf-cse.ts'
export { validateInstrument } from './validate.ts'
export type { ValidationResult } from './validate.ts'
export { compile, latestBirthDay } from './compile.ts'
export type { CompiledInstrument } from './compile.ts'
export { DERIVED_ONLY_CODES, EVIDENCE_CODES, deriveEvidence, findHotspots, isAdultOn } from './evidence.ts'
export type { DerivationContext, Evidence, EvidenceBasis, EvidenceEvent } from './evidence.ts'
export { MULTI_AGENCY_DAYS, MULTI_AGENCY_MIN, inWindow, knownAt, score } from './score.ts'
export type { RiskScore, ScoreOptions, ScoredItem } from './score.ts'
export { makeTrajectory, trajectory } from './trajectory.ts'
export type { RiskState, Trajectory } from './trajectory.ts'
export { completeScreening, effectiveBand, effectiveTimeline, screeningDue } from './screening.ts'
export type {
  AddedItem,
  EffectiveBand,
  ItemDecision,
  Override,
  ScreenedItem,
  Screening,
  ScreeningInput,
  ScreeningResult,
} from './screening.ts'
export { alertHistory, alertsBetween } from './alerts.ts'
export type { AlertKind, RiskAlert } from './alerts.ts'
export { unanswered } from './unanswered.ts'
export type {
  BandStep,
  ConcernEvent,
  RecordRef,
  ResponseTrigger,
  UnansweredOptions,
  UnansweredStatus,
} from './unanswered.ts'
export { redactEvidence } from './redact.ts'
export type { EvidenceView } from './redact.ts'
export { assessChild } from './assess.ts'
export type { ChildRisk, ChildRiskInput, ChildRiskOptions } from './assess.ts'
export { detectionFigures } from './detection.ts'
export type { DetectionFigures, DetectionRow } from './detection.ts'
export { syntheticArea } from './synthetic.ts'
export type { SyntheticArea, SyntheticChild, SyntheticEvent, SyntheticOptions } from './synthetic.ts'
