// Messages between the bench page and the bench worker. Every request carries an id; the
// worker answers it with exactly one `result` or `error` of the same id. All figures are plain
// numbers measured in the worker (performance.now), never estimates.

import type { BackendInfo, BackendName, ClassSlug, ModelPreset } from '../lib/core/types';
import type { ModelFlops } from './flops';

/** The three training loops compared, same model, data, batch size and backend. */
export type Variant = 'app' | 'fitCallback' | 'fit';
export const VARIANTS: readonly Variant[] = ['app', 'fitCallback', 'fit'];

export interface Workload {
  model: ModelPreset;
  trainSize: number;
  batchSize: number;
  /** Validation images the app loop evaluates between epochs (untimed). */
  validationSize: number;
  seed: number;
  /** The Fashion-MNIST classes trained on (label order); absent: the default pair. */
  classes?: ClassSlug[];
}

/** Operation counts over one span of work (see counters.ts for what each one counts). */
export interface Counts {
  /** Kernels the tfjs engine ran (what tf.profile lists). */
  kernels: number;
  /** Shader programs dispatched on the GPU (runWebGLProgram / runWebGPUProgram calls). */
  programs: number;
  /** Reads of device-resident data back to the CPU (backend.read/readSync; a GPU round trip). */
  readbacks: number;
  /** Shader programs compiled (growth of the backend's program cache). */
  compiles: number;
}

export interface EpochSample {
  ms: number;
  images: number;
  counts: Counts;
}

export interface ThroughputResult {
  /** Per variant: the warm-up epochs (the first one includes shader compilation). */
  warmup: Record<Variant, EpochSample[]>;
  /** Per variant: one measured epoch per round; rounds interleave the variants. */
  rounds: Record<Variant, EpochSample[]>;
  /** The variant order of each round (rotated so no variant always runs first). */
  order: Variant[][];
}

export interface ScalingPoint {
  trainSize: number;
  batchSize: number;
  /** The first epoch of a fresh run (includes compiling this shape's shaders). */
  first: EpochSample;
  /** A later epoch of the same run: steady state. */
  steady: EpochSample[];
}

export interface MemorySnapshot {
  epoch: number;
  numTensors: number;
  numDataBuffers: number;
  numBytes: number;
  /** Whatever numeric GPU fields this backend's tf.memory() reports (they differ per backend). */
  backendBytes: Record<string, number>;
}

export interface KernelProfile {
  trainSize: number;
  batchSize: number;
  /** Wall time of the profiled epoch (profiling serialises kernels, so it is slower than usual). */
  wallMs: number;
  /** Per kernel name: calls and summed kernelTimeMs (tfjs times each kernel; without a GPU
   * timer it waits for each kernel's result, so these are wall times of serialised kernels). */
  kernels: { name: string; calls: number; ms: number }[];
}

/** One backend of the comparison: the same seeded model, data and batch size as the others. */
export interface BackendRun {
  name: BackendName;
  /** null: it did not start here (`reason` says why). */
  info: BackendInfo | null;
  reason?: string;
  /** The first epoch (compiles shaders, warms caches), then the measured ones. */
  warmup: EpochSample | null;
  epochs: EpochSample[];
  /** The validation pass after an epoch (forward over `validationSize` images + metrics), ms. */
  validationMs: number[];
}

export interface BackendComparison {
  workload: Workload;
  /** What `auto` picks in this browser for the workload's model (its own timing, ≤ 3 s). */
  auto: BackendInfo;
  runs: BackendRun[];
  /** tf.profile of one training step on wasm (one batch), when wasm ran. */
  wasmStep: KernelProfile | null;
  flops: ModelFlops;
}

export type BenchRequest =
  | { type: 'init'; backend: BackendName; dataUrl: string }
  /** Every backend in turn in this worker, then `auto`'s pick: ratios from one run. */
  | { type: 'compareBackends'; backends: BackendName[]; workload: Workload; epochs: number }
  | { type: 'throughput'; workload: Workload; warmupEpochs: number; rounds: number }
  | { type: 'scaling'; workloads: Workload[]; steadyEpochs: number }
  | { type: 'memory'; workload: Workload; epochs: number; snapshotEpochs: number[] }
  /** tf.profile of one app-loop epoch per workload, after a warm-up epoch: time per kernel. */
  | { type: 'kernelProfile'; workloads: Workload[] }
  /** Round trips of one tiny kernel and its readback on an idle queue: a readback's fixed cost. */
  | { type: 'readbackLatency'; samples: number };

export type BenchResult =
  | { type: 'init'; info: BackendInfo; userAgent: string }
  | { type: 'throughput'; result: ThroughputResult }
  | { type: 'scaling'; points: ScalingPoint[] }
  | { type: 'memory'; snapshots: MemorySnapshot[] }
  | { type: 'readbackLatency'; ms: number[] }
  | { type: 'kernelProfile'; profiles: KernelProfile[] }
  | { type: 'compareBackends'; comparison: BackendComparison };

export type ToBenchWorker = { id: number; request: BenchRequest };

export type FromBenchWorker =
  | { type: 'result'; id: number; result: BenchResult }
  | { type: 'error'; id: number; message: string }
  /** Free-text progress, forwarded to the driver's console. */
  | { type: 'log'; text: string };
