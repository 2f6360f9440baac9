// Which run files this page reads: its own format (run@2) and the older run@1, which is run@2
// without the per-epoch logits and with fewer settings and metrics (the readers fill the gaps
// with null, or with the defaults those runs trained with). A newer version of this playground
// gets its own message, so a person knows to open the file there.

import { OLDER_RUN_FILE_FORMATS, RUN_FILE_FORMAT } from './runFile';
import { describe, Invalid } from './untrustedJson';

/** The start of the message for a file that is not a run file at all. */
export const NOT_OURS = 'not a run file of this playground';

export function checkFormat(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(`${NOT_OURS}: expected a JSON object, got ${describe(value)}`);
  }
  if (!Object.hasOwn(value, 'format')) throw new Invalid(`${NOT_OURS}: it has no "format" field`);
  const format = (value as { format: unknown }).format;
  if (format === RUN_FILE_FORMAT || OLDER_RUN_FILE_FORMATS.some((older) => older === format))
    return;
  const product = RUN_FILE_FORMAT.slice(0, RUN_FILE_FORMAT.indexOf('@') + 1);
  if (typeof format === 'string' && format.startsWith(product)) {
    throw new Invalid(
      `made by another version of the playground: format is ${describe(format)}, this page reads "${RUN_FILE_FORMAT}"`,
    );
  }
  throw new Invalid(`${NOT_OURS}: format is ${describe(format)}`);
}
