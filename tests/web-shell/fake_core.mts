// A core that refuses what a test tells it to, for the shell's handling of the core's
// errors (a refused reading, a refused page address), which the real core gives only for
// inputs a real browser rarely produces. Its screen is the fixture's.

import type { BrowserReadings, Core, DeviceSnapshot, EscapeRoute, HelpScreen, Session } from '../../web/dist/shell/index.js';
import { fixtureScreen } from './screen_fixture.mjs';

export interface FakeCoreLog {
  readonly snapshots: BrowserReadings[];
  readonly answers: [string, boolean][];
}

export function fakeCore(refuse: {
  readonly readings?: (r: BrowserReadings) => { field: string; reason: string } | null;
  readonly pageUrl?: { field: string; reason: string };
}): { core: Core; log: FakeCoreLog } {
  const log: FakeCoreLog = { snapshots: [], answers: [] };
  const answers: Partial<Record<string, boolean>> = {};
  const session: Session = {
    answer: (check, yes) => {
      answers[check] = yes;
      log.answers.push([check, yes]);
    },
    forgetAnswer: (check) => {
      delete answers[check];
    },
    answers: () => ({ ...answers }),
    snapshot: (observed) => observed,
    evaluate: () => {
      throw new Error('not used by these tests');
    },
    screen: (): HelpScreen => {
      const screen = fixtureScreen();
      // An answered question is no longer asked, as the core's session does.
      return { ...screen, rows: screen.rows.filter((r) => !(r.check in answers)) };
    },
  };
  const core: Core = {
    snapshotFromBrowser: (readings): DeviceSnapshot => {
      log.snapshots.push(readings);
      const refusal = refuse.readings?.(readings);
      if (refusal) throw refusal;
      return { platform: 'android', os_version: null, user_agent: readings.user_agent, signals: {} } as DeviceSnapshot;
    },
    diagnose: () => [],
    escapeRoute: (_ua, pageUrl): EscapeRoute => {
      if (refuse.pageUrl) throw refuse.pageUrl;
      return {
        kind: 'not_needed',
        heading: 'Registration does not work in an app',
        open_url: null,
        open_label: null,
        page_url: pageUrl,
        copy_label: 'Copy the link',
        copied_label: 'Copied',
        manual_steps: 'Open the page in Chrome.',
        standard_browser: null,
      };
    },
    session: () => session,
  };
  return { core, log };
}
