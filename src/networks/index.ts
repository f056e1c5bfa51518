// Link analysis: the POLE graph, its analytics, shared-association alerts and suggested networks.
export * from './types.ts'
export { nodeId, personNode, memberOf } from './nodes.ts'
export { buildGraph, LinkGraph, type NodeAttributes } from './graph.ts'
export {
  components,
  communities,
  shortestPath,
  type Communities,
  type ShortestPath,
  type PathStep,
} from './analytics.ts'
export { memberReach, type MemberReach } from './reach.ts'
export { sharedAssociations, type SharedAssociation, type SharedOptions } from './shared.ts'
export { suggestNetworks, type SuggestOptions } from './suggest.ts'
export { applyDecision, applyDecisions, isShareableBeyondMash } from './decision.ts'
export { linkRows, LINK_ROW_COLUMNS, type LinkRow } from './link-rows.ts'
export { networkRow, objectSourcesFromFacts, type NetworkRow, type SourceRecords } from './network-row.ts'
export { DEFAULT_ROLE_WEIGHTS, type RoleWeights } from './roles.ts'
export { DEFAULT_FAMILY_KINDS } from './families.ts'
export { DEFAULT_HUB_OPTIONS } from './hubs.ts'
export type { AnalysisOptions } from './context.ts'
export { linkFactsFromEvent, relationshipFromRecord, type PersonOf } from './from-records.ts'
export { relationshipLinks } from './context.ts'
