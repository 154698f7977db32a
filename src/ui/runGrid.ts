// The run grid's layout, pure: instances as rows, runs as columns (newest on the right), a run
// of each instance in the column of the fire it belongs to; a glyph per cell that reads without
// colour, and the newly-failing mark.
import { FAILED_FAMILY, STOPPED_FAMILY } from '../api/status.js';
import { isNewlyFailing, runFailed, type RunHistory, type RunRecord } from '../store/runs.js';

/** Runs of one fire on different instances start within this of each other. */
const SAME_FIRE_MS = 60_000;

export interface GridCell {
  run: RunRecord;
  /** Failed where the previous run on that instance succeeded. */
  newlyFailing: boolean;
}

export interface RunGrid {
  instances: string[];
  /** Column start times, oldest first (the newest column is the last). */
  columns: number[];
  /** cells[row][column]; undefined where that instance has no run of that fire. */
  cells: (GridCell | undefined)[][];
}

/** Group runs into columns by start time: one column per fire, each instance at most once in it. */
export function buildGrid(history: RunHistory | undefined, order: readonly string[] = []): RunGrid {
  const instances = [...new Set([...order, ...(history?.runs.keys() ?? [])])].filter((id) => history?.runs.has(id));
  const all: { row: number; index: number; run: RunRecord; runs: readonly RunRecord[] }[] = [];
  instances.forEach((id, row) => {
    const runs = history?.runs.get(id) ?? [];
    runs.forEach((run, index) => all.push({ row, index, run, runs }));
  });
  all.sort((a, b) => (b.run.startTime ?? Infinity) - (a.run.startTime ?? Infinity));
  // Newest first while grouping; reversed at the end.
  const columns: { at: number; rows: Map<number, GridCell> }[] = [];
  for (const { row, index, run, runs } of all) {
    const at = run.startTime ?? Infinity;
    const last = columns[columns.length - 1];
    const cell = { run, newlyFailing: isNewlyFailing(runs, index) };
    if (last && !last.rows.has(row) && (at === last.at || Math.abs(last.at - at) <= SAME_FIRE_MS)) last.rows.set(row, cell);
    else columns.push({ at, rows: new Map([[row, cell]]) });
  }
  columns.reverse();
  return {
    instances,
    columns: columns.map((c) => c.at),
    cells: instances.map((_, row) => columns.map((c) => c.rows.get(row))),
  };
}

export type CellTone = 'success' | 'failed' | 'running' | 'stopped' | 'none';

/**
 * One cell, two columns wide: a glyph that says the outcome without colour, then `!` when it
 * is newly failing (else a space), and the tone to colour it.
 */
export function cellGlyph(cell: GridCell | undefined): { text: string; tone: CellTone } {
  if (!cell) return { text: '· ', tone: 'none' };
  const { run } = cell;
  if (run.status === 'Running' || run.status === 'Pending' || run.status === 'Stopping') return { text: '▶ ', tone: 'running' };
  if (STOPPED_FAMILY.has(run.status)) return { text: '■ ', tone: 'stopped' };
  if (FAILED_FAMILY.has(run.status) || runFailed(run)) return { text: cell.newlyFailing ? '✗!' : '✗ ', tone: 'failed' };
  return { text: '✓ ', tone: 'success' };
}

export const GRID_LEGEND = '✓ ok · ✗ failed · ✗! newly failing · ▶ running · ■ stopped · · no run';
