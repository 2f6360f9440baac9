// A trainer's state between epochs as plain arrays, and back: what is saved after every epoch
// (IndexedDB) and restored into a fresh trainer — on the same backend after a reload, or on
// another one after the GPU was lost.

import * as tf from '@tensorflow/tfjs';
import type { EarlyStopping } from './earlyStopping';
import { restoreOptimizer } from './optimizer';
import { assertSameShapes, readNamed, toNamedTensors } from './snapshot';
import type { TrainerSnapshot } from '../types';

/** The parts of a trainer whose state a snapshot holds. */
export interface TrainerParts {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  earlyStopping: EarlyStopping;
}

/** Weights, optimizer state (Adam's moments and step count) and early stopping's best epoch. */
export async function captureState(
  { model, optimizer, earlyStopping }: TrainerParts,
  epoch: number,
): Promise<TrainerSnapshot> {
  const weights = model.weights.map((weight) => ({ name: weight.name, tensor: weight.read() }));
  const optimizerWeights = await optimizer.getWeights();
  try {
    return {
      epoch,
      model: await readNamed(weights),
      optimizer: await readNamed(optimizerWeights),
      best: await earlyStopping.exportBest(),
    };
  } finally {
    // getWeights() makes a new scalar for the step count; the rest are the live variables.
    for (const { tensor } of optimizerWeights) {
      if (!(tensor instanceof tf.Variable)) tensor.dispose();
    }
  }
}

/** Loads a snapshot into fresh parts; refuses weights of another shape. */
export async function restoreState(
  { model, optimizer, earlyStopping }: TrainerParts,
  snapshot: TrainerSnapshot,
): Promise<void> {
  assertSameShapes(snapshot.model, model.getWeights());
  const weights = toNamedTensors(snapshot.model).map(({ tensor }) => tensor);
  model.setWeights(weights);
  tf.dispose(weights);
  if (snapshot.optimizer.length > 0) {
    const optimizerWeights = toNamedTensors(snapshot.optimizer);
    await restoreOptimizer(optimizer, optimizerWeights);
    tf.dispose(optimizerWeights.map(({ tensor }) => tensor));
  }
  if (snapshot.best) earlyStopping.restoreBest(snapshot.best);
}
