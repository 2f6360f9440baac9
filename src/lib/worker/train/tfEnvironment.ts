// The real BackendEnvironment: navigator.gpu, tf.setBackend, the wasm binaries from this
// origin, a timed training probe and its IndexedDB cache, inside the worker.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  wasmThreadsHelp,
  type BackendEnvironment,
  type MeasuredSpeeds,
  type WebGpuAdapterInfo,
} from '../../core/train/backend';
import { createModel, IMAGE_SIZE, modelKernels, NUM_CLASSES } from '../../core/train';
import { trainStep } from '../../core/train';
import type { BackendName, ModelPreset } from '../../core/types';
import { registerWasmTrainingKernels } from '../../core/train';
import { wasmThreadFiles } from 'virtual:tfjs-wasm-thread-files';

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
// starts no pthread workers at all (see wasmThreadsHelp).
if (!wasmThreadsHelp(self.navigator.hardwareConcurrency ?? 1)) {
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

function describeAdapter(adapter: GPUAdapter): WebGpuAdapterInfo {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
  return {
    description: [...new Set(parts)].join(' ') || 'WebGPU adapter',
    isFallbackAdapter: info?.isFallbackAdapter === true || legacy.isFallbackAdapter === true,
  };
}

function webglRenderer(): string {
  // The renderer string lives on the backend's private GL context; read it defensively.
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const gl = backend.gpgpu?.gl;
  if (!gl) return '';
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = debugInfo
    ? gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL)
    : gl.getParameter(gl.RENDERER);
  return typeof renderer === 'string' ? renderer : '';
}

/**
 * Images/s of `model` training on random images, within about `budgetMs`: one warm-up step
 * (shader compilation, weight packing), then timed steps while the next one is expected to end
 * inside the budget. When not even one fits, the warm-up's own rate is returned; when the
 * warm-up itself outlasts the budget (a software GPU compiling its shaders), the rate it could
 * at most reach, BATCH / budget, is returned without waiting for it. Both err in favour of the
 * slow backend, never against it.
 */
async function measureTraining(model: ModelPreset, budgetMs: number): Promise<number> {
  const started = performance.now();
  const network = createModel(model, 1);
  const optimizer = tf.train.adam(0.001);
  const images = tf.randomUniform([PROBE_BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, 1]) as tf.Tensor4D;
  const classes = Int32Array.from({ length: PROBE_BATCH_SIZE }, (_, i) => i % NUM_CLASSES);
  const labels = tf.tidy(() =>
    tf.oneHot(tf.tensor1d(classes, 'int32'), NUM_CLASSES),
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
    return PROBE_BATCH_SIZE / (budgetMs / 1000);
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
    return steps === 0 ? warmUpRate : (steps * PROBE_BATCH_SIZE) / (timedMs / 1000);
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
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return null;
    const described = describeAdapter(adapter);
    adapterDescription = described.description;
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
  webglHalfFloat: () => !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
  // TensorFlow.js sizes its XNNPACK pool to half the logical cores, at most 8 (backend.cc:
  // it assumes two hyper-threads per core), and caps setThreadsCount() there too.
  wasmThreads: () => getThreadsCount(),
  measureTraining: (_name, model, budgetMs) => measureTraining(model, budgetMs),
  async readSpeeds(key) {
    const value = await speedStore('readonly', (store) => store.get(key));
    return value && typeof value === 'object' ? (value as MeasuredSpeeds) : null;
  },
  async writeSpeeds(key, speeds) {
    await speedStore('readwrite', (store) => store.put(speeds, key));
  },
  userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : '',
  tfjsVersion: tf.version.tfjs,
};
