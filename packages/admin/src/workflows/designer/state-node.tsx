import LockIcon from '@mui/icons-material/Lock';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslate } from 'react-admin';
import { NODE_HEIGHT, NODE_WIDTH } from './diagram-layout.js';

/**
 * What a state node shows: texts already localized, marks computed by the diagram.
 * @example
 * const data: StateNodeData = { title: '受理', sla: '1 工作日', ladder: ['yellow', 'red'], final: false, initial: true, locked: false };
 */
export type StateNodeData = {
  title: string;
  sla: string | null;
  ladder: Array<'yellow' | 'red'>;
  final: boolean;
  initial: boolean;
  locked: boolean;
  mark?: 'added' | 'changed';
  highlight?: 'current' | 'visited';
  faulty?: boolean;
  readOnly?: boolean;
  /** Events that keep the case in the state (notes, clock pauses): not drawn as edges. */
  stays: number;
};

/**
 * A state node of the diagram, as React Flow holds it.
 * @example
 * const node: StateNode = { id: 'triage', type: 'state', position: { x: 0, y: 0 }, data };
 */
export type StateNode = Node<StateNodeData, 'state'>;

const LADDER_COLOURS = { yellow: '#f9a825', red: '#c62828' } as const;

function borderOf(data: StateNodeData, selected: boolean): string {
  if (selected) return '3px solid #1565c0';
  if (data.highlight === 'current') return '3px solid #2e7d32';
  if (data.faulty) return '2px solid #c62828';
  if (data.final) return '3px double #37474f';
  return '1px solid #90a4ae';
}

/**
 * One state on the workflow diagram: title, SLA, warning ladder dots, and its marks (initial,
 * final, locked by the template, added or changed by the overlay, current or visited in a
 * simulation).
 * @example
 * <ReactFlow nodeTypes={{ state: StateNodeView }} ... />
 */
export function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const translate = useTranslate();
  const background = data.highlight === 'current' ? '#e8f5e9' : data.highlight === 'visited' ? '#e3f2fd' : data.locked ? '#eceff1' : '#ffffff';
  return (
    <Box
      data-testid="designer-state-node"
      sx={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT, boxSizing: 'border-box', border: borderOf(data, selected), borderRadius: data.final ? 4 : 1.5, background, px: 1.25, py: 0.75, boxShadow: selected ? 3 : 0 }}
    >
      <Handle type="target" position={Position.Top} isConnectable={!data.readOnly} />
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minHeight: 24 }}>
        {data.locked ? (
          <Tooltip title={translate('shuoshi.designer.diagram.locked_hint')}>
            <LockIcon fontSize="small" sx={{ color: 'text.secondary' }} aria-label={translate('shuoshi.designer.diagram.locked')} />
          </Tooltip>
        ) : null}
        <Typography variant="subtitle2" sx={{ fontWeight: 600, flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {data.title}
        </Typography>
        {data.mark ? <Chip size="small" color={data.mark === 'added' ? 'success' : 'warning'} label={translate(`shuoshi.designer.diagram.${data.mark}`)} sx={{ height: 20 }} /> : null}
      </Stack>
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mt: 0.25, flexWrap: 'wrap' }}>
        {data.initial ? <Chip size="small" variant="outlined" label={translate('shuoshi.designer.diagram.initial')} sx={{ height: 20 }} /> : null}
        {data.final ? <Chip size="small" variant="outlined" label={translate('shuoshi.designer.diagram.final')} sx={{ height: 20 }} /> : null}
        {data.sla ? (
          <Typography variant="caption" color="text.secondary">
            {translate('shuoshi.designer.diagram.sla', { sla: data.sla })}
          </Typography>
        ) : null}
        {data.ladder.map((level, index) => (
          <Box key={index} component="span" title={translate(`shuoshi.designer.level.${level}`)} sx={{ width: 10, height: 10, borderRadius: '50%', background: LADDER_COLOURS[level], display: 'inline-block' }} />
        ))}
      </Stack>
      {data.stays > 0 ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('shuoshi.designer.diagram.stays', { smart_count: data.stays })}
        </Typography>
      ) : null}
      <Handle type="source" position={Position.Bottom} isConnectable={!data.readOnly && !data.locked} />
    </Box>
  );
}
