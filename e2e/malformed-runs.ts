// Broken and hostile run files for the import e2e test: each is a way a real file goes wrong
// (another app's JSON, a cut-short download, an edited file) or is made to attack the page.
// `message` is what the error list must say about it, in words a person can act on.

import { validRunFileText } from '../src/lib/core/files/runFileParse.fixture';

export interface MalformedRun {
  /** The file's name as the picker / drop hands it over. */
  name: string;
  content: string | Buffer;
  message: RegExp;
}

/** Markup that would run script if any string of a file were ever rendered as HTML. */
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

type Json = Record<string, unknown> & {
  config: Record<string, unknown>;
  epochs: Record<string, unknown>[];
  validation: { labels: number[]; logits: number[][] };
};

/** A fresh, editable copy of a valid run file. */
function valid(): Json {
  return JSON.parse(validRunFileText) as Json;
}

function edited(change: (file: Json) => void): string {
  const file = valid();
  change(file);
  return JSON.stringify(file);
}

export const MALFORMED_RUNS: MalformedRun[] = [
  { name: 'notes.json', content: 'These are my notes, not JSON.', message: /not valid JSON/ },
  { name: 'empty.json', content: '', message: /not valid JSON/ },
  {
    name: 'package.json',
    content: JSON.stringify({ name: 'some-app', version: '1.0.0', dependencies: {} }),
    message: /not a run file of this playground: it has no "format" field/,
  },
  {
    name: 'list.json',
    content: '[1, 2, 3]',
    message: /not a run file of this playground: expected a JSON object, got a list of 3/,
  },
  {
    name: 'truncated.json',
    content: validRunFileText.slice(0, Math.floor(validRunFileText.length / 2)),
    message: /not valid JSON \(cut short, or not JSON\)/,
  },
  {
    name: 'newer.json',
    content: edited((file) => (file.format = 'overconfidence-playground/run@9')),
    message: /another version of the playground/,
  },
  {
    // Hostile markup in a field the parser quotes back: must appear as text, never as an element.
    name: 'markup-in-field.json',
    content: edited((file) => (file.config.classes = [XSS_PAYLOAD, 'coat'])),
    message: /config\.classes names an unknown class \("<img src=x onerror=alert\(1\)>"/,
  },
  {
    // 1e400 is valid JSON that parses to Infinity.
    name: 'huge-number.json',
    content: edited((file) => (file.epochs[0].validationLoss = 0.5)).replace(
      '"validationLoss":0.5',
      '"validationLoss":1e400',
    ),
    message: /epochs\[0\]\.validationLoss must be/,
  },
  {
    name: 'huge-count.json',
    content: edited((file) => (file.config.validationSize = 1e300)),
    // Up to ten classes of 1,000 validation images each ship: 10,000 at most.
    message: /config\.validationSize = 1e\+300 is above the maximum 10000/,
  },
  {
    name: 'nan-string.json',
    content: edited((file) => (file.epochs[1].trainLoss = 'NaN')),
    message: /epochs\[1\]\.trainLoss must be .*"NaN"/,
  },
  {
    name: 'negative-loss.json',
    content: edited((file) => (file.epochs[0].trainLoss = -1)),
    message: /epochs\[0\]\.trainLoss must be/,
  },
  {
    name: 'too-few-logits.json',
    content: edited((file) => file.validation.logits.pop()),
    message: /validation\.logits must be/,
  },
  {
    name: 'epoch-gap.json',
    content: edited((file) => (file.epochs[1].epoch = 5)),
    message: /epochs\[1\]\.epoch must be 2, got 5/,
  },
  {
    name: 'proto.json',
    content: validRunFileText.replace('{', '{"__proto__":{"polluted":true},'),
    message: /reserved key "__proto__"/,
  },
  {
    name: 'script-link.json',
    content: edited((file) => (file.link = 'javascript:alert(1)')),
    message: /link must be a "#…" settings link/,
  },
  {
    // A gzip header and binary noise, named like a run file.
    name: 'binary.json',
    content: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x80, 0x90]),
    message: /not valid JSON/,
  },
];
