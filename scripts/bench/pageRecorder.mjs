// The recorder the bench injects into the real app page before the app's own scripts: it
// timestamps (ms since navigation start) what the user sees, main-thread long tasks and frames,
// and how long the page's handler of each worker message runs. appPage.mjs reads it back.

/**
 * Runs in the page before its scripts. Everything it records lands on window.__bench.
 * Kept self-contained: Playwright serialises it into the page.
 */
export function instrumentPage() {
  /** @type {any} */
  const record = {
    readyAt: null, // Train button first enabled
    trainShownAt: null, // Train button first in the DOM (the app has mounted)
    workerCreatedAt: null, // the page constructed its training worker
    clickAt: null, // Train clicked
    epochAt: [], // chart-loss data-points reached 1, 2, …
    longTasks: [],
    longFrames: [],
    frames: [], // [timestamp, gap since previous frame]
    messages: [], // [type, start, ms] per worker message handled on the main thread
    panels: [], // [name, start, ms] per staged panel update (the app's staged:* measures)
  };
  /** @type {any} */ (window).__bench = record;
  const observe = (/** @type {string} */ type, /** @type {(e: any) => void} */ onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
      });
    } catch {
      record[`${type}Unsupported`] = true;
    }
  };
  observe('longtask', (e) => record.longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) =>
    record.longFrames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      scripts: (e.scripts ?? []).map((/** @type {any} */ s) => ({
        invoker: s.invoker,
        duration: s.duration,
        source: `${s.sourceURL}:${s.sourceFunctionName}`,
      })),
    }),
  );
  observe('measure', (e) => {
    if (e.name.startsWith('staged:'))
      record.panels.push([e.name.slice(7), e.startTime, e.duration]);
  });
  let last = -1;
  const frame = (/** @type {number} */ now) => {
    if (last >= 0) record.frames.push([now, now - last]);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const isTrainButton = (/** @type {Element | null} */ el) =>
    el instanceof HTMLButtonElement && el.textContent?.trim() === 'Train';
  const check = () => {
    if (record.readyAt === null) {
      const train = [...document.querySelectorAll('button')].find(isTrainButton);
      if (train && record.trainShownAt === null) record.trainShownAt = performance.now();
      if (train && !train.disabled) record.readyAt = performance.now();
    }
    const points = Number(
      document.querySelector('[data-testid="chart-loss"]')?.getAttribute('data-points') ?? 0,
    );
    while (record.epochAt.length < points) record.epochAt.push(performance.now());
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled', 'data-points'],
  });
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (record.clickAt === null && isTrainButton(button)) record.clickAt = performance.now();
    },
    true,
  );

  // The page's handler of each worker message: its synchronous run plus the microtasks it
  // queued (Svelte flushes state into the DOM and the charts in a microtask), up to a
  // microtask queued after the handler returns.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    /** @param {ConstructorParameters<typeof Worker>} args */
    constructor(...args) {
      super(...args);
      record.workerCreatedAt ??= performance.now();
    }
    /** @param {any} handler */
    set onmessage(handler) {
      super.onmessage =
        typeof handler === 'function'
          ? (/** @type {MessageEvent} */ event) => {
              const start = performance.now();
              try {
                handler.call(this, event);
              } finally {
                queueMicrotask(() =>
                  record.messages.push([event.data?.type, start, performance.now() - start]),
                );
              }
            }
          : handler;
    }
    get onmessage() {
      return super.onmessage;
    }
  };
}
