// The main navigation: each capability adds its pages, each with the roles that may open them and
// the section it belongs to. The primary navigation shows one entry a section, so that it fits one
// row on a laptop (issue 15); a section with more than one page for the user shows them in a
// sub-navigation above the page.
export type NavigationSectionName =
  'people' | 'risk' | 'missing' | 'working-together' | 'networks' | 'partnership' | 'administration'

/** The sections, in the order the primary navigation shows them, with their names there. */
const SECTIONS: readonly (readonly [NavigationSectionName, string])[] = [
  ['people', 'Find a person'],
  ['risk', 'Risk'],
  ['missing', 'Missing'],
  ['working-together', 'Working together'],
  ['networks', 'Networks'],
  ['partnership', 'Partnership'],
  ['administration', 'Administration'],
]

export interface NavigationItem {
  href: string
  text: string
  /** roles that see the link (any of them); the route itself checks again */
  roles: readonly string[]
  /** its place within its section */
  order: number
  section: NavigationSectionName
}

export interface NavigationLink {
  href: string
  text: string
  current: boolean
}

export interface NavigationSection extends NavigationLink {
  /** the section's pages this user may open, shown as its sub-navigation when there are two or more */
  pages: NavigationLink[]
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

/** Whether the page at `path` is `href` or one of the pages under it. */
const within = (path: string, href: string) => path === href || path.startsWith(`${href}/`)

/** The primary navigation's sections for this user, the one holding the page at `currentPath` marked current. */
export function navigationSections(
  user: { roles: readonly string[] } | null,
  currentPath: string,
): NavigationSection[] {
  const mine = navigationFor(user)
  const path = currentPath.split('?')[0]
  // the page's own entry is the longest that holds it (/partnership/language, not /partnership)
  const currentHref = mine.filter((i) => within(path, i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href
  return SECTIONS.flatMap(([name, text]) => {
    const pages = mine
      .filter((i) => i.section === name)
      .map((i) => ({ href: i.href, text: i.text, current: i.href === currentHref }))
    if (pages.length === 0) return []
    const only = pages.length === 1 ? pages[0] : null
    return [{ text: only?.text ?? text, href: pages[0].href, current: pages.some((p) => p.current), pages }]
  })
}
