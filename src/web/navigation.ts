// The main navigation: each capability adds its pages, each with the roles that may open them.
export interface NavigationItem {
  href: string
  text: string
  /** roles that see the link (any of them); the route itself checks again */
  roles: readonly string[]
  order: number
}

const items: NavigationItem[] = []

export function addNavigation(item: NavigationItem): void {
  if (!items.some((i) => i.href === item.href)) items.push(item)
  items.sort((a, b) => a.order - b.order)
}

export function navigationFor(user: { roles: readonly string[] } | null): NavigationItem[] {
  if (!user) return []
  return items.filter((i) => i.roles.some((r) => user.roles.includes(r)))
}
