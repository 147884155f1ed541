// multipart/form-data (RFC 7578) as supabase-js sends an upload from a browser: a `cacheControl`
// field, an optional `metadata` field, and the file as a part with a filename. The body is
// already in memory (its size is capped by the bucket's limit before it is read).

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export class MultipartError extends Error {}

/** The boundary of a multipart/form-data content type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function headerParam(value: string, param: string): string | undefined {
  const re = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = re.exec(value);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new MultipartError('the multipart body has no boundary');
  for (;;) {
    position += delimiter.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // "--": the end
    if (body[position] !== 0x0d || body[position + 1] !== 0x0a) throw new MultipartError('malformed multipart boundary line');
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) throw new MultipartError('a multipart part has no end of headers');
    const headers = new Map<string, string>();
    for (const line of body.subarray(position, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new MultipartError('a multipart part is not terminated');
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) throw new MultipartError('a multipart part is not form-data');
    parts.push({
      name: headerParam(disposition, 'name') ?? '',
      filename: headerParam(disposition, 'filename'),
      contentType: headers.get('content-type'),
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
}
