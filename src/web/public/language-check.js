// Progressive enhancement: checks what a professional writes in any <textarea data-language-check>
// as they type (data-child-dob and data-date, YYYY-MM-DD, give the child's age on the note's date),
// shows each finding beside the text with its reason and suggestions, and replaces a span only
// when they press "Use this wording". It never blocks saving and never changes the text by itself.
// Accepted suggestions are recorded in a hidden field `<textarea name>_language_accepted` (rule ids,
// comma separated) so the server can count them. Without this file the text is checked on saving.
const DEBOUNCE_MS = 400
const DAY = /^\d{4}-\d{2}-\d{2}$/
const SEVERITY = {
  high: ['High', 'govuk-tag--red'],
  medium: ['Medium', 'govuk-tag--orange'],
  low: ['Low', 'govuk-tag--grey'],
}

function csrfToken(textarea) {
  const own = textarea.form && textarea.form.querySelector('input[name="_csrf"]')
  const any = own || document.querySelector('input[name="_csrf"]')
  return any ? any.value : ''
}

function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

// The hidden field for accepted rule ids and the panel for findings, just after the textarea
function addPanel(textarea, base) {
  const hidden = el('input')
  hidden.type = 'hidden'
  hidden.name = `${base}_language_accepted`
  const panel = el('div', 'tl-language-panel')
  panel.id = `${textarea.id || base}-language`
  panel.setAttribute('aria-live', 'polite')
  panel.dataset.languagePanel = base
  textarea.insertAdjacentElement('afterend', panel)
  textarea.insertAdjacentElement('afterend', hidden)
  return { hidden, panel }
}

function attach(textarea) {
  if (textarea.dataset.languageAttached) return
  textarea.dataset.languageAttached = 'true'
  const base = textarea.name || textarea.id || 'text'
  // one textarea's checker: where it shows findings, what was accepted, and the latest check sent
  const checker = { textarea, ...addPanel(textarea, base), accepted: [], sequence: 0, timer: null, stopped: false }
  textarea.addEventListener('input', () => {
    clearTimeout(checker.timer)
    checker.timer = setTimeout(() => check(checker), DEBOUNCE_MS)
  })
  if (textarea.value.trim()) check(checker)
}

async function check(checker) {
  const { textarea } = checker
  if (checker.stopped) return
  const mine = ++checker.sequence
  const text = textarea.value
  if (!text.trim()) return show(checker, [], text)
  const body = { text }
  if (DAY.test(textarea.dataset.childDob || '')) body.child_dob = textarea.dataset.childDob
  if (DAY.test(textarea.dataset.date || '')) body.date = textarea.dataset.date
  let res
  try {
    res = await fetch('/api/v1/language/check', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'csrf-token': csrfToken(textarea) },
      body: JSON.stringify(body),
    })
  } catch {
    return // offline or the service is busy: saving still checks the text
  }
  if (res.status === 401 || res.status === 403) {
    checker.stopped = true
    return
  }
  if (!res.ok || mine !== checker.sequence) return
  const { findings } = await res.json()
  // a newer keystroke has its own check on the way: show only the latest text's findings
  if (mine === checker.sequence && textarea.value === text) show(checker, findings, text)
}

function use(checker, finding, suggestion) {
  const { textarea, accepted, hidden } = checker
  const value = textarea.value
  // the text changed since it was checked: never overwrite what was typed since, check again
  if (value.slice(finding.start, finding.end) !== finding.phrase) return check(checker)
  // the server's suggestion is the exact replacement (src/language/suggestion.ts): spliced in as it is
  const words = suggestion
  textarea.value = value.slice(0, finding.start) + words + value.slice(finding.end)
  accepted.push(finding.rule)
  hidden.value = accepted.join(',')
  textarea.focus()
  textarea.setSelectionRange(finding.start, finding.start + words.length)
  textarea.dispatchEvent(new Event('input', { bubbles: true }))
  clearTimeout(checker.timer)
  check(checker)
}

function show(checker, findings, text) {
  const { panel } = checker
  panel.replaceChildren()
  if (!findings.length) {
    if (text.trim() && checker.accepted.length) panel.append(el('p', 'govuk-body-s', 'No other wording to look at.'))
    return
  }
  const box = el('div', 'govuk-inset-text govuk-!-margin-top-2')
  box.append(
    el(
      'p',
      'govuk-body-s govuk-!-font-weight-bold',
      findings.length === 1
        ? '1 phrase may blame the child. You can save as it is, or use other words.'
        : `${findings.length} phrases may blame the child. You can save as it is, or use other words.`,
    ),
  )
  const list = el('ul', 'govuk-list govuk-body-s')
  for (const f of findings) list.append(findingItem(checker, f))
  box.append(list)
  panel.append(box)
}

// one finding: its severity, the phrase and why, a button for each suggestion, and the guidance
function findingItem(checker, f) {
  const item = el('li', 'tl-language-finding')
  item.dataset.rule = f.rule
  const [label, tagClass] = SEVERITY[f.severity] || SEVERITY.low
  item.append(el('strong', `govuk-tag ${tagClass}`, label), ' ', el('q', '', f.phrase), `: ${f.reason}.`)
  if (f.suggestions.length) {
    const options = el('ul', 'govuk-list govuk-!-margin-top-1')
    for (const s of f.suggestions) options.append(suggestionRow(checker, f, s))
    item.append(options)
  }
  item.append(el('span', 'govuk-hint govuk-body-s', `Guidance: ${f.source}`))
  return item
}

function suggestionRow(checker, f, s) {
  const row = el('li')
  const button = el(
    'button',
    'govuk-button govuk-button--secondary govuk-!-margin-bottom-1 tl-small-button',
    'Use this wording',
  )
  button.type = 'button'
  button.dataset.languageUse = s
  // an empty suggestion leaves the words out ("she willingly went" → "she went")
  button.append(
    el('span', 'govuk-visually-hidden', s ? `: “${s}” instead of “${f.phrase}”` : `: leave out “${f.phrase}”`),
  )
  button.addEventListener('click', () => use(checker, f, s))
  row.append(s ? el('q', '', s) : el('span', '', 'leave the words out'), ' ', button)
  return row
}

export function attachAll(root = document) {
  for (const textarea of root.querySelectorAll('textarea[data-language-check]')) attach(textarea)
}

attachAll()
