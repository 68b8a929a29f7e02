/* tslint:disable */
/* eslint-disable */

/** A fleet's inputs: the manifest (CSV text), every certificate and key file, and the times. */
export interface FleetOptions {
    manifest: string; files: { name: string; bytes: Uint8Array | string }[]; passphrase?: string;
    now?: Date; expiresBefore?: Date;
    /**
     * planFleet only, for a pool's workers: read nothing until buildDevice, then only that device's
     * files (buildFiles: what the full plan's buildFiles() returned).
     */
    buildOnly?: boolean; buildFiles?: ({ files: number[]; leaf: string } | null)[];
}
/** One device as planned: no secret, no key. */
export interface FleetDeviceReport {
    device: string; deviceId?: string; line: number; status: "ready" | "warning" | "error"; findings: Finding[];
    commonName: string | null; subjectAltNames: { type: string; value: string }[]; sha1: string | null;
    sha256: string | null; notAfter: string | null; daysLeft: number | null; issuer: string | null;
    actions: Action[]; folder: string;
    /** Filled by buildFleet; empty in a plan's report and for a device in error. */
    commands: FleetCommand[];
}
/** One command: the blob, the text to paste (what deviceCommand returns), and the cloud xAPI shape. */
export interface FleetCommand {
    action: Action; jwe: string; text: string;
    xapi: { command: string; deviceId?: string; arguments: Record<string, string>; body?: string };
}
/** What FleetPlan.buildDevice returns; FleetPlan.pack takes a list of them. */
export interface BuiltDevice { index: number; device: string; commands: FleetCommand[] }
/** What buildFleet returns. */
export interface FleetResult {
    devices: FleetDeviceReport[]; findings: Finding[]; zip: Uint8Array;
}



/** A secret's strength against offline guessing; warnings carry stable codes. */
export interface Strength {
    bits: number; guessesLog10: number; label: "empty" | "weak" | "fair" | "good" | "strong";
    advice: string; crackTime: string; crackSeconds: number; warnings: { code: string; message: string }[];
}



/** Options of inspect. */
export interface InspectOptions {
    /** Opens an encrypted key or PKCS#12 file. */
    passphrase?: string;
    /** The time to check validity against. Default: now. */
    now?: Date;
    /** What messages call each item (file names, "the pasted text"): one per item. Default: "item 2". */
    names?: string[];
}
export interface CertificateInfo {
    subject: string; commonName: string | null;
    subjectAltNames: { type: "DNS" | "email" | "URI" | "IP" | "other"; value: string }[];
    issuer: string; serialNumber: string; notBefore: string; notAfter: string; daysLeft: number;
    publicKey: { algorithm: string; curve: string | null; bits: number | null };
    signatureAlgorithm: string; keyUsage: string[]; extendedKeyUsage: string[];
    isCa: boolean; selfSigned: boolean; sha1: string; sha256: string; caIssuersUrl: string | null;
}
/** What inspect returns. Never holds key material, except addPayload. */
export interface InspectReport {
    certificates: CertificateInfo[];
    privateKey: { algorithm: string; curve: string | null; format: string; wasEncrypted: boolean } | null;
    leafIndex: number | null;
    findings: Finding[];
    /** The device profile's checks that ran and passed. */
    passed: Passed[];
    addPayload: string | null;
}
/** A check that ran and passed: leaf_p256, chain_verified, key_matches, valid, key_usage, root_left_out. */
export interface Passed { code: string; message: string }



