/// <reference lib="webworker" />
// The bench worker: runs the measurements that need tensors, one request at a time, on the
// backend the page asked for (and refuses to run on any other, so a figure is never mislabelled).
// The measurements live in loopTiming.ts, probes.ts and backendComparison.ts; this is the switch.

import { selectBackend } from '../lib/core/train/backend';
import { tfEnvironment } from '../lib/worker/train/tfEnvironment';
import { compareBackends } from './backendComparison';
import { installCounters } from './counters';
import { scaling, throughput } from './loopTiming';
import { kernelProfile, memory, readbackLatency } from './probes';
import type { BenchRequest, BenchResult, ToBenchWorker } from './protocol';
import { post, useDataset } from './workerShared';

declare const self: DedicatedWorkerGlobalScope;

let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ToBenchWorker>) => {
  const { id, request } = event.data;
  queue = queue
    .then(async () => post({ type: 'result', id, result: await handle(request) }))
    .catch((error: unknown) => {
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    });
};

async function handle(request: BenchRequest): Promise<BenchResult> {
  switch (request.type) {
    case 'init': {
      useDataset(request.dataUrl);
      const info = await selectBackend(request.backend, tfEnvironment);
      if (info.name !== request.backend) {
        throw new Error(`Asked for ${request.backend}, got ${info.name}: ${info.fallbackReason}`);
      }
      // Program and readback counters exist on the GPU backends only.
      if (info.name === 'webgpu' || info.name === 'webgl') installCounters();
      return { type: 'init', info, userAgent: navigator.userAgent };
    }
    case 'throughput':
      return { type: 'throughput', result: await throughput(request) };
    case 'scaling':
      return { type: 'scaling', points: await scaling(request.workloads, request.steadyEpochs) };
    case 'memory':
      return { type: 'memory', snapshots: await memory(request) };
    case 'kernelProfile':
      return { type: 'kernelProfile', profiles: await kernelProfile(request.workloads) };
    case 'readbackLatency':
      return { type: 'readbackLatency', ms: await readbackLatency(request.samples) };
    case 'compareBackends':
      return { type: 'compareBackends', comparison: await compareBackends(request) };
    default: {
      const unknown: never = request;
      throw new Error(`Unknown request ${JSON.stringify(unknown)}`);
    }
  }
}
