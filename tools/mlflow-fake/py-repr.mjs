// @ts-check
// Python's repr() of parsed JSON values and of bytes, for MLflow error messages that interpolate them.

/** @param {unknown} value @returns {string} */
export function pyRepr(value) {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pyStringRepr(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(/** @type {object} */ (value));
  return `{${entries.map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** `'text'`, or `"text"` when the text holds a single quote and no double quote. @param {string} text */
export function pyStringRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = [...text]
    .map((ch) => {
      if (ch === '\\') return '\\\\';
      if (ch === quote) return `\\${quote}`;
      if (ch === '\n') return '\\n';
      if (ch === '\r') return '\\r';
      if (ch === '\t') return '\\t';
      return ch;
    })
    .join('');
  return `${quote}${body}${quote}`;
}

/** `b'...'` as Python prints bytes. @param {Buffer} bytes */
export function pyBytesRepr(bytes) {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let body = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    if (ch === '\\') body += '\\\\';
    else if (ch === quote) body += `\\${quote}`;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\t') body += '\\t';
    else if (byte < 0x20 || byte >= 0x7f)
      body += `\\x${byte.toString(16).padStart(2, '0')}`;
    else body += ch;
  }
  return `b${quote}${body}${quote}`;
}
