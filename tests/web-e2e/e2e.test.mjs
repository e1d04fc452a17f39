// The demo registration page (web/demo/) in Debian's Chromium, as each browser a bank's
// customer uses would load it (user agent and client hints overridden through the DevTools
// protocol), with a virtual platform authenticator present or absent (WebAuthn domain):
// the check runs before navigator.credentials.create(), predicts the security-key prompt of a
// Windows PC without Windows Hello, offers the way out of an in-app browser for this page,
// and registers a passkey for real when the browser is ready.
//
//   node --test e2e.test.mjs        (after `cargo xtask web` built web/dist and web/demo)
//
// Every page also fails its test on a console error, an uncaught exception, any request
// that does not go to the test's own server, or anything left in cookies or web storage.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { PasskeyReady } from '../../web/dist/shell/index.js';
import { BROWSERS } from './browser_cases.mjs';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// Debian's package: a test tool must never fetch a browser of its own.
const CHROMIUM = process.env.PASSKEY_READY_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

// The package's own core in Node: what the page must say, in the content's words.
const core = PasskeyReady.loadSync({
  wasm: readFileSync(new URL('../../web/dist/wasm/passkey_ready_web_bg.wasm', import.meta.url)),
}).core;

let server;
let browser;
let origin;

before(async () => {
  server = await serve({ '/demo/': `${ROOT}web/demo`, '/dist/': `${ROOT}web/dist` });
  // localhost, not 127.0.0.1: a WebAuthn relying party id must be a domain, and localhost
  // is a secure context over http. The server listens on 127.0.0.1 only.
  origin = `http://localhost:${server.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The demo page as `as` (a key of BROWSERS, or the headless browser itself) sees it, with
 * a user-verifying internal authenticator when `authenticator`. Returns the page, its
 * DevTools session, the authenticator's id, and the problems seen (checked by `done`).
 */
async function openDemo({ as, authenticator, lang = 'en', clipboard = true, userVerified = true, viewport }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    problems.push(`request outside the test server: ${url}`);
    return route.abort();
  });
  if (as) {
    const { userAgent, userAgentMetadata } = BROWSERS[as];
    await cdp.send('Emulation.setUserAgentOverride', { userAgent, ...(userAgentMetadata ? { userAgentMetadata } : {}) });
  }
  await cdp.send('WebAuthn.enable', { enableUI: false });
  let authenticatorId = null;
  if (authenticator) {
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: userVerified,
        automaticPresenceSimulation: true,
      },
    }));
  }
  // Counts the page's create() calls: the check must come before any.
  await page.addInitScript(() => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    window.createCalls = 0;
    navigator.credentials.create = (options) => {
      window.createCalls += 1;
      return create(options);
    };
  });
  if (!clipboard) {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  }
  const url = `${origin}/demo/index.html?lang=${lang}`;
  await page.goto(url);
  await page.locator('#register:not([disabled])').waitFor();
  const done = async () => {
    // The package stores nothing (SECURITY.md): no cookie, no web storage, no database.
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).length,
    }));
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(stored, { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: 0 });
  };
  return { page, cdp, authenticatorId, url, done };
}

/** Clicks "Register a passkey" and waits for the page's answer: a help screen or a result. */
async function register(page) {
  await page.click('#register');
  await page.locator('.passkey-ready-help, #result[data-outcome]').first().waitFor();
}

async function rowOf(page, check) {
  const row = page.locator(`.passkey-ready-help li.row[data-check="${check}"]`);
  return {
    kind: (await row.getAttribute('class')).replace(/^row /, ''),
    reason: await row.locator('.reason').textContent(),
    openSections: await row.locator('details[open]').evaluateAll((ds) => ds.map((d) => d.dataset.section)),
  };
}

async function credentialsOf(cdp, authenticatorId) {
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials;
}

test('Windows 11 Edge without Windows Hello: the security-key prompt is predicted before any create()', async () => {
  const { page, done } = await openDemo({
    as: 'windows11Edge',
    authenticator: false,
    viewport: { width: 1280, height: 1500 },
  });
  await register(page);
  assert.equal(await page.locator('.passkey-ready-help .banner').getAttribute('class'), 'banner not_ready');
  const hello = await rowOf(page, 'windows_hello');
  assert.equal(hello.kind, 'to_fix');
  assert.deepEqual(hello.openSections, ['windows_hello.setup'], 'the Windows Hello guide is shown, open');
  const steps = await page.locator('[data-check="windows_hello"] details ol.steps > li').count();
  assert.ok(steps > 0, 'the guide has its steps');
  assert.equal(await page.evaluate(() => window.createCalls), 0);
  assert.equal(await page.locator('#continue').isVisible(), true, 'the customer may still go on');
  assert.equal(await page.locator('.passkey-ready-help button', { hasText: /settings/i }).count(), 0);
  if (process.env.PASSKEY_READY_SHOTS) {
    await page.locator('.passkey-ready-help').evaluate((help) => help.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${process.env.PASSKEY_READY_SHOTS}/demo-windows-no-hello-en-desktop.png` });
  }
  await done();
});

