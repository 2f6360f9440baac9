// Keyboard shortcuts as a pure mapping from a key press to an action, so the rules (which keys,
// when to stay out of the way) are tested in Node and the sheet lists exactly what is mapped.

export type ShortcutAction = 'toggle-train' | 'step' | 'reset' | 'tour' | 'help' | 'close';

export interface Shortcut {
  action: ShortcutAction;
  /** The keys as shown to people, e.g. "Space". */
  keys: string;
  description: string;
}

/** In the order the shortcuts sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle-train', keys: 'Space', description: 'Train, pause or resume' },
  { action: 'step', keys: 'S', description: 'Train one epoch, then pause' },
  { action: 'reset', keys: 'R', description: 'Reset the run' },
  { action: 'tour', keys: 'T', description: 'Start the guided tour' },
  { action: 'help', keys: '?', description: 'Show these shortcuts' },
  { action: 'close', keys: 'Esc', description: 'Close the tour, a help note or this sheet' },
];

/** The parts of a focused element that decide whether a key press belongs to it. */
export interface ShortcutTarget {
  tagName: string;
  isContentEditable?: boolean;
  /** The ARIA role attribute, if any. */
  role?: string | null;
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
  ' ': 'toggle-train',
  s: 'step',
  r: 'reset',
  t: 'tour',
  '?': 'help',
  escape: 'close',
};

/** Text entry: every printable key is typing there. */
const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Space already presses, toggles or opens these. */
const SPACE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA']);
const SPACE_ROLES = new Set([
  'button',
  'checkbox',
  'link',
  'menuitem',
  'option',
  'radio',
  'switch',
  'tab',
]);

function isTyping(target: ShortcutTarget): boolean {
  return TYPING_TAGS.has(target.tagName.toUpperCase()) || target.isContentEditable === true;
}

/** The action for a key press, or null when the key is not ours or belongs to the focused control. */
export function shortcutFor(press: ShortcutKeyPress): ShortcutAction | null {
  // Ctrl/⌘/Alt combinations are the browser's and the OS's; Shift is allowed ("?" needs it).
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  const action = KEY_ACTIONS[press.key.toLowerCase()];
  if (action === undefined) return null;
  const target = press.target;
  // Escape only ever closes things, so it works wherever focus is.
  if (action === 'close') return action;
  if (press.repeat) return null;
  if (target !== null && isTyping(target)) return null;
  if (
    action === 'toggle-train' &&
    target !== null &&
    (SPACE_TAGS.has(target.tagName.toUpperCase()) || SPACE_ROLES.has(target.role ?? ''))
  ) {
    return null;
  }
  return action;
}

/** Reads a DOM event target into the plain shape shortcutFor takes. */
export function shortcutTarget(target: EventTarget | null): ShortcutTarget | null {
  if (target === null || !('tagName' in target) || typeof target.tagName !== 'string') return null;
  const element = target as HTMLElement;
  return {
    tagName: element.tagName,
    isContentEditable: element.isContentEditable,
    role: element.getAttribute('role'),
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
