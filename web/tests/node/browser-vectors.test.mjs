// tests/vectors/browser.json through the package, as Rust runs it
// (core/tests/browser_vectors.rs): readings → snapshot, user agent + page URL → escape route,
// and every refusal naming its field. Every mismatch of every case in one run.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LANGS, pkg, repoJson, thrownBy } from "./load.mjs";

const vectors = repoJson("tests/vectors/browser.json");

test("every reading vector gives its snapshot, which evaluate accepts", () => {
  assert.ok(vectors.snapshots.length >= 10);
  const problems = [];
  for (const c of vectors.snapshots) {
    let snapshot;
    try {
      snapshot = pkg.snapshotFromBrowser(c.readings);
    } catch (err) {
      problems.push(`${c.name}: refused: ${err.field}: ${err.reason}`);
      continue;
    }
    const got = { platform: snapshot.platform, os_version: snapshot.os_version, signals: snapshot.signals };
    try {
      assert.deepEqual(got, c.expect);
    } catch {
      problems.push(`${c.name}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got)}`);
    }
    // The page hands the snapshot straight to evaluate and to a session.
    pkg.evaluate(snapshot, "ja");
  }
  for (const c of vectors.refused_readings) {
    const err = thrownBy(() => pkg.snapshotFromBrowser(c.readings));
    if (err.field !== c.field) problems.push(`${c.name}: expected field ${c.field}, got ${err.field}`);
  }
  assert.deepEqual(problems, []);
});

for (const lang of LANGS) {
  test(`every escape vector gives its route (${lang})`, () => {
    const problems = [];
    for (const c of vectors.escape_routes) {
      let route;
      try {
        route = pkg.escapeRoute(c.user_agent, c.page_url, lang);
      } catch (err) {
        problems.push(`${c.name}: refused: ${err.field}: ${err.reason}`);
        continue;
      }
      const got = { kind: route.kind, open_url: route.open_url, page_url: route.page_url };
      try {
        assert.deepEqual(got, c.expect);
      } catch {
        problems.push(`${c.name}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got)}`);
      }
      if ((route.open_label === null) !== (route.open_url === null)) problems.push(`${c.name}: label without link`);
      if (/[\u3040-\u30ff]/.test(route.manual_steps) !== (lang === "ja")) problems.push(`${c.name}: steps not in ${lang}`);
    }
    for (const c of vectors.refused_routes) {
      const err = thrownBy(() => pkg.escapeRoute(c.user_agent, c.page_url, lang));
      if (err.field !== c.field) problems.push(`${c.name}: expected field ${c.field}, got ${err.field}`);
    }
    assert.deepEqual(problems, []);
  });
}
