import { createEngine, isEngineError, simulate, type AvailableEvent, type SimulationStep, type SimulationTrace, type Workflow } from '@shuoshi/engine';
import { useMemo, useState } from 'react';

/**
 * The simulator's state: the case's opening data (null before it starts), the steps taken, the
 * trace the engine computes from them (or why it could not), and the events the role may send now.
 * @example
 * const sim = useSimulation(workflow, '2025-09-29T09:00:00+08:00', 'mediator');
 * sim.send('mediate', {});
 */
export interface Simulation {
  started: boolean;
  trace: SimulationTrace | null;
  /** Why the workflow cannot be simulated or the case cannot be opened (invalid draft, missing field). */
  error: { code: string; message: string } | null;
  available: AvailableEvent[];
  /** Roles that have an event to send in the current state, for a hint when the chosen one has none. */
  rolesWithEvents: string[];
  begin(data: Record<string, unknown>): void;
  send(event: string, data: Record<string, unknown>): void;
  advance(duration: string): void;
  undo(): void;
  reset(): void;
}

function asError(error: unknown): { code: string; message: string } {
  if (isEngineError(error)) return { code: error.code, message: error.message };
  return { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs a workflow in the browser on a simulated clock: each change to the steps replays them all
 * through the engine's `simulate` (pure, so replaying is exact), nothing is sent to the server.
 * @example
 * const sim = useSimulation(workflow, start, role);
 */
export function useSimulation(workflow: Workflow, start: string, role: string, candidateRoles: readonly string[]): Simulation {
  const [data, setData] = useState<Record<string, unknown> | null>(null);
  const [steps, setSteps] = useState<SimulationStep[]>([]);

  const engine = useMemo(() => {
    try {
      return { engine: createEngine({ workflows: [workflow] }), error: null };
    } catch (error) {
      return { engine: null, error: asError(error) };
    }
  }, [workflow]);

  const run = useMemo(() => {
    if (data === null || !engine.engine) return { trace: null, error: engine.error };
    try {
      return { trace: simulate(workflow, steps, { start, data }), error: null };
    } catch (error) {
      return { trace: null, error: asError(error) };
    }
  }, [workflow, steps, start, data, engine]);

  const snapshot = run.trace?.snapshot;
  const actorOf = (r: string) => ({ id: `sim-${r}`, roles: [r] });
  const available = snapshot && engine.engine ? engine.engine.availableEvents(snapshot, actorOf(role)) : [];
  const rolesWithEvents = snapshot && engine.engine ? candidateRoles.filter((r) => (engine.engine?.availableEvents(snapshot, actorOf(r)).length ?? 0) > 0) : [];

  return {
    started: data !== null,
    trace: run.trace,
    error: run.error,
    available,
    rolesWithEvents,
    begin: (opening) => {
      setSteps([]);
      setData(opening);
    },
    send: (event, eventData) => setSteps((previous) => [...previous, { event, role, ...(Object.keys(eventData).length > 0 ? { data: eventData } : {}) }]),
    advance: (duration) => setSteps((previous) => [...previous, { advance: duration }]),
    undo: () => setSteps((previous) => previous.slice(0, -1)),
    reset: () => {
      setSteps([]);
      setData(null);
    },
  };
}
