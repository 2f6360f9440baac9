// `npm run sweep -- --preset remedies --seeds 3`: a sweep trained headless, one Playwright test
// per (arm, seed) run (e2e/sweep-run.spec.ts, the `sweep` project), so `--shard=i/n` spreads it
// over machines like the regression runs. Each test writes its run's sweep@1 file under
// `<out>/runs/`; without --shard the files are merged here into `<out>/sweep.json` and
// `<out>/sweep.csv` (scripts/sweep/merge.mjs; a CI matrix merges in a job of its own, see
// docs/sweep-ci.md), and `--expect` checks fail the command when they do not hold.
// Options:
//   --preset remedies|capacity|learning-rate, or --grid 'smoothing(0,0.1)' (the `sweep` setting)
//   --seeds N      seeds per arm (default: the link's, else 3)
//   --link '#…'    base settings (default: the defaults); may hold sweep= and seeds= itself
//   --shard=i/n    this machine's share;  --out DIR (default sweep-results)
//   --expect TEXT  e.g. "smoothing=0.1: ece < plain.ece" (repeatable; checked after a merge)
//   --no-build     use the existing build (E2E_DIST, default dist/) instead of building first
// Anything else (--workers=2, --reporter=blob, …) goes to `playwright test` as it is.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mergeSweep } from './merge.mjs';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { values, tokens } = parseArgs({
  strict: false,
  tokens: true,
  options: {
    preset: { type: 'string' },
    grid: { type: 'string' },
    seeds: { type: 'string' },
    link: { type: 'string', default: '' },
    shard: { type: 'string' },
    out: { type: 'string', default: 'sweep-results' },
    expect: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
  },
});
const OWN = new Set(['preset', 'grid', 'seeds', 'link', 'shard', 'out', 'expect', 'no-build']);
const passThrough = (tokens ?? []).flatMap((token) =>
  token.kind === 'option' && !OWN.has(token.name)
    ? [token.rawName + (token.value === undefined ? '' : `=${token.value}`)]
    : [],
);

/** The sweep's link: the base settings with `sweep` and `seeds` set from the options. */
export function sweepLink(/** @type {typeof values} */ options) {
  const pairs = new Map(
    String(options.link)
      .replace(/^#/, '')
      .split('&')
      .filter(Boolean)
      .map((pair) => /** @type {[string, string]} */ (pair.split('=', 2))),
  );
  const sweep = options.preset ?? options.grid;
  if (sweep !== undefined) pairs.set('sweep', String(sweep));
  if (options.seeds !== undefined) pairs.set('seeds', String(options.seeds));
  if (!pairs.has('seeds')) pairs.set('seeds', '3');
  if (!pairs.has('sweep'))
    throw new Error('name a sweep: --preset remedies, or --grid "smoothing(0,0.1)"');
  return `#${[...pairs].map(([key, value]) => `${key}=${value}`).join('&')}`;
}

const out = path.resolve(REPO_ROOT, String(values.out));
const runsDir = path.join(out, 'runs');
mkdirSync(runsDir, { recursive: true });
const link = sweepLink(values);
const run = (/** @type {string[]} */ args, /** @type {NodeJS.ProcessEnv} */ env = process.env) =>
  spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit', env }).status ?? 1;

if (!values['no-build'] && !process.env.E2E_DIST) {
  if (run(['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
}
console.log(`sweep ${link} → ${runsDir}${values.shard ? ` (shard ${values.shard})` : ''}`);
const shard = values.shard ? [`--shard=${values.shard}`] : [];
// Its own output folder: Playwright empties the one it writes to, which must never be another
// run's (e2e/sweep.spec.ts runs this inside the end-to-end suite).
const output = passThrough.some((arg) => arg.startsWith('--output'))
  ? []
  : [`--output=${path.join(out, 'test-results')}`];
const status = run(['playwright', 'test', '--project=sweep', ...shard, ...output, ...passThrough], {
  ...process.env,
  SWEEP: '1',
  SWEEP_LINK: link,
  SWEEP_OUT: runsDir,
});
if (status !== 0) process.exit(status);
if (values.shard) {
  console.log(
    `shard ${values.shard} done; merge every shard's ${path.relative(REPO_ROOT, runsDir)} with scripts/sweep/merge.mjs`,
  );
  process.exit(0);
}
const problems = await mergeSweep({
  inputs: [runsDir],
  out,
  expectations: /** @type {string[]} */ (values.expect),
});
for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);
