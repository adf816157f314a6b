/**
 * Resolves after one real task of the event loop, which sinon's fake timers leave alone and
 * background pages do not throttle. Under fake timers Firefox still reads a response body across
 * real tasks: tests alternate `clock.tickAsync()` with this so the body arrives.
 */
export const realTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
