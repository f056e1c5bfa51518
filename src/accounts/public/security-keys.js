// Security keys and passkeys (WebAuthn) where the browser offers them. Without JavaScript, or in a
// browser without WebAuthn, these forms stay hidden and the code form does the job.
const library = new Promise((resolve, reject) => {
  const script = document.createElement('script')
  script.src = '/access-assets/vendor/index.umd.min.js'
  script.onload = () => resolve(window.SimpleWebAuthnBrowser)
  script.onerror = () => reject(new Error('the security key helper could not be loaded'))
  document.head.append(script)
})

for (const form of document.querySelectorAll('form[data-security-key]')) {
  if (!window.PublicKeyCredential) continue
  form.hidden = false
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const status = form.querySelector('[data-key-status]')
    status.textContent = 'Follow your browser’s instructions to use your key.'
    try {
      const { startAuthentication, startRegistration } = await library
      const optionsJSON = JSON.parse(document.getElementById(form.dataset.securityKey).textContent)
      const answer =
        form.dataset.keyAction === 'add'
          ? await startRegistration({ optionsJSON })
          : await startAuthentication({ optionsJSON })
      form.querySelector('input[name="key_response"]').value = JSON.stringify(answer)
      form.submit()
    } catch (error) {
      status.textContent = `The key was not used (${error.message}). Try again, or use a code from your app.`
    }
  })
}
