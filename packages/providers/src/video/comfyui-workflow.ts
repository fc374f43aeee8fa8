// ComfyUI workflows in API format: { "<node id>": { class_type, inputs: { name: value | [nodeId, output] } } }.
// Templates mark where the shot goes with "{{name}}" strings; these functions are pure.

export type Workflow = Record<
  string,
  { class_type: string; inputs: Record<string, unknown>; _meta?: unknown }
>;
export type PlaceholderValues = Record<string, string | number | null>;

const WHOLE = /^\{\{\s*([a-z0-9_]+)\s*\}\}$/;
const PART = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

export function placeholdersOf(template: Workflow): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(PART)) found.add(m[1] ?? '');
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(template);
  return found;
}

export function parseWorkflow(text: string): Workflow {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('workflow must be an object of nodes');
  for (const [id, node] of Object.entries(parsed)) {
    const n = node as { class_type?: unknown; inputs?: unknown };
    if (typeof n.class_type !== 'string' || n.inputs === null || typeof n.inputs !== 'object') {
      throw new Error(`node ${id} is not in API format (class_type and inputs); export with "Save (API)"`);
    }
  }
  return parsed as Workflow;
}

/**
 * Fills placeholders. A value that is the whole string keeps its type (numbers stay numbers). A node
 * whose placeholder has no value (no first frame for this shot) is removed together with every input
 * that links to it, so optional inputs such as `start_image` simply disappear.
 */
export function fillWorkflow(template: Workflow, values: PlaceholderValues): Workflow {
  const missing = new Set<string>();
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const whole = WHOLE.exec(v);
      if (whole !== null) {
        const value = values[whole[1] ?? ''];
        if (value === undefined) throw new Error(`workflow placeholder {{${whole[1]}}} has no value`);
        if (value === null) missing.add(whole[1] ?? '');
        return value;
      }
      return v.replace(PART, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`workflow placeholder {{${name}}} has no value`);
        return value === null ? '' : String(value);
      });
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  const filled = fill(template) as Workflow;
  const drop = new Set(
    Object.entries(filled)
      .filter(([, node]) => Object.values(node.inputs).some((x) => x === null))
      .map(([id]) => id),
  );
  return pruneNodes(filled, drop);
}

const isLink = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

export function pruneNodes(workflow: Workflow, drop: Set<string>): Workflow {
  if (drop.size === 0) return workflow;
  const out: Workflow = {};
  for (const [id, node] of Object.entries(workflow)) {
    if (drop.has(id)) continue;
    const inputs = Object.fromEntries(
      Object.entries(node.inputs).filter(([, v]) => !(isLink(v) && drop.has(v[0]))),
    );
    out[id] = { ...node, inputs };
  }
  return out;
}

/** Wan-family models want 4k+1 frames. */
export function framesFor(durationSeconds: number, fps: number): { frames: number; frames4k1: number } {
  const frames = Math.max(1, Math.round(durationSeconds * fps));
  return { frames, frames4k1: Math.max(1, Math.round((frames - 1) / 4) * 4 + 1) };
}

export interface ComfyOutputFile {
  filename: string;
  subfolder: string;
  type: string;
}

const VIDEO_EXT = /\.(mp4|webm|mov|mkv)$/i;

/** Finds the video among history outputs: SaveVideo lists it under `images`, VHS under `gifs`. */
export function findVideoOutput(outputs: Record<string, Record<string, unknown>>): ComfyOutputFile | null {
  for (const node of Object.values(outputs)) {
    for (const key of ['videos', 'gifs', 'images']) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const f = item as Partial<ComfyOutputFile>;
        if (typeof f.filename === 'string' && VIDEO_EXT.test(f.filename)) {
          return { filename: f.filename, subfolder: f.subfolder ?? '', type: f.type ?? 'output' };
        }
      }
    }
  }
  return null;
}
