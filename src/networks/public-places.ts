// Places that are where children are, not what a group has: a school, a hospital, a station. A group's
// girls are seen at their school gate and taken to A&E, so such a place can be tied only to a group's
// children and look, by its links alone, exactly like the group's flat. Its name tells them apart. Such a
// place is never a network's member; it stays a place of concern (places.ts) and a shared association.
// Parks, takeaways, hotels, taxi firms and flats are not here: those are where exploitation happens.
const PUBLIC_PLACE = new RegExp(
  [
    'school',
    'academy',
    'college',
    'primary',
    'nursery',
    'infants?',
    'juniors?',
    'sixth form',
    'pupil referral',
    'hospital',
    'infirmary',
    'a ?& ?e',
    'surgery',
    'medical centre',
    'health centre',
    'walk-in centre',
    'clinic',
    'police station',
    'bus station',
    'coach station',
    '(railway|train|rail) station',
    'interchange',
    'library',
    'leisure centre',
    'sports centre',
    'swimming (pool|baths)',
    'shopping centre',
    'job ?centre',
    'town hall',
    'civic centre',
    'council offices',
    'youth centre',
  ]
    .map((w) => `\\b${w}\\b`)
    .join('|'),
  'i',
)

export function isPublicPlaceName(name: string): boolean {
  return PUBLIC_PLACE.test(name)
}

/**
 * Location nodes ('location:OL113PX') that every agency naming them named as a public place. One name
 * that is not (a flat with the school's postcode) keeps the place a possible member.
 */
export function publicPlaces(named: Iterable<[node: string, name: string]>): Set<string> {
  const verdict = new Map<string, boolean>()
  for (const [node, name] of named) {
    if (!node.startsWith('location:') || !name.trim()) continue
    verdict.set(node, (verdict.get(node) ?? true) && isPublicPlaceName(name))
  }
  return new Set([...verdict].filter(([, pub]) => pub).map(([node]) => node))
}
