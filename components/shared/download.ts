/**
 * Hands a file made in the page to the reader as a download: a Blob link clicked, its URL
 * revoked a while later (revoking at once can cancel the download in Firefox). Exports never
 * leave the device: the file is made in memory, not fetched.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
