// Loads the committed pkg/ in Node the way a page does, from bytes (no fetch).
import { readFileSync } from 'node:fs';
import * as api from '../../pkg/webex_device_identity.js';

const wasm = readFileSync(new URL('../../pkg/webex_device_identity_bg.wasm', import.meta.url));
api.initSync({ module: wasm });
export default api;
