/** Shortens a sentence to a note of about `max` characters, at a word boundary. */
export function clip(text: string, max = 180): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).replace(/[,;:]$/, '')}…`;
}
