import { QueryClientProvider } from '@tanstack/react-query';
import { NoticeRegion } from '../common/notice-region';
import { parseRoute, usePathname } from '../lib/router';
import { ProjectListPage } from '../project-list/project-list-page';
import { ProjectPage } from '../project-page/project-page';
import { ProvidersPage } from '../providers-page/providers-page';
import { queryClient } from './services';

export function App() {
  const route = parseRoute(usePathname());
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeRegion />
      {route.page === 'project' && <ProjectPage key={route.id} projectId={route.id} />}
      {route.page === 'providers' && <ProvidersPage />}
      {route.page === 'projects' && <ProjectListPage />}
    </QueryClientProvider>
  );
}
