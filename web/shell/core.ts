// The core as the shell uses it: the wasm-bindgen module's exports behind one interface, so
// that the shell's own logic (readings, fallbacks, drawing) is tested with the real core in
// Node and, for the failures a real core does not produce on demand, with a stand-in.

import init, * as wasm from '../wasm/passkey_ready_web.js';
import type {
  BrowserReadings,
  CheckId,
  DeviceSnapshot,
  DiagnosisAnswer,
  EscapeRoute,
  HelpScreen,
  Locale,
  Platform,
  ReadinessReport,
} from '../wasm/passkey_ready_web.js';

export type {
  BrowserReadings,
  CheckId,
  DeviceSnapshot,
  DiagnosisAnswer,
  EscapeRoute,
  HelpScreen,
  Locale,
  Platform,
  ReadinessReport,
} from '../wasm/passkey_ready_web.js';
export type {
  EscapeKind,
  BannerKind,
  Finding,
  FindingStatus,
  HelpBanner,
  HelpFaq,
  HelpNote,
  HelpQuestion,
  HelpRow,
  HelpSection,
  HelpStep,
  HelpSubstep,
  HelpVariant,
  PasskeyReadyError,
  RowKind,
} from '../wasm/passkey_ready_web.js';

/** One customer's answers on one device (the core's `ReadinessSession`). */
export interface Session {
  answer(check: CheckId, yes: boolean): void;
  forgetAnswer(check: CheckId): void;
  answers(): Partial<Record<CheckId, boolean>>;
  /** The observed snapshot with the answers in place of its unknown readings. */
  snapshot(observed: DeviceSnapshot): DeviceSnapshot;
  /** The report of the observed snapshot with the answers applied. */
  evaluate(observed: DeviceSnapshot): ReadinessReport;
  screen(observed: DeviceSnapshot): HelpScreen;
}

/** What the shell calls. Every function throws the core's error (`field`, `reason`) on bad input. */
export interface Core {
  snapshotFromBrowser(readings: BrowserReadings): DeviceSnapshot;
  /** The troubleshooting answers for what the customer saw (a DOMException name, a message). */
  diagnose(message: string, platform: Platform | null, lang: Locale): DiagnosisAnswer[];
  escapeRoute(userAgent: string, pageUrl: string, lang: Locale): EscapeRoute;
  session(platform: Platform, lang: Locale): Session;
}

/** The wasm module's bytes or where to fetch them (the page's choice: it fetches nothing else). */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;

/** Instantiates the wasm module (fetching it only when given a URL) and returns the core. */
export async function loadCore(source: WasmSource): Promise<Core> {
  await init({ module_or_path: source });
  return wasmCore;
}

/** The same, synchronously, from the module's bytes (Node, or bytes the page already has). */
export function loadCoreSync(bytes: BufferSource | WebAssembly.Module): Core {
  wasm.initSync({ module: bytes });
  return wasmCore;
}

const wasmCore: Core = {
  snapshotFromBrowser: (readings) => wasm.snapshotFromBrowser(readings),
  diagnose: (message, platform, lang) => wasm.diagnose(message, platform, lang),
  escapeRoute: (userAgent, pageUrl, lang) => wasm.escapeRoute(userAgent, pageUrl, lang),
  session: (platform, lang) => new wasm.ReadinessSession(platform, lang),
};
