import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AssignmentIcon from '@mui/icons-material/Assignment';
import GroupIcon from '@mui/icons-material/Group';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SchemaIcon from '@mui/icons-material/Schema';
import ShareIcon from '@mui/icons-material/Share';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Admin, CustomRoutes, Resource, defaultTheme, type RaThemeOptions } from 'react-admin';
import { Route } from 'react-router-dom';
import { createAuthProvider } from './api/auth-provider.js';
import { createDataProvider } from './api/data-provider.js';
import { CaseList } from './cases/case-list.js';
import { createI18nProvider } from './i18n/i18n-provider.js';
import { AppLayout } from './layout/app-layout.js';
import { EXTRA_PAGES } from './layout/extra-pages.js';
import { lazyView } from './layout/lazy-view.js';
import { LoginPage } from './layout/login-page.js';
import { createUserStore } from './store/user-store.js';

// Everything but the login page and the cases list loads on first use, in its own chunk.
const CaseShow = lazyView(() => import('./cases/show/case-show.js').then((m) => ({ default: m.CaseShow })));
const CaseCreate = lazyView(() => import('./cases/create/case-create.js').then((m) => ({ default: m.CaseCreate })));
const TenantList = lazyView(() => import('./administration/tenants.js').then((m) => ({ default: m.TenantList })));
const TenantCreate = lazyView(() => import('./administration/tenants.js').then((m) => ({ default: m.TenantCreate })));
const TenantEdit = lazyView(() => import('./administration/tenants.js').then((m) => ({ default: m.TenantEdit })));
const UserList = lazyView(() => import('./administration/users.js').then((m) => ({ default: m.UserList })));
const UserCreate = lazyView(() => import('./administration/users.js').then((m) => ({ default: m.UserCreate })));
const UserEdit = lazyView(() => import('./administration/users.js').then((m) => ({ default: m.UserEdit })));
const AgencyList = lazyView(() => import('./administration/agencies.js').then((m) => ({ default: m.AgencyList })));
const AgencyCreate = lazyView(() => import('./administration/agencies.js').then((m) => ({ default: m.AgencyCreate })));
const AgencyEdit = lazyView(() => import('./administration/agencies.js').then((m) => ({ default: m.AgencyEdit })));
const EnterpriseList = lazyView(() => import('./administration/enterprises.js').then((m) => ({ default: m.EnterpriseList })));
const EnterpriseCreate = lazyView(() => import('./administration/enterprises.js').then((m) => ({ default: m.EnterpriseCreate })));
const ReferralList = lazyView(() => import('./referrals/referral-list.js').then((m) => ({ default: m.ReferralList })));
const RiskRegisterList = lazyView(() => import('./risk/risk-register-list.js').then((m) => ({ default: m.RiskRegisterList })));
const WorkflowList = lazyView(() => import('./workflows/list/workflow-list.js').then((m) => ({ default: m.WorkflowList })));
const WorkflowShow = lazyView(() => import('./workflows/lifecycle/workflow-show.js').then((m) => ({ default: m.WorkflowShow })));
const WorkflowDesigner = lazyView(() => import('./workflows/designer/index.js').then((m) => ({ default: m.WorkflowDesigner })));
const EnterpriseEdit = lazyView(() => import('./administration/enterprises.js').then((m) => ({ default: m.EnterpriseEdit })));

const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#b71c1c' }, secondary: { main: '#37474f' } },
};

const dataProvider = createDataProvider();
const authProvider = createAuthProvider();
const i18nProvider = createI18nProvider();
const store = createUserStore();

const nameOf = (record: { name?: { zh?: string } }) => record.name?.zh ?? '';

/**
 * The admin panel: cases for every staff role, administration for the roles the server allows
 * it to, Chinese first with English, on the server's REST API.
 * @example
 * createRoot(element).render(<App />);
 */
export function App() {
  return (
    <Admin
      title="职工说事"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      layout={AppLayout}
      loginPage={LoginPage}
      theme={theme}
      disableTelemetry
    >
      <Resource name="cases" list={CaseList} show={CaseShow} create={CaseCreate} recordRepresentation="reference" icon={AssignmentIcon} />
      <Resource name="tenants" list={TenantList} create={TenantCreate} edit={TenantEdit} recordRepresentation={nameOf} icon={AccountTreeIcon} />
      <Resource name="users" list={UserList} create={UserCreate} edit={UserEdit} recordRepresentation="displayName" icon={GroupIcon} />
      <Resource name="agencies" list={AgencyList} create={AgencyCreate} edit={AgencyEdit} recordRepresentation={nameOf} icon={HandshakeIcon} />
      <Resource name="enterprises" list={EnterpriseList} create={EnterpriseCreate} edit={EnterpriseEdit} recordRepresentation="name" icon={ApartmentIcon} />
      <Resource name="referrals" list={ReferralList} recordRepresentation="reference" icon={ShareIcon} />
      <Resource name="risk-register" list={RiskRegisterList} recordRepresentation="name" icon={WarningAmberIcon} />
      <Resource name="workflows" list={WorkflowList} show={WorkflowShow} recordRepresentation={(record: { title?: { zh?: string } }) => record.title?.zh ?? ''} icon={SchemaIcon} />
      <CustomRoutes>
        <Route path="/workflows/:id/design" element={<WorkflowDesigner />} />
        {EXTRA_PAGES.filter((page) => !page.public).map((page) => (
          <Route key={page.path} path={page.path} element={<page.view />} />
        ))}
      </CustomRoutes>
      <CustomRoutes noLayout>
        {EXTRA_PAGES.filter((page) => page.public).map((page) => (
          <Route key={page.path} path={page.path} element={<page.view />} />
        ))}
      </CustomRoutes>
    </Admin>
  );
}
