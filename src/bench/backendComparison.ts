// The backends side by side on one workload: each forced in turn (no fallback), the app loop's
// epochs and validation timed on it, plus one wasm step's kernels, what `auto` would pick and
// the model's FLOPs (for GFLOP/s).

import { selectBackend } from '../lib/core/train/backend';
import type { BackendName } from '../lib/core/types';
import { tfEnvironment } from '../lib/worker/train/tfEnvironment';
import { modelFlops } from './flops';
import { kernelProfile } from './probes';
import type { BackendComparison, BackendRun, Workload } from './protocol';
import { createRunner } from './variants';
import { loadData, log, reportProgress, timedEpochAndValidation } from './workerShared';

/** One backend of the comparison: forced (no fallback), a warm-up epoch, then `epochs`. */
async function runOn(name: BackendName, workload: Workload, epochs: number): Promise<BackendRun> {
  const run: BackendRun = { name, info: null, warmup: null, epochs: [], validationMs: [] };
  const info = await selectBackend(name, tfEnvironment, { model: workload.model });
  if (info.name !== name) return { ...run, reason: info.fallbackReason ?? `got ${info.name}` };
  run.info = info;
  // Loaded after the switch, so the tensors live on this backend.
  const runner = createRunner('app', await loadData(workload), workload, reportProgress);
  try {
    for (let epoch = 0; epoch <= epochs; epoch++) {
      const { sample, validationMs } = await timedEpochAndValidation(runner);
      if (epoch === 0) {
        run.warmup = sample;
        continue;
      }
      run.epochs.push(sample);
      run.validationMs.push(validationMs);
    }
    const rates = run.epochs.map((s) => ((s.images * 1000) / s.ms).toFixed(1));
    log(`${name}: ${rates.join(', ')} images/s`);
  } finally {
    runner.dispose();
  }
  return run;
}

export async function compareBackends(request: {
  backends: BackendName[];
  workload: Workload;
  epochs: number;
}): Promise<BackendComparison> {
  const { workload } = request;
  const runs: BackendRun[] = [];
  for (const name of request.backends) runs.push(await runOn(name, workload, request.epochs));
  let wasmStep = null;
  if (runs.some((run) => run.name === 'wasm' && run.info)) {
    await selectBackend('wasm', tfEnvironment);
    // One epoch of one batch: one training step.
    [wasmStep] = await kernelProfile([{ ...workload, trainSize: workload.batchSize }]);
  }
  const auto = await selectBackend('auto', tfEnvironment, { model: workload.model });
  return { workload, auto, runs, wasmStep, flops: modelFlops(workload.model) };
}
