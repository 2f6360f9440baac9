// Training time of a run and of its epoch in progress, pauses and evaluation excluded, and the
// progress report built from it. Timed stretches end at a readback (a sync point), so the time
// measures finished device work rather than work merely queued.

/** Minimum time between progress reports; each report costs one small GPU readback. */
export const PROGRESS_INTERVAL_MS = 250;

export interface BatchProgress {
  /** Batches completed in this epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Images trained in this epoch per second of (unpaused) training time in this epoch. */
  imagesPerSecond: number;
  /** Training time of the whole run so far, pauses and evaluation excluded. */
  elapsedMs: number;
}

export class TrainingClock {
  #epochMs = 0;
  #runMs = 0;
  #stretchStart = 0;

  /** A new epoch: its own time starts from zero; the run's keeps adding up. */
  startEpoch(): void {
    this.#epochMs = 0;
  }

  /** Training (re)starts now, e.g. at the start of a trainEpoch call. */
  resume(): void {
    this.#stretchStart = performance.now();
  }

  /** Adds the time since resume() or the last lap to the epoch and the run; the next stretch starts now. */
  lap(): void {
    const now = performance.now();
    this.#epochMs += now - this.#stretchStart;
    this.#runMs += now - this.#stretchStart;
    this.#stretchStart = now;
  }

  /** PROGRESS_INTERVAL_MS have passed since the last report (or the resume). */
  get reportDue(): boolean {
    return performance.now() - this.#stretchStart >= PROGRESS_INTERVAL_MS;
  }

  progress(batch: number, batchesPerEpoch: number, batchSize: number): BatchProgress {
    const images = batch * batchSize;
    return {
      batch,
      batchesPerEpoch,
      imagesPerSecond: this.#epochMs > 0 ? (images * 1000) / this.#epochMs : 0,
      elapsedMs: this.#runMs,
    };
  }
}
