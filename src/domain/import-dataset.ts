// Bring your own data: a user's file (bytes or text) → a validated dataset, or every problem with its place.
// Checks run cheapest first: size before decoding, file kind before parsing. Any problem rejects the whole file.
import { parseCsvDataset } from './csv-import.ts';
import type { DatasetProblem } from './dataset.ts';
import { parseJsonDataset } from './json-import.ts';
import type { Dataset } from './schema.ts';

export const MAX_FILE_MB = 50;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
/** Problems listed before the rest are summed up as "…and N more problems". */
export const MAX_LISTED_PROBLEMS = 100;

export type ImportFormat = 'json' | 'csv';

export type ImportResult = { ok: true; dataset: Dataset; format: ImportFormat } | { ok: false; problems: DatasetProblem[] };

export type ImportInput = {
  readonly name: string;
  /** The file's size in bytes, when known before reading it (File.size); defaults to the length of bytes or text. */
  readonly size?: number;
} & ({ readonly bytes: Uint8Array } | { readonly text: string });

/** Reads a user's CSV or JSON file into a dataset; a file with any problem is rejected whole. */
export function parseDatasetFile(input: ImportInput): ImportResult {
  const name = displayName(input.name);
  const fail = (message: string): ImportResult => ({ ok: false, problems: [{ where: name, message }] });
  const size = input.size ?? ('bytes' in input ? input.bytes.byteLength : input.text.length);
  if (size > MAX_FILE_BYTES) return fail(`is too large (${(Math.ceil((size / 1024 / 1024) * 10) / 10).toFixed(1)} MB); the limit is ${MAX_FILE_MB} MB`);

  const extension = extensionOf(input.name);
  const foreign = FOREIGN_EXTENSIONS[extension];
  if (foreign) return fail(`is not a CSV or JSON file (.${extension} ${foreign})`);

  let text: string;
  if ('bytes' in input) {
    if (input.bytes.byteLength === 0) return fail('is empty');
    const decoded = decodeText(input.bytes);
    if (!decoded.ok) return fail(decoded.error);
    text = decoded.value;
  } else {
    text = input.text;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return fail('is empty');

  const format = formatOf(extension, text);
  if (!format) return fail(`is not a CSV or JSON file: expected a JSON object, or a CSV file whose first row names its columns ('title', 'start', 'country', …)`);
  const result = format === 'json' ? parseJsonDataset(text) : parseCsvDataset(text, { title: titleFromName(input.name) });
  if (result.ok) return { ok: true, dataset: result.dataset, format };
  // Problems about the file as a whole are placed by its name.
  return { ok: false, problems: limitProblems(result.problems.map((problem) => (problem.where ? problem : { ...problem, where: name }))) };
}

/** The first problems, then one line that counts the rest. */
export function limitProblems(problems: readonly DatasetProblem[], max = MAX_LISTED_PROBLEMS): DatasetProblem[] {
  if (problems.length <= max) return [...problems];
  const more = problems.length - max;
  return [...problems.slice(0, max), { where: '', message: `…and ${more} more problem${more === 1 ? '' : 's'}` }];
}

type Decoded = { ok: true; value: string } | { ok: false; error: string };

/** UTF-8 (the BOM is kept for the caller to strip), or UTF-16 when a BOM says so; binary files are named as such. */
export function decodeText(bytes: Uint8Array): Decoded {
  const [first, second] = bytes;
  // UTF-16 is what Excel's "Unicode Text" writes; its BOM makes it unambiguous, so read it rather than refuse it.
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    const encoding = first === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, value: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
      return { ok: false, error: `is not valid ${encoding.toUpperCase()} text; save it as UTF-8 and try again` };
    }
  }
  const signature = SIGNATURES.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  if (signature) return { ok: false, error: `is not a CSV or JSON file: it is ${signature.kind}` };
  if (bytes.includes(0)) {
    return { ok: false, error: 'is not a CSV or JSON file: it contains binary data (NUL bytes); if it is UTF-16 text, save it as UTF-8' };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, Math.max(offset, 0)).reduce((count, byte) => (byte === 0x0a ? count + 1 : count), 1);
    return {
      ok: false,
      error: `is not UTF-8 text (save it as UTF-8, in Excel "CSV UTF-8", and try again): line ${line} has a byte that is not UTF-8, as written by Latin-1 or Windows-1252`,
    };
  }
}

/** Offset of the first byte that starts no valid UTF-8 sequence, or -1; the decoder itself does not say where. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    // Allowed range of the second byte excludes overlong forms, surrogates and code points past U+10FFFF.
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0) return at;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[at + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return at;
    }
    at += length;
  }
  return -1;
}

// Extensions of files people pick by mistake, with what to do instead.
const SPREADSHEET_HINT = 'is a spreadsheet format; save it from your spreadsheet program as "CSV UTF-8" and import that';
const OTHER_HINT = 'cannot hold a dataset; choose a .csv or .json file';
const FOREIGN_EXTENSIONS: Record<string, string> = {
  xlsx: SPREADSHEET_HINT,
  xlsm: SPREADSHEET_HINT,
  xlsb: SPREADSHEET_HINT,
  xls: SPREADSHEET_HINT,
  ods: SPREADSHEET_HINT,
  numbers: SPREADSHEET_HINT,
  ...Object.fromEntries(
    ['pdf', 'doc', 'docx', 'odt', 'rtf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'svg', 'heic', 'zip', 'gz', '7z', 'rar', 'mp3', 'mp4', 'mov', 'exe'].map(
      (extension) => [extension, OTHER_HINT],
    ),
  ),
};

// Magic numbers of binary formats that arrive with a misleading name, e.g. a workbook renamed to .csv.
const SIGNATURES: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive, such as an Excel workbook (.xlsx); save it as "CSV UTF-8" instead' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Office document, such as an Excel .xls workbook; save it as "CSV UTF-8" instead' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
];

function formatOf(extension: string, text: string): ImportFormat | undefined {
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  const names = firstLine.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return names.includes('title') ? 'csv' : undefined;
}

function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

function titleFromName(name: string): string | undefined {
  const base = baseName(name).replace(/\.[^.]+$/, '').trim();
  return base ? base.slice(0, 200) : undefined;
}

function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters in a file name would garble the message
  const clean = baseName(name).replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'The file';
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

function baseName(name: string): string {
  return name.split(/[/\\]/).pop() ?? name;
}
