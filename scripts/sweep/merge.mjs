// Merges the sweep@1 files of a headless sweep's runs (one file per run, from any number of
// shards or machines) into one sweep file and its table as CSV, with the app's own code
// (core/sweep, state/runs, loaded through Vite), and holds it to `--expect` checks:
//   node scripts/sweep/merge.mjs <dir or file>… [--out sweep-results] [--expect "smoothing=0.1: ece < plain.ece"]…
// Exits 1 when a file is unreadable, the shards are not one sweep, a run is missing, or an
// expectation does not hold beyond seed noise. docs/sweep-ci.md shows it in a CI matrix.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const load = async (/** @type {string} */ file) =>
  (await runnerImport(path.join(REPO_ROOT, file), { configFile: false, logLevel: 'warn' })).module;

/** Every .json file in `inputs` (files, or folders searched to any depth). */
async function jsonFiles(/** @type {string[]} */ inputs) {
  /** @type {string[]} */
  const found = [];
  for (const input of inputs) {
    if (!(await stat(input)).isDirectory()) {
      found.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true });
    found.push(
      ...entries.filter((entry) => entry.endsWith('.json')).map((e) => path.join(input, e)),
    );
  }
  return found.sort();
}

/**
 * Merges the files under `inputs` into `<out>/sweep.json` and `<out>/sweep.csv`; returns the
 * problems (empty when the sweep is whole and every expectation holds).
 * @param {{ inputs: string[]; out: string; expectations?: string[] }} options
 */
export async function mergeSweep({ inputs, out, expectations = [] }) {
  /** @type {typeof import('../../src/lib/core/sweep')} */
  const sweep = await load('src/lib/core/sweep/index.ts');
  /** @type {typeof import('../../src/lib/state/runs')} */
  const runs = await load('src/lib/state/runs/index.ts');
  const files = await jsonFiles(inputs);
  if (files.length === 0) return [`no sweep files under ${inputs.join(', ')}`];
  const shards = [];
  for (const file of files) {
    const parsed = sweep.parseSweepFile(await readFile(file, 'utf8'));
    if (!parsed.ok) return [`${file}: ${parsed.error}`];
    shards.push(parsed.sweep);
  }
  const merged = sweep.mergeSweepShards(shards);
  if (!merged.ok) return [merged.error];
  const file = merged.sweep;
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'sweep.json'), sweep.sweepFileText(file));
  await writeFile(path.join(out, 'sweep.csv'), runs.sweepTableToCsv(sweep.sweepTable(file)));
  console.log(
    `${file.runs.length} runs from ${files.length} files → ${path.join(out, 'sweep.json')}, sweep.csv`,
  );
  const problems = sweep
    .missingRuns(file)
    .map(
      ({ arm, seed }) =>
        `run ${arm}, seed ${seed} is missing (failed, or its shard was not merged)`,
    );
  for (const text of expectations) {
    const check = sweep.checkExpectation(text, file);
    console.log(`${check.ok && check.passed ? 'holds' : 'FAILS'}: ${text} — ${check.message}`);
    if (!check.ok || !check.passed) problems.push(`expectation "${text}": ${check.message}`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'sweep-results' },
      expect: { type: 'string', multiple: true, default: [] },
    },
  });
  const problems = await mergeSweep({
    inputs: positionals.length > 0 ? positionals : ['sweep-results/runs'],
    out: values.out,
    expectations: values.expect,
  });
  for (const problem of problems) console.error(problem);
  process.exit(problems.length === 0 ? 0 : 1);
}