/** Options of inspectSaml. */
export interface InspectSamlOptions {
    /** The time to check validity against. Default: now. */
    now?: Date;
    /** Metadata to check a message against: the IdP's (signature certificate, Issuer), an SP's (Audience). */
    metadata?: string | string[];
}
export interface SamlSignature { present: boolean; algorithm: string | null }
export interface SamlEndpoint { binding: string; location: string; index?: string }
export interface SamlCertificate {
    entityId: string | null; role: "idp" | "sp" | null; use: "signing" | "encryption" | null;
    source: "metadata" | "response" | "assertion"; certificate: CertificateInfo;
}
export interface SamlEntity {
    entityId: string; roles: ("idp" | "sp")[]; validUntil: string | null; cacheDuration: string | null;
    singleSignOn: SamlEndpoint[]; singleLogout: SamlEndpoint[]; assertionConsumer: SamlEndpoint[]; nameIdFormats: string[];
}
export interface SamlMessage {
    element: string; id: string | null; issuer: string | null; destination: string | null; inResponseTo: string | null;
    issueInstant: string | null; assertionConsumerServiceUrl: string | null;
    status: { code: string | null; subCode: string | null; message: string | null } | null;
    nameId: string | null; nameIdFormat: string | null;
    conditions: { notBefore: string | null; notOnOrAfter: string | null; secondsToNotBefore: number | null; secondsToNotOnOrAfter: number | null } | null;
    audiences: string[];
    authn: { instant: string | null; sessionIndex: string | null; sessionNotOnOrAfter: string | null }[];
    attributes: { name: string; friendlyName: string | null; values: string[] }[];
    uidPresent: boolean;
    signatures: { message: SamlSignature; assertion: SamlSignature };
    signatureCertificateInMetadata: boolean | null;
}
export interface SamlReport {
    kind: "metadata" | "response" | "request" | "logout";
    encoding: "xml" | "base64" | "deflate" | "url";
    findings: Finding[];
    certificates: SamlCertificate[];
    metadata?: { signature: SamlSignature; validUntil: string | null; entities: SamlEntity[] };
    message?: SamlMessage;
}



/** Options of inspectToken. */
export interface InspectTokenOptions {
    /** Keys to check with: secrets, PEM (certificate, public or private key), JWK or JWKS JSON, hex or base64. */
    keys?: (string | Uint8Array)[];
    /** The time to check exp and nbf against. Default: now. */
    now?: Date;
    /** Opens an encrypted PKCS#8 or PKCS#12 private key among the keys. */
    passphrase?: string;
}
export interface TokenKeyInfo { index: number; form: "text" | "hex" | "base64" | "bytes" | "jwk" | "jwks" | "pem" | "der"; description: string; kids: string[] }
export interface TokenVerification {
    status: "valid" | "invalid" | "not_checked" | "unsupported" | "decrypted" | "failed";
    algorithm: string | null;
    key: { index: number | null; reading: "text" | "base64" | "hex" | "bytes" | "jwk" | "pem" | "der" | "x5c"; kid: string | null } | null;
}
export interface Token {
    kind: "jws" | "jwe" | "device";
    where: string;
    header: any; headerText: string; claims: any | null; payloadText: string | null;
    expanded: { claim: string; value: any }[];
    times: { claim: "iat" | "nbf" | "exp"; seconds: number; date: string | null; relative: string }[];
    summary: { alg: string | null; enc: string | null; kid: string | null; typ: string | null; cty: string | null; iss: string | null; sub: string | null; aud: string | null };
    verification: TokenVerification;
    x5c: CertificateInfo[] | null;
    nested: Token[];
    findings: Finding[];
}
export interface TokenReport { tokens: Token[]; keys: TokenKeyInfo[]; findings: Finding[] }



/** The four device actions. */
export type Action = "populate" | "add" | "activate" | "deactivate";
/** Content encryptions a device takes. */
export type Enc = "A128GCM" | "A256GCM";
/** Arguments of buildJwe. */
export interface BuildJweOptions {
    action: Action;
    /** The device's current ClientSecret. */
    secret: string;
    /** New secret (populate), PEM bundle (add) or SHA-1 fingerprint (activate, deactivate). */
    payload: string;
    /** Default "A256GCM". */
    enc?: Enc;
    /** For known-answer tests only: fixed salt, at least 4 bytes. Default: 16 random bytes. */
    salt?: Uint8Array;
    /** For known-answer tests only: fixed IV, exactly 12 bytes. Default: 12 random bytes. */
    iv?: Uint8Array;
    /** For tests only: skip the add payload's certificate checks. */
    allowFindings?: boolean;
    /** The time certificates are checked against. Default: now. */
    now?: Date;
}
/** What openJwe returns. */
export interface OpenedJwe {
    action: Action;
    enc: Enc;
    /** The scrypt salt, base64url. */
    salt: string;
    /** The protected header, parsed. */
    header: { alg: "dir"; "cisco-action": Action; "cisco-kdf": { salt: string; version: "1" }; enc: Enc };
    payload: string;
}



