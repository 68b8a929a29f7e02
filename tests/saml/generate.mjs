// Expands the recipes of tests/saml/cases.json (inputs too large to commit) into the text to inspect.
// The same function as generate() in make_fixtures.py; README.md, "Recipes", describes each kind.
// No Node-only APIs, so it runs in a browser test as well.

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const LONG_HEAD = `<md:EntityDescriptor xmlns:md="${MD}" entityID="`;
const LONG_TAIL = '"/>';
const FINAL_EMPTY_BLOCK = '\x03\x00'; // BFINAL=1, fixed Huffman, end-of-block

/** Base64 of a "binary string" (one char per byte), in slices so btoa's argument stays small. */
function base64OfBinary(binary) {
  let out = '';
  const slice = 3 * 65536; // a multiple of 3: the pieces join without padding in between
  for (let i = 0; i < binary.length; i += slice) out += btoa(binary.slice(i, i + slice));
  return out;
}

/**
 * The input a recipe describes: a string (all current kinds are text).
 * @param {{generate: string} & Record<string, unknown>} recipe
 * @returns {string | Uint8Array}
 */
export function generate(recipe) {
  switch (recipe.generate) {
    case 'nested':
      return '<a>'.repeat(recipe.depth) + '</a>'.repeat(recipe.depth);
    case 'siblings':
      return `<a>${'<b/>'.repeat(recipe.count)}</a>`;
    case 'long_attribute':
      return LONG_HEAD + 'a'.repeat(recipe.valueLength) + LONG_TAIL;
    case 'certificates':
      return recipe.head + recipe.each.repeat(recipe.count) + recipe.tail;
    case 'deflate_zeros_base64':
      // `segment` is raw DEFLATE of 1 MiB of zeros ending in a full flush: copies concatenate.
      return base64OfBinary(atob(recipe.segment).repeat(recipe.times) + FINAL_EMPTY_BLOCK);
    default:
      throw new Error(`unknown recipe ${recipe.generate}`);
  }
}
