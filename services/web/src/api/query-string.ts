/** `?a=1&b=x` from the given values in their given order, skipping undefined, null and blank ones; '' when none. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text !== '') search.append(name, text);
  }
  const encoded = search.toString();
  return encoded ? `?${encoded}` : '';
}
