// Backend selection: WebGPU first, then WebGL, then CPU — each step recorded with a reason a
// person can read. The environment is injected so the decision logic runs in Node tests.

import type { BackendInfo, BackendName, BackendPreference } from './types';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

const DISPLAY_NAME: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' };

export interface BackendEnvironment {
  /** Whether `navigator.gpu` exists at all. */
  hasWebGpuApi(): boolean;
  /** `navigator.gpu.requestAdapter()`, described; null when the browser returns no adapter. */
  requestWebGpuAdapter(): Promise<string | null>;
  /** `tf.setBackend(name)`: false or a throw means the backend could not start. */
  setBackend(name: BackendName): Promise<boolean>;
  /** Adapter/renderer description of the backend now active (e.g. the WebGL renderer string). */
  describeActive(name: BackendName): string;
  tfjsVersion: string;
}

type Attempt = { ok: true; adapter: string | null } | { ok: false; reason: string };

async function tryBackend(name: BackendName, env: BackendEnvironment): Promise<Attempt> {
  let adapter: string | null = null;
  if (name === 'webgpu') {
    // Asking for the adapter ourselves gives a precise reason and spares tfjs a noisy failed init.
    if (!env.hasWebGpuApi())
      return { ok: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
    try {
      adapter = await env.requestWebGpuAdapter();
    } catch (error) {
      return { ok: false, reason: `requesting a WebGPU adapter failed (${errorText(error)})` };
    }
    if (adapter === null) {
      return {
        ok: false,
        reason: 'WebGPU returned no adapter (WebGPU is off, or this GPU is not supported)',
      };
    }
  }
  try {
    if (!(await env.setBackend(name))) {
      return { ok: false, reason: `the ${DISPLAY_NAME[name]} backend failed to initialise` };
    }
  } catch (error) {
    return {
      ok: false,
      reason: `the ${DISPLAY_NAME[name]} backend failed to initialise (${errorText(error)})`,
    };
  }
  return { ok: true, adapter };
}

/**
 * Walks the chain from the preferred backend onwards. A forced backend that fails still falls
 * back (a page that trains beats a page that refuses), and the badge says why.
 */
export async function selectBackend(
  preference: BackendPreference,
  env: BackendEnvironment,
): Promise<BackendInfo> {
  const start = preference === 'auto' ? 0 : BACKEND_ORDER.indexOf(preference);
  const chain = BACKEND_ORDER.slice(start);
  const reasons: string[] = [];
  for (const name of chain) {
    const attempt = await tryBackend(name, env);
    if (attempt.ok) {
      let adapter = attempt.adapter ?? '';
      try {
        adapter = env.describeActive(name) || adapter;
      } catch {
        // A missing debug extension only costs the description, never the backend.
      }
      return {
        name,
        adapter: adapter || 'unknown',
        fallbackReason: reasons.length === 0 ? null : reasons.join('; '),
        tfjsVersion: env.tfjsVersion,
      };
    }
    reasons.push(`${DISPLAY_NAME[name]} unavailable: ${attempt.reason}`);
  }
  throw new Error(`No TensorFlow.js backend could start. ${reasons.join('; ')}`);
}

export function backendDisplayName(name: BackendName): string {
  return DISPLAY_NAME[name];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
