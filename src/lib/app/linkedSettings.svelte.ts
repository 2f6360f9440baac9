// The page's settings and its link, kept in step: they come from the hash at load, the hash then
// follows every change (without history entries), and a hash typed in while a run exists waits
// for Reset. `change` is the page's way in, so a backend or model change can restart the worker.

import { untrack } from 'svelte';
import { formatHash, parseHash, type Settings, type SettingProblem } from '../settings';

export class LinkedSettings {
  settings = $state.raw<Settings>() as Settings;
  problems = $state.raw<readonly SettingProblem[]>([]);
  /** A hash typed in while a run exists; applied after Reset. */
  pendingHash = $state<string | null>(null);

  /** Must be made while a component initialises: its effects live as long as the page. */
  constructor(
    hash: string,
    private readonly hasRun: () => boolean,
    private readonly beforeChange: (next: Settings, previous: Settings) => void,
  ) {
    const initial = parseHash(hash);
    this.settings = initial.settings;
    this.problems = initial.problems;

    $effect(() => {
      const text = formatHash(this.settings);
      if (untrack(() => this.pendingHash) === null && location.hash !== text) {
        history.replaceState(history.state, '', text);
      }
    });
    $effect(() => {
      if (this.pendingHash !== null && !this.hasRun()) this.applyHash(this.pendingHash);
    });
  }

  change(next: Settings): void {
    this.beforeChange(next, this.settings);
    this.settings = next;
  }

  /** A page setting (view, projector, …): no run is touched. */
  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    if (this.settings[key] !== value) this.settings = { ...this.settings, [key]: value };
  }

  applyHash(hash: string): void {
    const parsed = parseHash(hash);
    this.change(parsed.settings);
    this.problems = parsed.problems;
    this.pendingHash = null;
  }

  /** window.onhashchange: the user edited the link. */
  onHashChange(): void {
    if (location.hash === formatHash(this.settings)) return;
    if (this.hasRun()) this.pendingHash = location.hash;
    else this.applyHash(location.hash);
  }
}
