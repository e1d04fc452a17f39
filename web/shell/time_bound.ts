// A browser API the page calls may be missing, throw, reject, or never settle (a WebView
// that stubs PublicKeyCredential, a permission prompt nobody answers). A check must still
// finish: every call goes through here and counts as "not known" in each of those cases.

/** What a bounded call gave: its value, or why there is none. */
export type Bounded<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'timed_out' };

/**
 * Runs `start` and waits at most `ms` milliseconds for it to settle. A synchronous throw or
 * a rejection is `failed`; a result still pending at the deadline is `timed_out` (it is left
 * to settle on its own: a page cannot cancel a browser call).
 */
export function settleWithin<T>(start: () => T | PromiseLike<T>, ms: number): Promise<Bounded<T>> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      timer = undefined;
      resolve({ kind: 'timed_out' });
    }, ms);
    const settle = (outcome: Bounded<T>): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      resolve(outcome);
    };
    try {
      Promise.resolve(start()).then(
        (value) => settle({ kind: 'value', value }),
        (error: unknown) => settle({ kind: 'failed', error }),
      );
    } catch (error) {
      settle({ kind: 'failed', error });
    }
  });
}
