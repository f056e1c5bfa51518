// graphology and its algorithm packages are CommonJS; under NodeNext TypeScript sees their default
// export one level down from where Node puts it. One place to take them in with the right types.
import graphologyModule from 'graphology'
import louvainModule from 'graphology-communities-louvain'
import * as componentsModule from 'graphology-components'
import * as shortestPathModule from 'graphology-shortest-path'
import type { AbstractGraph, Attributes } from 'graphology-types'

type Interop<T> = T | { default: T }
const unwrap = <T>(m: Interop<T>): T => ((m as { default?: T }).default ?? m) as T

type GraphologyExports = typeof import('graphology')
const graphology = unwrap(graphologyModule as unknown as Interop<GraphologyExports>)
export const UndirectedGraph = graphology.UndirectedGraph
export type UndirectedGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> = AbstractGraph<N, E>
export const DirectedGraph = graphology.DirectedGraph
export type DirectedGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> = AbstractGraph<N, E>

type LouvainExports = typeof import('graphology-communities-louvain')
export const louvain = unwrap(louvainModule as unknown as Interop<LouvainExports['default']>)

type ComponentsExports = typeof import('graphology-components')
const components = unwrap(componentsModule as unknown as Interop<ComponentsExports>)
export const connectedComponents = components.connectedComponents
export const stronglyConnectedComponents = components.stronglyConnectedComponents

type ShortestPathExports = typeof import('graphology-shortest-path')
export const bidirectional = unwrap(shortestPathModule as unknown as Interop<ShortestPathExports>).bidirectional
