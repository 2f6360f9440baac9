// The sweep summary worker's messages: a finished run's stored figures and per-epoch validation
// logits in, its sweep summary and curves out (core/sweep summarizeRun). Summarising fits the
// post-hoc fixes on every run, which is too long a task for the page's main thread while a
// sweep keeps it busy, and holds no tfjs, so it starts in milliseconds.

import type { RunCurves, RunSummary, RunSummaryInput } from '../../core/sweep';

export type ToSummaryWorker = { type: 'summarize'; id: number; input: RunSummaryInput };

export type FromSummaryWorker =
  | { type: 'summary'; replyTo: number; summary: RunSummary; curves: RunCurves }
  | { type: 'error'; replyTo: number; message: string };
