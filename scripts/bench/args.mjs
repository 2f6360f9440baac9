// Command-line flags of the bench (pure; see `usage`).

export const USAGE = `Usage: node scripts/bench/run.mjs [options]
  --backends webgpu,webgl   paths to measure (default: both; WebGPU via --enable-unsafe-webgpu)
  --profile auto|full|emulated|quick
                            workload sizes (default auto: full on a hardware GPU, emulated on a
                            software adapter such as SwiftShader; quick = smoke test)
  --quick                   same as --profile quick
  --rounds N                interleaved rounds of the throughput comparison
  --dist DIR                reuse this app build (copied; never written) instead of building one
  --out FILE                results file (default bench/results.json)
  --headed                  show the browser
  --kernels                 also tf.profile one app-loop epoch at batch 32 and 256 (investigation)
  --report FILE             print the tables of a saved results file; measure nothing`;

/**
 * @typedef {object} Options
 * @property {('webgpu' | 'webgl')[]} backends
 * @property {'auto' | 'full' | 'emulated' | 'quick'} profile
 * @property {number | undefined} rounds
 * @property {string | null} dist
 * @property {string} out
 * @property {boolean} headed
 * @property {string | null} report
 * @property {boolean} kernels
 * @property {boolean} help
 */

/**
 * @param {readonly string[]} argv arguments after the script name
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const options = {
    backends: ['webgpu', 'webgl'],
    profile: 'auto',
    rounds: undefined,
    dist: null,
    out: 'bench/results.json',
    headed: false,
    report: null,
    kernels: false,
    help: false,
  };
  const value = (/** @type {number} */ i, /** @type {string} */ flag) => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--backends': {
        const names = value(i++, flag).split(',').filter(Boolean);
        const bad = names.filter((name) => name !== 'webgpu' && name !== 'webgl');
        if (bad.length > 0 || names.length === 0) {
          throw new Error(
            `--backends takes webgpu and/or webgl, got ${names.join(',') || 'nothing'}`,
          );
        }
        options.backends = /** @type {('webgpu' | 'webgl')[]} */ ([...new Set(names)]);
        break;
      }
      case '--profile': {
        const profile = value(i++, flag);
        if (!['auto', 'full', 'emulated', 'quick'].includes(profile)) {
          throw new Error(`--profile takes auto, full, emulated or quick, got ${profile}`);
        }
        options.profile = /** @type {Options['profile']} */ (profile);
        break;
      }
      case '--quick':
        options.profile = 'quick';
        break;
      case '--rounds': {
        const rounds = Number(value(i++, flag));
        if (!Number.isInteger(rounds) || rounds < 1)
          throw new Error('--rounds takes an integer ≥ 1');
        options.rounds = rounds;
        break;
      }
      case '--dist':
        options.dist = value(i++, flag);
        break;
      case '--out':
        options.out = value(i++, flag);
        break;
      case '--kernels':
        options.kernels = true;
        break;
      case '--report':
        options.report = value(i++, flag);
        break;
      case '--headed':
        options.headed = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}
