// Words that depend on how many classes a run has, or on a class's name, so no sentence on the
// page assumes two classes: the uniform forecast (½ for two, 1/K otherwise) and what it costs,
// the article before a class name, and how an example is numbered. Pure: numbers in, words out.

/** The uniform probability 1/K as the page writes it: "½" for two classes, "1/10" for ten. */
export function uniformShare(classCount: number): string {
  return classCount === 2 ? '½' : `1/${classCount}`;
}

/**
 * The loss of the uniform forecast (a coin flip for two classes): ln K nats, with its value to 3
 * significant digits: "ln 2 ≈ 0.693", "ln 10 ≈ 2.30".
 */
export function uniformLossText(classCount: number): string {
  return `ln ${classCount} ≈ ${Math.log(classCount).toPrecision(3)}`;
}

/** The uniform forecast named: "a coin flip" for two classes, "the uniform 1/K guess" otherwise. */
export function uniformForecastWords(classCount: number): string {
  return classCount === 2 ? 'a coin flip' : `the uniform ${uniformShare(classCount)} guess`;
}

// Words whose first letter is a vowel but whose sound is not ("a unicorn", "a one-piece"), and
// ones whose silent h makes them take "an" ("an hour").
const CONSONANT_SOUND = /^(uni|use|usu|uti|eu|ewe|one|once|ukulele)/i;
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

/** "a" or "an" for the word (a class name): "an airplane", "an Ankle boot", "a coat". */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const trimmed = word.trim();
  if (SILENT_H.test(trimmed)) return 'an';
  if (CONSONANT_SOUND.test(trimmed)) return 'a';
  return /^[aeiou]/i.test(trimmed) ? 'an' : 'a';
}

/** The class name with its article: "an airplane", "a Pullover". */
export function withArticle(word: string): string {
  return `${indefiniteArticle(word)} ${word}`;
}

/**
 * A validation example's number as every panel writes it (the gallery's "#451", the tracked
 * images, "Show me one", the drill-down, the worked example): its row in the validation set
 * counted from 0, as an imported file's rows are (logits[451] in NumPy is example 451).
 */
export function exampleNumber(index: number): string {
  return String(index);
}

/**
 * What a Brier score of K classes means: Σₖ(pₖ − yₖ)² runs from 0 to 2 for any K, and the
 * uniform forecast scores (1 − 1/K)² + (K − 1)/K² = 1 − 1/K (0.5 for two classes, 0.9 for ten).
 */
export function brierRangeText(classCount: number): string {
  const uniform = Number((1 - 1 / classCount).toPrecision(3));
  return (
    `Brier = Σₖ(pₖ − yₖ)² over the ${classCount} classes, from 0 (sure and right) to 2 (sure ` +
    `and wrong); the uniform forecast, ${uniformShare(classCount)} to each class, scores ${uniform}.`
  );
}

/**
 * What the worked example's two logits stand for. Two classes: "class 0 (Pullover)" and
 * "class 1 (Coat)". K > 2 with a real example: its true class against its strongest rival (for a
 * wrong answer, the predicted class), by number and name. K > 2 before one: no two classes of the
 * run are meant, so neither is named (not "airplane vs automobile").
 */
export function workedPairNames(
  classNames: readonly string[],
  pair: readonly [number, number] | null,
): [string, string] {
  const named = (k: number) => `class ${k} (${classNames[k] ?? `class ${k}`})`;
  if (pair !== null) return [named(pair[0]), named(pair[1])];
  if (classNames.length <= 2) return [named(0), named(1)];
  return ['one class', 'its strongest rival'];
}

/**
 * "Show me one"'s sentence on a real wrong example, before its logits: "Validation image 451, a
 * cat the model called dog" and, for K > 2, that the two sliders hold the true class against its
 * strongest rival (the predicted class is the largest logit, so no class rivals it more).
 */
export function shownExampleWords(
  classNames: readonly string[],
  example: { index: number; trueClass: number; predicted: number },
  kind: 'image' | 'example',
): string {
  const truth = classNames[example.trueClass];
  const called = classNames[example.predicted];
  const opening = `Validation ${kind} ${exampleNumber(example.index)}, ${withArticle(truth)} the model called ${called}`;
  if (classNames.length <= 2) return opening;
  return `${opening} (${truth} against its strongest rival, ${called}: the sliders hold these two of the ${classNames.length} logits)`;
}

/**
 * Which fixed images the tracked panel shows, counted: "3 images of each of the 2 classes",
 * "1 image of each of the 10 classes", "1 image of each of the first 12 of the 50 classes".
 */
export function trackedWords(perClass: number, shownClasses: number, classCount: number): string {
  const images = `${perClass} ${perClass === 1 ? 'image' : 'images'}`;
  const which =
    shownClasses >= classCount
      ? `the ${classCount} classes`
      : `the first ${shownClasses} of the ${classCount} classes`;
  return `${images} of each of ${which}`;
}
