// What a page shows for a help screen: the CLI export's structure (banner, rows, questions,
// steps, troubleshooting), answer buttons instead of settings buttons, text never markup.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { renderHelpScreen } from '../../web/dist/shell/index.js';
import { all, byClass, byTag, container, find, headingLevels } from './fake_dom.mjs';
import { fixtureScreen, MARKUP } from './screen_fixture.mjs';

test('the screen in order: title, banner, every row, troubleshooting; lang set', () => {
  const { root, el } = container();
  const screen = fixtureScreen();
  renderHelpScreen(el, screen);
  const help = root.children[0]!;
  assert.equal(help.getAttribute('lang'), 'en');
  const top = byTag(help, 'h2')[0]!;
  assert.equal(top.textContent, screen.title);
  const banner = byClass(help, 'banner')[0]!;
  assert.equal(banner.getAttribute('class'), 'banner not_ready');
  assert.match(banner.textContent, /Action needed.*Set a screen lock\./);
  const rows = byClass(help, 'row').map((r) => r.getAttribute('data-check'));
  assert.deepEqual(rows, ['already_uses_passkeys', 'screen_lock', 'google_autofill', 'biometrics', 'google_account']);
  const faq = byClass(help, 'faq')[0]!;
  assert.equal(faq.getAttribute('id'), 'passkey-ready-faq-in_app_browser');
  assert.match(faq.textContent, /inside an app.*Open it in Chrome/);
});

test('headings never skip a level, from the level the page asks for', () => {
  for (const level of [1, 2, 3] as const) {
    const { root, el } = container();
    renderHelpScreen(el, fixtureScreen(), {}, { headingLevel: level });
    const levels = headingLevels(root);
    assert.equal(levels[0], level);
    for (let i = 1; i < levels.length; i++) {
      assert.ok(levels[i]! <= levels[i - 1]! + 1, `h${levels[i - 1]} then h${levels[i]} at level ${level}`);
      assert.ok(levels[i]! >= level);
    }
  }
});

test('no settings button: a page cannot open them; the steps are shown, open for a finding to fix or answer', () => {
  const { root, el } = container();
  renderHelpScreen(el, fixtureScreen());
  const buttons = byTag(root, 'button').map((b) => b.textContent);
  assert.ok(!buttons.includes('Open settings'), `buttons: ${buttons.join(', ')}`);
  const details = byTag(root, 'details');
  assert.deepEqual(
    details.map((d) => [d.getAttribute('data-section'), d.hasAttribute('open')]),
    [
      ['android.screen_lock', true],
      ['android.autofill', true],
      ['android.biometrics', false],
    ],
  );
  const lock = details[0]!;
  assert.equal(byTag(lock, 'summary')[0]!.textContent, 'How to set it up');
  const steps = byTag(lock, 'ol')[0]!.children.map((li) => li.childNodes[0]!.textContent + li.childNodes[1]!.textContent);
  assert.deepEqual(steps, ['1. Open Settings.', '2. Choose PIN.']);
  assert.match(lock.textContent, /a\. Tap Security\./);
  assert.match(lock.textContent, /Note: The menu may be called Security\./);
  assert.match(lock.textContent, /The screens shown are from Android 14\./);
  assert.equal(byTag(lock, 'h6')[0]?.textContent, 'On Android 9', 'a variant heads its steps one level below');
});

test('a question has yes and no buttons in a labelled group; a click gives the check and the answer', () => {
  const { root, el } = container();
  const answers: [string, boolean][] = [];
  renderHelpScreen(el, fixtureScreen(), { onAnswer: (check, yes) => answers.push([check, yes]) });
  const row = find(root, (e) => e.getAttribute('data-check') === 'google_autofill')!;
  const group = byClass(row, 'answers')[0]!;
  assert.equal(group.getAttribute('role'), 'group');
  const labelled = find(root, (e) => e.id === group.getAttribute('aria-labelledby'))!;
  assert.equal(labelled.textContent, 'Is Google your autofill service?');
  const [yes, no] = byTag(group, 'button');
  assert.equal(yes!.getAttribute('type'), 'button');
  yes!.click();
  no!.click();
  assert.deepEqual(answers, [
    ['google_autofill', true],
    ['google_autofill', false],
  ]);
  const done = find(root, (e) => e.getAttribute('data-check') === 'google_account')!;
  assert.equal(byTag(done, 'button').length, 0, 'a row without a question has no button');
});

test('text from the model stays text: markup characters never become elements', () => {
  const { root, el } = container();
  renderHelpScreen(el, fixtureScreen());
  assert.equal(byTag(root, 'img').length, 0);
  const reason = all(root, (e) => e.textContent === `No screen lock ${MARKUP}`);
  assert.equal(reason.length, 1);
});

test('drawing again replaces the screen, it does not add a second one', () => {
  const { root, el } = container();
  renderHelpScreen(el, fixtureScreen());
  renderHelpScreen(el, fixtureScreen());
  assert.equal(root.children.length, 1);
});