/** What a certificate request asks for, and the passphrase the key is saved under. */
export interface KeyAndCsrOptions {
    /** The name meeting participants see. */
    commonName: string;
    /** "DNS:room-1.example.com", "email:room-1@example.com", "URI:…", in order. */
    subjectAltNames?: string[];
    organization?: string; organizationalUnit?: string; country?: string; state?: string; locality?: string;
    keyUsage?: "digitalSignature"[];
    passphrase: string;
    /** The passphrase typed again: passphrase_mismatch when it differs. */
    confirmPassphrase?: string;
    /** scrypt (N=2^14, r=8, p=1; the default) or PBKDF2-HMAC-SHA256 (600,000 iterations). */
    keyEncryption?: "scrypt" | "pbkdf2";
}
/** A new key and its request. */
export interface KeyAndCsr { csrPem: string; keyPem: string; publicKeySha256: string }
/** A fleet's requests: the device names, and the request with {device} in its names. */
export interface KeyFleetOptions extends KeyAndCsrOptions {
    /** One device name per line, or the fleet manifest (its device column). */
    devices: string;
}
/** One device of a key fleet: its names after the patterns, and its file name in the zip. */
export interface KeyFleetDevice {
    device: string; commonName: string; subjectAltNames: string[]; file: string; publicKeySha256?: string;
}



/** What checkBundle returns: the report (never with addPayload) and, when it has no error, the bundle. */
export interface CheckedBundle { report: InspectReport; bundle: InstallBundle | null }
/** What InstallBundle.commands returns. */
export interface InstallCommands { add: string; activate: string; commonName: string | null; fingerprint: string }
/** Arguments of deactivateCommand: the fingerprint, the certificate's files, or both (they must agree). */
export interface DeactivateOptions {
    secret: string;
    fingerprint?: string;
    input?: string | Uint8Array | (string | Uint8Array)[];
    /** Opens an encrypted .p12 given as input. */
    passphrase?: string;
    now?: Date;
}
/** What deactivateCommand returns; commonName and warnings come from a certificate file. */
export interface Deactivation {
    fingerprint: string; command: string; commonName: string | null; warnings: Finding[];
}
/**
 * What checkBlob returns (and checkBlobs, for each blob): payload for populate, activate,
 * deactivate; report for add. plain: the unencrypted first seed command (no enc, no salt;
 * payload is the secret it sets).
 */
export interface CheckedBlob {
    action: Action; enc: Enc | null; salt: string | null; payload: string | null; report: InspectReport | null;
    plain: boolean;
}
/** Arguments of checkBlobs. */
/** secret: optional when the text holds only plain seed commands. */
export interface CheckBlobsOptions { text: string; secret?: string; now?: Date }



export interface Finding { severity: "error" | "warning" | "info"; code: string; message: string; inputIndex?: number }
/** Every error thrown by this module is an Error with a stable code. */
export interface DeviceIdentityError extends Error { code: string; findings?: Finding[] }



/**
 * A planned fleet, held in wasm memory: JavaScript never sees its keys or
 * secrets. Call `free()` when done with it.
 */
export class FleetPlan {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Builds device `index`'s commands (each blob its own scrypt, opened back once).
     */
    buildDevice(index: number): BuiltDevice;
    /**
     * Which files each device's bundle came from (indexes into the files
     * given) and its leaf's SHA-1: what a `buildOnly` plan takes as
     * `buildFiles`. No secret, no key.
     */
    buildFiles(): ({ files: number[]; leaf: string } | null)[];
    /**
     * The zip of what was built: `built` is what `buildDevice` returned, for
     * every device built (after a cancel, some).
     */
    pack(built: BuiltDevice[], options: { initialPopulate?: boolean } | undefined): Uint8Array;
    /**
     * Every device as planned, and the fleet-level findings.
     */
    report(): { devices: FleetDeviceReport[]; findings: Finding[] };
}

/**
 * A bundle that passed every check, held in wasm memory: JavaScript never
 * sees its private key. Call `free()` when done with it.
 */
export class InstallBundle {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The `add` and `activate` commands under the device's current secret.
     */
    commands(secret: string): InstallCommands;
    /**
     * The leaf's SHA-1 fingerprint.
     */
    readonly fingerprint: string;
}

/**
 * A fleet's requests, all checked, the passphrase derived once: the page
 * makes one key at a time with `generate`, then packs the zip.
 */
export class KeyFleetPlan {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The devices with their names filled in, in order.
     */
    devices(): KeyFleetDevice[];
    /**
     * Makes device `index`'s key and request; returns its `publicKeySha256`.
     */
    generate(index: number): string;
    /**
     * The zip (`csr/`, `keys/`, `manifest.csv`, `README.txt`) once every key is made.
     */
    pack(): Uint8Array;
}

