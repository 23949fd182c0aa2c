import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, type LayoutProps } from 'react-admin';
import { AppMenu } from './app-menu.js';
import { NotificationBell } from './notification-bell.js';

function AppToolbar() {
  return (
    <>
      <NotificationBell />
      <LocalesMenuButton />
      <LoadingIndicator />
    </>
  );
}

function ShuoshiAppBar() {
  return <AppBar toolbar={<AppToolbar />} />;
}

/**
 * react-admin's layout with the panel's menu, and an app bar with the notification bell beside
 * the language menu and the user menu.
 * @example
 * <Admin layout={AppLayout} />
 */
export function AppLayout(props: LayoutProps) {
  return <Layout {...props} menu={AppMenu} appBar={ShuoshiAppBar} />;
}
