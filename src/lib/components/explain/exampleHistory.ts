// What the panels that follow single validation examples over a run (the gallery, the tracked
// examples) are given: the run's logits per epoch, the model it holds, its labels and images,
// its class names.

import type { Labels } from '../../core/types';
import type { ModelOnPage } from '../../state/examples';

export interface ExampleHistory {
  /** Validation logits per epoch: [e − 1] holds epoch e's logit rows, dataset order. */
  logitsHistory: readonly Float32Array[];
  /** The model the run holds (modelOnPage): what "the model" means on every panel. */
  model: ModelOnPage | null;
  labels: Labels | null;
  images: Uint8Array | null;
  classNames: readonly string[];
  /** True for a run with no images (an imported logits file): examples go by index. */
  imageless?: boolean;
}
