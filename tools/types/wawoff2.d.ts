/** wawoff2 ships no types: WOFF2 encoding and decoding (Google's woff2, compiled to WebAssembly). */
declare module 'wawoff2' {
  export function compress(font: Uint8Array): Promise<Uint8Array>;
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
