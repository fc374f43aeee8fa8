import { randomUUID } from 'node:crypto';
import type { Tx } from './project-write';

/**
 * Copies the finished takes of one project's shots onto the same shots (same scene and shot keys) of
 * another: a duplicated project keeps its takes. The files are content-addressed, so only rows are
 * copied: each take's assets get rows of their own in the copy (deleting one project never removes a
 * file the other still uses), pointing at the same stored files. Nothing is rendered or copied twice.
 * Answers how many takes were copied.
 */
export async function copyTakes(tx: Tx, fromProjectId: string, toProjectId: string): Promise<number> {
  const shotsOf = (projectId: string) =>
    tx.shot.findMany({
      where: { scene: { projectId } },
      include: { scene: { select: { key: true } }, takes: { where: { status: 'succeeded' } } },
    });
  const target = new Map((await shotsOf(toProjectId)).map((s) => [`${s.scene.key}/${s.key}`, s.id]));
  const assetIds = new Map<string, string>();
  const copyAsset = async (id: string): Promise<string | null> => {
    const known = assetIds.get(id);
    if (known) return known;
    const asset = await tx.asset.findFirst({ where: { id, projectId: fromProjectId } });
    if (!asset) return null;
    const copy = randomUUID();
    await tx.asset.create({
      data: { ...asset, id: copy, projectId: toProjectId, createdAt: asset.createdAt },
    });
    assetIds.set(id, copy);
    return copy;
  };
  let copied = 0;
  for (const shot of await shotsOf(fromProjectId)) {
    const to = target.get(`${shot.scene.key}/${shot.key}`);
    if (!to) continue;
    let chosen: string | null = null;
    for (const take of shot.takes) {
      // Every string in a take's assets that names one of the project's assets is an asset id.
      const assets = JSON.parse(take.assets) as Record<string, unknown>;
      for (const [name, value] of Object.entries(assets)) {
        if (typeof value !== 'string') continue;
        const copy = await copyAsset(value);
        if (copy) assets[name] = copy;
      }
      const id = randomUUID();
      await tx.take.create({ data: { ...take, id, shotId: to, assets: JSON.stringify(assets) } });
      if (take.id === shot.chosenTakeId) chosen = id;
      copied++;
    }
    if (chosen) await tx.shot.update({ where: { id: to }, data: { chosenTakeId: chosen } });
  }
  return copied;
}
