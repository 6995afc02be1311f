/** Thrown when a database location is not allowed in the current process. */
export class DatabaseLocationRefusedError extends Error {
  readonly code = 'DATABASE_LOCATION_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseLocationRefusedError';
  }
}