test('Windows 10 and 11 are told apart by the client hints the user agent cannot carry', async () => {
  const rows = {};
  for (const as of ['windows11Edge', 'windows10Chrome']) {
    const { page, done } = await openDemo({ as, authenticator: false });
    await register(page);
    rows[as] = await rowOf(page, 'os_version');
    await done();
  }
  // Both user agents say "Windows NT 10.0": only platformVersion (15.0.0, 10.0.0) differs.
  assert.equal(rows.windows11Edge.kind, 'done', 'Windows 11 passes the OS check');
  assert.equal(rows.windows10Chrome.kind, 'done', 'Windows 10 (2004 or later) passes too');
  assert.notEqual(rows.windows10Chrome.reason, rows.windows11Edge.reason, 'with the note that the guide shows Windows 11');
});

for (const as of ['windows11Edge', 'windows10Chrome']) {
  test(`${as} with a user-verifying platform authenticator: ready, and a passkey is registered for real`, async () => {
    const { page, cdp, authenticatorId, done } = await openDemo({ as, authenticator: true });
    await register(page);
    const help = page.locator('.passkey-ready-help');
    if ((await help.count()) > 0) assert.fail(`not ready: ${await help.locator('.banner, .to_fix, .to_answer').allTextContents()}`);
    await page.locator('#result[data-outcome]').waitFor();
    assert.equal(await page.locator('#result').getAttribute('data-outcome'), 'created');
    assert.equal(await page.evaluate(() => window.createCalls), 1);
    const credentials = await credentialsOf(cdp, authenticatorId);
    assert.equal(credentials.length, 1);
    assert.equal(credentials[0].rpId, 'localhost');
    assert.equal(credentials[0].isResidentCredential, true);
    await done();
  });
}

/**
 * Answers "yes" to every question but whether passkeys are already used, one by one, the
 * focus staying on each answered row; returns the checks answered.
 */
async function answerYes(page) {
  const answered = [];
  for (;;) {
    const yes = page.locator('.row:not([data-check="already_uses_passkeys"]) .answers button[data-answer="yes"]').first();
    if ((await yes.count()) === 0) return answered;
    const check = await yes.evaluate((b) => b.closest('.row').dataset.check);
    await yes.click();
    const focused = await page.evaluate(() => document.activeElement?.closest('.row')?.dataset.check);
    assert.equal(focused, check, 'the focus stays on the answered row');
    answered.push(check);
  }
}

/** With nothing left to fix, the customer answers the questions and registers a passkey for real. */
async function answerAndRegister(page, cdp, authenticatorId) {
  assert.equal(await page.evaluate(() => window.createCalls), 0, 'nothing is created while questions are open');
  assert.equal(await page.locator('.passkey-ready-help .to_fix').count(), 0, `to fix: ${await page.locator('.to_fix').allTextContents()}`);
  const answered = await answerYes(page);
  assert.ok(answered.length > 0, 'there were questions');
  assert.equal(await page.locator('.passkey-ready-help .banner').getAttribute('class'), 'banner ready');
  assert.equal(await page.locator('#continue').getAttribute('data-ready'), 'true');
  await page.click('#continue');
  await page.locator('#result[data-outcome]').waitFor();
  assert.equal(await page.locator('#result').getAttribute('data-outcome'), 'created');
  assert.equal((await credentialsOf(cdp, authenticatorId)).length, 1);
  return answered;
}

test('a registration the browser refuses (no user verification): the guide\'s answer for it is shown', async () => {
  const { page, done } = await openDemo({ as: 'windows11Edge', authenticator: true, userVerified: false });
  await register(page);
  await page.locator('#result[data-outcome]').waitFor();
  assert.equal(await page.locator('#result').getAttribute('data-outcome'), 'NotAllowedError');
  const [best] = core.diagnose('NotAllowedError', 'windows', 'en');
  assert.ok(best?.question, 'the core has an answer for NotAllowedError on Windows');
  const shown = await page.locator('#result p').allTextContents();
  assert.deepEqual(shown, [best.question, best.answer]);
  await done();
});

test('Mac Safari: the questions the browser cannot answer are asked; answered, the passkey is registered', async () => {
  const { page, cdp, authenticatorId, done } = await openDemo({ as: 'macSafari', authenticator: true });
  await register(page);
  assert.equal(await page.locator('.passkey-ready-help').getAttribute('lang'), 'en');
  const answered = await answerAndRegister(page, cdp, authenticatorId);
  assert.ok(answered.includes('icloud_keychain_sync'), `a Mac's iCloud Keychain is asked: ${answered}`);
  await done();
});

/**
 * The link must open this very page: Chrome's intent for it (falling back to it), or for
 * LINE the page itself with `openExternalBrowser=1`, which LINE opens in the default browser.
 */
