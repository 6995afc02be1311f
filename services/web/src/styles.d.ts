// Vite turns CSS imports into stylesheets; to TypeScript they are side-effect-only modules.
declare module '*.css';
