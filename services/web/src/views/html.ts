import { html } from 'htm/preact';

export { html };

/** What a component renders. */
export type View = ReturnType<typeof html> | null;

/** The value of the input/select an event came from. */
export function valueOf(event: Event): string {
  return (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
}

/** Whether the checkbox an event came from is now checked. */
export function checkedOf(event: Event): boolean {
  return (event.currentTarget as HTMLInputElement).checked;
}
