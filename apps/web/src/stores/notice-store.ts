import { create } from 'zustand';

// Messages the user must see (conflicts, failed saves). Shown in one role="alert" region.

/** Where to go to deal with what a notice says (an editor path, e.g. the providers page). */
export interface NoticeLink {
  label: string;
  path: string;
}

export interface Notice {
  id: number;
  kind: 'error' | 'conflict' | 'info';
  text: string;
  link: NoticeLink | null;
}

interface NoticeState {
  notices: Notice[];
  show(kind: Notice['kind'], text: string, link?: NoticeLink): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  show: (kind, text, link) =>
    set((s) => ({
      // The same message twice in a row adds nothing; keep the newest few only.
      notices: [
        ...s.notices.filter((n) => n.text !== text),
        { id: nextId++, kind, text, link: link ?? null },
      ].slice(-3),
    })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export const CONFLICT_MESSAGE =
  'This project was changed elsewhere — showing the latest version; your last change was not saved.';
