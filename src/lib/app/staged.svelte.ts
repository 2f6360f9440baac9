// Spreads the page's per-epoch work over several tasks. One epoch message used to update every
// panel in one task: with 2000 validation images that was 60–80 ms of main thread, a long task
// (> 50 ms) every epoch, which the bench counts and a user feels as a stutter. Panels below
// the headline loss chart now read a staged copy of the run's figures, and each copy is
// refreshed in a task of its own, so no task carries more than one panel's work.

import { tick } from 'svelte';

type Job = () => void;
type Post = (run: () => void) => void;

/** A macrotask that browsers do not clamp (nested setTimeout(0) waits ≥ 4 ms). */
function postMacrotask(run: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(run, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

/**
 * The next frame's paint first, then a fresh task: two panels never share a frame, so a panel
 * update never holds back the frame after it. A hidden page paints no frames; there panels
 * simply wait (coalesced to their newest figures) until it is shown again.
 */
export function postAfterPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    postMacrotask(run);
    return;
  }
  requestAnimationFrame(() => postMacrotask(run));
}

/**
 * Runs jobs one per macrotask, first queued first. A key queued again before its job ran
 * keeps its place but only its latest job: a panel that falls behind skips straight to the
 * newest figures instead of replaying every epoch.
 */
export class TaskQueue {
  #jobs = new Map<object, { job: Job; name: string }>();
  #scheduled = false;
  #post: Post;

  constructor(post: Post = postMacrotask) {
    this.#post = post;
  }

  get pending(): number {
    return this.#jobs.size;
  }

  push(key: object, job: Job, name = 'panel'): void {
    this.#jobs.set(key, { job, name });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#jobs.size === 0) return;
    this.#scheduled = true;
    this.#post(() => this.#runOne());
  }

  #runOne(): void {
    this.#scheduled = false;
    const next = this.#jobs.entries().next();
    if (!next.done) {
      const [key, { job, name }] = next.value;
      this.#jobs.delete(key);
      const start = performance.now();
      try {
        job();
      } finally {
        this.#schedule();
        // A User Timing entry per panel update, once Svelte has flushed it into the DOM and the
        // charts: DevTools' Performance panel and the bench's responsiveness probe name the
        // panel that made a frame late.
        void tick().then(() => performance.measure(`staged:${name}`, { start }));
      }
    }
  }
}

/**
 * A copy of `source()` that follows it one queued task later. Create it while a component
 * initialises (it registers an effect). Read `current` in markup; it changes as a whole, so
 * values that must agree (logits and their labels) belong in one source object.
 */
export class Staged<T> {
  current = $state.raw<T>() as T;

  constructor(source: () => T, queue: TaskQueue, name = 'panel') {
    this.current = source();
    $effect(() => {
      const value = source();
      queue.push(
        this,
        () => {
          this.current = value;
        },
        name,
      );
    });
  }
}
