// DOM wiring for the minimal page: reads the forms, calls the wasm API, shows
// text results. No crypto and no parsing here; results are set as text, never HTML.
import init, { buildJwe, openJwe, deviceCommand } from './pkg/webex_device_identity.js';

await init();

function show(form, text, isError) {
  const out = form.elements.result;
  out.textContent = text;
  out.classList.toggle('error', Boolean(isError));
}

function report(form, fn) {
  try {
    show(form, fn());
  } catch (e) {
    show(form, `${e.message} [${e.code ?? 'error'}]`, true);
  }
}

document.getElementById('build').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const { action, secret, payload } = form.elements;
  report(form, () => {
    const jwe = buildJwe({ action: action.value, secret: secret.value, payload: payload.value });
    return deviceCommand(action.value, jwe);
  });
});

document.getElementById('open').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const { jwe, secret } = form.elements;
  report(form, () => {
    const opened = openJwe(jwe.value, secret.value);
    return `action: ${opened.action}\nenc: ${opened.enc}\nsalt: ${opened.salt}\npayload:\n${opened.payload}`;
  });
});
