import { randomUUID } from 'node:crypto';
import type { AssetStore } from '@ministudio/db';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../lib/http-error';
import { inspectImage } from './images';
import type { Tx } from './project-write';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface ReceivedImage {
  sha256: string;
  bytes: number;
  mime: string;
  width: number;
  height: number;
  name: string;
}

/** Reads the multipart field `file`, checks it is a real image, and stores it by content hash. */
export async function receiveImage(request: FastifyRequest, store: AssetStore): Promise<ReceivedImage> {
  const part = await request.file({ limits: { fileSize: MAX_IMAGE_BYTES, files: 1 } });
  if (!part) {
    throw new HttpError('validation_failed', 'Send the image as a multipart field named "file"', {
      issues: [{ path: 'body/file', message: 'is required' }],
    });
  }
  const buffer = await part.toBuffer();
  if (buffer.length === 0) {
    throw new HttpError('validation_failed', 'The file is empty', {
      issues: [{ path: 'body/file', message: 'is empty' }],
    });
  }
  const image = await inspectImage(buffer);
  const stored = await store.put(buffer);
  return {
    ...stored,
    mime: image.mime,
    width: image.width,
    height: image.height,
    name: part.filename.slice(0, 200),
  };
}

export async function createImageAsset(tx: Tx, projectId: string, image: ReceivedImage): Promise<string> {
  const id = randomUUID();
  await tx.asset.create({
    data: {
      id,
      projectId,
      kind: 'image',
      mime: image.mime,
      bytes: image.bytes,
      sha256: image.sha256,
      width: image.width,
      height: image.height,
      originalName: image.name,
    },
  });
  return id;
}
