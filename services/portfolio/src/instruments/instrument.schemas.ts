// The request shapes are the public API's, defined once in @ledgerline/api-schemas.
export { symbolInput, symbolParam, searchInstrumentsQuery, updatePriceRequest as updatePriceSchema } from '@ledgerline/api-schemas';
