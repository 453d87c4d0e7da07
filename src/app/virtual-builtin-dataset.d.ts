// The built-in stories, read from data/ and validated at build time by scripts/builtin-dataset-plugin.ts.
declare module 'virtual:builtin-dataset' {
  const dataset: import('../domain/schema.ts').Dataset;
  export default dataset;
}
