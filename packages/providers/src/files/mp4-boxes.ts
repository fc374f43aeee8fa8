import { open } from 'node:fs/promises';

/**
 * True when the file's top-level ISO-BMFF boxes (ftyp, moov, mdat, ...) exactly fill it. A download
 * cut short leaves the last box claiming more bytes than exist, even when moov came first and a
 * prober would read the header happily.
 */
export async function mp4BoxesComplete(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    let boxes = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1) {
        if (bytesRead < 16) return false;
        boxSize = Number(header.readBigUInt64BE(8));
      } else if (boxSize === 0) {
        boxSize = size - offset; // "extends to the end of the file"
      }
      if (boxSize < 8) return false;
      offset += boxSize;
      boxes++;
    }
    return boxes > 0 && offset === size;
  } finally {
    await handle.close();
  }
}
