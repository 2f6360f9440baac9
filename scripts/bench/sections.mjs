// A bench run is a list of sections (bytes, the comparison, each backend's page and loops…): a
// failed section is recorded and fails the run, but the others still measure.

/** The log (seconds since the run began on each line) and the sections' error list. */
export function createSections() {
  const started = Date.now();
  /** @type {{ section: string, message: string }[]} */
  const errors = [];
  const log = (/** @type {string} */ line) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  /**
   * Runs one section; a failure is recorded (and fails the run) but the other sections go on.
   * @template T
   * @param {string} section
   * @param {() => Promise<T>} task
   * @returns {Promise<T | null>}
   */
  async function attempt(section, task) {
    try {
      return await task();
    } catch (error) {
      const message = errorText(error);
      errors.push({ section, message });
      log(`FAILED ${section}: ${message.split('\n')[0]}`);
      return null;
    }
  }
  return { started, errors, log, attempt };
}

/** @param {unknown} error */
export const errorText = (error) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** @typedef {ReturnType<typeof createSections>} Sections */
