// Keys and requests: one device's P-256 key and CSR, or a fleet's as one zip.
// The worker makes the key, signs the request and encrypts the key under the
// passphrase; this panel only ever sees the request, the encrypted key and
// the zip. A fleet's keys are made one at a time, with progress.

const keysWorkflow = (() => {
  const out = $('keys-out');
  const INPUTS = ['keys-devices', 'keys-cn', 'keys-sans', 'keys-o', 'keys-ou', 'keys-c', 'keys-st', 'keys-l', 'keys-ku',
    'keys-pass', 'keys-pass2', 'keys-kdf', 'keys-one', 'keys-many'];
  const clearStrength = wireStrength('keys-pass', 'keys-pass2', 'keys-strength');
  bindOutput('keys-out', INPUTS);

  const fleet = () => $('keys-many').checked;
  function showMode() {
    $('keys-devices-field').hidden = !fleet();
    $('keys-cn').placeholder = fleet() ? '{device}.example.com' : 'room-1.example.com';
    $('keys-sans').placeholder = fleet() ? 'DNS:{device}.example.com' : 'DNS:room-1.example.com';
    $('keys-make').textContent = fleet() ? 'Make the keys and requests' : 'Make the key and request';
  }
  for (const id of ['keys-one', 'keys-many']) $(id).addEventListener('change', showMode);

  // The form as the API's options; the core checks every field and says what to fix.
  function options() {
    const lines = (id) => $(id).value.split('\n').map((l) => l.trim()).filter(Boolean);
    return {
      commonName: $('keys-cn').value,
      subjectAltNames: lines('keys-sans'),
      organization: $('keys-o').value,
      organizationalUnit: $('keys-ou').value,
      country: $('keys-c').value,
      state: $('keys-st').value,
      locality: $('keys-l').value,
      keyUsage: $('keys-ku').checked ? ['digitalSignature'] : [],
      passphrase: $('keys-pass').value,
      confirmPassphrase: $('keys-pass2').value,
      keyEncryption: $('keys-kdf').value,
    };
  }

  const KEY_NOTE = 'This file is the private key, encrypted under your passphrase.';

  function showOne(r) {
    const name = cleanName($('keys-cn').value) || 'device';
    out.replaceChildren(
      commandBox('The certificate request: send it to your CA', r.csrPem, `${name}.csr`, { id: 'keys-csr' }),
      el('div', { class: 'row' }, downloadButton(`Download ${name}.key`, r.keyPem, `${name}.key`, KEY_NOTE, 'keys-key')),
      el('p', { class: 'hint' }, 'Public key SHA-256: ', el('code', { id: 'keys-spki' }, r.publicKeySha256)),
      runGuide([
        'Send the request (.csr) to your CA. The key file stays with you: the CA never needs it.',
        'When the certificate comes back, give it and the key file to the Install tab, with this passphrase.',
      ]),
    );
    reveal(out);
  }

  function showFleet(r) {
    const name = `keys-${localDate()}.zip`;
    out.replaceChildren(
      el('p', {}, `Keys and requests for ${r.devices.length} device${r.devices.length > 1 ? 's' : ''}.`),
      el('table', { class: 'fleet keys' },
        el('thead', {}, el('tr', {}, ...['Device', 'Common name', 'Alternative names', 'Public key SHA-256'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...r.devices.map((d) => el('tr', {},
          el('td', {}, d.device), el('td', {}, d.commonName), el('td', {}, d.subjectAltNames.join(', ')),
          el('td', {}, el('code', {}, d.publicKeySha256)))))),
      el('div', { class: 'row' }, downloadButton(`Download ${name}`, r.zip, name, '', 'keys-zip')),
      runGuide([
        'Send the requests in csr/ to your CA; keep keys/ (each key encrypted under your passphrase).',
        'When the certificates come back, open the Fleet tab: give it manifest.csv from the zip (fill in the secrets '
        + 'there), the certificates, the keys/ files and this passphrase. Each certificate pairs with its key.',
      ]),
    );
    reveal(out);
  }

  $('keys-make').addEventListener('click', async () => {
    const args = options();
    if (!fleet()) {
      await produce(out, () => run('keyAndCsr', args, 'Making the key and encrypting it…'), showOne);
      return;
    }
    args.devices = $('keys-devices').value;
    await produce(out, () => run('keyFleet', args, 'Making the keys and requests…'), showFleet);
  });

  showMode();
  return { clear() { clearPanel('panel-keys'); clearStrength(); showMode(); } };
})();
