// Backend selection: WebGPU → WebGL → WASM → CPU, each step recorded with a reason a person
// can read. A GPU that shows itself to be hardware (backendAdapter.ts) wins outright; any other
// GPU — a CPU emulation (SwiftShader, llvmpipe, …), an unlisted vendor, a masked renderer — only
// wins if it trains faster than WebAssembly, measured on the selected model and cached per
// browser and build (backendTiming.ts). Backends that started and lost are released. The
// environment is injected so the decision logic runs in Node tests. tf-free: the page imports
// this module by name for the display helpers.

import { BACKEND_ORDER, backendDisplayName } from './backendDisplay';
import type { BackendEnvironment, SelectionOptions } from './backendEnvironment';
import { chosenBackendInfo, startBackend, type Started } from './backendStart';
import { fastestBackend, releaseAll } from './backendTiming';
import type { BackendInfo, BackendPreference } from '../types';

export {
  BACKEND_ORDER,
  backendDisplayName,
  backendNotes,
  backendSummary,
  backendWarning,
  skippedReasons,
} from './backendDisplay';
export { classifyAdapter, isSoftwareRenderer, requestTrainingAdapter } from './backendAdapter';
export type { AdapterFacts, GpuLike } from './backendAdapter';
export {
  wasmThreadsHelp,
  type BackendEnvironment,
  type MeasuredSpeeds,
  type Measurement,
  type SelectionOptions,
  type WasmSupport,
  type WebGpuAdapterInfo,
} from './backendEnvironment';
export { MEASURE_BUDGET_MS, speedCacheKey } from './backendTiming';

/**
 * The default preset (model.ts DEFAULT_MODEL_PRESET), timed when the caller names none. Not
 * imported: model.ts imports TensorFlow.js, and the page imports this module.
 */
const DEFAULT_OPTIONS: SelectionOptions = { model: 'wide' };

/** `auto`: a verified hardware GPU wins outright; any other GPU must beat WASM on the clock. */
async function selectAutomatically(
  env: BackendEnvironment,
  options: SelectionOptions,
): Promise<BackendInfo> {
  const reasons: string[] = [];
  const softwareGpus: Started[] = [];
  for (const name of ['webgpu', 'webgl'] as const) {
    const attempt = await startBackend(name, env);
    if (!attempt.ok) {
      reasons.push(`${backendDisplayName(name)} unavailable: ${attempt.reason}`);
    } else if (attempt.started.kind === 'hardware') {
      releaseAll(softwareGpus, env);
      return chosenBackendInfo(attempt.started, reasons, env, {
        choiceReason: `a hardware GPU (${attempt.started.adapter})`,
      });
    } else {
      softwareGpus.push(attempt.started);
    }
  }
  const wasm = await startBackend('wasm', env);
  if (wasm.ok && softwareGpus.length > 0) {
    return fastestBackend(softwareGpus, wasm.started, reasons, env, options);
  }
  if (wasm.ok) {
    return chosenBackendInfo(wasm.started, reasons, env, {
      choiceReason: 'no GPU backend, and WebAssembly trains far faster than plain JavaScript',
    });
  }
  reasons.push(`WASM unavailable: ${wasm.reason}`);
  // No WASM: the first software GPU that still starts beats plain JavaScript.
  for (const gpu of softwareGpus) {
    if (await env.setBackend(gpu.name).catch(() => false)) {
      releaseAll(
        softwareGpus.filter((other) => other !== gpu),
        env,
      );
      return chosenBackendInfo(gpu, reasons, env, {
        choiceReason: 'a software-emulated GPU, still faster than plain JavaScript',
      });
    }
  }
  const cpu = await startBackend('cpu', env);
  if (cpu.ok) {
    releaseAll(softwareGpus, env);
    return chosenBackendInfo(cpu.started, reasons, env);
  }
  reasons.push(`CPU unavailable: ${cpu.reason}`);
  throw new Error(`No TensorFlow.js backend could start. ${reasons.join('; ')}`);
}

/**
 * `auto` picks as above; a forced backend walks the chain from there. A forced backend that
 * fails still falls back (a page that trains beats a page that refuses), and the badge says why.
 */
export async function selectBackend(
  preference: BackendPreference,
  env: BackendEnvironment,
  options: SelectionOptions = DEFAULT_OPTIONS,
): Promise<BackendInfo> {
  if (preference === 'auto') return selectAutomatically(env, options);
  const reasons: string[] = [];
  for (const name of BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(preference))) {
    const attempt = await startBackend(name, env);
    if (attempt.ok) return chosenBackendInfo(attempt.started, reasons, env);
    reasons.push(`${backendDisplayName(name)} unavailable: ${attempt.reason}`);
  }
  throw new Error(`No TensorFlow.js backend could start. ${reasons.join('; ')}`);
}
