// What backend selection asks of the browser, as an interface: the worker injects the real one
// (worker/train/tfEnvironment.ts), the Node tests a fake. Also whether wasm threads help; what
// kind of GPU an adapter is lives in backendAdapter.ts.

import type { AdapterFacts } from './backendAdapter';
import type { BackendName, ModelPreset } from '../types';

/** The WebGPU adapter tfjs trains on (requested with tfjs' own options), described. */
export type WebGpuAdapterInfo = AdapterFacts;

export interface WasmSupport {
  /** WebAssembly SIMD validates: the only wasm binaries the app ships need it. */
  simd: boolean;
  /** self.crossOriginIsolated: SharedArrayBuffer, hence wasm threads, need it. */
  crossOriginIsolated: boolean;
}

/** Speeds measured for one browser + model + candidate set, images per second by backend. */
export type MeasuredSpeeds = Partial<Record<BackendName, number>>;

/**
 * One candidate's timing. `timedOut`: the warm-up outlasted its slice, so `imagesPerSecond` is
 * only the bound it could at most reach, never a speed to cache or to win on.
 */
export interface Measurement {
  imagesPerSecond: number;
  timedOut: boolean;
}

export interface BackendEnvironment {
  /** Whether `navigator.gpu` exists at all. */
  hasWebGpuApi(): boolean;
  /** The adapter tfjs trains on, requested with its options; null when the browser has none. */
  requestWebGpuAdapter(): Promise<WebGpuAdapterInfo | null>;
  /** What the wasm backend can use here (checked before loading any wasm). */
  wasmSupport(): Promise<WasmSupport>;
  /** `tf.setBackend(name)`: false or a throw means the backend could not start. */
  setBackend(name: BackendName): Promise<boolean>;
  /** Adapter/renderer description of the backend now active (e.g. the WebGL renderer string). */
  describeActive(name: BackendName): string;
  /** WebGL now active hides its renderer (no WEBGL_debug_renderer_info): the GPU is unknown. */
  webglRendererMasked(): boolean;
  /** WebGL now active renders to half-float textures only (WEBGL_RENDER_FLOAT32_ENABLED false). */
  webglHalfFloat(): boolean;
  /** Threads the active wasm backend computes on (1 = single-threaded). */
  wasmThreads(): number;
  /** Trains a few warm steps of `model` on `name` within `budgetMs`. */
  measureTraining(name: BackendName, model: ModelPreset, budgetMs: number): Promise<Measurement>;
  /**
   * Frees a backend that started but lost the choice: its WebGPU device is destroyed, its WebGL
   * context lost, its wasm threads ended. Never the active backend; it can start again later.
   */
  releaseBackend(name: BackendName): void;
  /** A cached measurement under `key`, or null. Failures read as null. */
  readSpeeds(key: string): Promise<MeasuredSpeeds | null>;
  writeSpeeds(key: string, speeds: MeasuredSpeeds): Promise<void>;
  /** Identifies the browser in the cache key (navigator.userAgent). */
  userAgent: string;
  tfjsVersion: string;
  /** The app's version (package.json): a new build times again, its kernels may differ. */
  appVersion: string;
}

export interface SelectionOptions {
  /** The model the speed comparison trains (the run's preset). */
  model: ModelPreset;
}

/**
 * Whether TensorFlow.js' threaded wasm build would compute on more than one thread: it sizes its
 * XNNPACK pool to half the logical cores (backend.cc), so below 4 cores it computes on one, and
 * the threaded build would only start its 8 pthread workers (each instantiating the module, about
 * 0.6 s of CPU and a V8 isolate each on a 2-core machine) to leave them idle.
 */
export function wasmThreadsHelp(logicalCores: number): boolean {
  return Math.floor(logicalCores / 2) > 1;
}
