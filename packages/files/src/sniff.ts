import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';

export interface Sniffed {
  mime: string;
  ext: string;
}

/**
 * What a file is by its bytes, never its name or a declared type (an HTML error page is never taken for a
 * video, a text file named .png is not an image). Null when file-type does not recognise it.
 */
export async function sniffBytes(bytes: Uint8Array): Promise<Sniffed | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type ? { mime: type.mime, ext: type.ext } : null;
}

/** `sniffBytes` for a file on disk; file-type reads only as much of it as it needs. */
export async function sniffFile(path: string): Promise<Sniffed | null> {
  const type = await fileTypeFromFile(path);
  return type ? { mime: type.mime, ext: type.ext } : null;
}
