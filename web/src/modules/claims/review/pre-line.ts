import type { CSSProperties } from 'react';

/** Keeps the line breaks a person typed in a reason or a request (no utility class for it in Bootstrap). */
export const PRE_LINE: CSSProperties = { whiteSpace: 'pre-line' };
