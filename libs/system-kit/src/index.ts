export { startSystem, type RunningSystem, type SystemOptions, type ServiceName, type ServiceProcess } from './system.ts';
export { freePort } from './free-port.ts';
