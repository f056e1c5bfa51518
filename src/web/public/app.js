// Progressive enhancement only: every page works without this file.
import { initAll } from '/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/moj/moj-frontend.min.js'

initAll()
// the MOJ components (sortable tables, filters) on the pages that use them
initMoj()

// a table wider than a narrow screen scrolls inside its own box (threadline.css): it takes keyboard focus
// then, so that it can be scrolled without a pointer
function focusScrollingTables() {
  document.querySelectorAll('.govuk-table').forEach((table) => {
    if (table.scrollWidth > table.clientWidth + 1) table.setAttribute('tabindex', '0')
    else if (table.getAttribute('tabindex') === '0') table.removeAttribute('tabindex')
  })
}
focusScrollingTables()
window.addEventListener('resize', focusScrollingTables)

// language checking as professionals write (src/language): only on pages with a textarea to check
if (document.querySelector('textarea[data-language-check]')) import('/public/language-check.js')

// security keys and passkeys (src/access): only on pages that offer one
if (document.querySelector('form[data-security-key]')) import('/access-assets/security-keys.js')

// the warning before a session ends for want of activity (src/web/plugins/sessions.ts): signed-in pages only
if (document.getElementById('session-timeout')) import('/public/session-timeout.js')
