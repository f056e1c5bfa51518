// The GOV.UK pagination component's parameters for page `current` of `pages`: the first, the last
// and two either side of the current page, with an ellipsis where pages are left out.
export interface Pagination {
  previous?: { href: string }
  next?: { href: string }
  items: ({ ellipsis: true } | { number: number; href: string; current: boolean })[]
}

export function pagination(current: number, pages: number, href: (page: number) => string): Pagination | null {
  if (pages <= 1) return null
  const shown = Array.from({ length: pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pages || Math.abs(n - current) <= 2,
  )
  return {
    previous: current > 1 ? { href: href(current - 1) } : undefined,
    next: current < pages ? { href: href(current + 1) } : undefined,
    items: shown.flatMap((n, i) => [
      ...(i > 0 && n - shown[i - 1] > 1 ? [{ ellipsis: true as const }] : []),
      { number: n, href: href(n), current: n === current },
    ]),
  }
}

/** A page number asked for in a query: a whole number from 1 to `last` (1 when it is not one). */
export function pageAsked(value: unknown, last = 1000): number {
  return Math.max(1, Math.min(last, Math.floor(Number(value)) || 1))
}
