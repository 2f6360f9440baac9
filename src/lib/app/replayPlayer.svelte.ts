// Plays a recorded run through the page: one epoch after another at an adjustable speed, with
// pause and scrub, each step handed to the client as the fields a live run fills
// (client.showRecorded). The shipped recording is fetched only when first asked for.

import type { TrainerClient } from '../worker/train/client.svelte';
import { fetchText, loadRecordedRun, RECORDED_RUN_URL, type FetchText } from './recordedRun';
import { recordedIdentity, recordedView, type ReplayableRun } from './replay';

export { RECORDED_RUN_URL, type FetchText } from './recordedRun';
/** Epochs per second the player offers; the default plays 40 epochs in 4 s. */
export const REPLAY_SPEEDS = [1, 2, 5, 10, 20] as const;
export const DEFAULT_REPLAY_SPEED = 10;

export interface ReplaySource {
  run: ReplayableRun;
  /** "the recorded default run", or the file's name. */
  name: string;
  /** True for the recording shipped with the app. */
  shipped: boolean;
}

export class ReplayPlayer {
  /** The run being replayed (null when none). */
  source = $state.raw<ReplaySource | null>(null);
  /** Epochs shown so far (1…the run's epochs). */
  epoch = $state(0);
  playing = $state(false);
  /** Epochs per second. */
  speed = $state<number>(DEFAULT_REPLAY_SPEED);
  loading = $state(false);
  /** Why the last replay could not start, in plain words. */
  problem = $state<string | null>(null);

  #client: TrainerClient;
  #fetch: FetchText;
  #labels: Uint8Array = new Uint8Array(0);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #shipped: Promise<ReplayableRun> | null = null;

  constructor(client: TrainerClient, fetch: FetchText = fetchText) {
    this.#client = client;
    this.#fetch = fetch;
  }

  /** True while the page shows this player's run (Reset or another run ends it). */
  get active(): boolean {
    const source = this.source;
    return source !== null && this.#client.runIdentity?.id === recordedIdentity(source.run).id;
  }

  get total(): number {
    return this.source?.run.epochs.length ?? 0;
  }

  /** Fetches (once) and plays the recording shipped with the app from its first epoch. */
  async playShipped(url = RECORDED_RUN_URL): Promise<boolean> {
    this.loading = true;
    this.problem = null;
    try {
      this.#shipped ??= loadRecordedRun(this.#fetch, url);
      const run = await this.#shipped;
      return this.play({ run, name: 'the recorded default run', shipped: true });
    } catch (error) {
      this.#shipped = null;
      this.problem = `The recorded run could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
      return false;
    } finally {
      this.loading = false;
    }
  }

  /** Plays `source` from its first epoch; false when a live run is on the page (Reset first). */
  play(source: ReplaySource): boolean {
    this.#stopTimer();
    const previous = this.source;
    this.source = source;
    this.#labels = Uint8Array.from(source.run.validation.labels);
    if (!this.#show(1)) {
      this.source = previous;
      this.problem = 'A run is on the page: press Reset first, then Replay.';
      return false;
    }
    this.problem = null;
    this.resume();
    return true;
  }

  resume(): void {
    if (!this.active) return;
    if (this.epoch >= this.total) this.#show(1); // from the start again
    this.playing = true;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    this.#stopTimer();
  }

  /** Shows the run after `epoch` (1…total); playing goes on from there. */
  seek(epoch: number): void {
    if (!this.active) return;
    this.#show(epoch);
    if (this.playing) {
      this.#stopTimer();
      this.#schedule();
    }
  }

  setSpeed(epochsPerSecond: number): void {
    this.speed = epochsPerSecond;
    if (this.playing) {
      this.#stopTimer();
      this.#schedule();
    }
  }

  /** Forget the replay (the page's Reset clears what it showed). */
  stop(): void {
    this.pause();
    this.source = null;
    this.epoch = 0;
  }

  #show(epoch: number): boolean {
    const source = this.source;
    if (!source) return false;
    const shown = Math.max(1, Math.min(source.run.epochs.length, Math.round(epoch)));
    if (!this.#client.showRecorded(recordedView(source.run, shown, this.#labels))) return false;
    this.epoch = shown;
    return true;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.playing || !this.active) {
        this.playing = false;
        return;
      }
      this.#show(this.epoch + 1);
      if (this.epoch >= this.total) this.playing = false;
      else this.#schedule();
    }, 1000 / this.speed);
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
