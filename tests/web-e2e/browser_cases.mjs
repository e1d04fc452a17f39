// The browsers the e2e test stands in for: a user agent from tests/corpus/user_agents.txt and,
// where that browser sends them, its UA client hints (Chromium-based browsers do; Safari and
// Android WebViews of in-app browsers as overridden here do not).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../corpus/user_agents.txt', import.meta.url));

/** The first user agent of the corpus that `pattern` matches. */
export function corpusUserAgent(pattern) {
  const line = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .find((l) => !l.startsWith('#') && pattern.test(l));
  if (line === undefined) throw new Error(`no user agent in the corpus matches ${pattern}`);
  return line;
}

function windowsHints(brand, platformVersion) {
  return {
    brands: [
      { brand, version: '131' },
      { brand: 'Chromium', version: '131' },
    ],
    fullVersion: '131.0.0.0',
    platform: 'Windows',
    platformVersion,
    architecture: 'x86',
    model: '',
    mobile: false,
  };
}

function androidHints(platformVersion, model) {
  return {
    brands: [{ brand: 'Android WebView', version: '126' }],
    fullVersion: '126.0.0.0',
    platform: 'Android',
    platformVersion,
    architecture: '',
    model,
    mobile: true,
  };
}

export const BROWSERS = {
  googleApp: {
    userAgent: corpusUserAgent(/Android.*; wv\).* GSA\//),
    userAgentMetadata: androidHints('14.0.0', 'Pixel 8'),
  },
  yahooJapan: {
    userAgent: corpusUserAgent(/Android.* YJApp-ANDROID /),
    userAgentMetadata: androidHints('13.0.0', 'SO-51C'),
  },
  lineAndroid: {
    userAgent: corpusUserAgent(/Android.* Line\//),
    userAgentMetadata: androidHints('14.0.0', 'SH-54D'),
  },
  // iOS apps' browsers are WebKit web views: no client hints.
  googleAppIphone: { userAgent: corpusUserAgent(/iPhone.* GSA\//) },
  lineIphone: { userAgent: corpusUserAgent(/iPhone.* Line\//) },
  windows11Edge: {
    userAgent: corpusUserAgent(/Windows NT 10\.0.* Edg\/131/),
    userAgentMetadata: windowsHints('Microsoft Edge', '15.0.0'),
  },
  windows10Chrome: {
    userAgent: corpusUserAgent(/Windows NT 10\.0.* Chrome\/131[.0-9]* Safari\/537\.36$/),
    userAgentMetadata: windowsHints('Google Chrome', '10.0.0'),
  },
  macSafari: {
    // Safari sends no client hints: navigator.userAgentData stays Chromium's empty one.
    userAgent: corpusUserAgent(/Macintosh.* Version\/18\.2 Safari\//),
  },
};
