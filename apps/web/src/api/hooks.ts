import type { ProjectView } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { getProject, listProjects } from './endpoints';
import { projectKey, projectsKey } from './query-keys';

export const useProjects = () => useQuery({ queryKey: projectsKey, queryFn: listProjects });

export function useProject<T = ProjectView>(id: string, select?: (p: ProjectView) => T) {
  return useQuery({ queryKey: projectKey(id), queryFn: () => getProject(id), select });
}
