// passkey-ready for web pages: read the browser, let the core decide, draw its help screen.
//
//   const ready = await PasskeyReady.load({ wasm: '/assets/passkey_ready_web_bg.wasm' });
//   const check = await ready.check({ lang: 'ja' });
//   if (check.ready) { await navigator.credentials.create(…) } else { mountHelpScreen(el, check) }
//
// docs/web.md has the whole page.

import { ReadinessCheck, type CheckOptions } from './check.js';
import { loadCore, loadCoreSync, type Core, type WasmSource } from './core.js';

export class PasskeyReady {
  private constructor(
    /** The core's functions, for a page that draws its own screen from the models. */
    readonly core: Core,
  ) {}

  /**
   * Instantiates the core. `wasm` is the module's URL (fetched once; the only request the
   * package makes), its bytes, a Response or a compiled module.
   */
  static async load(options: { readonly wasm: WasmSource }): Promise<PasskeyReady> {
    return new PasskeyReady(await loadCore(options.wasm));
  }

  /** The same from bytes already at hand, without waiting (Node, tests). */
  static loadSync(options: { readonly wasm: BufferSource | WebAssembly.Module }): PasskeyReady {
    return new PasskeyReady(loadCoreSync(options.wasm));
  }

  /** Reads this browser and checks it: settles within the read timeout, whatever the browser does. */
  check(options: CheckOptions = {}): Promise<ReadinessCheck> {
    return ReadinessCheck.run(this.core, options);
  }
}

export { ReadinessCheck } from './check.js';
export type { CheckOptions } from './check.js';
export type { CoreError } from './core_error.js';
export type { Core, Session, WasmSource } from './core.js';
export type * from './core.js';
export { readBrowser, DEFAULT_TIMEOUT_MS } from './readings.js';
export type { BrowserEnvironment, ReadOptions } from './readings.js';
export { renderHelpScreen, rowHeadingId } from './render/help_screen.js';
export type { HelpScreenHandlers, HelpScreenOptions } from './render/help_screen.js';
export { mountHelpScreen } from './render/help_view.js';
export type { HelpViewOptions } from './render/help_view.js';
export { renderEscapeRoute } from './render/escape_route.js';
export type { EscapeRouteOptions } from './render/escape_route.js';
export type { HeadingLevel } from './render/elements.js';
