// Injected into the CommonJS build only (scripts/lib/build.mjs): import.meta.url for a CJS file.
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
