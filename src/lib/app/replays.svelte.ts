// What can be replayed: the shipped recording, and compared run files that carry every epoch's
// logits. One player plays either through the page's panels.

import type { ParsedRunFile } from '../core/files';
import type { TrainerClient } from '../worker/train/client.svelte';
import { replayable, type ReplayableRun } from './replay';
import { ReplayPlayer } from './replayPlayer.svelte';

export class Replays {
  readonly player: ReplayPlayer;
  /** Compared run files that carry every epoch's logits, so they can be replayed too. */
  files = $state.raw<{ name: string; run: ReplayableRun }[]>([]);

  constructor(client: TrainerClient) {
    this.player = new ReplayPlayer(client);
  }

  /** Plays the shipped recording; true once it plays. */
  playShipped(): Promise<boolean> {
    return this.player.playShipped();
  }

  playFile(index: number): void {
    const file = this.files[index];
    if (file) this.player.play({ run: file.run, name: file.name, shipped: false });
  }

  /** A compared run file: replayable when it holds every epoch's logits. */
  addFile(file: ParsedRunFile, name: string): void {
    const checked = replayable(file);
    if (checked.ok) this.files = [...this.files, { name, run: checked.run }];
  }
}
