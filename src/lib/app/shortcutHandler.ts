// Keyboard shortcuts for the page (T = Train/Pause/Resume, S = Step, R = Reset, 1–9 = views,
// O = settings, G = tour,
// ? = the shortcuts sheet; Space stays the browser's, see SHORTCUTS). Which key means what lives in state/page/shortcuts.ts; this decides what
// each action does given the run's state, so the page's handler is one line.

import { shortcutForEvent } from '../state/page';
import type { TrainerStatus } from '../worker/train/protocol';

export interface ShortcutActions {
  status(): TrainerStatus;
  /** A backend is ready, so a run can start. */
  ready(): boolean;
  hasRun(): boolean;
  train(): void;
  pause(): void;
  resume(): void;
  step(): void;
  reset(): void;
  /** Shows the view at this place among the tabs (0: the story); none there: nothing. */
  view(index: number): void;
  settings(): void;
  tour(): void;
  help(): void;
}

export function shortcutHandler(actions: ShortcutActions): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.defaultPrevented) return;
    const action = shortcutForEvent(event);
    if (action === null || action === 'close') return; // dialogs close themselves on Escape
    const status = actions.status();
    switch (action) {
      case 'toggle-train':
        // Whatever the one Train/Pause/Resume button would do now.
        if (status === 'idle' && actions.ready()) actions.train();
        else if (status === 'training' || status === 'loading') actions.pause();
        else if (status === 'paused') actions.resume();
        break;
      case 'step':
        if (actions.ready() && (status === 'idle' || status === 'paused')) actions.step();
        break;
      case 'reset':
        if (actions.hasRun()) actions.reset();
        break;
      case 'view':
        actions.view(Number(event.key) - 1);
        break;
      case 'settings':
        actions.settings();
        break;
      case 'tour':
        actions.tour();
        break;
      case 'help':
        actions.help();
        break;
    }
    event.preventDefault(); // the key was ours: nothing else should act on it
  };
}
