// The web package's user-agent classification in Node, side by side with inapp-spy and
// ua-parser-js in the same process: speed in paired rounds (each round times the whole corpus
// with PasskeyReady and with the peer back to back, order swapped every round; the ratio of
// the two times cannot be skewed by load that changes between rounds), and the in-app answer
// case by case on the shared vectors.
//
// Usage: node ua.mjs <repository root> <web/dist/wasm directory>
// Output (read by `cargo xtask bench`), one line each:
//   VERSION <name> <version>
//   PER_UA <parser> <median ns per user agent over the rounds>
//   PAIRED <peer> <median ratio> <first quartile> <third quartile> <rounds>
//   CASE <case> <expected: app|browser> <passkey_ready> <inapp-spy> <ua-parser-js>
//     (each parser's answer: its own word for the app or browser, `-` for none)
import { readFileSync } from "node:fs";
import { join } from "node:path";

import InAppSpy from "inapp-spy";
import UAParser from "ua-parser-js";

const [root, wasmDir] = process.argv.slice(2);
const wasm = await import(join(wasmDir, "passkey_ready_web.js"));
wasm.initSync({ module: readFileSync(join(wasmDir, "passkey_ready_web_bg.wasm")) });

// Read from node_modules: inapp-spy's `exports` do not include its package.json.
for (const name of ["inapp-spy", "ua-parser-js"]) {
  const manifest = new URL(`node_modules/${name}/package.json`, import.meta.url);
  console.log(`VERSION ${name} ${JSON.parse(readFileSync(manifest, "utf8")).version}`);
}

const corpus = readFileSync(join(root, "tests/corpus/user_agents.txt"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const vectors = JSON.parse(readFileSync(join(root, "tests/vectors/user_agents.json"), "utf8")).cases;

// ua-parser-js names no "in an app" field: these browser names are an app or a web view
// (GSA is the Google app; WebKit without Safari's tokens is an iOS web view).
const UA_PARSER_IN_APP = [
  "GSA", "Chrome WebView", "WebKit", "Line", "Instagram", "Facebook", "Twitter", "TikTok",
  "Snapchat", "WeChat", "Pinterest", "Yahoo! Japan",
];

const parsers = {
  passkey_ready: (ua) => {
    try {
      const info = wasm.classifyUserAgent(ua);
      return info.in_app ?? null;
    } catch {
      return null;
    }
  },
  "inapp-spy": (ua) => {
    const spy = InAppSpy({ ua });
    return spy.isInApp ? (spy.appKey ?? "in_app") : null;
  },
  "ua-parser-js": (ua) => {
    const name = new UAParser(ua).getBrowser().name;
    return UA_PARSER_IN_APP.includes(name) ? name : null;
  },
};

let sink = 0;
function corpusTime(parse) {
  const started = process.hrtime.bigint();
  for (const ua of corpus) {
    if (parse(ua) !== null) sink++;
  }
  return Number(process.hrtime.bigint() - started);
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const quartile = (v, q) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)];
};

// Warm-up: the JIT and the wasm instance's first growth.
const warmUpEnd = Date.now() + 2000;
while (Date.now() < warmUpEnd) for (const parse of Object.values(parsers)) corpusTime(parse);

const ROUNDS = 201;
const ours = [];
for (const peer of ["inapp-spy", "ua-parser-js"]) {
  const ratios = [];
  const theirs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const pair = round % 2 === 0 ? ["passkey_ready", peer] : [peer, "passkey_ready"];
    const times = {};
    for (const name of pair) times[name] = corpusTime(parsers[name]);
    ours.push(times.passkey_ready);
    theirs.push(times[peer]);
    ratios.push(times[peer] / times.passkey_ready);
  }
  console.log(`PER_UA ${peer} ${median(theirs) / corpus.length}`);
  console.log(
    `PAIRED ${peer} ${median(ratios)} ${quartile(ratios, 0.25)} ${quartile(ratios, 0.75)} ${ROUNDS}`,
  );
}
console.log(`PER_UA passkey_ready ${median(ours) / corpus.length}`);
console.log(`CORPUS ${corpus.length}`);

for (const c of vectors) {
  const expected = c.expect.in_app === null ? "browser" : "app";
  const answers = Object.values(parsers).map((parse) => {
    const answer = parse(c.user_agent);
    return answer === null ? "-" : String(answer).replaceAll(" ", "_");
  });
  console.log(`CASE ${c.name} ${expected} ${answers.join(" ")}`);
}
if (sink < 0) console.log(sink);
