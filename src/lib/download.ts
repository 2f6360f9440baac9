// Save a JSON document as a file: Blob → object URL → a temporary <a download>.

/** Delay before revoking the object URL, so the browser has started the download. */
const REVOKE_AFTER_MS = 1_000;

export function downloadJson(fileName: string, content: unknown): void {
  const blob = new Blob([JSON.stringify(content)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
