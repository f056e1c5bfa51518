// Given-name diminutives as data: "Bob" is Robert, "Alfie" is Alfred. The table is built from rows
// (loaded elsewhere) so that the model stays free of I/O. Each formal name with its diminutives
// forms one group; two names are diminutives of each other when they share a group. Groups are not
// chained together: "Ron" belongs to Aaron and Ronald, but Aaron is not Ronald.

export interface NicknameRow {
  name: string
  nickname: string
}

export interface NicknameTable {
  /** canonical lower-case name → ids of the groups it belongs to */
  groups: Map<string, number[]>
}

/** British diminutives the (US-centred) shared list lacks. */
export const BRITISH_DIMINUTIVES: readonly NicknameRow[] = [
  ['alfred', 'alfie'],
  ['charlotte', 'lottie'],
  ['charlotte', 'charlie'],
  ['eleanor', 'ellie'],
  ['ellen', 'ellie'],
  ['amelia', 'millie'],
  ['camilla', 'millie'],
  ['evelyn', 'evie'],
  ['eve', 'evie'],
  ['karen', 'kaz'],
  ['gary', 'gaz'],
  ['barry', 'baz'],
  ['sharon', 'shaz'],
  ['darren', 'daz'],
  ['john', 'jack'],
  ['olivia', 'liv'],
  ['olivia', 'livvy'],
  ['isabella', 'izzy'],
  ['isabel', 'izzy'],
  ['isobel', 'izzy'],
  ['georgina', 'georgie'],
  ['georgia', 'georgie'],
  ['harriet', 'hattie'],
  ['theodore', 'theo'],
  ['frederick', 'freddie'],
  ['archibald', 'archie'],
  ['alexander', 'alfie'],
  ['natasha', 'tash'],
  ['natalie', 'nat'],
  ['jessica', 'jess'],
  ['rebecca', 'becky'],
  ['rebecca', 'becca'],
  ['kathryn', 'katie'],
  ['catherine', 'cath'],
  ['katherine', 'kate'],
  ['samantha', 'sam'],
  ['samuel', 'sam'],
  ['thomas', 'tom'],
  ['joseph', 'joe'],
  ['daniel', 'dan'],
  ['daniel', 'danny'],
  ['jacob', 'jake'],
  ['benjamin', 'ben'],
  ['william', 'will'],
  ['william', 'billy'],
  ['harry', 'haz'],
  ['henry', 'harry'],
  ['callum', 'cal'],
  ['connor', 'con'],
  ['kieran', 'kez'],
  ['kerry', 'kez'],
  ['leah', 'lea'],
  ['sophie', 'soph'],
  ['sophia', 'sophie'],
  ['abigail', 'abbie'],
  ['abigail', 'abi'],
  ['madison', 'maddie'],
  ['madeleine', 'maddie'],
  ['matilda', 'tilly'],
  ['matilda', 'tilda'],
  ['mohammed', 'mo'],
  ['muhammad', 'mo'],
  ['mohammed', 'muhammad'],
  ['mohammed', 'mohammad'],
].map(([name, nickname]) => ({ name, nickname }))

export function nicknameTable(rows: Iterable<NicknameRow>): NicknameTable {
  const groupOfFormal = new Map<string, number>()
  const groups = new Map<string, number[]>()
  const join = (name: string, group: number) => {
    const list = groups.get(name)
    if (!list) groups.set(name, [group])
    else if (!list.includes(group)) list.push(group)
  }
  for (const row of rows) {
    const formal = row.name.trim().toLowerCase()
    const nick = row.nickname.trim().toLowerCase()
    if (!formal || !nick) continue
    let group = groupOfFormal.get(formal)
    if (group === undefined) {
      group = groupOfFormal.size
      groupOfFormal.set(formal, group)
      join(formal, group)
    }
    join(nick, group)
  }
  for (const list of groups.values()) list.sort((a, b) => a - b)
  return { groups }
}

/** True when the two canonical names are diminutives of one formal name. */
export function areNicknames(table: NicknameTable, a: string, b: string): boolean {
  const ga = table.groups.get(a)
  const gb = table.groups.get(b)
  return !!ga && !!gb && sharesAny(ga, gb)
}

export function sharesAny(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true
    if (a[i] < b[j]) i++
    else j++
  }
  return false
}