/**
 * Plans, builds every device not in error (one after another) and packs
 * the zip, in one call: `{ devices, findings, zip }`.
 */
export function buildFleet(options: FleetOptions & { initialPopulate?: boolean }): FleetResult;

/**
 * Builds the compact JWE (the "blob") a device takes for one action.
 * Throws an Error with a `code` for any bad input; see the README.
 */
export function buildJwe(options: BuildJweOptions): string;

/**
 * Finds the one blob (or plain seed command) in pasted text (alone, a whole
 * command, with text around it, wrapped over lines), opens it with the
 * secret, and says what it carries. Text holding several: `several_blobs`.
 */
export function checkBlob(text: string, secret: string): CheckedBlob;

/**
 * Finds every blob (and plain seed command) in pasted text, opens each with
 * the secret, and says what each carries: `{ blobs: [...] }`, in order.
 */
export function checkBlobs(options: CheckBlobsOptions): { blobs: CheckedBlob[] };

/**
 * Checks certificate files (as `inspect` takes them) by the device's rules and
 * returns `{ report, bundle }`; `bundle` builds the install commands.
 */
export function checkBundle(input: string | Uint8Array | (string | Uint8Array)[], options: InspectOptions | undefined): CheckedBundle;

/**
 * The `deactivate` command, from a fingerprint, the certificate's files, or
 * both (which must agree): `{ fingerprint, command, commonName, warnings }`.
 */
export function deactivateCommand(options: DeactivateOptions): Deactivation;

/**
 * Returns the exact device command text that carries `jwe` for `action`
 * (three lines for add, the last holding only "."; no trailing newline).
 * The blob's header must carry the same action.
 */
export function deviceCommand(action: Action, jwe: string): string;

/**
 * Every error code this module can throw, for callers that map codes to help.
 */
export function errorCodes(): string[];

/**
 * Fills the empty `secret` cells of a manifest with generated secrets:
 * `{ manifest, filled }` (the completed CSV, and the devices filled).
 */
export function fillFleetSecrets(options: { manifest: string; kind?: "phrase" | "base64url" }): { manifest: string; filled: string[] };

/**
 * The manifest template (CSV): the header and one example row.
 */
export function fleetTemplate(): string;

/**
 * A new P-256 key from the browser's CSPRNG and its PKCS#10 request; the key
 * encrypted (PKCS#8, PBES2) under the passphrase.
 */
export function generateKeyAndCsr(options: KeyAndCsrOptions): KeyAndCsr;

/**
 * Keys and requests for a fleet in one call: `{ devices, zip }`.
 */
export function generateKeyFleet(options: KeyFleetOptions): { devices: KeyFleetDevice[]; zip: Uint8Array };

/**
 * A fresh random ClientSecret from the browser's CSPRNG: `"phrase"` (six
 * pronounceable groups, about 76 bits) or `"base64url"` (128 bits).
 */
export function generateSecret(kind: "phrase" | "base64url"): string;

/**
 * Returns the first, plain-text populate command that seeds a device with
 * `secret`. It carries the secret in clear: type it at the device console.
 */
export function initialPopulateCommand(secret: string): string;

/**
 * Reads certificates and keys (PEM text, or the bytes of a PEM, DER or
 * PKCS#12 file) and reports on them: certificates, key, findings, and the
 * `add` payload when there are no errors. Throws only for bad arguments.
 */
export function inspect(input: string | Uint8Array | (string | Uint8Array)[], options: InspectOptions | undefined): InspectReport;

/**
 * Reads SAML metadata or a message (XML, base64, deflated, or the URL that
 * carries it) and checks it. Signatures are reported present, never verified.
 */
export function inspectSaml(text: any, options: InspectSamlOptions | undefined): SamlReport;

/**
 * Finds the JWTs and JWEs in `text` (a token, a Bearer line, a URL, a form
 * body, JSON) and decodes, verifies and opens each with the keys given.
 * Throws only for bad arguments and over-cap inputs.
 */
export function inspectToken(text: any, options: InspectTokenOptions | undefined): TokenReport;

/**
 * The largest input accepted, in bytes (1 MiB).
 */
export function maxInputBytes(): number;

