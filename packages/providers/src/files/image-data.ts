import { readFile } from 'node:fs/promises';
import type { ImageInput } from '@ministudio/domain';

export async function imageBase64(image: ImageInput): Promise<string> {
  return (await readFile(image.path)).toString('base64');
}

/** Most HTTP providers accept a data URI wherever they take an image URL. */
export async function imageDataUri(image: ImageInput): Promise<string> {
  return `data:${image.mime};base64,${await imageBase64(image)}`;
}
