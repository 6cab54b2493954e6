// @ts-check
// Console output helpers: labelled child-process lines (like docker compose) and a few colours when on a TTY.
/** @param {NodeJS.WriteStream} stream */
const useColour = (stream) => stream.isTTY && !process.env.NO_COLOR;

/** @typedef {keyof typeof codes} Style */

const codes = {
  bold: 1,
  dim: 2,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
};

/**
 * @param {string} text
 * @param {Style} style
 * @param {NodeJS.WriteStream} [stream]
 */
export function paint(text, style, stream = process.stdout) {
  return useColour(stream) ? `\u001b[${codes[style]}m${text}\u001b[0m` : text;
}

/** Returns `(line, stream) => void` that writes `name | line` to our stdout or stderr. */
/**
 * @param {string} name
 * @param {Style} colour
 * @returns {(line: string, stream?: 'stdout' | 'stderr') => void}
 */
export function labelledWriter(name, colour, width = 8) {
  return (line, stream = 'stdout') => {
    /** @type {NodeJS.WriteStream} */
    const target = stream === 'stderr' ? process.stderr : process.stdout;
    target.write(
      `${paint(`${name.padEnd(width)}|`, colour, target)} ${line}\n`,
    );
  };
}

/** A section header such as `==> Build`. */
/** @param {string} text */
export function heading(text) {
  process.stdout.write(`\n${paint(`==> ${text}`, 'bold')}\n`);
}
