/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const buildJwe: (a: any) => [number, number, number, number];
export const deviceCommand: (a: any, b: any) => [number, number, number, number];
export const errorCodes: () => any;
export const generateSecret: (a: any) => [number, number, number, number];
export const initialPopulateCommand: (a: any) => [number, number, number, number];
export const inspect: (a: any, b: any) => [number, number, number];
export const maxInputBytes: () => number;
export const normalizeFingerprint: (a: any) => [number, number, number, number];
export const openJwe: (a: any, b: any) => [number, number, number];
export const secretStrength: (a: any) => [number, number, number];
export const sha1Fingerprint: (a: any, b: any) => [number, number, number, number];
export const warmUp: () => void;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
