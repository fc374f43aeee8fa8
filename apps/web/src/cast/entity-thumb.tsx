import type { AssetRef } from '@ministudio/domain';

/** The first reference image's thumbnail, or the name's initials. */
export function EntityThumb({ name, image }: { name: string; image: AssetRef | null }) {
  const url = image?.thumbnailUrl ?? null;
  if (url) return <img className="thumb" src={url} alt="" width={40} height={40} />;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (
    <span className="thumb thumb-initials" aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
