import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, Button, Divider, IconButton, List, ListItemButton, ListItemText, Popover, Tooltip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiFetch } from '../api/api-fetch.js';
import { readSession } from '../api/session-store.js';
import type { LocalizedText } from '../api/types.js';
import { formatDateTime } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';

interface AppNotification {
  id: string;
  caseId: string;
  reference: string;
  reason: string;
  message: LocalizedText;
  read: boolean;
  createdAt: string;
}

const QUERY_KEY = ['shuoshi', 'notifications', 'unread'];

// The newest unread ones are listed; the badge counts them all (Content-Range's total).
async function unreadNotifications(): Promise<{ items: AppNotification[]; total: number }> {
  const query = new URLSearchParams({ filter: JSON.stringify({ read: false }), range: JSON.stringify([0, 9]), sort: JSON.stringify(['createdAt', 'DESC']) });
  const { body, headers } = await apiFetch(`/notifications?${query.toString()}`);
  const items = body as AppNotification[];
  const total = Number.parseInt(headers.get('Content-Range')?.split('/').pop() ?? '', 10);
  return { items, total: Number.isNaN(total) ? items.length : total };
}

/**
 * The bell in the app bar: the signed-in user's unread in-app notifications (GET
 * /api/notifications, polled each minute), each opening its case and marked read on the way;
 * "mark all read" clears them.
 * @example
 * <AppBar toolbar={<><NotificationBell /><LocalesMenuButton /></>} />
 */
export function NotificationBell() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // react-admin draws the layout while it checks the session: ask only once there is one.
  const signedIn = readSession() !== null;
  const { data } = useQuery({ queryKey: QUERY_KEY, queryFn: unreadNotifications, refetchInterval: 60_000, retry: false, enabled: signedIn });
  const total = data?.total ?? 0;
  const refresh = () => client.invalidateQueries({ queryKey: QUERY_KEY });

  const open = async (notification: AppNotification) => {
    setAnchor(null);
    await apiFetch(`/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' }).catch(() => undefined);
    void refresh();
    navigate(`/cases/${encodeURIComponent(notification.caseId)}/show`);
  };

  return (
    <>
      <Tooltip title={total > 0 ? translate('shuoshi.notifications.unread', { count: total }) : translate('shuoshi.notifications.title')}>
        <IconButton color="inherit" aria-label={translate('shuoshi.notifications.title')} data-unread={total} onClick={(event) => setAnchor(event.currentTarget)}>
          <Badge badgeContent={total} color="warning" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 360, maxWidth: '90vw' }} data-testid="notifications">
          <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1 }}>
            <Typography sx={{ fontWeight: 600, flex: 1 }}>{translate('shuoshi.notifications.title')}</Typography>
            <Button
              size="small"
              disabled={total === 0}
              onClick={async () => {
                await apiFetch('/notifications/read-all', { method: 'POST' }).catch(() => undefined);
                void refresh();
              }}
            >
              {translate('shuoshi.notifications.read_all')}
            </Button>
          </Box>
          <Divider />
          {total === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {translate('shuoshi.notifications.none')}
            </Typography>
          ) : (
            <List dense disablePadding sx={{ maxHeight: 420, overflow: 'auto' }}>
              {(data?.items ?? []).map((notification) => (
                <ListItemButton key={notification.id} onClick={() => void open(notification)} aria-label={translate('shuoshi.notifications.open_case', { reference: notification.reference })}>
                  <ListItemText primary={localize(notification.message, locale)} secondary={`${notification.reference} · ${formatDateTime(notification.createdAt, locale)}`} />
                </ListItemButton>
              ))}
            </List>
          )}
        </Box>
      </Popover>
    </>
  );
}
