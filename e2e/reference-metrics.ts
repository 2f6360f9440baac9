// The run file's validation metrics recomputed from its labels and logits, written from the
// formulas in docs/run-file.md and nothing else: no import from src/lib, so a bug
// in the app's metric code cannot hide in the check that compares against it too.

/** Guo et al.'s 15 equal-width confidence bins over [0, 1]. */
export const RELIABILITY_BIN_COUNT = 15;

export interface ReferenceMetrics {
  loss: number;
  accuracy: number;
  /** Correct (wrong) examples' losses summed and divided by ALL examples: they add up to loss. */
  lossCorrect: number;
  lossWrong: number;
  wrongCount: number;
  gapCounts: { correct: number[]; wrong: number[] };
  reliability: { count: number[]; accuracy: number[]; confidence: number[] };
  ece: number;
  mce: number;
}

/** `gapEdges`: the logit-gap histogram's bin edges; bin i is [edges[i], edges[i+1]), the last also holds everything above. */
export function referenceMetrics(
  labels: readonly number[],
  logits: readonly (readonly [number, number])[],
  gapEdges: readonly number[],
): ReferenceMetrics {
  const n = labels.length;
  const zeros = (length: number) => new Array<number>(length).fill(0);
  const gapCounts = { correct: zeros(gapEdges.length - 1), wrong: zeros(gapEdges.length - 1) };
  const count = zeros(RELIABILITY_BIN_COUNT);
  const hits = zeros(RELIABILITY_BIN_COUNT);
  const confidenceSum = zeros(RELIABILITY_BIN_COUNT);
  let lossCorrect = 0;
  let lossWrong = 0;
  let wrongCount = 0;
  labels.forEach((label, i) => {
    const [z0, z1] = logits[i];
    // Softmax cross-entropy: log-sum-exp of the logits minus the true class's logit.
    const top = Math.max(z0, z1);
    const loss = top + Math.log(Math.exp(z0 - top) + Math.exp(z1 - top)) - (label === 1 ? z1 : z0);
    const right = (z1 > z0 ? 1 : 0) === label; // argmax, a tie counting as class 0
    const gap = Math.abs(z1 - z0);
    let gapBin = gapEdges.length - 2;
    while (gapBin > 0 && gap < gapEdges[gapBin]) gapBin--;
    // The predicted class's softmax probability is the logistic function of the gap.
    const confidence = 1 / (1 + Math.exp(-gap));
    // Bin b holds confidences in (b/15, (b+1)/15].
    const bin = Math.min(
      RELIABILITY_BIN_COUNT - 1,
      Math.max(0, Math.ceil(confidence * RELIABILITY_BIN_COUNT) - 1),
    );
    count[bin]++;
    confidenceSum[bin] += confidence;
    if (right) {
      lossCorrect += loss;
      hits[bin]++;
      gapCounts.correct[gapBin]++;
    } else {
      lossWrong += loss;
      wrongCount++;
      gapCounts.wrong[gapBin]++;
    }
  });
  const accuracy = count.map((k, b) => (k > 0 ? hits[b] / k : 0));
  const confidence = count.map((k, b) => (k > 0 ? confidenceSum[b] / k : 0));
  const gaps = count.map((k, b) => (k > 0 ? Math.abs(accuracy[b] - confidence[b]) : 0));
  return {
    loss: (lossCorrect + lossWrong) / n,
    accuracy: (n - wrongCount) / n,
    lossCorrect: lossCorrect / n,
    lossWrong: lossWrong / n,
    wrongCount,
    gapCounts,
    reliability: { count, accuracy, confidence },
    ece: gaps.reduce((sum, gap, b) => sum + (count[b] / n) * gap, 0),
    mce: Math.max(...gaps),
  };
}
