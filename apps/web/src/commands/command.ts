// An edit as data: what it is called, how to apply it and how to take it back. Both sides send their API
// writes through the editor's write queue, so history never talks HTTP directly.
export interface Command {
  label: string;
  do(): Promise<void>;
  undo(): Promise<void>;
}
