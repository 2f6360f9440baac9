import { describe, expect, it } from 'vitest';
import {
  SLIDER_STEPS,
  sliderToTemperature,
  temperatureRange,
  temperatureToSlider,
} from './temperatureSlider';

describe('temperatureRange', () => {
  it('is 0.25…10 for an ordinary fit and widens for an extreme one', () => {
    expect(temperatureRange(2.3)).toEqual({ min: 0.25, max: 10 });
    expect(temperatureRange(40)).toEqual({ min: 0.25, max: 60 });
    expect(temperatureRange(100).max).toBe(100);
    expect(temperatureRange(0.1).min).toBeCloseTo(0.1 / 1.5, 12);
    expect(temperatureRange(Number.NaN)).toEqual({ min: 0.25, max: 10 });
  });
});

describe('slider ↔ temperature', () => {
  const range = { min: 0.25, max: 10 };

  it('is logarithmic: ends map to the range, 1 sits where ln says', () => {
    expect(sliderToTemperature(0, range)).toBeCloseTo(0.25, 12);
    expect(sliderToTemperature(SLIDER_STEPS, range)).toBeCloseTo(10, 12);
    const one = temperatureToSlider(1, range);
    expect(one).toBe(Math.round((Math.log(4) / Math.log(40)) * SLIDER_STEPS));
    // Halving and doubling T move the slider by the same distance.
    expect(one - temperatureToSlider(0.5, range)).toBe(temperatureToSlider(2, range) - one);
  });

  it('round-trips within one step and clamps outside the range', () => {
    for (const T of [0.3, 1.7, 2.31, 9.5]) {
      const back = sliderToTemperature(temperatureToSlider(T, range), range);
      expect(Math.abs(Math.log(back / T))).toBeLessThan(Math.log(40) / SLIDER_STEPS);
    }
    expect(temperatureToSlider(50, range)).toBe(SLIDER_STEPS);
    expect(temperatureToSlider(0.01, range)).toBe(0);
  });

  it('snaps to a mark at the mark’s own position', () => {
    const fitted = 2.3456;
    const position = temperatureToSlider(fitted, range);
    expect(sliderToTemperature(position, range, [1, fitted])).toBe(fitted);
    expect(sliderToTemperature(temperatureToSlider(1, range), range, [1, fitted])).toBe(1);
    expect(sliderToTemperature(position + 1, range, [1, fitted])).not.toBe(fitted);
  });
});
