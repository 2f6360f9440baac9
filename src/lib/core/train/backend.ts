// Backend selection: WebGPU → WebGL → WASM → CPU, each step recorded with a reason a person
// can read. A hardware GPU wins outright; a GPU that is really a CPU emulation (SwiftShader,
// llvmpipe, …) only wins if it trains faster than WebAssembly, measured on the selected model
// and cached per browser. The environment is injected so the decision logic runs in Node tests.

import type {
  BackendCandidate,
  BackendInfo,
  BackendName,
  BackendPreference,
  ModelPreset,
} from '../types';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

const DISPLAY_NAME: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** All candidates' timing together stays under this (the issue's bound). */
export const MEASURE_BUDGET_MS = 3000;

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

/**
 * The default preset (model.ts DEFAULT_MODEL_PRESET), timed when the caller names none. Not
 * imported: model.ts imports TensorFlow.js, and the page imports this module.
 */
const DEFAULT_OPTIONS: SelectionOptions = { model: 'wide' };

/** A backend that started, with what the badge needs to know about it. */
interface Started {
  name: BackendName;
  adapter: string;
  softwareEmulated: boolean;
  details: Partial<BackendInfo>;
}

type Attempt = { ok: true; started: Started } | { ok: false; reason: string };

/** Whether an adapter/renderer description names a CPU emulation of a GPU. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

async function start(name: BackendName, env: BackendEnvironment): Promise<Attempt> {
  let adapter: WebGpuAdapterInfo | null = null;
  let details: Partial<BackendInfo> = {};
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
  if (name === 'wasm') {
    const support = await env.wasmSupport();
    if (!support.simd) return { ok: false, reason: 'this browser has no WebAssembly SIMD' };
    details = { simd: true, crossOriginIsolated: support.crossOriginIsolated };
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
  let description = adapter?.description ?? '';
  try {
    description = env.describeActive(name) || description;
  } catch {
    // A missing debug extension only costs the description, never the backend.
  }
  if (name === 'webgl') details = { halfFloat: env.webglHalfFloat() };
  if (name === 'wasm') details = { ...details, threads: env.wasmThreads() };
  const softwareEmulated =
    (name === 'webgpu' || name === 'webgl') &&
    ((adapter?.isFallbackAdapter ?? false) || isSoftwareRenderer(description));
  return {
    ok: true,
    started: { name, adapter: description || 'unknown', softwareEmulated, details },
  };
}

function info(
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
    ...(started.name === 'webgpu' || started.name === 'webgl'
      ? { softwareEmulated: started.softwareEmulated }
      : {}),
    ...started.details,
    ...extra,
  };
}

/** The cache key: the same browser, model and candidates (adapters, threads) measure alike. */
export function speedCacheKey(
  model: ModelPreset,
  candidates: readonly Started[],
  env: Pick<BackendEnvironment, 'userAgent' | 'tfjsVersion'>,
): string {
  const described = candidates.map(
    (candidate) =>
      `${candidate.name}:${candidate.adapter}` +
      (candidate.details.threads ? `:${candidate.details.threads} threads` : ''),
  );
  return [env.userAgent, `tfjs ${env.tfjsVersion}`, model, ...described].join('|');
}

function candidateLabel(started: Started): string {
  return started.name === 'wasm'
    ? `WASM (${started.details.threads ?? 1} thread${started.details.threads === 1 ? '' : 's'})`
    : `${DISPLAY_NAME[started.name]} (${started.adapter})`;
}

const rate = (imagesPerSecond: number) =>
  `${imagesPerSecond.toFixed(imagesPerSecond < 10 ? 1 : 0)} images/s`;

/**
 * Times the software GPU candidates against WASM (or reads the cached timing) and keeps the
 * fastest.
 */
