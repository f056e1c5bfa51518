// Sorting and paging a list from its query string (`?sort=name&order=desc&page=2`), so every list page
// works without JavaScript: each sortable column's heading is a link (the other way round when it is the
// sort now) with its aria-sort, and the table also carries MOJ sortable-table markup, so with JavaScript
// the page shown sorts in place. An unknown sort key is no sort (the list's own order); a page number
// that is not one, or past the last, falls back to the first or the last page. The same shape as the
// MASH queue's triage (risk/mash-routes.ts: hrefWith, sortHeaders, `headers.KEY.href/ariaSort`).
import { pageAsked, pagination, type Pagination } from './pagination.ts'

export type Query = Record<string, string | undefined>
export type AriaSort = 'ascending' | 'descending' | 'none'

/** One sortable column: how two rows compare, and which way it runs first (ascending unless said). */
export interface SortColumn<T> {
  compare: (a: T, b: T) => number
  natural?: 'ascending' | 'descending'
}
export type SortColumns<T> = Record<string, SortColumn<T>>

export interface SortAsked {
  /** the column asked for, or null when none (or an unknown one) was asked */
  sort: string | null
  descending: boolean
}

export interface SortHeader {
  href: string
  ariaSort: AriaSort
}

export interface PageOf {
  page: number
  pages: number
  /** the place of the first row shown, from 1 (0 when there is none) */
  first: number
  /** the place of the last row shown */
  last: number
  total: number
  pagination: Pagination | null
}

/** The sort a query asks for, among `keys`; anything else is no sort. */
export function sortAsked(q: Query, keys: readonly string[]): SortAsked {
  const sort = q.sort && keys.includes(q.sort) ? q.sort : null
  return { sort, descending: sort !== null && q.order === 'desc' }
}

/** `path` with this list's query string, some values changed (empty ones left out). */
export function hrefWith(path: string, q: Query, changes: Query = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...q, ...changes })) if (v) params.set(k, v)
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

/**
 * Each sortable column's heading link and aria-sort. `prefix` keeps two lists on one page apart
 * (`prefix: 'users-'` reads and writes `users-sort`, `users-order`, `users-page`).
 */
export function sortHeaders(
  path: string,
  q: Query,
  natural: Record<string, 'ascending' | 'descending' | undefined>,
  asked: SortAsked,
  prefix = '',
): Record<string, SortHeader> {
  const flip = (d: 'ascending' | 'descending') => (d === 'ascending' ? 'descending' : 'ascending')
  const out: Record<string, SortHeader> = {}
  for (const key of Object.keys(natural)) {
    const first = natural[key] ?? 'ascending'
    const current = asked.sort === key
    out[key] = {
      href: hrefWith(path, q, {
        [`${prefix}sort`]: key,
        [`${prefix}order`]: current && !asked.descending ? 'desc' : '',
        [`${prefix}page`]: '',
      }),
      ariaSort: current ? (asked.descending ? flip(first) : first) : 'none',
    }
  }
  return out
}

/** Which page of `total` rows, `size` a page, a query asks for, and the GOV.UK pagination to the others. */
export function pageOf(path: string, q: Query, total: number, size: number, prefix = ''): PageOf {
  const pages = Math.max(1, Math.ceil(total / size))
  const page = pageAsked(q[`${prefix}page`], pages)
  const first = total === 0 ? 0 : (page - 1) * size + 1
  return {
    page,
    pages,
    first,
    last: Math.min(total, page * size),
    total,
    pagination: pagination(page, pages, (n) => hrefWith(path, q, { [`${prefix}page`]: n > 1 ? String(n) : '' })),
  }
}

export interface ListView<T> extends PageOf, SortAsked {
  rows: T[]
  headers: Record<string, SortHeader>
}

export interface ListOptions<T> {
  /** the list page's path, for its links */
  path: string
  columns: SortColumns<T>
  pageSize?: number
  /** the sort when none is asked for (the list's own order when there is none) */
  defaultSort?: { sort: string; descending?: boolean }
  prefix?: string
}

/** The page of `rows` a query asks for, sorted as it asks (stable: ties keep the list's own order). */
export function listView<T>(rows: readonly T[], q: Query, o: ListOptions<T>): ListView<T> {
  const prefix = o.prefix ?? ''
  const own: Query = { sort: q[`${prefix}sort`], order: q[`${prefix}order`] }
  const keys = Object.keys(o.columns)
  const askedNow = sortAsked(own, keys)
  const asked: SortAsked =
    askedNow.sort === null && o.defaultSort
      ? { sort: o.defaultSort.sort, descending: o.defaultSort.descending ?? false }
      : askedNow
  const column = asked.sort ? o.columns[asked.sort] : undefined
  const sorted = column
    ? rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => {
          const c = column.compare(a.row, b.row)
          const sign = (column.natural ?? 'ascending') === 'descending' ? -1 : 1
          return (asked.descending ? -sign : sign) * c || a.i - b.i
        })
        .map((x) => x.row)
    : [...rows]
  const size = o.pageSize ?? 25
  const paged = pageOf(o.path, q, sorted.length, size, prefix)
  const natural = Object.fromEntries(keys.map((k) => [k, o.columns[k].natural]))
  return {
    ...paged,
    ...asked,
    rows: sorted.slice((paged.page - 1) * size, paged.page * size),
    headers: sortHeaders(o.path, q, natural, asked, prefix),
  }
}

/** Compare two texts as a reader would (case and accents aside, numbers in order); empty ones last. */
export function byText<T>(of: (row: T) => string | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = of(a) ?? ''
    const y = of(b) ?? ''
    if (!x || !y) return x ? -1 : y ? 1 : 0
    return x.localeCompare(y, 'en-GB', { sensitivity: 'base', numeric: true })
  }
}

/** Compare two numbers or dates; missing ones last. */
export function byValue<T>(of: (row: T) => number | Date | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = of(a)
    const y = of(b)
    if (x == null || y == null) return x != null ? -1 : y != null ? 1 : 0
    return +x - +y
  }
}

/** What a list sorted and paged in SQL is asked for: the column (the list's own order when none), which way, which page. */
export interface PageQuery {
  sort: string | null
  /** the way the rows run, the column's natural way taken into account */
  descending: boolean
  page: number
  pageSize: number
}

/**
 * `listView` for a list sorted, filtered and paged where it is stored (a maintained list, in SQL): the
 * same query string, headings and counts, with `fetch` reading only the page asked and the number of rows.
 */
export async function pagedListView<T>(
  q: Query,
  o: {
    path: string
    columns: Record<string, { natural?: 'ascending' | 'descending' }>
    pageSize?: number
    prefix?: string
  },
  fetch: (asked: PageQuery) => Promise<{ rows: T[]; total: number }>,
): Promise<ListView<T>> {
  const prefix = o.prefix ?? ''
  const keys = Object.keys(o.columns)
  const asked = sortAsked({ sort: q[`${prefix}sort`], order: q[`${prefix}order`] }, keys)
  const size = o.pageSize ?? 25
  const descendingFirst = asked.sort !== null && o.columns[asked.sort].natural === 'descending'
  const { rows, total } = await fetch({
    sort: asked.sort,
    descending: descendingFirst !== asked.descending,
    page: pageAsked(q[`${prefix}page`]),
    pageSize: size,
  })
  const natural = Object.fromEntries(keys.map((k) => [k, o.columns[k].natural]))
  return {
    ...pageOf(o.path, q, total, size, prefix),
    ...asked,
    rows,
    headers: sortHeaders(o.path, q, natural, asked, prefix),
  }
}
