import { z } from 'zod';

/**
 * The same schema for a client reading another service's answer: every documented field is checked as the schema
 * says, and an object at any depth may carry fields it does not know (a newer service may send more). `keep`
 * passes them on (the gateway forwards bodies, and its tests check them against the OpenAPI document); `drop`
 * leaves them out (a caller that stores what it reads). One definition of the shape, two reading policies.
 */
export function tolerant<T extends z.ZodType>(schema: T, unknownFields: 'keep' | 'drop' = 'keep'): T {
  return relax(schema, unknownFields) as T;
}

function relax(schema: z.ZodType, unknownFields: 'keep' | 'drop'): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, relax(field as z.ZodType, unknownFields)]));
    return unknownFields === 'keep' ? z.looseObject(shape) : z.object(shape);
  }
  if (schema instanceof z.ZodArray) return z.array(relax(schema.element as z.ZodType, unknownFields));
  if (schema instanceof z.ZodNullable) return relax(schema.unwrap() as z.ZodType, unknownFields).nullable();
  if (schema instanceof z.ZodOptional) return relax(schema.unwrap() as z.ZodType, unknownFields).optional();
  return schema;
}
