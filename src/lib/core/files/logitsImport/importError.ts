// The one error the import modules throw. Its message is written for the person who dropped
// the file (plain words, names the array or field); `parseLogitsFile` turns it into
// `{ ok: false, error }`, so no caller ever sees a throw.

export class ImportError extends Error {}

export function refuse(message: string): never {
  throw new ImportError(message);
}
