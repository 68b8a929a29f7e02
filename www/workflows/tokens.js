// Tokens: paste anything that holds JWTs or JWEs (a Bearer line, a URL, a
// form body, a JSON response), give keys if you have them, and see each
// token decoded, its signature checked or its content opened. The worker
// finds, parses and checks; this panel only shows the report, as text.

const tokensWorkflow = (() => {
  const out = $('tokens-out');
  const INPUTS = ['tokens-text', 'tokens-keys', 'tokens-pass', 'tokens-now'];
  bindOutput('tokens-out', INPUTS);
  const VERDICT = {
    valid: ['good', 'Signature valid'], invalid: ['bad', 'Signature invalid: do not trust this token'],
    not_checked: ['warn', 'Not checked'], unsupported: ['warn', 'Algorithm not supported here'],
    decrypted: ['good', 'Decrypted'], failed: ['bad', 'Could not be decrypted'],
  };
  const KIND = { jws: 'Signed token (JWS)', jwe: 'Encrypted token (JWE)', device: 'Webex device blob' };

  const pretty = (value) => el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
  const details = (summary, ...body) => el('details', {}, el('summary', {}, summary), ...body);

  function verdict(token) {
    const v = token.verification;
    const [tone, text] = VERDICT[v.status];
    const key = v.key ? (v.key.index == null ? ' with the certificate in its x5c header'
      : ` with key ${v.key.index + 1} read as ${v.key.reading}${v.key.kid ? ` (kid ${v.key.kid})` : ''}`) : '';
    return el('p', { class: `verdict ${tone}`, 'data-verdict': v.status }, `${text}${key}.`);
  }

  function summary(token) {
    const dl = el('dl');
    const rows = Object.entries(token.summary).filter(([, value]) => value != null);
    for (const [name, value] of rows) dl.append(el('dt', {}, name), el('dd', {}, value));
    for (const t of token.times) dl.append(el('dt', {}, t.claim), el('dd', {}, `${t.date || t.seconds} (${t.relative})`));
    return dl;
  }

  function describe(token, depth) {
    const card = el('article', { class: 'token', 'data-kind': token.kind, 'data-where': token.where },
      el(depth ? 'h4' : 'h3', {}, `${token.where}: ${KIND[token.kind]}`), verdict(token));
    if (token.findings.length) card.append(renderFindings(token.findings));
    card.append(summary(token));
    if (token.kind === 'device') card.append(button('Open in "Check a blob"', handToBlobTab));
    card.append(el('p', { class: 'role' }, 'Header'), pretty(token.header));
    if (token.claims) card.append(el('p', { class: 'role' }, 'Claims'), pretty(token.claims));
    for (const e of token.expanded) card.append(el('p', { class: 'role' }, `Inside the ${e.claim} claim`), pretty(e.value));
    const raw = [el('pre', {}, token.headerText)];
    if (token.payloadText != null) raw.push(el('pre', {}, token.payloadText));
    card.append(details('As written', ...raw));
    if (token.x5c) card.append(details(`x5c chain (${token.x5c.length})`, ...token.x5c.map((c) => el('p', {}, `${c.subject}, issued by ${c.issuer}, valid to ${c.notAfter}, SHA-256 ${c.sha256}`))));
    for (const inner of token.nested) card.append(describe(inner, depth + 1));
    return card;
  }

  // A device blob goes to the tab that opens blobs with the device's secret.
  function handToBlobTab() {
    $('check-blob').value = $('tokens-text').value;
    $('check-blob').dispatchEvent(new Event('input'));
    $('tab-check').click();
  }

  // Keys: one per paragraph (a PEM bundle, a JWK or JWKS, a secret), and the dropped files.
  let files = [];
  function keys() {
    const pasted = $('tokens-keys').value.split(/\n\s*\n/).map((k) => k.trim()).filter(Boolean);
    return [...pasted, ...files.map((f) => f.bytes)];
  }
  const keysBox = $('tokens-keys');
  keysBox.addEventListener('dragover', (event) => event.preventDefault());
  keysBox.addEventListener('drop', async (event) => {
    event.preventDefault();
    const dropped = await Promise.all([...event.dataTransfer.files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    files = files.concat(dropped);
    $('tokens-files').textContent = files.length ? `Key files: ${files.map((f) => f.name).join(', ')}` : '';
    keysBox.dispatchEvent(new Event('input'));
  });

  $('tokens-inspect').addEventListener('click', () => produce(out,
    () => run('inspectToken', {
      text: $('tokens-text').value, keys: keys(), passphrase: $('tokens-pass').value,
      now: $('tokens-now').value ? new Date($('tokens-now').value) : undefined,
    }, 'Inspecting…'),
    (r) => {
      const parts = r.findings.length ? [renderFindings(r.findings)] : [];
      if (r.keys.length) parts.push(el('ul', { class: 'keys-read' }, ...r.keys.map((k) => el('li', {}, `Key ${k.index + 1}: ${k.description}`))));
      out.replaceChildren(...parts, ...r.tokens.map((t) => describe(t, 0)));
    }));

  return {
    clear() { files = []; $('tokens-files').textContent = ''; clearPanel('panel-tokens'); },
  };
})();
