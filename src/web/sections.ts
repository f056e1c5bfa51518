// A page that other capabilities add sections to (the person page, the home page, the manager's
// morning page): each section names its template and loads its own data, or null to show nothing.
export interface Section<Context> {
  /** unique, used as the section's id */
  id: string
  /** a template in the capability's views/ folder */
  template: string
  /** sections are shown in this order, lowest first */
  order: number
  load(context: Context): Promise<Record<string, unknown> | null>
}

/**
 * The children the loaded sections name, for the page's audit entry ("who has viewed this child"): a
 * section that names children lists their ids in its data as `children`.
 */
export function childrenNamed(loaded: readonly Record<string, unknown>[]): number[] {
  const ids = new Set<number>()
  for (const data of loaded)
    if (Array.isArray(data.children))
      for (const id of data.children) if (Number.isInteger(Number(id))) ids.add(Number(id))
  return [...ids]
}

export function sectionRegistry<Context, S extends Section<Context> = Section<Context>>() {
  const sections: S[] = []
  return {
    register(section: S): void {
      if (!sections.some((s) => s.id === section.id)) sections.push(section)
      sections.sort((a, b) => a.order - b.order)
    },
    /**
     * The data of every section `which` keeps (all of them unless told), loaded side by side; sections
     * with nothing to show are left out. A section left out by `which` is not loaded at all.
     */
    async load(
      context: Context,
      which: (section: S) => boolean = () => true,
    ): Promise<{ id: string; template: string; order: number; data: Record<string, unknown> }[]> {
      const loaded = await Promise.all(
        sections
          .filter(which)
          .map(async (s) => ({ id: s.id, template: s.template, order: s.order, data: await s.load(context) })),
      )
      return loaded.filter((s): s is typeof s & { data: Record<string, unknown> } => s.data !== null)
    },
  }
}
