/// <reference lib="webworker" />
// The sweep summary worker: glue around core/sweep's summarizeRun (summaryProtocol.ts).

import { summarizeRun } from '../../core/sweep';
import type { FromSummaryWorker, ToSummaryWorker } from './summaryProtocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ToSummaryWorker>) => {
  const { id, input } = event.data;
  let reply: FromSummaryWorker;
  try {
    reply = { type: 'summary', replyTo: id, ...summarizeRun(input) };
  } catch (error) {
    reply = { type: 'error', replyTo: id, message: (error as Error).message };
  }
  self.postMessage(reply);
};
