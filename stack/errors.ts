// A failure the user can fix, reported as one line without a stack trace.
export class StackError extends Error {
  override name = 'StackError';
}
