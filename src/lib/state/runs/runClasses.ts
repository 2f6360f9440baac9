// The class names a run shows (panels, captions, the Runs list): an imported logits file's own
// K names; else those of the user's own dataset when it trains on their images; else the
// Fashion-MNIST classes chosen. Pure: one rule for every view.

import type { RunSource } from '../../core/runSource';
import type { TrainConfig } from '../../core/types';
import { className } from '../../settings';

/** The names of the classes a run trains on, label order (2 to 10). */
export function trainedClassNames(config: Pick<TrainConfig, 'classes' | 'dataset'>): string[] {
  const { dataset } = config;
  if (dataset) return [...dataset.classNames];
  return config.classes.map(className);
}

/** "Pullover vs Coat" for a pair; "Bag, Coat and Sandal" for more. */
export function classesText(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' vs ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Pullover vs Coat", or "cats vs dogs (your images: Pets)". */
export function classesLabel(config: Pick<TrainConfig, 'classes' | 'dataset'>): string {
  const names = classesText(trainedClassNames(config));
  return config.dataset ? `${names} (your images: ${config.dataset.name})` : names;
}

/** The names a run's panels show: the imported file's K classes, or the trained classes. */
export function runClassNames(
  config: Pick<TrainConfig, 'classes' | 'dataset'>,
  source: RunSource | null,
): readonly string[] {
  return source?.kind === 'imported' ? source.classNames : trainedClassNames(config);
}
