import { Card, CardContent, CardHeader, Rating, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseRecord } from '../../api/types.js';

/**
 * The follow-up (回访评价) when the case has one: the 1-5 satisfaction rating and the comment.
 * @example
 * <CaseFollowUpCard record={record} />
 */
export function CaseFollowUpCard({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const rating = record.data['satisfaction'];
  const comment = record.data['follow_up_comment'];
  if (typeof rating !== 'number' && (typeof comment !== 'string' || comment === '')) return null;
  return (
    <Card variant="outlined" data-testid="follow-up">
      <CardHeader title={translate('shuoshi.case.follow_up')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        {typeof rating === 'number' && (
          <>
            <Rating value={rating} readOnly aria-label={translate('shuoshi.rating.stars', { count: rating })} />
            <Typography variant="body2" color={rating >= 4 ? 'success.main' : rating <= 2 ? 'error.main' : 'text.secondary'}>
              {translate(`shuoshi.rating.grade_${Math.min(5, Math.max(1, Math.round(rating)))}`)}
            </Typography>
          </>
        )}
        {typeof comment === 'string' && comment !== '' && (
          <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            {comment}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
