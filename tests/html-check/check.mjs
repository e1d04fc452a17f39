// Opens every page of a folder in Debian's Chromium, as a phone and as a desktop, light and
// dark: axe-core's accessibility rules, checks that every character has a glyph, nothing is
// fetched and nothing overflows sideways, and screenshots. Exit 1 listing every problem found; 2 on a usage or setup error.
//
//   node check.mjs PAGES_DIR SHOTS_DIR
//
// Started by `cargo xtask html-check`, which writes the pages with the CLI first.

import { readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

// Debian's package: a test tool must never fetch a browser of its own.
const CHROMIUM = process.env.PASSKEY_READY_CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps trying hosts this machine cannot
// reach; the page itself is opened from a file and must fetch nothing.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false },
];
const SCHEMES = ['light', 'dark'];
// axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules and its best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
// The docs keep the first screens of a page: a whole guide at phone width is metres long.
const DOCS_HEIGHT = { phone: 1688, desktop: 1350 };

const [pagesDir, shotsDir] = process.argv.slice(2).map((p) => p && resolve(p));
if (!pagesDir || !shotsDir) {
  console.error('usage: node check.mjs PAGES_DIR SHOTS_DIR');
  process.exit(2);
}
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
if (pages.length === 0) {
  console.error(`no .html page in ${pagesDir}`);
  process.exit(2);
}
mkdirSync(join(shotsDir, 'full'), { recursive: true });
mkdirSync(join(shotsDir, 'docs'), { recursive: true });

// A set: a refused request may be retried, and is one problem.
const problems = new Set();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const file of pages) {
    const url = pathToFileURL(join(pagesDir, file)).href;
    const name = basename(file, '.html');
    for (const v of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        const where = `${file} ${v.name} ${scheme}`;
        const context = await browser.newContext({
          viewport: v.viewport,
          isMobile: v.isMobile,
          hasTouch: v.hasTouch,
          colorScheme: scheme,
          javaScriptEnabled: true,
        });
        const page = await context.newPage();
        // The page promises "nothing fetched": any request but the page itself is a problem,
        // and is refused so that no test ever reaches a network.
        await page.route('**/*', (route) => {
          const requested = route.request().url();
          if (requested === url) return route.continue();
          problems.add(`${where}: fetches ${requested}`);
          return route.abort();
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);

        // A character no installed font has is drawn as the font's "missing glyph" box
        // (tofu): each character of the page is drawn in the page's font and compared with
        // an unassigned code point, which no font has. Fonts do not change with the view.
        if (v === VIEWPORTS[0] && scheme === SCHEMES[0]) {
          const tofu = await page.evaluate(missingGlyphs);
          if (tofu.length > 0) {
            problems.add(`${file}: no installed font has ${tofu.length} of its characters (drawn as boxes): ${tofu.slice(0, 20).join('')}`);
          }
        }

        // The page is read without script; axe's own is added below.
        const scripts = await page.evaluate(() => document.scripts.length);
        if (scripts > 0) problems.add(`${where}: the page carries ${scripts} script elements`);

        const overflow = await page.evaluate(() => {
          const root = document.documentElement;
          return root.scrollWidth > root.clientWidth ? `${root.scrollWidth} px > ${root.clientWidth} px` : null;
        });
        if (overflow) problems.add(`${where}: the page is wider than the screen (${overflow})`);

        const full = join(shotsDir, 'full', `${name}-${v.name}-${scheme}.png`);
        await page.screenshot({ path: full, fullPage: true });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({
          path: join(shotsDir, 'docs', `${name}-${v.name}-${scheme}.png`),
          fullPage: true,
          clip: { x: 0, y: 0, width: v.viewport.width, height: Math.min(height, DOCS_HEIGHT[v.name]) },
        });

        // As served (closed disclosures hidden), then with every disclosure open: their
        // steps must pass too.
        await page.addScriptTag({ path: AXE });
        for (const state of ['as served', 'all details open']) {
          if (state === 'all details open') {
            await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
          }
          const result = await page.evaluate((tags) => {
            // Named one by one: a tag alone leaves out the rules axe disables by default
            // (target-size, the experimental ones).
            const rules = window.axe.getRules().filter((r) => r.tags.some((t) => tags.includes(t)));
            return window.axe.run(document, {
              runOnly: { type: 'rule', values: rules.map((r) => r.ruleId) },
              resultTypes: ['violations', 'incomplete'],
            });
          }, AXE_TAGS);
          for (const violation of result.violations) {
            for (const node of violation.nodes) {
              problems.add(
                `${where} (${state}): ${violation.id} [${violation.impact}] at ${node.target.join(' ')}: ${violation.help}`,
              );
            }
          }
          // What axe cannot decide (a cell scrolled out of its table, a text of marks alone)
          // is told, not failed: its colours are the same pairs as its neighbours'.
          const undecided = result.incomplete.map((r) => `${r.id} ×${r.nodes.length}`).join(', ');
          if (state === 'as served') {
            const ran = new Set([...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id)).size;
            console.log(`${where}: axe-core ${result.testEngine.version}, ${ran} rules; undecided: ${undecided || 'none'}`);
          }
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}

function missingGlyphs() {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.font = `24px ${getComputedStyle(document.body).fontFamily}`;
  const draw = (c) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.fillText(c, 4, 32);
    return ctx.getImageData(0, 0, 48, 48).data.join(',');
  };
  const box = draw('\u0378');
  const chars = new Set((document.title + document.body.textContent).replace(/\s/gu, ''));
  return [...chars].filter((c) => draw(c) === box);
}

const checked = pages.length * VIEWPORTS.length * SCHEMES.length;
if (problems.size > 0) {
  for (const p of problems) console.error(`html-check: ${p}`);
  console.error(`html-check: ${problems.size} problems in ${checked} page views`);
  process.exit(1);
}
console.log(`html-check: ${checked} page views (${pages.length} pages × phone, desktop × light, dark), no accessibility violation, no missing glyph, no script, nothing fetched, no sideways overflow; screenshots in ${shotsDir}`);
