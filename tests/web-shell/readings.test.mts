// What the shell reads from a browser, case by case: each reading is the browser's answer
// or null, and the whole reading settles in time whatever the APIs do.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readBrowser } from '../../web/dist/shell/index.js';
import { browser, corpusUserAgent } from './fake_browser.mjs';

const WINDOWS_EDGE = corpusUserAgent('Windows NT 10.0', 'Edg/131');
const SHORT = { timeoutMs: 50 };

test('Windows 11 Edge: every reading as the browser gives it', async () => {
  const readings = await readBrowser(
    browser({
      ua: WINDOWS_EDGE,
      uaData: { platform: 'Windows', mobile: false },
      platformVersion: { gives: '15.0.0' },
      uvpaa: { gives: true },
      capabilities: { gives: { conditionalCreate: true, hybridTransport: true, passkeyPlatformAuthenticator: false } },
    }),
    SHORT,
  );
  assert.deepEqual(readings, {
    user_agent: WINDOWS_EDGE,
    ua_platform: 'Windows',
    ua_mobile: false,
    platform_version: '15.0.0',
    uvpaa: true,
    client_capabilities: { conditionalCreate: true, hybridTransport: true, passkeyPlatformAuthenticator: false },
  });
});

test('Windows without UA-CH (an older browser): no platform, version or mobile reading', async () => {
  const readings = await readBrowser(browser({ ua: WINDOWS_EDGE, uvpaa: { gives: false } }), SHORT);
  assert.equal(readings.ua_platform, null);
  assert.equal(readings.ua_mobile, null);
  assert.equal(readings.platform_version, null);
  assert.equal(readings.uvpaa, false);
  assert.equal(readings.client_capabilities, null);
});

test('no PublicKeyCredential at all (a WebView, an insecure page): uvpaa and capabilities unknown', async () => {
  const ua = corpusUserAgent('Android', '; wv)', 'Line/');
  const readings = await readBrowser(browser({ ua, uaData: { platform: 'Android', mobile: true } }), SHORT);
  assert.equal(readings.user_agent, ua);
  assert.equal(readings.uvpaa, null);
  assert.equal(readings.client_capabilities, null);
  assert.equal(readings.ua_mobile, true);
});

for (const behaviour of ['throws', 'rejects', 'hangs'] as const) {
  test(`every API ${behaviour}: each reading is unknown and the reading still settles`, async () => {
    const started = Date.now();
    const readings = await readBrowser(
      browser({
        ua: WINDOWS_EDGE,
        uaData: { platform: 'Windows', mobile: false },
        platformVersion: behaviour,
        uvpaa: behaviour,
        capabilities: behaviour,
      }),
      SHORT,
    );
    assert.equal(readings.platform_version, null);
    assert.equal(readings.uvpaa, null);
    assert.equal(readings.client_capabilities, null);
    assert.equal(readings.ua_platform, 'Windows', 'the low-entropy platform is still read');
    // The three calls run side by side: one bound, not three.
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
}

test('a throwing userAgentData getter costs only the UA-CH readings', async () => {
  const readings = await readBrowser(browser({ ua: WINDOWS_EDGE, uaData: 'throws', uvpaa: { gives: true } }), SHORT);
  assert.equal(readings.ua_platform, null);
  assert.equal(readings.platform_version, null);
  assert.equal(readings.uvpaa, true);
});

test('answers of the wrong type are not readings', async () => {
  const readings = await readBrowser(
    browser({
      ua: WINDOWS_EDGE,
      uaData: { platform: 11, mobile: 'no' },
      platformVersion: { gives: 15 },
      uvpaa: { gives: 'true' },
      capabilities: { gives: ['conditionalCreate'] },
    }),
    SHORT,
  );
  assert.equal(readings.ua_platform, null);
  assert.equal(readings.ua_mobile, null);
  assert.equal(readings.platform_version, null);
  assert.equal(readings.uvpaa, null);
  assert.equal(readings.client_capabilities, null);
});

test('capabilities keep their boolean entries only, and a "__proto__" key stays a key', async () => {
  const caps = JSON.parse('{"conditionalGet": true, "relatedOrigins": "yes", "__proto__": true}') as unknown;
  const readings = await readBrowser(browser({ ua: WINDOWS_EDGE, capabilities: { gives: caps } }), SHORT);
  const got = readings.client_capabilities;
  assert.ok(got !== null && got !== undefined);
  assert.deepEqual(Object.keys(got), ['conditionalGet', '__proto__']);
  assert.equal(Object.getPrototypeOf(got), Object.prototype);
});

test('no navigator at all: an empty user agent, nothing else', async () => {
  const readings = await readBrowser({}, SHORT);
  assert.deepEqual(readings, {
    user_agent: '',
    ua_platform: null,
    ua_mobile: null,
    platform_version: null,
    uvpaa: null,
    client_capabilities: null,
  });
});
