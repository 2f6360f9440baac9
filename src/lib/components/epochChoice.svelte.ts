// The "which epoch" choice behind an epoch slider: it follows the latest epoch until the reader
// picks an earlier one, and a new run forgets the pick (it is tied to the run's first epoch).

import type { EpochMetrics } from '../core/types';

export class EpochChoice {
  #picked = $state.raw<{ run: EpochMetrics; epoch: number } | null>(null);

  constructor(private readonly epochs: () => readonly EpochMetrics[]) {}

  get latest(): number {
    return this.epochs().length;
  }

  get following(): boolean {
    const picked = this.#picked;
    return picked === null || picked.run !== this.epochs()[0] || picked.epoch > this.latest;
  }

  /** The epoch shown (1-based; 0 before the first). */
  get shown(): number {
    return this.following || this.#picked === null ? this.latest : this.#picked.epoch;
  }

  pick(epoch: number): void {
    this.#picked = epoch >= this.latest ? null : { run: this.epochs()[0], epoch };
  }

  follow(): void {
    this.#picked = null;
  }
}