async function fastest(
  softwareGpus: readonly Started[],
  wasm: Started,
  reasons: string[],
  env: BackendEnvironment,
  options: SelectionOptions,
): Promise<BackendInfo> {
  const candidates = [...softwareGpus, wasm];
  const key = speedCacheKey(options.model, candidates, env);
  // WASM first: a software GPU still busy in the background (a probe cut short) uses the CPU.
  const timingOrder = [wasm, ...softwareGpus];
  let speeds = await env.readSpeeds(key).catch(() => null);
  const cached = speeds !== null && candidates.every((c) => typeof speeds?.[c.name] === 'number');
  const failed = new Set<BackendName>();
  if (!cached) {
    speeds = {};
    const budgetMs = MEASURE_BUDGET_MS / candidates.length;
    for (const candidate of timingOrder) {
      try {
        if (!(await env.setBackend(candidate.name))) throw new Error('it failed to initialise');
        speeds[candidate.name] = await env.measureTraining(candidate.name, options.model, budgetMs);
      } catch (error) {
        reasons.push(
          `${DISPLAY_NAME[candidate.name]} skipped: timing it failed (${errorText(error)})`,
        );
        failed.add(candidate.name);
        speeds[candidate.name] = 0;
      }
    }
    // A failed timing is not a speed: the next start times again.
    if (failed.size === 0) await env.writeSpeeds(key, speeds).catch(() => undefined);
  }
  const measured: BackendCandidate[] = candidates.map((candidate) => ({
    name: candidate.name,
    label: candidateLabel(candidate),
    imagesPerSecond: speeds?.[candidate.name] ?? 0,
  }));
  // From WASM's entry: a tie (or every timing failing) keeps the backend that is not emulating.
  const best = measured.reduce(
    (winner, next) => (next.imagesPerSecond > winner.imagesPerSecond ? next : winner),
    measured[measured.length - 1],
  );
  const startedAs = (name: BackendName) =>
    candidates.find((candidate) => candidate.name === name) ?? wasm;
  const adapterOf = (name: BackendName) => startedAs(name).adapter;
  const winner = startedAs(best.name);
  for (const loser of measured.filter((c) => c !== best && !failed.has(c.name))) {
    if (loser.name === 'wasm') {
      reasons.push(
        `WASM skipped: ${best.label} trained faster (${rate(best.imagesPerSecond)} vs ${rate(loser.imagesPerSecond)})`,
      );
    } else {
      reasons.push(
        `${DISPLAY_NAME[loser.name]} skipped: ${adapterOf(loser.name)} is a software ` +
          `(CPU) emulation, and ${best.label} trained faster (${rate(best.imagesPerSecond)} vs ${rate(loser.imagesPerSecond)})`,
      );
    }
  }
  if (!(await env.setBackend(winner.name))) {
    throw new Error(`${DISPLAY_NAME[winner.name]} failed to initialise again after timing`);
  }
  const how = cached ? 'measured earlier in this browser' : 'measured just now';
  return info(winner, reasons, env, {
    candidates: measured,
    choiceReason: `fastest of ${measured.length} for the ${options.model} model (${how})`,
  });
}

/** `auto`: a hardware GPU wins outright; software GPUs must beat WASM on the clock. */
async function selectAutomatically(
  env: BackendEnvironment,
  options: SelectionOptions,
): Promise<BackendInfo> {
  const reasons: string[] = [];
  const softwareGpus: Started[] = [];
  for (const name of ['webgpu', 'webgl'] as const) {
    const attempt = await start(name, env);
    if (!attempt.ok) {
      reasons.push(`${DISPLAY_NAME[name]} unavailable: ${attempt.reason}`);
    } else if (!attempt.started.softwareEmulated) {
      return info(attempt.started, reasons, env, {
        choiceReason: `a hardware GPU (${attempt.started.adapter})`,
      });
    } else {
      softwareGpus.push(attempt.started);
    }
  }
  const wasm = await start('wasm', env);
  if (wasm.ok && softwareGpus.length > 0) {
    return fastest(softwareGpus, wasm.started, reasons, env, options);
  }
  if (wasm.ok) {
    return info(wasm.started, reasons, env, {
      choiceReason: 'no GPU backend, and WebAssembly trains far faster than plain JavaScript',
    });
  }
  reasons.push(`WASM unavailable: ${wasm.reason}`);
  // No WASM: the first software GPU that still starts beats plain JavaScript.
  for (const gpu of softwareGpus) {
    if (await env.setBackend(gpu.name).catch(() => false)) {
      return info(gpu, reasons, env, {
        choiceReason: 'a software-emulated GPU, still faster than plain JavaScript',
      });
    }
  }
  const cpu = await start('cpu', env);
  if (cpu.ok) return info(cpu.started, reasons, env);
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
    const attempt = await start(name, env);
    if (attempt.ok) return info(attempt.started, reasons, env);
    reasons.push(`${DISPLAY_NAME[name]} unavailable: ${attempt.reason}`);
  }
  throw new Error(`No TensorFlow.js backend could start. ${reasons.join('; ')}`);
}

export function backendDisplayName(name: BackendName): string {
  return DISPLAY_NAME[name];
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

/**
 * Lines the badge shows beside the backend's name: threads, precision, emulation, measurements.
 * Pure, so the wording is tested in Node.
 */
export function backendNotes(backend: BackendInfo): string[] {
  const notes: string[] = [];
  if (backend.name === 'wasm') {
    const threads = backend.threads ?? 1;
    notes.push(
      threads > 1
        ? `${threads} threads, SIMD`
        : backend.crossOriginIsolated === false
          ? '1 thread, SIMD: the page is not cross-origin isolated (no COOP/COEP headers yet; reload once the offline worker is installed)'
          : '1 thread, SIMD (TensorFlow.js uses half the logical cores: threads need 4 or more)',
    );
  }
  if (backend.softwareEmulated) notes.push('software-emulated GPU (runs on the CPU)');
  if (backend.halfFloat) {
    notes.push('half-float (16-bit) WebGL textures: numbers differ from float32 backends');
  }
  if (backend.candidates && backend.candidates.length > 0) {
    notes.push(
      'measured: ' +
        backend.candidates.map((c) => `${c.label} ${rate(c.imagesPerSecond)}`).join(', '),
    );
  }
  if (backend.choiceReason) notes.push(`Why: ${backend.choiceReason}`);
  return notes;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
