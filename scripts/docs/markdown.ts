// Reading the README and docs/*.md as data, so a test can hold each fact they state against the
// code that decides it. Plain string work: a page is read as Prettier leaves it.
import { readdirSync, readFileSync } from 'node:fs';

/** The README and every page in docs/, by path from the repository root. */
export function userDocs(): { path: string; text: string }[] {
  const pages = readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

export function readDoc(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * The text under a heading (`## What to expect with the defaults`), up to the next heading of
 * the same or a higher level. Throws when the heading is missing, so a renamed section fails
 * the test instead of passing it empty.
 */
export function section(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+\s*/, '') === heading);
  if (start < 0 || !lines[start].startsWith('#')) throw new Error(`no heading "${heading}"`);
  const level = lines[start].match(/^#+/)?.[0].length ?? 0;
  const end = lines.findIndex(
    (line, index) => index > start && /^#+\s/.test(line) && line.match(/^#+/)![0].length <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The cells of a Markdown table row, trimmed; escaped pipes (`\|`) stay in their cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/**
 * The body rows of the first table whose header row's first cell is `firstHeader`, as cells.
 * Throws when there is no such table.
 */
export function tableRows(text: string, firstHeader: string): string[][] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('|') && cells(line)[0] === firstHeader);
  if (header < 0) throw new Error(`no table headed "${firstHeader}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

/** Every `code span` in a piece of Markdown, without its backticks. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

/** Markdown's line breaks and runs of spaces as one space, so a sentence reads as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
