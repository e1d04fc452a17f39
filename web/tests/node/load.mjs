// The built package, loaded as a page's bundler or a Node user would: through the package's
// own `exports` (self-reference by name), the .wasm read from disk and instantiated with
// `initSync`. Imported by every test file; nothing here is a test.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import * as wasm from "passkey-ready/wasm";

const wasmUrl = import.meta.resolve("passkey-ready/passkey_ready_web_bg.wasm");
wasm.initSync({ module: readFileSync(fileURLToPath(wasmUrl)) });

export const pkg = wasm;

const root = new URL("../../../", import.meta.url);

/** A JSON file of the repository (the shared vectors). */
export function repoJson(path) {
  return JSON.parse(readFileSync(new URL(path, root), "utf8"));
}

export const LANGS = ["ja", "en"];

/** The error `fn` throws; fails when it throws none. */
export function thrownBy(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a PasskeyReadyError, nothing was thrown");
}
