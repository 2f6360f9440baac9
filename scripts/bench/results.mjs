// What a bench run leaves: bench-out/results.json (the measurements, the machine they were
// taken on and the analysed figures) and report.md (the tables), also printed.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumExecutable } from '../chromium.mjs';
import { analyze } from './analyze.mjs';
import { backendsReport } from './backends.mjs';
import { markdownReport } from './report.mjs';

/** @param {string} repoRoot */
function gitDescription(repoRoot) {
  try {
    const git = (/** @type {string[]} */ args) =>
      execFileSync('git', args, { cwd: repoRoot }).toString().trim();
    return {
      commit: git(['rev-parse', 'HEAD']),
      uncommittedChanges: git(['status', '--porcelain']).length > 0,
    };
  } catch {
    return null;
  }
}

/**
 * The machine the figures were measured on (they mean little without it).
 * @param {{ repoRoot: string, browserVersion: string | null, loadBefore: number[] }} at
 */
export function describeMachine({ repoRoot, browserVersion, loadBefore }) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    logicalCores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    node: process.version,
    browser: browserVersion ? `Chromium ${browserVersion}` : null,
    chromium: chromiumExecutable() ?? 'Playwright bundled',
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    git: gitDescription(repoRoot),
  };
}

/**
 * The Markdown report: the app-loop tables, then the side-by-side comparison. --compare-only
 * keeps only the full report's header line (machine, command) before the comparison.
 * @param {any} results
 * @param {ReturnType<typeof analyze>} analysis
 * @param {boolean} [compareOnly]
 */
export function composeReport(results, analysis, compareOnly = false) {
  const fullReport = markdownReport(results, analysis);
  return [
    compareOnly ? fullReport.trim().split('\n\n')[0] : fullReport,
    ...(results.comparison ? [backendsReport(results.comparison)] : []),
  ].join('\n\n');
}

/**
 * Writes results.json (with the analysed figures as `summary`) and report.md into `outDir`.
 * @param {string} outDir
 * @param {any} results
 * @param {boolean} compareOnly
 * @returns {Promise<string>} the report
 */
export async function writeResults(outDir, results, compareOnly) {
  const analysis = analyze(results);
  await mkdir(outDir, { recursive: true });
  await writeFile(
    path.join(outDir, 'results.json'),
    `${JSON.stringify({ ...results, summary: analysis }, null, 1)}\n`,
  );
  const report = composeReport(results, analysis, compareOnly);
  await writeFile(path.join(outDir, 'report.md'), `${report}\n`);
  return report;
}
