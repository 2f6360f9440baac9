import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type ShortcutKeyPress, type ShortcutTarget } from './shortcuts';
import { TOUR_STEPS } from './tour';

const BODY: ShortcutTarget = { tagName: 'BODY' };

function press(key: string, extra: Partial<ShortcutKeyPress> = {}): ShortcutKeyPress {
  return { key, target: BODY, ...extra };
}

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press('t'))).toBe('toggle-train');
    expect(shortcutFor(press('s'))).toBe('step');
    expect(shortcutFor(press('r'))).toBe('reset');
    expect(shortcutFor(press('g'))).toBe('tour');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('close');
    expect(shortcutFor(press('o'))).toBe('settings');
  });

  it('maps the digits 1–9 to the views, and nothing else numeric', () => {
    for (const key of ['1', '5', '9']) expect(shortcutFor(press(key))).toBe('view');
    for (const key of ['0', '10', '½']) expect(shortcutFor(press(key))).toBeNull();
    // A digit typed into a field is the field's.
    expect(shortcutFor(press('2', { target: { tagName: 'INPUT' } }))).toBeNull();
  });

  it('leaves Space to the browser everywhere: it scrolls the page or presses the control', () => {
    for (const tagName of ['BODY', 'BUTTON', 'A', 'SUMMARY', 'DIV']) {
      expect(shortcutFor(press(' ', { target: { tagName } }))).toBeNull();
    }
    expect(shortcutFor(press(' ', { target: null }))).toBeNull();
  });

  it('accepts capital letters (Caps Lock or Shift)', () => {
    expect(shortcutFor(press('T'))).toBe('toggle-train');
    expect(shortcutFor(press('S'))).toBe('step');
    expect(shortcutFor(press('R'))).toBe('reset');
  });

  it('ignores other keys', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press('ArrowRight'))).toBeNull();
  });

  it('leaves Ctrl, ⌘ and Alt combinations to the browser', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('s', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('t', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('Escape', { ctrlKey: true }))).toBeNull();
  });

  it('ignores auto-repeat and IME composition', () => {
    expect(shortcutFor(press('t', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('s', { isComposing: true }))).toBeNull();
  });

  it.each(['INPUT', 'TEXTAREA', 'SELECT', 'input'])('stays out of a focused %s', (tagName) => {
    for (const key of [' ', 't', 's', 'r', 'g', '?']) {
      expect(shortcutFor(press(key, { target: { tagName } }))).toBeNull();
    }
  });

  it('stays out of contenteditable elements', () => {
    expect(shortcutFor(press('t', { target: { tagName: 'DIV', isContentEditable: true } }))).toBe(
      null,
    );
  });

  it.each(['listbox', 'option', 'combobox', 'menuitem', 'textbox', 'grid', 'treeitem'])(
    'stays out of a role=%s widget, whose letters are type-ahead or text',
    (role) => {
      expect(shortcutFor(press('t', { target: { tagName: 'DIV', role } }))).toBeNull();
    },
  );

  it('stays out of a modal dialog: it owns every key but Escape', () => {
    const inDialog = { tagName: 'BUTTON', inModalDialog: true };
    for (const key of ['t', 's', 'r', 'g', '?']) {
      expect(shortcutFor(press(key, { target: inDialog }))).toBeNull();
    }
    expect(shortcutFor(press('Escape', { target: inDialog }))).toBe('close');
  });

  it('still maps letters when a button, link or summary has focus (they answer Space and Enter only)', () => {
    for (const tagName of ['BUTTON', 'A', 'SUMMARY']) {
      expect(shortcutFor(press('t', { target: { tagName } }))).toBe('toggle-train');
    }
    expect(shortcutFor(press('s', { target: { tagName: 'DIV', role: 'switch' } }))).toBe('step');
    expect(shortcutFor(press('t', { target: { tagName: 'BUTTON', role: 'tab' } }))).toBe(
      'toggle-train',
    );
  });

  it('closes with Escape from anywhere, even a text field', () => {
    expect(shortcutFor(press('Escape', { target: { tagName: 'INPUT' } }))).toBe('close');
    expect(shortcutFor(press('Escape', { repeat: true }))).toBe('close');
  });

  it('works without a target (key events on the window)', () => {
    expect(shortcutFor(press('t', { target: null }))).toBe('toggle-train');
  });
});

describe('SHORTCUTS', () => {
  it('lists every action once', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.sort()).toEqual([
      'close',
      'help',
      'reset',
      'settings',
      'step',
      'toggle-train',
      'tour',
      'view',
    ]);
  });

  it('shows each key as its press maps it', () => {
    for (const shortcut of SHORTCUTS) {
      const key = shortcut.keys === 'Esc' ? 'Escape' : shortcut.keys.charAt(0);
      expect(shortcutFor(press(key))).toBe(shortcut.action);
    }
  });
});

describe('the tour', () => {
  it('names the train key its first step asks for', () => {
    const train = SHORTCUTS.find((shortcut) => shortcut.action === 'toggle-train');
    const step = TOUR_STEPS.find((candidate) => candidate.id === 'train');
    expect(step?.body).toContain(`(or the ${train?.keys} key)`);
    expect(step?.body).not.toContain('Space');
  });
});
