// How the charts are read, chosen on the page (not part of a run or the link): kept for the
// page's lifetime, so a Reset or a hidden-then-shown panel keeps the reader's choice.

export const chartView = $state({
  /** Plot the loss axis on a log scale (small losses and their rise both stay visible). */
  logLoss: false,
  /** Add each epoch's loss after temperature scaling to the loss chart (fitted per epoch). */
  scaledLoss: false,
});
