// The package's own core (web/dist/wasm, built by `cargo xtask web`), loaded in Node as a
// page loads it from bytes.

import { readFileSync } from 'node:fs';

import { PasskeyReady } from '../../web/dist/shell/index.js';

const WASM = new URL('../../web/dist/wasm/passkey_ready_web_bg.wasm', import.meta.url);

let loaded: PasskeyReady | undefined;

export function passkeyReady(): PasskeyReady {
  loaded ??= PasskeyReady.loadSync({ wasm: readFileSync(WASM) });
  return loaded;
}
