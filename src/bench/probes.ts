// Probes of what one loop costs besides its time: the tensors and GPU bytes it keeps, one
// readback's round trip, and where an epoch's time goes kernel by kernel.

import * as tf from '@tensorflow/tfjs';
import { Trainer } from '../lib/core/train';
import type { KernelProfile, MemorySnapshot, Workload } from './protocol';
import { createRunner, trainConfig } from './variants';
import { loadData, log, reportProgress, timedEpoch } from './workerShared';

function snapshot(epoch: number): MemorySnapshot {
  const memory = tf.memory() as tf.MemoryInfo & Record<string, unknown>;
  const backendBytes: Record<string, number> = {};
  for (const [key, value] of Object.entries(memory)) {
    if (typeof value === 'number' && /gpu/i.test(key)) backendBytes[key] = value;
  }
  return {
    epoch,
    numTensors: memory.numTensors,
    numDataBuffers: memory.numDataBuffers,
    numBytes: memory.numBytes,
    backendBytes,
  };
}

/** The app's loop for `epochs` epochs (train + validation), tf.memory() after the chosen ones. */
export async function memory(request: {
  workload: Workload;
  epochs: number;
  snapshotEpochs: number[];
}): Promise<MemorySnapshot[]> {
  const data = await loadData(request.workload);
  const trainer = Trainer.create(data, trainConfig(request.workload));
  const snapshots: MemorySnapshot[] = [];
  try {
    for (let epoch = 1; epoch <= request.epochs; epoch++) {
      const outcome = await trainer.trainEpoch({ shouldStop: () => false, onProgress: () => {} });
      if (outcome !== 'complete') throw new Error('The app loop stopped before the epoch ended');
      await trainer.finishEpoch();
      if (request.snapshotEpochs.includes(epoch)) snapshots.push(snapshot(epoch));
    }
    log(`memory: ${request.epochs} epochs done`);
  } finally {
    trainer.dispose();
  }
  return snapshots;
}

const READBACK_PROBE_SIZE = 4096;

/** One small kernel, then await its result: the cost every per-batch `await loss.data()` pays. */
export async function readbackLatency(samples: number): Promise<number[]> {
  // Above both GPU backends' CPU hand-off size, so the kernel really runs on the device.
  const input = tf.ones([READBACK_PROBE_SIZE]);
  const times: number[] = [];
  try {
    for (let i = 0; i <= samples; i++) {
      const output = tf.add(input, i);
      const start = performance.now();
      await output.data();
      const ms = performance.now() - start;
      output.dispose();
      if (i > 0) times.push(ms); // the first one compiles the shader
    }
  } finally {
    input.dispose();
  }
  return times;
}

/** Where one app-loop epoch's time goes, kernel by kernel (investigation; opt-in). */
export async function kernelProfile(workloads: Workload[]): Promise<KernelProfile[]> {
  const profiles: KernelProfile[] = [];
  for (const workload of workloads) {
    const runner = createRunner('app', await loadData(workload), workload, reportProgress);
    try {
      await timedEpoch(runner); // compile first: the profile is of a steady epoch
      const start = performance.now();
      const info = await tf.profile(() => runner.trainEpoch());
      const wallMs = performance.now() - start;
      await runner.betweenEpochs();
      const byName = new Map<string, { calls: number; ms: number }>();
      for (const kernel of info.kernels) {
        const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : Number.NaN;
        const entry = byName.get(kernel.name) ?? { calls: 0, ms: 0 };
        entry.calls++;
        entry.ms += ms;
        byName.set(kernel.name, entry);
      }
      const kernels = [...byName.entries()]
        .map(([name, entry]) => ({ name, ...entry }))
        .sort((a, b) => b.ms - a.ms);
      profiles.push({
        trainSize: workload.trainSize,
        batchSize: workload.batchSize,
        wallMs,
        kernels,
      });
      log(`kernel profile batch ${workload.batchSize}: ${wallMs.toFixed(0)} ms`);
    } finally {
      runner.dispose();
    }
  }
  return profiles;
}
