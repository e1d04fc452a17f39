// Every bad input is thrown as a PasskeyReadyError naming the field the core names (the same
// fields the Kotlin and Swift SDKs report), never as a crash of the module: after each error
// the package keeps working.
import assert from "node:assert/strict";
import { test } from "node:test";

import { pkg, thrownBy } from "./load.mjs";

const cases = [
  ["user agent empty", () => pkg.classifyUserAgent(""), "user_agent"],
  ["user agent too long", () => pkg.classifyUserAgent("x".repeat(5000)), "user_agent"],
  ["user agent not a string", () => pkg.classifyUserAgent(42), "user_agent"],
  ["unknown language", () => pkg.evaluate({ platform: "ios" }, "fr"), "lang"],
  ["unknown platform", () => pkg.evaluate({ platform: "linux" }, "ja"), "platform"],
  ["signal of another platform", () => pkg.evaluate({ platform: "ios", signals: { screen_lock: "no" } }, "en"), "signals.screen_lock"],
  ["signal value", () => pkg.evaluate({ platform: "ios", signals: { passcode: true } }, "en"), "signals.passcode"],
  ["os version", () => pkg.evaluate({ platform: "ios", os_version: "seventeen" }, "en"), "os_version"],
  ["snapshot not JSON", () => pkg.evaluate(undefined, "en"), "snapshot"],
  ["snapshot with a BigInt", () => pkg.evaluate({ platform: 1n }, "en"), "snapshot"],
  ["message empty", () => pkg.diagnose("  ", null, "ja"), "message"],
  ["diagnose platform", () => pkg.diagnose("x", "symbian", "ja"), "platform"],
  ["guide device", () => pkg.guide("ja", "nokia", null), "device"],
  ["guide version without device", () => pkg.guide("ja", null, "17"), "device"],
  ["guide version", () => pkg.guide("ja", "ios", "latest"), "os_version"],
  ["session platform", () => new pkg.ReadinessSession("beos", "ja"), "platform"],
  ["session language", () => new pkg.ReadinessSession("ios", "de"), "lang"],
  ["answer of another platform", () => new pkg.ReadinessSession("ios", "ja").answer("screen_lock", true), "signals.screen_lock"],
  ["answer check id", () => new pkg.ReadinessSession("ios", "ja").answer("face_id", true), "check"],
  ["answer not a boolean", () => new pkg.ReadinessSession("ios", "ja").answer("passcode", "yes"), "yes"],
  ["restored answer", () => new pkg.ReadinessSession("ios", "ja").restoreAnswers({ passcode: "yes" }), "answers.passcode"],
  ["session snapshot of another device", () => new pkg.ReadinessSession("ios", "ja").screen({ platform: "android" }), "platform"],
];

for (const [name, call, field] of cases) {
  test(`${name}: thrown naming ${field}`, () => {
    const err = thrownBy(call);
    assert.ok(err instanceof Error, `${err} is an Error`);
    assert.equal(err.name, "PasskeyReadyError");
    assert.equal(err.field, field);
    assert.ok(typeof err.reason === "string" && err.reason.length > 0);
    assert.ok(["invalid_input", "invalid_snapshot"].includes(err.kind));
    // The module still answers after the error.
    assert.equal(pkg.classifyUserAgent("Mozilla/5.0 (Windows NT 10.0)").platform, "windows");
  });
}
