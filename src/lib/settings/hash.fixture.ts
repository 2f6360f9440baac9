// Helpers for the hash codec's tests: a link's problems as the sentences the page shows them.

import { parseHash } from './hash';
import type { Settings } from './settings';

export function messages(hash: string): string[] {
  return parseHash(hash).problems.map((problem) => problem.message);
}

/** The settings a link gives and its problems' sentences, to compare whole. */
export function read(hash: string): { settings: Settings; messages: string[] } {
  return { settings: parseHash(hash).settings, messages: messages(hash) };
}
