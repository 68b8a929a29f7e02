// The self-test, run in the worker against the engine itself: the spec's
// worked example byte for byte, its opening, a wrong secret refused, and a
// fresh blob's round trip. `engine` is wasm-bindgen's glue (wasm_bindgen).

const EXAMPLE = {
  secret: 'ossifrage', payload: 'this is a PEM file', enc: 'A128GCM',
  salt: [0xe5, 0xe6, 0x53, 0x08, 0x03, 0xf8, 0x33, 0xf6],
  iv: [0x34, 0xb3, 0x5d, 0xdd, 0x5f, 0x53, 0x7b, 0xaf, 0x2d, 0x92, 0x95, 0x83],
  jwe: 'eyJhbGciOiJkaXIiLCJjaXNjby1hY3Rpb24iOiJhZGQiLCJjaXNjby1rZGYiOnsic2FsdCI6IjVlWlRDQVA0TV9ZIiwidmVyc2lvbiI6IjEifSwiZW5jIjoiQTEyOEdDTSJ9..NLNd3V9Te68tkpWD.f5lLVuWNfKfmzYCo1YJfODhQ.PE-wDFWGXFFBeo928cfZ1Q',
};

function selfTest(engine) {
  const results = [];
  const check = (name, fn) => {
    const start = performance.now();
    try {
      const detail = fn();
      results.push({ name, pass: true, detail, ms: Math.round(performance.now() - start) });
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e; // a trap is the engine failing, not a check
      results.push({ name, pass: false, detail: e.message, ms: Math.round(performance.now() - start) });
    }
  };
  check('The published worked example builds byte for byte', () => {
    const jwe = engine.buildJwe({
      action: 'add', secret: EXAMPLE.secret, payload: EXAMPLE.payload, enc: EXAMPLE.enc,
      salt: new Uint8Array(EXAMPLE.salt), iv: new Uint8Array(EXAMPLE.iv), allowFindings: true,
    });
    if (jwe !== EXAMPLE.jwe) throw new Error('The blob differs from the published one.');
    return 'identical';
  });
  check('It opens with its secret to its payload', () => {
    if (engine.openJwe(EXAMPLE.jwe, EXAMPLE.secret).payload !== EXAMPLE.payload) throw new Error('Wrong payload.');
    return 'payload matches';
  });
  check('A wrong secret is refused', () => {
    try { engine.openJwe(EXAMPLE.jwe, 'not the secret'); } catch (e) {
      if (e.code === 'decrypt_failed') return 'refused';
      if (e instanceof WebAssembly.RuntimeError) throw e;
    }
    throw new Error('A wrong secret opened the blob.');
  });
  check('A fresh blob round-trips with a random salt and IV', () => {
    const secret = engine.generateSecret('base64url');
    const jwe = engine.buildJwe({ action: 'populate', secret, payload: 'next secret' });
    if (engine.openJwe(jwe, secret).payload !== 'next secret') throw new Error('Round trip failed.');
    return 'round trip ok';
  });
  return results;
}
