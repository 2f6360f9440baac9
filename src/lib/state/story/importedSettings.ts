// What the settings drawer says for an imported run: the file's own epochs, classes and
// examples, and that the training settings (the playground's Fashion-MNIST data, model and
// schedule) had no part in it, so none of them is shown beside it as if it had.

/** The imported run as the drawer describes it. */
export interface ImportedRunFacts {
  /** The file's name without extension. */
  name: string;
  epochs: number;
  classNames: readonly string[];
  /** Validation examples in the file (null before its labels are read). */
  examples: number | null;
}

/** "4 classes: cat, dog, bird and ship", naming up to `shown` of them. */
function classList(classNames: readonly string[], shown = 10): string {
  const names = classNames.slice(0, shown);
  const listed =
    names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const more = classNames.length > shown ? ` and ${classNames.length - shown} more` : '';
  return `${classNames.length} classes: ${shown < classNames.length ? names.join(', ') : listed}${more}`;
}

/** The drawer's lines for an imported run: what the file holds, then why no setting applies. */
export function importedSettingsWords(facts: ImportedRunFacts): { holds: string; note: string } {
  const epochs = `${facts.epochs} ${facts.epochs === 1 ? 'epoch' : 'epochs'}`;
  const examples =
    facts.examples === null
      ? ''
      : `, ${facts.examples.toLocaleString('en-US')} validation examples`;
  return {
    holds: `Imported from “${facts.name}”: ${epochs}, ${classList(facts.classNames)}${examples}.`,
    note:
      'The training settings (data, model, schedule) do not apply: this model was trained ' +
      'elsewhere and the file holds its logits. Press Reset to train one here.',
  };
}
