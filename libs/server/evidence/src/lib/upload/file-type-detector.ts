/** What `file-type` reports for a buffer; undefined when it recognises nothing (plain text has no magic bytes). */
export interface DetectedFileType {
  ext: string;
  mime: string;
}

interface FileTypeModule {
  fileTypeFromBuffer(buffer: Uint8Array): Promise<DetectedFileType | undefined>;
}

type NodeRequire = (id: string) => unknown;
type ModuleBuiltin = { createRequire(path: string): NodeRequire };

let loaded: FileTypeModule | undefined;

/**
 * `file-type` ships ESM only. Node (≥ 20.19) loads it with its own `require` (require(esm)); that `require` comes
 * from `process.getBuiltinModule`, so neither TypeScript's CommonJS output, the webpack bundle nor jest's module
 * registry (which cannot load ESM) rewrites the call.
 */
function fileTypeModule(): FileTypeModule {
  if (!loaded) {
    const { createRequire } = process.getBuiltinModule('module') as unknown as ModuleBuiltin;
    loaded = createRequire(__filename)('file-type') as FileTypeModule;
  }
  return loaded;
}

/** The type the bytes say they are, by their magic numbers and (for zips) their entries. */
export function detectFileType(head: Uint8Array): Promise<DetectedFileType | undefined> {
  return fileTypeModule().fileTypeFromBuffer(head);
}
