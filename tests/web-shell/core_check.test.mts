// The check with the real core, from stand-in browsers to what the page shows: the readings
// mean what the core says they mean, and the renderers draw the core's model.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { renderEscapeRoute, renderHelpScreen } from '../../web/dist/shell/index.js';
import { browser, corpusUserAgent } from './fake_browser.mjs';
import { byClass, byTag, container, find } from './fake_dom.mjs';
import { passkeyReady } from './real_core.mjs';

const WINDOWS_EDGE = corpusUserAgent('Windows NT 10.0', 'Edg/131');
const GOOGLE_APP = corpusUserAgent('Android', '; wv)', 'GSA/');
const PAGE = 'https://bank.example/passkey/register?step=1';
const SHORT = 50;

function windows(platformVersion: string | null, uvpaa: boolean | null) {
  return browser({
    ua: WINDOWS_EDGE,
    ...(platformVersion === null ? {} : { uaData: { platform: 'Windows', mobile: false } }),
    ...(platformVersion === null ? {} : { platformVersion: { gives: platformVersion } }),
    ...(uvpaa === null ? { capabilities: 'missing' as const } : { uvpaa: { gives: uvpaa } }),
    href: PAGE,
  });
}

function rowOf(root: ReturnType<typeof container>['root'], check: string) {
  const row = find(root, (e) => e.getAttribute('data-check') === check);
  assert.ok(row, `no row for ${check}`);
  return row;
}

test('Windows 11 without Windows Hello: the security-key prompt is predicted, its guide open', async () => {
  const check = await passkeyReady().check({ env: windows('15.0.0', false), lang: 'en', timeoutMs: SHORT });
  assert.equal(check.observed.platform, 'windows');
  assert.equal(check.observed.signals?.windows_hello, 'no');
  assert.equal(check.ready, false);
  const { root, el } = container();
  renderHelpScreen(el, check.screen);
  assert.equal(byClass(root, 'banner')[0]!.getAttribute('class'), 'banner not_ready');
  const hello = rowOf(root, 'windows_hello');
  assert.equal(hello.getAttribute('class'), 'row to_fix');
  const details = byTag(hello, 'details')[0]!;
  assert.equal(details.getAttribute('data-section'), 'windows_hello.setup');
  assert.ok(details.hasAttribute('open'));
  assert.ok(byTag(details, 'li').length > 0, 'the guide steps are drawn');
  assert.equal(check.escape, null, 'a standard browser needs no way out');
  assert.equal(check.escapeError, null);
});

test('Windows Hello set up (uvpaa true) on Windows 11: ready, nothing drawn to fix', async () => {
  const check = await passkeyReady().check({ env: windows('15.0.0', true), lang: 'en', timeoutMs: SHORT });
  assert.equal(check.observed.signals?.windows_hello, 'yes');
  assert.equal(check.ready, true);
  const { root, el } = container();
  renderHelpScreen(el, check.screen);
  assert.equal(byClass(root, 'to_fix').length, 0);
  assert.equal(byClass(root, 'banner')[0]!.getAttribute('class'), 'banner ready');
});

test('platformVersion tells Windows 10 from 11; without it the user agent cannot', async () => {
  const version = async (pv: string | null) =>
    (await passkeyReady().check({ env: windows(pv, true), timeoutMs: SHORT })).observed.os_version ?? null;
  const eleven = await version('15.0.0');
  const ten = await version('10.0.0');
  const unknown = await version(null);
  assert.notEqual(eleven, ten);
  assert.match(String(eleven), /^11/);
  assert.match(String(ten), /^10/);
  assert.ok(unknown === null || !String(unknown).startsWith('11'), `the UA alone gave ${unknown}`);
});

test('a Windows browser whose APIs all hang is still checked, with questions instead of readings', async () => {
  const env = browser({
    ua: WINDOWS_EDGE,
    uaData: { platform: 'Windows', mobile: false },
    platformVersion: 'hangs',
    uvpaa: 'hangs',
    capabilities: 'hangs',
    href: PAGE,
  });
  const check = await passkeyReady().check({ env, lang: 'ja', timeoutMs: SHORT });
  assert.equal(check.readings.uvpaa, null);
  assert.notEqual(check.observed.signals?.windows_hello, 'no', 'not read is not "no"');
  const { root, el } = container();
  renderHelpScreen(el, check.screen);
  assert.equal(root.children[0]!.getAttribute('lang'), 'ja');
  assert.ok(byClass(root, 'answers').length > 0, 'what could not be read is asked');
});

