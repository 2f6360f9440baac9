// The real BackendEnvironment: navigator.gpu (asked with tfjs' own adapter options),
// tf.setBackend, the wasm binaries from this origin, a timed training probe and its IndexedDB
// cache, and freeing the backends that lost the choice, inside the worker.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  requestTrainingAdapter,
  wasmThreadsHelp,
  type BackendEnvironment,
  type GpuLike,
  type MeasuredSpeeds,
  type Measurement,
} from '../../core/train/backend';
import { createModel, IMAGE_SIZE, modelKernels, DEFAULT_CLASS_COUNT } from '../../core/train';
import { trainStep } from '../../core/train';
import type { BackendName, ModelPreset } from '../../core/types';
import { registerWasmTrainingKernels } from '../../core/train';
import { wasmThreadFiles } from 'virtual:tfjs-wasm-thread-files';
import { SINGLE_THREAD_WORKER_NAME } from './protocol';

/** package.json's version, from vite.config.ts' `define` (absent in a build without it). */
declare const __APP_VERSION__: string | undefined;

declare const self: DedicatedWorkerGlobalScope & {
  /** Read by the patched tfjs-backend-wasm loader (scripts/vite/wasmThreads.mjs). */
  __tfjsWasmThreadFiles?: { worker: string; main: string };
};

registerWasmTrainingKernels();
// Own-origin URLs (a worker resolves relative ones against its own script). Only SIMD binaries
// ship: without SIMD the chain skips wasm before loading anything, so the plain binary's entry
// points at the SIMD one and is never fetched.
const ownUrl = (url: string) => new URL(url, self.location.href).href;
setWasmPaths({
  'tfjs-backend-wasm.wasm': ownUrl(simdWasmUrl),
  'tfjs-backend-wasm-simd.wasm': ownUrl(simdWasmUrl),
  'tfjs-backend-wasm-threaded-simd.wasm': ownUrl(threadedSimdWasmUrl),
});
// Below 4 logical cores TensorFlow.js computes on one thread either way: the SIMD build then
// starts no pthread workers at all (see wasmThreadsHelp). A sweep's workers always do.
if (
  !wasmThreadsHelp(self.navigator.hardwareConcurrency ?? 1) ||
  self.name === SINGLE_THREAD_WORKER_NAME
) {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}
// Threads: the pthread workers load from this origin too, not from blob: URLs (the CSP allows
// workers and scripts from 'self' only).
self.__tfjsWasmThreadFiles = {
  worker: ownUrl(wasmThreadFiles.worker),
  main: ownUrl(wasmThreadFiles.main),
};

/** Images per timed step: small, so a software GPU's slow steps still fit the time budget. */
const PROBE_BATCH_SIZE = 8;
const SPEED_DATABASE = 'overconfidence-backend-speeds';
const SPEED_STORE = 'speeds';

let adapterDescription = '';

/** The active backend's GL context (private to tfjs; read defensively). */
function activeGl(): WebGL2RenderingContext | undefined {
  return (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
}

function webglRenderer(): string {
  const gl = activeGl();
  if (!gl) return '';
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = debugInfo
    ? gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL)
    : gl.getParameter(gl.RENDERER);
  return typeof renderer === 'string' ? renderer : '';
}

/** Without the debug extension gl.RENDERER is a mask ("WebKit WebGL"), not the GPU's name. */
function webglRendererMasked(): boolean {
  try {
    return activeGl()?.getExtension('WEBGL_debug_renderer_info') == null;
  } catch {
    return true;
  }
}

/**
 * Frees a backend that lost the choice: tfjs' dispose, then its WebGPU device destroyed or its
 * WebGL context lost (dispose leaves both alive), and the instance dropped from the engine's
 * registry while its factory stays, so setBackend(name) can start a fresh one later.
 */
function releaseBackend(name: BackendName): void {
  if (name === tf.getBackend()) return;
  const engine = tf.engine() as unknown as { registry: Record<string, tf.KernelBackend> };
  const instance = engine.registry[name];
  if (!instance) return;
  const held = instance as unknown as {
    device?: GPUDevice;
    gpgpu?: { gl?: WebGL2RenderingContext };
  };
  const gl = held.gpgpu?.gl;
  instance.dispose();
  held.device?.destroy();
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  delete engine.registry[name];
}

/**
 * Images/s of `model` training on random images, within about `budgetMs`: one warm-up step
 * (shader compilation, weight packing), then timed steps while the next one is expected to end
 * inside the budget. When not even one fits, the warm-up's own rate is returned; when the
 * warm-up itself outlasts the budget (a software GPU compiling its shaders), the rate it could
 * at most reach, BATCH / budget, is returned marked `timedOut` without waiting for it: a bound,
 * which the choice never caches nor lets win.
 */
