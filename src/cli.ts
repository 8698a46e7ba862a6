import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ApiKeyEntity } from './auth/api-key.entity';
import { generateApiKey } from './auth/api-key-secret';
import { ApiKeysRepository } from './auth/api-keys.repository';
import { ApiKeysService } from './auth/api-keys.service';
import { ROLES, type Role } from './auth/role';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';
import { importFactCheckFile } from './fact-checks/fact-check-file-import';
import { FactCheckImportService } from './fact-checks/fact-check-import.service';
import { FactCheckQueueService } from './fact-checks/fact-check-queue.service';
import { FactChecksRepository } from './fact-checks/fact-checks.repository';
import { PeopleModule } from './people/people.module';
import { PeopleService } from './people/people.service';
import { PERSON_ROLES, type PersonRole } from './people/user.entity';

@Module({
  imports: [AppConfigModule, DatabaseModule, QueueModule, TypeOrmModule.forFeature([ApiKeyEntity]), PeopleModule],
  providers: [ApiKeysRepository, ApiKeysService, FactChecksRepository, FactCheckImportService, FactCheckQueueService],
})
class CliModule {}

const USAGE = `usage:
  npm run cli -- keys:create --role admin|editor|integrator --name NAME   store a key and print it once
  npm run cli -- users:create --role admin|editor|reviewer --email E --name N   invite a person (the first admin); prints the link once
  npm run cli -- keys:generate                                            print a fresh key for ADMIN_API_KEY (stores nothing)
  npm run cli -- fact-checks:import FILE                                  import ClaimReview from a JSON file (object, array or {items}) or JSON Lines`;

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const [command] = args;
  if (command === 'keys:generate') {
    console.log(generateApiKey().key);
    return;
  }
  if (command === 'fact-checks:import') {
    if (!args[1]) throw new Error(USAGE);
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
    try {
      const total = await importFactCheckFile(app.get(FactCheckImportService), args[1], (done) =>
        process.stderr.write(`\r${done} items`),
      );
      console.log(
        `\nimported ${total.imported}, updated ${total.updated}, skipped ${total.skipped}, errors ${total.errors.length}`,
      );
      for (const error of total.errors.slice(0, 20)) console.log(`  item ${error.index}: ${error.message}`);
    } finally {
      await app.close();
    }
    return;
  }
  if (command === 'users:create') {
    const role = flag(args, 'role') as PersonRole | undefined;
    const email = flag(args, 'email');
    const name = flag(args, 'name');
    if (!role || !PERSON_ROLES.includes(role) || !email || !name) throw new Error(USAGE);
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
    try {
      const { user, inviteUrl } = await app.get(PeopleService).invite({ role, email, name }, null);
      console.log(
        `Invited ${user.name} <${user.email}> as ${user.role} (${user.id}). Open this link (it works once, for 72 h) to set a password:\n${inviteUrl}`,
      );
    } finally {
      await app.close();
    }
    return;
  }
  if (command !== 'keys:create') throw new Error(USAGE);
  const role = flag(args, 'role') as Role | undefined;
  const name = flag(args, 'name');
  if (!role || !ROLES.includes(role) || role === 'reviewer' || !name)
    throw new Error(`${USAGE}\n(reviewer keys are made with POST /admin/keys, naming the reviewer)`);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const { entity, key } = await app.get(ApiKeysService).create({ name, role });
    console.log(`Created ${role} key "${name}" (${entity.id}). It is shown this once:\n${key}`);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
