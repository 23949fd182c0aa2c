import { createTestContext } from '../testing/test-context.js';
import { buildOpenApiDocument } from './build-open-api-document.js';
import { renderApiMarkdown } from './render-api-markdown.js';

/**
 * Builds the app on a throw-away database and renders `docs/api.md` from its route registry.
 * @example
 * writeFileSync('docs/api.md', await apiMarkdownOf());
 */
export async function apiMarkdownOf(): Promise<string> {
  const context = await createTestContext();
  try {
    return renderApiMarkdown(buildOpenApiDocument(context.registry));
  } finally {
    await context.close();
  }
}
