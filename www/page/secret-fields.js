// Secret fields: Show/Hide toggles, generated secrets, the strength hint with
// its warnings, the white-space warning under a current secret, and reading a
// current or a confirmed new secret. Secrets stay type=password until the
// user (or a generated secret, to be written down) reveals them.

/** A Show/Hide button for the password field it controls (found when clicked). */
function wireReveal(toggle) {
  toggle.addEventListener('click', () => {
    const input = $(toggle.getAttribute('aria-controls'));
    setRevealed(input, input.type === 'password');
  });
}

/** Shows or hides a secret field and sets its toggle (if it has one) to match. */
function setRevealed(input, shown) {
  input.type = shown ? 'text' : 'password';
  const toggle = document.querySelector(`.reveal[aria-controls="${input.id}"]`);
  if (!toggle) return;
  toggle.setAttribute('aria-pressed', String(shown));
  toggle.textContent = shown ? 'Hide' : 'Show';
}

document.querySelectorAll('.reveal').forEach(wireReveal);

for (const generate of document.querySelectorAll('[data-generate]')) {
  generate.addEventListener('click', async () => {
    const [first, second] = generate.dataset.into.split(' ').map($);
    try {
      const secret = await run('generateSecret', { kind: generate.dataset.generate }, 'Generating…');
      first.value = secret;
      second.value = secret;
      setRevealed(first, true); // shown, so it can be written down
      // Both fields changed: every output bound to either is out of date.
      for (const field of [first, second]) field.dispatchEvent(new Event('input'));
    } catch (e) {
      notify(e.message, e.code);
    }
  });
}

// Leading or trailing white space is the classic pasted newline: the secret is
// used exactly as typed, so say so wherever one is typed.
const EDGE_SPACE = /^\s|\s$/;

/** A warning under every current-secret field while its value starts or ends with white space. */
for (const field of document.querySelectorAll('[data-current]')) {
  const note = el('p', { class: 'hint warn', 'data-code': 'edge_whitespace', hidden: '' },
    'This secret starts or ends with a space or a line break. It is used exactly as typed: '
    + 'remove it unless the device\'s secret really has it.');
  field.closest('.field').append(note);
  field.addEventListener('input', () => { note.hidden = !EDGE_SPACE.test(field.value); });
}

/** The strength hint's content: label and time to guess, advice, warnings with their codes. */
function strengthHint(s, differ) {
  const parts = [el('p', {}, el('strong', {}, `Strength: ${s.label}.`),
    ` An offline attacker with a large GPU farm would need ${s.crackTime} to guess it (about 10^${s.guessesLog10} guesses). ${s.advice}`)];
  const warnings = [...s.warnings];
  if (differ) warnings.push({ code: 'secrets_differ', message: 'The two entries differ.' });
  if (warnings.length) {
    parts.push(el('ul', { class: 'warnings' }, ...warnings.map((w) => el('li', { 'data-code': w.code }, w.message))));
  }
  return parts;
}

/** Keeps the strength hint under a new secret and its repeat; returns the hint's clear(). */
function wireStrength(inputId, repeatId, hintId) {
  const hint = $(hintId);
  const clear = () => { hint.replaceChildren(); delete hint.dataset.level; };
  const update = async () => {
    const secret = $(inputId).value;
    if (!secret) { clear(); return; }
    try {
      const s = await ask('strength', { secret }); // typed before the engine started: waits, never drops the hint
      if ($(inputId).value !== secret) return; // typed on (or cleared) meanwhile: a newer answer comes
      const repeat = $(repeatId).value;
      hint.replaceChildren(...strengthHint(s, repeat && repeat !== secret));
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

/** The new secret typed twice the same, or null after saying what is wrong (the core refuses a blank one). */
function confirmedSecret(first, second, out) {
  const a = $(first).value;
  if (!a) { showProblem(out, 'new_secret_missing', 'Type the new secret, or generate one.'); return null; }
  if (a !== $(second).value) { showProblem(out, 'secrets_differ', 'The two entries of the new secret differ. Type it again.'); return null; }
  return a;
}
