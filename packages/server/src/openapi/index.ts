export { buildOpenApiDocument } from './build-open-api-document.js';
export { renderApiMarkdown } from './render-api-markdown.js';
