// The real BackendEnvironment: navigator.gpu and tf.setBackend inside the worker.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendEnvironment } from '../core/backend';
import type { BackendName } from '../core/types';

let adapterDescription = '';

function describeAdapter(adapter: GPUAdapter): string {
  const info = adapter.info;
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return [...new Set(parts)].join(' ') || 'WebGPU adapter';
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

export const tfEnvironment: BackendEnvironment = {
  hasWebGpuApi: () => typeof navigator !== 'undefined' && 'gpu' in navigator && !!navigator.gpu,
  async requestWebGpuAdapter() {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return null;
    adapterDescription = describeAdapter(adapter);
    return adapterDescription;
  },
  setBackend: (name: BackendName) => tf.setBackend(name),
  describeActive(name: BackendName) {
    if (name === 'webgpu') return adapterDescription;
    if (name === 'webgl') return webglRenderer();
    return 'JavaScript (no GPU)';
  },
  tfjsVersion: tf.version.tfjs,
};
