import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Model Inventory API')
    .setDescription(
      'The register of every AI/ML model an organisation uses: approval status, risks, security evidence and audit trail. ' +
        'Sign in with POST /api/auth/login and send the access token as `Authorization: Bearer <token>`. ' +
        'Errors are RFC 9457 problem documents (application/problem+json).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token of POST /api/auth/login.' })
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'mi_…', description: 'An API token for scripts (POST /api/api-tokens).' }, API_TOKEN_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // `ProjectsController.create` becomes `projectsCreate` in generated clients.
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}${capitalise(methodKey)}`,
  });
  return acceptApiTokensWhereverBearerIs(document);
}

const API_TOKEN_SCHEME = 'api-token';

/** Every route that takes an access token takes an API token too: either satisfies the operation. */
function acceptApiTokensWhereverBearerIs(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ security?: Array<Record<string, string[]>> }>) {
      const security = operation?.security;
      if (security?.some((requirement) => 'bearer' in requirement) && !security.some((requirement) => API_TOKEN_SCHEME in requirement)) {
        operation.security = [...security, { [API_TOKEN_SCHEME]: [] }];
      }
    }
  }
  return document;
}

export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Model Inventory API',
  });
}
