import { QueryClientProvider } from '@tanstack/react-query';
import { ACCOUNT_PATH } from '../account/account-menu';
import { AccountPage } from '../account/account-page';
import { AuthGate } from '../account/auth-gate';
import { NoticeRegion } from '../common/notice-region';
import { parseRoute, usePathname } from '../lib/router';
import { ProjectListPage } from '../project-list/project-list-page';
import { ProjectPage } from '../project-page/project-page';
import { ProvidersPage } from '../providers-page/providers-page';
import { queryClient } from './services';

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const account = pathname.replace(/\/$/, '') === ACCOUNT_PATH;
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeRegion />
      <AuthGate>
        {account && <AccountPage />}
        {!account && route.page === 'project' && <ProjectPage key={route.id} projectId={route.id} />}
        {!account && route.page === 'providers' && <ProvidersPage />}
        {!account && route.page === 'projects' && <ProjectListPage />}
      </AuthGate>
    </QueryClientProvider>
  );
}
