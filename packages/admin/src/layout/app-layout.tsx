import { Layout, type LayoutProps } from 'react-admin';
import { AppMenu } from './app-menu.js';

/**
 * react-admin's layout with the panel's menu (the app bar keeps its language menu and user menu).
 * @example
 * <Admin layout={AppLayout} />
 */
export function AppLayout(props: LayoutProps) {
  return <Layout {...props} menu={AppMenu} />;
}
