// The working-together pages, for browser tests: on a child's record the decisions (with the prompt to
// challenge one), challenges, meetings, supervision and tasks assigned; recording a decision, raising a
// challenge and moving it on, recording a meeting and supervision, assigning a task; a manager's
// morning page, the competency register and the partnership's figures on challenges.
import type { Locator } from 'playwright-core'
import { AppPage, PageAt } from './app-page.ts'
import { typeMoment, type TypedMoment } from './record-forms.ts'
import { RecordPart, sentToPart } from './record-parts.ts'

/** The list under a heading of a part or page (empty when the heading is not there). */
const listUnder = (within: Locator, heading: string): Promise<string[]> =>
  within.locator(`h3:text-is("${heading}") + ul > li`).allInnerTexts()

/** Working together, a part of a child's record: decisions, open challenges, meetings, overdue
 *  actions, supervision, the team around the child and tasks assigned without the required training. */
export class WorkingTogether extends RecordPart {
  private decisionRow(decision: RegExp) {
    return this.holder.locator('tbody tr', { hasText: decision })
  }

  /** What the page asks of the viewer about the decision whose row says `decision` (empty when nothing). */
  async promptOn(decision: RegExp): Promise<string> {
    const prompt = this.decisionRow(decision).locator('.govuk-warning-text')
    return (await prompt.count()) ? prompt.innerText() : ''
  }

  /** Follows "Challenge this decision" from the decision whose row says `decision`. */
  async challengeDecision(decision: RegExp): Promise<RaiseChallengePage> {
    await this.press(this.decisionRow(decision).getByRole('link', { name: 'Challenge this decision' }))
    const form = new RaiseChallengePage(this.page, this.base)
    await form.expectAt(`/people/${this.child}/challenges/new`)
    return form
  }

  /** Each allocated worker's supervision on this case: when last supervised, when next due. */
  supervision(): Promise<string[]> {
    return listUnder(this.holder, 'Supervision')
  }

  /** Tasks a manager assigned to someone without the required training, with the reason given. */
  assignedWithoutTraining(): Promise<string[]> {
    return listUnder(this.holder, 'Tasks assigned without the required training')
  }
}

/** What a decision recorded says: its kind (by code) and when it was made. */
export interface Decision {
  kind: string
  decided: TypedMoment
}

/** Recording a decision about a child (/people/:id/decisions/new). */
export class DecisionPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/decisions/new`)
  }

  /** Fills the form and presses "Record the decision"; the page that answers is the caller's to read. */
  async submit(decision: Decision): Promise<void> {
    await this.page.selectOption('#kind', decision.kind)
    await typeMoment(this.page, 'decided', decision.decided)
    await this.press(this.button('Record the decision'))
  }

  /** What a box holds now (what was typed is kept after a mistake). */
  value(field: 'kind' | 'decided-day' | 'decided-time' | 'rationale'): Promise<string> {
    return this.page.inputValue(`#${field}`)
  }
}

/** Raising a challenge of another agency's decision or inaction (/people/:id/challenges/new). */
export class RaiseChallengePage extends AppPage {
  /** Opens the form, challenging the decision with the record key `decision` (`cps:CD-1`) when given. */
  open(child: number, of: { decision?: string } = {}): Promise<this> {
    const query = of.decision ? `?decision=${encodeURIComponent(of.decision)}` : ''
    return this.goto(`/people/${child}/challenges/new${query}`)
  }

  /** Raises the challenge with what the practitioner disagrees with and why; gives the challenge. */
  async raise(challenge: { summary: string }): Promise<ChallengePage> {
    await this.page.fill('#summary', challenge.summary)
    await this.press(this.button('Raise the challenge'))
    return ChallengePage.shown(this)
  }
}

/** The value of a GOV.UK summary list's row whose key is `key`. */
const summaryValue = (within: AppPage, key: string): Promise<string> =>
  within.page.locator(`.govuk-summary-list__row:has(dt:text-is("${key}")) dd`).first().innerText()

/** A number at the end of the browser's path (`/challenges/12`), or a failure naming the page expected. */
function idShown(app: AppPage, under: string): number {
  const id = new RegExp(`^/${under}/(\\d+)$`).exec(app.path())?.[1]
  if (!id) throw new Error(`expected the browser at /${under}/:id, but it shows ${app.address()}`)
  return Number(id)
}

/** A challenge (/challenges/:id): its stage, owner and deadline, what was said, and the form to respond,
 *  move it up or resolve it. */
export class ChallengePage extends AppPage {
  /** The challenge the browser shows now. */
  static shown(app: AppPage): ChallengePage {
    idShown(app, 'challenges')
    return new ChallengePage(app.page, app.base)
  }

  get id(): number {
    return idShown(this, 'challenges')
  }

  async open(challenge: number): Promise<this> {
    return this.goto(`/challenges/${challenge}`)
  }

  /** The stage it is at ("1: practitioner to practitioner"). */
  stage(): Promise<string> {
    return summaryValue(this, 'Stage')
  }

  /** Open, or Resolved with the outcome. */
  status(): Promise<string> {
    return summaryValue(this, 'Status')
  }

  /** Records that it is resolved, with the outcome (by code) and what was agreed; the challenge answers. */
  async resolve(resolution: { outcome: string; note: string }): Promise<this> {
    const id = this.id
    await this.page.check('#kind-resolved')
    await this.page.selectOption('#outcome', resolution.outcome)
    await this.page.fill('#note', resolution.note)
    await this.press(this.button('Record'))
    await this.expectAt(`/challenges/${id}`)
    return this
  }
}

