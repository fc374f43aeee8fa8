import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { writeAtomically } from '@ministudio/files';

// Unpacks a zip from its central directory, one entry at a time from disk. The studio's edit zips are
// streamed with data descriptors and stored (not deflated) clips, which a streaming reader can only
// split by guessing where each entry ends; the central directory says it exactly.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Extracts `zipFile` into `dir`; `strip` leading folders are dropped from each name. Returns the names written. */
export async function unzipToFolder(zipFile: string, dir: string, strip = 0): Promise<string[]> {
  const root = path.resolve(dir);
  const entries = await readCentralDirectory(zipFile);
  const written: string[] = [];
  const handle = await open(zipFile, 'r');
  try {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const relative = entry.name.split('/').slice(strip).join('/');
      if (!relative) continue;
      const target = path.resolve(root, relative);
      // An entry may not point outside the folder ("../x"): refused, not written.
      if (!target.startsWith(`${root}${path.sep}`)) throw new Error(`unsafe path in the zip: ${entry.name}`);
      const header = Buffer.alloc(30);
      await handle.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error(`damaged zip: no local header for ${entry.name}`);
      const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (entry.method !== 0 && entry.method !== 8) {
        throw new Error(
          `${entry.name} is compressed with method ${entry.method}, which this command cannot read`,
        );
      }
      await mkdir(path.dirname(target), { recursive: true });
      await writeAtomically(target, async (temp) => {
        if (entry.compressedSize === 0) {
          await writeFile(temp, '');
          return;
        }
        const source = createReadStream(zipFile, { start, end: start + entry.compressedSize - 1 });
        if (entry.method === 8) await pipeline(source, createInflateRaw(), createWriteStream(temp));
        else await pipeline(source, createWriteStream(temp));
      });
      written.push(relative);
    }
  } finally {
    await handle.close();
  }
  return written.sort();
}

async function readCentralDirectory(zipFile: string): Promise<Entry[]> {
  const handle = await open(zipFile, 'r');
  try {
    const { size } = await handle.stat();
    // The end record is in the last 22 bytes plus a comment of up to 64 KiB.
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new Error('not a zip file (no end of central directory)');
    const count = tail.readUInt16LE(at + 10);
    const length = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || offset === 0xffffffff) {
      throw new Error(
        'the zip is in ZIP64 form (over 4 GB); ask for the edit with --zip and unpack it with unzip',
      );
    }
    const central = Buffer.alloc(length);
    await handle.read(central, 0, length, offset);
    const entries: Entry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (central.readUInt32LE(p) !== CENTRAL) throw new Error('damaged zip: bad central directory');
      const method = central.readUInt16LE(p + 10);
      const compressedSize = central.readUInt32LE(p + 20);
      const nameLength = central.readUInt16LE(p + 28);
      const extraLength = central.readUInt16LE(p + 30);
      const commentLength = central.readUInt16LE(p + 32);
      const localOffset = central.readUInt32LE(p + 42);
      const name = central.toString('utf8', p + 46, p + 46 + nameLength);
      entries.push({ name, method, compressedSize, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}
