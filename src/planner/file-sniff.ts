// What a file really is, from its first bytes: the photo and video formats VK takes. The type a client declares
// is only a claim; a file whose bytes are none of these (100 MB of zeros sent as image/png) is refused.

export type SniffedType = {
  mime: string;
  kind: 'image' | 'video';
};

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  text.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The type of a file by its magic bytes (the first 16 are enough), or null for anything else. */
export function sniffType(head: Uint8Array): SniffedType | null {
  const b = head;
  if (b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\u001a\n')) return { mime: 'image/png', kind: 'image' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', kind: 'image' };
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return { mime: 'image/gif', kind: 'image' };
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return { mime: 'image/webp', kind: 'image' };
  if (ascii(b, 4, 'ftyp'))
    return ascii(b, 8, 'qt  ')
      ? { mime: 'video/quicktime', kind: 'video' }
      : { mime: 'video/mp4', kind: 'video' };
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)
    return { mime: 'video/webm', kind: 'video' };
  return null;
}

/** Names a client may give the same type by. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/x-m4v': 'video/mp4',
  'video/mov': 'video/quicktime',
  'video/x-matroska': 'video/webm',
};

/** Whether the declared type agrees with the bytes; a client that declares nothing specific agrees. */
export function claimMatches(declared: string, sniffed: SniffedType): boolean {
  const claim = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (claim === '' || claim === 'application/octet-stream') return true;
  return (ALIASES[claim] ?? claim) === sniffed.mime;
}
