// Disjoint sets over string ids; the smaller id stands for its set, so results do not depend on order.
export class UnionFind {
  private parent = new Map<string, string>()
  find(x: string): string {
    let root = x
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up
    let cur = x
    for (let next = this.parent.get(cur); cur !== root && next !== undefined; next = this.parent.get(cur)) {
      this.parent.set(cur, root)
      cur = next
    }
    return root
  }
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
}
