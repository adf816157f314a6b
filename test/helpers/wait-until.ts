import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** Long enough for a machine busy with three browsers; mocha's own limit per test is 60 s. */
const DEADLINE = 30_000;

/**
 * `waitUntil` from @open-wc/testing with a deadline for a busy machine. Tests wait for a state, never
 * for a time: the deadline only ends a test that would never pass, so it is never shortened here.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { ...options, timeout: Math.max(options.timeout ?? 0, DEADLINE) });
}
