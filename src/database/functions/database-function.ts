/**
 * One function of the database's own code, in the only place it is written: `definition` is its `CREATE OR REPLACE
 * FUNCTION`, `triggers` the `CREATE OR REPLACE TRIGGER`s that call it. They are applied after the migrations, every
 * time they run (see ../migrate.ts), so the database always runs what this folder says.
 */
export interface DatabaseFunction {
  name: string;
  definition: string;
  triggers: string[];
}
