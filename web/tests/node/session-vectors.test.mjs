// tests/vectors/session.json through the package's ReadinessSession, as Rust
// (core/tests/session_vectors.rs), Kotlin and Swift run it: every mismatch of every case is
// listed in one run.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LANGS, pkg, repoJson } from "./load.mjs";

const vectors = repoJson("tests/vectors/session.json");

/** The parts of a screen a case's `expect` speaks of, in the vector's terms. */
function observed(screen, session, expect) {
  const rows = [...(screen.already_using ? [screen.already_using] : []), ...screen.rows];
  const out = { banner: screen.banner.kind };
  if (expect.rows) {
    out.rows = Object.fromEntries(
      Object.keys(expect.rows).map((check) => [
        check,
        rows.find((r) => r.check === check)?.kind ?? null,
      ]),
    );
  }
  out.buttons = Object.fromEntries(
    rows.filter((r) => r.button).map((r) => [r.check, r.button.action]),
  );
  out.questions = rows.filter((r) => r.question).map((r) => r.question.check);
  if (expect.answers) out.answers = session.answers();
  return out;
}

function runCase(c, lang) {
  const session = new pkg.ReadinessSession(c.platform, lang);
  const device = structuredClone(c.snapshot);
  const problems = [];
  c.steps.forEach((step, i) => {
    const at = `${c.name} (${lang}) step ${i + 1}`;
    if (step.answer) {
      let refusedField = null;
      try {
        session.answer(step.answer.check, step.answer.yes);
      } catch (err) {
        refusedField = err.field ?? String(err);
      }
      if (refusedField !== (step.answer.refused ?? null)) {
        problems.push(`${at}: answer refused by ${refusedField}, expected ${step.answer.refused}`);
      }
    } else if (step.settings_opened) {
      session.settingsOpened(step.settings_opened);
    } else if (step.observe) {
      device.signals = { ...device.signals, ...step.observe };
    } else if (step.expect) {
      const got = observed(session.screen(device), session, step.expect);
      for (const [key, want] of Object.entries(step.expect)) {
        try {
          assert.deepEqual(got[key], want);
        } catch {
          problems.push(`${at}: ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got[key])}`);
        }
      }
    } else {
      problems.push(`${at}: not a step: ${JSON.stringify(step)}`);
    }
  });
  session.free();
  return problems;
}

test("every session vector gives its screens, in ja and en", () => {
  assert.ok(vectors.cases.length >= 5);
  const problems = vectors.cases.flatMap((c) => LANGS.flatMap((lang) => runCase(c, lang)));
  assert.deepEqual(problems, []);
});
