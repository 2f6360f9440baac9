// Notices when the GPU behind the active backend goes away — a WebGPU device lost (driver reset,
// some systems when a tab is backgrounded) or a lost WebGL context — and can cause exactly that
// on purpose, for the end-to-end tests' fault injection (app/testHooks.ts).

import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../core/types';

export interface DeviceLoss {
  backend: BackendName;
  /** What the browser said, in its words (may be empty). */
  detail: string;
}

/** How long a deliberate loss may take to be reported before we report it ourselves. */
const LOSS_REPORT_TIMEOUT_MS = 5_000;

interface WebGpuBackendLike {
  device?: GPUDevice;
}
interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

export class DeviceWatch {
  #lost: DeviceLoss | null = null;
  #listeners: ((loss: DeviceLoss) => void)[] = [];
  readonly backend: BackendName;

  constructor(backend: BackendName) {
    this.backend = backend;
    if (backend === 'webgpu') {
      const device = (tf.backend() as unknown as WebGpuBackendLike).device;
      void device?.lost.then((info) => this.#report(info.message || info.reason || ''));
    } else if (backend === 'webgl') {
      const canvas = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl?.canvas;
      canvas?.addEventListener('webglcontextlost', () => this.#report('WebGL context lost'));
    }
  }

  /** The loss, once one happened; training must stop and move to another backend. */
  get lost(): DeviceLoss | null {
    if (this.#lost === null && this.backend === 'webgl') {
      // The event is queued as a task; the flag on the context is already set.
      const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
      if (gl?.isContextLost()) this.#report('WebGL context lost');
    }
    return this.#lost;
  }

  /** Resolves when the device is lost (at once if it already is). */
  whenLost(): Promise<DeviceLoss> {
    const lost = this.lost;
    if (lost) return Promise.resolve(lost);
    return new Promise((resolve) => this.#listeners.push(resolve));
  }

  /**
   * Testing aid: destroys the WebGPU device or loses the WebGL context, then waits for the
   * browser to report it. Returns false on the CPU backend (nothing to lose).
   */
  async inject(): Promise<boolean> {
    if (this.backend === 'webgpu') {
      (tf.backend() as unknown as WebGpuBackendLike).device?.destroy();
    } else if (this.backend === 'webgl') {
      const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } else {
      return false;
    }
    const timeout = new Promise<DeviceLoss>((resolve) =>
      setTimeout(
        () => resolve({ backend: this.backend, detail: 'injected (no loss event seen)' }),
        LOSS_REPORT_TIMEOUT_MS,
      ),
    );
    const loss = await Promise.race([this.whenLost(), timeout]);
    if (this.#lost === null) this.#report(loss.detail);
    return true;
  }

  #report(detail: string): void {
    if (this.#lost) return;
    this.#lost = { backend: this.backend, detail };
    for (const listener of this.#listeners.splice(0)) listener(this.#lost);
  }
}
