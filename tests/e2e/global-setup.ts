// Serves the production build once for the whole end-to-end run; tests read its address with inject('baseUrl').
import type { TestProject } from 'vitest/node';
import { serveDist } from './support/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await serveDist();
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
