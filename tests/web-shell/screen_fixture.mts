// A help screen with every kind of row and piece (a finding to fix with steps, a question,
// an optional row, a done row, notes, substeps, variants), texts carrying markup-like
// characters that must stay text. The core makes the real ones (see check.test.mts); this
// one fixes each piece the renderer must draw, whatever today's content holds.

import type { HelpScreen } from '../../web/dist/shell/index.js';

export const MARKUP = '<img src=x onerror=alert(1)>';

export function fixtureScreen(): HelpScreen {
  return {
    locale: 'en',
    platform: 'android',
    title: 'Before registering a passkey',
    banner: { kind: 'not_ready', status: 'action_required', heading: 'Action needed', text: 'Set a screen lock.' },
    already_using: {
      check: 'already_uses_passkeys',
      kind: 'to_answer',
      status: 'unknown',
      title: 'Passkeys already in use',
      status_label: 'Please confirm',
      reason: 'If you already use passkeys, no setting is needed.',
      button: null,
      question: { check: 'already_uses_passkeys', text: 'Do you already use passkeys?', yes_label: 'Yes', no_label: 'No' },
      section: null,
    },
    findings_heading: 'What to check',
    rows: [
      {
        check: 'screen_lock',
        kind: 'to_fix',
        status: 'fail',
        title: 'Screen lock',
        status_label: 'Action needed',
        reason: `No screen lock ${MARKUP}`,
        button: { label: 'Open settings', action: 'android_security_settings', section: 'android.screen_lock' },
        question: null,
        section: {
          id: 'android.screen_lock',
          heading: '<Setting 1> Screen lock',
          label: 'How to set it up',
          intro: 'A passkey is unlocked with the screen lock.',
          written_for: 'The screens shown are from Android 14.',
          steps: [
            {
              number: '1. ',
              text: 'Open Settings.',
              notes: [{ kind: 'hint', mark: 'Note: ', text: 'The menu may be called Security.' }],
              substeps: [{ number: 'a. ', text: 'Tap Security.', notes: [] }],
            },
            { number: '2. ', text: 'Choose PIN.', notes: [], substeps: [] },
          ],
          variants: [{ label: 'On Android 9', steps: [{ number: '1. ', text: 'Open Lock screen.', notes: [], substeps: [] }] }],
        },
      },
      {
        check: 'google_autofill',
        kind: 'to_answer',
        status: 'unknown',
        title: 'Google autofill',
        status_label: 'Please confirm',
        reason: 'Could not check the autofill service.',
        button: null,
        question: { check: 'google_autofill', text: 'Is Google your autofill service?', yes_label: 'Yes', no_label: 'No' },
        section: {
          id: 'android.autofill', heading: 'Autofill', label: 'How to set it up', intro: 'Why.',
          written_for: null, steps: [{ number: '1. ', text: 'Open Passwords.', notes: [], substeps: [] }], variants: [],
        },
      },
      {
        check: 'biometrics',
        kind: 'information',
        status: 'unknown',
        title: 'Biometrics',
        status_label: 'Optional',
        reason: 'Could not check biometrics.',
        button: null,
        question: null,
        section: {
          id: 'android.biometrics', heading: 'Biometrics', label: 'How to set it up', intro: 'Optional.',
          written_for: null, steps: [{ number: '1. ', text: 'Add a fingerprint.', notes: [], substeps: [] }], variants: [],
        },
      },
      {
        check: 'google_account', kind: 'done', status: 'pass', title: 'Google account', status_label: 'OK',
        reason: 'Signed in.', button: null, question: null, section: null,
      },
    ],
    troubleshooting: {
      heading: 'Troubleshooting',
      faqs: [{ id: 'faq.in_app_browser', question: 'The page opened inside an app', answer: 'Open it in Chrome.' }],
    },
  } as HelpScreen;
}
