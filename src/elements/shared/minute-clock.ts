import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;

/** Every element on the page that shows dates, re-rendered by one timer. */
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => hosts.forEach((host) => host.requestUpdate());

/** Runs the timer while an element shows dates and the page can be seen; stops it otherwise. */
function schedule() {
  const run = hosts.size > 0 && document.visibilityState !== 'hidden';
  if (run && !timer) timer = setInterval(tick, MINUTE);
  if (!run && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Back on a tab after a while, "5 minutes ago" is stale at once: redraw, then tick again. */
function onVisibility() {
  if (document.visibilityState !== 'hidden' && !timer) tick();
  schedule();
}

/**
 * Keeps relative dates ("3 minutes ago") true while a page stays open: the host re-renders once a
 * minute while it is connected and the tab is visible. Lit writes only the text that changed, so
 * a tick that changes no date touches no DOM.
 */
export class MinuteClock implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    if (!hosts.size) document.addEventListener('visibilitychange', onVisibility);
    hosts.add(this.host);
    schedule();
  }

  hostDisconnected() {
    hosts.delete(this.host);
    if (!hosts.size) document.removeEventListener('visibilitychange', onVisibility);
    schedule();
  }
}
