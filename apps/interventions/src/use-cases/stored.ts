/**
 * The row a workflow step has just written through this service's activity. The activity commits
 * before the workflow answers, so it is there; if it is not, something is badly wrong (a second
 * database?) and the caller gets a 500, not a made-up answer.
 */
export function storedOrFail<T>(kind: string, id: string, stored: T | null): T {
  if (stored === null) {
    throw new Error(`The ${kind} ${id} the workflow reported written is not in the database`);
  }
  return stored;
}
