/// <reference lib="webworker" />
// The bench worker: runs the measurements that need tensors, one request at a time, on the
// backend the page asked for (and refuses to run on any other, so a figure is never mislabelled).

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../lib/core/train/backend';
import { DatasetStore, loadPair, type PairData } from '../lib/core/data';
import { Trainer } from '../lib/core/train';
import { tfEnvironment } from '../lib/worker/train/tfEnvironment';
import { installCounters, startCounting } from './counters';
import { modelFlops } from './flops';
import type {
  BackendComparison,
  BackendRun,
  BenchRequest,
  KernelProfile,
  BenchResult,
  EpochSample,
  FromBenchWorker,
  MemorySnapshot,
  ScalingPoint,
  ThroughputResult,
  ToBenchWorker,
  Variant,
  Workload,
} from './protocol';
import { VARIANTS } from './protocol';
import { createRunner, trainConfig, type Runner } from './variants';
import type { BackendName } from '../lib/core/types';

declare const self: DedicatedWorkerGlobalScope;

let store: DatasetStore | null = null;
let queue: Promise<void> = Promise.resolve();

function post(message: FromBenchWorker): void {
  self.postMessage(message);
}

function log(text: string): void {
  post({ type: 'log', text });
}

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
      store = new DatasetStore(request.dataUrl);
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

function loadData(workload: Workload): Promise<PairData> {
  if (!store) throw new Error('init first');
  return loadPair(store, ['pullover', 'coat'], workload.trainSize, workload.validationSize);
}

/** Times one training epoch of `runner` (the between-epoch work runs after, untimed). */
async function timedEpoch(runner: Runner): Promise<EpochSample> {
  const count = startCounting();
  const start = performance.now();
  await runner.trainEpoch();
  const ms = performance.now() - start;
  const counts = count();
  await runner.betweenEpochs();
  return { ms, images: runner.imagesPerEpoch, counts };
}

const reportProgress = (imagesPerSecond: number) => {
  // The app worker posts a progress message every PROGRESS_INTERVAL_MS; so does the bench.
  self.postMessage({ type: 'progress', imagesPerSecond });
};

async function throughput(request: {
  workload: Workload;
  warmupEpochs: number;
  rounds: number;
}): Promise<ThroughputResult> {
  const data = await loadData(request.workload);
  const runners = VARIANTS.map((variant) =>
    createRunner(variant, data, request.workload, reportProgress),
  );
  const empty = () => ({ app: [], fitCallback: [], fit: [] }) as Record<Variant, EpochSample[]>;
  const result: ThroughputResult = { warmup: empty(), rounds: empty(), order: [] };
  try {
    // The app warms up first, so its first epoch pays for compiling the shared shaders.
    for (const runner of runners) {
      for (let epoch = 0; epoch < request.warmupEpochs; epoch++) {
        result.warmup[runner.variant].push(await timedEpoch(runner));
      }
      log(
        `warm-up ${runner.variant}: ${result.warmup[runner.variant].map((s) => s.ms.toFixed(0)).join(', ')} ms`,
      );
    }
    for (let round = 0; round < request.rounds; round++) {
      // Rotate the order each round so drift (thermal, other load) hits every variant alike.
      const order = runners.map((_, i) => runners[(i + round) % runners.length]);
      result.order.push(order.map((runner) => runner.variant));
      for (const runner of order) result.rounds[runner.variant].push(await timedEpoch(runner));
      log(
        `round ${round + 1}/${request.rounds}: ` +
          order
            .map((r) => {
              const s = result.rounds[r.variant][round];
              return `${r.variant} ${((s.images * 1000) / s.ms).toFixed(1)} img/s`;
            })
            .join(', '),
      );
    }
  } finally {
    for (const runner of runners) runner.dispose();
  }
  return result;
}

/**
 * The app loop on each workload: a first epoch each (compiles), then `steadyEpochs` rounds in
 * which every workload trains one epoch, order rotated per round, so load drift on a shared
 * machine spreads over all workloads instead of landing on whichever ran last.
 */
async function scaling(workloads: Workload[], steadyEpochs: number): Promise<ScalingPoint[]> {
  const runners: Runner[] = [];
  try {
    for (const workload of workloads) {
      runners.push(createRunner('app', await loadData(workload), workload, reportProgress));
    }
    const points: ScalingPoint[] = [];
    for (const [i, runner] of runners.entries()) {
      const { trainSize, batchSize } = workloads[i];
      points.push({ trainSize, batchSize, first: await timedEpoch(runner), steady: [] });
      log(
        `scaling train ${trainSize} batch ${batchSize}: first ${points[i].first.ms.toFixed(0)} ms`,
      );
    }
    for (let round = 0; round < steadyEpochs; round++) {
      for (let k = 0; k < runners.length; k++) {
        const i = (k + round) % runners.length;
        points[i].steady.push(await timedEpoch(runners[i]));
      }
      log(
        `scaling round ${round + 1}/${steadyEpochs}: ` +
          points
            .map((p) => `${p.trainSize}/${p.batchSize} ${p.steady[round].ms.toFixed(0)} ms`)
            .join(', '),
      );
    }
    return points;
  } finally {
    for (const runner of runners) runner.dispose();
  }
}

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
async function memory(request: {
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
async function readbackLatency(samples: number): Promise<number[]> {
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
async function kernelProfile(workloads: Workload[]): Promise<KernelProfile[]> {
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

/** One backend of the comparison: forced (no fallback), a warm-up epoch, then `epochs`. */
async function runOn(name: BackendName, workload: Workload, epochs: number): Promise<BackendRun> {
  const run: BackendRun = { name, info: null, warmup: null, epochs: [], validationMs: [] };
  const info = await selectBackend(name, tfEnvironment, { model: workload.model });
  if (info.name !== name) return { ...run, reason: info.fallbackReason ?? `got ${info.name}` };
  run.info = info;
  // Loaded after the switch, so the tensors live on this backend.
  const runner = createRunner('app', await loadData(workload), workload, reportProgress);
  try {
    for (let epoch = 0; epoch <= epochs; epoch++) {
      const count = startCounting();
      const start = performance.now();
      await runner.trainEpoch();
      const sample = {
        ms: performance.now() - start,
        images: runner.imagesPerEpoch,
        counts: count(),
      };
      const validationStart = performance.now();
      await runner.betweenEpochs();
      if (epoch === 0) {
        run.warmup = sample;
        continue;
      }
      run.epochs.push(sample);
      run.validationMs.push(performance.now() - validationStart);
    }
    const rates = run.epochs.map((s) => ((s.images * 1000) / s.ms).toFixed(1));
    log(`${name}: ${rates.join(', ')} images/s`);
  } finally {
    runner.dispose();
  }
  return run;
}

async function compareBackends(request: {
  backends: BackendName[];
  workload: Workload;
  epochs: number;
}): Promise<BackendComparison> {
  const { workload } = request;
  const runs: BackendRun[] = [];
  for (const name of request.backends) runs.push(await runOn(name, workload, request.epochs));
  let wasmStep = null;
  if (runs.some((run) => run.name === 'wasm' && run.info)) {
    await selectBackend('wasm', tfEnvironment);
    // One epoch of one batch: one training step.
    [wasmStep] = await kernelProfile([{ ...workload, trainSize: workload.batchSize }]);
  }
  const auto = await selectBackend('auto', tfEnvironment, { model: workload.model });
  return { workload, auto, runs, wasmStep, flops: modelFlops(workload.model) };
}
