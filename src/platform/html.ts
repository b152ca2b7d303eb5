// Text put into HTML that Publica renders itself (reports, PDF headers, certificates): every character that
// could open markup becomes a numeric entity.
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
