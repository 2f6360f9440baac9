// The recording shipped with the app (the default settings, 40 epochs), as Replay plays it and
// as the Runs list offers it to compare against. Fetched only when first asked for: it is about
// 1 MB, and the first screen does not need it.

import { parseRunFile } from '../core/files';
import { replayable, type ReplayableRun } from './replay';

/** The shipped recording of the default run (scripts/record-replay.mjs writes it). */
export const RECORDED_RUN_URL = 'replay/default-run.json';
/** Its id among compared runs: never one of this browser's run ids (those are UUIDs). */
export const RECORDED_RUN_ID = 'recorded:default';
/** Its name in the Runs list and, when nothing else tells it apart, in the legend. */
export const RECORDED_RUN_NAME = 'Recorded run (default settings)';

export type FetchText = (url: string) => Promise<string>;

export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** Fetches, parses and checks the recording; rejects with what was wrong, in words. */
export async function loadRecordedRun(
  fetch: FetchText,
  url: string = RECORDED_RUN_URL,
): Promise<ReplayableRun> {
  const parsed = parseRunFile(await fetch(url));
  if (!parsed.ok) throw new Error(parsed.error);
  const checked = replayable(parsed.run);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.run;
}
