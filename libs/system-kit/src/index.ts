export { startSystem, DATABASE_SERVICES, type DatabaseService, type RunningSystem, type SystemOptions, type ServiceName, type ServiceProcess } from './system.ts';
export { freePort } from './free-port.ts';
export { E2E_BROWSER, e2eBrowserPath } from './e2e-browser.ts';
