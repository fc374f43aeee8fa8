import type { AssetRef, ProjectView } from '@ministudio/domain';
import type { TSchema } from 'typebox';
import type { Command } from '../commands/command';
import type { Editor } from '../commands/editor';
import type { SceneImpact, ShotImpact } from './deletion-impact';

// What differs between the cast and the locations: one description per kind of entity, read by the
// panel that lists them and the editor frame that edits one. Everything else is written once.

export interface Entity {
  id: string;
  key: string;
  name: string;
  references: AssetRef[];
}

/** An answer that carries the entity as it now is. */
export interface Saved<V> {
  version: number;
  entity: V;
}

/** B is the entity's PATCH body: every field optional, so any part of it is one. */
export interface EntityKind<V extends Entity, B> {
  /** The selection kind that opens this entity in the inspector. */
  selection: 'character' | 'environment';
  /** "character": the add form ("New character name", "Add character") and the delete button. */
  noun: string;
  /** "Character": the editor form's name ("Character Emma Hale"). */
  title: string;
  /** The panel's heading: "Cast". */
  heading: string;
  nameSchema: TSchema;
  all(project: ProjectView): V[];
  /** The panel's thumbnail: an image that shows the entity, if it has one. */
  thumb(entity: V): AssetRef | null;
  /** The panel's second line. */
  summary(entity: V): string;
  /** A new entity from its name alone. */
  create(name: string): B;
  add(ed: Editor, body: B, onCreated: (id: string) => void): Command;
  edit(ed: Editor, id: string, before: B, after: B, label: string): Command;
  /** Folds a saved entity into the project. */
  upsert(project: ProjectView, entity: V, version: number): ProjectView;
  /** The delete as one undoable command: it keeps what it removes (images, lines, scenes) to put back. */
  remove(ed: Editor, id: string): Command;
  /** What the delete takes with it, for the one dialog: a character's shots and lines, a location's scenes. */
  impact(project: ProjectView, entity: V): { shots: ShotImpact[]; scenes: SceneImpact[] };
  /** How many images go with it (references, and a location's plate). */
  images(entity: V): number;
  uploadReference(id: string, file: File, version: number): Promise<Saved<V>>;
  deleteReference(id: string, assetId: string, version: number): Promise<Saved<V>>;
}
