// Every output is bound to the exact inputs that made it. A command on screen
// that no longer matches its fields is how a device ends up with a secret
// nobody knows: so any change to one of an output's inputs empties the
// output, and a result that arrives after such a change is thrown away.
// Workflows declare their outputs here, once, with all their inputs, and fill
// them through produce().

const outputVersions = new Map(); // output element -> count of invalidations

/**
 * Binds output `outId` to the fields `inputIds`: typing, pasting, a generated
 * secret or a ticked box fire "input"; a file list (file-list.js) fires
 * "change". Not "change" on a field: Enter fires one there, after the value
 * was already bound, and would throw away the output Enter just asked for.
 * `onInvalidate` runs too (a workflow's own state, such as a checked bundle).
 */
function bindOutput(outId, inputIds, onInvalidate = () => {}) {
  const out = $(outId);
  outputVersions.set(out, 0);
  const invalidate = () => {
    outputVersions.set(out, outputVersions.get(out) + 1);
    out.replaceChildren();
    onInvalidate();
  };
  for (const id of inputIds) {
    const field = $(id);
    field.addEventListener(field instanceof HTMLUListElement ? 'change' : 'input', invalidate);
  }
  return invalidate;
}

/**
 * Fills output `out`, the one way every workflow does: `work(current)` does
 * the work (`current()` tells whether the inputs are still the ones it started
 * from; it returns undefined when it showed a problem itself), then
 * `show(result)` fills the output, or the error is shown. A result or an error
 * that arrives after one of the inputs changed is dropped.
 */
async function produce(out, work, show) {
  const version = outputVersions.get(out);
  const current = () => outputVersions.get(out) === version;
  try {
    const result = await work(current);
    if (result !== undefined && current()) show(result);
  } catch (e) {
    if (current()) showError(out, e);
  }
}
