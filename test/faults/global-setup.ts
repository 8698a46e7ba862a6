import { rmSync } from 'node:fs';
import globalSetup from '../global-setup';
import { SUMMARY_FILE } from './fault-kit';

/** The e2e set-up (build, migrated template database), and a fresh summary for this run's scenario lines. */
export default async function faultsGlobalSetup(): Promise<void> {
  await globalSetup();
  rmSync(SUMMARY_FILE, { force: true });
}
