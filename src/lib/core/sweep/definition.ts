// A sweep is arms × seeds. The arms come from the `sweep` setting (a preset or a grid of one or
// two settings); the seeds from `seed` and `seeds`. Each run's full settings are the base with
// its arm's overrides and its seed, and runs are ordered by (arm, seed) wherever they are listed,
// run or merged, so a sweep is one list whatever the pool size.

import { SETTINGS, type Settings, type SweepSpec } from '../../settings';
import { type Arm, PRESETS } from './presets';

export type { Arm } from './presets';

/** One run of a sweep, in (arm, seed) order. */
export interface SweepRun {
  /** Position in (arm, seed) order: armIndex · seeds.length + seedIndex. */
  index: number;
  armIndex: number;
  seedIndex: number;
  arm: Arm;
  seed: number;
  /** base ⊕ arm overrides ⊕ seed, with the sweep keys reset: a run is never itself a sweep. */
  settings: Settings;
}

export interface SweepDefinition {
  /** The settings every arm starts from (its `sweep`, `seeds` and `pool` define the sweep). */
  base: Settings;
  arms: readonly Arm[];
  /** Seed values in order; arms are compared seed by seed. */
  seeds: readonly number[];
  /** The arm the others are compared to: the first (plain cross-entropy; a grid's first value). */
  reference: string;
}

/** How an override is written in an arm's name: the setting as a link writes it. */
function written(key: keyof Settings, value: unknown): string {
  return `${key}=${(SETTINGS[key].format as (value: unknown) => string)(value)}`;
}

/** Every combination of the axes' values, the first axis slowest, as arms. */
export function gridArms(spec: Extract<SweepSpec, { kind: 'grid' }>): Arm[] {
  let combos: [keyof Settings, unknown][][] = [[]];
  for (const axis of spec.axes) {
    const key = axis.key as keyof Settings;
    combos = combos.flatMap((combo) =>
      axis.values.map((value): [keyof Settings, unknown][] => [...combo, [key, value]]),
    );
  }
  return combos.map((combo) => {
    const name = combo.map(([key, value]) => written(key, value)).join(',');
    return {
      name,
      label: combo.map(([key, value]) => written(key, value).replace('=', ' ')).join(', '),
      overrides: Object.fromEntries(combo) as Partial<Settings>,
    };
  });
}

/** The arms a `sweep` setting asks for; none when it is off. */
export function sweepArms(spec: SweepSpec): readonly Arm[] {
  if (spec.kind === 'off') return [];
  if (spec.kind === 'grid') return gridArms(spec);
  const preset = PRESETS[spec.preset];
  return 'kind' in preset ? sweepArms(preset) : preset;
}

/**
 * The seeds seed, seed + 1, …, seed + count − 1, moved down when they would pass the seed's
 * maximum, so every run's seed is one a link can hold.
 */
export function sweepSeeds(seed: number, count: number): number[] {
  const control = SETTINGS.seed.control;
  const highest = control.kind === 'integer' ? control.max : Number.MAX_SAFE_INTEGER;
  const first = Math.min(seed, highest - count + 1);
  return Array.from({ length: count }, (_, k) => first + k);
}

/** The sweep the settings define: their `sweep` arms × `seeds` seeds from `seed` on. */
export function sweepDefinition(settings: Settings): SweepDefinition {
  const arms = sweepArms(settings.sweep);
  return {
    base: settings,
    arms,
    seeds: sweepSeeds(settings.seed, settings.seeds),
    reference: arms[0]?.name ?? '',
  };
}

const NOT_A_SWEEP = {
  sweep: SETTINGS.sweep.default,
  seeds: SETTINGS.seeds.default,
  pool: SETTINGS.pool.default,
};

/** One run's settings: base ⊕ arm overrides ⊕ seed. */
export function runSettings(base: Settings, arm: Arm, seed: number): Settings {
  return { ...base, ...arm.overrides, seed, ...NOT_A_SWEEP };
}

/** Every run, in (arm, seed) order. */
export function sweepRuns(definition: SweepDefinition): SweepRun[] {
  const { arms, seeds, base } = definition;
  return arms.flatMap((arm, armIndex) =>
    seeds.map((seed, seedIndex) => ({
      index: armIndex * seeds.length + seedIndex,
      armIndex,
      seedIndex,
      arm,
      seed,
      settings: runSettings(base, arm, seed),
    })),
  );
}

/** Orders anything that names an arm and a seed by (arm, seed) as the definition lists them. */
export function compareRuns(
  definition: Pick<SweepDefinition, 'arms' | 'seeds'>,
): (a: { arm: string; seed: number }, b: { arm: string; seed: number }) => number {
  const armOrder = new Map(definition.arms.map((arm, index) => [arm.name, index]));
  const seedOrder = new Map(definition.seeds.map((seed, index) => [seed, index]));
  const rank = (run: { arm: string; seed: number }) =>
    (armOrder.get(run.arm) ?? definition.arms.length) * (definition.seeds.length + 1) +
    (seedOrder.get(run.seed) ?? definition.seeds.length);
  return (a, b) => rank(a) - rank(b);
}
