import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress';

describe('progressReporter', () => {
  it('reports once per 2 % step and always the end', () => {
    const seen: number[] = [];
    const advance = progressReporter(1000, (f) => seen.push(f));
    for (let done = 5; done <= 1000; done += 5) advance(done);
    // Steps of 5/1000 = 0.5 %: reported at 2 %, 4 %, … 100 %, i.e. 50 times.
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBe(0.02);
    expect(seen.at(-1)).toBe(1);
  });

  it('does nothing without a callback', () => {
    expect(() => progressReporter(10)(5)).not.toThrow();
  });
});
