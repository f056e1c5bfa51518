// A small area for the audits' tests: twelve children known to the police and social care (four to
// health too), each with a concern from social care and then the police's decision of no further
// action in spring 2026 (two of them the prosecutor's instead), and six with a missing episode in May,
// found in an unknown adult's car, one interview held late and one never held. Names are fictional.
export const FAMILY = 'Wrenfield'
const GIVEN = ['Ada', 'Bree', 'Cara', 'Dot', 'Esme', 'Fern', 'Gwen', 'Hope', 'Iris', 'Jade', 'Kit', 'Lia']

const person = (agency: string, id: string, given: string) => ({
  type: 'person',
  agency,
  source_id: id,
  given_name: given,
  family_name: FAMILY,
  date_of_birth: '2011-05-05',
  recorded_at: '2026-01-02T09:00:00',
})
const event = (agency: string, id: string, kind: string, subject: string, at: string, extra = {}) => ({
  type: 'event',
  agency,
  source_id: id,
  kind,
  subject,
  occurred_at: at,
  recorded_at: at,
  ...extra,
})

export const AUDIT_CHILDREN = GIVEN.length

export function auditArea(): object[] {
  const out: object[] = []
  GIVEN.forEach((given, i) => {
    const n = i + 1
    const day = String(n + 1).padStart(2, '0')
    out.push(person('police', `AP-${n}`, given), person('csc', `AC-${n}`, given))
    if (n <= 4) out.push(person('health', `AH-${n}`, given))
    out.push(
      event('csc', `AS-${n}`, 'concern', `AC-${n}`, `2026-03-${day}T10:00:00`, { summary: 'Seen with older men' }),
    )
    if (n > 10) {
      out.push(person('cps', `AX-${n}`, given))
      out.push(
        event('cps', `AD-${n}`, 'charging_decision', `AX-${n}`, `2026-04-${day}T10:00:00`, {
          outcome: 'no_further_action',
        }),
      )
    } else
      out.push(
        event('police', `AN-${n}`, 'police_nfa', `AP-${n}`, `2026-04-${day}T10:00:00`, {
          outcome: 'no_further_action',
        }),
      )
    if (n <= 6) {
      out.push(
        event('police', `AM-${n}`, 'missing_episode', `AP-${n}`, `2026-05-${day}T20:00:00`, {
          ended_at: `2026-05-${day}T23:00:00`,
          indicators: ['vehicle_unknown_adults'],
          summary: 'Found in a car with unknown adults',
        }),
      )
      // the first child's interview held four days after the return; the second's never held
      if (n === 1)
        out.push(
          event('csc', 'AI-1', 'return_interview', 'AC-1', '2026-05-06T10:00:00', {
            episode: 'police:AM-1',
            status: 'done',
          }),
        )
    }
  })
  return out
}
