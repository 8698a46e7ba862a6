import globalSetup from '../test/global-setup';

/** What every benchmark needs first: the build and the migrated template database. */
void globalSetup();
