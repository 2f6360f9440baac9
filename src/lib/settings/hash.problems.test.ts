// What a bad link gives: the default for each bad value, a sentence saying why, and never an
// exception, whatever the text.

import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './hash';
import { messages, read } from './hash.fixture';
import { defaultSettings } from './settingValues';

describe('parseHash problems', () => {
  it('reports a value below the minimum and uses the default', () => {
    const { settings, problems } = parseHash('#train=-5');
    expect(settings.train).toBe(2000);
    expect(problems).toEqual([
      {
        key: 'train',
        value: '-5',
        usedInstead: 'the default 2000',
        message: 'train=-5 is below the minimum 10; using the default 2000',
      },
    ]);
  });

  it('reports values above the maximum', () => {
    expect(messages('#batch=100000')).toEqual([
      'batch=100000 is above the maximum 1024; using the default 64',
    ]);
    expect(messages('#train=30001')).toEqual([
      'train=30001 is above the maximum 30000; using the default 2000',
    ]);
  });

  it('reports non-numbers, non-integers and empty values', () => {
    expect(messages('#lr=abc')).toEqual(['lr=abc is not a number; using the default 0.001']);
    expect(messages('#lr=0x10&seed=Infinity&epochs=2.5&batch=')).toEqual([
      'epochs=2.5 is not a whole number; using the default 40',
      'batch= is empty; using the default 64',
      'lr=0x10 is not a number; using the default 0.001',
      'seed=Infinity is not a number; using the default 1',
    ]);
    expect(messages('#lr=1e999')).toEqual([
      'lr=1e999 is not a finite number; using the default 0.001',
    ]);
  });

  it('reports unknown, repeated and identical classes', () => {
    expect(messages('#classes=pullover,cat')[0]).toMatch(
      /^classes=pullover,cat names an unknown class \("cat"; known: tshirt, .*\); using the default pullover,coat$/,
    );
    expect(messages('#classes=coat,coat')).toEqual([
      'classes=coat,coat names a class twice; using the default pullover,coat',
    ]);
    expect(messages('#classes=coat')).toEqual([
      'classes=coat needs 2 to 10 classes separated by commas; using the default pullover,coat',
    ]);
  });

  it('reports unknown choices', () => {
    expect(messages('#optimizer=rmsprop')).toEqual([
      'optimizer=rmsprop is not one of adam, sgd, momentum; using the default adam',
    ]);
    expect(messages('#backend=metal')).toEqual([
      'backend=metal is not one of auto, webgpu, webgl, wasm, cpu; using the default auto',
    ]);
  });

  it('reports unknown keys, with a suggestion when close to a real one', () => {
    expect(read('#epoch=10&colour=red&flag')).toEqual({
      settings: defaultSettings(),
      messages: [
        'epoch=10 is not a known setting (did you mean epochs?); ignored',
        'colour=red is not a known setting; ignored',
        'flag is not a known setting; ignored',
      ],
    });
  });

  it('lets the last of repeated keys win and says so', () => {
    const { settings, messages: said } = read('#epochs=10&epochs=50');
    expect(settings.epochs).toBe(50);
    expect(said).toEqual(['epochs is given 2 times; the last one wins (epochs=50)']);
  });

  it('falls back to the default when the last repeated value is bad', () => {
    const { settings, problems } = parseHash('#epochs=10&epochs=zero');
    expect(settings.epochs).toBe(40);
    expect(problems).toHaveLength(2);
  });

  it('reports malformed percent-encoding instead of throwing', () => {
    expect(messages('#lr=%E0%A4%A&%ZZ=1&seed=%')).toEqual([
      'The parameter name %ZZ is not valid URL encoding; ignored',
      'lr=%E0%A4%A is not valid URL encoding; using the default 0.001',
      'seed=% is not valid URL encoding; using the default 1',
    ]);
    expect(parseHash('#lr=%E0%A4%A&%ZZ=1&seed=%').settings).toEqual(defaultSettings());
  });

  it('keeps good settings next to bad ones', () => {
    const { settings, problems } = parseHash('#epochs=12&lr=nope&model=small');
    expect(settings).toEqual({ ...defaultSettings(), epochs: 12, model: 'small' });
    expect(problems).toHaveLength(1);
  });
});

describe('parseHash never throws on garbage', () => {
  const garbage = [
    '#<script>alert(1)</script>',
    '#classes=<script>alert(1)</script>,coat',
    '#lr=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '#classes=пуловер,コート&seed=😀&lr=١٢',
    '#\u0000=\u0000&\u202e=evil',
    `#lr=${'9'.repeat(10_000)}`,
    `#seed=${'%F0%9F%98%80'.repeat(2_000)}`,
    `#${'x'.repeat(10_000)}=${'y'.repeat(10_000)}`,
    '#==&=&&=a=b=c',
    `#${'&a=1'.repeat(5_000)}`,
    '#__proto__=1&constructor=2&toString=3',
    '#%',
    '##classes=bag,boot',
  ];

  it.each(garbage)('handles %#', (hash) => {
    const result = parseHash(hash);
    expect(result.settings).toBeDefined();
    // (No count check: capProblems cuts the list to MAX_PROBLEMS itself; see "floods" below.)
    for (const problem of result.problems) {
      // Every path must shorten what it quotes: at most 40 characters and "…".
      expect(Array.from(problem.value).length).toBeLessThanOrEqual(41);
      expect(problem.message.length).toBeLessThan(400);
      expect(problem.message).not.toMatch(/[\u0000-\u001f\u202e]/);
    }
    // Whatever came in, what we write back is the canonical form.
    expect(parseHash(formatHash(result.settings)).problems).toEqual([]);
  });

  it('shortens long values for display without splitting characters', () => {
    const { problems } = parseHash(`#seed=${'😀'.repeat(100)}`);
    expect(problems[0].value).toBe(`${'😀'.repeat(40)}…`);
  });

  it('summarises floods of problems in one line', () => {
    const { problems } = parseHash(`#${'&bogus=1'.repeat(100)}`);
    // 100 problems: the first 19 shown, then one line for the other 81.
    expect(problems).toHaveLength(20);
    expect(problems.at(-1)?.message).toBe('…and 81 more problems in the link');
  });

  // (Object.prototype cannot be reached through `({}).__proto__`: its prototype is immutable,
  // so asserting on it proves nothing.) What can go wrong is a lookup such as `key in table`
  // taking these names, which every object inherits, for settings.
  it('treats __proto__, constructor and toString as unknown keys, not as object internals', () => {
    const { settings, messages: said } = read('#__proto__=1&constructor=2&toString=3&seed=4');
    expect(said).toEqual([
      '__proto__=1 is not a known setting; ignored',
      'constructor=2 is not a known setting; ignored',
      'toString=3 is not a known setting; ignored',
    ]);
    expect(settings).toEqual({ ...defaultSettings(), seed: 4 });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });
});
