import type { AssetRef } from '@ministudio/domain';
import { useId, useState } from 'react';
import { reportError } from '../app/report-error';
import { CloseIcon } from '../common/icons';

interface ReferenceImagesProps {
  title: string;
  /** Names the thing the images belong to, for the upload label ("Upload reference image for Emma"). */
  owner: string;
  images: AssetRef[];
  upload(file: File): Promise<unknown>;
  remove(asset: AssetRef): Promise<unknown>;
  uploadLabel: string;
}

export const ACCEPTED_IMAGES = 'image/png,image/jpeg,image/webp,image/gif';

export function ReferenceImages({ title, owner, images, upload, remove, uploadLabel }: ReferenceImagesProps) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const onFiles = async (files: File[]) => {
    setBusy(true);
    try {
      // One after another: each upload bumps the project version the next one needs.
      for (const file of files) await upload(file);
    } catch (error) {
      reportError(error, 'upload the image');
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      {images.length === 0 && <p className="muted small">No images yet.</p>}
      <ul className="ref-grid">
        {images.map((asset) => (
          <li key={asset.id} className="ref-item">
            <a href={asset.url} target="_blank" rel="noreferrer">
              <img
                src={asset.thumbnailUrl ?? asset.url}
                alt={`${title} ${asset.name} of ${owner}`}
                loading="lazy"
              />
            </a>
            <button
              type="button"
              className="icon-button danger-quiet ref-remove"
              aria-label={`Remove ${asset.name}`}
              onClick={() => void remove(asset).catch((e) => reportError(e, 'remove the image'))}
            >
              <CloseIcon />
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId} className={`button upload${busy ? ' disabled' : ''}`}>
        {busy ? 'Uploading…' : uploadLabel}
      </label>
      <input
        id={inputId}
        className="visually-hidden-file"
        type="file"
        accept={ACCEPTED_IMAGES}
        multiple
        disabled={busy}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void onFiles(files);
        }}
      />
    </fieldset>
  );
}
