// Keyboard shortcuts as a pure mapping from a key press to an action, so the rules (which keys,
// when to stay out of the way) are tested in Node and the sheet lists exactly what is mapped.

export type ShortcutAction =
  'toggle-train' | 'step' | 'reset' | 'view' | 'settings' | 'tour' | 'help' | 'close';

export interface Shortcut {
  action: ShortcutAction;
  /** The keys as shown to people, e.g. "Space". */
  keys: string;
  description: string;
}

/**
 * In the order the shortcuts sheet lists them.
 *
 * Why T trains and Space does not: Space already has a meaning wherever focus is. On the page
 * body it scrolls; on a button, link, summary or checkbox it presses it (after a click on
 * "Projector mode", focus sits on that button, so Space turning it off again is right). A Space
 * that trained only on the body would mean two things depending on where focus happens to be —
 * the confusion a workshop met. T ("train") means nothing to the browser on any control, so it
 * trains, pauses or resumes wherever focus is, short of a text field; the tour moved to G
 * ("guided tour").
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle-train', keys: 'T', description: 'Train, pause or resume' },
  { action: 'step', keys: 'S', description: 'Train one epoch, then pause' },
  { action: 'reset', keys: 'R', description: 'Reset the run' },
  { action: 'view', keys: '1–9', description: 'Show a view: the tabs in order, 1 the story' },
  { action: 'settings', keys: 'O', description: 'Open or close the settings' },
  { action: 'tour', keys: 'G', description: 'Start the guided tour' },
  { action: 'help', keys: '?', description: 'Show these shortcuts' },
  { action: 'close', keys: 'Esc', description: 'Close the tour, a help note or this sheet' },
];

/** The parts of a focused element that decide whether a key press belongs to it. */
export interface ShortcutTarget {
  tagName: string;
  isContentEditable?: boolean;
  /** The ARIA role attribute, if any. */
  role?: string | null;
  /** Inside a modal dialog: it owns every key (the page behind is inert). */
  inModalDialog?: boolean;
}

/** The parts of a KeyboardEvent the mapping reads. */
export interface ShortcutKeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Held down: auto-repeat would toggle training on and off many times a second. */
  repeat?: boolean;
  /** Mid-way through an IME composition: the key is text being composed. */
  isComposing?: boolean;
  target: ShortcutTarget | null;
}

const KEY_ACTIONS: Record<string, ShortcutAction> = {
  t: 'toggle-train',
  s: 'step',
  r: 'reset',
  o: 'settings',
  g: 'tour',
  '?': 'help',
  escape: 'close',
};

/** Text entry or type-ahead: every printable key is the control's own there. */
const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const TYPING_ROLES = new Set([
  'combobox',
  'grid',
  'listbox',
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'searchbox',
  'spinbutton',
  'textbox',
  'tree',
  'treeitem',
]);

/**
 * The focused control reads letters itself. Buttons, links and summaries do not: they answer
 * Space and Enter, which are not shortcuts, so T still trains after a click left focus on one.
 */
function ownsLetters(target: ShortcutTarget): boolean {
  return (
    TYPING_TAGS.has(target.tagName.toUpperCase()) ||
    target.isContentEditable === true ||
    TYPING_ROLES.has(target.role ?? '') ||
    target.inModalDialog === true
  );
}

/** The action for a key press, or null when the key is not ours or belongs to the focused control. */
export function shortcutFor(press: ShortcutKeyPress): ShortcutAction | null {
  // Ctrl/⌘/Alt combinations are the browser's and the OS's; Shift is allowed ("?" needs it).
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  const action = /^[1-9]$/.test(press.key) ? 'view' : KEY_ACTIONS[press.key.toLowerCase()];
  if (action === undefined) return null;
  // Escape only ever closes things, so it works wherever focus is.
  if (action === 'close') return action;
  if (press.repeat) return null;
  if (press.target !== null && ownsLetters(press.target)) return null;
  return action;
}

/** A native dialog opened with showModal(), or one that says it is modal. */
const MODAL_DIALOG = 'dialog:modal, [aria-modal="true"]';

/** Reads a DOM event target into the plain shape shortcutFor takes. */
export function shortcutTarget(target: EventTarget | null): ShortcutTarget | null {
  if (target === null || !('tagName' in target) || typeof target.tagName !== 'string') return null;
  const element = target as HTMLElement;
  return {
    tagName: element.tagName,
    isContentEditable: element.isContentEditable,
    role: element.getAttribute('role'),
    inModalDialog: element.closest(MODAL_DIALOG) !== null,
  };
}

/** shortcutFor for a DOM keyboard event (the window's keydown handler). */
export function shortcutForEvent(event: KeyboardEvent): ShortcutAction | null {
  return shortcutFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    repeat: event.repeat,
    isComposing: event.isComposing,
    target: shortcutTarget(event.target),
  });
}
