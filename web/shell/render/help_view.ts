// The help screen of a check, kept up to date: an answer goes to the core's session and the
// screen is drawn again from the core's new model, with the focus back on the answered row
// (its button is gone; the focus must not fall to the top of the page).

import type { ReadinessCheck } from '../check.js';
import type { CheckId } from '../core.js';
import { renderHelpScreen, rowHeadingId, type HelpScreenOptions } from './help_screen.js';

export interface HelpViewOptions extends HelpScreenOptions {
  /** Called after each answer, with the check (its `ready`, `report` and `screen` are current). */
  readonly onChange?: (check: ReadinessCheck) => void;
}

/** Draws the check's screen into `container` and redraws it on every answer. */
export function mountHelpScreen(
  container: HTMLElement,
  check: ReadinessCheck,
  options: HelpViewOptions = {},
): void {
  const draw = (): void => {
    renderHelpScreen(container, check.screen, { onAnswer }, options);
  };
  const onAnswer = (answered: CheckId, yes: boolean): void => {
    check.answer(answered, yes);
    draw();
    const id = rowHeadingId(answered, options.idPrefix);
    const headingEl = container.ownerDocument.getElementById(id);
    headingEl?.focus();
    options.onChange?.(check);
  };
  draw();
}
