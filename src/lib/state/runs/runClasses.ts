// The class names a run shows (panels, captions, the Runs list): an imported logits file's own
// K names; else the two of the user's own dataset when it trains on their images; else the
// Fashion-MNIST pair's. Pure: one rule for every view.

import type { RunSource } from '../../core/runSource';
import type { TrainConfig } from '../../core/types';
import { className } from '../../settings';

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

/** The names a run's panels show: the imported file's K classes, or the pair's two. */
export function runClassNames(
  config: Pick<TrainConfig, 'classes' | 'dataset'>,
  source: RunSource | null,
): readonly string[] {
  return source?.kind === 'imported' ? source.classNames : pairNames(config);
}
