import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AssignmentIcon from '@mui/icons-material/Assignment';
import GroupIcon from '@mui/icons-material/Group';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SchemaIcon from '@mui/icons-material/Schema';
import ShareIcon from '@mui/icons-material/Share';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Divider, ListSubheader } from '@mui/material';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccessWith } from '../api/permissions.js';
import { EXTRA_PAGES } from './extra-pages.js';

// The admins who shape their union's flows (the server checks it again on every write).
const WORKFLOW_ROLES: readonly string[] = ['county_admin', 'township_admin'];

const ADMINISTRATION = [
  { resource: 'tenants', icon: <AccountTreeIcon /> },
  { resource: 'users', icon: <GroupIcon /> },
  { resource: 'agencies', icon: <HandshakeIcon /> },
  { resource: 'enterprises', icon: <ApartmentIcon /> },
] as const;

/**
 * The side menu: the extra pages a role may open (the dashboard), the cases, the referrals, the
 * enterprise risk register, the workflows for admins, and the administration entries the role may
 * list (hidden otherwise).
 * @example
 * <Layout menu={AppMenu} />
 */
export function AppMenu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<string[]>();
  const roles = permissions ?? [];
  const administration = ADMINISTRATION.filter(({ resource }) => canAccessWith(roles, resource, 'list'));
  return (
    <Menu>
      {EXTRA_PAGES.filter((page) => !page.public && page.menuLabel && (!page.roles || page.roles.some((role) => roles.includes(role)))).map((page) => (
        <Menu.Item key={page.path} to={page.path} primaryText={translate(page.menuLabel ?? '')} leftIcon={page.icon} />
      ))}
      <Menu.Item to="/cases" primaryText={translate('resources.cases.name', { smart_count: 2 })} leftIcon={<AssignmentIcon />} />
      <Menu.Item to="/referrals" primaryText={translate('shuoshi.menu.referrals')} leftIcon={<ShareIcon />} />
      <Menu.Item to="/risk-register" primaryText={translate('shuoshi.menu.risk_register')} leftIcon={<WarningAmberIcon />} />
      {roles.some((role) => WORKFLOW_ROLES.includes(role)) && <Menu.Item to="/workflows" primaryText={translate('shuoshi.workflows.title')} leftIcon={<SchemaIcon />} />}
      {administration.length > 0 && <Divider />}
      {administration.length > 0 && open && <ListSubheader sx={{ lineHeight: '2.5em', background: 'transparent' }}>{translate('shuoshi.menu.administration')}</ListSubheader>}
      {administration.map(({ resource, icon }) => (
        <Menu.Item key={resource} to={`/${resource}`} primaryText={translate(`resources.${resource}.name`, { smart_count: 2 })} leftIcon={icon} />
      ))}
    </Menu>
  );
}
