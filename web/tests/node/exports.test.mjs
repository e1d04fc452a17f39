// Every export once, in ja and en, with what a customer would notice: the right platform and
// browser, a finding in the page's language, a troubleshooting answer, a guide page.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LANGS, pkg } from "./load.mjs";

const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
const LINE_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) AppleWebKit/537.36 " +
  "(KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 Line/14.10.0";

test("classifyUserAgent: Windows Edge is a standard browser; LINE is an in-app one", () => {
  const edge = pkg.classifyUserAgent(WINDOWS_EDGE);
  assert.equal(edge.platform, "windows");
  assert.equal(edge.browser, "edge");
  assert.equal(edge.in_app, null);
  assert.equal(edge.can_register, true);
  const line = pkg.classifyUserAgent(LINE_ANDROID);
  assert.equal(line.platform, "android");
  assert.equal(line.in_app, "line");
  assert.equal(line.can_register, false);
});

for (const lang of LANGS) {
  test(`evaluate (${lang}): Windows without Hello is not ready, in the page's language`, () => {
    const report = pkg.evaluate(
      { platform: "windows", user_agent: WINDOWS_EDGE, signals: { windows_hello: "no" } },
      lang,
    );
    assert.equal(report.platform, "windows");
    assert.equal(report.status, "action_required");
    const hello = report.findings.find((f) => f.check === "windows_hello");
    assert.equal(hello?.status, "fail");
    // Japanese text has characters no English text has.
    assert.equal(/[\u3040-\u30ff]/.test(report.summary + hello.label), lang === "ja");
  });

  test(`diagnose (${lang}): the security-key prompt gets the content's answer`, () => {
    const answers = pkg.diagnose("NotAllowedError", "windows", lang);
    assert.ok(answers.length > 0);
    for (const answer of answers) {
      assert.ok(typeof answer.answer === "string" && answer.answer.length > 0);
      assert.ok(Array.isArray(answer.checks));
    }
    assert.equal(/[\u3040-\u30ff]/.test(answers[0].answer), lang === "ja");
    assert.ok(pkg.diagnose("NotAllowedError", null, lang).length > 0);
  });

  test(`guide (${lang}): the whole page, one device, one device at a version`, () => {
    const all = pkg.guide(lang, null, null);
    assert.equal(all.locale, lang);
    assert.ok(all.preparation !== null && all.devices.length >= 5);
    const iphone = pkg.guide(lang, "ios", null);
    assert.deepEqual(iphone.devices.map((d) => d.id), ["ios"]);
    assert.equal(iphone.preparation, null);
    const ios17 = pkg.guide(lang, "ios", "17.4");
    assert.notDeepEqual(ios17.devices, iphone.devices);
  });

  test(`ReadinessSession (${lang}): an answer turns a question into a row`, () => {
    const session = new pkg.ReadinessSession("android", lang);
    const observed = {
      platform: "android",
      os_version: "14",
      signals: { screen_lock: "yes", google_account: "unknown", google_autofill: "unknown" },
    };
    const before = session.screen(observed);
    assert.equal(before.locale, lang);
    assert.equal(before.banner.kind, "needs_answers");
    assert.ok(before.rows.some((r) => r.check === "google_account" && r.kind === "to_answer"));
    session.answer("google_account", false);
    assert.deepEqual(session.answers(), { google_account: false });
    const after = session.screen(observed);
    assert.equal(after.banner.kind, "not_ready");
    assert.equal(/[\u3040-\u30ff]/.test(after.banner.heading), lang === "ja");
    assert.ok(after.rows.some((r) => r.check === "google_account" && r.kind === "to_fix"));
    assert.equal(session.snapshot(observed).signals.google_account, "no");
    assert.equal(session.evaluate(observed).status, "action_required");
    session.settingsOpened("google_account");
    assert.deepEqual(session.answers(), {});
    session.answer("google_autofill", true);
    session.forgetAnswer("google_autofill");
    assert.deepEqual(session.answers(), {});
    session.restoreAnswers({ google_account: true, passcode: true });
    assert.deepEqual(session.answers(), { google_account: true });
    session.forgetAnswers();
    assert.deepEqual(session.answers(), {});
    session.free();
  });
}
