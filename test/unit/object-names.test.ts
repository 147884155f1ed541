import { describe, expect, it } from 'vitest';
import { decodeFileName, encodeFileName } from '../../src/lib/object-names.ts';

// storage-api's mustBeValidKey: the characters a Storage key may hold.
const S3_SAFE = /^[A-Za-z0-9_/!.*'() &$=@;:+,-]*$/;

describe('file names in Storage keys', () => {
  it.each(['支部活动照片.png', '现场 照片（2026）.jpg', 'plan.pdf', 'a/b\\c?#%.pdf', '😀.png', '.'])('%s goes into a key Storage takes, and comes back', (name) => {
    const encoded = encodeFileName(name);
    expect(encoded).toMatch(S3_SAFE);
    expect(encoded).not.toMatch(/[/.]/);
    expect(decodeFileName(encoded)).toBe(name);
  });

  it('shows a name that was never encoded as it is', () => {
    expect(decodeFileName('report.pdf')).toBe('report.pdf');
    expect(decodeFileName('现场照片.png')).toBe('现场照片.png');
  });
});
