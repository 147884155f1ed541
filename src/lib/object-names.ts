// A file's own name inside a Storage key. Supabase Storage takes only S3's safe characters in a
// key (storage-api's mustBeValidKey), so a name like 支部活动照片.png is carried base64url-encoded
// (letters, digits, - and _) and read back for display.

export function encodeFileName(name: string): string {
  const bytes = new TextEncoder().encode(name);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The name encodeFileName encoded; a key part that is not one (an older, plain name) as it is. */
export function decodeFileName(encoded: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return encoded;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const name = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return encodeFileName(name) === encoded ? name : encoded;
  } catch {
    return encoded;
  }
}
