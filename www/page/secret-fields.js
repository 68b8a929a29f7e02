// Secret fields: Show/Hide toggles, generated secrets, the strength hint, and
// reading a current or a confirmed new secret. Secrets stay type=password
// until the user (or a generated secret, to be written down) reveals them.

/** A Show/Hide button for the password field it controls (found when clicked). */
function wireReveal(button) {
  button.addEventListener('click', () => {
    const input = $(button.getAttribute('aria-controls'));
    setRevealed(input, input.type === 'password');
  });
}

/** Shows or hides a secret field and sets its toggle (if it has one) to match. */
function setRevealed(input, shown) {
  input.type = shown ? 'text' : 'password';
  const reveal = document.querySelector(`.reveal[aria-controls="${input.id}"]`);
  if (!reveal) return;
  reveal.setAttribute('aria-pressed', String(shown));
  reveal.textContent = shown ? 'Hide' : 'Show';
}

document.querySelectorAll('.reveal').forEach(wireReveal);

for (const button of document.querySelectorAll('[data-generate]')) {
  button.addEventListener('click', async () => {
    const [first, second] = button.dataset.into.split(' ').map($);
    try {
      const secret = await run('generateSecret', { kind: button.dataset.generate }, 'Generating…');
      first.value = secret;
      second.value = secret;
      setRevealed(first, true); // shown, so it can be written down
      first.dispatchEvent(new Event('input'));
    } catch (e) {
      notify(e.message, e.code);
    }
  });
}

/** Keeps the strength hint under a new secret and its repeat; returns the hint's clear(). */
function wireStrength(inputId, repeatId, hintId) {
  const hint = $(hintId);
  const clear = () => { hint.textContent = ''; delete hint.dataset.level; };
  const update = async () => {
    const secret = $(inputId).value;
    if (!secret) { clear(); return; }
    try {
      const s = await ask('strength', { secret }); // typed before the engine started: waits, never drops the hint
      if ($(inputId).value !== secret) return; // typed on (or cleared) meanwhile: a newer answer comes
      const repeat = $(repeatId).value;
      const match = repeat && repeat !== secret ? ' The two entries differ.' : '';
      hint.textContent = `Strength: ${s.label} (about ${s.bits} bits). ${s.advice}${match}`;
      hint.dataset.level = s.label;
    } catch { /* the hint is optional */ }
  };
  $(inputId).addEventListener('input', update);
  $(repeatId).addEventListener('input', update);
  return clear;
}

/** The device's current secret from field `id`, or null after saying it is missing. */
function currentSecret(id, out) {
  const secret = $(id).value;
  if (!secret) { showProblem(out, 'secret_missing', "Type the device's current secret."); return null; }
  return secret;
}

/** The new secret typed twice the same, or null after saying what is wrong. */
function confirmedSecret(first, second, out) {
  const a = $(first).value;
  if (!a) { showProblem(out, 'new_secret_missing', 'Type the new secret, or generate one.'); return null; }
  if (a !== $(second).value) { showProblem(out, 'secrets_differ', 'The two entries of the new secret differ. Type it again.'); return null; }
  return a;
}
