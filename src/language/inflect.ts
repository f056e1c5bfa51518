// Every form of a verb, so that a pattern names "<put>" once and matches "put", "puts", "putting".
const IRREGULAR: Record<string, string[]> = {
  be: ['be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', "'s", "'re", "'m"],
  have: ['have', 'has', 'had', 'having', "'ve", "'d"],
  do: ['do', 'does', 'did', 'done', 'doing'],
  go: ['go', 'goes', 'went', 'gone', 'going'],
  put: ['put', 'puts', 'putting'],
  get: ['get', 'gets', 'got', 'gotten', 'getting'],
  let: ['let', 'lets', 'letting'],
  set: ['set', 'sets', 'setting'],
  run: ['run', 'runs', 'ran', 'running'],
  make: ['make', 'makes', 'made', 'making'],
  take: ['take', 'takes', 'took', 'taken', 'taking'],
  give: ['give', 'gives', 'gave', 'given', 'giving'],
  leave: ['leave', 'leaves', 'left', 'leaving'],
  choose: ['choose', 'chooses', 'chose', 'chosen', 'choosing'],
  sell: ['sell', 'sells', 'sold', 'selling'],
  sleep: ['sleep', 'sleeps', 'slept', 'sleeping'],
  deal: ['deal', 'deals', 'dealt', 'dealing'],
  send: ['send', 'sends', 'sent', 'sending'],
  bring: ['bring', 'brings', 'brought', 'bringing'],
  keep: ['keep', 'keeps', 'kept', 'keeping'],
  hang: ['hang', 'hangs', 'hung', 'hanging'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  spend: ['spend', 'spends', 'spent', 'spending'],
  lead: ['lead', 'leads', 'led', 'leading'],
  meet: ['meet', 'meets', 'met', 'meeting'],
  see: ['see', 'sees', 'saw', 'seen', 'seeing'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  sneak: ['sneak', 'sneaks', 'sneaked', 'snuck', 'sneaking'],
  hook: ['hook', 'hooks', 'hooked', 'hooking'],
  stop: ['stop', 'stops', 'stopped', 'stopping'],
  plan: ['plan', 'plans', 'planned', 'planning'],
  drop: ['drop', 'drops', 'dropped', 'dropping'],
  sext: ['sext', 'sexts', 'sexted', 'sexting'],
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  wear: ['wear', 'wears', 'wore', 'worn', 'wearing'],
  lie: ['lie', 'lies', 'lied', 'lying'],
  sit: ['sit', 'sits', 'sat', 'sitting'],
  become: ['become', 'becomes', 'became', 'becoming'],
  lose: ['lose', 'loses', 'lost', 'losing'],
  find: ['find', 'finds', 'found', 'finding'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  buy: ['buy', 'buys', 'bought', 'buying'],
  pay: ['pay', 'pays', 'paid', 'paying'],
  hold: ['hold', 'holds', 'held', 'holding'],
  fall: ['fall', 'falls', 'fell', 'fallen', 'falling'],
  begin: ['begin', 'begins', 'began', 'begun', 'beginning'],
  drive: ['drive', 'drives', 'drove', 'driven', 'driving'],
  ride: ['ride', 'rides', 'rode', 'ridden', 'riding'],
  steal: ['steal', 'steals', 'stole', 'stolen', 'stealing'],
  swap: ['swap', 'swaps', 'swapped', 'swapping'],
  date: ['date', 'dates', 'dated', 'dating'],
  flirt: ['flirt', 'flirts', 'flirted', 'flirting'],
}

export function verbForms(base: string): string[] {
  const known = IRREGULAR[base]
  if (known) return known
  return [base, thirdPerson(base), presentParticiple(base), past(base)]
}

function thirdPerson(v: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(v)) return v + 'es'
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ies'
  return v + 's'
}

function presentParticiple(v: string): string {
  if (v.endsWith('ie')) return v.slice(0, -2) + 'ying'
  if (/[^aeiouy]e$/.test(v) || /[^e]ue$/.test(v)) return v.slice(0, -1) + 'ing'
  return v + 'ing'
}

function past(v: string): string {
  if (v.endsWith('e')) return v + 'd'
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied'
  return v + 'ed'
}
