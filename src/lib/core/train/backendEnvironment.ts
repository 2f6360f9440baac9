// What backend selection asks of the browser, as an interface: the worker injects the real one
// (worker/train/tfEnvironment.ts), the Node tests a fake. Also the two facts about the
// environment the choice turns on: a renderer that is a CPU emulation, and whether wasm threads help.

import type { BackendName, ModelPreset } from '../types';

/** Adapter/renderer names of CPU emulations of a GPU. */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|lavapipe|softpipe|basic render driver|software rasterizer|software adapter/i;

export interface WebGpuAdapterInfo {
  /** Vendor, architecture, device and description joined, e.g. "google swiftshader". */
  description: string;
  /** adapter.info.isFallbackAdapter (or the older adapter.isFallbackAdapter): a CPU implementation. */
  isFallbackAdapter: boolean;
}

export interface WasmSupport {
  /** WebAssembly SIMD validates: the only wasm binaries the app ships need it. */
  simd: boolean;
  /** self.crossOriginIsolated: SharedArrayBuffer, hence wasm threads, need it. */
  crossOriginIsolated: boolean;
}

/** Speeds measured for one browser + model + candidate set, images per second by backend. */
export type MeasuredSpeeds = Partial<Record<BackendName, number>>;

export interface BackendEnvironment {
  /** Whether `navigator.gpu` exists at all. */
  hasWebGpuApi(): boolean;
  /** `navigator.gpu.requestAdapter()`, described; null when the browser returns no adapter. */
  requestWebGpuAdapter(): Promise<WebGpuAdapterInfo | null>;
  /** What the wasm backend can use here (checked before loading any wasm). */
  wasmSupport(): Promise<WasmSupport>;
  /** `tf.setBackend(name)`: false or a throw means the backend could not start. */
  setBackend(name: BackendName): Promise<boolean>;
  /** Adapter/renderer description of the backend now active (e.g. the WebGL renderer string). */
  describeActive(name: BackendName): string;
  /** WebGL now active renders to half-float textures only (WEBGL_RENDER_FLOAT32_ENABLED false). */
  webglHalfFloat(): boolean;
  /** Threads the active wasm backend computes on (1 = single-threaded). */
  wasmThreads(): number;
  /** Trains a few warm steps of `model` on `name` within `budgetMs` and returns images/s. */
  measureTraining(name: BackendName, model: ModelPreset, budgetMs: number): Promise<number>;
  /** A cached measurement under `key`, or null. Failures read as null. */
  readSpeeds(key: string): Promise<MeasuredSpeeds | null>;
  writeSpeeds(key: string, speeds: MeasuredSpeeds): Promise<void>;
  /** Identifies the browser in the cache key (navigator.userAgent). */
  userAgent: string;
  tfjsVersion: string;
}

export interface SelectionOptions {
  /** The model the speed comparison trains (the run's preset). */
  model: ModelPreset;
}

/** Whether an adapter/renderer description names a CPU emulation of a GPU. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
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
