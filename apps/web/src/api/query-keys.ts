export const projectsKey = ['projects'] as const;
export const projectKey = (id: string) => ['project', id] as const;
