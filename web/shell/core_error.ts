// The core throws an object naming the input at fault (`field`) and why (`reason`). Anything
// else thrown through it (a wasm trap, an engine error) is given the same shape, so that a
// page handles one kind of error.

export interface CoreError {
  readonly field: string;
  readonly reason: string;
}

export function coreError(error: unknown): CoreError {
  if (typeof error === 'object' && error !== null) {
    const { field, reason } = error as { field?: unknown; reason?: unknown };
    if (typeof field === 'string' && typeof reason === 'string') return { field, reason };
  }
  return { field: 'core', reason: error instanceof Error ? error.message : String(error) };
}
