// Starting one backend: asks the environment for it, and either says why it could not start
// (in words the badge shows) or describes what started — its adapter, what kind of GPU that
// adapter showed itself to be (backendAdapter.ts), and the wasm/WebGL details the badge needs.

import { classifyAdapter } from './backendAdapter';
import { backendDisplayName } from './backendDisplay';
import type { BackendEnvironment, WebGpuAdapterInfo } from './backendEnvironment';
import type { AdapterKind, BackendInfo, BackendName } from '../types';

/** A backend that started, with what the badge needs to know about it. */
export interface Started {
  name: BackendName;
  adapter: string;
  /** webgpu/webgl: only `hardware` may win `auto` untimed. Null for wasm and cpu. */
  kind: AdapterKind | null;
  details: Partial<BackendInfo>;
}

export type Attempt = { ok: true; started: Started } | { ok: false; reason: string };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asking for the adapter ourselves gives a precise reason and spares tfjs a noisy failed init. */
async function webGpuAdapter(
  env: BackendEnvironment,
): Promise<{ adapter: WebGpuAdapterInfo } | { reason: string }> {
  if (!env.hasWebGpuApi())
    return { reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  let adapter: WebGpuAdapterInfo | null;
  try {
    adapter = await env.requestWebGpuAdapter();
  } catch (error) {
    return { reason: `requesting a WebGPU adapter failed (${errorText(error)})` };
  }
  if (adapter === null) {
    return { reason: 'WebGPU returned no adapter (WebGPU is off, or this GPU is not supported)' };
  }
  return { adapter };
}

export async function startBackend(name: BackendName, env: BackendEnvironment): Promise<Attempt> {
  let adapter: WebGpuAdapterInfo | null = null;
  let details: Partial<BackendInfo> = {};
  if (name === 'webgpu') {
    const found = await webGpuAdapter(env);
    if ('reason' in found) return { ok: false, reason: found.reason };
    adapter = found.adapter;
  }
  if (name === 'wasm') {
    const support = await env.wasmSupport();
    if (!support.simd) return { ok: false, reason: 'this browser has no WebAssembly SIMD' };
    details = { simd: true, crossOriginIsolated: support.crossOriginIsolated };
  }
  const failed = `the ${backendDisplayName(name)} backend failed to initialise`;
  try {
    if (!(await env.setBackend(name))) return { ok: false, reason: failed };
  } catch (error) {
    return { ok: false, reason: `${failed} (${errorText(error)})` };
  }
  let description = adapter?.description ?? '';
  try {
    description = env.describeActive(name) || description;
  } catch {
    // A missing debug extension only costs the description, never the backend.
  }
  if (name === 'webgl') details = { halfFloat: env.webglHalfFloat() };
  if (name === 'wasm') details = { ...details, threads: env.wasmThreads() };
  const gpu = name === 'webgpu' || name === 'webgl';
  const kind = gpu
    ? classifyAdapter({
        description,
        isFallbackAdapter: adapter?.isFallbackAdapter ?? false,
        masked: name === 'webgl' && env.webglRendererMasked(),
      })
    : null;
  return { ok: true, started: { name, adapter: description || 'unknown', kind, details } };
}

/** The BackendInfo of the backend chosen, with every reason the ones before it were passed over. */
export function chosenBackendInfo(
  started: Started,
  reasons: readonly string[],
  env: BackendEnvironment,
  extra: Partial<BackendInfo> = {},
): BackendInfo {
  return {
    name: started.name,
    adapter: started.adapter,
    fallbackReason: reasons.length === 0 ? null : reasons.join('; '),
    tfjsVersion: env.tfjsVersion,
    ...(started.kind !== null
      ? { softwareEmulated: started.kind === 'software', adapterKind: started.kind }
      : {}),
    ...started.details,
    ...extra,
  };
}
