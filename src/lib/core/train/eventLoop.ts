// Cooperative scheduling for the training loop.

/**
 * Yields to the event loop with a macrotask, so a worker can receive a `pause` message
 * between batches. MessageChannel rather than setTimeout(0): browsers clamp nested
 * timeouts to ≥ 4 ms, which would cap training at 250 batches/s for nothing.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close(); // an open port would keep Node alive
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
