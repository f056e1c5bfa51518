// Who may change what a practitioner wrote (issue 15, decisions 0029 and 0033): one rule for every
// kind of record, wherever it is kept (working together's decisions, challenges, meetings and actions;
// missing episodes and return interviews made on a page; risk screenings). Pure; authors are read by
// `recordAuthors` (access/users.ts).
import { doesCasework, hasRole } from '../vocabulary/roles.ts'

/** Who wrote a record first: the user, their agency and the manager named in their settings. */
export interface RecordAuthor {
  id: number
  agency: string
  managerId: number | null
}

/** The one asking to change it. */
export interface Editor {
  id: number
  roles: readonly string[]
  agency: string
}

/**
 * A record a practitioner wrote is changed by its author or their manager: the manager named in the
 * author's settings (wherever they work), or a manager with a casework role in the author's agency.
 * Anyone else who reads it reads its versions; they do not change it. A record with no known author
 * (an agency's imported record) is corrected by its agency's next version, not here.
 */
export const mayEditRecord = (user: Editor, author: RecordAuthor | null | undefined) =>
  author != null &&
  (author.id === user.id ||
    author.managerId === user.id ||
    (hasRole(user.roles, 'manager') && doesCasework(user.roles) && user.agency === author.agency))
