// The timed race between GPUs not verified as hardware and WASM: each candidate trains a few warm
// steps of the run's model within a shared budget (or the timing cached for this browser and
// build is read), the fastest complete timing is kept, every loser gets a reason the badge can
// show and is released. A timing that failed or overran its slice is no speed: it never wins
// and is never cached.

import { notHardwareText } from './backendAdapter';
import { backendDisplayName, imagesPerSecondText } from './backendDisplay';
import type { BackendEnvironment, MeasuredSpeeds, SelectionOptions } from './backendEnvironment';
import { chosenBackendInfo, errorText, type Started } from './backendStart';
import type { BackendCandidate, BackendInfo, BackendName, ModelPreset } from '../types';

/** All candidates' timing together stays under this (the issue's bound). */
export const MEASURE_BUDGET_MS = 3000;

/**
 * The cache key: the same browser, build, model and candidates (adapters, threads) measure
 * alike. The app's version is in it because a new build may change the kernels timed.
 */
export function speedCacheKey(
  model: ModelPreset,
  candidates: readonly Started[],
  env: Pick<BackendEnvironment, 'userAgent' | 'tfjsVersion' | 'appVersion'>,
): string {
  const described = candidates.map(
    (candidate) =>
      `${candidate.name}:${candidate.adapter}` +
      (candidate.details.threads ? `:${candidate.details.threads} threads` : ''),
  );
  return [
    env.userAgent,
    `tfjs ${env.tfjsVersion}`,
    `app ${env.appVersion}`,
    model,
    ...described,
  ].join('|');
}

/** Frees backends that started and lost (each never the active one: the env checks). */
export function releaseAll(losers: readonly Started[], env: BackendEnvironment): void {
  for (const loser of losers) {
    try {
      env.releaseBackend(loser.name);
    } catch {
      // Freeing early is a courtesy: a backend that cannot be freed now is freed with the worker.
    }
  }
}

function candidateLabel(started: Started): string {
  return started.name === 'wasm'
    ? `WASM (${started.details.threads ?? 1} thread${started.details.threads === 1 ? '' : 's'})`
    : `${backendDisplayName(started.name)} (${started.adapter})`;
}

/**
 * Times every candidate, WASM first: a software GPU still busy in the background (a probe cut
 * short) uses the CPU. A candidate whose timing fails or overruns reads 0 images/s, is named in
 * `reasons`, and is left out of the cache.
 */
async function measureSpeeds(
  wasm: Started,
  softwareGpus: readonly Started[],
  reasons: string[],
  env: BackendEnvironment,
  model: ModelPreset,
): Promise<{ speeds: MeasuredSpeeds; failed: Set<BackendName> }> {
  const timingOrder = [wasm, ...softwareGpus];
  const speeds: MeasuredSpeeds = {};
  const failed = new Set<BackendName>();
  const budgetMs = MEASURE_BUDGET_MS / timingOrder.length;
  for (const candidate of timingOrder) {
    const name = backendDisplayName(candidate.name);
    try {
      if (!(await env.setBackend(candidate.name))) throw new Error('it failed to initialise');
      const measurement = await env.measureTraining(candidate.name, model, budgetMs);
      if (measurement.timedOut) {
        reasons.push(
          `${name} skipped: its warm-up step overran its ${Math.round(budgetMs)} ms slice ` +
            '(no speed measured; the next start times it again)',
        );
        failed.add(candidate.name);
        speeds[candidate.name] = 0;
      } else {
        speeds[candidate.name] = measurement.imagesPerSecond;
      }
    } catch (error) {
      reasons.push(`${name} skipped: timing it failed (${errorText(error)})`);
      failed.add(candidate.name);
      speeds[candidate.name] = 0;
    }
  }
  return { speeds, failed };
}

/** Why a measured candidate lost to `best`. */
function loserReason(loser: BackendCandidate, best: BackendCandidate, started: Started): string {
  const versus = `(${imagesPerSecondText(best.imagesPerSecond)} vs ${imagesPerSecondText(loser.imagesPerSecond)})`;
  return loser.name === 'wasm'
    ? `WASM skipped: ${best.label} trained faster ${versus}`
    : `${backendDisplayName(loser.name)} skipped: ${notHardwareText(started.kind ?? 'unverified', started.adapter)}, ` +
        `and ${best.label} trained faster ${versus}`;
}

/**
 * Times the GPU candidates not verified as hardware against WASM (or reads the cached timing)
 * and keeps the fastest complete timing; WASM when none beats it.
 */
export async function fastestBackend(
  softwareGpus: readonly Started[],
  wasm: Started,
  reasons: string[],
  env: BackendEnvironment,
  options: SelectionOptions,
): Promise<BackendInfo> {
  const candidates = [...softwareGpus, wasm];
  const key = speedCacheKey(options.model, candidates, env);
  let speeds = await env.readSpeeds(key).catch(() => null);
  const cached = speeds !== null && candidates.every((c) => typeof speeds?.[c.name] === 'number');
  let failed = new Set<BackendName>();
  if (!cached) {
    ({ speeds, failed } = await measureSpeeds(wasm, softwareGpus, reasons, env, options.model));
    // A failed timing is not a speed: the next start times again.
    if (failed.size === 0) await env.writeSpeeds(key, speeds).catch(() => undefined);
  }
  const measured: BackendCandidate[] = candidates.map((candidate) => ({
    name: candidate.name,
    label: candidateLabel(candidate),
    imagesPerSecond: speeds?.[candidate.name] ?? 0,
  }));
  // From WASM's entry: a tie (or every timing failing) keeps the backend that is not emulating;
  // a failed or overrun timing never wins.
  const best = measured.reduce(
    (winner, next) =>
      !failed.has(next.name) && next.imagesPerSecond > winner.imagesPerSecond ? next : winner,
    measured[measured.length - 1],
  );
  const startedAs = (name: BackendName) =>
    candidates.find((candidate) => candidate.name === name) ?? wasm;
  const winner = startedAs(best.name);
  for (const loser of measured.filter((c) => c !== best && !failed.has(c.name))) {
    reasons.push(loserReason(loser, best, startedAs(loser.name)));
  }
  if (!(await env.setBackend(winner.name))) {
    throw new Error(`${backendDisplayName(winner.name)} failed to initialise again after timing`);
  }
  releaseAll(
    candidates.filter((candidate) => candidate !== winner),
    env,
  );
  const how = cached ? 'measured earlier in this browser' : 'measured just now';
  return chosenBackendInfo(winner, reasons, env, {
    candidates: measured,
    choiceReason: `fastest of ${measured.length} for the ${options.model} model (${how})`,
  });
}
