// The pure rules of the storage server: which object names and bucket ids are acceptable, which
// MIME types a bucket takes, and how a bucket's size limit is read.

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
  // storage-api's mustBeValidKey (src/storage/limits.ts): S3's safe characters only, so a name in
  // Chinese is refused on hosted Supabase, and here.
  if (!/^[A-Za-z0-9_/!.*'() &$=@;:+,-]*$/.test(name)) return 'the name holds a character outside S3\'s safe set';
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

/** A bucket name storage-api takes (src/storage/limits.ts, isValidBucketName): 1 to 100 of S3's safe characters, no slash. */
export function isValidBucketName(name: string): boolean {
  return name.length > 0 && name.length < 101 && /^[A-Za-z0-9_!.*'() &$=@;:+,?-]*$/.test(name);
}

/** The MIME type without parameters, lower-cased, as busboy gives a multipart file's: `Image/PNG; x=1` → `image/png`. */
export function bareMimeType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Whether a bucket's allowed_mime_types (exact types and `type/*` wildcards) takes the type, as
 * storage-api's validateMimeType (src/storage/uploader.ts) decides: the value is split at `/` and
 * compared as it is, so `Image/PNG` or `image/png; q=1` is not `image/png`.
 */
export function mimeTypeAllowed(mimeType: string, allowed: string[] | null | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type, subtype] = mimeType.split('/');
  if (subtype === undefined) return false;
  return allowed.some((entry) => {
    const [allowedType, allowedSubtype] = entry.split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
}

/** An entry storage-api takes in a bucket's allowed_mime_types (src/storage/storage.ts, validateMimeType). */
export function isValidAllowedMimeType(entry: string): boolean {
  return entry.length <= 1000 && /^([a-zA-Z0-9\-+.]+)\/([a-zA-Z0-9\-+.]+)(;\s*charset=[a-zA-Z0-9\-]+)?$|\*$/.test(entry);
}

/**
 * A bucket's file_size_limit given as text, `20MB`, `512KB`, `1.5GB`, in bytes (decimal units, as
 * storage-api's parseFileSizeToBytes counts them), or undefined when it is not one.
 */
export function parseFileSize(text: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(text);
  if (!match) return undefined;
  const value = Number(Number.parseFloat(match[1]!).toPrecision(3));
  return value * { gb: 1e9, mb: 1e6, kb: 1e3, b: 1 }[match[2]!.toLowerCase() as 'gb' | 'mb' | 'kb' | 'b'];
}

/** The placeholder the Supabase dashboard writes for an empty folder: no size, any type (limits.ts, isEmptyFolder). */
export function isEmptyFolder(name: string): boolean {
  return name.endsWith('.emptyFolderPlaceholder');
}
