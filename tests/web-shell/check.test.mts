// How the shell handles the core's refusals and the customer's answers: a refused reading
// is dropped and counts as unknown, a refused page address leaves no escape link, a
// refused user agent is the page's error; an answer redraws the screen with the focus kept.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mountHelpScreen, ReadinessCheck } from '../../web/dist/shell/index.js';
import { browser, corpusUserAgent } from './fake_browser.mjs';
import { fakeCore } from './fake_core.mjs';
import { byTag, container, find } from './fake_dom.mjs';

const ANDROID_CHROME = corpusUserAgent('Android 14', 'Chrome/', 'Mobile Safari');

test('a reading the core refuses is dropped and the check goes on with the others', async () => {
  const { core, log } = fakeCore({
    readings: (r) =>
      r.client_capabilities !== null ? { field: 'client_capabilities.x', reason: 'too many capabilities' } : null,
  });
  const env = browser({ ua: ANDROID_CHROME, uvpaa: { gives: true }, capabilities: { gives: { x: true } } });
  const check = await ReadinessCheck.run(core, { env, timeoutMs: 50 });
  assert.equal(check.readings.client_capabilities, null);
  assert.equal(check.readings.uvpaa, true, 'the other readings stay');
  assert.deepEqual(check.refused, [{ field: 'client_capabilities.x', reason: 'too many capabilities' }]);
  assert.equal(log.snapshots.length, 2);
});

test('a refused user agent is thrown to the page with its field', async () => {
  const { core } = fakeCore({ readings: () => ({ field: 'user_agent', reason: 'longer than 1024 bytes' }) });
  await assert.rejects(ReadinessCheck.run(core, { env: browser({ ua: 'x'.repeat(2000) }), timeoutMs: 50 }), {
    field: 'user_agent',
    reason: 'longer than 1024 bytes',
  });
});

test('a refused page address leaves no escape route and says why', async () => {
  const refusal = { field: 'page_url', reason: 'must be an absolute https URL' };
  const { core } = fakeCore({ pageUrl: refusal });
  const env = browser({ ua: ANDROID_CHROME, href: 'http://bank.example/register' });
  const check = await ReadinessCheck.run(core, { env, timeoutMs: 50 });
  assert.equal(check.escape, null);
  assert.deepEqual(check.escapeError, refusal);
});

test('an answer goes to the session, the screen is drawn again and the answered row keeps the focus', async () => {
  const { core, log } = fakeCore({});
  const check = await ReadinessCheck.run(core, { env: browser({ ua: ANDROID_CHROME }), timeoutMs: 50 });
  const { doc, root, el } = container();
  let changes = 0;
  mountHelpScreen(el, check, { onChange: () => changes++ });
  const row = find(root, (e) => e.getAttribute('data-check') === 'google_autofill')!;
  const yes = byTag(row, 'button').find((b) => b.getAttribute('data-answer') === 'yes')!;
  yes.click();
  assert.deepEqual(log.answers, [['google_autofill', true]]);
  assert.deepEqual(check.answers(), { google_autofill: true });
  assert.equal(changes, 1);
  assert.equal(find(root, (e) => e.getAttribute('data-check') === 'google_autofill'), undefined);
  assert.equal(root.children.length, 1);
  const already = find(root, (e) => e.getAttribute('data-check') === 'already_uses_passkeys')!;
  byTag(already, 'button').find((b) => b.getAttribute('data-answer') === 'no')!.click();
  assert.equal(doc.activeElement?.id, 'passkey-ready-check-already_uses_passkeys', 'the focus stays on the answered row');
  assert.equal(doc.activeElement?.textContent, 'Passkeys already in use');
});
