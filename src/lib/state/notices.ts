// A typed notice from the training worker, in words for the page.
import type { Notice } from '../worker/protocol';

export function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'storage-unavailable':
      return `Runs are not being saved in this browser (${notice.reason}). Training goes on, but a reload will lose it.`;
  }
}
