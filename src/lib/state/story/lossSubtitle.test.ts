import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { lossSubtitle } from './lossSubtitle';

const run = (losses: number[], accuracies: number[] = losses.map(() => 0.9)) =>
  losses.map(
    (validationLoss, index) =>
      ({ epoch: index + 1, validationLoss, validationAccuracy: accuracies[index] }) as EpochMetrics,
  );

describe('the loss chart’s subtitle', () => {
  it('says the loss bottoms out and climbs only when it does, beyond its noise', () => {
    // Loss changes −25, −33.3, +10, +9.09, +8.33, +7.69 %: noise 2.27 %, the 40 % rise is far beyond.
    // Accuracy changes 0, 0, +1, −1, +1, −1 points: median 0, MAD 1, noise 1.48 points; +0 is inside.
    expect(
      lossSubtitle(
        run([0.4, 0.3, 0.2, 0.22, 0.24, 0.26, 0.28], [0.9, 0.9, 0.9, 0.91, 0.9, 0.91, 0.9]),
      ),
    ).toEqual({
      loss: 'bottoms out (▲, epoch 3) and then climbs',
      accuracy: 'barely moves (◆ = its best)',
    });
  });

  it('says a flat loss stays level: a label-smoothing run', () => {
    // Loss wobbles ±3 % about 0.31 after epoch 3: +1.6 % since its lowest is inside the noise.
    const flat = run([0.5, 0.35, 0.305, 0.315, 0.306, 0.316, 0.307, 0.31]);
    expect(lossSubtitle(flat).loss).toBe(
      'stays level after its lowest (▲, epoch 3): no rise beyond its epoch-to-epoch noise',
    );
  });

  it('does not tell a climb from one epoch, and marks the lowest while it is the latest', () => {
    expect(lossSubtitle(run([0.4, 0.3, 0.2, 0.21])).loss).toBe(
      'was lowest (▲, epoch 3), too recently to tell whether it climbs',
    );
    expect(lossSubtitle(run([0.4, 0.3]))).toEqual({
      loss: 'is at its lowest so far (▲, epoch 2)',
      accuracy: 'is marked ◆ at its best',
    });
    expect(lossSubtitle([]).loss).toBe('is marked ▲ at its lowest');
  });

  it('names an accuracy move beyond its noise in points', () => {
    // Accuracy +1 point an epoch: no spread, so −4 points since epoch 3 is a fall.
    const falling = run(
      [0.4, 0.3, 0.2, 0.22, 0.24, 0.26, 0.28],
      [0.88, 0.89, 0.9, 0.89, 0.88, 0.87, 0.86],
    );
    expect(lossSubtitle(falling).accuracy).toBe('falls 4 points (◆ = its best)');
  });
});
