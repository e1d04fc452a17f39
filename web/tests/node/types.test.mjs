// The generated declarations describe every shape: no `any` in the package's API. The one
// place wasm-bindgen writes `any` is `InitOutput`, the raw exports of the wasm instance
// (what `initSync` returns), which no page calls.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const declarations = readFileSync(
  fileURLToPath(import.meta.resolve("passkey-ready/wasm").replace(/\.js$/, ".d.ts")),
  "utf8",
);

test("no `any` in the declarations outside wasm-bindgen's raw InitOutput", () => {
  const withoutRaw = declarations.replace(/export interface InitOutput \{[^}]*\}/, "");
  assert.notEqual(withoutRaw, declarations, "InitOutput is where wasm-bindgen puts it");
  const lines = withoutRaw.split("\n").filter((l) => /\bany\b/.test(l) && !/^\s*(\*|\/\*\*)/.test(l));
  assert.deepEqual(lines, []);
});

test("every export of the contract is declared with its shapes", () => {
  for (const signature of [
    "export function classifyUserAgent(userAgent: string): UserAgentInfo;",
    "export function evaluate(snapshot: DeviceSnapshot, lang: Locale): ReadinessReport;",
    "export function diagnose(message: string, platform: Platform | null, lang: Locale): DiagnosisAnswer[];",
    "export function guide(lang: Locale, device: string | null, osVersion: string | null): GuidePage;",
    "screen(observed: DeviceSnapshot): HelpScreen;",
    "answers(): Partial<Record<CheckId, boolean>>;",
    "export type CheckId = ",
    "export interface PasskeyReadyError extends Error {",
  ]) {
    assert.ok(declarations.includes(signature), signature);
  }
});
