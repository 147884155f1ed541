// The pure rules of the storage server: which object names and bucket ids are acceptable, which
// MIME types a bucket takes, and how a size limit is worded.

/** The largest object any bucket takes: the Supabase CLI's default `storage.file_size_limit`. */
export const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

/**
 * Why an object name is refused, or undefined when it is acceptable. Names are keys, never file
 * paths (files are stored under the object's id), but a name that would be a path trick is
 * refused all the same: no empty, `.` or `..` segment, no leading or trailing slash, no
 * backslash or control character. `%`, `?` and `#` are refused too: supabase-js puts the name in
 * URLs unencoded, so such a name could not be read back the way it was written.
 */
export function invalidKeyReason(name: string): string | undefined {
  if (!name) return 'the name is empty';
  if (Buffer.byteLength(name, 'utf8') > 1024) return 'the name is longer than 1024 bytes';
  if (name.startsWith('/') || name.endsWith('/')) return 'the name starts or ends with a slash';
  if (/[\u0000-\u001f\u007f\\%?#]/.test(name)) return 'the name holds a control character, a backslash, %, ? or #';
  for (const segment of name.split('/')) {
    if (segment === '') return 'the name holds an empty folder (//)';
    if (segment === '.' || segment === '..') return 'the name holds a . or .. segment';
  }
  return undefined;
}

/** A bucket id that is safe as one folder name under the storage root. */
export function isSafeBucketId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(id) && !id.includes('..');
}

/** The MIME type without parameters, lower-cased: `Image/PNG; x=1` → `image/png`. */
export function bareMimeType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a bucket's allowed_mime_types (exact types and `type/*` wildcards) takes the type. */
export function mimeTypeAllowed(mimeType: string, allowed: string[] | null | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type, subtype] = bareMimeType(mimeType).split('/');
  if (!type || !subtype) return false;
  return allowed.some((entry) => {
    const [allowedType, allowedSubtype] = bareMimeType(entry).split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
}

/** `20 MB (20971520 bytes)`, `512 KB (524288 bytes)`, `1000 bytes`. */
export function describeSize(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb && bytes % mb === 0) return `${bytes / mb} MB (${bytes} bytes)`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB (${bytes} bytes)`;
  return `${bytes} bytes`;
}