/** A meeting recorded: the agencies invited and present, what was shared and decided, its actions. */
export interface Meeting {
  heldOn: string
  /** the chair, by user id */
  chair: number
  invited: string[]
  present: string[]
  /** what each agency (by code) shared */
  shared: Record<string, string>
  decisions: string
  actions: { title: string; owner: number; due: string }[]
}

/** Recording a meeting about a child (/people/:id/meetings/new). */
export class RecordMeetingPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/meetings/new`)
  }

  /** Records the meeting; gives the meeting's page. */
  async record(meeting: Meeting): Promise<MeetingPage> {
    await this.page.fill('#held_on', meeting.heldOn)
    await this.page.selectOption('#chair_id', String(meeting.chair))
    for (const agency of meeting.invited) await this.page.check(`#invited-${agency}`)
    for (const agency of meeting.present) await this.page.check(`#present-${agency}`)
    for (const [agency, said] of Object.entries(meeting.shared)) await this.page.fill(`#information_${agency}`, said)
    await this.page.fill('#decisions', meeting.decisions)
    for (const [i, action] of meeting.actions.entries()) {
      await this.page.fill(`#action_title_${i + 1}`, action.title)
      await this.page.selectOption(`#action_owner_${i + 1}`, String(action.owner))
      await this.page.fill(`#action_due_${i + 1}`, action.due)
    }
    await this.press(this.button('Record the meeting'))
    idShown(this, 'meetings')
    return new MeetingPage(this.page, this.base)
  }
}

/** A meeting (/meetings/:id): who was there and who was not, what was shared, decisions, actions. */
export class MeetingPage extends AppPage {
  get id(): number {
    return idShown(this, 'meetings')
  }

  open(meeting: number): Promise<this> {
    return this.goto(`/meetings/${meeting}`)
  }

  /** The agencies invited that did not come. */
  invitedAndAbsent(): Promise<string> {
    return summaryValue(this, 'Invited and absent')
  }
}

/** Recording supervision on a child's case (/people/:id/supervision/new). */
export class RecordSupervisionPage extends AppPage {
  open(child: number): Promise<this> {
    return this.goto(`/people/${child}/supervision/new`)
  }

  /** Records supervision of `worker` (a user id); gives working together on the child's record. */
  async record(supervision: { worker: number; heldOn: string; reflection: string }): Promise<WorkingTogether> {
    await this.page.selectOption('#worker_id', String(supervision.worker))
    await this.page.fill('#held_on', supervision.heldOn)
    await this.page.fill('#reflection', supervision.reflection)
    await this.press(this.button('Record supervision'))
    return sentToPart(this, 'workingTogether', WorkingTogether)
  }
}

/** Assigning a task on a child's case to someone qualified for it, or by a manager's override. */
export class AssignTaskPage extends AppPage {
  /** Opens the page for the task (by its code, `evidential_interview_child_victim`). */
  open(child: number, task: string): Promise<this> {
    return this.goto(`/people/${child}/assign?task=${encodeURIComponent(task)}`)
  }

  /** The people offered as qualified for the task (none when no one is). */
  qualifiedPeople(): Promise<string[]> {
    return this.page.locator('#qualified_user_id option').allInnerTexts()
  }

  /** Assigns `worker` (a user id), who is not qualified, saying why; gives working together on the record. */
  async assignWithOverride(assignment: { worker: number; reason: string }): Promise<WorkingTogether> {
    await this.page.selectOption('#override_user_id', String(assignment.worker))
    await this.page.fill('#override_reason', assignment.reason)
    await this.press(this.button('Override and assign'))
    return sentToPart(this, 'workingTogether', WorkingTogether)
  }
}

/** A manager's morning page (/manager): challenges awaiting them, overdue actions, supervision due. */
export class ManagerMorningPage extends PageAt('/manager') {
  private overdueActionsTable(): Locator {
    return this.page.getByRole('table', { name: /^Overdue actions/ })
  }

  /** The overdue actions of the manager's team, by title. */
  overdueActions(): Promise<string[]> {
    return this.overdueActionsTable().locator('tbody tr td:nth-child(2)').allInnerTexts()
  }

  /** Opens an overdue action by its title. */
  async openOverdueAction(title: string): Promise<ActionPage> {
    await this.press(this.overdueActionsTable().getByRole('link', { name: title, exact: true }))
    idShown(this, 'actions')
    return new ActionPage(this.page, this.base)
  }
}

/** An action from a meeting or supervision (/actions/:id): its owner, when due, marking it done. */
export class ActionPage extends AppPage {}

/** The competency register (/competencies): who is trained for which tasks. */
export class CompetenciesPage extends PageAt('/competencies') {}

/** The partnership's figures on challenges (/partnership/challenges); no child is named. */
export class PartnershipChallengesPage extends PageAt('/partnership/challenges') {
  /** The outcomes of resolved challenges, each with how many: [outcome, number] as the table shows them. */
  async outcomes(): Promise<[string, string][]> {
    const rows = this.page.getByRole('table', { name: 'Outcomes of resolved challenges' }).locator('tbody tr')
    const cells = await Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()))
    return cells.map(([outcome, count]): [string, string] => [outcome, count])
  }
}
