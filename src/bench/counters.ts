// Operation counters for the bench worker: kernels, GPU programs, readbacks and shader compiles.
// They wrap methods of the live engine/backend objects (tfjs internals, read defensively), so
// they cost one increment per call — unlike tf.profile, which times every kernel and on
// backends without a GPU timer reads each result back, changing what it measures.

import * as tf from '@tensorflow/tfjs';
import type { Counts } from './protocol';

type AnyFunction = (...args: unknown[]) => unknown;

interface Totals {
  kernels: number;
  programs: number;
  readbacks: number;
}

const totals: Totals = { kernels: 0, programs: 0, readbacks: 0 };
let installed = false;

function wrap(target: object, method: string, onCall: (...args: unknown[]) => void): boolean {
  const holder = target as Record<string, unknown>;
  const original = holder[method];
  if (typeof original !== 'function') return false;
  const bound = (original as AnyFunction).bind(target);
  holder[method] = (...args: unknown[]) => {
    onCall(...args);
    return bound(...args);
  };
  return true;
}

/**
 * Whether a tensor's data lives on the device. Both GPU backends keep small or fresh tensors on
 * the CPU (`values` set) and run kernels on them there; reading those costs no GPU round trip,
 * so only reads of device-resident data count as readbacks.
 */
function onDevice(backend: object, dataId: unknown): boolean {
  const { texData, tensorMap } = backend as {
    texData?: { get(id: unknown): { values?: unknown } | undefined };
    tensorMap?: { get(id: unknown): { values?: unknown } | undefined };
  };
  const entry = (texData ?? tensorMap)?.get(dataId);
  return entry !== undefined && entry.values == null;
}

/** Size of the active backend's compiled-program cache (WebGL binaryCache, WebGPU pipelineCache). */
function compiledPrograms(): number {
  const backend = tf.backend() as unknown as {
    binaryCache?: Record<string, unknown>;
    pipelineCache?: Record<string, unknown>;
  };
  const cache = backend.binaryCache ?? backend.pipelineCache;
  return cache ? Object.keys(cache).length : Number.NaN;
}

/** Call once, after the backend is chosen. Throws if an internal it relies on is missing. */
export function installCounters(): void {
  if (installed) return;
  const backend = tf.backend() as object;
  const ok = [
    wrap(tf.engine(), 'runKernel', () => totals.kernels++),
    wrap(backend, 'read', (dataId) => onDevice(backend, dataId) && totals.readbacks++),
    wrap(backend, 'readSync', (dataId) => onDevice(backend, dataId) && totals.readbacks++),
    wrap(backend, 'runWebGLProgram', () => totals.programs++) ||
      wrap(backend, 'runWebGPUProgram', () => totals.programs++),
  ];
  if (ok.includes(false) || Number.isNaN(compiledPrograms())) {
    throw new Error(
      `Cannot install counters on the ${tf.getBackend()} backend (tfjs internals moved)`,
    );
  }
  installed = true;
}

/** Starts counting; the returned function gives the counts since this call. */
export function startCounting(): () => Counts {
  const start = { ...totals, compiles: compiledPrograms() };
  return () => ({
    kernels: totals.kernels - start.kernels,
    programs: totals.programs - start.programs,
    readbacks: totals.readbacks - start.readbacks,
    compiles: compiledPrograms() - start.compiles,
  });
}
