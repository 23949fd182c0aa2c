import '@xyflow/react/dist/style.css';
import { Box } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type Connection, type Edge, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { localize } from '../../i18n/use-localized.js';
import { layoutStates } from './diagram-layout.js';
import { loadPositions, rememberPosition, type DiagramPosition } from './diagram-positions.js';
import { diagramTargetKey, type DiagramTarget } from './diagram-target.js';
import { durationText } from './duration-text.js';
import { StateNodeView, type StateNode } from './state-node.js';

/**
 * The drag-and-drop type a palette item carries to add a state where it is dropped.
 * @example
 * event.dataTransfer.setData(STATE_DRAG_TYPE, 'state');
 */
export const STATE_DRAG_TYPE = 'application/x-shuoshi-state';

/**
 * Props of WorkflowDiagram: the workflow to draw and, optionally, what is selected, a simulated
 * path, and the marks of an overlay (locked by the template, added or changed by the township).
 * @example
 * const props: WorkflowDiagramProps = { workflow, highlight: { current: 'triage', visited: ['intake'] }, readOnly: true };
 */
export type WorkflowDiagramProps = {
  workflow: Workflow;
  /** The selected state id or transition `state/event` (see diagramTargetKey). */
  selected?: string | null;
  onSelect?(target: DiagramTarget | null): void;
  highlight?: { current?: string; visited?: string[] };
  readOnly?: boolean;
  /** States locked by the template: drawn with a lock. */
  locked?: ReadonlySet<string>;
  /** States and transitions (`state/event`) the overlay changed: marked 已修改. */
  changed?: ReadonlySet<string>;
  /** States and transitions the overlay added: marked 新增. */
  added?: ReadonlySet<string>;
  /** States and transitions with validation issues: outlined red. */
  faulty?: ReadonlySet<string>;
  /** A handle was dragged from one state to another: add a transition. */
  onConnect?(source: string, target: string): void;
  /** A palette item was dropped on the canvas at this position: add a state there. */
  onDropState?(position: DiagramPosition): void;
  height?: number | string;
};

function DiagramCanvas(props: WorkflowDiagramProps) {
  const { workflow, selected, onSelect, highlight, readOnly, locked, changed, added, faulty, onConnect, onDropState } = props;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<StateNode[]>([]);

  const built = useMemo(() => {
    const positions = layoutStates(workflow, loadPositions(workflow.key));
    const visited = new Set(highlight?.visited ?? []);
    const stateNodes: StateNode[] = Object.entries(workflow.states).map(([id, state]) => {
      const mark = added?.has(id) ? 'added' : changed?.has(id) ? 'changed' : undefined;
      const current = highlight?.current === id ? 'current' : visited.has(id) ? 'visited' : undefined;
      return {
        id,
        type: 'state',
        position: positions[id] ?? { x: 0, y: 0 },
        selected: selected === id,
        draggable: true,
        data: {
          title: localize(state.title, locale) || id,
          sla: state.sla ? durationText(state.sla.within, translate) : null,
          ladder: (state.warnings ?? []).map((step) => step.level),
          final: state.final === true,
          initial: workflow.initial === id,
          locked: locked?.has(id) === true || state.locked === true,
          stays: state.transitions.filter((t) => !t.target || t.target === id).length,
          ...(mark ? { mark } : {}),
          ...(current ? { highlight: current } : {}),
          ...(faulty?.has(id) ? { faulty: true } : {}),
          ...(readOnly ? { readOnly: true } : {}),
        },
      };
    });
    const edges: Edge[] = [];
    for (const [id, state] of Object.entries(workflow.states)) {
      for (const transition of state.transitions) {
        if (!transition.target || transition.target === id || !Object.hasOwn(workflow.states, transition.target)) continue;
        const key = diagramTargetKey({ kind: 'transition', state: id, event: transition.event });
        const mark = added?.has(key) ? ` · ${translate('shuoshi.designer.diagram.added')}` : changed?.has(key) ? ` · ${translate('shuoshi.designer.diagram.changed')}` : '';
        const onPath = visited.has(id) && (visited.has(transition.target) || highlight?.current === transition.target);
        const colour = selected === key ? '#1565c0' : faulty?.has(key) ? '#c62828' : onPath ? '#2e7d32' : '#78909c';
        edges.push({
          id: key,
          source: id,
          target: transition.target,
          label: (localize(transition.label, locale) || transition.event) + mark,
          type: 'smoothstep',
          selected: selected === key,
          animated: onPath,
          markerEnd: { type: MarkerType.ArrowClosed, color: colour },
          style: { stroke: colour, strokeWidth: selected === key || onPath ? 2.5 : 1.5 },
          labelStyle: { fontSize: 12 },
          labelBgStyle: { fill: '#fff' },
        });
      }
    }
    return { stateNodes, edges };
  }, [workflow, selected, highlight, readOnly, locked, changed, added, faulty, locale, translate]);

  useEffect(() => setNodes(built.stateNodes), [built.stateNodes]);

  const onNodesChange = useCallback((changes: NodeChange<StateNode>[]) => setNodes((current) => applyNodeChanges(changes, current)), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!onDropState || !event.dataTransfer.types.includes(STATE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, [onDropState]);

  const onDrop = useCallback((event: DragEvent) => {
    if (!onDropState || !event.dataTransfer.types.includes(STATE_DRAG_TYPE)) return;
    event.preventDefault();
    onDropState(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [onDropState, flow]);

  return (
    <ReactFlow<StateNode, Edge>
      nodes={nodes}
      edges={built.edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onNodeDragStop={(_event, node) => rememberPosition(workflow.key, node.id, node.position)}
      onNodeClick={(_event, node) => onSelect?.({ kind: 'state', state: node.id })}
      onEdgeClick={(_event, edge) => onSelect?.({ kind: 'transition', state: edge.source, event: edge.id.slice(edge.source.length + 1) })}
      onPaneClick={() => onSelect?.(null)}
      onConnect={(connection: Connection) => {
        if (connection.source && connection.target) onConnect?.(connection.source, connection.target);
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesConnectable={!readOnly && onConnect !== undefined}
      deleteKeyCode={null}
      fitView
      fitViewOptions={{ padding: 0.15 }}
      minZoom={0.2}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

const NODE_TYPES = { state: StateNodeView };

/**
 * The workflow as a diagram (@xyflow/react, laid out top to bottom with dagre; positions the
 * user drags are remembered per workflow key): states with SLA and warning ladder, transitions
 * as labelled edges, locked, added and changed marks, and a simulated path.
 * @example
 * <WorkflowDiagram workflow={workflow} selected="triage" onSelect={(t) => setSelected(t)} highlight={{ current: 'mediation', visited: ['intake', 'triage'] }} readOnly />
 */
export function WorkflowDiagram(props: WorkflowDiagramProps) {
  return (
    <Box data-testid="workflow-diagram" sx={{ height: props.height ?? 560, width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, background: '#fafafa' }}>
      <ReactFlowProvider>
        <DiagramCanvas {...props} />
      </ReactFlowProvider>
    </Box>
  );
}
