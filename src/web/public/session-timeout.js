// The GOV.UK time-out warning (issue 15): before a session ends for want of activity, a modal dialog
// says so and offers "Stay signed in" (POST /session/keep-alive, which counts as activity) or "Sign out"
// (the page's sign-out form). The dialog (views/session-timeout.njk) is a native <dialog> opened
// modally, so focus moves into it and the rest of the page is inert; Escape is "Stay signed in".
// Screen readers hear the time left once a minute, not every second. When the time runs out the page
// goes to sign in, told why, and back here after. Without this script the server's time-out alone applies.

/** How long before the end the warning shows. */
const WARN_BEFORE_SECONDS = 120
/** The server ends the session first: the page follows a moment after, never before. */
const AFTER_END_MS = 1000

const dialog = document.getElementById('session-timeout')
const countdown = dialog.querySelector('[data-session-countdown]')
const announce = dialog.querySelector('[data-session-announce]')
const stay = dialog.querySelector('[data-session-stay]')

// the end, by this browser's clock: the seconds the server counted when it made the page, from now
let endsAt = Date.now() + Number(dialog.dataset.secondsLeft) * 1000
let announced = ''
let returnFocusTo = null

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The time left in words, by the second ("1 minute 5 seconds") or by the minute, for screen readers. */
function inWords(seconds, bySecond) {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (!bySecond) return minutes >= 1 ? plural(minutes, 'minute') : 'less than a minute'
  if (minutes === 0) return plural(rest, 'second')
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`
}

function timedOut() {
  const here = `${location.pathname}${location.search}`
  location.assign(`/sign-in?timed_out=1&next=${encodeURIComponent(here)}`)
}

function open() {
  returnFocusTo = document.activeElement
  announced = ''
  dialog.showModal()
  dialog.focus()
}

function close() {
  dialog.close()
  if (returnFocusTo && typeof returnFocusTo.focus === 'function') returnFocusTo.focus()
}

function tick() {
  const msLeft = endsAt - Date.now()
  if (msLeft <= -AFTER_END_MS) return timedOut()
  const seconds = Math.max(0, Math.ceil(msLeft / 1000))
  if (seconds > WARN_BEFORE_SECONDS) {
    if (dialog.open) close()
    return
  }
  if (!dialog.open) open()
  countdown.textContent = inWords(seconds, true)
  const heard = `For your security, Threadline will sign you out in ${inWords(seconds, false)}.`
  if (heard !== announced) announce.textContent = announced = heard
}

async function staySignedIn() {
  const token = document.querySelector('#sign-out-form input[name="_csrf"]')?.value ?? ''
  try {
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'csrf-token': token, accept: 'application/json' },
    })
    if (response.status === 401) return timedOut()
    if (!response.ok) return
    const answer = await response.json()
    endsAt = Date.now() + answer.secondsLeft * 1000
    close()
  } catch {
    // no answer (the network): the dialog stays, and the button can be pressed again
  }
}

// Tab and Shift+Tab go round the dialog's buttons, never out of it (to the browser's own controls)
function keepFocusIn(event) {
  if (event.key !== 'Tab') return
  const controls = [...dialog.querySelectorAll('button')]
  const first = controls[0]
  const last = controls[controls.length - 1]
  const at = document.activeElement
  if (event.shiftKey && (at === first || at === dialog)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && at === last) {
    event.preventDefault()
    first.focus()
  }
}

dialog.setAttribute('tabindex', '-1')
dialog.addEventListener('keydown', keepFocusIn)
stay.addEventListener('click', staySignedIn)
// Escape closes a modal dialog: here it means "Stay signed in"
dialog.addEventListener('cancel', (event) => {
  event.preventDefault()
  staySignedIn()
})
setInterval(tick, 1000)
tick()
