import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../core/types';
import { CSV_COLUMNS, csvField, csvFileName, epochsToCsv } from './csv';

function epoch(overrides: Partial<EpochMetrics> = {}): EpochMetrics {
  return {
    epoch: 1,
    trainLoss: 0.5,
    trainAccuracy: 0.75,
    validationLoss: 0.6,
    validationAccuracy: 0.7,
    imagesPerSecond: 1234.5,
    logitGapHistogram: { edges: [0, 1], correct: [3], wrong: [1] },
    validationLossCorrect: 0.2,
    validationLossWrong: 0.4,
    wrongCount: 30,
    ece: 0.05,
    mce: 0.2,
    reliability: { edges: [0, 1], count: [4], accuracy: [0.75], confidence: [0.8] },
    ...overrides,
  };
}

/** A minimal RFC 4180 reader, so the tests check what a CSV parser would get back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  expect(field, 'text after the last CRLF').toBe('');
  return records;
}

describe('epochsToCsv', () => {
  it('writes the header alone, CRLF-terminated, for no epochs', () => {
    expect(epochsToCsv([])).toBe(
      'epoch,trainLoss,trainAccuracy,validationLoss,validationAccuracy,validationLossCorrect,' +
        'validationLossWrong,wrongCount,ece,mce,imagesPerSecond\r\n',
    );
  });

  it('writes one row per epoch in column order', () => {
    const records = parseCsv(epochsToCsv([epoch(), epoch({ epoch: 2, wrongCount: 12 })]));
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records[1]).toEqual([
      '1',
      '0.5',
      '0.75',
      '0.6',
      '0.7',
      '0.2',
      '0.4',
      '30',
      '0.05',
      '0.2',
      '1234.5',
    ]);
    expect(records[2][0]).toBe('2');
    expect(records[2][7]).toBe('12');
  });

  it('keeps full precision: every number parses back to the same double', () => {
    const metrics = epoch({
      trainLoss: 0.1 + 0.2,
      validationLoss: Math.PI * 1e-9,
      ece: 1 / 3,
      imagesPerSecond: 123456789.123,
    });
    const [, row] = parseCsv(epochsToCsv([metrics]));
    CSV_COLUMNS.forEach((column, index) => {
      expect(Number(row[index]), column).toBe(metrics[column]);
    });
  });

  it('writes NaN and infinities as text a CSV reader recognises', () => {
    const [, row] = parseCsv(
      epochsToCsv([epoch({ validationLoss: Number.NaN, trainLoss: Number.POSITIVE_INFINITY })]),
    );
    expect(row[1]).toBe('Infinity');
    expect(row[3]).toBe('NaN');
  });

  it('leaves out the histogram and reliability bins', () => {
    expect(epochsToCsv([epoch()])).not.toMatch(/histogram|reliability/i);
  });
});

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('0.693')).toBe('0.693');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(parseCsv(`${csvField('x,"y"\r\nz')}\r\n`)).toEqual([['x,"y"\r\nz']]);
  });
});

describe('csvFileName', () => {
  it('uses a file-system-safe UTC stamp', () => {
    expect(csvFileName(new Date('2026-01-31T12:34:56.789Z'))).toBe(
      'metrics-2026-01-31T12-34-56Z.csv',
    );
  });
});
