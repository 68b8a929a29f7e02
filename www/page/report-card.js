// The report card on certificates and keys, from the worker's report. CN and
// SANs large: that is what meeting participants see. Every string from a
// certificate is set as text.

/**
 * Findings with their severity and code; `names` (the items' names, in the
 * order given) tags each finding with the items it is about, in data-items.
 */
function renderFindings(findings, names = []) {
  return el('ul', { class: 'findings' }, ...findings.map((f) => {
    const indexes = f.inputIndexes || (f.inputIndex == null ? [] : [f.inputIndex]);
    const items = indexes.map((i) => names[i]).filter((name) => name != null);
    const attrs = { class: `finding ${f.severity}`, 'data-code': f.code };
    if (items.length) attrs['data-items'] = JSON.stringify(items);
    return el('li', attrs, el('span', { class: 'severity' }, f.severity), ' ', f.message, ' ',
      el('span', { class: 'support-code' }, `(code ${f.code})`));
  }));
}

/** The checks that ran and passed, so a clean report says what it checked. */
function renderPassed(passed) {
  return el('ul', { class: 'findings passed', 'aria-label': 'Checks passed' }, ...passed.map((p) => el('li', {
    class: 'finding pass', 'data-code': p.code,
  }, el('span', { class: 'severity' }, '✓ passed'), ' ', p.message)));
}

/** One certificate as a card: `role` says what it is to the reader. */
function renderCertificate(cert, role, className = 'cert') {
  const sans = cert.subjectAltNames.map((s) => `${s.type}: ${s.value}`);
  const rows = [
    ['Subject', cert.subject], ['Issuer', cert.issuer], ['Serial', cert.serialNumber],
    ['Valid', `${cert.notBefore} to ${cert.notAfter} (${cert.daysLeft} days left)`],
    ['Key', [cert.publicKey.algorithm, cert.publicKey.curve || (cert.publicKey.bits && `${cert.publicKey.bits} bits`)].filter(Boolean).join(' ')],
    ['Signature', cert.signatureAlgorithm],
    ['Key usage', cert.keyUsage.join(', ') || 'none stated'],
    ['Extended key usage', cert.extendedKeyUsage.join(', ') || 'none stated'],
    ['SHA-1', cert.sha1], ['SHA-256', cert.sha256],
  ];
  if (cert.caIssuersUrl) rows.push(['CA issuers (not fetched)', cert.caIssuersUrl]);
  const dl = el('dl');
  for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
  return el('article', { class: className },
    el('p', { class: 'role' }, role),
    el('p', { class: 'cn' }, cert.commonName || '(no common name)'),
    sans.length ? el('p', { class: 'sans' }, sans.join('  ·  ')) : null,
    dl);
}

/** `context`: "install" (a verdict on installing) or "blob" (what an add blob carries). */
function renderReport(report, { context = 'install', names = [] } = {}) {
  const card = el('div', { class: 'report' });
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const good = context === 'blob' ? 'The certificate and key in this blob pass every check.' : 'Ready to install.';
  card.append(el('p', { class: errors ? 'verdict bad' : 'verdict good', 'data-verdict': errors ? 'not-ready' : 'ready' },
    errors ? `Not ready: ${errors} problem${errors > 1 ? 's' : ''} to fix.` : good));
  if (report.findings.length) card.append(renderFindings(report.findings, names));
  if (report.passed && report.passed.length) card.append(renderPassed(report.passed));
  report.certificates.forEach((cert, i) => {
    const isLeaf = i === report.leafIndex;
    card.append(renderCertificate(cert, isLeaf ? 'Device certificate' : (cert.isCa ? 'CA certificate' : 'Certificate'), isLeaf ? 'cert leaf' : 'cert'));
  });
  if (report.privateKey) {
    const k = report.privateKey;
    card.append(el('p', { class: 'key' }, `Private key: ${[k.algorithm, k.curve].filter(Boolean).join(' ')}, ${k.format}${k.wasEncrypted ? ', was encrypted' : ''}.`));
  }
  return card;
}
