// What a record's own words show of exploitation, read as a practitioner reads a chronology: a child
// "found in a car with an older male", "has a new phone and will not say where it came from", "returned
// intoxicated", "at an address not known to the family". Many agencies write these only in a summary
// or a note and send no indicator, so the instrument (from 1.2.0) reads them as evidence.
//
// The signs are the instrument's own (SERAF's significant and moderate indicators), described by what
// they mean in plain English, not by any one writer's phrasing. A sign that is negated ("no older males
// seen", "denies getting into cars") is not a sign. Who it is about matters: a lift from a parent or a
// present from a grandparent is not one. Two signs describe only a missing episode: where the child
// was found or had been (an address of concern, a hotel, another town) and a child who will not say
// where or with whom they were.

/** A sign found in a record's words, with the words that show it (shown to the practitioner). */
export interface WordSign {
  code: string
  words: string
}

/** Signs that only describe a missing episode (they make it a missing episode with signs of exploitation). */
export const MISSING_ONLY_SIGNS = ['place_of_concern', 'will_not_say'] as const

// Family, carers and professionals: someone who gives a child a lift or a present in the ordinary way.
const FAMILY =
  /\b(mum|mother|mom|dad|father|parents?|step-?(mum|dad|father|mother|brother|sister)|half-?(brother|sister)|carers?|foster|guardian|nan|nana|gran|granny|grandma|grandmother|grandad|grandfather|grandparents?|godmother|godfather|godparents?|aunt|auntie|aunty|uncle|sister|brother|siblings?|cousin|relatives?|relation|kin|family|social worker|staff|teacher|school|police|officers?|paramedics?|ambulance|escort|transport|keyworker|key worker|youth worker)\b/i

const VEHICLE = String.raw`(?:cars?|vehicles?|vans?|taxis?|cabs?|motor|4x4)`

/** A pattern of one sign. */
interface SignPattern {
  code: string
  re: RegExp
  /** The sign must not be about family or a professional (a lift from mum is not a sign). */
  notFamily?: boolean
  /** Holds only when this test on the match passes (an age read from the words). */
  when?: (m: RegExpExecArray) => boolean
}

const olderAge = (m: RegExpExecArray) => Number(m[1]) >= 20 && Number(m[1]) < 100