async function measureTraining(model: ModelPreset, budgetMs: number): Promise<Measurement> {
  const started = performance.now();
  const network = createModel(model, 1);
  const optimizer = tf.train.adam(0.001);
  const images = tf.randomUniform([PROBE_BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, 1]) as tf.Tensor4D;
  const classes = Int32Array.from({ length: PROBE_BATCH_SIZE }, (_, i) => i % DEFAULT_CLASS_COUNT);
  const labels = tf.tidy(() =>
    tf.oneHot(tf.tensor1d(classes, 'int32'), DEFAULT_CLASS_COUNT),
  ) as tf.Tensor2D;
  const order = tf.range(0, PROBE_BATCH_SIZE, 1, 'int32') as tf.Tensor1D;
  // Plain cross-entropy: no smoothing, L2, focal loss or mixup.
  const inputs = {
    model: network,
    optimizer,
    images,
    labelsOneHot: labels,
    order,
    offset: 0,
    size: PROBE_BATCH_SIZE,
    labelSmoothing: 0,
    l2: 0,
    kernels: modelKernels(network),
    focalGamma: 0,
    mixup: null,
  };
  let sums = tf.zeros([2]) as tf.Tensor1D;
  /** Trains one step and waits for it; returns its duration in ms. */
  const step = async () => {
    const from = performance.now();
    const next = trainStep(inputs, sums);
    sums.dispose();
    sums = next;
    await sums.data();
    return performance.now() - from;
  };
  const cleanUp = () => {
    tf.dispose([images, labels, order, sums]);
    network.dispose();
    optimizer.dispose();
  };
  const warmUp = step();
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), budgetMs));
  const first = await Promise.race([warmUp, late]).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  if (first === 'late') {
    // The step goes on in the background; its tensors are freed when it ends.
    void warmUp.finally(cleanUp).catch(() => undefined);
    return { imagesPerSecond: PROBE_BATCH_SIZE / (budgetMs / 1000), timedOut: true };
  }
  try {
    let lastMs = first;
    const warmUpRate = PROBE_BATCH_SIZE / (lastMs / 1000);
    let steps = 0;
    let timedMs = 0;
    while (performance.now() - started + lastMs <= budgetMs) {
      lastMs = await step();
      timedMs += lastMs;
      steps++;
    }
    const imagesPerSecond =
      steps === 0 ? warmUpRate : (steps * PROBE_BATCH_SIZE) / (timedMs / 1000);
    return { imagesPerSecond, timedOut: false };
  } finally {
    cleanUp();
  }
}

function openSpeedDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SPEED_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(SPEED_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function speedStore<T>(
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const database = await openSpeedDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = use(database.transaction(SPEED_STORE, mode).objectStore(SPEED_STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    database.close();
  }
}

export const tfEnvironment: BackendEnvironment = {
  hasWebGpuApi: () => typeof navigator !== 'undefined' && 'gpu' in navigator && !!navigator.gpu,
  async requestWebGpuAdapter() {
    const described = await requestTrainingAdapter(
      navigator.gpu as unknown as GpuLike,
      tf.env().getBool('WEBGPU_USE_LOW_POWER_GPU'),
    );
    adapterDescription = described?.description ?? '';
    return described;
  },
  async wasmSupport() {
    return {
      simd: await tf
        .env()
        .getAsync('WASM_HAS_SIMD_SUPPORT')
        .then(Boolean, () => false),
      crossOriginIsolated: self.crossOriginIsolated === true,
    };
  },
  setBackend: (name: BackendName) => tf.setBackend(name),
  describeActive(name: BackendName) {
    if (name === 'webgpu') return adapterDescription;
    if (name === 'webgl') return webglRenderer();
    if (name === 'wasm') return 'WebAssembly (XNNPACK, CPU)';
    return 'JavaScript (no GPU)';
  },
  webglRendererMasked,
  webglHalfFloat: () => !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
  // TensorFlow.js sizes its XNNPACK pool to half the logical cores, at most 8 (backend.cc:
  // it assumes two hyper-threads per core), and caps setThreadsCount() there too.
  wasmThreads: () => getThreadsCount(),
  measureTraining: (_name, model, budgetMs) => measureTraining(model, budgetMs),
  releaseBackend,
  async readSpeeds(key) {
    const value = await speedStore('readonly', (store) => store.get(key));
    return value && typeof value === 'object' ? (value as MeasuredSpeeds) : null;
  },
  async writeSpeeds(key, speeds) {
    await speedStore('readwrite', (store) => store.put(speeds, key));
  },
  userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : '',
  tfjsVersion: tf.version.tfjs,
  appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unversioned',
};
