// The bench's command line: what `npm run bench -- …` accepts, checked before anything runs.
import { parseArgs } from 'node:util';

const USAGE = `node scripts/bench/run.mjs [options]
  --backends LIST          backends to measure (default webgpu,webgl,wasm,cpu): all of them
                           train side by side in one page (ratios, GFLOP/s, the default run's
                           time, a wasm step's kernels); webgpu and webgl also get the app-loop
                           sections below
  --compare-only           only the side-by-side comparison
  --profile auto|full|emulated|quick   workload sizes (auto: full on a hardware GPU, emulated on
                           a software one such as SwiftShader; quick: a smoke test)
  --quick                  same as --profile quick
  --rounds N               interleaved rounds of the throughput comparison
  --dist DIR               measure this app build (copied, never written) instead of building
  --out DIR                where results.json and report.md go (default bench-out)
  --headed                 show the browser
  --kernels                also tf.profile one app-loop epoch at batch 32 and 256
  --report FILE            print the tables of a saved results.json; measure nothing`;

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const PROFILES = ['auto', 'full', 'emulated', 'quick'];

/**
 * The options of this process's command line; prints the usage and exits on --help (0) or on
 * anything it does not accept (2).
 */
export function parseOptions() {
  const { values: flags } = parseArgs({
    options: {
      backends: { type: 'string', default: BACKENDS.join(',') },
      'compare-only': { type: 'boolean', default: false },
      profile: { type: 'string', default: 'auto' },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      dist: { type: 'string' },
      out: { type: 'string', default: 'bench-out' },
      headed: { type: 'boolean', default: false },
      kernels: { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const options = {
    ...flags,
    compareOnly: flags['compare-only'],
    backends: /** @type {('webgpu' | 'webgl' | 'wasm' | 'cpu')[]} */ (flags.backends.split(',')),
    profile: flags.quick ? 'quick' : flags.profile,
    rounds: flags.rounds === undefined ? undefined : Number(flags.rounds),
  };
  if (flags.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (
    options.backends.some((b) => !BACKENDS.includes(b)) ||
    !PROFILES.includes(options.profile) ||
    (options.rounds !== undefined && !(Number.isInteger(options.rounds) && options.rounds >= 1))
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  return options;
}