const PATTERNS: SignPattern[] = [
  // Getting into cars with unknown adults: a child in, into or collected by a vehicle, or given lifts.
  {
    code: 'vehicle_unknown_adults',
    re: new RegExp(
      String.raw`\b(?:get|gets|getting|got|seen|found|sat|sitting|sits|picked up|collected|dropped(?: off)?|driven|taken|leaving|left|waiting)\b[^.;!?]{0,30}?\b(?:in|into|by|from|in to)\s+(?:an?\s+|the\s+|his\s+|their\s+|unknown\s+|various\s+|different\s+|several\s+)?(?:[\w-]+\s+){0,2}?${VEHICLE}\b`,
      'i',
    ),
    notFamily: true,
  },
  {
    code: 'vehicle_unknown_adults',
    re: new RegExp(
      String.raw`\b${VEHICLE}\s+(?:driven by|belonging to|registered to|with\s+(?:an?\s+)?(?:older|adult|unknown))`,
      'i',
    ),
    notFamily: true,
  },
  {
    code: 'vehicle_unknown_adults',
    re: /\b(?:gave|gives|giving|given|offered|getting|gets|got|accepting|accepted|accepts)\s+(?:me|her|him|us|them)?\s*(?:a\s+)?(?:lifts?|rides?)\b/i,
    notFamily: true,
  },
  {
    code: 'vehicle_unknown_adults',
    re: /\b(?:picked|picks|picking|collected|collects|collecting)\s+(?:me|her|him|us|them)?\s*up\b|\b(?:picked|collected)\s+(?:up\s+)?(?:from\s+[^.;!?]{0,40}?\s+)?by\s+(?:an?\s+)?(?:older|adult|unknown|man|men|male|males|[A-Z][a-z]+)\b/,
    notFamily: true,
  },
  // Older "boyfriend" or older associates: adults by their words, or by the age the record gives them.
  {
    code: 'older_associates',
    re: /\b(?:older|adult|much older|grown|unknown|unidentified)\s+(?:males?|men|man|boyfriends?|girlfriends?|friends?|lads?|guys?|partners?|associates?|adults?|people|group|gentlem[ae]n)\b/i,
  },
  {
    code: 'older_associates',
    re: /\b(?:boyfriend|girlfriend|partner|friend|man|male|guy|lad|adult|he|him|his)\b[^.;!?]{0,40}?\b(?:aged|age|about|around|approximately|approx\.?|believed to be|thought to be|said to be|reported to be|who is|is)\s+(?:about\s+|around\s+)?(\d{2})\b/i,
    when: olderAge,
  },
  {
    code: 'older_associates',
    re: /\b(\d{2})[- ]?(?:year[- ]old|yr[- ]old|yo)\s+(?:man|male|boyfriend|girlfriend|partner|friend|guy|adult|taxi driver|driver|neighbour)\b/i,
    when: olderAge,
  },
  {
    code: 'older_associates',
    re: /\b(?:boyfriend|girlfriend|partner|friend|man|men|male|males|guy|guys)\b[^.;!?]{0,20}?\bin\s+(?:his|her|their)\s+(?:(?:early|mid|late)\s+)?(?:20s|30s|40s|50s|twenties|thirties|forties|fifties)\b/i,
  },
  // Gifts or money from unknown sources: unexplained possessions, new things, money, or items bought for the child.
  {
    code: 'gifts_money',
    re: /\b(?:gifts?|presents from|new\s+(?:i?phones?|mobiles?|mobile phones?|smartphones?|clothes|clothing|trainers|shoes|jewell?ery|handbags?|bags?|coats?|jackets?|watch|tablet|ipad|laptop|sim)|designer\s+\w+|expensive\s+(?:clothes|items|trainers|gifts|phone|jewell?ery|bags?|goods)|(?:unexplained|large amounts? of|unaccounted(?: for)?|wads? of|rolls? of)\s+(?:cash|money|items|possessions|gifts|goods))\b/i,
    notFamily: true,
  },
  {
    code: 'gifts_money',
    re: /\b(?:cash|£\s?\d+|\d+\s+pounds)\b/i,
    notFamily: true,
  },
  {
    code: 'gifts_money',
    re: /\b(?:can(?:not|'t|’t)|won(?:'|’)t|will not|would not|wouldn(?:'|’)t|refus(?:es|ed|ing) to|unable to|does not|doesn(?:'|’)t|did not|didn(?:'|’)t)\s+(?:say|explain|tell\s+\w+|account for)\s+(?:where|how|who)\b[^.;!?]{0,30}?\b(?:came from|come from|got (?:it|them|the \w+)|bought|paid for)\b/i,
  },
  {
    code: 'gifts_money',
    re: /\b(?:bought|buys|buying|gave|gives|giving|given|paid for|pays for)\s+(?:her|him|them|me)\s+(?:[\w-]+\s+(?:and\s+)?){0,2}?(?:phones?|clothes|trainers|jewell?ery|alcohol|vodka|spirits|drinks?|cigarettes|vapes?|drugs|cannabis|weed|food|takeaways?|money|cash|nails|bags?|gifts?|presents?|things)\b/i,
    notFamily: true,
  },
  {
    code: 'gifts_money',
    re: /\b(?:coming|came|comes|returning|returned|returns|arriving|arrived|arrives|turning up|turned up|turns up)\s+(?:back\s+|home\s+|in\s+)?with\s+(?:unexplained\s+|new\s+|expensive\s+)?(?:cigarettes|alcohol|vodka|vapes?|drugs|cannabis|money|cash|gifts?|presents?|clothes|trainers|jewell?ery|phones?|items|bags?)\b/i,
    notFamily: true,
  },
  // Unknown callers and concerning phone use.
  {
    code: 'unknown_callers',
    re: /\b(?:withheld\s+(?:numbers?|calls?)|(?:unknown|unidentified|private)\s+(?:numbers?|callers?)|(?:second|another|two|secret|extra|spare|burner|different)\s+(?:phones?|mobiles?|sims?|sim cards?)|phones?\s+(?:is\s+|was\s+)?(?:constantly|keeps|kept|always|continually|repeatedly|often)\s+(?:ringing|buzzing|going off)|secretive about (?:her|his|their) (?:phone|mobile|messages|social media|online))\b/i,
  },
  {
    code: 'unknown_callers',
    re: /\b(?:messages?|messaging|messaged|calls?|calling|called|contact(?:ed|ing|s)?|texts?|texting|texted|snapchats?|dms?)\b[^.;!?]{0,25}?\b(?:from|by|with|to)\s+(?:an?\s+|several\s+|various\s+|many\s+)?(?:older|adult|unknown|much older)\s+(?:men|males?|man|adults?|people|person|boys|lads)\b/i,
  },
  // Peers involved in exploitation.
  {
    code: 'peers_exploited',
    re: /\b(?:friends?|peers?|peer group|associates?|girls|boys|young people|children|classmates?)\b[^.;!?]{0,40}?\b(?:exploit\w*|cse|cce|groom\w*|trafficked|county lines)\b/i,
  },
  // Drink or drugs (returning intoxicated, or given them).
  {
    code: 'alcohol_misuse',
    re: /\b(?:intoxicated|drunk|under the influence|smell(?:ing|ed|s|t)?\s+(?:strongly\s+)?of\s+(?:alcohol|drink|booze)|given\s+(?:alcohol|drink|vodka|spirits)|plied with)\b/i,
  },
  {
    code: 'drug_misuse',
    re: /\b(?:smell(?:ing|ed|s|t)?\s+(?:strongly\s+)?of\s+(?:cannabis|weed)|given\s+(?:drugs|cannabis|weed|pills|cocaine|ketamine|mdma)|under the influence of drugs)\b/i,
  },
  // Unexplained injury.
  {
    code: 'unexplained_injury',
    re: /\b(?:unexplained|unexplainable|suspicious|non-accidental)\s+(?:injur\w+|bruis\w+|marks?|burns?|bite marks?)\b|\b(?:returned|came back|come back|found|arrived|turned up)\b[^.;!?]{0,30}?\b(?:injured|bruised|with (?:injuries|bruising|bruises|marks|cuts))\b/i,
  },
  // Staying out late.
  {
    code: 'staying_out_late',
    re: /\b(?:early hours|after midnight|middle of the night|out all night|overnight|out late|until late|stay(?:s|ed|ing)? out)\b|\b0[0-4][:.][0-5]\d\b|\b(?:[1-4]|0[1-4])(?:[:.][0-5]\d)?\s?am\b/i,
  },
  // Missing episode only: where the child was found or had been.
  {
    code: 'place_of_concern',
    re: /\b(?:address(?:es)?|house|flat|property|premises|place)\b[^.;!?]{0,25}?\b(?:not known to|unknown to|of concern|linked to|associated with|known to (?:the )?police|connected (?:to|with)|belonging to (?:an?\s+)?(?:adult|older|unknown|man))\b|\b(?:hotels?|b\s?&\s?b|guest\s?house|shisha|takeaway|flat above|an? flat|someone(?:'|’)?s flat|unknown (?:address|flat|house)|crack house|trap house|cuckoo\w*|another (?:town|city|area|county)|a different (?:town|city|area|county)|other (?:towns|cities|areas)|out of (?:the )?(?:area|town|county|force area)|travell?(?:ed|ing) (?:alone )?(?:by (?:train|bus|coach) )?to)\b/i,
  },
  {
    code: 'will_not_say',
    re: /\b(?:would not|wouldn(?:'|’)t|will not|won(?:'|’)t|refus(?:es|ed|ing) to|did not|didn(?:'|’)t|does not|doesn(?:'|’)t|unwilling to|not|declined to)\s+(?:say|tell\s+\w+|disclose|explain|give|saying|share)\b[^.;!?]{0,25}?\b(?:where|who|whom|whose|names?|surname|details|address)\b|\b(?:don(?:'|’)?t|do not|did not|didn(?:'|’)t) know (?:his|her|their|whose|the man(?:'|’)s|the driver(?:'|’)s) (?:name|surname|flat|house|address|it was)\b|\bdon(?:'|’)?t know whose\b|\bi(?:'|’)?m not saying\b/i,
  },
]

/**
 * Signs read from instrument 1.3.0 on (`readsExplanations`): how practitioners also write the same
 * indicators. A child arriving home in taxis nobody in the family pays for; money whose source nobody
 * knows; a child talking to adult men online; a child collected from school in the day by someone the
 * record does not name as family or staff.
 */
const PATTERNS_FROM_1_3: SignPattern[] = [
  {
    code: 'vehicle_unknown_adults',
    re: new RegExp(
      String.raw`\b(?:arriv(?:es|ed|ing)|com(?:es|ing)|came|return(?:s|ed|ing)|turn(?:s|ed|ing) up|dropped off)\s+(?:back\s+)?(?:home\s+)?(?:late\s+)?(?:in|by)\s+(?:an?\s+|the\s+)?${VEHICLE}\b`,
      'i',
    ),
    notFamily: true,
  },
  {
    code: 'vehicle_unknown_adults',
    re: /\b(?:being |been |is |was )?(?:collected|picked up)\s+(?:at|from|during)\s+(?:the\s+)?(?:school\s+)?(?:gates?|lunchtime|lunch|break ?time|the school day)\b/i,
    notFamily: true,
  },
  {
    code: 'gifts_money',
    re: /\b(?:(?:does not|doesn(?:'|’)t|do not|don(?:'|’)t|did not|didn(?:'|’)t|no one|nobody)(?:\s+(?!who\b)\w+){0,3}?\s+(?:know|knows|say|says)\s+who\s+(?:pays|paid|is paying|bought|buys|gave)|(?:paid for|bought|given)\s+by\s+(?:an?\s+)?(?:unknown|unidentified)\s+(?:person|people|adults?|m[ae]n|males?))\b/i,
  },
  {
    code: 'older_associates',
    re: /\b(?:talk(?:s|ed|ing)?|chat(?:s|ted|ting)?|speak(?:s|ing)?|spoke|messag(?:es|ed|ing)|in contact)\s+(?:to|with)\s+(?:older\s+|adult\s+|unknown\s+)?(?:men|males|adult men|adults)\b[^.;!?]{0,20}?\b(?:online|on\s+(?:snapchat|instagram|tiktok|whatsapp|facebook|social media|the internet|games?|x|telegram))\b/i,
  },
]

/**
 * Signs read from instrument 1.5.0 on (`readsPlainWording`, decision 0065): a cost paid by someone the
 * record does not name ("fare paid in advance by someone", "a ticket paid for by someone else"), and an
 * offence of possessing drugs, which is drug misuse whoever records it.
 */
const PATTERNS_FROM_1_5: SignPattern[] = [
  {
    code: 'gifts_money',
    re: /\b(?:paid|pre-?paid|bought|booked)(?:\s+for)?(?:\s+in advance|\s+up front|\s+upfront)?\s+by\s+(?:someone|somebody|an unknown|a stranger)(?:\s+else)?\b/i,
    notFamily: true,
  },
  {
    code: 'drug_misuse',
    re: /\b(?:possession|possessing|in possession)\s+of\s+(?:cannabis|weed|skunk|drugs|a controlled drug|controlled drugs|class [abc](?: drugs?)?|cocaine|crack|heroin|mdma|ecstasy|ketamine|spice)\b/i,
  },
]

/**
 * Signs read from instrument 1.6.0 on (`readsOlderPartners`, decision 0073): a partner or boyfriend the
 * record describes as older or as an adult ("Partner described as \"older\", no details given", "boyfriend
 * is an adult"), which is SERAF's older "boyfriend" in the words a sexual-health record uses. An age the
 * record gives the partner is read as before (20 or over).
 */
const PATTERNS_FROM_1_6: SignPattern[] = [
  {
    code: 'older_associates',
    re: /\b(?:partners?|boyfriends?|girlfriends?)\b[^.;!?]{0,25}?\b(?:described as|said to be|reported (?:as|to be)|believed to be|thought to be|who is|is|was)\s+["“‘']?(?:much\s+|a lot\s+|significantly\s+|considerably\s+)?(?:older|an? adult|a grown(?:[- ]up)? man)\b/i,
  },
]

/**
 * From 1.3.0 a record that explains a sign in its own words is read as a practitioner reads it: the adult
 * confirmed as family, a family friend or a known adult ("driver later confirmed as maternal uncle; mum
 * aware"), a possession's source confirmed by a parent or an employer ("mum confirms it was a birthday
 * present from grandparents", "paid for by dad"), or an enquiry that found no exploitation concern. What
 * the child alone says ("says it is from a cousin") is not an explanation: only a confirmation is.
 */
const TRUSTED_NOUNS = String.raw`(?:relatives?|family friends?|family members?|neighbours?|(?:football |sports |swimming )?coach(?:es)?|youth workers?|mentors?|employer|step-?(?:brother|sister|father|mother|dad|mum)|half-?(?:brother|sister)|uncle|aunt(?:ie|y)?|cousin|grand(?:father|mother|parents?|dad|ad)|brother|sister|father|mother|dad|mum|godparents?|godfather|godmother)`
const TRUSTED = String.raw`(?:(?:maternal|paternal|older|elder|her|his|their|a|an|the)\s+)*${TRUSTED_NOUNS}`
const EXPLANATIONS: RegExp[] = [
  // the adult named as family or a known adult by whoever checked
  new RegExp(
    String.raw`\b(?:driver|adult|man|male|woman|person|he|she|they)\b[^.;!?]{0,25}?\b(?:(?:later\s+)?(?:confirmed|identified|verified|established)\s+(?:as|to be)|is|was|were|are)\s+${TRUSTED}\b`,
    'i',
  ),
  // a parent aware of it, or confirming it
  /\b(?:mum|mother|dad|father|parents?|carers?|foster carers?)\s+(?:(?:is|are|was|were|fully)\s+)?(?:aware|confirm(?:s|ed)?|agreed|arranged)\b/i,
  // a source checked with an employer or a parent, or paid for by family
  new RegExp(String.raw`\b(?:confirmed|verified|checked)\s+(?:with|by)\s+${TRUSTED}\b`, 'i'),
  new RegExp(
    String.raw`\b(?:paid for|bought|given|a (?:birthday |christmas )?present)\s+(?:by|from)\s+${TRUSTED}\b`,
    'i',
  ),
  /\bfrom\s+(?:a|her|his|their)\s+(?:weekend|saturday|sunday|part-time|holiday|paper-round|summer)?\s*job\b/i,
  // transport or a purchase the carers arranged ("came back by taxi the home paid for")
  /\b(?:the (?:care |children(?:'|’)s )?home|staff|carers?|foster carers?|social workers?|the council|the school)\s+(?:paid|pays|arranged|arranges|booked|books|paid for)\b|\b(?:paid for|arranged|booked)\s+by\s+(?:the (?:care |children(?:'|’)s )?home|staff|carers?|foster carers?|social workers?|the council|the school)\b/i,
  // an enquiry that found no concern of exploitation
  /\bno\s+(?:exploitation|cse|cce|safeguarding)\s+concerns?\b/i,
]

/**
 * From 1.5.0 (decision 0065) the known adult as records also name them: through whose relative they are
 * ("the man is the child's uncle", "Jade's older cousin", "mum's partner"), a possessive before the
 * relationship as well as "her" or "his".
 */
const TRUSTED_FROM_1_5 = String.raw`(?:(?:maternal|paternal|older|elder|her|his|their|a|an|the)\s+|(?!(?:her|his|its)\b)[A-Za-z-]+(?:'|’)s\s+)*(?:(?:mum|mother|dad|father)(?:'|’)s\s+(?:partner|husband|wife)|${TRUSTED_NOUNS})`
const EXPLANATIONS_FROM_1_5: RegExp[] = [
  new RegExp(
    String.raw`\b(?:driver|adult|man|male|woman|person|he|she|they)\b[^.;!?]{0,25}?\b(?:(?:later\s+)?(?:confirmed|identified|verified|established)\s+(?:as|to be)|is|was|were|are)\s+${TRUSTED_FROM_1_5}\b`,
    'i',
  ),
]

/** A relationship only claimed, not confirmed by anyone who checked. */
const CLAIMED = /\b(?:says?|said|claims?|claimed|states?|stated|told|tells|insists?|insisted|believed|thought)\b/i

/**
 * The words by which a record explains the signs it shows (from instrument 1.3.0), or null. A negated
 * explanation ("mum not aware") explains nothing.
 */
export function explanationInWords(...texts: (string | null | undefined)[]): string | null {
  return explanation(texts, false)
}

/**
 * From 1.4.0 an enquiry's finding counts however it is worded: "no concerns of exploitation", "no
 * indicators of exploitation", "no evidence she is being exploited".
 */
const NO_CONCERN_FROM_1_4 =
  /\bno\s+(?:concerns?|indicators?|indication|evidence|signs?)\s+(?:of|about|regarding|for|that|(?:s?he|they)\s+(?:is|are|was|were)(?:\s+being)?)\s+(?:(?:child\s+)?(?:sexual(?:ly)?\s+|criminal(?:ly)?\s+)?exploit\w*|cse|cce)\b/i

/**
 * From 1.4.0, the other ways a record confirms a known adult: the adult named in a role the child has an
 * ordinary reason to be with (any sport's coach, an instructor, a tutor), a vetting check done, or the
 * arrangement agreed with the parents or carers ("lifts to training agreed with parents").
 */
const EXPLANATIONS_FROM_1_4: RegExp[] = [
  /\b(?:driver|adult|man|male|woman|person|he|she)\b[^.;!?]{0,25}?\b(?:is|was|are|were|confirmed as|identified as)\s+(?:her|his|their|a|an|the)\s+(?:[\w-]+\s+)?(?:coach|instructor|tutor|trainer|club leader|scout leader)\b/i,
  /\bDBS[- ]?(?:checked|cleared|check (?:done|completed))\b/i,
  /\b(?:agreed|arranged|approved|organised)\s+(?:with|by)\s+(?:her|his|their|the)?\s*(?:parents?|mum|mother|dad|father|carers?|foster carers?|family)\b/i,
  NO_CONCERN_FROM_1_4,
]

/** The words by which a record explains the signs it shows; `from14`: with 1.4.0's ways of writing a finding. */
export function explanation(
  texts: readonly (string | null | undefined)[],
  from14: boolean,
  from15 = false,
): string | null {
  const patterns = from14
    ? [...EXPLANATIONS, ...EXPLANATIONS_FROM_1_4, ...(from15 ? EXPLANATIONS_FROM_1_5 : [])]
    : EXPLANATIONS
  for (const text of texts) {
    if (typeof text !== 'string' || text.length < 4) continue
    for (const re of patterns) {
      const m = re.exec(text)
      if (!m) continue
      // Negated ("no relative"), or only claimed ("he says the driver is his cousin"): no explanation.
      if (negated(text, m.index) || CLAIMED.test(clausePrefix(text, m.index) + m[0])) continue
      return m[0].trim()
    }
  }
  return null
}

/**
 * A record's own finding that there is no concern of exploitation ("No concerns of exploitation. Found
 * alone."), from 1.4.0: such a missing record accounts for the episode, whatever the police grading.
 */
export function noConcernFound(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    if (typeof text !== 'string' || text.length < 4) continue
    for (const re of [EXPLANATIONS[EXPLANATIONS.length - 1], NO_CONCERN_FROM_1_4]) {
      const m = re.exec(text)
      if (m && !negated(text, m.index)) return m[0].trim()
    }
  }
  return null
}

/** Negation cues that, just before a sign in its clause, say it is absent ("no", "denies", "not seen with"). */
const NEGATION =
  /\b(?:no|not|never|nor|without|denies|denied|deny|denying|none|nobody|no one|ruled out|no evidence of|no concerns?(?: about| of| regarding)?|no sign of|no indication of|unlikely)\b/i

/** The words of a clause before `index`: back to a sentence or clause break, or "but"/"however". */
function clausePrefix(text: string, index: number): string {
  const before = text.slice(0, index)
  const cut = Math.max(
    before.lastIndexOf('.'),
    before.lastIndexOf(';'),
    before.lastIndexOf('!'),
    before.lastIndexOf('?'),
    before.lastIndexOf(':'),
    before.search(/\b(?:but|however|although|though)\b(?!.*\b(?:but|however|although|though)\b)/i),
  )
  return before.slice(cut + 1)
}

/** "Mother reports", "staff saw", "dad said": family or staff as the ones telling, not the ones doing. */
const REPORTER = new RegExp(
  FAMILY.source +
    String.raw`(?:\s+\w+)?\s+(?:reports?|reported|says?|said|saw|sees|seen|noticed|told|tells|states?|stated|informed|describes?|described|worried|concerned|called|rang|phoned|found|believes?|thinks?)\b`,
  'gi',
)

/**
 * Who a sign is about: its clause ("her mum picked her up", "a lift home from her uncle"), leaving out
 * whoever reports it ("Mother reports ...", "Staff saw ...").
 */
function around(text: string, index: number, length: number, from15 = false): string {
  const rest = text.slice(index + length)
  const end = rest.search(/[.;!?]/)
  const clause = `${clausePrefix(text, index)}${text.slice(index, index + length)}${end < 0 ? rest : rest.slice(0, end)}`
  const told = clause.replace(REPORTER, ' ')
  return from15 ? told.replace(UNABLE_TO_ACCOUNT, ' ') : told
}

/**
 * From 1.5.0: family or staff who cannot account for a sign ("new clothes the family cannot explain",
 * "parent did not know who booked it") are the ones asking, not the ones giving or driving.
 */
const UNABLE_TO_ACCOUNT = new RegExp(
  FAMILY.source +
    String.raw`(?:\s+\w+)?\s+(?:cannot|can(?:'|’)t|could not|couldn(?:'|’)t|(?:is|are|was|were) unable to|(?:do|does|did) not know|(?:don|doesn|didn)(?:'|’)t know|ha(?:s|ve|d) no idea)\b`,
  'gi',
)

function negated(text: string, index: number): boolean {
  // NegEx-style: a cue among the last five words of the clause before the sign.
  const words = clausePrefix(text, index).trim().split(/\s+/).slice(-5).join(' ')
  return NEGATION.test(words)
}

/** Every sign the texts show (each code once, with the first words that show it), as instrument 1.2.0 reads them. */
export function signsInWords(...texts: (string | null | undefined)[]): WordSign[] {
  return wordSigns(texts, false)
}

/**
 * Every sign the texts show; `from13`: with the ways of writing them read from instrument 1.3.0 on;
 * `from15`, `from16`: with those of 1.5.0 (plain wording) and 1.6.0 (older partners) as well.
 */
export function wordSigns(
  texts: readonly (string | null | undefined)[],
  from13: boolean,
  from15 = false,
  from16 = false,
): WordSign[] {
  const found: WordSign[] = []
  const patterns = from13
    ? [
        ...PATTERNS,
        ...PATTERNS_FROM_1_3,
        ...(from15 ? PATTERNS_FROM_1_5 : []),
        ...(from15 && from16 ? PATTERNS_FROM_1_6 : []),
      ]
    : PATTERNS
  for (const text of texts) {
    if (typeof text !== 'string' || text.length < 4) continue
    for (const p of patterns) {
      if (found.some((f) => f.code === p.code)) continue
      const re = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : p.re.flags + 'g')
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (p.when && !p.when(m)) continue
        if (p.code !== 'will_not_say' && negated(text, m.index)) continue
        if (p.notFamily && FAMILY.test(around(text, m.index, m[0].length, from15))) continue
        found.push({ code: p.code, words: m[0].trim() })
        break
      }
    }
  }
  return found
}

// Where a missing child was, when the record says it was family, friends or a known place, or why they
// went (a row at home, to see a parent, a missed bus): the child's whereabouts are accounted for.
const FAMILY_OR_FRIENDS = String.raw`(?:grand(?:mother|father|parents?|ma|pa|ad)|nan(?:a|na)?|gran(?:ny)?|mum|mother|mom|dad|father|parents?|step-?(?:mum|dad|mother|father)|aunt(?:ie|y)?|uncle|cousins?|sisters?|brothers?|siblings?|relatives?|family|birth family|godmother|godfather|neighbours?|friends?|mates?|sleepover|peers|boyfriend|girlfriend|partner|cinema|leisure centre|sports centre|youth club|library|football|park|shops?|supermarket)`
const KNOWN_PLACE: RegExp[] = [
  new RegExp(
    String.raw`\b(?:at|to|with|in|visiting|visited|see|seeing)\s+(?:(?:her|his|their|a|an|the|my|school|old|previous|best|close)\s+)*(?:[\w’']+(?:'s|’s)\s+)?${FAMILY_OR_FRIENDS}(?:'s|’s|s)?\b`,
    'i',
  ),
  /\b(?:found|returned|was|stayed|went|gone)\s+(?:back\s+)?(?:at\s+)?home\b/i,
  /\b(?:argument|arguing|row|rowing|fell out|falling out|dispute|disagreement)\b[^.;!?]{0,20}?\bwith\s+(?:her|his|their)?\s*(?:mum|mother|dad|father|step\w+|parents?|carers?|foster carers?|siblings?|brother|sister|family|staff)\b/i,
  /\b(?:to see|went to see|visit|visits|visiting|visited|wanted to see)\s+(?:her|his|their)?\s*(?:mum|mother|dad|father|family|birth family|nan|gran|grandparents?|grandmother|grandfather|siblings?|brother|sister|friends?)\b/i,
  /\b(?:missed (?:the |a |her |his |their )?(?:last )?(?:bus|train|tram)|after curfew|late back|back late|returned late|sleepover)\b/i,
  /\b(?:wander(?:ed|ing|s)? (?:off|away|out)|found (?:nearby|close to home|near (?:her|his|their|the) (?:home|house|school|placement)))\b/i,
]

/**
 * The words that say where a missing child was, or why they went, when it is family, friends or a known
 * place ("found at grandmother's house", "stayed at a friend's", "after an argument with mother"). Null
 * when the words do not say so. Signs of exploitation outweigh it (the caller checks them first).
 */
export function knownPlaceInWords(...texts: (string | null | undefined)[]): string | null {
  return knownPlace(texts, false)
}

// From 1.3.0: a parent's or relative's home described as the family describe it ("her separated father's
// address", "birth mum's flat"), and a child found alone at a familiar place (watching the trains).
const KNOWN_PLACE_FROM_1_3: RegExp[] = [
  new RegExp(
    String.raw`\b(?:at|to|with|in|visiting|visited|see|seeing)\s+(?:(?:her|his|their|a|an|the|my)\s+)?(?:separated|estranged|birth|biological|natural|non-resident|absent|paternal|maternal|own)\s+${FAMILY_OR_FRIENDS}(?:'s|’s|s)?\b`,
    'i',
  ),
  /\bfound\s+(?:alone\s+)?(?:watching|looking at|sitting|playing|walking)\b/i,
]

/**
 * From 1.4.0: an absence rather than a missing episode, as the records of looked-after children word it
 * (SSDA903 and the statutory guidance keep "away from placement without authorisation" apart from
 * missing): absent from the placement or home, back past curfew or late.
 */
const KNOWN_PLACE_FROM_1_4: RegExp[] = [
  /\b(?:absent from (?:the\s+|her\s+|his\s+|their\s+)?(?:placement|home|care home|children(?:'|’)s home)|away from (?:the\s+)?placement|(?:past|after|beyond|missed (?:her|his|their|the)?\s*)curfew|late (?:back|home|returning|return))\b/i,
]

/** Where a missing child was, when family, friends or a known place; `from13` reads 1.3.0's ways too, `from14` 1.4.0's. */
export function knownPlace(
  texts: readonly (string | null | undefined)[],
  from13: boolean,
  from14 = false,
): string | null {
  const patterns = from13
    ? [...KNOWN_PLACE, ...KNOWN_PLACE_FROM_1_3, ...(from14 ? KNOWN_PLACE_FROM_1_4 : [])]
    : KNOWN_PLACE
  for (const text of texts) {
    if (typeof text !== 'string' || text.length < 4) continue
    for (const re of patterns) {
      const m = re.exec(text)
      if (m && !negated(text, m.index)) return m[0].trim()
    }
  }
  return null
}