test('answers go through the core: answering every question of a Mac makes it ready', async () => {
  const env = browser({ ua: corpusUserAgent('Macintosh', 'Version/18.2'), uvpaa: { gives: true }, href: PAGE });
  const check = await passkeyReady().check({ env, lang: 'en', timeoutMs: SHORT });
  assert.equal(check.ready, false);
  const asked = check.screen.rows.filter((r) => r.question !== null).map((r) => r.check);
  assert.ok(asked.length > 0);
  for (const id of asked) check.answer(id, true);
  assert.equal(check.ready, true, `still not ready after answering ${asked.join(', ')}`);
  assert.deepEqual(Object.keys(check.answers()).sort(), [...asked].sort());
});

test('the Google app on Android: an escape link to this page in Chrome, the steps, and a copy button', async () => {
  const check = await passkeyReady().check({ env: browser({ ua: GOOGLE_APP, href: PAGE }), lang: 'en', timeoutMs: SHORT });
  const route = check.escape;
  assert.ok(route, `no escape route (${JSON.stringify(check.escapeError)})`);
  const copied: string[] = [];
  const { doc, root, el } = container({ writeText: async (t) => void copied.push(t) });
  renderEscapeRoute(el, route, { lang: 'en' });
  assert.equal(root.children[0]!.getAttribute('lang'), 'en');
  const link = byTag(root, 'a')[0]!;
  const href = link.getAttribute('href') ?? '';
  assert.ok(href.startsWith('intent://bank.example/passkey/register?step=1#Intent;'), href);
  assert.match(href, /;package=com\.android\.chrome;/);
  assert.equal(link.textContent, route.open_label);
  assert.equal(byClass(root, 'manual-steps')[0]!.textContent, route.manual_steps);
  assert.equal(byTag(root, 'h2')[0]!.textContent, route.heading, 'under the answer\'s question');
  // The answer says the device's standard browser is "listed below": it is, from the table.
  const standard = route.standard_browser;
  assert.ok(standard, 'the device table row of Android');
  assert.equal(standard.browser, 'Chrome');
  assert.equal(byTag(root, 'dd')[0]!.childNodes[0]!.textContent, 'Chrome');
  assert.equal(byTag(root, 'dt')[0]!.textContent, `${standard.label} (Android)`);
  assert.equal(byClass(root, 'url')[0]!.textContent, PAGE);
  const copy = byClass(root, 'copy')[0]!;
  copy.click();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(copied, [PAGE]);
  assert.equal(byClass(root, 'copy-status')[0]!.textContent, route.copied_label, 'the copied label is said');
  assert.equal(doc.selected, null);
});

test('the copy button selects the address where the clipboard is refused', async () => {
  const check = await passkeyReady().check({ env: browser({ ua: GOOGLE_APP, href: PAGE }), lang: 'ja', timeoutMs: SHORT });
  const { doc, root, el } = container({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  renderEscapeRoute(el, check.escape!, { lang: "ja" });
  byClass(root, 'copy')[0]!.click();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(doc.selected?.textContent, PAGE);
  assert.equal(byClass(root, 'copy-status')[0]!.textContent, '');
});

test('readings the core refuses (a future browser\'s odd capabilities, a malformed version) count as not read', async () => {
  const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`capability${i}`, true]));
  const env = browser({
    ua: WINDOWS_EDGE,
    uaData: { platform: 'Windows', mobile: false },
    platformVersion: { gives: '15.0.0; drop table' },
    uvpaa: { gives: false },
    capabilities: { gives: many },
    href: PAGE,
  });
  const check = await passkeyReady().check({ env, lang: 'en', timeoutMs: SHORT });
  assert.deepEqual(
    check.refused.map((r) => r.field.split('.')[0]).sort(),
    ['client_capabilities', 'platform_version'],
  );
  assert.equal(check.readings.platform_version, null);
  assert.equal(check.readings.client_capabilities, null);
  assert.equal(check.observed.signals?.windows_hello, 'no', 'the readings kept still count');
});

test('no user agent at all: the core\'s own error, naming user_agent, reaches the page', async () => {
  await assert.rejects(passkeyReady().check({ env: {}, timeoutMs: SHORT }), (error: unknown) => {
    assert.ok(error instanceof Error, 'an Error the page can catch and log');
    assert.equal((error as { name?: unknown }).name, 'PasskeyReadyError');
    assert.equal((error as { field?: unknown }).field, 'user_agent');
    return true;
  });
});
