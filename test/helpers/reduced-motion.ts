/**
 * For `*.reduced-motion.test.ts` files: fails them at once, saying why, in a browser that does not
 * prefer reduced motion. That happens when `--files` picks one for the default group; their own
 * group runs with `npx wtr --group reduced-motion`.
 */
export function requireReducedMotion() {
  before(() => {
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
      throw new Error(
        'This browser does not prefer reduced motion: run this file with `npx wtr --group reduced-motion`.',
      );
    }
  });
}
