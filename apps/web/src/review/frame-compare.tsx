import type { ProjectDriftFinding } from '@ministudio/domain';
import { useEffect, useRef, useState } from 'react';
import { boxToPixels, differenceInto, LEVEL_LOOK, onionOpacity, wipeColumn } from './review-model';
import { findingKey } from './review-report';
import type { Frame } from './use-frame';

export type CompareMode = 'side' | 'difference' | 'wipe' | 'onion';

interface Panel {
  title: string;
  frame: Frame;
}

/** A box of a finding over a frame drawn at the frame's own aspect ratio (so 0..1 maps to percent). */
function BoxOverlay({ findings }: { findings: readonly ProjectDriftFinding[] }) {
  return (
    <>
      {findings.map((f) =>
        f.box ? (
          <span
            key={findingKey(f)}
            className={`review-box review-box-${f.level}`}
            style={{
              left: `${f.box[0] * 100}%`,
              top: `${f.box[1] * 100}%`,
              width: `${f.box[2] * 100}%`,
              height: `${f.box[3] * 100}%`,
              borderColor: LEVEL_LOOK[f.level].colour,
            }}
          />
        ) : null,
      )}
    </>
  );
}

function FramePanel({
  panel,
  findings,
  heatmap,
  aspect,
}: {
  panel: Panel;
  findings: readonly ProjectDriftFinding[];
  heatmap: string | null;
  aspect: string;
}) {
  return (
    <figure className="review-panel">
      <div className="review-frame" style={{ aspectRatio: aspect }}>
        {panel.frame.src ? (
          <img src={panel.frame.src} alt={panel.title} />
        ) : (
          <span className="review-shot-empty">No frame</span>
        )}
        {heatmap && <img className="review-heatmap" src={heatmap} alt="" />}
        <BoxOverlay findings={findings} />
      </div>
      <figcaption>{panel.title}</figcaption>
    </figure>
  );
}

/** Draws the difference or the wipe of two grabbed frames, with the boxes, into one canvas. */
function CompareCanvas({
  mode,
  a,
  b,
  wipe,
  findings,
  label,
  titles,
}: {
  titles: readonly [string, string];
  mode: 'difference' | 'wipe';
  a: HTMLCanvasElement;
  b: HTMLCanvasElement;
  wipe: number;
  findings: readonly ProjectDriftFinding[];
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [mean, setMean] = useState<number | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { width, height } = a;
    canvas.width = width;
    canvas.height = height;
    if (mode === 'difference') {
      const pa = a.getContext('2d')!.getImageData(0, 0, width, height);
      const pb = b.getContext('2d')!.getImageData(0, 0, width, height);
      const out = ctx.createImageData(width, height);
      setMean(differenceInto(pa.data, pb.data, out.data));
      ctx.putImageData(out, 0, 0);
    } else {
      const x = wipeColumn(wipe, width);
      ctx.drawImage(a, 0, 0);
      ctx.drawImage(b, x, 0, width - x, height, x, 0, width - x, height);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x - 1, 0, 2, height);
      setMean(null);
    }
    ctx.lineWidth = Math.max(2, width / 320);
    for (const f of findings) {
      if (!f.box) continue;
      const r = boxToPixels(f.box, { width, height }, { width, height });
      ctx.strokeStyle = LEVEL_LOOK[f.level].colour;
      ctx.strokeRect(r.left, r.top, r.width, r.height);
    }
  }, [mode, a, b, wipe, findings]);
  return (
    <figure className="review-panel review-panel-wide">
      <canvas ref={ref} className="review-canvas" role="img" aria-label={label} />
      <figcaption>
        {mode === 'difference'
          ? `Difference ×4${mean !== null ? ` · mean ${mean.toFixed(1)} of 255` : ''}`
          : `Wipe: left ${titles[0].toLowerCase()}, right ${titles[1].toLowerCase()}`}
      </figcaption>
    </figure>
  );
}

export function FrameCompare({
  a,
  b,
  first,
  findings,
  heatmap,
  aspect,
}: {
  a: Panel;
  b: Panel;
  /** The character's first appearance, for character findings. */
  first: Panel | null;
  findings: readonly ProjectDriftFinding[];
  heatmap: string | null;
  aspect: string;
}) {
  const [mode, setMode] = useState<CompareMode>('side');
  const [showHeatmap, setShowHeatmap] = useState(false);
  const [wipe, setWipe] = useState(0.5);
  const [onion, setOnion] = useState(0.5);
  const grabbed = a.frame.canvas && b.frame.canvas;
  const boxes = findings.filter((f) => f.box);
  return (
    <section className="review-compare" aria-label="Compare frames">
      <div className="review-toolbar" role="toolbar" aria-label="Compare">
        <div className="review-modes" role="radiogroup" aria-label="Comparison">
          {(
            [
              ['side', 'Side by side'],
              ['difference', 'Difference'],
              ['wipe', 'Wipe'],
              ['onion', 'Onion skin'],
            ] as const
          ).map(([id, text]) => (
            <label key={id}>
              <input
                type="radio"
                name="review-mode"
                checked={mode === id}
                disabled={(id === 'difference' || id === 'wipe') && !grabbed}
                onChange={() => setMode(id)}
              />
              {text}
            </label>
          ))}
        </div>
        <label>
          <input
            type="checkbox"
            checked={showHeatmap}
            disabled={!heatmap}
            onChange={(e) => setShowHeatmap(e.target.checked)}
          />
          Heatmap
        </label>
        {mode === 'wipe' && (
          <label>
            Wipe
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={wipe}
              onChange={(e) => setWipe(Number(e.target.value))}
            />
          </label>
        )}
        {mode === 'onion' && (
          <label>
            Next shot
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={onion}
              onChange={(e) => setOnion(Number(e.target.value))}
            />
          </label>
        )}
      </div>
      <div className="review-panels">
        {mode === 'side' && (
          <>
            {/* The map is in A's frame, and over B it would tint the very colours being judged: A only. */}
            <FramePanel panel={a} findings={boxes} heatmap={showHeatmap ? heatmap : null} aspect={aspect} />
            <FramePanel panel={b} findings={boxes} heatmap={null} aspect={aspect} />
          </>
        )}
        {(mode === 'difference' || mode === 'wipe') && a.frame.canvas && b.frame.canvas && (
          <CompareCanvas
            mode={mode}
            a={a.frame.canvas}
            b={b.frame.canvas}
            wipe={wipe}
            findings={boxes}
            titles={[a.title, b.title]}
            label={mode === 'difference' ? 'Difference of the two frames' : 'Wipe between the two frames'}
          />
        )}
        {mode === 'onion' && (
          <figure className="review-panel review-panel-wide">
            <div className="review-frame" style={{ aspectRatio: aspect }}>
              {a.frame.src && <img src={a.frame.src} alt={a.title} />}
              {b.frame.src && (
                <img
                  className="review-onion"
                  src={b.frame.src}
                  alt={b.title}
                  style={{ opacity: onionOpacity(onion) }}
                />
              )}
              <BoxOverlay findings={boxes} />
            </div>
            <figcaption>
              Onion skin: {b.title} over {a.title}
            </figcaption>
          </figure>
        )}
        {first && <FramePanel panel={first} findings={[]} heatmap={null} aspect={aspect} />}
      </div>
    </section>
  );
}
