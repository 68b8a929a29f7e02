// SAML: paste or drop SSO metadata (an IdP's or an SP's) or a SAML message
// (the XML, base64 as SAML-tracer shows it, or the URL that carries it), and
// see its certificates and what Webex would make of it. The worker reads and
// checks; this panel only shows the report, as text. Signatures are shown as
// present, never as verified: the core does not verify XML signatures.

const samlWorkflow = (() => {
  const out = $('saml-out');
  bindOutput('saml-out', ['saml-text', 'saml-metadata', 'saml-now']);
  const KIND = { metadata: 'Metadata', response: 'SAML response', request: 'Authentication request', logout: 'Logout message' };
  const ROLE = { idp: 'IdP', sp: 'SP' };

  const rows = (pairs) => {
    const dl = el('dl');
    for (const [k, v] of pairs) if (v != null && v !== '') dl.append(el('dt', {}, k), el('dd', {}, String(v)));
    return dl;
  };
  const signed = (s) => (s.present ? `present (${s.algorithm || 'algorithm not stated'}), not verified here` : 'none');
  const endpoints = (title, list) => (list.length
    ? [el('p', { class: 'role' }, title), el('ul', {}, ...list.map((e) => el('li', {}, `${e.location} (${e.binding.split(':').pop()})`)))] : []);

  function entityCard(e) {
    const formats = e.nameIdFormats.map((f, i) => (i ? f : `${f} (used by Webex if accepted)`));
    return el('article', { class: 'entity', 'data-entity': e.entityId },
      el('h3', {}, `${e.roles.map((r) => ROLE[r]).join(' and ') || 'Entity'}: ${e.entityId}`),
      rows([['Valid until', e.validUntil], ['Cache duration', e.cacheDuration]]),
      ...endpoints('Single sign-on', e.singleSignOn), ...endpoints('Single logout', e.singleLogout),
      ...endpoints('Assertion consumer', e.assertionConsumer),
      ...(formats.length ? [el('p', { class: 'role' }, 'NameID formats, in order'), el('ol', {}, ...formats.map((f) => el('li', {}, f)))] : []));
  }

  function messageCard(m) {
    const c = m.conditions;
    const skew = (s) => (s == null ? '' : ` (${s > 0 ? `${s} s ahead of` : `${-s} s before`} the time checked)`);
    const inMetadata = { true: 'yes', false: 'no: not one of the metadata\'s certificates', null: 'not checked (no metadata given, or no certificate embedded)' };
    const card = el('article', { class: 'message' }, el('h3', {}, m.element),
      rows([['Issuer', m.issuer], ['Destination', m.destination], ['ID', m.id], ['In response to', m.inResponseTo],
        ['Issued', m.issueInstant], ['Assertion consumer URL', m.assertionConsumerServiceUrl],
        ['Status', m.status && [m.status.code, m.status.subCode, m.status.message].filter(Boolean).join(' · ')],
        ['NameID', m.nameId], ['NameID format', m.nameIdFormat],
        ['Not before', c && c.notBefore && `${c.notBefore}${skew(c.secondsToNotBefore)}`],
        ['Not on or after', c && c.notOnOrAfter && `${c.notOnOrAfter}${skew(c.secondsToNotOnOrAfter)}`],
        ['Audience', m.audiences.join(', ')],
        ...m.authn.map((a) => ['Authenticated', [a.instant, a.sessionIndex && `session ${a.sessionIndex}`].filter(Boolean).join(', ')]),
        ['Response signature', signed(m.signatures.message)], ['Assertion signature', signed(m.signatures.assertion)],
        ['Signing certificate in the metadata', inMetadata[m.signatureCertificateInMetadata]],
        ['uid attribute', m.element === 'Response' ? (m.uidPresent ? 'present' : 'missing') : null]]));
    if (m.attributes.length) {
      card.append(el('p', { class: 'role' }, 'Attributes'), el('ul', { class: 'attributes' },
        ...m.attributes.map((a) => el('li', {}, `${a.name}${a.friendlyName ? ` (${a.friendlyName})` : ''}: ${a.values.join(', ')}`))));
    }
    return card;
  }

  function certificateRole(c) {
    const use = c.use ? `${c.use} ` : '';
    if (c.source !== 'metadata') return `Certificate in the ${c.source}'s signature`;
    return `${ROLE[c.role] || ''} ${use}certificate of ${c.entityId}`;
  }

  function show(r) {
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const verdict = el('p', { class: errors ? 'verdict bad' : 'verdict good', 'data-verdict': errors ? 'problems' : 'ok' },
      `${KIND[r.kind]} (read as ${r.encoding}): ${errors ? `${errors} problem${errors > 1 ? 's' : ''} to fix.` : 'no problem found.'}`);
    const parts = [verdict];
    if (r.findings.length) parts.push(renderFindings(r.findings));
    if (r.metadata) parts.push(el('p', {}, `Metadata signature: ${signed(r.metadata.signature)}.`), ...r.metadata.entities.map(entityCard));
    if (r.message) parts.push(messageCard(r.message));
    r.certificates.forEach((c, i) => {
      const card = renderCertificate(c.certificate, certificateRole(c));
      card.dataset.index = i;
      parts.push(card);
    });
    out.replaceChildren(...parts);
  }

  // A file dropped on a box (or chosen) replaces its text; the worker reads it.
  acceptDroppedText($('saml-text'));
  acceptDroppedText($('saml-metadata'));
  $('saml-file').addEventListener('change', (event) => fillFromFile($('saml-text'), event.target.files[0]));

  $('saml-inspect').addEventListener('click', () => produce(out,
    () => run('inspectSaml', {
      text: $('saml-text').value,
      metadata: $('saml-metadata').value.trim() || undefined,
      now: $('saml-now').value ? new Date($('saml-now').value) : undefined,
    }, 'Checking…'),
    show));

  return {
    clear() { clearPanel('panel-saml'); },
  };
})();
