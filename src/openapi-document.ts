import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
} from '@nestjs/swagger';
import { ErrorResponseDto } from './common/error-response.dto';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The API contract served at /docs and checked in as openapi.json (`npm run openapi`). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('claimdesk')
      .setDescription(
        'Articles in, atomic claims out, reviewed by people with full history. Authorization: Bearer <API key>.',
      )
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'cdk_… API key',
        description:
          'Every API call sends `Authorization: Bearer <key>`; `npm run cli -- keys:create` makes the first key.',
      })
      .build(),
    { extraModels: [ErrorResponseDto] },
  );
  for (const path of Object.values(document.paths)) giveErrorsTheirShape(path);
  return document;
}

/** Every error answer has the one shape the exception filter writes, so no route needs to repeat it. */
function giveErrorsTheirShape(path: PathItemObject): void {
  for (const method of METHODS) {
    const operation: OperationObject | undefined = path[method];
    for (const [status, response] of Object.entries(operation?.responses ?? {}))
      if (Number(status) >= 400 && response && !('$ref' in response) && !response.content)
        response.content = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } };
  }
}
