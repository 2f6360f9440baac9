// Save content as a file: Blob → object URL → a temporary <a download>.

/** Delay before revoking the object URL, so the browser has started the download. */
const REVOKE_AFTER_MS = 1_000;

export function downloadBlob(fileName: string, blob: Blob): void {
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

export function downloadJson(fileName: string, content: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(content)], { type: 'application/json' }));
}

/** CSV text (see state/runs/csv.ts), declared UTF-8 with the header row present (RFC 4180, 7111). */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8;header=present' }));
}

/** A canvas as PNG; resolves false when the browser could not encode it. */
export function downloadCanvasPng(fileName: string, canvas: HTMLCanvasElement): Promise<boolean> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      if (blob === null) {
        resolve(false);
        return;
      }
      downloadBlob(fileName, blob);
      resolve(true);
    }, 'image/png');
  });
}
