/** One guardrail finding: where (repo-relative posix path, 1-based line; 0 when no line applies), which rule, why. */
export interface Violation {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** A guardrail over the repo tree: takes the repo root, returns every violation (empty when clean). */
export type Check = (root: string) => Violation[];

/** `file:line rule — message`, the one-line form run.ts prints. */
export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line} ${v.rule} — ${v.message}`;
}

/** Violations in a stable order: by file, then line, then rule. */
export function sortViolations(list: Violation[]): Violation[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}
