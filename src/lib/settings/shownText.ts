// Text from a link or a file, made safe and short enough to show back in a sentence.

/** Longest value shown back to the user, in characters. */
export const MAX_SHOWN_CHARS = 40;

// Control and bidi-override characters would garble (or reorder) the displayed text.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Make user-supplied text safe and short enough to show in a sentence. */
export function shownText(text: string): string {
  const characters = Array.from(text.replace(UNPRINTABLE, '\uFFFD'));
  return characters.length > MAX_SHOWN_CHARS
    ? `${characters.slice(0, MAX_SHOWN_CHARS).join('')}…`
    : characters.join('');
}
