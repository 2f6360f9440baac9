// The training loops timed against each other: the app loop, fit + onBatchEnd and plain fit on
// one workload (throughput), and the app loop across workloads (batch and training-set sizes).
// Both interleave their epochs so load drift on a shared machine hits everything alike.

import type { EpochSample, ScalingPoint, ThroughputResult, Variant, Workload } from './protocol';
import { VARIANTS } from './protocol';
import { createRunner, type Runner } from './variants';
import { loadData, log, reportProgress, timedEpoch } from './workerShared';

export async function throughput(request: {
  workload: Workload;
  warmupEpochs: number;
  rounds: number;
}): Promise<ThroughputResult> {
  const data = await loadData(request.workload);
  const runners = VARIANTS.map((variant) =>
    createRunner(variant, data, request.workload, reportProgress),
  );
  const empty = () => ({ app: [], fitCallback: [], fit: [] }) as Record<Variant, EpochSample[]>;
  const result: ThroughputResult = { warmup: empty(), rounds: empty(), order: [] };
  try {
    // The app warms up first, so its first epoch pays for compiling the shared shaders.
    for (const runner of runners) {
      for (let epoch = 0; epoch < request.warmupEpochs; epoch++) {
        result.warmup[runner.variant].push(await timedEpoch(runner));
      }
      log(
        `warm-up ${runner.variant}: ${result.warmup[runner.variant].map((s) => s.ms.toFixed(0)).join(', ')} ms`,
      );
    }
    for (let round = 0; round < request.rounds; round++) {
      // Rotate the order each round so drift (thermal, other load) hits every variant alike.
      const order = runners.map((_, i) => runners[(i + round) % runners.length]);
      result.order.push(order.map((runner) => runner.variant));
      for (const runner of order) result.rounds[runner.variant].push(await timedEpoch(runner));
      log(
        `round ${round + 1}/${request.rounds}: ` +
          order
            .map((r) => {
              const s = result.rounds[r.variant][round];
              return `${r.variant} ${((s.images * 1000) / s.ms).toFixed(1)} img/s`;
            })
            .join(', '),
      );
    }
  } finally {
    for (const runner of runners) runner.dispose();
  }
  return result;
}

/**
 * The app loop on each workload: a first epoch each (compiles), then `steadyEpochs` rounds in
 * which every workload trains one epoch, order rotated per round, so load drift on a shared
 * machine spreads over all workloads instead of landing on whichever ran last.
 */
export async function scaling(
  workloads: Workload[],
  steadyEpochs: number,
): Promise<ScalingPoint[]> {
  const runners: Runner[] = [];
  try {
    for (const workload of workloads) {
      runners.push(createRunner('app', await loadData(workload), workload, reportProgress));
    }
    const points: ScalingPoint[] = [];
    for (const [i, runner] of runners.entries()) {
      const { trainSize, batchSize } = workloads[i];
      points.push({ trainSize, batchSize, first: await timedEpoch(runner), steady: [] });
      log(
        `scaling train ${trainSize} batch ${batchSize}: first ${points[i].first.ms.toFixed(0)} ms`,
      );
    }
    for (let round = 0; round < steadyEpochs; round++) {
      for (let k = 0; k < runners.length; k++) {
        const i = (k + round) % runners.length;
        points[i].steady.push(await timedEpoch(runners[i]));
      }
      log(
        `scaling round ${round + 1}/${steadyEpochs}: ` +
          points
            .map((p) => `${p.trainSize}/${p.batchSize} ${p.steady[round].ms.toFixed(0)} ms`)
            .join(', '),
      );
    }
    return points;
  } finally {
    for (const runner of runners) runner.dispose();
  }
}