/**
 * Returns 40 lowercase hex digits from a fingerprint pasted with or without
 * colons, spaces, upper case or openssl's "SHA1 Fingerprint=" prefix.
 */
export function normalizeFingerprint(text: string): string;

/**
 * Opens a blob with the secret: full validation and tag check, then returns
 * `{ action, enc, salt, header, payload }`. Never returns partial plaintext.
 */
export function openJwe(jwe: string, secret: string): OpenedJwe;

/**
 * Plans a fleet: reads the manifest and files, pairs certificates with keys
 * by public key, checks every device and the fleet. Throws only when the
 * manifest as a whole cannot be used or the files are over the caps. With
 * `buildOnly: true` and a full plan's `buildFiles` (each worker of a pool),
 * nothing is read until `buildDevice`, which reads and checks that device.
 */
export function planFleet(options: FleetOptions): FleetPlan;

/**
 * Checks every device's request and the passphrase; makes no key yet.
 */
export function planKeyFleet(options: KeyFleetOptions): KeyFleetPlan;

/**
 * A strength estimate of a typed secret against offline guessing (see
 * `secret::secret_strength`): bits, guessesLog10, label, advice, crackTime,
 * crackSeconds and warnings (each a `code` and a `message`).
 */
export function secretStrength(secret: string): Strength;

/**
 * The SHA-1 fingerprint of the leaf certificate in `input`, as device
 * commands take it: 40 lowercase hex digits (openssl's, without colons).
 */
export function sha1Fingerprint(input: string | Uint8Array, options: InspectOptions | undefined): string;

/**
 * Runs once when the module is instantiated: a panic then reports its
 * message on the console instead of a bare "unreachable" trap.
 */
export function start(): void;

/**
 * Runs the key derivation's code once on a small input so that the engine
 * optimises it before the first blob; the worker calls it right after start-up.
 */
export function warmUp(): void;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_fleetplan_free: (a: number, b: number) => void;
    readonly __wbg_installbundle_free: (a: number, b: number) => void;
    readonly __wbg_keyfleetplan_free: (a: number, b: number) => void;
    readonly buildFleet: (a: any) => [number, number, number];
    readonly buildJwe: (a: any) => [number, number, number, number];
    readonly checkBlob: (a: any, b: any) => [number, number, number];
    readonly checkBlobs: (a: any) => [number, number, number];
    readonly checkBundle: (a: any, b: any) => [number, number, number];
    readonly deactivateCommand: (a: any) => [number, number, number];
    readonly deviceCommand: (a: any, b: any) => [number, number, number, number];
    readonly errorCodes: () => any;
    readonly fillFleetSecrets: (a: any) => [number, number, number];
    readonly fleetTemplate: () => [number, number];
    readonly fleetplan_buildDevice: (a: number, b: any) => [number, number, number];
    readonly fleetplan_buildFiles: (a: number) => [number, number, number];
    readonly fleetplan_pack: (a: number, b: any, c: any) => [number, number, number];
    readonly fleetplan_report: (a: number) => [number, number, number];
    readonly generateKeyAndCsr: (a: any) => [number, number, number];
    readonly generateKeyFleet: (a: any) => [number, number, number];
    readonly generateSecret: (a: any) => [number, number, number, number];
    readonly initialPopulateCommand: (a: any) => [number, number, number, number];
    readonly inspect: (a: any, b: any) => [number, number, number];
    readonly inspectSaml: (a: any, b: any) => [number, number, number];
    readonly inspectToken: (a: any, b: any) => [number, number, number];
    readonly installbundle_commands: (a: number, b: any) => [number, number, number];
    readonly installbundle_fingerprint: (a: number) => [number, number];
    readonly keyfleetplan_devices: (a: number) => any;
    readonly keyfleetplan_generate: (a: number, b: number) => [number, number, number, number];
    readonly keyfleetplan_pack: (a: number) => [number, number, number];
    readonly maxInputBytes: () => number;
    readonly normalizeFingerprint: (a: any) => [number, number, number, number];
    readonly openJwe: (a: any, b: any) => [number, number, number];
    readonly planFleet: (a: any) => [number, number, number];
    readonly planKeyFleet: (a: any) => [number, number, number];
    readonly secretStrength: (a: any) => [number, number, number];
    readonly sha1Fingerprint: (a: any, b: any) => [number, number, number, number];
    readonly start: () => void;
    readonly warmUp: () => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
