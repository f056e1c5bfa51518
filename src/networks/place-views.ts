// What the places pages show, worked out for the one asking and audited: the places of concern (for the
// MASH, the police and managers) with their plans, and one place with its links, children and plan.
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { notFound } from '../errors/domain-error.ts'
import { isMashOrPolice, mayPlan, mustSeePlaces } from './access.ts'
import type { Asking } from './asking.ts'
import { linkChart } from './chart.ts'
import { chartOnPage, childList, childrenOfRows, namedChildren } from './chart-view.ts'
import { loadAreaLinks } from './facts.ts'
import { readableLabeller, type Labeller } from './labels.ts'
import { placesOfConcern } from './places.ts'
import { placePlanTitles, planFor } from './plans-store.ts'
import { linkVisibility, reachesOf } from './viewer-reach.ts'

/** A place's wording for a heading: the places pages are about the place, so without a readable wording, its key. */
const placeLabel = (label: Labeller, key: string) => label.keyed(`location:${key}`).replace(/^location /, '')

/** The places of concern now, each with its plan's title; audited with the children linked to them. */
export async function placesPage(db: Db, { asker, actor, viewer }: Asking, at: Date) {
  mustSeePlaces(asker)
  const area = await loadAreaLinks(db, at)
  const places = placesOfConcern(area.facts, { population: area.population, asOf: at })
  const label = await readableLabeller(
    db,
    area,
    places.map((p) => `location:${p.key}`),
    at,
    viewer,
    new Map(),
  )
  const planOf = await placePlanTitles(db)
  const details = { shown: places.length, children: [...new Set(places.flatMap((p) => p.children.map(Number)))] }
  await audit(db, actor, { action: 'view_places', details }, at)
  return places.map((p) => ({ ...p, label: placeLabel(label, p.key), plan: planOf.get(p.key) ?? null }))
}

export type FoundPlace = Awaited<ReturnType<typeof placeFor>>

/** A place the asker may see: one linked to a child now, or one with a plan (404 otherwise). */
export async function placeFor(db: Db, { asker }: Asking, key: string, at: Date) {
  mustSeePlaces(asker)
  const area = await loadAreaLinks(db, at)
  const place = placesOfConcern(area.facts, { population: area.population, asOf: at, minChildren: 1 }).find(
    (p) => p.key === key,
  )
  const plan = await planFor(db, { kind: 'location', key }, at)
  if (!place && !plan) throw notFound('There is no such place of concern.')
  return { area, place, plan }
}

/** A place's page: its links, the children linked to it (named as the viewer may) and its plan; audited. */
export async function placePage(db: Db, { asker, actor, viewer }: Asking, key: string, found: FoundPlace, at: Date) {
  const { area, place, plan } = found
  const facts = area.facts.filter((f) => f.memberKind === 'location' && f.memberKey === key)
  const reaches = await reachesOf(db, viewer, [...new Set(facts.map((f) => Number(f.personEntityId)))], at)
  const label = await readableLabeller(
    db,
    area,
    [`location:${key}`, ...facts.map((f) => `person:${f.personEntityId}`)],
    at,
    viewer,
    reaches,
  )
  const chart = linkChart({
    facts,
    population: area.population,
    starts: [`location:${key}`],
    steps: 1,
    canSee: linkVisibility(viewer, reaches),
    label,
  })
  const children = childList(place?.children ?? [], isMashOrPolice(asker), reaches, label)
  const named = [...new Set([...namedChildren([children]), ...childrenOfRows(chart.rows)])]
  await audit(db, actor, { action: 'view_place', details: { place: key, children: named } }, at)
  return {
    key,
    label: placeLabel(label, key),
    place: place ?? null,
    plan,
    rows: chartOnPage(chart).rows,
    children,
    canPlan: mayPlan(asker),
  }
}
