/**
 * Counts what reaches the browser's URL parser: wraps the global `URL` constructor until
 * `restore()` puts it back. `parsed` lists the first argument of each `new URL(…)`.
 */
export function watchUrlParser() {
  const parsed: string[] = [];
  const Real = window.URL;
  window.URL = new Proxy(Real, {
    construct(target, args: [string, string?]) {
      parsed.push(args[0]);
      return Reflect.construct(target, args) as URL;
    },
  });
  return { parsed, restore: () => void (window.URL = Real) };
}
