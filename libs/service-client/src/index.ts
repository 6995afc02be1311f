export { ServiceClient, type CallContext, type RawResponse, type ServiceClientOptions, type ServiceRequest, type ServiceResponse } from './service-client.ts';
