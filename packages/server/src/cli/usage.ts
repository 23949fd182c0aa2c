/**
 * The `shuoshi --help` text.
 * @example
 * console.log(USAGE);
 */
export const USAGE = `shuoshi — 职工说事 Shuoshi case-workflow server

Usage:
  shuoshi start                          migrate, seed the Ninghai demo on an empty database, serve the API
  shuoshi migrate                        bring the database schema up to date
  shuoshi seed [--force]                 seed the Ninghai demo into an empty database
                                         (--force: fail, rather than do nothing, when it is not empty)
  shuoshi import-workflow FILE [--draft] validate a workflow definition (JSON) and add it to the county
                                         union, published (or as a draft with --draft)
  shuoshi export-workflow KEY [--version N]
                                         print a workflow's definition (latest published version by default)
  shuoshi --help                         this text

Configuration (environment variables):
  PORT (3000), HOST (127.0.0.1), SHUOSHI_DATA_DIR (./.shuoshi/data: the embedded PGlite database),
  DATABASE_URL (postgres://...: use PostgreSQL instead), SHUOSHI_DB_SCHEMA (public),
  SHUOSHI_SECRET (signs login tokens; required with DATABASE_URL, generated and kept in the data
  folder otherwise), SHUOSHI_SEED (true), SHUOSHI_ADMIN_DIST (packages/admin/dist),
  SHUOSHI_TEST_MODE (false), LOG_LEVEL (info), SHUOSHI_WORKERS (1; "auto" or a number: on PostgreSQL
  that many server processes share the port, the database migrated and seeded once; PGlite and
  test mode are one process), SHUOSHI_CASE_CACHE_SIZE (1000: cases each process keeps in memory so
  that an event on one it holds skips reading it; 0 turns that off).
`;
