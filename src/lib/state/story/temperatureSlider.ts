// The temperature slider's log scale: positions 0…SLIDER_STEPS map to T geometrically, so
// 0.5 and 2 sit equally far either side of 1. The range grows to hold a fitted T beyond it.

import { MAX_TEMPERATURE, MIN_TEMPERATURE } from '../../core/metrics';

export const SLIDER_STEPS = 1000;
const DEFAULT_MIN_T = 0.25;
const DEFAULT_MAX_T = 10;
/** A fitted T near an end gets this much room beyond it, so its mark is not at the very end. */
const HEADROOM = 1.5;

export interface TemperatureRange {
  min: number;
  max: number;
}

/** 0.25…10, widened (within the fit's search limits) to contain `fittedT` with headroom. */
export function temperatureRange(fittedT: number): TemperatureRange {
  const fitted = Number.isFinite(fittedT) && fittedT > 0 ? fittedT : 1;
  return {
    min: Math.max(MIN_TEMPERATURE, Math.min(DEFAULT_MIN_T, fitted / HEADROOM)),
    max: Math.min(MAX_TEMPERATURE, Math.max(DEFAULT_MAX_T, fitted * HEADROOM)),
  };
}

/** Slider position (a whole number in 0…SLIDER_STEPS) nearest to T; T outside the range clamps. */
export function temperatureToSlider(T: number, range: TemperatureRange): number {
  const fraction = Math.log(T / range.min) / Math.log(range.max / range.min);
  return Math.min(SLIDER_STEPS, Math.max(0, Math.round(fraction * SLIDER_STEPS)));
}

/**
 * T at a slider position. At the position a mark (T = 1, the fitted T) rounds to, it returns
 * the mark exactly, so the slider can land on "as trained" and on the fit despite rounding.
 */
export function sliderToTemperature(
  position: number,
  range: TemperatureRange,
  marks: readonly number[] = [],
): number {
  const fraction = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  const T = range.min * Math.pow(range.max / range.min, fraction);
  for (const mark of marks) {
    if (temperatureToSlider(mark, range) === position) return mark;
  }
  return T;
}
