// Hands text to the browser as a file download: a Blob behind a temporary object URL and a temporary <a download>.

/** Starts the download of `text` as a file named `name`. */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file name from a dataset's label: "Iran 1979–2009 · Pakistan" → "iran-1979-2009-pakistan". */
export function fileBaseName(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || 'timeline';
}
