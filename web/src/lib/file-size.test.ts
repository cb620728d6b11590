import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('the size of an integration document', () => {
  it('reads in Italian units and decimals', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(2_621_440)).toBe('2,5 MB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
  });
});
