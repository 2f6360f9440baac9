// The two class names a run shows (panels, captions, the Runs list): its own dataset's when it
// trains on the user's images, else the Fashion-MNIST pair's. Pure: one rule for every view.

import type { TrainConfig } from '../core/types';
import { className } from './settings';

export function pairNames(config: Pick<TrainConfig, 'classes' | 'dataset'>): [string, string] {
  const { dataset } = config;
  if (dataset) return [dataset.classNames[0], dataset.classNames[1]];
  return [className(config.classes[0]), className(config.classes[1])];
}

/** "Pullover vs Coat", or "cats vs dogs (your images: Pets)". */
export function pairLabel(config: Pick<TrainConfig, 'classes' | 'dataset'>): string {
  const names = pairNames(config).join(' vs ');
  return config.dataset ? `${names} (your images: ${config.dataset.name})` : names;
}
