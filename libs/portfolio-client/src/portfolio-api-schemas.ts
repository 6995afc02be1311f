import * as api from '@ledgerline/api-schemas';

/**
 * The portfolio service's public answers as the gateway reads them: the API's own schemas (@ledgerline/api-schemas),
 * read tolerantly — every documented field checked, fields a newer service adds passed on.
 */
export const portfolioSchema = api.tolerant(api.portfolio);
export const portfolioListSchema = api.tolerant(api.portfolioList);
export const holdingSchema = api.tolerant(api.holding);
export const holdingListSchema = api.tolerant(api.holdingList);
export const performanceSchema = api.tolerant(api.performance);
export const instrumentSchema = api.tolerant(api.instrument);
export const instrumentListSchema = api.tolerant(api.instrumentList);
export type { Performance, Portfolio } from '@ledgerline/api-schemas';
