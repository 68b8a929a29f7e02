/* @ts-self-types="./webex_device_identity.d.ts" */

/**
 * A planned fleet, held in wasm memory: JavaScript never sees its keys or
 * secrets. Call `free()` when done with it.
 */
export class FleetPlan {
    static __wrap(ptr) {
        const obj = Object.create(FleetPlan.prototype);
        obj.__wbg_ptr = ptr;
        FleetPlanFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        FleetPlanFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_fleetplan_free(ptr, 0);
    }
    /**
     * Builds device `index`'s commands (each blob its own scrypt, opened back once).
     * @param {number} index
     * @returns {BuiltDevice}
     */
    buildDevice(index) {
        const ret = wasm.fleetplan_buildDevice(this.__wbg_ptr, index);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Which files each device's bundle came from (indexes into the files
     * given) and its leaf's SHA-1: what a `buildOnly` plan takes as
     * `buildFiles`. No secret, no key.
     * @returns {({ files: number[]; leaf: string } | null)[]}
     */
    buildFiles() {
        const ret = wasm.fleetplan_buildFiles(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The zip of what was built: `built` is what `buildDevice` returned, for
     * every device built (after a cancel, some).
     * @param {BuiltDevice[]} built
     * @param {{ initialPopulate?: boolean } | undefined} options
     * @returns {Uint8Array}
     */
    pack(built, options) {
        const ret = wasm.fleetplan_pack(this.__wbg_ptr, built, options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Every device as planned, and the fleet-level findings.
     * @returns {{ devices: FleetDeviceReport[]; findings: Finding[] }}
     */
    report() {
        const ret = wasm.fleetplan_report(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) FleetPlan.prototype[Symbol.dispose] = FleetPlan.prototype.free;

/**
 * A bundle that passed every check, held in wasm memory: JavaScript never
 * sees its private key. Call `free()` when done with it.
 */
export class InstallBundle {
    static __wrap(ptr) {
        const obj = Object.create(InstallBundle.prototype);
        obj.__wbg_ptr = ptr;
        InstallBundleFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        InstallBundleFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_installbundle_free(ptr, 0);
    }
    /**
     * The `add` and `activate` commands under the device's current secret.
     * @param {string} secret
     * @returns {InstallCommands}
     */
    commands(secret) {
        const ret = wasm.installbundle_commands(this.__wbg_ptr, secret);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The leaf's SHA-1 fingerprint.
     * @returns {string}
     */
    get fingerprint() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.installbundle_fingerprint(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
}
if (Symbol.dispose) InstallBundle.prototype[Symbol.dispose] = InstallBundle.prototype.free;

/**
 * A fleet's requests, all checked, the passphrase derived once: the page
 * makes one key at a time with `generate`, then packs the zip.
 */
export class KeyFleetPlan {
    static __wrap(ptr) {
        const obj = Object.create(KeyFleetPlan.prototype);
        obj.__wbg_ptr = ptr;
        KeyFleetPlanFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        KeyFleetPlanFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_keyfleetplan_free(ptr, 0);
    }
    /**
     * The devices with their names filled in, in order.
     * @returns {KeyFleetDevice[]}
     */
    devices() {
        const ret = wasm.keyfleetplan_devices(this.__wbg_ptr);
        return ret;
    }
    /**
     * Makes device `index`'s key and request; returns its `publicKeySha256`.
     * @param {number} index
     * @returns {string}
     */
    generate(index) {
        let deferred2_0;
        let deferred2_1;
        try {
            const ret = wasm.keyfleetplan_generate(this.__wbg_ptr, index);
            var ptr1 = ret[0];
            var len1 = ret[1];
            if (ret[3]) {
                ptr1 = 0; len1 = 0;
                throw takeFromExternrefTable0(ret[2]);
            }
            deferred2_0 = ptr1;
            deferred2_1 = len1;
            return getStringFromWasm0(ptr1, len1);
        } finally {
            wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
        }
    }
    /**
     * The zip (`csr/`, `keys/`, `manifest.csv`, `README.txt`) once every key is made.
     * @returns {Uint8Array}
     */
    pack() {
        const ret = wasm.keyfleetplan_pack(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) KeyFleetPlan.prototype[Symbol.dispose] = KeyFleetPlan.prototype.free;

/**
 * Plans, builds every device not in error (one after another) and packs
 * the zip, in one call: `{ devices, findings, zip }`.
 * @param {FleetOptions & { initialPopulate?: boolean }} options
 * @returns {FleetResult}
 */
export function buildFleet(options) {
    const ret = wasm.buildFleet(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Builds the compact JWE (the "blob") a device takes for one action.
 * Throws an Error with a `code` for any bad input; see the README.
 * @param {BuildJweOptions} options
 * @returns {string}
 */
export function buildJwe(options) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.buildJwe(options);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Finds the one blob (or plain seed command) in pasted text (alone, a whole
 * command, with text around it, wrapped over lines), opens it with the
 * secret, and says what it carries. Text holding several: `several_blobs`.
 * @param {string} text
 * @param {string} secret
 * @returns {CheckedBlob}
 */
export function checkBlob(text, secret) {
    const ret = wasm.checkBlob(text, secret);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Finds every blob (and plain seed command) in pasted text, opens each with
 * the secret, and says what each carries: `{ blobs: [...] }`, in order.
 * @param {CheckBlobsOptions} options
 * @returns {{ blobs: CheckedBlob[] }}
 */
export function checkBlobs(options) {
    const ret = wasm.checkBlobs(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Checks certificate files (as `inspect` takes them) by the device's rules and
 * returns `{ report, bundle }`; `bundle` builds the install commands.
 * @param {string | Uint8Array | (string | Uint8Array)[]} input
 * @param {InspectOptions | undefined} options
 * @returns {CheckedBundle}
 */
export function checkBundle(input, options) {
    const ret = wasm.checkBundle(input, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The `deactivate` command, from a fingerprint, the certificate's files, or
 * both (which must agree): `{ fingerprint, command, commonName, warnings }`.
 * @param {DeactivateOptions} options
 * @returns {Deactivation}
 */
export function deactivateCommand(options) {
    const ret = wasm.deactivateCommand(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Returns the exact device command text that carries `jwe` for `action`
 * (three lines for add, the last holding only "."; no trailing newline).
 * The blob's header must carry the same action.
 * @param {Action} action
 * @param {string} jwe
 * @returns {string}
 */
export function deviceCommand(action, jwe) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.deviceCommand(action, jwe);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Every error code this module can throw, for callers that map codes to help.
 * @returns {string[]}
 */
export function errorCodes() {
    const ret = wasm.errorCodes();
    return ret;
}

/**
 * Fills the empty `secret` cells of a manifest with generated secrets:
 * `{ manifest, filled }` (the completed CSV, and the devices filled).
 * @param {{ manifest: string; kind?: "phrase" | "base64url" }} options
 * @returns {{ manifest: string; filled: string[] }}
 */
export function fillFleetSecrets(options) {
    const ret = wasm.fillFleetSecrets(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The manifest template (CSV): the header and one example row.
 * @returns {string}
 */
export function fleetTemplate() {
    let deferred1_0;
    let deferred1_1;
    try {
        const ret = wasm.fleetTemplate();
        deferred1_0 = ret[0];
        deferred1_1 = ret[1];
        return getStringFromWasm0(ret[0], ret[1]);
    } finally {
        wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
    }
}

/**
 * A new P-256 key from the browser's CSPRNG and its PKCS#10 request; the key
 * encrypted (PKCS#8, PBES2) under the passphrase.
 * @param {KeyAndCsrOptions} options
 * @returns {KeyAndCsr}
 */
export function generateKeyAndCsr(options) {
    const ret = wasm.generateKeyAndCsr(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Keys and requests for a fleet in one call: `{ devices, zip }`.
 * @param {KeyFleetOptions} options
 * @returns {{ devices: KeyFleetDevice[]; zip: Uint8Array }}
 */
export function generateKeyFleet(options) {
    const ret = wasm.generateKeyFleet(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * A fresh random ClientSecret from the browser's CSPRNG: `"phrase"` (six
 * pronounceable groups, about 76 bits) or `"base64url"` (128 bits).
 * @param {"phrase" | "base64url"} kind
 * @returns {string}
 */
export function generateSecret(kind) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.generateSecret(kind);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Returns the first, plain-text populate command that seeds a device with
 * `secret`. It carries the secret in clear: type it at the device console.
 * @param {string} secret
 * @returns {string}
 */
export function initialPopulateCommand(secret) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.initialPopulateCommand(secret);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Reads certificates and keys (PEM text, or the bytes of a PEM, DER or
 * PKCS#12 file) and reports on them: certificates, key, findings, and the
 * `add` payload when there are no errors. Throws only for bad arguments.
 * @param {string | Uint8Array | (string | Uint8Array)[]} input
 * @param {InspectOptions | undefined} options
 * @returns {InspectReport}
 */
export function inspect(input, options) {
    const ret = wasm.inspect(input, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Reads SAML metadata or a message (XML, base64, deflated, or the URL that
 * carries it) and checks it. Signatures are reported present, never verified.
 * @param {any} text
 * @param {InspectSamlOptions | undefined} options
 * @returns {SamlReport}
 */
export function inspectSaml(text, options) {
    const ret = wasm.inspectSaml(text, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Finds the JWTs and JWEs in `text` (a token, a Bearer line, a URL, a form
 * body, JSON) and decodes, verifies and opens each with the keys given.
 * Throws only for bad arguments and over-cap inputs.
 * @param {any} text
 * @param {InspectTokenOptions | undefined} options
 * @returns {TokenReport}
 */
export function inspectToken(text, options) {
    const ret = wasm.inspectToken(text, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The largest input accepted, in bytes (1 MiB).
 * @returns {number}
 */
export function maxInputBytes() {
    const ret = wasm.maxInputBytes();
    return ret >>> 0;
}

/**
 * Returns 40 lowercase hex digits from a fingerprint pasted with or without
 * colons, spaces, upper case or openssl's "SHA1 Fingerprint=" prefix.
 * @param {string} text
 * @returns {string}
 */
export function normalizeFingerprint(text) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.normalizeFingerprint(text);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Opens a blob with the secret: full validation and tag check, then returns
 * `{ action, enc, salt, header, payload }`. Never returns partial plaintext.
 * @param {string} jwe
 * @param {string} secret
 * @returns {OpenedJwe}
 */
export function openJwe(jwe, secret) {
    const ret = wasm.openJwe(jwe, secret);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Plans a fleet: reads the manifest and files, pairs certificates with keys
 * by public key, checks every device and the fleet. Throws only when the
 * manifest as a whole cannot be used or the files are over the caps. With
 * `buildOnly: true` and a full plan's `buildFiles` (each worker of a pool),
 * nothing is read until `buildDevice`, which reads and checks that device.
 * @param {FleetOptions} options
 * @returns {FleetPlan}
 */
export function planFleet(options) {
    const ret = wasm.planFleet(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return FleetPlan.__wrap(ret[0]);
}

/**
 * Checks every device's request and the passphrase; makes no key yet.
 * @param {KeyFleetOptions} options
 * @returns {KeyFleetPlan}
 */
export function planKeyFleet(options) {
    const ret = wasm.planKeyFleet(options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return KeyFleetPlan.__wrap(ret[0]);
}

/**
 * A strength estimate of a typed secret against offline guessing (see
 * `secret::secret_strength`): bits, guessesLog10, label, advice, crackTime,
 * crackSeconds and warnings (each a `code` and a `message`).
 * @param {string} secret
 * @returns {Strength}
 */
export function secretStrength(secret) {
    const ret = wasm.secretStrength(secret);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The SHA-1 fingerprint of the leaf certificate in `input`, as device
 * commands take it: 40 lowercase hex digits (openssl's, without colons).
 * @param {string | Uint8Array} input
 * @param {InspectOptions | undefined} options
 * @returns {string}
 */
export function sha1Fingerprint(input, options) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.sha1Fingerprint(input, options);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Runs once when the module is instantiated: a panic then reports its
 * message on the console instead of a bare "unreachable" trap.
 */
export function start() {
    wasm.start();
}

/**
 * Runs the key derivation's code once on a small input so that the engine
 * optimises it before the first blob; the worker calls it right after start-up.
 */
export function warmUp() {
    wasm.warmUp();
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_boolean_get_4f1baf9a00be3c74: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        __wbg___wbindgen_debug_string_f249a2a76caa9a55: function(arg0, arg1) {
            const ret = debugString(arg1);
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_is_falsy_d864b623500ae65d: function(arg0) {
            const ret = !arg0;
            return ret;
        },
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_string_fc456fee5d3317de: function(arg0) {
            const ret = typeof(arg0) === 'string';
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        __wbg_apply_e2c1e00e05fc7519: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.apply(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_charCodeAt_851946d8f1279e11: function(arg0, arg1) {
            const ret = arg0.charCodeAt(arg1 >>> 0);
            return ret;
        },
        __wbg_construct_8670bb4c2b062969: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.construct(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_constructor_76ad3e2c50d259de: function(arg0) {
            const ret = arg0.constructor;
            return ret;
        },
        __wbg_error_757e9472f8410341: function(arg0, arg1) {
            let deferred0_0;
            let deferred0_1;
            try {
                deferred0_0 = arg0;
                deferred0_1 = arg1;
                console.error(getStringFromWasm0(arg0, arg1));
            } finally {
                wasm.__wbindgen_free(deferred0_0, deferred0_1, 1);
            }
        },
        __wbg_getOwnPropertyDescriptor_bde8c48ab22edbff: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.getOwnPropertyDescriptor(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_getPrototypeOf_8fbf04523e13de29: function() { return handleError(function (arg0) {
            const ret = Reflect.getPrototypeOf(arg0);
            return ret;
        }, arguments); },
        __wbg_getRandomValues_8b6f1f663e6f188d: function() { return handleError(function (arg0, arg1) {
            globalThis.crypto.getRandomValues(getArrayU8FromWasm0(arg0, arg1));
        }, arguments); },
        __wbg_get_2080c49015e35254: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_get_bb8b6b35041e00c9: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1 >>> 0);
            return ret;
        }, arguments); },
        __wbg_get_unchecked_e6325ad374eff861: function(arg0, arg1) {
            const ret = arg0[arg1 >>> 0];
            return ret;
        },
        __wbg_installbundle_new: function(arg0) {
            const ret = InstallBundle.__wrap(arg0);
            return ret;
        },
        __wbg_length_186163212ffe79c3: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_b03a0fabb109b1e9: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_e83e819f48c774e4: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_new_0_36d738a0c8cfac43: function() {
            const ret = new Date();
            return ret;
        },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_bb74001155cb8ca8: function() {
            const ret = new Error();
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_from_slice_b8daf545a41c6aa0: function(arg0, arg1) {
            const ret = new Uint8Array(getArrayU8FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_with_length_01b143a7e5dd5a3e: function(arg0) {
            const ret = new Uint8Array(arg0 >>> 0);
            return ret;
        },
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_of_027eb15371aac932: function(arg0) {
            const ret = Array.of(arg0);
            return ret;
        },
        __wbg_ownKeys_c9890d5405932253: function() { return handleError(function (arg0) {
            const ret = Reflect.ownKeys(arg0);
            return ret;
        }, arguments); },
        __wbg_parse_c3f72b5a24f83c01: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_prototypesetcall_13162965d1fe7aa3: function(arg0, arg1, arg2) {
            Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
        },
        __wbg_push_c9f4893fc209f768: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_slice_8c7f01d7eb703b4e: function(arg0, arg1, arg2) {
            const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);
            return ret;
        },
        __wbg_stack_575c4e0918581b9c: function(arg0, arg1) {
            const ret = arg1.stack;
            const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            const len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg_static_accessor_GLOBAL_THIS_003ee833af9699fc: function() {
            const ret = typeof globalThis === 'undefined' ? undefined : globalThis;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_GLOBAL_e4293fb22cbe77da: function() {
            const ret = typeof global === 'undefined' ? undefined : global;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_SELF_53bb20457401453d: function() {
            const ret = typeof self === 'undefined' ? undefined : self;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_WINDOW_b5e0810bfecb7feb: function() {
            const ret = typeof window === 'undefined' ? undefined : window;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_toStringTag_1bdd39ac5d866229: function() {
            const ret = Symbol.toStringTag;
            return ret;
        },
        __wbindgen_generic_0000000000000001: function(arg0) {
            // Cast intrinsic for `F64 -> Externref`.
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "./webex_device_identity_bg.js": import0,
    };
}

const FleetPlanFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_fleetplan_free(ptr, 1));
const InstallBundleFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_installbundle_free(ptr, 1));
const KeyFleetPlanFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_keyfleetplan_free(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

function debugString(val) {
    switch (typeof val) {
        // primitive types
        case 'number':
        case 'boolean':
        case 'undefined':
        return `${val}`;
        case 'string':
        return JSON.stringify(val);
        case 'bigint':
        return `${val}n`;
        case 'symbol':
        return val.description !== undefined
            ? `Symbol(${val.description})`
            : 'Symbol';
        case 'function':
        return typeof val.name === 'string' && val.name !== ''
            ? `Function(${val.name})`
            : 'Function';
        case 'object': {
            if (val === null) {
                return 'null';
            }
            // objects
            if (Array.isArray(val)) {
                return '[' + Array.from(val, debugString).join(', ') + ']';
            }
            // errors
            if (val instanceof Error) {
                return `${val.name}: ${val.message}\n${val.stack}`;
            }

            const toStringOutput = toString.call(val);
            // Test for built-in
            const className = /\[object ([^\]]+)\]/.exec(toStringOutput)?.[1];

            // Failed to match the standard '[object ClassName]'
            if (className === undefined) {
                return toStringOutput;
            }
            if (className === 'Object') {
                // we're a user defined class or Object
                // JSON.stringify avoids problems with cycles, and is generally much
                // easier than looping through ownProperties of `val`.
                try {
                    return 'Object(' + JSON.stringify(val) + ')';
                } catch (_) {
                    return 'Object';
                }
            }
            // TODO we could test for more things here, like `Set`s and `Map`s.
            return className;
        }
        // Per MDN: 'This list of values is exhaustive.'
        // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/typeof#description
    }
}

function getArrayU8FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('webex_device_identity_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
