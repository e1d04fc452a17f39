// The demo bank's registration page: the check runs first; a browser that is ready goes
// straight to navigator.credentials.create(), any other shows the help screen (and the
// way out of an in-app browser), and the customer may still continue.

import { mountHelpScreen, PasskeyReady, renderEscapeRoute, type Locale, type ReadinessCheck } from '../dist/shell/index.js';

const lang: Locale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja';
const register = byId('register');
const proceed = byId('continue');
const escape = byId('escape');
const help = byId('help');
const result = byId('result');

const passkeyReady = await PasskeyReady.load({ wasm: new URL('../dist/wasm/passkey_ready_web_bg.wasm', import.meta.url) });
register.removeAttribute('disabled');

register.addEventListener('click', () => {
  void start();
});
proceed.addEventListener('click', () => {
  void createPasskey();
});

/** The last check, for the platform a failed registration is diagnosed for. */
let lastCheck: ReadinessCheck | null = null;

async function start(): Promise<void> {
  const check = await passkeyReady.check({ lang });
  lastCheck = check;
  if (check.escape) renderEscapeRoute(escape, check.escape, { lang });
  if (check.ready) {
    await createPasskey();
    return;
  }
  mountHelpScreen(help, check, { onChange: (changed: ReadinessCheck) => showProceed(changed) });
  showProceed(check);
}

/** The customer may always go on; the page says nothing the help screen does not. */
function showProceed(check: ReadinessCheck): void {
  proceed.hidden = false;
  proceed.dataset.ready = String(check.ready);
}

async function createPasskey(): Promise<void> {
  // No account in this demo: a random user handle, a fixed name, and a fresh challenge (a
  // real bank's comes from its server).
  const options: CredentialCreationOptions = {
    publicKey: {
      rp: { id: location.hostname, name: 'Demo bank' },
      user: { id: random(16), name: 'demo', displayName: 'demo' },
      challenge: random(32),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
      timeout: 60_000,
    },
  };
  try {
    const credential = await navigator.credentials.create(options);
    result.dataset.outcome = credential ? 'created' : 'none';
    result.textContent = credential ? `Passkey registered (${credential.id.length} characters of id).` : 'No passkey.';
  } catch (error) {
    const name = error instanceof DOMException ? error.name : 'Error';
    result.dataset.outcome = name;
    showDiagnosis(name);
  }
}

/** What the guide answers for the error the browser gave (its troubleshooting, in the customer's language). */
function showDiagnosis(errorName: string): void {
  const platform = lastCheck?.observed.platform ?? null;
  const [best] = passkeyReady.core.diagnose(errorName, platform, lang);
  result.replaceChildren();
  if (best?.question) result.append(paragraph(best.question));
  if (best?.answer) result.append(paragraph(best.answer));
  if (!best) result.append(paragraph(errorName));
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function random(bytes: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(bytes));
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
}
