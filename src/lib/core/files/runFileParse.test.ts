import { describe, expect, it } from 'vitest';
import { encodeFloat32 } from './logitsCodec';
import { RUN_FILE_FORMAT } from './runFile';
import { validRunFile as file, validRunFileText as validText } from './runFileParse.fixture';
import { MAX_RUN_FILE_BYTES, parseRunFile, type ParseResult } from './runFileParse';

/** A deep copy to edit; `edit` may return a replacement document. */
function mutated(edit: (doc: any) => unknown): string {
  const doc = JSON.parse(validText);
  const replaced = edit(doc);
  return JSON.stringify(replaced === undefined ? doc : replaced);
}

// No length or control-character check here: parseRunFile passes every message through
// plain(message, 240), so such a check could never fail. untrustedJson.test.ts tests plain().
export function expectRejected(result: ParseResult, pattern?: RegExp): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.length).toBeGreaterThan(0);
  if (pattern) expect(result.error).toMatch(pattern);
  return result.error;
}

/** The naive recursive merge many apps use for options: what the reserved keys attack. */
function naiveMerge(target: any, source: any): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (typeof value !== 'object' || value === null) target[key] = value;
    else {
      if (typeof target[key] !== 'object' && typeof target[key] !== 'function') target[key] = {};
      naiveMerge(target[key], value);
    }
  }
}

