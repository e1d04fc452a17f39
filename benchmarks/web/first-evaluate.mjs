// The first evaluate in Chromium after page load (Debian's /usr/bin/chromium through
// playwright-core, which never downloads a browser here): a minimal page served from this
// process fetches the web package's JS and wasm, instantiates it and evaluates one snapshot.
// A fresh browser context per run, so that nothing is cached between runs.
//
// Usage: node first-evaluate.mjs <web/dist/wasm directory> <runs>
// Output, one line per run and step (milliseconds since the navigation started):
//   FIRST <step> <ms>   steps: load (the load event), script (the page's module starts),
//                        imported, instantiated, evaluated, second (a second evaluate, alone)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { chromium } from "playwright-core";

const [wasmDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? "11");
const here = new URL(".", import.meta.url).pathname;
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

const server = createServer((req, res) => {
  const path = req.url === "/" ? join(here, "first-evaluate.html") : join(wasmDir, req.url.replace(/^\/wasm\//, ""));
  try {
    const body = readFileSync(path);
    const type = TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.PASSKEY_READY_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.firstEvaluate !== undefined, null, { timeout: 30000 });
    const marks = await page.evaluate(() => ({
      ...window.firstEvaluate,
      load: performance.getEntriesByType("navigation")[0].loadEventEnd,
    }));
    if (!(marks.findings > 0)) throw new Error(`no findings: ${JSON.stringify(marks)}`);
    for (const step of ["load", "script", "imported", "instantiated", "evaluated", "second"]) {
      console.log(`FIRST ${step} ${marks[step]}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
