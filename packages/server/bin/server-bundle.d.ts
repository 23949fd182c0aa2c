// Types of server-bundle.js (plain JavaScript, so that bin/shuoshi.js runs without tsx).

/**
 * The built server: `packages/server/dist/cli/main.js` (at the depth of `src/cli/main.ts`, whose
 * relative paths to `db/schema.sql` and the admin panel it keeps).
 * @example
 * await import(pathToFileURL(SERVER_BUNDLE).href);
 */
export declare const SERVER_BUNDLE: string;

/**
 * The node flags the server runs with, wherever it is started (package.json's `start` and
 * `shuoshi` scripts, bin/shuoshi.js's first line, the benchmark); see server-bundle.js for why.
 * @example
 * spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE, 'start']);
 */
export declare const SERVER_NODE_FLAGS: readonly string[];

/**
 * Where the list of a bundle's input files is kept: beside the bundle, `<bundle>.inputs.json`.
 * @example
 * serverBundleInputsFile('/repo/packages/server/dist/cli/main.js'); // '/repo/packages/server/dist/cli/main.js.inputs.json'
 */
export declare function serverBundleInputsFile(bundle: string): string;

/**
 * Tells why the bundle must be (re)built: it or its inputs list is missing, or a listed input (a
 * bundled source, a package.json, the build script) is gone or newer than the bundle; null when it
 * is current.
 * @example
 * serverBuildStaleReason(); // 'packages/server/src/cli/run-cli.ts changed after the last build'
 */
export declare function serverBuildStaleReason(bundle?: string): string | null;