function expectEscape(href, pageUrl, { line }) {
  const url = new URL(pageUrl);
  if (line) {
    url.searchParams.set('openExternalBrowser', '1');
    assert.equal(href, url.href);
    return;
  }
  assert.ok(href.startsWith('intent://'), href);
  const [target, fragment] = href.slice('intent://'.length).split('#Intent;');
  assert.equal(`${url.protocol}//${target}`, url.href, 'the intent opens this page');
  assert.match(fragment, new RegExp(`(^|;)scheme=${url.protocol.slice(0, -1)};`));
  assert.match(fragment, /(^|;)package=com\.android\.chrome;/);
  const fallback = /S\.browser_fallback_url=([^;]*);/.exec(fragment);
  assert.ok(fallback, 'a fallback for a phone without Chrome');
  assert.equal(decodeURIComponent(fallback[1]), url.href);
  assert.ok(fragment.endsWith('end'));
}

for (const [as, line] of [
  ['googleApp', false],
  ['yahooJapan', false],
  ['lineAndroid', true],
]) {
  test(`${as} (an in-app browser on Android): the way out opens this page in Chrome`, async () => {
    const { page, url, done } = await openDemo({ as, authenticator: false });
    await register(page);
    const escape = page.locator('.passkey-ready-escape');
    await escape.waitFor();
    expectEscape(await escape.locator('a.open').getAttribute('href'), url, { line });
    // Every label is the content's, in the page's language.
    const route = core.escapeRoute(BROWSERS[as].userAgent, url, 'en');
    assert.equal(await escape.locator('a.open').textContent(), route.open_label);
    assert.equal(await escape.locator('.manual-steps').textContent(), route.manual_steps, 'the manual steps too');
    assert.equal(await escape.getByRole('heading').textContent(), route.heading);
    assert.match(await escape.locator('.standard-browser dd').textContent(), /^Chrome/, 'the browser the answer says is listed below');
    assert.equal(await escape.locator('button.copy').textContent(), route.copy_label);
    assert.equal(await escape.locator('.url').textContent(), url);
    const standard = await rowOf(page, 'standard_browser');
    assert.equal(standard.kind, 'to_fix');
    assert.equal(await page.evaluate(() => window.createCalls), 0);

    await escape.locator('button.copy').click();
    await escape.locator('.copy-status:not(:empty)').waitFor();
    assert.equal(await escape.locator('.copy-status').textContent(), route.copied_label);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await done();
  });
}

test('LINE on an iPhone: the link is this page with openExternalBrowser=1 (LINE opens Safari)', async () => {
  const { page, url, done } = await openDemo({ as: 'lineIphone', authenticator: false });
  await register(page);
  const escape = page.locator('.passkey-ready-escape');
  await escape.waitFor();
  assert.equal(await escape.getAttribute('data-kind'), 'line_external_browser');
  expectEscape(await escape.locator('a.open').getAttribute('href'), url, { line: true });
  assert.equal(await escape.locator('a.open').textContent(), core.escapeRoute(BROWSERS.lineIphone.userAgent, url, 'en').open_label);
  await done();
});

test('the Google app on an iPhone: no link a page could use, the manual steps and the copy button', async () => {
  const { page, url, done } = await openDemo({ as: 'googleAppIphone', authenticator: false });
  await register(page);
  const escape = page.locator('.passkey-ready-escape');
  await escape.waitFor();
  assert.equal(await escape.getAttribute('data-kind'), 'manual');
  assert.equal(await escape.locator('a').count(), 0);
  assert.equal(
    await escape.locator('.manual-steps').textContent(),
    core.escapeRoute(BROWSERS.googleAppIphone.userAgent, url, 'en').manual_steps,
  );
  assert.equal(await escape.locator('button.copy').count(), 1);
  assert.equal(await page.evaluate(() => window.createCalls), 0);
  await done();
});

test('no clipboard in the in-app browser: the copy button selects the address instead', async () => {
  const { page, url, done } = await openDemo({ as: 'googleApp', authenticator: false, clipboard: false });
  await register(page);
  await page.locator('.passkey-ready-escape button.copy').click();
  await page.waitForFunction(() => String(window.getSelection()).length > 0);
  assert.equal(await page.evaluate(() => String(window.getSelection())), url);
  assert.equal(await page.locator('.copy-status').textContent(), '');
  await done();
});

for (const lang of ['ja', 'en']) {
  test(`axe-core finds no violation on the help screen and escape block (${lang})`, async () => {
    const { page, done } = await openDemo({
      as: 'lineAndroid',
      authenticator: false,
      lang,
      viewport: { width: 390, height: 844 },
    });
    await register(page);
    // The page as a phone shows it, for docs/web.md (PASSKEY_READY_SHOTS names the folder).
    if (process.env.PASSKEY_READY_SHOTS) {
      await page.screenshot({ path: `${process.env.PASSKEY_READY_SHOTS}/demo-line-${lang}-phone.png` });
    }
    assert.equal(await page.locator('.passkey-ready-help').getAttribute('lang'), lang);
    // Through the DevTools protocol: the page's policy allows no script but its own.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async (tags) => {
      document.querySelectorAll('details').forEach((d) => (d.open = true));
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    assert.deepEqual(violations, []);
    await done();
  });
}
