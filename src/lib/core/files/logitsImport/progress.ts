// Progress while a large array is decoded: a fraction in [0, 1], reported in steps so a
// worker posts a few dozen messages per file, not one per block.

/** Reports at every 2 % (the brief asks for at least every ~5 %). */
const STEPS = 50;

export type OnProgress = (fraction: number) => void;

/** Returns `advance(done)`, to call with the amount decoded so far out of `total`. */
export function progressReporter(total: number, onProgress?: OnProgress): (done: number) => void {
  let reported = 0;
  return (done) => {
    if (!onProgress || total <= 0) return;
    // Whole steps, counted in integers: adding 0.02 repeatedly would drift past a step.
    const step = Math.min(STEPS, Math.floor((done * STEPS) / total));
    if (step <= reported) return;
    reported = step;
    onProgress(Math.min(1, done / total));
  };
}
