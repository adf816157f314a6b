// Injected by the bench (Playwright `addInitScript`) before any page script runs, so it sees every
// timer, animation frame, fetch and window/document/MediaQueryList listener the library creates,
// and can tell which are still outstanding after the elements are gone.
(() => {
  const native = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    requestIdleCallback: window.requestIdleCallback,
    cancelIdleCallback: window.cancelIdleCallback,
    fetch: window.fetch,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
    addListener: MediaQueryList.prototype.addListener,
    removeListener: MediaQueryList.prototype.removeListener,
  };

  /** Outstanding callbacks, keyed by kind and id, with where they were scheduled. */
  const pending = new Map();
  // Two frames below the wrapper: the caller, which names the code that left something behind.
  const site = () => (new Error().stack ?? '').split('\n').slice(3, 4).join('').trim();

  // setTimeout and setInterval share one id space, and either clear function clears either.
  window.setTimeout = function (callback, delay, ...args) {
    if (typeof callback !== 'function') return native.setTimeout.call(window, callback, delay, ...args);
    const id = native.setTimeout.call(
      window,
      (...a) => (pending.delete(`timer ${id}`), callback(...a)),
      delay,
      ...args,
    );
    pending.set(`timer ${id}`, site());
    return id;
  };
  window.setInterval = function (callback, delay, ...args) {
    const id = native.setInterval.call(window, callback, delay, ...args);
    pending.set(`timer ${id}`, site());
    return id;
  };
  window.clearTimeout = window.clearInterval = function (id) {
    pending.delete(`timer ${id}`);
    native.clearTimeout.call(window, id);
  };
  window.requestAnimationFrame = function (callback) {
    const id = native.requestAnimationFrame.call(window, (time) => (pending.delete(`frame ${id}`), callback(time)));
    pending.set(`frame ${id}`, site());
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    pending.delete(`frame ${id}`);
    native.cancelAnimationFrame.call(window, id);
  };
  window.requestIdleCallback = function (callback, options) {
    const id = native.requestIdleCallback.call(
      window,
      (deadline) => (pending.delete(`idle ${id}`), callback(deadline)),
      options,
    );
    pending.set(`idle ${id}`, site());
    return id;
  };
  window.cancelIdleCallback = function (id) {
    pending.delete(`idle ${id}`);
    native.cancelIdleCallback.call(window, id);
  };

  // Settled when the response headers arrive or the request fails; the bench server counts bodies.
  let fetching = 0;
  window.fetch = function (...args) {
    fetching++;
    const request = native.fetch.apply(this, args);
    const settle = () => fetching--;
    request.then(settle, settle);
    return request;
  };

  // Listeners on long-lived targets outlive an element unless it removes them. Elements are not
  // counted: a detached element's own listeners are collected with it.
  const watched = (target) => target === window || target === document || target instanceof MediaQueryList;
  const listeners = new Map(); // target → "type capture" → Set of callbacks
  const capture = (options) => (typeof options === 'boolean' ? options : !!options?.capture);
  const entry = (target, type, options) => {
    let byType = listeners.get(target);
    if (!byType) listeners.set(target, (byType = new Map()));
    const key = `${type} ${capture(options)}`;
    let set = byType.get(key);
    if (!set) byType.set(key, (set = new Set()));
    return set;
  };
  // A `once` listener goes by itself when it fires; a helper registered beside it notices.
  const helpers = new Map(); // callback → the helper to drop when the callback is removed first
  const forget = (target, type, callback, options) => {
    const helper = helpers.get(callback);
    if (helper) native.remove.call(target, type, helper, { capture: capture(options) });
    helpers.delete(callback);
    const byType = listeners.get(target);
    const key = `${type} ${capture(options)}`;
    byType?.get(key)?.delete(callback);
    // Drop empty entries, or the probe itself would keep every MediaQueryList alive.
    if (byType?.get(key)?.size === 0) byType.delete(key);
    if (byType?.size === 0) listeners.delete(target);
  };
  const remember = (target, type, callback, options) => {
    if (!callback) return;
    entry(target, type, options).add(callback);
    const signal = typeof options === 'object' ? options?.signal : undefined;
    if (signal) native.add.call(signal, 'abort', () => forget(target, type, callback, options), { once: true });
    if (typeof options === 'object' && options?.once) {
      const helper = () => forget(target, type, callback, options);
      helpers.set(callback, helper);
      native.add.call(target, type, helper, { once: true, capture: capture(options) });
    }
  };
  EventTarget.prototype.addEventListener = function (type, callback, options) {
    if (watched(this)) remember(this, type, callback, options);
    return native.add.call(this, type, callback, options);
  };
  EventTarget.prototype.removeEventListener = function (type, callback, options) {
    if (watched(this)) forget(this, type, callback, options);
    return native.remove.call(this, type, callback, options);
  };
  MediaQueryList.prototype.addListener = function (callback) {
    remember(this, 'change', callback, false);
    return native.addListener.call(this, callback);
  };
  MediaQueryList.prototype.removeListener = function (callback) {
    forget(this, 'change', callback, false);
    return native.removeListener.call(this, callback);
  };

  const count = (kind) => [...pending.keys()].filter((key) => key.startsWith(kind)).length;
  const listenersOn = (test) =>
    [...listeners]
      .filter(([target]) => test(target))
      .reduce((sum, [, byType]) => sum + [...byType.values()].reduce((n, set) => n + set.size, 0), 0);

  Object.defineProperty(window, '__benchProbe', {
    value: Object.freeze({
      /** What is outstanding now; the bench compares two snapshots. */
      snapshot: () => ({
        timers: count('timer'),
        frames: count('frame'),
        idle: count('idle'),
        fetching,
        windowListeners: listenersOn((t) => t === window || t === document),
        mediaQueryListeners: listenersOn((t) => t instanceof MediaQueryList),
        sites: [...new Set(pending.values())].slice(0, 5),
      }),
    }),
  });
})();
