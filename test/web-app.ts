// The whole web app for feature tests that need Publica on a real port (e.g. VK calling its Callback API route).
export { buildWebApp } from '../src/main/web.ts';
