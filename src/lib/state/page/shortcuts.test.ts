import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type ShortcutKeyPress, type ShortcutTarget } from './shortcuts';

const BODY: ShortcutTarget = { tagName: 'BODY' };

function press(key: string, extra: Partial<ShortcutKeyPress> = {}): ShortcutKeyPress {
  return { key, target: BODY, ...extra };
}

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press(' '))).toBe('toggle-train');
    expect(shortcutFor(press('s'))).toBe('step');
    expect(shortcutFor(press('r'))).toBe('reset');
    expect(shortcutFor(press('t'))).toBe('tour');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('close');
  });

  it('accepts capital letters (Caps Lock or Shift)', () => {
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
    expect(shortcutFor(press('Escape', { ctrlKey: true }))).toBeNull();
  });

  it('ignores auto-repeat and IME composition', () => {
    expect(shortcutFor(press(' ', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('s', { isComposing: true }))).toBeNull();
  });

  it.each(['INPUT', 'TEXTAREA', 'SELECT', 'input'])('stays out of a focused %s', (tagName) => {
    for (const key of [' ', 's', 'r', 't', '?']) {
      expect(shortcutFor(press(key, { target: { tagName } }))).toBeNull();
    }
  });

  it('stays out of contenteditable elements', () => {
    expect(shortcutFor(press('s', { target: { tagName: 'DIV', isContentEditable: true } }))).toBe(
      null,
    );
  });

  it('lets Space press the focused button, link or summary instead of toggling training', () => {
    for (const tagName of ['BUTTON', 'A', 'SUMMARY']) {
      expect(shortcutFor(press(' ', { target: { tagName } }))).toBeNull();
    }
    expect(shortcutFor(press(' ', { target: { tagName: 'DIV', role: 'button' } }))).toBeNull();
    expect(shortcutFor(press(' ', { target: { tagName: 'SPAN', role: 'switch' } }))).toBeNull();
  });

  it('still maps letters when a button has focus', () => {
    expect(shortcutFor(press('s', { target: { tagName: 'BUTTON' } }))).toBe('step');
  });

  it('closes with Escape from anywhere, even a text field', () => {
    expect(shortcutFor(press('Escape', { target: { tagName: 'INPUT' } }))).toBe('close');
    expect(shortcutFor(press('Escape', { repeat: true }))).toBe('close');
  });

  it('works without a target (key events on the window)', () => {
    expect(shortcutFor(press(' ', { target: null }))).toBe('toggle-train');
  });
});

describe('SHORTCUTS', () => {
  it('lists every action once', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.sort()).toEqual(['close', 'help', 'reset', 'step', 'toggle-train', 'tour']);
  });
});