describe('parseRunFile', () => {
  it('reads back a file the app writes, field for field', () => {
    const result = parseRunFile(validText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { epochLogits, ...rest } = result.run;
    const { epochLogits: written, ...expected } = JSON.parse(validText);
    expect(rest).toEqual(expected);
    // The per-epoch logits come back decoded, and encode to the very strings written.
    expect(epochLogits?.map(encodeFloat32)).toEqual(written.epochs);
    expect(epochLogits?.[1][0]).toBe(Math.fround(1.5 * Math.fround(0.62)));
  });

  it('checks the per-epoch logits: one string per epoch, each 2 × validation float32', () => {
    const one = mutated((doc) => void doc.epochLogits.epochs.pop());
    expectRejected(parseRunFile(one), /epochLogits\.epochs must be a list of 2, got a list of 1/);
    const short = mutated((doc) => void (doc.epochLogits.epochs[1] = 'AACAPw=='));
    expectRejected(
      parseRunFile(short),
      /epochLogits\.epochs\[1\] is not valid: it holds 4 bytes, expected 80/,
    );
    const garbage = mutated((doc) => void (doc.epochLogits.epochs[0] = '<script>'));
    expectRejected(parseRunFile(garbage), /epochLogits\.epochs\[0\] is not valid/);
    const number = mutated((doc) => void (doc.epochLogits.epochs[0] = 3));
    expectRejected(parseRunFile(number), /epochLogits\.epochs\[0\] must be a base64 string/);
    const encoding = mutated((doc) => void (doc.epochLogits.encoding = 'float64'));
    expectRejected(parseRunFile(encoding), /epochLogits\.encoding must be one of float32le-base64/);
    const none = parseRunFile(mutated((doc) => void delete doc.epochLogits));
    expect(none.ok && none.run.epochLogits).toBeNull();
  });

  it('keeps nothing it did not check: unknown fields are dropped', () => {
    const result = parseRunFile(mutated((doc) => ((doc.extra = { a: 1 }), (doc.config.x = 2))));
    expect(result.ok && 'extra' in result.run).toBe(false);
    expect(result.ok && 'x' in result.run.config).toBe(false);
  });

  it('accepts an older run@1 file: no calibration metrics, temperature or later settings', () => {
    const old = mutated((doc) => {
      doc.format = 'overconfidence-playground/run@1';
      delete doc.epochLogits;
      delete doc.temperature;
      delete doc.earlyStop;
      for (const key of ['labelSmoothing', 'l2', 'dropout', 'earlyStop', 'patience'])
        delete doc.config[key];
      for (const epoch of doc.epochs)
        for (const key of ['validationLossCorrect', 'validationLossWrong', 'wrongCount'])
          delete epoch[key];
      for (const epoch of doc.epochs)
        for (const key of ['ece', 'mce', 'reliability']) delete epoch[key];
    });
    const result = parseRunFile(old);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.config).toMatchObject({
      labelSmoothing: 0,
      l2: 0,
      dropout: 0,
      earlyStop: 'off',
      patience: 5,
    });
    expect(result.run.epochs[0].ece).toBeUndefined();
    expect(result.run.temperature).toBeNull();
    expect(result.run.earlyStop).toBeNull();
    expect(result.run.epochLogits).toBeNull();
    expect(result.run.epochs[1].validationLoss).toBe(file.epochs[1].validationLoss);
  });

  it('treats a null temperature or early-stopping record as none', () => {
    const result = parseRunFile(mutated((doc) => void (doc.temperature = doc.earlyStop = null)));
    expect(result.ok && result.run.temperature).toBeNull();
    expect(result.ok && result.run.earlyStop).toBeNull();
  });

  it('reads a temperature fit that stopped at an end of its range; older files have none', () => {
    const reason = 'every calibration example is wrong';
    const upper = parseRunFile(
      mutated((doc) => void (doc.temperature.bound = { side: 'upper', reason, extra: 1 })),
    );
    expect(upper.ok && upper.run.temperature?.bound).toEqual({ side: 'upper', reason });
    const older = parseRunFile(mutated((doc) => void delete doc.temperature.bound));
    expect(older.ok && older.run.temperature?.bound).toBeNull();
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.temperature.bound = { side: 'left', reason }))),
      /temperature\.bound\.side must be one of lower, upper/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.temperature.bound = { side: 'lower' }))),
      /temperature\.bound\.reason is missing/,
    );
  });

  it('checks an early-stopping record against the epochs', () => {
    const late = mutated((doc) => void (doc.earlyStop.stoppedAfterEpoch = 3));
    expectRejected(
      parseRunFile(late),
      /earlyStop\.stoppedAfterEpoch must be an integer in \[1, 2\]/,
    );
    const off = mutated((doc) => void (doc.earlyStop.metric = 'off'));
    expectRejected(parseRunFile(off), /earlyStop\.metric must be one of loss, accuracy/);
  });

  it('names foreign formats and other versions', () => {
    expectRejected(
      parseRunFile('{"format":"something/else@3"}'),
      /^not a run file of this playground: format is "something\/else@3"$/,
    );
    expectRejected(parseRunFile('{"hello":1}'), /no "format" field/);
    expectRejected(parseRunFile('[1,2]'), /expected a JSON object, got a list of 2/);
    expectRejected(parseRunFile('"run"'), /expected a JSON object/);
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.format = 'overconfidence-playground/run@3'))),
      /another version.*run@3.*reads "overconfidence-playground\/run@2"/,
    );
  });

  it('rejects text that is not JSON: empty, cut short, NaN, trailing garbage', () => {
    for (const text of [
      '',
      '   ',
      validText.slice(0, 100),
      '{"format": NaN}',
      `${validText}x`,
      '<html>',
    ])
      expectRejected(parseRunFile(text), /not valid JSON/);
  });

  it('rejects numbers JSON turns into Infinity, and out-of-range values, naming the field', () => {
    const huge = validText.replace('"trainLoss":0.5', '"trainLoss":1e999');
    expectRejected(
      parseRunFile(huge),
      /^epochs\[0\]\.trainLoss must be a finite number ≥ 0, got Infinity$/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.epochs[1].validationAccuracy = 1.5))),
      /epochs\[1\]\.validationAccuracy.*\[0, 1\]/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.config.trainSize = 2.5))),
      /^file\.config\.trainSize = 2\.5 is not a whole number$/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.config.classes = ['coat', 'coat']))),
      /names a class twice/,
    );
  });

  it('rejects wrong lengths and inconsistent counts', () => {
    expectRejected(
      parseRunFile(mutated((doc) => void doc.validation.logits.pop())),
      /validation\.logits must be a list of 10, got a list of 9/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void doc.validation.labels.push(0))),
      /validation\.labels must be a list of 10/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void doc.validation.logits[2].push(1))),
      /validation\.logits\[2\] must be a list of 2/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void doc.epochs[0].logitGapHistogram.wrong.pop())),
      /logitGapHistogram\.wrong must be a list of 20/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.epochs[0].logitGapHistogram.correct[0] += 1))),
      /counts must be 10 in total, got 11/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.epochs[1].epoch = 3))),
      /epochs\[1\]\.epoch must be 2/,
    );
    expectRejected(parseRunFile(mutated((doc) => void (doc.epochs = []))), /at least 1 epoch/);
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.config.epochs = 1))),
      /at most 1 epochs/,
    );
    expectRejected(
      parseRunFile(mutated((doc) => void delete doc.epochs[0].mce)),
      /epochs\[0\]\.mce is missing/,
    );
  });

  it('refuses the keys that reach a prototype through a naive merge, at any depth', () => {
    // [the key the message names, the payload]: JSON.parse revives inner keys first.
    const payloads = [
      ['__proto__', '"__proto__":{"polluted":true}'],
      ['prototype', '"constructor":{"prototype":{"polluted":true}}'],
      ['constructor', '"constructor":{"polluted":true}'],
      ['prototype', '"prototype":{"polluted":true}'],
    ];
    // The attack is real: JSON.parse keeps "__proto__" as an own key, and merging either of
    // the first two payloads into an object writes onto its class's prototype (a fresh class
    // here, so the test itself pollutes nothing shared).
    for (const [, payload] of payloads.slice(0, 2)) {
      class Target {}
      naiveMerge(new Target(), JSON.parse(`{${payload}}`));
      expect((new Target() as { polluted?: boolean }).polluted, payload).toBe(true);
    }
    for (const [key, payload] of payloads) {
      for (const where of ['{', '"environment":{', '"reliability":{']) {
        const text = validText.replace(where, `${where}${payload},`);
        expectRejected(
          parseRunFile(text),
          new RegExp(`^the file contains the reserved key "${key}"$`),
        );
      }
    }
    // Any other name in the same place is dropped, not refused: the key is the reason.
    const harmless = validText.replace('"environment":{', '"environment":{"harmless":{"x":1},');
    const accepted = parseRunFile(harmless);
    expect(accepted.ok).toBe(true);
    class Fresh {}
    naiveMerge(new Fresh(), accepted);
    expect((new Fresh() as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses links that are not a settings hash (they may become an href)', () => {
    expectRejected(
      parseRunFile(mutated((doc) => void (doc.link = 'javascript:alert(1)'))),
      /^link must be a "#…" settings link/,
    );
  });

  it('keeps messages plain and short whatever the file holds', () => {
    const nasty = `\u0007\u001b[31m\u202e${'<script>alert(1)</script>'.repeat(20)}\n`;
    const message = expectRejected(parseRunFile(JSON.stringify({ format: nasty })));
    // Control and bidi characters become spaces; the quoted value keeps 59 characters and
    // "…" ("  [31m " is 7, two <script>alert(1)</script> are 50, then "<s"). Markup stays
    // as text: the UI never renders it as HTML.
    expect(message).toBe(
      'not a run file of this playground: format is "  [31m <script>alert(1)</script><script>alert(1)</script><s…"',
    );
    // Strings of a valid file may hold markup: they are data; the UI renders them as text.
    const markup = parseRunFile(
      mutated((doc) => void (doc.environment.adapter = '<img src=x onerror=alert(1)>')),
    );
    expect(markup.ok && markup.run.environment.adapter).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses oversized text before parsing it', () => {
    const big = ' '.repeat(MAX_RUN_FILE_BYTES + 1);
    expectRejected(parseRunFile(big), /too large.*50 MB/);
  });

  it('never throws on deep nesting or non-string input', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectRejected(parseRunFile(deep), /not valid JSON|expected a JSON object/);
    expectRejected(parseRunFile(undefined as unknown as string), /^not a run file: no text$/);
    expect(RUN_FILE_FORMAT).toBe('overconfidence-playground/run@2');
  });
});
