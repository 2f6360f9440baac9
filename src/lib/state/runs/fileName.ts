// File names are user data too: what the page shows of one is shortened and stripped of control
// and bidirectional-override characters (which could make a name read as something else).

export function shownName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean || 'unnamed file';
}
