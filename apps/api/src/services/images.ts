import { sniffBytes } from '@ministudio/files';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { HttpError } from '../lib/http-error';

export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export interface InspectedImage {
  mime: string;
  width: number;
  height: number;
}

/**
 * Trusts the bytes, not the file name or the declared type: a text file renamed .png is refused with
 * 415, and so is an image that does not decode.
 */
export async function inspectImage(bytes: Buffer): Promise<InspectedImage> {
  const type = await sniffBytes(bytes);
  if (!type || !(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type.mime)) {
    throw new HttpError(
      'unsupported_media_type',
      `This file is not an accepted image (${ACCEPTED_IMAGE_TYPES.map((t) => t.slice(6).toUpperCase()).join(', ')})`,
      { detected: type?.mime ?? null, accepted: ACCEPTED_IMAGE_TYPES },
    );
  }
  try {
    const image = await loadImage(bytes);
    return { mime: type.mime, width: image.width, height: image.height };
  } catch {
    throw new HttpError('unsupported_media_type', 'The image is damaged and cannot be decoded', {
      detected: type.mime,
    });
  }
}

/** A PNG no larger than `size` on its long side, keeping the aspect ratio. */
export async function makeThumbnail(bytes: Buffer, size: number): Promise<Buffer> {
  const image = await loadImage(bytes);
  const scale = Math.min(1, size / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return canvas.encode('png');
}
