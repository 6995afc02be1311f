export { startSystem, type RunningSystem, type SystemOptions, type ServiceName } from './system.ts';
export { freePort } from './free-port.ts';
