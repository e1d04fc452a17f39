// What a page can read about the browser it runs in, as the core's `BrowserReadings`. Each
// reading is taken as the browser gives it, or null when the API is missing, throws,
// rejects, answers with the wrong type or takes too long: what a reading means (Windows 11
// from a platformVersion, Windows Hello from isUVPAA …) is the core's to decide
// (`snapshotFromBrowser`), never this file's.

import type { BrowserReadings } from './core.js';
import { settleWithin } from './time_bound.js';

/** Where the readings come from: `globalThis` in a page, a stand-in in tests. */
export interface BrowserEnvironment {
  readonly navigator?: unknown;
  readonly PublicKeyCredential?: unknown;
  /** The page's address, for the escape link (`location.href`). */
  readonly location?: unknown;
}

export interface ReadOptions {
  /**
   * How long each asynchronous reading may take, in milliseconds (they run side by side, so
   * this bounds the whole reading). Default 1500.
   */
  readonly timeoutMs?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 1500;

/** Reads the browser; never throws and always settles within about `timeoutMs`. */
export async function readBrowser(
  env: BrowserEnvironment = globalThis,
  options: ReadOptions = {},
): Promise<BrowserReadings> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const navigator = property(env, 'navigator');
  const uaData = property(navigator, 'userAgentData');
  const credential = property(env, 'PublicKeyCredential');

  const [platformVersion, uvpaa, capabilities] = await Promise.all([
    call(uaData, 'getHighEntropyValues', [['platformVersion']], ms).then((values) =>
      stringOrNull(property(values, 'platformVersion')),
    ),
    call(credential, 'isUserVerifyingPlatformAuthenticatorAvailable', [], ms).then(booleanOrNull),
    call(credential, 'getClientCapabilities', [], ms).then(capabilityMap),
  ]);
  return {
    user_agent: stringOrNull(property(navigator, 'userAgent')) ?? '',
    ua_platform: stringOrNull(property(uaData, 'platform')),
    ua_mobile: booleanOrNull(property(uaData, 'mobile')),
    platform_version: platformVersion,
    uvpaa,
    client_capabilities: capabilities,
  };
}

/** `owner[name]`, or undefined when owner is not an object or its getter throws. */
function property(owner: unknown, name: string): unknown {
  if ((typeof owner !== 'object' && typeof owner !== 'function') || owner === null) {
    return undefined;
  }
  try {
    return (owner as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/** `owner[name](...args)` bounded in time; undefined unless it gave a value. */
async function call(owner: unknown, name: string, args: unknown[], ms: number): Promise<unknown> {
  const method = property(owner, name);
  if (typeof method !== 'function') return undefined;
  const outcome = await settleWithin(() => (method as (...a: unknown[]) => unknown).apply(owner, args), ms);
  return outcome.kind === 'value' ? outcome.value : undefined;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function booleanOrNull(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/**
 * getClientCapabilities()'s record: its boolean entries (the API's only values; anything
 * else is not a capability the core could read). The core bounds their number and names.
 */
function capabilityMap(value: unknown): Record<string, boolean> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let entries: [string, unknown][];
  try {
    entries = Object.entries(value);
  } catch {
    return null;
  }
  // fromEntries defines own properties: a key such as "__proto__" stays a plain key.
  return Object.fromEntries(
    entries.filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
  );
}
