import { describe, expect, it } from 'vitest';
import {
  brierRangeText,
  trackedWords,
  shownExampleWords,
  workedPairNames,
  exampleNumber,
  indefiniteArticle,
  uniformForecastWords,
  uniformLossText,
  uniformShare,
  withArticle,
} from './classWords';

describe('class words', () => {
  it('writes the uniform share as ½ for two classes and 1/K otherwise', () => {
    expect(uniformShare(2)).toBe('½');
    expect(uniformShare(10)).toBe('1/10');
    expect(uniformShare(3)).toBe('1/3');
  });

  it('gives the uniform forecast its loss ln K (ln 2 = 0.6931…, ln 10 = 2.3025…)', () => {
    expect(uniformLossText(2)).toBe('ln 2 ≈ 0.693');
    expect(uniformLossText(10)).toBe('ln 10 ≈ 2.30');
    expect(uniformForecastWords(2)).toBe('a coin flip');
    expect(uniformForecastWords(10)).toBe('the uniform 1/10 guess');
  });

  it('puts the right article before a class name', () => {
    expect(withArticle('airplane')).toBe('an airplane');
    expect(withArticle('Ankle boot')).toBe('an Ankle boot');
    expect(withArticle('coat')).toBe('a coat');
    expect(withArticle('Pullover')).toBe('a Pullover');
    expect(withArticle('automobile')).toBe('an automobile');
    expect(withArticle('T-shirt/top')).toBe('a T-shirt/top');
    expect(indefiniteArticle('unicorn')).toBe('a');
    expect(indefiniteArticle('hour')).toBe('an');
    expect(indefiniteArticle('horse')).toBe('a');
    expect(indefiniteArticle('umbrella')).toBe('an');
  });

  it('numbers examples from 0, as the file rows are', () => {
    expect(exampleNumber(0)).toBe('0');
    expect(exampleNumber(451)).toBe('451');
  });

  it('reads the Brier range for K classes: uniform 1 − 1/K (0.5 at K = 2, 0.9 at K = 10)', () => {
    expect(brierRangeText(2)).toBe(
      'Brier = Σₖ(pₖ − yₖ)² over the 2 classes, from 0 (sure and right) to 2 (sure and wrong); the uniform forecast, ½ to each class, scores 0.5.',
    );
    expect(brierRangeText(10)).toBe(
      'Brier = Σₖ(pₖ − yₖ)² over the 10 classes, from 0 (sure and right) to 2 (sure and wrong); the uniform forecast, 1/10 to each class, scores 0.9.',
    );
  });

  it('names the worked example pair: classes 0 and 1 for K = 2, the true class and its rival for K = 10', () => {
    const two = ['Pullover', 'Coat'];
    const ten = [
      'airplane',
      'automobile',
      'bird',
      'cat',
      'deer',
      'dog',
      'frog',
      'horse',
      'ship',
      'truck',
    ];
    expect(workedPairNames(two, null)).toEqual(['class 0 (Pullover)', 'class 1 (Coat)']);
    expect(workedPairNames(ten, null)).toEqual(['one class', 'its strongest rival']);
    expect(workedPairNames(ten, [3, 5])).toEqual(['class 3 (cat)', 'class 5 (dog)']);
    expect(shownExampleWords(two, { index: 451, trueClass: 1, predicted: 0 }, 'image')).toBe(
      'Validation image 451, a Coat the model called Pullover',
    );
    expect(shownExampleWords(ten, { index: 7, trueClass: 0, predicted: 8 }, 'example')).toBe(
      'Validation example 7, an airplane the model called ship (airplane against its strongest rival, ship: the sliders hold these two of the 10 logits)',
    );
  });

  it('counts the tracked images and the classes they cover', () => {
    expect(trackedWords(3, 2, 2)).toBe('3 images of each of the 2 classes');
    expect(trackedWords(1, 10, 10)).toBe('1 image of each of the 10 classes');
    expect(trackedWords(1, 12, 50)).toBe('1 image of each of the first 12 of the 50 classes');
  });
});
