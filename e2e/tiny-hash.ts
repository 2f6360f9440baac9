// TINY with some settings changed: each key once, so the page sees no "given twice" problem.
import { TINY } from './fixtures';

export function tinyWith(overrides: Record<string, string | number>): string {
  const settings = new Map(TINY.split('&').map((pair) => pair.split('=') as [string, string]));
  for (const [key, value] of Object.entries(overrides)) settings.set(key, String(value));
  return [...settings].map(([key, value]) => `${key}=${value}`).join('&');
}
