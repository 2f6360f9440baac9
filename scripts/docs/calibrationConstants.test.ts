// The constants docs/reliability.md and docs/panels.md quote for how the calibration figures are
// computed, against the constants the code computes them with: bins, the warning's threshold,
// the ECE band's bootstrap, the temperature search range, isotonic's floor and its calibration-size warning.
import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_LEVEL,
  BOOTSTRAP_METHOD,
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  BRIER_BINS,
  MAX_TEMPERATURE,
  MIN_TEMPERATURE,
  RELIABILITY_BINS,
} from '../../src/lib/core/metrics';
import { ISOTONIC_FLOOR, ISOTONIC_MIN_CALIBRATION } from '../../src/lib/core/metrics/isotonic';
import { MIN_IMAGES_PER_BIN } from '../../src/lib/state/story/eceWarning';
import { oneLine, readDoc } from './markdown';

const reliability = oneLine(readDoc('docs/reliability.md'));
const panels = oneLine(readDoc('docs/panels.md'));

describe('calibration constants in the docs', () => {
  it('the reliability diagram bins', () => {
    expect(reliability).toContain(`**${RELIABILITY_BINS} equal-width confidence bins**`);
    expect(panels).toContain(`(${RELIABILITY_BINS} equal-width confidence bins`);
  });

  it("the ECE band's level, method, resamples and seed", () => {
    expect(reliability).toContain(`**${100 * BOOTSTRAP_LEVEL} % basic-bootstrap band**`);
    expect(reliability).toContain(`(${BOOTSTRAP_RESAMPLES} resamples of the validation set`);
    expect(reliability).toContain(`fixed seed ${BOOTSTRAP_SEED},`);
    expect(reliability).toContain(`its \`method\` (\`${BOOTSTRAP_METHOD}\`)`);
    expect(panels).toContain(`**${100 * BOOTSTRAP_LEVEL} % basic-bootstrap band**`);
  });

  it("the too-few-images warning's threshold", () => {
    expect(reliability).toContain(
      `Below **${MIN_IMAGES_PER_BIN} images per bin on average** (fewer than ` +
        `${MIN_IMAGES_PER_BIN * RELIABILITY_BINS} validation images for ${RELIABILITY_BINS} bins)`,
    );
    expect(panels).toContain(`below ${MIN_IMAGES_PER_BIN} images per bin on average`);
  });

  it("the Brier decomposition's bins", () => {
    expect(reliability).toContain(`Over ${BRIER_BINS} equal-width bins`);
    expect(panels).toContain(`over ${BRIER_BINS} equal-width bins of p₁`);
  });

  it("temperature's search range and isotonic's floor and warning", () => {
    expect(reliability).toContain(`searched in [${MIN_TEMPERATURE}, ${MAX_TEMPERATURE}]`);
    expect(reliability).toContain(`kept in [${ISOTONIC_FLOOR}, ${1 - ISOTONIC_FLOOR}]`);
    expect(reliability).toContain(`Under ${ISOTONIC_MIN_CALIBRATION} calibration images`);
  });
});
