// The Remedies sweep shipped with the app (scripts/record-sweep.mjs writes it): what the Sweep
// view opens at once, read-only and labelled as recorded, so a workshop gets the answer without
// the half hour the sweep takes to train. Precached by the service worker for offline use.

import { parseSweepFile, type SweepFile } from '../core/sweep';
import { fetchText, type FetchText } from './recordedRun';

/** Where the recording lives, relative to the page (static/replay/). */
export const RECORDED_SWEEP_URL = 'replay/remedies-sweep.json';

/** Fetches and checks the recording; rejects with what was wrong, in words. */
export async function loadRecordedSweep(
  fetch: FetchText = fetchText,
  url: string = RECORDED_SWEEP_URL,
): Promise<SweepFile> {
  const parsed = parseSweepFile(await fetch(url));
  if (!parsed.ok) throw new Error(parsed.error);
  if (!parsed.sweep.recorded) throw new Error(`${url} is not marked as a recording`);
  return parsed.sweep;
}
