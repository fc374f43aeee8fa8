export const projectsKey = ['projects'] as const;
export const projectKey = (id: string) => ['project', id] as const;
export const jobsKey = (projectId: string) => ['jobs', projectId] as const;
export const shotStatesKey = (projectId: string) => ['shot-states', projectId] as const;
export const renderCheckKey = (projectId: string) => ['render-check', projectId] as const;
export const takesKey = (shotId: string) => ['takes', shotId] as const;
export const takesPrefix = ['takes'] as const;
export const providersKey = ['providers'] as const;
export const waveformKey = (url: string) => ['waveform', url] as const;
