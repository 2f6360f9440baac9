// A typed notice from the training worker, in words for the page.
import { backendDisplayName } from '../../core/train/backend';
import type { BackendName } from '../../core/types';
import type { Notice } from '../../worker/train/protocol';

export function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'storage-unavailable':
      return `Runs are not being saved in this browser (${notice.reason}). Training goes on, but a reload will lose it.`;
  }
}

/**
 * What the page says after a lost GPU: where training went on, and from which epoch
 * (`continuedFrom` null: the run started again there, since nothing could be saved).
 */
export function deviceLossNotice(
  lost: BackendName,
  next: BackendName,
  detail: string,
  continuedFrom: number | null,
): string {
  const why = detail ? ` (${detail})` : '';
  return (
    `The GPU stopped working on ${backendDisplayName(lost)}${why}. ` +
    `Switched to ${backendDisplayName(next)} and ` +
    (continuedFrom !== null
      ? `continued from epoch ${continuedFrom}; no completed epoch was lost.`
      : 'started the run again.')
  );
}
