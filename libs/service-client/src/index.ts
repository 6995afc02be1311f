export { ServiceClient, type CallContext, type ServiceClientOptions, type ServiceRequest, type ServiceResponse } from './service-client.ts';
