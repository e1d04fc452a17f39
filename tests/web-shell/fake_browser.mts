// Stand-ins for what a page reads (navigator, userAgentData, PublicKeyCredential), one per
// case a real browser produces: an API missing, throwing, rejecting, never answering, or
// answering with something else than the spec says.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How one API behaves. */
export type Behaviour<T> =
  | { readonly gives: T }
  | 'missing'
  | 'throws'
  | 'rejects'
  | 'hangs';

export interface BrowserCase {
  readonly ua: string;
  readonly uaData?: { readonly platform?: unknown; readonly mobile?: unknown } | 'missing' | 'throws';
  readonly platformVersion?: Behaviour<unknown>;
  readonly uvpaa?: Behaviour<unknown>;
  readonly capabilities?: Behaviour<unknown>;
  readonly href?: string;
}

/** A `BrowserEnvironment` behaving as `c` says; what it does not say is missing. */
export function browser(c: BrowserCase): {
  navigator: unknown;
  PublicKeyCredential: unknown;
  location: unknown;
} {
  const navigator: Record<string, unknown> = { userAgent: c.ua };
  if (c.uaData === 'throws') {
    Object.defineProperty(navigator, 'userAgentData', {
      get() {
        throw new Error('userAgentData getter');
      },
    });
  } else if (c.uaData !== undefined && c.uaData !== 'missing') {
    const data: Record<string, unknown> = { ...c.uaData };
    const hev = method(c.platformVersion ?? 'missing', (v) => ({ platform: c.uaData, platformVersion: v }));
    if (hev) data.getHighEntropyValues = hev;
    navigator.userAgentData = data;
  }
  const credential: Record<string, unknown> = {};
  const uvpaa = method(c.uvpaa ?? 'missing', (v) => v);
  if (uvpaa) credential.isUserVerifyingPlatformAuthenticatorAvailable = uvpaa;
  const caps = method(c.capabilities ?? 'missing', (v) => v);
  if (caps) credential.getClientCapabilities = caps;
  const hasCredential = c.uvpaa !== undefined || c.capabilities !== undefined;
  return {
    navigator,
    PublicKeyCredential: hasCredential ? credential : undefined,
    location: { href: c.href ?? 'https://bank.example/register' },
  };
}

function method(b: Behaviour<unknown>, wrap: (v: unknown) => unknown): (() => unknown) | undefined {
  switch (b) {
    case 'missing':
      return undefined;
    case 'throws':
      return () => {
        throw new TypeError('Illegal invocation');
      };
    case 'rejects':
      return () => Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
    case 'hangs':
      return () => new Promise(() => {});
    default:
      return () => Promise.resolve(wrap(b.gives));
  }
}

const CORPUS = fileURLToPath(new URL('../../tests/corpus/user_agents.txt', import.meta.url));

/** The first user agent of tests/corpus/user_agents.txt containing every one of `tokens`. */
export function corpusUserAgent(...tokens: string[]): string {
  const line = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .find((l) => !l.startsWith('#') && tokens.every((t) => l.includes(t)));
  if (line === undefined) throw new Error(`no user agent in the corpus with ${tokens.join(', ')}`);
  return line;
}
