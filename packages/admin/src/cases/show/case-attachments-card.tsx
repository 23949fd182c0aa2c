import AttachFileIcon from '@mui/icons-material/AttachFile';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Card, CardContent, CardHeader, IconButton, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { attachmentBody, type ShuoshiDataProvider } from '../../api/data-provider.js';
import type { AttachmentRecord } from '../../api/types.js';
import { formatDateTime, formatNumber } from '../../format/formatters.js';
import { ApiErrorAlert } from './api-error-alert.js';

function sizeText(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, { maximumFractionDigits: 1 })} KB`;
  return `${formatNumber(bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB`;
}

/**
 * The case's attachments: the list (name, size, who and when), download, and upload.
 * @example
 * <CaseAttachmentsCard caseId={record.id} />
 */
export function CaseAttachmentsCard({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const queryKey = ['shuoshi', 'attachments', caseId];
  const attachments = useQuery({ queryKey, queryFn: () => dataProvider.caseAttachments(caseId) });

  const upload = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      await dataProvider.uploadAttachment(caseId, await attachmentBody(file));
      notify('shuoshi.attachments.uploaded', { type: 'success', messageArgs: { name: file.name } });
      await queryClient.invalidateQueries({ queryKey });
    } catch (caught) {
      setError(caught);
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  const download = async (attachment: AttachmentRecord) => {
    try {
      const blob = await dataProvider.downloadAttachment(caseId, attachment.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught);
    }
  };

  const rows = attachments.data ?? [];
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('shuoshi.case.attachments')}
        titleTypographyProps={{ variant: 'subtitle1' }}
        action={
          <Button size="small" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()} disabled={uploading}>
            {translate(uploading ? 'shuoshi.attachments.uploading' : 'shuoshi.attachments.upload')}
          </Button>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <input ref={input} type="file" hidden aria-label={translate('shuoshi.attachments.upload')} onChange={(event) => void upload(event.target.files)} />
        {rows.length === 0 && !attachments.isPending && (
          <Typography variant="body2" color="text.secondary">
            {translate('shuoshi.attachments.none')}
          </Typography>
        )}
        <List dense>
          {rows.map((attachment) => (
            <ListItem
              key={attachment.id}
              secondaryAction={
                <IconButton edge="end" aria-label={translate('shuoshi.attachments.download', { name: attachment.filename })} onClick={() => void download(attachment)}>
                  <DownloadIcon />
                </IconButton>
              }
            >
              <ListItemText primary={attachment.filename} secondary={`${sizeText(attachment.size, locale)} · ${formatDateTime(attachment.createdAt, locale)}`} />
            </ListItem>
          ))}
        </List>
        <ApiErrorAlert error={error} />
      </CardContent>
    </Card>
  );
}
