// Named slots a pattern can use ({REFL}, {BE}...), written in the pattern language itself. They
// carry the variants of person, pronoun and tense so that a rule names a phrase once.
export const SLOTS: Record<string, string> = {
  // "self" as shorthand notes write it: "continues to put self at risk"
  REFL: '(herself|himself|themselves|themself|yourself|myself|ourselves|oneself|self)',
  PRON: '(she|he|they|i|you|we)',
  OBJ: '(her|him|them|me|you|us)',
  POSS: "(her|his|their|my|your|our|#PROPN 's)",
  BE: '<be>',
  // negation is a slot of its own: a match that passes through it is a negated use
  NEG: "(not|never|n't)",
  MODAL: '(will|would|could|can|may|might|should|must|shall|do|does|did)',
  // any adverb as the English model reads it, and the common ones it may not
  ADV: '(#ADV|really|repeatedly|regularly|continually|constantly|consistently|frequently|often|always|still|knowingly|deliberately|clearly|actively|potentially|possibly|also|again|increasingly|further|seriously|significantly|then|sometimes|occasionally|routinely|persistently|willingly|happily|readily|once again|all the time|at times)',
  CHILD: '(she|he|they|child|girl|boy|yp|pupil|student|teenager|daughter|son)',
  ADULT: '(adult|adults|man|men|male|males|guy|guys|gentleman|gentlemen|woman|women)',
  OLDER: '(older|adult|grown|much older|significantly older|far older|grown up)',
  KIN: '(mum|mom|mother|mummy|dad|father|daddy|stepdad|stepfather|stepmum|stepmother|brother|sister|cousin|aunt|auntie|aunty|uncle|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|friend|friends|carer|carers|parent|parents|neighbour|teacher|worker|landlady|lodger|sibling)',
  // a child wanting, choosing, agreeing to or enjoying something (adverbs of will included)
  VOLITION:
    '(<choose>|<decide>|<opt>|<prefer>|<want>|<wish>|<agree>|<insist>|<enjoy>|<relish>|<crave>|<love>|<like>|<seek>|<embrace>|<volunteer>|<encourage>|<initiate>|<instigate>|happy to|keen to|eager to|content to|willing to|determined to|adamant|happily|willingly|wilfully|willfully|deliberately|knowingly|voluntarily|freely|readily|gladly|eagerly|by choice|out of choice|on purpose|of (her|his|their) own (accord|free will|volition))',
  // what exploiters give, where they take a child, and who they are
  EXPLOITATION:
    '(men|males|older ~1 (man|men|male|males|lads|boys|guys|friends)|adult ~1 (man|men|male|males)|{NUMBER} year old ~1 (man|men|male|males)|abuser|abusers|perpetrator|perpetrators|offender|offenders|exploiter|exploiters|groomer|groomers|gang|gangs|olders|elders|the line|county lines|dealer|dealers|drugs|drug|cannabis|weed|flat|flats|the address|addresses|hotel|hotels|trap house|trap|bando|parties|party|money|cash|gifts|lifts|vapes|status|lifestyle|sex|sexual|missing|mfh|absconding|running away|run away|risk|risks|danger|dangers|trouble|attention from ~2 (men|males|older|adults)|male attention|exploitation|abuse)',
  // people and places a child is safe with: family, carers and professionals
  SAFE: '({KIN}|social worker|worker|workers|carer|carers|foster ~1|placement|teacher|nurse|advocate|police|officer|officers|school|college|home|family|grandparents|youth worker|mentor|key worker)',
  SAY: '(<say>|<tell>|<describe>|<call>|<refer> to|<consider>|<think> of|<regard>|<believe>|<claim>|<introduce>|<insist>|<see>|<view>|<name>|<label>)',
  // what a child is said to "choose to" do when it is exploitation; "go" and "be" only where they are about the harm
  CHOSEN:
    '(go (missing|back|with|out|off|there|to [the|his|their|an|a|those|these] ~1 (address|flat|house|party|parties|hotel|park|men|man|car|cars|flats|houses|hotels))|be (with|there|around|out)|return|stay (with|out|at (the|his|their)|in (the|a|this|that))|spend|meet|associate|get (in|into)|run|remain (with|there|out)|sleep|live|hang|abscond|leave (home|care|the|her|his|their|with)|sell|carry|keep (going|returning|seeing)|continue|use (drugs|cannabis|alcohol)|drink|smoke|join|come (home|back)|engage in|have (sex|sexual ~1|a relationship|relations)|work for|deal|take (drugs|risks))',
  // where a child is said to go "with" when it is about the adults who exploit them
  WITH_ADULTS:
    '(with|into|in|to) (him|them|{OLDER} ~1 {ADULT}|the ~1 {ADULT}|{ADULT}|mr ~1|mister ~1|(a|an|the) {NUMBER} year old ~2 {ADULT}|the car|the cars|a car|cars|the address|the flat|the house|the hotel|the party|his car|their car|his flat|their flat|the men|the man)',
  RISKY:
    '(risk|risks|risky|danger|dangers|dangerous|harm|harms|harmful|unsafe|vulnerable|vulnerability|jeopardy|peril|compromising|precarious|trouble|situations|situation|positions|position|circumstances)',
  DRUGS: '(drugs|drug|cannabis|weed|skunk|cocaine|coke|crack|heroin|spice|ketamine|pills|mdma|substances|gear|food)',
  IMAGES:
    '(pictures|picture|pics|pic|images|image|photos|photo|photographs|videos|video|selfies|selfie|content|messages|clips|snaps)',
  EXPLICIT:
    '(explicit|sexually explicit|indecent|nude|naked|sexual|sexualised|sexualized|intimate|topless|sexy|inappropriate|rude|dirty|semi naked)',
}
