import { buildService } from '../global-setup';

/** Only the build: the suite makes its own primary and replica and migrates its database there, not on the machine's Postgres. */
export default function replicaGlobalSetup(): void {
  buildService();
}
