// One readiness check of the browser the page runs in: the readings, the core's snapshot of
// them, the customer's answers (the core's session), and the way out of an in-app browser.

import type {
  BrowserReadings,
  CheckId,
  Core,
  DeviceSnapshot,
  EscapeRoute,
  HelpScreen,
  Locale,
  ReadinessReport,
  Session,
} from './core.js';
import { coreError, type CoreError } from './core_error.js';
import { readBrowser, type BrowserEnvironment } from './readings.js';

export interface CheckOptions {
  /** The customer's language. Default: `ja`. */
  readonly lang?: Locale;
  /**
   * The page the escape link must open in the standard browser. Default: `location.href`.
   * The core accepts only an absolute https URL (http on localhost for tests).
   */
  readonly pageUrl?: string;
  /** The bound on each browser API call, in milliseconds. Default 1500. */
  readonly timeoutMs?: number | undefined;
  /** Where to read from. Default: `globalThis`. */
  readonly env?: BrowserEnvironment;
}

/** The readings the core may refuse one by one: they then count as not read. */
const OPTIONAL_READINGS = [
  'ua_platform',
  'ua_mobile',
  'platform_version',
  'uvpaa',
  'client_capabilities',
] as const;
type OptionalReading = (typeof OPTIONAL_READINGS)[number];

/** The check of one page view; answers are kept until the page is left. */
export class ReadinessCheck {
  readonly #core: Core;
  readonly #session: Session;

  private constructor(
    core: Core,
    /** What was read, with any reading the core refused set to null. */
    readonly readings: BrowserReadings,
    /** The readings the core refused (each error names its field), in the order refused. */
    readonly refused: readonly CoreError[],
    /** The device as read, before any answer. */
    readonly observed: DeviceSnapshot,
    readonly lang: Locale,
    /** How to open this page in the standard browser; null where the core says none is needed. */
    readonly escape: EscapeRoute | null,
    /** Why there is no escape route though one may be needed (the page URL was refused). */
    readonly escapeError: CoreError | null,
  ) {
    this.#core = core;
    this.#session = core.session(observed.platform, lang);
  }

  /**
   * Reads the browser and builds the check. Throws the core's `PasskeyReadyError` only when
   * the user agent itself (empty, too long) or `lang` is refused.
   */
  static async run(core: Core, options: CheckOptions = {}): Promise<ReadinessCheck> {
    const lang = options.lang ?? 'ja';
    const env = options.env ?? globalThis;
    const read = await readBrowser(env, { timeoutMs: options.timeoutMs });
    const { readings, refused, snapshot } = snapshotOf(core, read);
    const pageUrl = options.pageUrl ?? locationOf(env);
    let escape: EscapeRoute | null = null;
    let escapeError: CoreError | null = null;
    try {
      const route = core.escapeRoute(readings.user_agent, pageUrl, lang);
      escape = route.kind === 'not_needed' ? null : route;
    } catch (error) {
      escapeError = coreError(error);
    }
    return new ReadinessCheck(core, readings, refused, snapshot, lang, escape, escapeError);
  }

  /** The snapshot with the customer's answers in place of what the browser cannot tell. */
  get snapshot(): DeviceSnapshot {
    return this.#session.snapshot(this.observed);
  }

  get report(): ReadinessReport {
    return this.#session.evaluate(this.observed);
  }

  /** The help screen model: what `renderHelpScreen` draws. */
  get screen(): HelpScreen {
    return this.#session.screen(this.observed);
  }

  /** Whether the core found nothing missing and nothing to ask: registration can start. */
  get ready(): boolean {
    return this.report.status === 'ready';
  }

  /** Records the customer's answer ("yes" means the check passes) and returns the new screen. */
  answer(check: CheckId, yes: boolean): HelpScreen {
    this.#session.answer(check, yes);
    return this.screen;
  }

  forgetAnswer(check: CheckId): HelpScreen {
    this.#session.forgetAnswer(check);
    return this.screen;
  }

  answers(): Partial<Record<CheckId, boolean>> {
    return this.#session.answers();
  }
}

/**
 * The core's snapshot of the readings. A reading the core refuses (out of bounds, a shape
 * a future browser may give) is dropped and the rest tried again: one odd API must not cost
 * the customer the whole check. A refused user agent cannot be dropped and is thrown.
 */
function snapshotOf(
  core: Core,
  read: BrowserReadings,
): { readings: BrowserReadings; refused: CoreError[]; snapshot: DeviceSnapshot } {
  let readings = read;
  const refused: CoreError[] = [];
  for (;;) {
    try {
      return { readings, refused, snapshot: core.snapshotFromBrowser(readings) };
    } catch (error) {
      const refusal = coreError(error);
      const field = droppable(refusal.field, readings);
      // Not a reading the check can do without: the page gets the core's own error.
      if (field === undefined) throw error;
      refused.push(refusal);
      readings = { ...readings, [field]: null };
    }
  }
}

/** The optional reading a refusal names (`client_capabilities.<key>` names client_capabilities), if it is still set. */
function droppable(field: string, readings: BrowserReadings): OptionalReading | undefined {
  return OPTIONAL_READINGS.find(
    (name) => (field === name || field.startsWith(`${name}.`)) && readings[name] !== null,
  );
}

function locationOf(env: BrowserEnvironment): string {
  const { location } = env;
  if (typeof location !== 'object' || location === null) return '';
  const href: unknown = (location as { href?: unknown }).href;
  return typeof href === 'string' ? href : '';
}
