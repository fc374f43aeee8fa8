import { QueryClientProvider } from '@tanstack/react-query';
import { NoticeRegion } from '../components/common/notice-region';
import { ProjectListPage } from '../components/project-list/project-list-page';
import { ProjectPage } from '../components/project-page/project-page';
import { ProvidersPage } from '../components/providers-page/providers-page';
import { parseRoute, usePathname } from '../lib/router';
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
