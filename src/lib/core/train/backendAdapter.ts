// What kind of GPU an adapter or renderer is, from what the browser tells: one pattern module
// for the app's backend choice and the bench (src/bench reports the kind it finds to
// scripts/bench). A GPU counts as hardware only when it positively says so — a hardware vendor
// named, not flagged as a fallback, not named as a CPU emulation, renderer not masked — because
// a hardware GPU wins `auto` untimed, and an unlisted software renderer or a masked WebGL string
// ("WebKit WebGL") must not. Everything else is timed against WASM. tf-free.

import type { AdapterKind } from '../types';

/** Names of CPU emulations of a GPU (Chrome, Mesa, Windows WARP, Apple's software renderer). */
const SOFTWARE_ADAPTER =
  /swiftshader|llvmpipe|lavapipe|softpipe|basic render driver|\bwarp\b|\bsoftware\b/i;

/**
 * Hardware GPU vendors and their brands, as WebGPU's adapter.info.vendor (e.g. "nvidia",
 * "img-tec") and unmasked WebGL renderer strings (e.g. "ANGLE (AMD, Radeon …)") name them.
 */
const HARDWARE_VENDOR =
  /\b(nvidia|geforce|quadro|amd|ati|radeon|intel|apple|qualcomm|adreno|arm|mali|img-tec|imagination|powervr|samsung|xclipse|broadcom|videocore|vivante|mediatek|nouveau)\b/i;

/** What is known of the adapter a backend runs on. */
export interface AdapterFacts {
  /** Vendor, architecture, device and description joined, or the WebGL renderer string. */
  description: string;
  /** WebGPU's adapter.info.isFallbackAdapter: the browser says it is a CPU implementation. */
  isFallbackAdapter: boolean;
  /** WebGL without WEBGL_debug_renderer_info: the renderer string hides the real GPU. */
  masked: boolean;
}

/** Whether an adapter/renderer description names a CPU emulation of a GPU. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_ADAPTER.test(description);
}

export function classifyAdapter(facts: AdapterFacts): AdapterKind {
  if (facts.isFallbackAdapter || isSoftwareRenderer(facts.description)) return 'software';
  if (facts.masked || !HARDWARE_VENDOR.test(facts.description)) return 'unverified';
  return 'hardware';
}

/** Why a GPU that is not verified hardware must race WASM, in the badge's words. */
export function notHardwareText(kind: AdapterKind, description: string): string {
  return kind === 'software'
    ? `${description} is a software (CPU) emulation`
    : `${description} is not a known hardware GPU (no hardware vendor named, or the renderer is masked)`;
}

/** The part of navigator.gpu used here, so Node tests can give a fake. */
export interface GpuLike {
  requestAdapter(options?: GPURequestAdapterOptions): Promise<AdapterLike | null>;
}
export interface AdapterLike {
  info?: Partial<Pick<GPUAdapterInfo, 'vendor' | 'architecture' | 'device' | 'description'>> & {
    isFallbackAdapter?: boolean;
  };
  /** Chrome before 2024 put the flag on the adapter itself. */
  isFallbackAdapter?: boolean;
}

/**
 * The options tfjs-backend-webgpu asks for its adapter with (its base.js: high-performance
 * unless WEBGPU_USE_LOW_POWER_GPU): on a dual-GPU machine a bare requestAdapter() may return
 * the other GPU, and the badge would describe a GPU that never trains.
 */
export function trainingAdapterOptions(lowPower: boolean): GPURequestAdapterOptions {
  return { powerPreference: lowPower ? 'low-power' : 'high-performance' };
}

/** The adapter tfjs will train on, described; null when the browser returns none. */
export async function requestTrainingAdapter(
  gpu: GpuLike,
  lowPower: boolean,
): Promise<AdapterFacts | null> {
  const adapter = await gpu.requestAdapter(trainingAdapterOptions(lowPower));
  if (!adapter) return null;
  const info = adapter.info;
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return {
    description: [...new Set(parts)].join(' ') || 'WebGPU adapter',
    isFallbackAdapter: info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true,
    masked: false,
  };
}
